using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Oracles;

/// <summary>The scalar state of a <see cref="PriceMonitor"/> (its price window is kept apart).</summary>
/// <param name="Price">The last price, base-currency units (0: none yet).</param>
/// <param name="UpdatedAt">Timestamp of the last price update, seconds.</param>
/// <param name="VarianceWad">The volatility EWMA, WAD.</param>
/// <param name="RecoveredAt">Timestamp of the update that ended the last outage, seconds (0: none).</param>
public readonly record struct PriceMonitorState(UInt256 Price, ulong UpdatedAt, UInt256 VarianceWad, ulong RecoveredAt);
