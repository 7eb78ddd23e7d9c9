using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Events;

/// <summary><c>BadDebtRealized(address indexed account, address indexed asset, uint256 amount)</c>: the account's debt written off.</summary>
/// <param name="Account">The account whose debt is written off.</param>
/// <param name="Asset">The debt asset.</param>
/// <param name="Amount">Token units written off; the waterfall events that follow cover exactly this.</param>
public sealed record BadDebtRealizedEvent(Address Account, Address Asset, UInt256 Amount) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.BadDebtRealized;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Account, Asset, Amount);
}

/// <summary><c>InsuranceAbsorbed(address indexed asset, uint256 amount, uint256 fundAfter)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">Token units the fund absorbed.</param>
/// <param name="FundAfter">The fund left.</param>
public sealed record InsuranceAbsorbedEvent(Address Asset, UInt256 Amount, UInt256 FundAfter) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.InsuranceAbsorbed;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, Amount, FundAfter);
}

/// <summary><c>BackstopAbsorbed(address indexed asset, address indexed provider, uint256 amount, uint256 capacityAfter)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Provider">The backstop provider, who paid the tokens in.</param>
/// <param name="Amount">Token units paid in.</param>
/// <param name="CapacityAfter">What the backstop will still cover.</param>
public sealed record BackstopAbsorbedEvent(Address Asset, Address Provider, UInt256 Amount, UInt256 CapacityAfter) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.BackstopAbsorbed;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, Provider, Amount, CapacityAfter);
}

/// <summary><c>LossSocialized(address indexed asset, uint256 amount, uint256 indexBefore, uint256 indexAfter)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">The uncovered loss, token units; total supply fell by at least this (at most ceil(scaledSupply / 10^27) more).</param>
/// <param name="IndexBefore">Supply index before, RAY.</param>
/// <param name="IndexAfter">Supply index after, RAY (unchanged when the asset freezes: <see cref="AssetFrozenEvent"/> follows).</param>
public sealed record LossSocializedEvent(Address Asset, UInt256 Amount, UInt256 IndexBefore, UInt256 IndexAfter) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.LossSocialized;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, Amount, IndexBefore, IndexAfter);
}

/// <summary><c>AssetFrozen(address indexed asset, uint256 supplyWrittenOff, uint256 reservesCharged, uint256 surplusCharged)</c>.</summary>
/// <param name="Asset">The asset; every supply balance of it is now 0, borrowing and collateral use are off.</param>
/// <param name="SupplyWrittenOff">Total supply written off, token units.</param>
/// <param name="ReservesCharged">Loss above all supply charged to protocol reserves.</param>
/// <param name="SurplusCharged">Loss above supply and reserves charged to the asset's surplus.</param>
public sealed record AssetFrozenEvent(Address Asset, UInt256 SupplyWrittenOff, UInt256 ReservesCharged, UInt256 SurplusCharged) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.AssetFrozen;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, SupplyWrittenOff, ReservesCharged, SurplusCharged);
}

/// <summary><c>InsuranceDeposited(address indexed asset, address indexed from, uint256 amount, uint256 fundAfter)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="From">Who paid the tokens in.</param>
/// <param name="Amount">Token units.</param>
/// <param name="FundAfter">The fund after.</param>
public sealed record InsuranceDepositedEvent(Address Asset, Address From, UInt256 Amount, UInt256 FundAfter) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.InsuranceDeposited;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, From, Amount, FundAfter);
}

/// <summary><c>InsuranceWithdrawn(address indexed asset, address indexed to, uint256 amount, uint256 fundAfter)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="To">Who received the tokens.</param>
/// <param name="Amount">Token units.</param>
/// <param name="FundAfter">The fund after (at least the floor).</param>
public sealed record InsuranceWithdrawnEvent(Address Asset, Address To, UInt256 Amount, UInt256 FundAfter) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.InsuranceWithdrawn;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, To, Amount, FundAfter);
}

/// <summary><c>InsurancePolicySet(address indexed asset, uint256 floor, uint256 feeToReservesBps)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Floor">Withdrawal floor of the fund, token units.</param>
/// <param name="FeeToReservesBps">Share of protocol fees kept as reserves, bps.</param>
public sealed record InsurancePolicySetEvent(Address Asset, UInt256 Floor, uint FeeToReservesBps) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.InsurancePolicySet;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, Floor, (ulong)FeeToReservesBps);
}

/// <summary><c>BackstopSet(address indexed asset, address indexed provider, uint256 capacity)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Provider">The provider (zero address: none).</param>
/// <param name="Capacity">Token units it will pay in to cover bad debt.</param>
public sealed record BackstopSetEvent(Address Asset, Address Provider, UInt256 Capacity) : EngineEvent
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.BackstopSet;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Asset, Provider, Capacity);
}
