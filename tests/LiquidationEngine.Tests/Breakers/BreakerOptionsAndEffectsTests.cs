using System.Numerics;
using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Breakers.RevertHex;

namespace LiquidationEngine.Tests.Breakers;

public class BreakerOptionsAndEffectsTests
{
    private static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var o = new CircuitBreakerOptions();
        Assert.Equal(new MetricThreshold(1_000UL, 300UL), o.LiquidationVelocityBps);
        Assert.Equal(new MetricThreshold(2_000UL, 1_000UL), o.PriceFallBps);
        Assert.Equal(new MetricThreshold(2_500_000_000_000_000UL, 400_000_000_000_000UL), o.VolatilityWad);
        Assert.Equal(new MetricThreshold(7_200UL, 3_600UL), o.StalenessSeconds);
        Assert.Equal(Ray * 6 / 10, U256.ToBig(o.PriceJumpToleranceRay));
        Assert.Equal(1_800UL, o.BreakDurationSeconds);
        Assert.True(o.PauseLiquidationsWhileOpen);
        Assert.Equal(2_500u, o.OpenThrottleCapacityScaleBps);
        Assert.Equal(5_000u, o.HalfOpenThrottleCapacityScaleBps);
        Assert.True(o.PauseBorrowsWhileOpen);
        Assert.Equal(8_000u, o.BorrowCapacityScaleBps);
        o.Validate();
    }

    public static TheoryData<CircuitBreakerOptions, string, string> Invalid() => new()
    {
        { new() { PriceFallBps = new(1_000UL, 1_000UL) }, "PriceFallBps.Reset", "1000" },          // reset = trip: no hysteresis
        { new() { PriceFallBps = new(1_000UL, 1_001UL) }, "PriceFallBps.Reset", "1001" },
        { new() { LiquidationVelocityBps = new(1_000UL, 0UL) }, "LiquidationVelocityBps.Reset", "0" }, // never calm: stuck
        { new() { VolatilityWad = new(0UL, 5UL) }, "VolatilityWad.Reset", "5" },
        { new() { StalenessSeconds = new(10UL, 10UL) }, "StalenessSeconds.Reset", "10" },
        { new() { PriceJumpToleranceRay = U256.From(Ray + 1) }, "PriceJumpToleranceRay", (Ray + 1).ToString() },
        { new() { BreakDurationSeconds = 0 }, "BreakDurationSeconds", "0" },
        { new() { OpenThrottleCapacityScaleBps = 10_001 }, "OpenThrottleCapacityScaleBps", "10001" },
        { new() { HalfOpenThrottleCapacityScaleBps = 10_001 }, "HalfOpenThrottleCapacityScaleBps", "10001" },
        { new() { BorrowCapacityScaleBps = 10_001 }, "BorrowCapacityScaleBps", "10001" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidOptionsRevertNamingFieldAndValue(CircuitBreakerOptions options, string field, string value)
    {
        var revert = EvmAssert.Reverts(FieldError(InvalidBreakerParameter, field, BigInteger.Parse(value)), () => new CircuitBreaker(options));
        Assert.Contains(field, revert.Message);
        Assert.Contains(value, revert.Message);
    }

    [Fact]
    public void EdgeValuesAreAccepted()
    {
        new CircuitBreaker(new CircuitBreakerOptions
        {
            LiquidationVelocityBps = new(2UL, 1UL),
            PriceFallBps = MetricThreshold.Disabled,
            PriceJumpToleranceRay = U256.From(Ray),
            BreakDurationSeconds = 1,
            OpenThrottleCapacityScaleBps = 0,
            HalfOpenThrottleCapacityScaleBps = 10_000,
            BorrowCapacityScaleBps = 0,
        });
    }

    [Fact]
    public void EffectsPerState()
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());
        Assert.Equal(new BreakerEffects(false, 10_000, false, 10_000), breaker.EffectsOf(CircuitState.Closed));
        Assert.Equal(new BreakerEffects(false, 5_000, false, 8_000), breaker.EffectsOf(CircuitState.HalfOpen));
        Assert.Equal(new BreakerEffects(true, 2_500, true, 8_000), breaker.EffectsOf(CircuitState.Open));
        Assert.Equal(new BreakerEffects(true, 2_500, true, 8_000), breaker.EffectsOf(CircuitState.Isolated));

        var throttleOnly = new CircuitBreaker(new CircuitBreakerOptions { PauseLiquidationsWhileOpen = false, PauseBorrowsWhileOpen = false, OpenThrottleCapacityScaleBps = 1_000 });
        Assert.Equal(new BreakerEffects(false, 1_000, false, 8_000), throttleOnly.EffectsOf(CircuitState.Open));
    }

    [Fact]
    public void CombiningTakesTheStricterOfEach()
    {
        var a = new BreakerEffects(true, 5_000, false, 9_000);
        var b = new BreakerEffects(false, 2_500, true, 9_500);
        Assert.Equal(new BreakerEffects(true, 2_500, true, 9_000), BreakerEffects.Combine(a, b));
        Assert.Equal(a, BreakerEffects.Combine(a, BreakerEffects.None));
    }
}
