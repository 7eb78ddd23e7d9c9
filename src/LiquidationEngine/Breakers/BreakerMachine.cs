using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using static LiquidationEngine.Breakers.CircuitState;

namespace LiquidationEngine.Breakers;

/// <summary>
/// The breaker's transition rules as pure functions of (options, state, timestamp, metrics): the table in
/// spec/SPEC.md section 7, one method per kind of input. Allocation-free.
/// </summary>
internal static class BreakerMachine
{
    /// <summary>
    /// Automatic evaluation: Open whose break has ended becomes HalfOpen; then Closed or HalfOpen trips to Open if any
    /// metric is at or above its trip threshold (or the price jump rule fires), and HalfOpen closes if every metric is
    /// below its reset threshold. Isolated never moves here.
    /// </summary>
    public static BreakerStep Step(CircuitBreakerOptions options, in BreakerState from, ulong timestamp, in BreakerMetrics metrics)
    {
        var step = new Builder(from, timestamp, metrics);
        step.ElapseBreak();
        if (step.Current is Closed or HalfOpen)
        {
            BreakerMetric tripped = TrippedBy(options, metrics);
            if (tripped != BreakerMetric.None)
                step.Move(Open, TransitionReason.Tripped, tripped, BreakEnd(options, timestamp));
            else if (step.Current == HalfOpen && IsCalm(options, metrics))
                step.Move(Closed, TransitionReason.Recovered, BreakerMetric.None, 0);
        }
        return step.Build();
    }

    /// <summary>
    /// A guardian action (after the clock's Open-to-HalfOpen move): trip to Open (from any state but Isolated; re-arms
    /// an Open break), isolate (from any state but Isolated), reset to Closed (from any state but Closed).
    /// </summary>
    public static BreakerStep Guardian(CircuitBreakerOptions options, in BreakerState from, ulong timestamp, in BreakerMetrics metrics, TransitionReason action)
    {
        var step = new Builder(from, timestamp, metrics);
        step.ElapseBreak();
        (CircuitState target, bool allowed) = action switch
        {
            TransitionReason.GuardianTrip => (Open, step.Current != Isolated),
            TransitionReason.GuardianIsolate => (Isolated, step.Current != Isolated),
            TransitionReason.GuardianReset => (Closed, step.Current != Closed),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a guardian action"),
        };
        if (!allowed) throw BreakerReverts.InvalidBreakerTransition(step.Current, target);
        step.Move(target, action, BreakerMetric.None, target == Open ? BreakEnd(options, timestamp) : 0);
        return step.Build();
    }

    /// <summary>Every enabled metric at or above its trip threshold, plus PriceJump when the update breaches the tolerance.</summary>
    public static BreakerMetric TrippedBy(CircuitBreakerOptions options, in BreakerMetrics metrics)
    {
        BreakerMetric tripped = BreakerMetric.None;
        if (options.LiquidationVelocityBps.IsTripped(metrics.LiquidationVelocityBps)) tripped |= BreakerMetric.LiquidationVelocity;
        if (options.PriceFallBps.IsTripped(metrics.PriceFallBps)) tripped |= BreakerMetric.PriceFall;
        if (options.VolatilityWad.IsTripped(metrics.VolatilityWad)) tripped |= BreakerMetric.Volatility;
        if (options.StalenessSeconds.IsTripped(metrics.StalenessSeconds)) tripped |= BreakerMetric.Staleness;
        if (IsPriceJump(options.PriceJumpToleranceRay, metrics.PriceMove)) tripped |= BreakerMetric.PriceJump;
        return tripped;
    }

    /// <summary>True when every enabled metric is below its reset threshold.</summary>
    public static bool IsCalm(CircuitBreakerOptions options, in BreakerMetrics metrics) =>
        options.LiquidationVelocityBps.IsCalm(metrics.LiquidationVelocityBps)
        && options.PriceFallBps.IsCalm(metrics.PriceFallBps)
        && options.VolatilityWad.IsCalm(metrics.VolatilityWad)
        && options.StalenessSeconds.IsCalm(metrics.StalenessSeconds);

    /// <summary>ClipperMom <c>tripBreaker</c>'s test: <c>nxt &lt; rmul(cur, tolerance)</c>, rmul = floor(cur * tolerance / 1e27).</summary>
    /// <remarks>ClipperMom's <c>mul</c> reverts when cur * tolerance overflows (prices above ~1.16e50); this computes it exactly instead.</remarks>
    public static bool IsPriceJump(UInt256 toleranceRay, Oracles.PriceMove move) =>
        !toleranceRay.IsZero && move.HasPrevious
        && move.Current < FullMath.MulDiv(move.Previous, toleranceRay, WadRayMath.Ray, Rounding.Floor);

    private static ulong BreakEnd(CircuitBreakerOptions options, ulong timestamp) =>
        timestamp > ulong.MaxValue - options.BreakDurationSeconds ? ulong.MaxValue : timestamp + options.BreakDurationSeconds;

    /// <summary>Accumulates up to two transitions on a copy of the state.</summary>
    private ref struct Builder
    {
        private readonly ulong _timestamp;
        private readonly BreakerMetrics _metrics;
        private BreakerState _state;
        private BreakerTransition _first;
        private BreakerTransition _second;
        private int _count;

        public Builder(in BreakerState from, ulong timestamp, in BreakerMetrics metrics)
        {
            // The checked `timestamp - changedAt` of a Solidity twin: time never runs backwards.
            if (timestamp < from.ChangedAt) EvmRevertException.ThrowOverflow();
            _state = from;
            _timestamp = timestamp;
            _metrics = metrics;
        }

        public readonly CircuitState Current => _state.State;

        public void ElapseBreak()
        {
            if (_state.State == Open && _timestamp >= _state.OpenUntil)
                Move(HalfOpen, TransitionReason.BreakElapsed, BreakerMetric.None, 0);
        }

        public void Move(CircuitState to, TransitionReason reason, BreakerMetric causes, ulong openUntil)
        {
            var transition = new BreakerTransition(_state.State, to, reason, causes, _timestamp, openUntil, _metrics);
            if (_count == 0) _first = transition;
            else _second = transition;
            _count++;
            _state = new BreakerState(to, _timestamp, openUntil);
        }

        public readonly BreakerStep Build() => new(_state, _count, _first, _second);
    }
}
