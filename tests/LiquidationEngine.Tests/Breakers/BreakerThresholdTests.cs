using System.Numerics;
using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Breakers.CircuitState;

namespace LiquidationEngine.Tests.Breakers;

/// <summary>
/// Threshold - 1, threshold, threshold + 1 for every metric's trip (from Closed) and reset (from HalfOpen)
/// threshold, one metric enabled at a time, and for the ClipperMom price-jump rule.
/// </summary>
public class BreakerThresholdTests
{
    private const ulong T = 500_000;

    public enum Metric { LiquidationVelocity, PriceFall, Volatility, Staleness }

    private static readonly (UInt256 Trip, UInt256 Reset) Thresholds = (5_000UL, 2_000UL);

    private static CircuitBreaker OnlyEnabled(Metric metric)
    {
        var threshold = new MetricThreshold(Thresholds.Trip, Thresholds.Reset);
        var off = MetricThreshold.Disabled;
        return new CircuitBreaker(new CircuitBreakerOptions
        {
            LiquidationVelocityBps = metric == Metric.LiquidationVelocity ? threshold : off,
            PriceFallBps = metric == Metric.PriceFall ? threshold : off,
            VolatilityWad = metric == Metric.Volatility ? threshold : off,
            StalenessSeconds = metric == Metric.Staleness ? threshold : off,
            PriceJumpToleranceRay = UInt256.Zero,
        });
    }

    private static BreakerMetrics With(Metric metric, ulong value) => metric switch
    {
        Metric.LiquidationVelocity => new(value, 0UL, 0UL, 0UL),
        Metric.PriceFall => new(0UL, value, 0UL, 0UL),
        Metric.Volatility => new(0UL, 0UL, value, 0UL),
        _ => new(0UL, 0UL, 0UL, value),
    };

    private static BreakerMetric Flag(Metric metric) => (BreakerMetric)(1 << (int)metric);

    public static TheoryData<Metric, ulong, bool> TripCases()
    {
        var data = new TheoryData<Metric, ulong, bool>();
        foreach (Metric m in Enum.GetValues<Metric>())
        {
            data.Add(m, 4_999, false);
            data.Add(m, 5_000, true);
            data.Add(m, 5_001, true);
        }
        return data;
    }

    public static TheoryData<Metric, ulong, bool> ResetCases()
    {
        var data = new TheoryData<Metric, ulong, bool>();
        foreach (Metric m in Enum.GetValues<Metric>())
        {
            data.Add(m, 1_999, true);
            data.Add(m, 2_000, false);
            data.Add(m, 2_001, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TripCases))]
    public void TripsAtOrAboveTheTripThreshold(Metric metric, ulong value, bool trips)
    {
        BreakerStep step = OnlyEnabled(metric).Evaluate(T, With(metric, value));
        Assert.Equal(trips ? Open : Closed, step.State.State);
        if (trips) Assert.Equal(Flag(metric), step[0].Causes);
    }

    [Theory]
    [MemberData(nameof(ResetCases))]
    public void ClosesFromHalfOpenOnlyBelowTheResetThreshold(Metric metric, ulong value, bool closes)
    {
        CircuitBreaker breaker = OnlyEnabled(metric);
        breaker.Restore(new BreakerState(HalfOpen, T, 0));
        Assert.Equal(closes ? Closed : HalfOpen, breaker.Evaluate(T, With(metric, value)).State.State);
    }

    [Theory]
    [InlineData(Metric.LiquidationVelocity)]
    [InlineData(Metric.PriceFall)]
    [InlineData(Metric.Volatility)]
    [InlineData(Metric.Staleness)]
    public void DisabledMetricsNeverTripAndAreAlwaysCalm(Metric metric)
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions
        {
            LiquidationVelocityBps = MetricThreshold.Disabled,
            PriceFallBps = MetricThreshold.Disabled,
            VolatilityWad = MetricThreshold.Disabled,
            StalenessSeconds = MetricThreshold.Disabled,
        });
        BreakerMetrics huge = With(metric, ulong.MaxValue);
        Assert.Equal(BreakerMetric.None, breaker.TrippedBy(huge));
        Assert.True(breaker.IsCalm(huge));
    }

    // ClipperMom: trip iff nxt < rmul(cur, tolerance) = floor(cur * tolerance / 1e27).
    [Theory]
    [InlineData("1000", "600000000000000000000000000", "599", true)]   // rmul = 600: threshold - 1
    [InlineData("1000", "600000000000000000000000000", "600", false)]  // threshold
    [InlineData("1000", "600000000000000000000000000", "601", false)]  // threshold + 1
    [InlineData("999", "600000000000000000000000000", "598", true)]    // rmul = floor(599.4) = 599
    [InlineData("999", "600000000000000000000000000", "599", false)]
    [InlineData("1000", "1000000000000000000000000000", "999", true)]  // tolerance 1e27: any fall
    [InlineData("1000", "1000000000000000000000000000", "1000", false)]
    [InlineData("1000", "0", "0", false)]                              // tolerance 0: disabled
    [InlineData("0", "600000000000000000000000000", "1", false)]        // no previous price
    public void PriceJumpFollowsClipperMom(string previous, string tolerance, string current, bool trips)
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions { PriceJumpToleranceRay = U256.From(tolerance) });
        var metrics = new BreakerMetrics(0UL, 0UL, 0UL, 0UL, new PriceMove(U256.From(previous), U256.From(current)));
        Assert.Equal(trips ? BreakerMetric.PriceJump : BreakerMetric.None, breaker.TrippedBy(metrics));
        Assert.Equal(trips ? Open : Closed, breaker.Evaluate(T, metrics).State.State);
    }

    [Fact]
    public void PriceJumpIsExactForHugePrices()
    {
        // cur * tolerance exceeds 2^256: floor((2^255) * 0.6e27 / 1e27) computed on 512 bits.
        BigInteger previous = BigInteger.One << 255;
        BigInteger floor = previous * 6 / 10;
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());
        Assert.Equal(BreakerMetric.PriceJump, breaker.TrippedBy(new BreakerMetrics(0UL, 0UL, 0UL, 0UL, new PriceMove(U256.From(previous), U256.From(floor - 1)))));
        Assert.Equal(BreakerMetric.None, breaker.TrippedBy(new BreakerMetrics(0UL, 0UL, 0UL, 0UL, new PriceMove(U256.From(previous), U256.From(floor)))));
    }

    [Fact]
    public void PriceJumpDoesNotBlockRecovery()
    {
        // A jump is an event, not a level: it re-trips when it happens, but it does not keep HalfOpen from closing.
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());
        breaker.Restore(new BreakerState(HalfOpen, T, 0));
        var calmWithoutUpdate = new BreakerMetrics(0UL, 0UL, 0UL, 0UL);
        Assert.Equal(Closed, breaker.Evaluate(T, calmWithoutUpdate).State.State);
        var jump = calmWithoutUpdate with { PriceMove = new PriceMove(100UL, 10UL) };
        Assert.Equal(Open, breaker.Evaluate(T, jump).State.State);
    }
}
