using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Throttling;
using Xunit;

namespace LiquidationEngine.Tests.Breakers;

/// <summary>The per-operation paths of the throttle, breaker, velocity and price monitor allocate nothing.</summary>
public class AllocationTests
{
    [Fact]
    public void HotPathsAllocateNothing()
    {
        var throttle = new LiquidationThrottle(new ThrottleOptions { RefillPerSecond = 1_000_000_000_000UL }, 0);
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());
        var velocity = new LiquidationVelocity(WindowOptions.Default);
        var monitor = new PriceMonitor(Address.Zero, new OracleGuardOptions());
        UInt256 collateral = 1_000_000_000_000_000_000UL;
        monitor.Update(0, 100_000_000UL);

        void Round(ulong t)
        {
            BreakerMetrics before = monitor.MetricsAt(t, velocity.BpsAt(t, collateral));
            BreakerStep step = breaker.Evaluate(t, before);
            BreakerEffects effects = BreakerEffects.Combine(breaker.EffectsOf(step.State.State), BreakerEffects.None);
            monitor.EnsureLiquidationAllowed(t, belowEmergencyFloor: false);
            ThrottleQuote quote = throttle.Quote(t, 200_000_000_000UL, UInt256.MaxValue, false, effects.ThrottleCapacityScaleBps);
            throttle.Record(t, quote.AllowedNotional, false, effects.ThrottleCapacityScaleBps);
            BreakerStep after = breaker.Evaluate(step.State, t, monitor.MetricsAt(t, velocity.BpsAfter(t, quote.AllowedNotional, collateral)));
            velocity.Record(t, quote.AllowedNotional);
            breaker.Commit(after);
            foreach (BreakerTransition transition in after) _ = transition.Metrics;
            BreakerMetrics priced = monitor.MetricsAfterUpdate(t, 100_000_000UL + t % 7, UInt256.Zero);
            breaker.Commit(breaker.Evaluate(breaker.State, t, priced));
            monitor.Update(t, 100_000_000UL + t % 7);
        }

        for (ulong t = 1; t <= 2_000; t++) Round(t); // warm up (tiered JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (ulong t = 2_001; t <= 4_000; t++) Round(t);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
