using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Breakers;

/// <summary>
/// Settings of a <see cref="CircuitBreaker"/>, named after Polly v8's <c>CircuitBreakerStrategyOptions</c> where
/// they mean the same. Each metric has a trip and a reset threshold (<see cref="MetricThreshold"/>); set one to
/// <see cref="MetricThreshold.Disabled"/> to ignore it. spec/SPEC.md section 7 lists every field with its unit and default.
/// </summary>
/// <remarks>
/// No effect ever raises the liquidation threshold of existing positions: doing so in a falling market would push
/// more accounts under water at once and feed the very cascade the breaker exists to damp (procyclical). The
/// dynamic margin only tightens new borrowing.
/// </remarks>
public sealed record CircuitBreakerOptions
{
    /// <summary>Liquidation velocity thresholds, bps of collateral value liquidated within the window. Default trip 1000 (10%), reset 300 (3%).</summary>
    public MetricThreshold LiquidationVelocityBps { get; init; } = new(1_000UL, 300UL);

    /// <summary>Price velocity thresholds: fall from the window's high, bps. Default trip 2000 (20%), reset 1000 (10%).</summary>
    public MetricThreshold PriceFallBps { get; init; } = new(2_000UL, 1_000UL);

    /// <summary>
    /// Realised volatility thresholds on the EWMA of squared per-update returns, WAD (a variance: 0.0025e18 is a 5% typical move).
    /// Default trip 0.0025e18, reset 0.0004e18 (2%).
    /// </summary>
    public MetricThreshold VolatilityWad { get; init; } = new(2_500_000_000_000_000UL, 400_000_000_000_000UL);

    /// <summary>Oracle staleness thresholds, seconds since the last price update. Default trip 7200, reset 3600.</summary>
    public MetricThreshold StalenessSeconds { get; init; } = new(7_200UL, 3_600UL);

    /// <summary>
    /// MakerDAO ClipperMom's price tolerance, RAY: a single update to a price below <c>rmul(previous, tolerance)</c>
    /// (= floor(previous * tolerance / 1e27)) trips the breaker. 0 disables the rule; at most 1e27 (any fall trips).
    /// Default 0.6e27 (a fall of more than 40% in one update).
    /// </summary>
    public UInt256 PriceJumpToleranceRay { get; init; } = WadRayMath.Ray / 10UL * 6UL;

    /// <summary>How long the breaker stays Open after a trip before going HalfOpen, seconds (Polly's BreakDuration). At least 1. Default 1800.</summary>
    public ulong BreakDurationSeconds { get; init; } = 1_800;

    /// <summary>While Open (or Isolated): liquidations revert with <c>LiquidationsPaused</c> except for accounts below the emergency floor. Default true.</summary>
    public bool PauseLiquidationsWhileOpen { get; init; } = true;

    /// <summary>While Open (or Isolated) and liquidations are not paused: throttle capacity scale, bps. Default 2500 (25%).</summary>
    public uint OpenThrottleCapacityScaleBps { get; init; } = 2_500;

    /// <summary>While HalfOpen: throttle capacity scale, bps. Default 5000 (50%).</summary>
    public uint HalfOpenThrottleCapacityScaleBps { get; init; } = 5_000;

    /// <summary>While Open (or Isolated): new borrows revert with <c>BorrowsPaused</c>. Default true.</summary>
    public bool PauseBorrowsWhileOpen { get; init; } = true;

    /// <summary>
    /// Dynamic margin while not Closed (and borrows are not paused): the borrow capacity of new borrows
    /// (sum of collateral value x LTV) is scaled by this, bps, rounded down; i.e. the collateral needed per unit of
    /// new debt rises by 10000 / scale. Existing positions' liquidation thresholds never change. Default 8000.
    /// </summary>
    public uint BorrowCapacityScaleBps { get; init; } = 8_000;

    /// <summary>Checks every rule; reverts with <c>InvalidBreakerParameter(field, value)</c> on the first violation.</summary>
    /// <exception cref="Evm.EvmRevertException">A field is out of range.</exception>
    public void Validate()
    {
        LiquidationVelocityBps.Validate(nameof(LiquidationVelocityBps));
        PriceFallBps.Validate(nameof(PriceFallBps));
        VolatilityWad.Validate(nameof(VolatilityWad));
        StalenessSeconds.Validate(nameof(StalenessSeconds));
        if (PriceJumpToleranceRay > WadRayMath.Ray)
            throw BreakerReverts.InvalidBreakerParameter(nameof(PriceJumpToleranceRay), PriceJumpToleranceRay, "a tolerance is at most 1e27 (ClipperMom/tolerance-out-of-bounds)");
        if (BreakDurationSeconds == 0)
            throw BreakerReverts.InvalidBreakerParameter(nameof(BreakDurationSeconds), BreakDurationSeconds, "the break duration must be at least 1 second");
        BasisPoints.CheckScale(nameof(OpenThrottleCapacityScaleBps), OpenThrottleCapacityScaleBps);
        BasisPoints.CheckScale(nameof(HalfOpenThrottleCapacityScaleBps), HalfOpenThrottleCapacityScaleBps);
        BasisPoints.CheckScale(nameof(BorrowCapacityScaleBps), BorrowCapacityScaleBps);
    }
}
