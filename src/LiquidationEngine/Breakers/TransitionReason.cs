namespace LiquidationEngine.Breakers;

/// <summary>Why a breaker changed state (the <c>uint8</c> used in events).</summary>
public enum TransitionReason : byte
{
    /// <summary>A metric reached its trip threshold, or a price update breached the jump tolerance (see <see cref="BreakerTransition.Causes"/>).</summary>
    Tripped = 0,

    /// <summary>The break duration ended: Open to HalfOpen.</summary>
    BreakElapsed = 1,

    /// <summary>Every enabled metric fell below its reset threshold: HalfOpen to Closed.</summary>
    Recovered = 2,

    /// <summary>The guardian tripped the breaker (a timed break, as an automatic trip).</summary>
    GuardianTrip = 3,

    /// <summary>The guardian isolated the breaker (held open until reset).</summary>
    GuardianIsolate = 4,

    /// <summary>The guardian reset the breaker to Closed.</summary>
    GuardianReset = 5,
}
