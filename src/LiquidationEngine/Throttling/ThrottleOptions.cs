using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Throttling;

/// <summary>
/// Settings of a <see cref="LiquidationThrottle"/>: a token bucket on liquidated notional. Notional is in base
/// currency units with the market's price decimals (the defaults assume 8, i.e. 1e8 = 1 USD); scale them to the
/// market's size.
/// </summary>
/// <remarks>
/// Over any interval of t seconds, the notional that goes through the bucket (emergency bypasses excluded) is at
/// most <see cref="CapacityNotional"/> + <see cref="RefillPerSecond"/> x t, to the wei.
/// </remarks>
public sealed record ThrottleOptions
{
    /// <summary>Bucket capacity C, base-currency units: the largest burst. Must be positive. Default 1e14 (1,000,000 USD at 8 decimals).</summary>
    public UInt256 CapacityNotional { get; init; } = 100_000_000_000_000UL;

    /// <summary>
    /// Refill rate r, base-currency units per second, linear up to the capacity. 0 makes the bucket a one-off budget.
    /// Default 5e10 per second (500 USD/s: an empty bucket is full again after 2,000 s).
    /// </summary>
    public UInt256 RefillPerSecond { get; init; } = 50_000_000_000UL;

    /// <summary>
    /// Minimum liquidation size, base-currency units: a liquidation must fill at least this much unless it takes all
    /// the account allows, and when less than it is available liquidations revert with <c>LiquidationThrottled</c>
    /// (so dust cannot burn capacity). At most <see cref="CapacityNotional"/>. Default 1e11 (1,000 USD).
    /// </summary>
    public UInt256 MinimumLiquidationNotional { get; init; } = 100_000_000_000UL;

    /// <summary>Checks every rule; reverts with <c>InvalidThrottleParameter(field, value)</c> on the first violation.</summary>
    /// <exception cref="Evm.EvmRevertException">A field is out of range.</exception>
    public void Validate()
    {
        if (CapacityNotional.IsZero)
            throw BreakerReverts.InvalidThrottleParameter(nameof(CapacityNotional), CapacityNotional, "the capacity must be positive");
        if (MinimumLiquidationNotional > CapacityNotional)
            throw BreakerReverts.InvalidThrottleParameter(nameof(MinimumLiquidationNotional), MinimumLiquidationNotional,
                $"the minimum liquidation must not exceed the capacity ({CapacityNotional})");
    }
}
