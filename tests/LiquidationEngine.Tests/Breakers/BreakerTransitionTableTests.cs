using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Breakers.CircuitState;
using static LiquidationEngine.Breakers.TransitionReason;
using static LiquidationEngine.Tests.Breakers.RevertHex;

namespace LiquidationEngine.Tests.Breakers;

/// <summary>
/// Every row of the transition table in spec/SPEC.md section 7, with the transition records checked field by field.
/// Default options: velocity trip 1000 / reset 300 bps, break 1800 s.
/// </summary>
public class BreakerTransitionTableTests
{
    private const ulong T = 1_000_000;
    private const ulong Break = 1_800;

    private static readonly BreakerMetrics Hot = new(1_000UL, 0UL, 0UL, 0UL);     // velocity at its trip threshold
    private static readonly BreakerMetrics Band = new(300UL, 0UL, 0UL, 0UL);      // at the reset threshold: not calm, not tripped
    private static readonly BreakerMetrics Calm = new(299UL, 0UL, 0UL, 0UL);

    private static CircuitBreaker Breaker(BreakerState state)
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());
        breaker.Restore(state);
        return breaker;
    }

    private static BreakerState Stored(CircuitState state) => state switch
    {
        Open => new BreakerState(Open, T - 100, T - 100 + Break), // break ends at T + 1700
        _ => new BreakerState(state, T - 100, 0),
    };

    private static void AssertTransition(BreakerTransition t, CircuitState from, CircuitState to, TransitionReason reason, ulong at, ulong openUntil, BreakerMetric causes, in BreakerMetrics metrics) =>
        Assert.Equal(new BreakerTransition(from, to, reason, causes, at, openUntil, metrics), t);

    [Fact]
    public void Row1_ClosedTripsWhenAMetricReachesItsThreshold()
    {
        var breaker = Breaker(BreakerState.Initial);
        BreakerStep step = breaker.Evaluate(T, Hot);
        Assert.Equal(1, step.Count);
        AssertTransition(step[0], Closed, Open, Tripped, T, T + Break, BreakerMetric.LiquidationVelocity, Hot);
        Assert.Equal(new BreakerState(Open, T, T + Break), step.State);
        Assert.Equal(BreakerState.Initial, breaker.State); // pure until committed
        breaker.Commit(step);
        Assert.Equal(step.State, breaker.State);
    }

    [Fact]
    public void Row1_AllCrossingMetricsAreNamed()
    {
        var metrics = new BreakerMetrics(1_000UL, 2_000UL, 2_500_000_000_000_000UL, 7_200UL, new PriceMove(1_000UL, 599UL));
        BreakerStep step = Breaker(BreakerState.Initial).Evaluate(T, metrics);
        Assert.Equal((BreakerMetric)31, step[0].Causes);
    }

    [Fact]
    public void Row2_ClosedStaysClosedBelowTrip()
    {
        BreakerStep step = Breaker(BreakerState.Initial).Evaluate(T, new BreakerMetrics(999UL, 1_999UL, 2_499_999_999_999_999UL, 7_199UL));
        Assert.Equal(0, step.Count);
        Assert.Equal(BreakerState.Initial, step.State);
    }

    [Fact]
    public void Row2_ClosedWithCalmMetricsRecordsNothing() =>
        Assert.Equal(0, Breaker(BreakerState.Initial).Evaluate(T, BreakerMetrics.Calm).Count);

    [Fact]
    public void Row3_OpenHoldsUntilTheBreakEndsWhateverTheMetrics()
    {
        var breaker = Breaker(Stored(Open));
        Assert.Equal(0, breaker.Evaluate(T + 1_699, Calm).Count);
        Assert.Equal(0, breaker.Evaluate(T + 1_699, Hot).Count);
        Assert.Equal(Open, breaker.State.StateAt(T + 1_699));
        Assert.Equal(HalfOpen, breaker.State.StateAt(T + 1_700));
    }

    [Fact]
    public void Row4_OpenAfterTheBreakWithAHotMetricReopens()
    {
        BreakerStep step = Breaker(Stored(Open)).Evaluate(T + 1_700, Hot);
        Assert.Equal(2, step.Count);
        AssertTransition(step[0], Open, HalfOpen, BreakElapsed, T + 1_700, 0, BreakerMetric.None, Hot);
        AssertTransition(step[1], HalfOpen, Open, Tripped, T + 1_700, T + 1_700 + Break, BreakerMetric.LiquidationVelocity, Hot);
        Assert.Equal(new BreakerState(Open, T + 1_700, T + 1_700 + Break), step.State);
    }

    [Fact]
    public void Row5_OpenAfterTheBreakWithCalmMetricsCloses()
    {
        BreakerStep step = Breaker(Stored(Open)).Evaluate(T + 5_000, Calm);
        Assert.Equal(2, step.Count);
        AssertTransition(step[0], Open, HalfOpen, BreakElapsed, T + 5_000, 0, BreakerMetric.None, Calm);
        AssertTransition(step[1], HalfOpen, Closed, Recovered, T + 5_000, 0, BreakerMetric.None, Calm);
        Assert.Equal(new BreakerState(Closed, T + 5_000, 0), step.State);
        var seen = new List<CircuitState>();
        foreach (BreakerTransition t in step) seen.Add(t.To);
        Assert.Equal([HalfOpen, Closed], seen);
    }

    [Fact]
    public void Row6_OpenAfterTheBreakInTheHysteresisBandGoesHalfOpen()
    {
        BreakerStep step = Breaker(Stored(Open)).Evaluate(T + 1_700, Band);
        Assert.Equal(1, step.Count);
        AssertTransition(step[0], Open, HalfOpen, BreakElapsed, T + 1_700, 0, BreakerMetric.None, Band);
        Assert.Equal(new BreakerState(HalfOpen, T + 1_700, 0), step.State);
    }

    [Fact]
    public void Row7_HalfOpenTripsAgain()
    {
        BreakerStep step = Breaker(Stored(HalfOpen)).Evaluate(T, Hot);
        Assert.Equal(1, step.Count);
        AssertTransition(step[0], HalfOpen, Open, Tripped, T, T + Break, BreakerMetric.LiquidationVelocity, Hot);
    }

    [Fact]
    public void Row8_HalfOpenClosesWhenEveryMetricIsBelowReset()
    {
        BreakerStep step = Breaker(Stored(HalfOpen)).Evaluate(T, Calm);
        Assert.Equal(1, step.Count);
        AssertTransition(step[0], HalfOpen, Closed, Recovered, T, 0, BreakerMetric.None, Calm);
    }

    [Fact]
    public void Row9_HalfOpenHoldsInTheBand()
    {
        Assert.Equal(0, Breaker(Stored(HalfOpen)).Evaluate(T, Band).Count);
        Assert.Equal(0, Breaker(Stored(HalfOpen)).Evaluate(T, new BreakerMetrics(999UL, 0UL, 0UL, 0UL)).Count);
    }

    [Fact]
    public void Row10_IsolatedIgnoresMetricsAndTime()
    {
        var breaker = Breaker(Stored(Isolated));
        Assert.Equal(0, breaker.Evaluate(T, Hot).Count);
        Assert.Equal(0, breaker.Evaluate(ulong.MaxValue, Calm).Count);
    }

    [Theory]
    [InlineData(Closed)]
    [InlineData(HalfOpen)]
    public void G1_GuardianTripOpensForABreak(CircuitState from)
    {
        BreakerStep step = Breaker(Stored(from)).Trip(T, Calm);
        Assert.Equal(1, step.Count);
        AssertTransition(step[0], from, Open, GuardianTrip, T, T + Break, BreakerMetric.None, Calm);
    }

    [Fact]
    public void G2_GuardianTripReArmsAnOpenBreak()
    {
        BreakerStep step = Breaker(Stored(Open)).Trip(T + 10, Calm);
        Assert.Equal(1, step.Count);
        AssertTransition(step[0], Open, Open, GuardianTrip, T + 10, T + 10 + Break, BreakerMetric.None, Calm);
    }

    [Fact]
    public void G3_GuardianCannotTripAnIsolatedBreaker() =>
        EvmAssert.Reverts(Error(InvalidBreakerTransition, 3, 1), () => Breaker(Stored(Isolated)).Trip(T, Calm));

    [Theory]
    [InlineData(Closed)]
    [InlineData(Open)]
    [InlineData(HalfOpen)]
    public void G4_GuardianIsolates(CircuitState from)
    {
        BreakerStep step = Breaker(Stored(from)).Isolate(T, Hot);
        Assert.Equal(1, step.Count);
        AssertTransition(step[0], from, Isolated, GuardianIsolate, T, 0, BreakerMetric.None, Hot);
        Assert.Equal(new BreakerState(Isolated, T, 0), step.State);
    }

    [Fact]
    public void G5_GuardianCannotIsolateTwice() =>
        EvmAssert.Reverts(Error(InvalidBreakerTransition, 3, 3), () => Breaker(Stored(Isolated)).Isolate(T, Calm));

    [Theory]
    [InlineData(Open)]
    [InlineData(HalfOpen)]
    [InlineData(Isolated)]
    public void G6_GuardianResetsToClosed(CircuitState from)
    {
        BreakerStep step = Breaker(Stored(from)).Reset(T, Hot);
        Assert.Equal(1, step.Count);
        AssertTransition(step[0], from, Closed, GuardianReset, T, 0, BreakerMetric.None, Hot);
    }

    [Fact]
    public void G7_GuardianCannotResetAClosedBreaker() =>
        EvmAssert.Reverts(Error(InvalidBreakerTransition, 0, 0), () => Breaker(Stored(Closed)).Reset(T, Calm));

    [Fact]
    public void G8_GuardianActionsRecordAnEndedBreakFirst()
    {
        BreakerStep reset = Breaker(Stored(Open)).Reset(T + 1_700, Hot);
        Assert.Equal(2, reset.Count);
        AssertTransition(reset[0], Open, HalfOpen, BreakElapsed, T + 1_700, 0, BreakerMetric.None, Hot);
        AssertTransition(reset[1], HalfOpen, Closed, GuardianReset, T + 1_700, 0, BreakerMetric.None, Hot);

        BreakerStep trip = Breaker(Stored(Open)).Trip(T + 1_700, Calm);
        Assert.Equal([HalfOpen, Open], new[] { trip[0].To, trip[1].To });
        Assert.Equal(GuardianTrip, trip[1].Reason);
    }

    [Fact]
    public void ResetWhileMetricsAreHotTripsAgainAtTheNextEvaluation()
    {
        var breaker = Breaker(Stored(Isolated));
        breaker.Commit(breaker.Reset(T, Hot));
        BreakerStep again = breaker.Evaluate(T, Hot);
        AssertTransition(again[0], Closed, Open, Tripped, T, T + Break, BreakerMetric.LiquidationVelocity, Hot);
    }

    [Fact]
    public void ChainedEvaluationsWithinOneOperation()
    {
        // Before a liquidation the breaker is calm; the liquidation's own notional then trips it.
        var breaker = Breaker(BreakerState.Initial);
        BreakerStep before = breaker.Evaluate(T, Calm);
        BreakerStep after = breaker.Evaluate(before.State, T, Hot);
        Assert.Equal(Open, after.State.State);
        Assert.Equal(BreakerState.Initial, breaker.State);
    }

    [Fact]
    public void TimeRunningBackwardsPanics()
    {
        var breaker = Breaker(Stored(HalfOpen)); // changed at T - 100
        EvmAssert.Reverts(EvmAssert.Overflow, () => breaker.Evaluate(T - 101, Calm));
        EvmAssert.Reverts(EvmAssert.Overflow, () => breaker.Trip(T - 101, Calm));
        breaker.Evaluate(T - 100, Calm);
    }

    [Fact]
    public void BreakEndSaturatesAtTheLargestTimestamp()
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions { BreakDurationSeconds = ulong.MaxValue });
        Assert.Equal(ulong.MaxValue, breaker.Evaluate(T, Hot).State.OpenUntil);
    }

    [Fact]
    public void StepIndexOutOfRangeThrows()
    {
        BreakerStep step = Breaker(BreakerState.Initial).Evaluate(T, Hot);
        Assert.Throws<ArgumentOutOfRangeException>(() => step[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => step[-1]);
    }
}
