using LiquidationEngine.Abi;
using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Events;

/// <summary>The events of the protection wiring (spec/SPEC.md section 7), apart from <see cref="EngineEvents"/> so a market without protection logs exactly what it did before.</summary>
public static class ProtectionEvents
{
    /// <summary>
    /// A breaker changed state (or the guardian re-armed an Open one): scope (zero address = market-wide), states and
    /// reason as <see cref="CircuitState"/> and <see cref="TransitionReason"/> numbers, the metrics that crossed
    /// (<see cref="BreakerMetric"/> flags), the end of the break when it went Open (else 0), and every metric value
    /// the decision was made on.
    /// </summary>
    public static readonly EventDefinition BreakerStateChanged = new(
        "BreakerStateChanged(address indexed scope, uint8 fromState, uint8 toState, uint8 reason, uint8 causes, uint256 openUntil, uint256 liquidationVelocityBps, uint256 priceFallBps, uint256 volatilityWad, uint256 stalenessSeconds)");

    /// <summary>Every protection event, in declaration order.</summary>
    public static IReadOnlyList<EventDefinition> All { get; } = [BreakerStateChanged];

    internal static EngineEvent? TryDecode(EventLog log)
    {
        if (!BreakerStateChanged.Matches(log)) return null;
        AbiValue[] v = BreakerStateChanged.Decode(log);
        return new BreakerStateChangedEvent(v[0].AsAddress(), (CircuitState)Byte(v[1]), (CircuitState)Byte(v[2]), (TransitionReason)Byte(v[3]),
            (BreakerMetric)Byte(v[4]), Word64(v[5]), v[6].AsUInt256(), v[7].AsUInt256(), v[8].AsUInt256(), v[9].AsUInt256());
    }

    private static ulong Word64(AbiValue value)
    {
        UInt256 word = value.AsUInt256();
        return word <= ulong.MaxValue ? (ulong)word : throw new FormatException($"{word} does not fit the 64-bit field it encodes.");
    }

    private static byte Byte(AbiValue value) => (byte)(ulong)value.AsUInt256();
}

/// <summary><c>BreakerStateChanged(address indexed scope, uint8 fromState, uint8 toState, uint8 reason, uint8 causes, uint256 openUntil, ...)</c>: one <see cref="BreakerTransition"/>.</summary>
/// <param name="Scope">The asset, or the zero address for the market-wide breaker.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Reason">Why.</param>
/// <param name="Causes">The metrics that crossed their trip thresholds (and PriceJump), for a trip; else None.</param>
/// <param name="OpenUntil">End of the break, seconds, for a move to Open; else 0.</param>
/// <param name="LiquidationVelocityBps">The liquidation velocity the decision was made on, bps.</param>
/// <param name="PriceFallBps">The price fall from the window high, bps.</param>
/// <param name="VolatilityWad">The volatility EWMA, WAD.</param>
/// <param name="StalenessSeconds">The price age, seconds.</param>
public sealed record BreakerStateChangedEvent(
    Address Scope,
    CircuitState From,
    CircuitState To,
    TransitionReason Reason,
    BreakerMetric Causes,
    ulong OpenUntil,
    UInt256 LiquidationVelocityBps,
    UInt256 PriceFallBps,
    UInt256 VolatilityWad,
    UInt256 StalenessSeconds) : EngineEvent
{
    /// <summary>The event of a breaker transition in <paramref name="scope"/>.</summary>
    public static BreakerStateChangedEvent Of(Address scope, in BreakerTransition t) => new(
        scope, t.From, t.To, t.Reason, t.Causes, t.OpenUntil,
        t.Metrics.LiquidationVelocityBps, t.Metrics.PriceFallBps, t.Metrics.VolatilityWad, t.Metrics.StalenessSeconds);

    /// <inheritdoc/>
    public override EventDefinition Definition => ProtectionEvents.BreakerStateChanged;

    /// <inheritdoc/>
    public override EventLog ToLog() => Definition.Create(Scope, (ulong)From, (ulong)To, (ulong)Reason, (ulong)Causes, OpenUntil,
        LiquidationVelocityBps, PriceFallBps, VolatilityWad, StalenessSeconds);
}
