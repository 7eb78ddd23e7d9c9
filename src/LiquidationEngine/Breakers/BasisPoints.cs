using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Breakers;

/// <summary>Basis-point helpers shared by the throttles and breakers (10000 bps = 100%).</summary>
internal static class BasisPoints
{
    /// <summary>100% in bps.</summary>
    public const uint One = 10_000;

    private static readonly UInt256 MaxBeforeScaling = UInt256.MaxValue / One;

    /// <summary>
    /// <c>floor(part * 10000 / whole)</c> exactly, saturating at 2^256 - 1; a zero <paramref name="whole"/> gives 0 for
    /// a zero part and 2^256 - 1 otherwise (any positive share of nothing is "everything").
    /// </summary>
    public static UInt256 Ratio(UInt256 part, UInt256 whole)
    {
        if (whole.IsZero) return part.IsZero ? UInt256.Zero : UInt256.MaxValue;
        if (part <= MaxBeforeScaling) return part * One / whole;
        // part * 10000 needs more than 256 bits: split part = q * whole + r.
        (UInt256 q, UInt256 r) = UInt256.DivRem(part, whole);
        UInt256 high = UInt256.MulCore(q, One, out bool overflow);
        if (overflow) return UInt256.MaxValue;
        UInt256 low = FullMath.MulDiv(r, One, whole, Rounding.Floor); // < 10000 since r < whole
        UInt256 sum = UInt256.AddCore(high, low, out ulong carry);
        return carry != 0 ? UInt256.MaxValue : sum;
    }

    /// <summary>Throws <c>InvalidBreakerParameter</c> unless <paramref name="scaleBps"/> is at most 10000.</summary>
    public static void CheckScale(string field, uint scaleBps)
    {
        if (scaleBps > One)
            throw BreakerReverts.InvalidBreakerParameter(field, scaleBps, "a scale is at most 10000 bps (100%)");
    }
}
