using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Breakers.CircuitState;

namespace LiquidationEngine.Tests.Breakers;

/// <summary>
/// Random walks through the breaker: every step agrees with a reference model written from the transition table
/// in spec/SPEC.md section 7, and from wherever a walk ends, calm metrics plus the break duration lead back to Closed
/// (Isolated after the guardian's reset: it is a manual hold by definition).
/// </summary>
public class BreakerProperties(ITestOutputHelper output)
{
    private enum Action { Evaluate, GuardianTrip, GuardianIsolate, GuardianReset }

    private sealed record Input(ulong Delay, Action Action, ulong[] Values, bool Update, ulong Previous, ulong Current);

    private sealed record Walk(ulong[] Trips, ulong[] Resets, ulong Duration, ulong ToleranceBps, Input[] Inputs, ulong[] CalmPermille)
    {
        public override string ToString() =>
            $"trips=[{string.Join(",", Trips)}] resets=[{string.Join(",", Resets)}] break={Duration} tol={ToleranceBps}bps; "
            + string.Join("; ", Inputs.Select(i => $"+{i.Delay} {i.Action} [{string.Join(",", i.Values)}]{(i.Update ? $" {i.Previous}->{i.Current}" : "")}"));
    }

    private static readonly Gen<(ulong Trip, ulong Reset)> ThresholdGen = Gen.Frequency(
        (1, Gen.Constant((0UL, 0UL))),
        (4, from reset in Gen.Choose(1, 1_000) from gap in Gen.Choose(1, 1_000) select ((ulong)(reset + gap), (ulong)reset)));

    private static Gen<Input> InputGen(ulong maxValue) =>
        from delay in Gen.Frequency((2, Gen.Constant(0UL)), (3, Gen.Choose(1, 500).Select(d => (ulong)d)), (1, Gen.Choose(501, 5_000).Select(d => (ulong)d)))
        from action in Gen.Frequency((8, Gen.Constant(Action.Evaluate)), (1, Gen.Elements(Action.GuardianTrip, Action.GuardianIsolate, Action.GuardianReset)))
        from values in Gen.ArrayOf(Gen.Choose(0, (int)maxValue).Select(v => (ulong)v), 4)
        from update in Gen.Elements(false, true)
        from previous in Gen.Choose(1, 1_000)
        from current in Gen.Choose(1, 1_000)
        select new Input(delay, action, values, update, (ulong)previous, (ulong)current);

    private static readonly Gen<Walk> WalkGen =
        from thresholds in Gen.ArrayOf(ThresholdGen, 4)
        from duration in Gen.Choose(1, 3_000)
        from tolerance in Gen.Elements(0UL, 5_000UL, 9_000UL, 10_000UL)
        from n in Gen.Choose(1, 40)
        from inputs in Gen.ArrayOf(InputGen(2_500), n)
        from calm in Gen.ArrayOf(Gen.Choose(0, 999).Select(v => (ulong)v), 4)
        select new Walk(thresholds.Select(t => t.Trip).ToArray(), thresholds.Select(t => t.Reset).ToArray(), (ulong)duration, tolerance, inputs, calm);

    [Fact]
    public void WalksAgreeWithTheTableAndAlwaysFindTheirWayBackToClosed() =>
        PropertyCheck.Run(output, "breaker.walk", WalkGen, CheckWalk, maxTest: 2000);

    private static void CheckWalk(Walk walk)
    {
        CircuitBreakerOptions options = Options(walk);
        var breaker = new CircuitBreaker(options);
        ulong now = 1_000;
        foreach (Input input in walk.Inputs)
        {
            now += input.Delay;
            var metrics = new BreakerMetrics(input.Values[0], input.Values[1], input.Values[2], input.Values[3],
                input.Update ? new PriceMove(input.Previous, input.Current) : default);
            List<BreakerTransition>? expected = Model(walk, breaker.State, now, metrics, input.Action);
            BreakerStep step;
            try
            {
                step = input.Action switch
                {
                    Action.Evaluate => breaker.Evaluate(now, metrics),
                    Action.GuardianTrip => breaker.Trip(now, metrics),
                    Action.GuardianIsolate => breaker.Isolate(now, metrics),
                    _ => breaker.Reset(now, metrics),
                };
            }
            catch (EvmRevertException ex)
            {
                Assert.Null(expected);
                Assert.StartsWith(RevertHex.InvalidBreakerTransition, ex.RevertDataHex);
                continue;
            }
            Assert.NotNull(expected);
            Assert.Equal(expected, Enumerable.Range(0, step.Count).Select(i => step[i]).ToList());
            breaker.Commit(step);
            Assert.Equal(breaker.State.State == Open, breaker.State.OpenUntil != 0);
        }

        // Recovery: calm metrics (each enabled one below its reset threshold) and time.
        if (breaker.State.State == Isolated) breaker.Commit(breaker.Reset(now, BreakerMetrics.Calm));
        var calm = new BreakerMetrics(CalmValue(walk, 0), CalmValue(walk, 1), CalmValue(walk, 2), CalmValue(walk, 3));
        now += walk.Duration;
        breaker.Commit(breaker.Evaluate(now, calm));
        Assert.Equal(Closed, breaker.State.State);
    }

    private static UInt256 CalmValue(Walk walk, int i) => walk.Resets[i] == 0 ? ulong.MaxValue : walk.Resets[i] * walk.CalmPermille[i] / 1000;

    private static CircuitBreakerOptions Options(Walk walk) => new()
    {
        LiquidationVelocityBps = new(walk.Trips[0], walk.Resets[0]),
        PriceFallBps = new(walk.Trips[1], walk.Resets[1]),
        VolatilityWad = new(walk.Trips[2], walk.Resets[2]),
        StalenessSeconds = new(walk.Trips[3], walk.Resets[3]),
        BreakDurationSeconds = walk.Duration,
        PriceJumpToleranceRay = WadRayMath.Ray / 10_000UL * walk.ToleranceBps,
    };

    /// <summary>The transition table, transcribed independently; null when the guardian action is refused.</summary>
    private static List<BreakerTransition>? Model(Walk walk, BreakerState s, ulong now, BreakerMetrics m, Action action)
    {
        var result = new List<BreakerTransition>();
        CircuitState state = s.State;
        void Move(CircuitState to, TransitionReason reason, BreakerMetric causes, ulong until)
        {
            result.Add(new BreakerTransition(state, to, reason, causes, now, until, m));
            state = to;
        }
        ulong end = Math.Min(ulong.MaxValue, now + walk.Duration);
        if (state == Open && now >= s.OpenUntil) Move(HalfOpen, TransitionReason.BreakElapsed, BreakerMetric.None, 0);

        ulong[] values = [(ulong)m.LiquidationVelocityBps, (ulong)m.PriceFallBps, (ulong)m.VolatilityWad, (ulong)m.StalenessSeconds];
        switch (action)
        {
            case Action.Evaluate when state is Closed or HalfOpen:
                var causes = BreakerMetric.None;
                for (int i = 0; i < 4; i++)
                    if (walk.Trips[i] != 0 && values[i] >= walk.Trips[i]) causes |= (BreakerMetric)(1 << i);
                // ClipperMom: current < floor(previous * tolerance / 1e27), tolerance = bps * 1e23.
                if (!m.PriceMove.Previous.IsZero && walk.ToleranceBps != 0
                    && (ulong)m.PriceMove.Current < (ulong)m.PriceMove.Previous * walk.ToleranceBps / 10_000)
                    causes |= BreakerMetric.PriceJump;
                bool calm = Enumerable.Range(0, 4).All(i => walk.Trips[i] == 0 || values[i] < walk.Resets[i]);
                if (causes != BreakerMetric.None) Move(Open, TransitionReason.Tripped, causes, end);
                else if (state == HalfOpen && calm) Move(Closed, TransitionReason.Recovered, BreakerMetric.None, 0);
                break;
            case Action.GuardianTrip:
                if (state == Isolated) return null;
                Move(Open, TransitionReason.GuardianTrip, BreakerMetric.None, end);
                break;
            case Action.GuardianIsolate:
                if (state == Isolated) return null;
                Move(Isolated, TransitionReason.GuardianIsolate, BreakerMetric.None, 0);
                break;
            case Action.GuardianReset:
                if (state == Closed) return null;
                Move(Closed, TransitionReason.GuardianReset, BreakerMetric.None, 0);
                break;
        }
        return result;
    }

    [Theory]
    [InlineData(Closed)]
    [InlineData(Open)]
    [InlineData(HalfOpen)]
    [InlineData(Isolated)]
    public void FromEveryStateCalmAndTimeLeadBackToClosed(CircuitState start)
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());
        breaker.Restore(new BreakerState(start, 100, start == Open ? 100 + 1_800UL : 0));
        var calm = new BreakerMetrics(299UL, 999UL, 399_999_999_999_999UL, 3_599UL);
        if (start == Isolated)
        {
            Assert.Equal(0, breaker.Evaluate(1_000_000, calm).Count); // a manual hold: only the guardian releases it
            breaker.Commit(breaker.Reset(100, calm));
        }
        breaker.Commit(breaker.Evaluate(100 + 1_800, calm));
        Assert.Equal(Closed, breaker.State.State);
    }
}
