using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>
/// The health factor's hot arithmetic: exact x * y / d for powers of ten up to 10^27 (token and price units, RAY) and
/// for any d below 2^64, and checked x * small. Results equal <see cref="FullMath.MulDiv"/> and the checked
/// <see cref="UInt256"/> operators (which are used, reverts included, whenever an operand is outside the fast case).
/// The division itself is <see cref="ProductDivision"/>'s (FixedPoint): this class only picks the fast case.
/// </summary>
internal static class FastMath
{
    /// <summary>x * y / 10^<paramref name="exponent"/>, rounded down or up.</summary>
    public static UInt256 MulDivPow10(in UInt256 x, in UInt256 y, int exponent, bool roundUp)
    {
        if ((uint)exponent > ProductDivision.MaxPowerOfTen || (x.U2 | x.U3 | y.U2 | y.U3) != 0)
            return SlowMulDiv(x, y, Units.Pow10(exponent), roundUp);
        ProductDivision.Mul128(x.U1, x.U0, y.U1, y.U0, out ulong p3, out ulong p2, out ulong p1, out ulong p0);
        ProductDivision.DivPow10(p3, p2, p1, p0, exponent, roundUp, out ulong q3, out ulong q2, out ulong q1, out ulong q0);
        return new UInt256(q3, q2, q1, q0);
    }

    /// <summary>
    /// The value of a scaled balance: round(round(scaled * index / 10^27) * price / 10^decimals), both roundings
    /// down or both up, exactly as <see cref="MulDivPow10"/> twice, without building the intermediate amount.
    /// </summary>
    public static UInt256 ScaledValue(in UInt256 scaled, in UInt256 index, in UInt256 price, int decimals, bool roundUp)
    {
        if ((uint)decimals <= ProductDivision.MaxPowerOfTen && (scaled.U2 | scaled.U3 | index.U2 | index.U3 | price.U1 | price.U2 | price.U3) == 0)
        {
            ProductDivision.Mul128(scaled.U1, scaled.U0, index.U1, index.U0, out ulong p3, out ulong p2, out ulong p1, out ulong p0);
            ProductDivision.DivPow10(p3, p2, p1, p0, RayDecimals, roundUp, out ulong a3, out ulong a2, out ulong a1, out ulong a0);
            if ((a3 | a2) == 0)
            {
                ulong h0 = Math.BigMul(a0, price.U0, out ulong v0);
                ulong v2 = Math.BigMul(a1, price.U0, out ulong v1);
                v2 += ProductDivision.Add(ref v1, h0);
                ProductDivision.DivPow10(0, v2, v1, v0, decimals, roundUp, out ulong q3, out ulong q2, out ulong q1, out ulong q0);
                return new UInt256(q3, q2, q1, q0);
            }
        }
        return SlowScaledValue(scaled, index, price, decimals, roundUp);
    }

    private const int RayDecimals = 27;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UInt256 SlowScaledValue(UInt256 scaled, UInt256 index, UInt256 price, int decimals, bool roundUp) =>
        MulDivPow10(MulDivPow10(scaled, index, RayDecimals, roundUp), price, decimals, roundUp);

    /// <summary>x * y / d, rounded down or up (fast when x, y &lt; 2^128 and 0 &lt; d &lt; 2^64).</summary>
    public static UInt256 MulDiv(in UInt256 x, in UInt256 y, in UInt256 d, bool roundUp)
    {
        if ((x.U2 | x.U3 | y.U2 | y.U3 | d.U1 | d.U2 | d.U3) != 0 || d.U0 == 0)
            return SlowMulDiv(x, y, d, roundUp);
        ProductDivision.Mul128(x.U1, x.U0, y.U1, y.U0, out ulong p3, out ulong p2, out ulong p1, out ulong p0);
        int shift = BitOperations.LeadingZeroCount(d.U0);
        ulong normalized = d.U0 << shift;
        ulong remainder = ProductDivision.DivRem(p3, p2, p1, p0, normalized, Reciprocal.Of(normalized), shift, out ulong q3, out ulong q2, out ulong q1, out ulong q0);
        var quotient = new UInt256(q3, q2, q1, q0);
        return roundUp && remainder != 0 ? quotient + UInt256.One : quotient;
    }

    /// <summary>Checked x * y for a factor below 2^64 (Panic(0x11) on overflow, as the UInt256 operator).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 MulSmall(in UInt256 x, ulong y)
    {
        if ((x.U2 | x.U3) != 0)
            return SlowMul(x, y);
        ulong h0 = Math.BigMul(x.U0, y, out ulong l0);
        ulong h1 = Math.BigMul(x.U1, y, out ulong l1);
        ulong carry = ProductDivision.Add(ref l1, h0);
        return new UInt256(0, h1 + carry, l1, l0); // < 2^192: no overflow
    }

    // Out of line, so the fast paths keep small stack frames (no zeroed temporaries of the general algorithms).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UInt256 SlowMulDiv(UInt256 x, UInt256 y, UInt256 d, bool roundUp) =>
        FullMath.MulDiv(x, y, d, roundUp ? Rounding.Ceil : Rounding.Floor);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UInt256 SlowMul(UInt256 x, ulong y) => x * y;
}
