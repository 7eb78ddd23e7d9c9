using System.Numerics;
using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Breakers.RevertHex;

namespace LiquidationEngine.Tests.Oracles;

/// <summary>Oracle guards and price metrics with hand-computed values (max age 3600 s, grace 3600 s, 1 h window in 12 buckets).</summary>
public class PriceMonitorTests
{
    private static readonly Address Asset = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private const string AssetWord = "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";

    private static PriceMonitor Monitor(ulong maxAge = 3_600, ulong grace = 3_600) =>
        new(Asset, new OracleGuardOptions { MaxPriceAgeSeconds = maxAge, GracePeriodSeconds = grace });

    private static string AddressError(string selector, BigInteger value) => selector + AssetWord.PadLeft(64, '0') + Word(value);

    [Fact]
    public void AgeBoundaryAtTheMaximum()
    {
        var monitor = Monitor();
        monitor.Update(1_000, 2_000UL);
        monitor.EnsureFresh(4_599); // age 3599
        monitor.EnsureFresh(4_600); // age 3600 = max: still fresh
        var stale = EvmAssert.Reverts(AddressError(OracleStale, 3_601), () => monitor.EnsureFresh(4_601));
        Assert.Contains("3601", stale.Message);
        Assert.Equal((UInt256)3_601UL, monitor.AgeAt(4_601));
    }

    [Fact]
    public void NoPriceIsStaleForeverButNotAMetric()
    {
        var monitor = Monitor();
        EvmAssert.Reverts(AddressError(OracleStale, Max), () => monitor.EnsureFresh(0));
        Assert.Equal(BreakerMetrics.Calm, monitor.MetricsAt(5_000, UInt256.Zero));
    }

    [Theory]
    [InlineData(7_199, false)]
    [InlineData(7_200, true)]
    [InlineData(7_201, true)]
    public void StalenessMetricTripsTheBreakerAtItsThreshold(long age, bool trips)
    {
        var monitor = Monitor(maxAge: 100_000);
        monitor.Update(1_000, 2_000UL);
        BreakerMetrics metrics = monitor.MetricsAt(1_000 + (ulong)age, UInt256.Zero);
        Assert.Equal((UInt256)(ulong)age, metrics.StalenessSeconds);
        var breaker = new CircuitBreaker(new CircuitBreakerOptions()); // staleness trip 7200
        Assert.Equal(trips, breaker.TrippedBy(metrics).HasFlag(BreakerMetric.Staleness));
    }

    [Fact]
    public void AnOutageIsAGapAboveTheMaximumAge()
    {
        var monitor = Monitor();
        monitor.Update(1_000, 2_000UL);
        monitor.Update(4_600, 2_000UL); // gap 3600: no outage
        Assert.Equal(0UL, monitor.State.RecoveredAt);
        monitor.Update(8_201, 2_000UL); // gap 3601: the outage ends now
        Assert.Equal(8_201UL, monitor.State.RecoveredAt);
        Assert.Equal(8_201UL + 3_600 + 1, monitor.GraceEndsAt);
    }

    [Fact]
    public void GracePeriodBlocksLiquidationsExceptBelowTheEmergencyFloor()
    {
        var monitor = Monitor();
        monitor.Update(1_000, 2_000UL);
        monitor.Update(5_000, 1_500UL); // outage ended at 5000
        // Aave: allowed iff now - timestampGotUp > gracePeriod
        EvmAssert.Reverts(AddressError(OracleGracePeriod, 8_601), () => monitor.EnsureLiquidationAllowed(5_000, false));
        EvmAssert.Reverts(AddressError(OracleGracePeriod, 8_601), () => monitor.EnsureLiquidationAllowed(8_600, false));
        monitor.EnsureLiquidationAllowed(5_000, belowEmergencyFloor: true);
        monitor.Update(8_000, 1_500UL); // keep it fresh
        monitor.EnsureLiquidationAllowed(8_601, false);
        Assert.True(monitor.InGracePeriodAt(8_600));
        Assert.False(monitor.InGracePeriodAt(8_601));
    }

    [Fact]
    public void GracePeriodBlocksBorrowsWithoutExceptions()
    {
        var monitor = Monitor();
        monitor.Update(1_000, 2_000UL);
        monitor.Update(5_000, 1_500UL);
        EvmAssert.Reverts(AddressError(OracleGracePeriod, 8_601), () => monitor.EnsureBorrowAllowed(8_600));
        monitor.Update(8_000, 1_500UL);
        monitor.EnsureBorrowAllowed(8_601);
    }

    [Fact]
    public void StalenessBeatsTheEmergencyFloor()
    {
        var monitor = Monitor();
        monitor.Update(1_000, 2_000UL);
        EvmAssert.Reverts(AddressError(OracleStale, 3_601), () => monitor.EnsureLiquidationAllowed(4_601, belowEmergencyFloor: true));
    }

    [Fact]
    public void ZeroGraceMeansAllowedOneSecondAfterRecovery()
    {
        var monitor = Monitor(grace: 0);
        monitor.Update(1_000, 2_000UL);
        monitor.Update(5_000, 2_000UL);
        EvmAssert.Reverts(AddressError(OracleGracePeriod, 5_001), () => monitor.EnsureLiquidationAllowed(5_000, false)); // 0 > 0 is false
        monitor.EnsureLiquidationAllowed(5_001, false);
    }

    [Theory]
    [InlineData(8_001, 1_999)]
    [InlineData(8_000, 2_000)] // the default trip threshold
    [InlineData(7_999, 2_001)]
    [InlineData(10_000, 0)]
    [InlineData(12_000, 0)]    // a new high
    public void PriceFallIsFromTheWindowHigh(long price, long expectedBps)
    {
        var monitor = Monitor();
        monitor.Update(0, 10_000UL);
        BreakerMetrics preview = monitor.MetricsAfterUpdate(100, (ulong)price, UInt256.Zero);
        Assert.Equal((UInt256)(ulong)expectedBps, preview.PriceFallBps);
        Assert.Equal(new PriceMove(10_000UL, (ulong)price), preview.PriceMove);
        Assert.Equal(UInt256.Zero, preview.StalenessSeconds);
        monitor.Update(100, (ulong)price);
        Assert.Equal((UInt256)(ulong)expectedBps, monitor.PriceFallBpsAt(100));
        Assert.Equal(preview with { PriceMove = default }, monitor.MetricsAt(100, UInt256.Zero));
    }

    [Fact]
    public void TheHighIncludesThePriceInEffectWhenTheWindowBegan()
    {
        var monitor = Monitor();
        monitor.Update(0, 10_000UL);   // bucket 0
        monitor.Update(300, 9_000UL);  // bucket 1 records max(10000, 9000): 10000 was in effect until now
        Assert.Equal((UInt256)1_000UL, monitor.PriceFallBpsAt(3_599));
        Assert.Equal((UInt256)1_000UL, monitor.PriceFallBpsAt(3_600)); // bucket 0 expired, bucket 1 still live
        Assert.Equal((UInt256)1_000UL, monitor.PriceFallBpsAt(3_899));
        Assert.Equal(UInt256.Zero, monitor.PriceFallBpsAt(3_900));     // a flat hour: calm
    }

    [Fact]
    public void PriceFallBetweenUpdatesUsesTheCurrentPrice()
    {
        var monitor = Monitor(maxAge: 100_000);
        monitor.Update(0, 10_000UL);
        monitor.Update(10, 7_000UL);
        monitor.Update(20, 9_000UL);
        Assert.Equal((UInt256)1_000UL, monitor.PriceFallBpsAt(20)); // from 10000, not from 7000
    }

    [Fact]
    public void VolatilityFollowsTheEwmaOfSquaredReturns()
    {
        var monitor = Monitor();
        monitor.Update(0, 1_000UL);
        Assert.Equal(UInt256.Zero, monitor.State.VarianceWad); // no return yet
        monitor.Update(10, 1_100UL);
        // r = 0.1e18, r^2 = 0.01e18, v = 0.06 * 0.01e18 = 6e14
        Assert.Equal((UInt256)600_000_000_000_000UL, monitor.State.VarianceWad);
        monitor.Update(20, 1_100UL);
        // calm update: v = 0.94 * 6e14 = 5.64e14
        Assert.Equal((UInt256)564_000_000_000_000UL, monitor.State.VarianceWad);
    }

    [Theory]
    [InlineData(599_999_999_999_999, true)]
    [InlineData(600_000_000_000_000, true)]
    [InlineData(600_000_000_000_001, false)]
    public void VolatilityMetricBoundary(long trip, bool trips)
    {
        var monitor = Monitor();
        monitor.Update(0, 1_000UL);
        BreakerMetrics metrics = monitor.MetricsAfterUpdate(10, 1_100UL, UInt256.Zero); // volatility exactly 6e14
        var breaker = new CircuitBreaker(new CircuitBreakerOptions { VolatilityWad = new((ulong)trip, 1UL) });
        Assert.Equal(trips, breaker.TrippedBy(metrics).HasFlag(BreakerMetric.Volatility));
    }

    [Fact]
    public void CalmUpdatesAndTimeBringEveryPriceMetricBelowItsReset()
    {
        var monitor = Monitor();
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());
        monitor.Update(0, 10_000UL);
        monitor.Update(60, 5_000UL); // a crash: fall 50%, r = 0.5, v = 0.06 * 0.25e18
        Assert.NotEqual(BreakerMetric.None, breaker.TrippedBy(monitor.MetricsAt(60, UInt256.Zero)));
        ulong t = 60;
        for (int i = 0; i < 200 && !breaker.IsCalm(monitor.MetricsAt(t, UInt256.Zero)); i++)
            monitor.Update(t += 300, 5_000UL);
        Assert.True(breaker.IsCalm(monitor.MetricsAt(t, UInt256.Zero)), $"still not calm at {t}: {monitor.MetricsAt(t, UInt256.Zero)}");
    }

    [Fact]
    public void RejectsZeroPricesAndEarlierTimestamps()
    {
        var monitor = Monitor();
        Assert.Throws<ArgumentOutOfRangeException>(() => monitor.Update(0, UInt256.Zero));
        monitor.Update(100, 1UL);
        EvmAssert.Reverts(EvmAssert.Overflow, () => monitor.Update(99, 1UL));
        EvmAssert.Reverts(EvmAssert.Overflow, () => monitor.MetricsAt(99, UInt256.Zero));
        Assert.Equal(new PriceMonitorState(1UL, 100, UInt256.Zero, 0), monitor.State);
    }

    [Fact]
    public void RestoreRoundTrips()
    {
        var a = Monitor();
        a.Update(0, 10_000UL);
        a.Update(300, 9_000UL);
        var b = Monitor();
        b.Restore(a.State);
        b.PriceHighs.Restore(a.PriceHighs.Values, a.PriceHighs.Epochs, a.PriceHighs.LastUpdate);
        Assert.Equal(a.MetricsAt(1_000, 5UL), b.MetricsAt(1_000, 5UL));
    }

    [Theory]
    [InlineData("MaxPriceAgeSeconds", 0)]
    [InlineData("VolatilityDecayWad", 1_000_000_000_000_000_001)]
    public void InvalidOptionsNameTheField(string field, long value)
    {
        var options = field == "MaxPriceAgeSeconds"
            ? new OracleGuardOptions { MaxPriceAgeSeconds = 0 }
            : new OracleGuardOptions { VolatilityDecayWad = (ulong)value };
        EvmAssert.Reverts(FieldError(InvalidBreakerParameter, field, value), () => new PriceMonitor(Asset, options));
    }

    [Fact]
    public void InvalidPriceWindowIsNamed() =>
        EvmAssert.Reverts(FieldError(InvalidBreakerParameter, "PriceWindow.WindowSeconds", 100),
            () => new PriceMonitor(Asset, new OracleGuardOptions { PriceWindow = new WindowOptions(100, 12) }));
}
