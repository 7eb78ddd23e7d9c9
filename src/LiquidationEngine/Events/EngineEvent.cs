using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Events;

/// <summary>
/// A typed engine event. <see cref="ToLog"/> gives the exact EVM log (<see cref="EngineEvents"/>);
/// <see cref="Decode"/> reads any engine log back into its record.
/// </summary>
public abstract record EngineEvent
{
    // Only this assembly derives: Decode knows every kind.
    private protected EngineEvent()
    {
    }

    /// <summary>The event's declaration.</summary>
    public abstract EventDefinition Definition { get; }

    /// <summary>The log the EVM would record for this event.</summary>
    public abstract EventLog ToLog();

    /// <summary>Reads an engine log into its typed record.</summary>
    /// <exception cref="FormatException">The log is not one of <see cref="EngineEvents.All"/> or <see cref="ProtectionEvents.All"/>, or is malformed.</exception>
    public static EngineEvent Decode(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        foreach (EventDefinition definition in EngineEvents.All)
        {
            if (!definition.Matches(log)) continue;
            AbiValue[] v = definition.Decode(log);
            return definition.Name switch
            {
                "AssetListed" => new AssetListedEvent(v[0].AsAddress(), (byte)(ulong)v[1].AsUInt256(), v[2].AsUInt256()),
                "RiskParametersSet" => new RiskParametersSetEvent(v[0].AsAddress(), new RiskParameters(
                    Small(v[1]), Small(v[2]), Small(v[3]), Small(v[4]), (AssetFlags)Small(v[5]), v[6].AsUInt256(), v[7].AsUInt256())),
                "PriceSet" => new PriceSetEvent(v[0].AsAddress(), v[1].AsUInt256(), v[2].AsUInt256()),
                "Supply" => new SupplyEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256(), v[3].AsUInt256()),
                "Withdraw" => new WithdrawEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256(), v[3].AsUInt256()),
                "Borrow" => new BorrowEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256(), v[3].AsUInt256()),
                "Repay" => new RepayEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256(), v[3].AsUInt256()),
                "UseAsCollateralSet" => new UseAsCollateralSetEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsBool()),
                "InterestAccrued" => new InterestAccruedEvent(v[0].AsAddress(), v[1].AsUInt256(), v[2].AsUInt256()),
                "BadDebtRealized" => new BadDebtRealizedEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256()),
                "InsuranceAbsorbed" => new InsuranceAbsorbedEvent(v[0].AsAddress(), v[1].AsUInt256(), v[2].AsUInt256()),
                "BackstopAbsorbed" => new BackstopAbsorbedEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256(), v[3].AsUInt256()),
                "LossSocialized" => new LossSocializedEvent(v[0].AsAddress(), v[1].AsUInt256(), v[2].AsUInt256(), v[3].AsUInt256()),
                "AssetFrozen" => new AssetFrozenEvent(v[0].AsAddress(), v[1].AsUInt256(), v[2].AsUInt256(), v[3].AsUInt256()),
                "InsuranceDeposited" => new InsuranceDepositedEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256(), v[3].AsUInt256()),
                "InsuranceWithdrawn" => new InsuranceWithdrawnEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256(), v[3].AsUInt256()),
                "InsurancePolicySet" => new InsurancePolicySetEvent(v[0].AsAddress(), v[1].AsUInt256(), Small(v[2])),
                "BackstopSet" => new BackstopSetEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsUInt256()),
                _ => new LiquidationCallEvent(v[0].AsAddress(), v[1].AsAddress(), v[2].AsAddress(), v[3].AsAddress(),
                    v[4].AsUInt256(), v[5].AsUInt256(), v[6].AsUInt256(), Small(v[7]), v[8].AsUInt256(), v[9].AsUInt256()),
            };
        }
        return ProtectionEvents.TryDecode(log) ?? throw new FormatException($"{log} is not an engine event.");
    }

    private static uint Small(AbiValue value)
    {
        UInt256 word = value.AsUInt256();
        if (word > uint.MaxValue)
            throw new FormatException($"{word} does not fit the 32-bit field it encodes.");
        return (uint)(ulong)word;
    }
}

/// <summary><c>AssetListed(address indexed asset, uint8 decimals, uint256 price)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Decimals">Token decimals.</param>
/// <param name="Price">First price, base-currency units per whole token.</param>
public sealed record AssetListedEvent(Address Asset, byte Decimals, UInt256 Price) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.AssetListed;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, (ulong)Decimals, Price);
}

/// <summary><c>RiskParametersSet(address indexed asset, uint256 ltvBps, ..., uint256 borrowCap)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Risk">The parameters now in force.</param>
public sealed record RiskParametersSetEvent(Address Asset, RiskParameters Risk) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.RiskParametersSet;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(
        Asset, (ulong)Risk.LtvBps, (ulong)Risk.LiquidationThresholdBps, (ulong)Risk.LiquidationBonusBps, (ulong)Risk.ProtocolFeeBps,
        (ulong)Risk.Flags, Risk.SupplyCap, Risk.BorrowCap);
}

/// <summary><c>PriceSet(address indexed asset, uint256 oldPrice, uint256 newPrice)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="OldPrice">Price before, base-currency units per whole token.</param>
/// <param name="NewPrice">Price after.</param>
public sealed record PriceSetEvent(Address Asset, UInt256 OldPrice, UInt256 NewPrice) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.PriceSet;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, OldPrice, NewPrice);
}

/// <summary><c>UseAsCollateralSet(address indexed asset, address indexed account, bool enabled)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Account">The account.</param>
/// <param name="Enabled">Whether the account's supply of the asset now counts as collateral.</param>
public sealed record UseAsCollateralSetEvent(Address Asset, Address Account, bool Enabled) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.UseAsCollateralSet;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, Account, Enabled);
}

/// <summary><c>InterestAccrued(address indexed asset, uint256 borrowIndex, uint256 supplyIndex)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="BorrowIndex">New borrow index, RAY.</param>
/// <param name="SupplyIndex">New supply index, RAY.</param>
public sealed record InterestAccruedEvent(Address Asset, UInt256 BorrowIndex, UInt256 SupplyIndex) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.InterestAccrued;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, BorrowIndex, SupplyIndex);
}

/// <summary>
/// <c>LiquidationCall(address indexed collateralAsset, address indexed debtAsset, address indexed account,
/// address liquidator, uint256 debtRepaid, uint256 collateralSeized, uint256 protocolFee,
/// uint256 liquidationBonusBps, uint256 healthFactorBefore, uint256 healthFactorAfter)</c>.
/// </summary>
/// <param name="CollateralAsset">The asset seized.</param>
/// <param name="DebtAsset">The asset repaid.</param>
/// <param name="Account">The liquidated account.</param>
/// <param name="Liquidator">Who paid the debt and received the collateral.</param>
/// <param name="DebtRepaid">Debt-asset token units paid in.</param>
/// <param name="CollateralSeized">Collateral token units taken from the account, fee included.</param>
/// <param name="ProtocolFee">Collateral token units kept as protocol reserves.</param>
/// <param name="LiquidationBonusBps">Bonus applied, 10 000 + premium bps.</param>
/// <param name="HealthFactorBefore">Health factor before, WAD.</param>
/// <param name="HealthFactorAfter">Health factor after, WAD (uint256 max when no debt is left).</param>
public sealed record LiquidationCallEvent(
    Address CollateralAsset,
    Address DebtAsset,
    Address Account,
    Address Liquidator,
    UInt256 DebtRepaid,
    UInt256 CollateralSeized,
    UInt256 ProtocolFee,
    uint LiquidationBonusBps,
    UInt256 HealthFactorBefore,
    UInt256 HealthFactorAfter) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.LiquidationCall;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(
        CollateralAsset, DebtAsset, Account, Liquidator, DebtRepaid, CollateralSeized, ProtocolFee, (ulong)LiquidationBonusBps,
        HealthFactorBefore, HealthFactorAfter);
}
