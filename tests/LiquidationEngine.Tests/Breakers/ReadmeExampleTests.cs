using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Throttling;
using Xunit;

namespace LiquidationEngine.Tests.Breakers;

/// <summary>The README.md (throttles and circuit breakers) snippet, compiled and run with numbers that trip the breaker.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeSnippetWorksAsDescribed()
    {
        ulong timestamp = 1_700_000_000;
        var throttle = new LiquidationThrottle(new ThrottleOptions
        {
            CapacityNotional = 100_000_000_000_000UL,
            RefillPerSecond = 50_000_000_000UL,
            MinimumLiquidationNotional = 100_000_000_000UL,
        }, timestamp: timestamp);
        var breaker = new CircuitBreaker(new CircuitBreakerOptions
        {
            LiquidationVelocityBps = new(Trip: 1_000UL, Reset: 300UL),
            PriceFallBps = new(Trip: 2_000UL, Reset: 1_000UL),
            BreakDurationSeconds = 1_800,
        });

        var metrics = new BreakerMetrics(LiquidationVelocityBps: 1_000UL, PriceFallBps: 0UL, VolatilityWad: 0UL, StalenessSeconds: 0UL);
        UInt256 notional = 120_000_000_000_000UL, accountMaximum = 200_000_000_000_000UL;

        BreakerStep step = breaker.Evaluate(timestamp, metrics);
        BreakerEffects effects = breaker.EffectsOf(step.State.State);
        Assert.True(effects.LiquidationsPaused); // Open: only emergency accounts now...
        ThrottleQuote quote = throttle.Quote(timestamp, notional, accountMaximum, bypass: false, effects.ThrottleCapacityScaleBps);
        Assert.Equal((UInt256)25_000_000_000_000UL, quote.AllowedNotional); // ...and at 25% capacity when not paused
        throttle.Record(timestamp, quote.AllowedNotional, bypass: false, effects.ThrottleCapacityScaleBps);
        breaker.Commit(step);
        var log = new List<BreakerTransition>();
        foreach (BreakerTransition t in step) log.Add(t);
        Assert.Equal(BreakerMetric.LiquidationVelocity, Assert.Single(log).Causes);
        // While scaled the bucket is one of capacity C' = 25%: taking all of it leaves 0, refilled at 500 USD/s.
        Assert.Equal(UInt256.Zero, throttle.AvailableAt(timestamp));
        Assert.Equal((UInt256)5_000_000_000_000UL, throttle.AvailableAt(timestamp + 100));
    }
}
