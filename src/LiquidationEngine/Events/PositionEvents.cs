using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Events;

/// <summary>The shape shared by Supply, Withdraw, Borrow and Repay: <c>(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)</c>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Account">The account.</param>
/// <param name="Amount">Token units moved.</param>
/// <param name="ScaledAmount">Scaled units minted or burned.</param>
public abstract record PositionEvent(Address Asset, Address Account, UInt256 Amount, UInt256 ScaledAmount) : EngineEvent
{
    /// <inheritdoc/>
    public sealed override EventLog ToLog() => Definition.Create(Asset, Account, Amount, ScaledAmount);
}

/// <summary><c>Supply(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)</c>: scaled supply minted (rounded down).</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Account">The account.</param>
/// <param name="Amount">Token units supplied.</param>
/// <param name="ScaledAmount">Scaled supply minted.</param>
public sealed record SupplyEvent(Address Asset, Address Account, UInt256 Amount, UInt256 ScaledAmount) : PositionEvent(Asset, Account, Amount, ScaledAmount)
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.Supply;
}

/// <summary><c>Withdraw(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)</c>: scaled supply burned (rounded up).</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Account">The account.</param>
/// <param name="Amount">Token units withdrawn.</param>
/// <param name="ScaledAmount">Scaled supply burned.</param>
public sealed record WithdrawEvent(Address Asset, Address Account, UInt256 Amount, UInt256 ScaledAmount) : PositionEvent(Asset, Account, Amount, ScaledAmount)
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.Withdraw;
}

/// <summary><c>Borrow(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)</c>: scaled debt minted (rounded up).</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Account">The account.</param>
/// <param name="Amount">Token units borrowed.</param>
/// <param name="ScaledAmount">Scaled debt minted.</param>
public sealed record BorrowEvent(Address Asset, Address Account, UInt256 Amount, UInt256 ScaledAmount) : PositionEvent(Asset, Account, Amount, ScaledAmount)
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.Borrow;
}

/// <summary><c>Repay(address indexed asset, address indexed account, uint256 amount, uint256 scaledAmount)</c>: scaled debt burned (rounded down).</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Account">The account.</param>
/// <param name="Amount">Token units repaid.</param>
/// <param name="ScaledAmount">Scaled debt burned.</param>
public sealed record RepayEvent(Address Asset, Address Account, UInt256 Amount, UInt256 ScaledAmount) : PositionEvent(Asset, Account, Amount, ScaledAmount)
{
    /// <inheritdoc/>
    public override EventDefinition Definition => EngineEvents.Repay;
}

/// <summary>Receives the engine's events, in emission order, only from operations that succeed.</summary>
public interface IEventSink
{
    /// <summary>Called once per event, after the operation's state change is applied.</summary>
    void Emit(EngineEvent engineEvent);
}

/// <summary>An <see cref="IEventSink"/> that keeps every event (tests, eval, small embeddings).</summary>
public sealed class EventRecorder : IEventSink
{
    private readonly List<EngineEvent> _events = [];

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<EngineEvent> Events => _events;

    /// <summary>The EVM logs of <see cref="Events"/>, in order.</summary>
    public IEnumerable<EventLog> Logs => _events.Select(e => e.ToLog());

    /// <inheritdoc/>
    public void Emit(EngineEvent engineEvent) => _events.Add(engineEvent);

    /// <summary>Forgets the events received so far.</summary>
    public void Clear() => _events.Clear();
}
