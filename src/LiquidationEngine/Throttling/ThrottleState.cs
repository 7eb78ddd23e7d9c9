using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Throttling;

/// <summary>The whole mutable state of a <see cref="LiquidationThrottle"/>: what it held when last used, and when.</summary>
/// <param name="AvailableNotional">Notional available at <paramref name="UpdatedAt"/>, base-currency units (at most the capacity).</param>
/// <param name="UpdatedAt">Timestamp of the last recorded liquidation (or of the creation), seconds.</param>
public readonly record struct ThrottleState(UInt256 AvailableNotional, ulong UpdatedAt);
