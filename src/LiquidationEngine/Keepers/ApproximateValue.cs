using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Keepers;

/// <summary>Conversions to double with a stated error, for the scanner's approximate pass.</summary>
internal static class ApproximateValue
{
    /// <summary>
    /// The double nearest to the top 64 significant bits of <paramref name="value"/>, scaled back: the truncation
    /// costs less than 2^-63 relative and the rounding at most 2^-53, so |result - value| &lt;= (2^-53 + 2^-63) value.
    /// Allocation-free (no BigInteger).
    /// </summary>
    public static double ToDouble(UInt256 value)
    {
        int bits = value.BitLength;
        if (bits <= 64)
            return value.U0;
        int shift = bits - 64;
        ulong top = (ulong)(value >> shift);
        return Math.ScaleB(top, shift);
    }
}
