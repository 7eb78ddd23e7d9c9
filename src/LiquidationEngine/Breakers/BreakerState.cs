namespace LiquidationEngine.Breakers;

/// <summary>The whole mutable state of a <see cref="CircuitBreaker"/>.</summary>
/// <param name="State">The stored state. An Open breaker whose break has ended is HalfOpen in effect; the next step records that.</param>
/// <param name="ChangedAt">Timestamp of the last transition, seconds (0 before any).</param>
/// <param name="OpenUntil">While Open: the end of the break, seconds (saturating at 2^64 - 1); 0 otherwise.</param>
public readonly record struct BreakerState(CircuitState State, ulong ChangedAt, ulong OpenUntil)
{
    /// <summary>A closed breaker that never moved.</summary>
    public static BreakerState Initial => default;

    /// <summary>The state in effect at <paramref name="timestamp"/> by the clock alone: Open becomes HalfOpen when the break has ended.</summary>
    public CircuitState StateAt(ulong timestamp) =>
        State == CircuitState.Open && timestamp >= OpenUntil ? CircuitState.HalfOpen : State;
}
