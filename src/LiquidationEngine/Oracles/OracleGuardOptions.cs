using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Oracles;

/// <summary>Settings of a <see cref="PriceMonitor"/>: the oracle guards of one asset and the windows of its price metrics.</summary>
public sealed record OracleGuardOptions
{
    /// <summary>
    /// Maximum price age, seconds: when <c>now - updatedAt &gt; MaxPriceAgeSeconds</c>, operations that depend on the
    /// price revert with <c>OracleStale(asset, age)</c>, and the next update ends an outage (starting the grace period).
    /// At least 1. Default 3600 (a one-hour heartbeat).
    /// </summary>
    public ulong MaxPriceAgeSeconds { get; init; } = 3_600;

    /// <summary>
    /// Grace period after an outage ends, seconds (Aave V3 PriceOracleSentinel): liquidations are allowed only when
    /// <c>now - recoveredAt &gt; GracePeriodSeconds</c>, or for accounts below the emergency floor; borrows only after
    /// it. 0 disables it. Default 3600.
    /// </summary>
    public ulong GracePeriodSeconds { get; init; } = 3_600;

    /// <summary>Window of the price-velocity metric (fall from the window's high). Default one hour in 12 buckets.</summary>
    public WindowOptions PriceWindow { get; init; } = WindowOptions.Default;

    /// <summary>
    /// EWMA decay lambda of the volatility metric, WAD: <c>v' = (lambda v + (1e18 - lambda) r^2) / 1e18</c> per price
    /// update. At most 1e18. Default 0.94e18 (RiskMetrics).
    /// </summary>
    public UInt256 VolatilityDecayWad { get; init; } = 940_000_000_000_000_000UL;

    /// <summary>Checks every rule; reverts with <c>InvalidBreakerParameter(field, value)</c> on the first violation.</summary>
    /// <exception cref="Evm.EvmRevertException">A field is out of range.</exception>
    public void Validate()
    {
        if (MaxPriceAgeSeconds == 0)
            throw BreakerReverts.InvalidBreakerParameter(nameof(MaxPriceAgeSeconds), MaxPriceAgeSeconds, "the maximum price age must be at least 1 second");
        PriceWindow.Validate(nameof(PriceWindow));
        if (VolatilityDecayWad > WadRayMath.Wad)
            throw BreakerReverts.InvalidBreakerParameter(nameof(VolatilityDecayWad), VolatilityDecayWad, "the EWMA decay is at most 1e18");
    }
}
