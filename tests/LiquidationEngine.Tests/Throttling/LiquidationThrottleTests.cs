using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using LiquidationEngine.Throttling;
using Xunit;
using static LiquidationEngine.Tests.Breakers.RevertHex;

namespace LiquidationEngine.Tests.Throttling;

/// <summary>Hand-computed scenarios: C = 1000, r = 10/s, minimum 100, created full at t = 1000.</summary>
public class LiquidationThrottleTests
{
    private const ulong T0 = 1000;
    private static readonly UInt256 Plenty = 1_000_000UL;

    private static LiquidationThrottle Bucket(ulong capacity = 1000, ulong rate = 10, ulong minimum = 100) =>
        new(new ThrottleOptions { CapacityNotional = capacity, RefillPerSecond = rate, MinimumLiquidationNotional = minimum }, T0);

    private static LiquidationThrottle Drained(ulong level, ulong rate = 10)
    {
        var bucket = Bucket(rate: rate);
        bucket.Record(T0, 1000UL - level, bypass: false);
        return bucket;
    }

    [Fact]
    public void StartsFullAndRefillsLinearlyUpToCapacity()
    {
        var bucket = Bucket();
        Assert.Equal((UInt256)1000UL, bucket.AvailableAt(T0));
        bucket.Record(T0, 300UL, bypass: false);
        Assert.Equal(new ThrottleState(700UL, T0), bucket.State);
        Assert.Equal((UInt256)800UL, bucket.AvailableAt(T0 + 10));
        Assert.Equal((UInt256)990UL, bucket.AvailableAt(T0 + 29));
        Assert.Equal((UInt256)1000UL, bucket.AvailableAt(T0 + 30));
        Assert.Equal((UInt256)1000UL, bucket.AvailableAt(T0 + 10_000));
    }

    [Fact]
    public void QuoteIsPureAndAllowsTheWholeRequestWhenAvailable()
    {
        var bucket = Bucket();
        ThrottleQuote quote = bucket.Quote(T0, 300UL, Plenty, bypass: false);
        Assert.Equal(new ThrottleQuote(300UL, 300UL, 1000UL, false), quote);
        Assert.False(quote.IsPartial);
        Assert.Equal(new ThrottleState(1000UL, T0), bucket.State);
    }

    [Fact]
    public void LargerRequestIsFilledPartially()
    {
        var bucket = Drained(700);
        ThrottleQuote quote = bucket.Quote(T0, 900UL, Plenty, bypass: false);
        Assert.Equal((UInt256)700UL, quote.AllowedNotional);
        Assert.True(quote.IsPartial);
        bucket.Record(T0, quote.AllowedNotional, bypass: false);
        Assert.Equal(new ThrottleState(UInt256.Zero, T0), bucket.State);
    }

    [Fact]
    public void BelowTheMinimumItRevertsWithTheExactWait()
    {
        var bucket = Drained(0);
        EvmAssert.Reverts(Error(LiquidationThrottled, 0, 10), () => bucket.Quote(T0, 500UL, Plenty, false));
        EvmAssert.Reverts(Error(LiquidationThrottled, 90, 1), () => bucket.Quote(T0 + 9, 500UL, Plenty, false));
        Assert.Equal((UInt256)100UL, bucket.Quote(T0 + 10, 500UL, Plenty, false).AllowedNotional);
        Assert.Equal(new ThrottleState(UInt256.Zero, T0), bucket.State);
    }

    [Fact]
    public void WaitIsRoundedUp()
    {
        var bucket = Drained(0, rate: 7); // 7 * 14 = 98 < 100 <= 105
        EvmAssert.Reverts(Error(LiquidationThrottled, 0, 15), () => bucket.Quote(T0, 500UL, Plenty, false));
        EvmAssert.Reverts(Error(LiquidationThrottled, 98, 1), () => bucket.Quote(T0 + 14, 500UL, Plenty, false));
        Assert.Equal((UInt256)105UL, bucket.Quote(T0 + 15, 500UL, Plenty, false).AllowedNotional);
    }

    [Fact]
    public void MinimumBoundaryOfAvailable()
    {
        // minimum - 1, minimum, minimum + 1 available
        EvmAssert.Reverts(Error(LiquidationThrottled, 99, 1), () => Drained(99).Quote(T0, 500UL, Plenty, false));
        Assert.Equal((UInt256)100UL, Drained(100).Quote(T0, 500UL, Plenty, false).AllowedNotional);
        Assert.Equal((UInt256)101UL, Drained(101).Quote(T0, 500UL, Plenty, false).AllowedNotional);
    }

    [Fact]
    public void DustRequestsMustTakeAllTheAccountAllows()
    {
        var bucket = Bucket();
        EvmAssert.Reverts(Error(LiquidationBelowMinimum, 99, 100), () => bucket.Quote(T0, 99UL, Plenty, false));
        Assert.Equal((UInt256)100UL, bucket.Quote(T0, 100UL, Plenty, false).AllowedNotional);
        Assert.Equal((UInt256)50UL, bucket.Quote(T0, 50UL, 50UL, false).AllowedNotional);
        EvmAssert.Reverts(Error(LiquidationBelowMinimum, 49, 50), () => bucket.Quote(T0, 49UL, 50UL, false));
    }

    [Fact]
    public void SmallAccountWaitsOnlyForItsOwnSize()
    {
        var bucket = Drained(40);
        EvmAssert.Reverts(Error(LiquidationThrottled, 40, 1), () => bucket.Quote(T0, 50UL, 50UL, false));
        Assert.Equal((UInt256)50UL, bucket.Quote(T0 + 1, 50UL, 50UL, false).AllowedNotional);
    }

    [Fact]
    public void BypassIsNeverBlockedAndDrainsToZeroAtMost()
    {
        var bucket = Drained(0);
        ThrottleQuote quote = bucket.Quote(T0, 5_000UL, Plenty, bypass: true);
        Assert.Equal(new ThrottleQuote(5_000UL, 5_000UL, UInt256.Zero, true), quote);
        bucket.Record(T0, 5_000UL, bypass: true);
        Assert.Equal(new ThrottleState(UInt256.Zero, T0), bucket.State);
        Assert.Equal((UInt256)100UL, bucket.AvailableAt(T0 + 10)); // no debt: refills from zero

        var half = Drained(700);
        half.Record(T0 + 10, 300UL, bypass: true); // 800 available, bypass counted
        Assert.Equal(new ThrottleState(500UL, T0 + 10), half.State);
        Assert.Equal((UInt256)1UL, half.Quote(T0 + 10, 1UL, 1UL, bypass: true).AllowedNotional); // no minimum either
    }

    [Fact]
    public void ScaledCapacityCapsWhatIsAvailableWithoutCuttingTheLevel()
    {
        var bucket = Bucket();
        Assert.Equal((UInt256)250UL, bucket.CapacityAt(2_500));
        Assert.Equal((UInt256)250UL, bucket.AvailableAt(T0, 2_500));
        Assert.Equal((UInt256)1000UL, bucket.AvailableAt(T0)); // level kept
        ThrottleQuote quote = bucket.Quote(T0, 300UL, Plenty, false, 2_500);
        Assert.Equal((UInt256)250UL, quote.AllowedNotional);
        bucket.Record(T0, 250UL, false, 2_500);
        Assert.Equal(new ThrottleState(UInt256.Zero, T0), bucket.State);
        Assert.Equal((UInt256)100UL, bucket.AvailableAt(T0 + 10));
    }

    [Fact]
    public void MinimumAboveScaledCapacityIsCappedByIt()
    {
        var bucket = Drained(0);
        // 5% of 1000 = 50 < minimum 100: the minimum becomes 50
        EvmAssert.Reverts(Error(LiquidationThrottled, 40, 1), () => bucket.Quote(T0 + 4, 500UL, Plenty, false, 500));
        Assert.Equal((UInt256)50UL, bucket.Quote(T0 + 5, 500UL, Plenty, false, 500).AllowedNotional);
    }

    [Fact]
    public void NeverWhenTheCapacityIsScaledToZeroOrThereIsNoRefill()
    {
        EvmAssert.Reverts(Error(LiquidationThrottled, 0, Max), () => Bucket().Quote(T0, 500UL, Plenty, false, 0));
        var noRefill = Drained(50, rate: 0);
        EvmAssert.Reverts(Error(LiquidationThrottled, 50, Max), () => noRefill.Quote(T0 + 1_000_000, 500UL, Plenty, false));
    }

    [Fact]
    public void RecordOfAnUnquotedLiquidationRevertsAndChangesNothing()
    {
        var bucket = Drained(700);
        EvmAssert.Reverts(Error(LiquidationThrottled, 700, 1), () => bucket.Record(T0, 701UL, bypass: false));
        EvmAssert.Reverts(Error(LiquidationThrottled, 700, Max), () => bucket.Record(T0, 1001UL, bypass: false));
        Assert.Equal(new ThrottleState(700UL, T0), bucket.State);
    }

    [Fact]
    public void TimeRunningBackwardsPanicsLikeCheckedSubtraction()
    {
        var bucket = Bucket();
        EvmAssert.Reverts(EvmAssert.Overflow, () => bucket.AvailableAt(T0 - 1));
        EvmAssert.Reverts(EvmAssert.Overflow, () => bucket.Quote(T0 - 1, 100UL, Plenty, false));
        EvmAssert.Reverts(EvmAssert.Overflow, () => bucket.Record(T0 - 1, 100UL, false));
    }

    [Fact]
    public void ScaleAboveOneHundredPercentIsAProgrammingError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Bucket().AvailableAt(T0, 10_001));

    [Fact]
    public void RestoreReplacesTheState()
    {
        var bucket = Bucket();
        bucket.Restore(new ThrottleState(5UL, T0 + 7));
        Assert.Equal((UInt256)15UL, bucket.AvailableAt(T0 + 8));
    }

    [Fact]
    public void DefaultsAreValidAndDocumented()
    {
        var options = new ThrottleOptions();
        Assert.Equal((UInt256)100_000_000_000_000UL, options.CapacityNotional);
        Assert.Equal((UInt256)50_000_000_000UL, options.RefillPerSecond);
        Assert.Equal((UInt256)100_000_000_000UL, options.MinimumLiquidationNotional);
        Assert.Equal(options.CapacityNotional, new LiquidationThrottle(options, 0).AvailableAt(0));
    }

    [Fact]
    public void InvalidOptionsNameTheFieldAndValue()
    {
        var zero = EvmAssert.Reverts(FieldError(InvalidThrottleParameter, "CapacityNotional", 0),
            () => new LiquidationThrottle(new ThrottleOptions { CapacityNotional = UInt256.Zero }, 0));
        Assert.Contains("ThrottleOptions.CapacityNotional", zero.Message);
        EvmAssert.Reverts(FieldError(InvalidThrottleParameter, "MinimumLiquidationNotional", 1001),
            () => Bucket(capacity: 1000, minimum: 1001));
        Bucket(capacity: 1000, minimum: 1000); // equal is fine
    }
}
