using System.Numerics;
using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;

namespace LiquidationEngine.Tests.Breakers;

/// <summary>The liquidation-velocity metric and the sliding window under it, with hand-computed values.</summary>
public class MetricSourceTests
{
    private static readonly UInt256 Collateral = 1_000_000UL;

    [Theory]
    [InlineData(99_999, 999)]    // trip threshold 1000 bps: - 1 wei of notional
    [InlineData(100_000, 1_000)] // exactly 10%
    [InlineData(100_001, 1_000)] // floor(1000.01)
    [InlineData(100_099, 1_000)]
    [InlineData(100_100, 1_001)]
    [InlineData(0, 0)]
    public void VelocityIsFloorBpsOfCollateral(long notional, long expectedBps)
    {
        var velocity = new LiquidationVelocity(WindowOptions.Default);
        velocity.Record(1_000, (ulong)notional);
        Assert.Equal((UInt256)(ulong)expectedBps, velocity.BpsAt(1_000, Collateral));
    }

    [Fact]
    public void VelocityTripsExactlyAtTheNotionalThatReachesTheThreshold()
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions()); // trip 1000 bps
        var velocity = new LiquidationVelocity(WindowOptions.Default);
        velocity.Record(10, 99_999UL);
        Assert.Equal(CircuitState.Closed, breaker.Evaluate(10, new BreakerMetrics(velocity.BpsAt(10, Collateral), 0UL, 0UL, 0UL)).State.State);
        Assert.Equal((UInt256)1_000UL, velocity.BpsAfter(10, 1UL, Collateral)); // pure preview of the next liquidation
        Assert.Equal((UInt256)99_999UL, velocity.NotionalAt(10));
        velocity.Record(10, 1UL);
        Assert.Equal(CircuitState.Open, breaker.Evaluate(10, new BreakerMetrics(velocity.BpsAt(10, Collateral), 0UL, 0UL, 0UL)).State.State);
    }

    [Fact]
    public void WindowIsTheCurrentBucketAndTheElevenBefore()
    {
        // 3600 s in 12 buckets of 300 s; bucket k holds [300k, 300k + 300).
        var window = new SlidingWindow(WindowOptions.Default);
        window.Add(0, 60_000UL);
        window.Add(299, 1UL);     // same bucket
        window.Add(300, 10UL);    // bucket 1
        Assert.Equal((UInt256)60_011UL, window.Sum(300));
        Assert.Equal((UInt256)60_011UL, window.Sum(3_599)); // bucket 11: bucket 0 still live
        Assert.Equal((UInt256)10UL, window.Sum(3_600));     // bucket 12 replaces bucket 0
        Assert.Equal((UInt256)10UL, window.Sum(3_899));
        Assert.Equal(UInt256.Zero, window.Sum(3_900));
        Assert.Equal(UInt256.Zero, window.Sum(ulong.MaxValue));
    }

    [Fact]
    public void UpdatesReuseARingSlotOnlyForItsNewEpoch()
    {
        var window = new SlidingWindow(new WindowOptions(40, 4)); // 10 s buckets
        window.Add(5, 7UL);
        window.Add(45, 3UL); // epoch 4 lands on slot 0: epoch 0's 7 is dropped
        Assert.Equal((UInt256)3UL, window.Sum(45));
        Assert.Equal(new ulong[] { 3, 0, 0, 0 }, window.Values.ToArray().Select(v => (ulong)v));
        Assert.Equal(new ulong[] { 4, 0, 0, 0 }, window.Epochs.ToArray());
        Assert.Equal(45UL, window.LastUpdate);
    }

    [Fact]
    public void MaxReadsOnlyLiveBuckets()
    {
        var window = new SlidingWindow(new WindowOptions(40, 4));
        window.RaiseTo(0, 9UL);
        window.RaiseTo(10, 5UL);
        window.RaiseTo(10, 4UL);
        Assert.Equal((UInt256)9UL, window.Max(39));
        Assert.Equal((UInt256)5UL, window.Max(40));
        Assert.Equal(UInt256.Zero, window.Max(50));
    }

    [Fact]
    public void SumsSaturateInsteadOfFailing()
    {
        var window = new SlidingWindow(WindowOptions.Default);
        window.Add(0, UInt256.MaxValue);
        window.Add(0, 1UL);
        window.Add(300, 1UL);
        Assert.Equal(UInt256.MaxValue, window.Sum(300));
        var velocity = new LiquidationVelocity(WindowOptions.Default);
        velocity.Record(0, UInt256.MaxValue);
        Assert.Equal((UInt256)10_000UL, velocity.BpsAfter(0, 1UL, UInt256.MaxValue)); // (2^256 - 1) saturated over 2^256 - 1
    }

    [Fact]
    public void ReadsAndUpdatesRejectEarlierTimestamps()
    {
        var window = new SlidingWindow(WindowOptions.Default);
        window.Add(100, 1UL);
        EvmAssert.Reverts(EvmAssert.Overflow, () => window.Sum(99));
        EvmAssert.Reverts(EvmAssert.Overflow, () => window.Add(99, 1UL));
        Assert.Equal((UInt256)1UL, window.Sum(100));
    }

    [Fact]
    public void RestoreRoundTrips()
    {
        var a = new SlidingWindow(new WindowOptions(40, 4));
        a.Add(5, 7UL);
        a.Add(15, 8UL);
        var b = new SlidingWindow(new WindowOptions(40, 4));
        b.Restore(a.Values, a.Epochs, a.LastUpdate);
        Assert.Equal((UInt256)15UL, b.Sum(20));
        Assert.Throws<ArgumentException>(() => b.Restore(a.Values[..3], a.Epochs, 0));
    }

    [Theory]
    [InlineData(0, 12, "LiquidationVelocityWindow.WindowSeconds", 0)]
    [InlineData(3_601, 12, "LiquidationVelocityWindow.WindowSeconds", 3_601)]
    [InlineData(3_600, 0, "LiquidationVelocityWindow.BucketCount", 0)]
    [InlineData(3_600, 257, "LiquidationVelocityWindow.BucketCount", 257)]
    public void InvalidWindowsNameTheField(long seconds, int buckets, string field, long value) =>
        EvmAssert.Reverts(RevertHex.FieldError(RevertHex.InvalidBreakerParameter, field, value),
            () => new LiquidationVelocity(new WindowOptions((ulong)seconds, buckets)));

    [Fact]
    public void NegativeBucketCountIsReportedAsTheUint256ItBecomes() =>
        EvmAssert.Reverts(RevertHex.FieldError(RevertHex.InvalidBreakerParameter, "Window.BucketCount", (BigInteger.One << 64) - 1),
            () => new SlidingWindow(new WindowOptions(3_600, -1)));

    // floor(part * 10000 / whole), saturating; checked against BigInteger.
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "0")]
    [InlineData("5", "3")]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000", "3")]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000", "0x40000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("0x0003e8000000000000000000000000000000000000000000000000000000000", "0x10000000000000000000000000000000000000000000000000000000000000")]
    public void BasisPointRatioIsExactAndSaturates(string part, string whole)
    {
        BigInteger p = U256.Big(part), w = U256.Big(whole);
        BigInteger expected = w.IsZero ? (p.IsZero ? 0 : U256.MaxBig) : BigInteger.Min(p * 10_000 / w, U256.MaxBig);
        Assert.Equal(expected, U256.ToBig(BasisPoints.Ratio(U256.From(p), U256.From(w))));
    }
}
