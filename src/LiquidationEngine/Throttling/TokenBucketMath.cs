using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Throttling;

/// <summary>The exact integer arithmetic of a linearly refilled token bucket. Pure, allocation-free, never overflows.</summary>
internal static class TokenBucketMath
{
    /// <summary><c>min(capacity, level + rate * elapsed)</c>, exact for every input (a product past 2^256 means full).</summary>
    public static UInt256 Refill(UInt256 level, UInt256 rate, ulong elapsed, UInt256 capacity)
    {
        if (level >= capacity) return capacity;
        if (elapsed == 0) return level; // several liquidations in one block
        UInt256 room = capacity - level;
        UInt256 added = UInt256.MulCore(rate, elapsed, out bool overflow);
        return overflow || added >= room ? capacity : level + added;
    }

    /// <summary>
    /// The fewest whole seconds s with <c>level + rate * s &gt;= target</c>: <c>ceil((target - level) / rate)</c>, 0 when
    /// the level is there already, <c>2^256 - 1</c> (never) when the rate is 0.
    /// </summary>
    public static UInt256 SecondsUntil(UInt256 level, UInt256 rate, UInt256 target)
    {
        if (level >= target) return UInt256.Zero;
        if (rate.IsZero) return UInt256.MaxValue;
        (UInt256 quotient, UInt256 remainder) = UInt256.DivRem(target - level, rate);
        return remainder.IsZero ? quotient : quotient + UInt256.One;
    }

    /// <summary><c>floor(value * scaleBps / 10000)</c> for a scale of at most 10000 (never overflows).</summary>
    public static UInt256 ScaleBps(UInt256 value, uint scaleBps) =>
        scaleBps == BasisPoints.One ? value : FullMath.MulDiv(value, scaleBps, BasisPoints.One, Rounding.Floor);
}
