using System.Numerics;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Throttling;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Protection;

/// <summary>
/// Fixtures for the wiring tests: the engine kit's reference market (10 WETH collateral, 12 000 USDC debt) with
/// protection options, breakers with a single metric enabled, and expected revert data written from the signatures.
/// </summary>
internal static class ProtectionKit
{
    /// <summary>Timestamp of the engine kit's block n.</summary>
    public static ulong T(ulong n) => B(n).Timestamp;

    /// <summary>A block at an explicit timestamp (numbers only need to grow).</summary>
    public static Block At(ulong timestamp) => new(timestamp, timestamp);

    public static ThrottleOptions Throttle(ulong capacity, ulong refill, ulong minimum) =>
        new() { CapacityNotional = capacity, RefillPerSecond = refill, MinimumLiquidationNotional = minimum };

    /// <summary>A breaker with every metric and the jump rule disabled, effects as given.</summary>
    public static CircuitBreakerOptions Quiet => new()
    {
        LiquidationVelocityBps = MetricThreshold.Disabled,
        PriceFallBps = MetricThreshold.Disabled,
        VolatilityWad = MetricThreshold.Disabled,
        StalenessSeconds = MetricThreshold.Disabled,
        PriceJumpToleranceRay = UInt256.Zero,
    };

    public static MarketOptions With(ProtectionOptions protection) => new() { Protection = protection };

    /// <summary>The engine kit's AliceBorrowing market with protection, then WETH at <paramref name="wethDollars"/> in block 3.</summary>
    public static Market Crashed(ulong wethDollars, ProtectionOptions protection, EventRecorder? events = null)
    {
        Market market = AliceBorrowing(events, With(protection));
        market.SetPrice(B(3), Weth, wethDollars * 1_0000_0000UL);
        events?.Clear();
        return market;
    }

    /// <summary>The same operations without protection: the reference for the amounts a guarded liquidation executes.</summary>
    public static Market PlainCrashed(ulong wethDollars)
    {
        Market market = AliceBorrowing();
        market.SetPrice(B(3), Weth, wethDollars * 1_0000_0000UL);
        return market;
    }

    public static string Throttled(BigInteger available, BigInteger wait) => ErrorHex("LiquidationThrottled(uint256,uint256)", available, wait);

    public static string BelowMinimum(BigInteger notional, BigInteger minimum) => ErrorHex("LiquidationBelowMinimum(uint256,uint256)", notional, minimum);

    public static string Stale(Address asset, BigInteger age) => ErrorHex("OracleStale(address,uint256)", asset, age);

    public static string Grace(Address asset, BigInteger allowedFrom) => ErrorHex("OracleGracePeriod(address,uint256)", asset, allowedFrom);

    public static string LiquidationsPaused(Address scope, byte state, BigInteger until) => ErrorHex("LiquidationsPaused(address,uint8,uint256)", scope, state, until);

    public static string BorrowsPaused(Address scope, byte state, BigInteger until) => ErrorHex("BorrowsPaused(address,uint8,uint256)", scope, state, until);

    public static string InvalidTransition(byte from, byte to) => ErrorHex("InvalidBreakerTransition(uint8,uint8)", from, to);

    public static string NotConfigured(Address scope) => ErrorHex("BreakerNotConfigured(address)", scope);

    public static readonly BigInteger Max256 = (BigInteger.One << 256) - 1;

    /// <summary>The transitions logged, in order.</summary>
    public static List<BreakerStateChangedEvent> Transitions(EventRecorder events) => events.Events.OfType<BreakerStateChangedEvent>().ToList();

    public static BreakerStateChangedEvent Transition(Address scope, CircuitState from, CircuitState to, TransitionReason reason, BreakerMetric causes, ulong openUntil,
        ulong velocity = 0, ulong fall = 0, UInt256 volatility = default, ulong staleness = 0) =>
        new(scope, from, to, reason, causes, openUntil, velocity, fall, volatility, staleness);
}
