using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;

namespace LiquidationEngine.Breakers;

/// <summary>
/// A snapshot of the values a breaker decides on, as of one timestamp. Carried by every
/// <see cref="BreakerTransition"/> so its event can show the values that caused it.
/// </summary>
/// <param name="LiquidationVelocityBps">Notional liquidated in the window, bps of the collateral value (floor).</param>
/// <param name="PriceFallBps">Fall of the price from the window's high, bps (floor).</param>
/// <param name="VolatilityWad">EWMA of squared returns between price updates, WAD.</param>
/// <param name="StalenessSeconds">Seconds since the last price update.</param>
/// <param name="PriceMove">The price update being applied, for the jump rule; default when the evaluation is not a price update.</param>
public readonly record struct BreakerMetrics(
    UInt256 LiquidationVelocityBps,
    UInt256 PriceFallBps,
    UInt256 VolatilityWad,
    UInt256 StalenessSeconds,
    PriceMove PriceMove = default)
{
    /// <summary>All zero: a calm market.</summary>
    public static BreakerMetrics Calm => default;
}
