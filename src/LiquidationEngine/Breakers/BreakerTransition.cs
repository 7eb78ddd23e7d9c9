namespace LiquidationEngine.Breakers;

/// <summary>
/// One state change of a breaker, with everything its event carries: the embedding engine turns each into an
/// ABI event (spec/SPEC.md section 7).
/// </summary>
/// <param name="From">State before.</param>
/// <param name="To">State after (equal to <paramref name="From"/> only when the guardian re-arms an Open breaker).</param>
/// <param name="Reason">Why.</param>
/// <param name="Causes">For <see cref="TransitionReason.Tripped"/>: every metric at or above its trip threshold, and PriceJump when the update breached the tolerance; otherwise None.</param>
/// <param name="Timestamp">When the transition was recorded, seconds.</param>
/// <param name="OpenUntil">For a move to Open: the end of the break, seconds; otherwise 0.</param>
/// <param name="Metrics">The metric values the decision was made on.</param>
public readonly record struct BreakerTransition(
    CircuitState From,
    CircuitState To,
    TransitionReason Reason,
    BreakerMetric Causes,
    ulong Timestamp,
    ulong OpenUntil,
    BreakerMetrics Metrics);
