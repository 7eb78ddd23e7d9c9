using System.Numerics;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using LiquidationEngine.Throttling;
using Xunit;

namespace LiquidationEngine.Tests.Throttling;

public class TokenBucketMathTests
{
    [Theory]
    [InlineData(700, 10, 0, 1000, 700)]
    [InlineData(700, 10, 29, 1000, 990)]   // room - 1 wei short of full: 700 + 290
    [InlineData(700, 10, 30, 1000, 1000)]  // exactly full
    [InlineData(700, 10, 31, 1000, 1000)]  // capped
    [InlineData(1200, 10, 5, 1000, 1000)]  // a level above a (scaled) capacity reads as the capacity
    [InlineData(0, 0, 1_000_000, 1000, 0)] // no refill
    [InlineData(0, 7, 14, 1000, 98)]
    public void RefillIsMinOfCapacityAndLinearGrowth(long level, long rate, long elapsed, long capacity, long expected) =>
        Assert.Equal((UInt256)(ulong)expected, TokenBucketMath.Refill((ulong)level, (ulong)rate, (ulong)elapsed, (ulong)capacity));

    [Fact]
    public void RefillNeverOverflows()
    {
        Assert.Equal(UInt256.MaxValue, TokenBucketMath.Refill(UInt256.Zero, UInt256.MaxValue, ulong.MaxValue, UInt256.MaxValue));
        UInt256 half = U256.From(BigInteger.One << 255);
        Assert.Equal(UInt256.MaxValue, TokenBucketMath.Refill(UInt256.One, half, 2, UInt256.MaxValue)); // 2^256 wraps to 0 if unchecked
        Assert.Equal(U256.From((BigInteger.One << 255) + 1), TokenBucketMath.Refill(UInt256.One, half, 1, UInt256.MaxValue));
    }

    [Theory]
    [InlineData(0, 10, 100, 10)]  // exact division
    [InlineData(0, 7, 100, 15)]   // 7 * 14 = 98 < 100 <= 105 = 7 * 15
    [InlineData(98, 7, 100, 1)]
    [InlineData(99, 1, 100, 1)]
    [InlineData(100, 7, 100, 0)]  // there already
    [InlineData(150, 0, 100, 0)]
    public void SecondsUntilIsTheExactCeiling(long level, long rate, long target, long expected) =>
        Assert.Equal((UInt256)(ulong)expected, TokenBucketMath.SecondsUntil((ulong)level, (ulong)rate, (ulong)target));

    [Fact]
    public void SecondsUntilWithoutRefillIsNever() =>
        Assert.Equal(UInt256.MaxValue, TokenBucketMath.SecondsUntil(5UL, UInt256.Zero, 6UL));

    [Theory]
    [InlineData(1000, 10_000, 1000)]
    [InlineData(1000, 2_500, 250)]
    [InlineData(999, 2_500, 249)] // 249.75 rounded down
    [InlineData(1000, 0, 0)]
    public void ScaleRoundsDown(long value, uint scale, long expected) =>
        Assert.Equal((UInt256)(ulong)expected, TokenBucketMath.ScaleBps((ulong)value, scale));
}
