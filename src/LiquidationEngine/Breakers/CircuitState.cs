namespace LiquidationEngine.Breakers;

/// <summary>
/// The states of a circuit breaker, named and numbered as Polly v8's <c>CircuitState</c> (the number is the
/// <c>uint8</c> used in events and errors).
/// </summary>
public enum CircuitState : byte
{
    /// <summary>Normal operation: liquidations and borrows flow (throttled as configured).</summary>
    Closed = 0,

    /// <summary>Tripped: the configured effects apply (pause, scaled capacity, dynamic margin) until the break duration ends.</summary>
    Open = 1,

    /// <summary>After the break: liquidations resume at a reduced throttle capacity; back to Closed once every metric is below its reset threshold, Open again if one crosses its trip threshold.</summary>
    HalfOpen = 2,

    /// <summary>Held open by the guardian, with the Open effects, until the guardian resets it.</summary>
    Isolated = 3,
}
