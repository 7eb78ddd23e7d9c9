using LiquidationEngine.Abi;

namespace LiquidationEngine.Events;

/// <summary>
/// Every event the engine emits, declared once like Morpho Blue's EventsLib: topic 0 = keccak256 of the
/// canonical signature, indexed parameters as topics 1..3, the rest ABI-encoded in the data. spec/SPEC.md lists
/// each with its topic 0 and the operations that emit it; <see cref="EngineEvent.Decode"/> reads a log back
/// into a typed record.
/// </summary>
public static class EngineEvents
{
    /// <summary>ListAsset: a new asset, with its decimals and first price (followed by <see cref="RiskParametersSet"/>).</summary>
    public static readonly EventDefinition AssetListed = new("AssetListed(address indexed asset, uint8 decimals, uint256 price)");

    /// <summary>ListAsset and SetRiskParameters: the asset's risk parameters.</summary>
    public static readonly EventDefinition RiskParametersSet = new(
        "RiskParametersSet(address indexed asset, uint256 ltvBps, uint256 liquidationThresholdBps, uint256 liquidationBonusBps, uint256 protocolFeeBps, uint256 flags, uint256 supplyCap, uint256 borrowCap)");

    /// <summary>SetPrice: the price before and after, base-currency units per whole token.</summary>
    public static readonly EventDefinition PriceSet = new("PriceSet(address indexed asset, uint256 oldPrice, uint256 newPrice)");

    /// <summary>Supply: token units in and scaled units minted.</summary>
    public static readonly EventDefinition Supply = new("Supply(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)");

    /// <summary>Withdraw: token units out and scaled units burned.</summary>
    public static readonly EventDefinition Withdraw = new("Withdraw(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)");

    /// <summary>Borrow: token units out and scaled debt minted.</summary>
    public static readonly EventDefinition Borrow = new("Borrow(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)");

    /// <summary>Repay: token units in and scaled debt burned.</summary>
    public static readonly EventDefinition Repay = new("Repay(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)");

    /// <summary>SetUseAsCollateral, a first Supply (enabled), or a Withdraw/Liquidate that empties a collateral (disabled).</summary>
    public static readonly EventDefinition UseAsCollateralSet = new("UseAsCollateralSet(address indexed asset, address indexed account, bool enabled)");

    /// <summary>AccrueInterest: the new indexes, RAY.</summary>
    public static readonly EventDefinition InterestAccrued = new("InterestAccrued(address indexed asset, uint256 borrowIndex, uint256 supplyIndex)");

    /// <summary>Liquidate: every amount (token units), the bonus applied and the health factor before and after (WAD).</summary>
    public static readonly EventDefinition LiquidationCall = new(
        "LiquidationCall(address indexed collateralAsset, address indexed debtAsset, address indexed account, address liquidator, uint256 debtRepaid, uint256 collateralSeized, uint256 protocolFee, uint256 liquidationBonusBps, uint256 healthFactorBefore, uint256 healthFactorAfter)");

    // Solvency (spec/SPEC.md section 6).

    /// <summary>Bad debt written off: the account's whole debt in the asset (token units), before the waterfall steps that cover it.</summary>
    public static readonly EventDefinition BadDebtRealized = new("BadDebtRealized(address indexed account, address indexed asset, uint256 amount)");

    /// <summary>Waterfall step 2: the asset's insurance fund absorbed <c>amount</c>; <c>fundAfter</c> is left.</summary>
    public static readonly EventDefinition InsuranceAbsorbed = new("InsuranceAbsorbed(address indexed asset, uint256 amount, uint256 fundAfter)");

    /// <summary>Waterfall step 3: the backstop paid <c>amount</c> in; it will cover <c>capacityAfter</c> more.</summary>
    public static readonly EventDefinition BackstopAbsorbed = new("BackstopAbsorbed(address indexed asset, address indexed provider, uint256 amount, uint256 capacityAfter)");

    /// <summary>Waterfall step 4: the uncovered <c>amount</c> passed to the asset's suppliers; the supply index before and after (RAY).</summary>
    public static readonly EventDefinition LossSocialized = new("LossSocialized(address indexed asset, uint256 amount, uint256 indexBefore, uint256 indexAfter)");

    /// <summary>The supply could not carry a loss: every supply balance of the asset written off, borrowing and collateral use switched off.</summary>
    public static readonly EventDefinition AssetFrozen = new("AssetFrozen(address indexed asset, uint256 supplyWrittenOff, uint256 reservesCharged, uint256 surplusCharged)");

    /// <summary>DepositInsurance: tokens paid into the asset's fund.</summary>
    public static readonly EventDefinition InsuranceDeposited = new("InsuranceDeposited(address indexed asset, address indexed from, uint256 amount, uint256 fundAfter)");

    /// <summary>WithdrawInsurance: tokens taken out of the asset's fund (never below its floor).</summary>
    public static readonly EventDefinition InsuranceWithdrawn = new("InsuranceWithdrawn(address indexed asset, address indexed to, uint256 amount, uint256 fundAfter)");

    /// <summary>SetInsurancePolicy: the fund's withdrawal floor and the share of protocol fees kept as reserves.</summary>
    public static readonly EventDefinition InsurancePolicySet = new("InsurancePolicySet(address indexed asset, uint256 floor, uint256 feeToReservesBps)");

    /// <summary>SetBackstop: who backs the asset and for how much (token units).</summary>
    public static readonly EventDefinition BackstopSet = new("BackstopSet(address indexed asset, address indexed provider, uint256 capacity)");

    /// <summary>Every event above, in declaration order (for tooling and the spec's topic table).</summary>
    public static IReadOnlyList<EventDefinition> All { get; } =
    [
        AssetListed, RiskParametersSet, PriceSet, Supply, Withdraw, Borrow, Repay, UseAsCollateralSet, InterestAccrued, LiquidationCall,
        BadDebtRealized, InsuranceAbsorbed, BackstopAbsorbed, LossSocialized, AssetFrozen, InsuranceDeposited, InsuranceWithdrawn,
        InsurancePolicySet, BackstopSet,
    ];
}
