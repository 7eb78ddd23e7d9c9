using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>
/// The health factor's hot arithmetic on 64-bit limbs: exact x * y / d for powers of ten up to 10^27 (token and
/// price units, RAY) and for any d below 2^64, and checked x * small. Results equal <see cref="FullMath.MulDiv"/>
/// and the checked <see cref="UInt256"/> operators (which are used, reverts included, whenever an operand is
/// outside the fast case). 10^k is divided as 2^k then 5^k; each 128-by-64-bit step multiplies by a
/// precomputed reciprocal (Moller and Granlund, "Improved division by invariant integers", IEEE TC 2011).
/// </summary>
internal static class FastMath
{
    private const int MaxPowerOfTen = 27; // 5^27 is the largest power of five below 2^64

    // For k = 0..27: 5^k shifted left until its top bit is set, that shift, and floor((2^128 - 1) / shifted) - 2^64.
    private static ReadOnlySpan<ulong> NormalizedPowersOfFive =>
    [
        0x8000000000000000UL, 0xA000000000000000UL, 0xC800000000000000UL, 0xFA00000000000000UL,
        0x9C40000000000000UL, 0xC350000000000000UL, 0xF424000000000000UL, 0x9896800000000000UL,
        0xBEBC200000000000UL, 0xEE6B280000000000UL, 0x9502F90000000000UL, 0xBA43B74000000000UL,
        0xE8D4A51000000000UL, 0x9184E72A00000000UL, 0xB5E620F480000000UL, 0xE35FA931A0000000UL,
        0x8E1BC9BF04000000UL, 0xB1A2BC2EC5000000UL, 0xDE0B6B3A76400000UL, 0x8AC7230489E80000UL,
        0xAD78EBC5AC620000UL, 0xD8D726B7177A8000UL, 0x878678326EAC9000UL, 0xA968163F0A57B400UL,
        0xD3C21BCECCEDA100UL, 0x84595161401484A0UL, 0xA56FA5B99019A5C8UL, 0xCECB8F27F4200F3AUL,
    ];

    private static ReadOnlySpan<byte> NormalizationShifts =>
    [
        63, 61, 59, 57, 54, 52, 50, 47, 45, 43, 40, 38, 36, 33, 31, 29, 26, 24, 22, 19, 17, 15, 12, 10, 8, 5, 3, 1,
    ];

    private static ReadOnlySpan<ulong> Reciprocals =>
    [
        0xFFFFFFFFFFFFFFFFUL, 0x9999999999999999UL, 0x47AE147AE147AE14UL, 0x0624DD2F1A9FBE76UL,
        0xA36E2EB1C432CA57UL, 0x4F8B588E368F0846UL, 0x0C6F7A0B5ED8D36BUL, 0xAD7F29ABCAF48578UL,
        0x5798EE2308C39DF9UL, 0x12E0BE826D694B2EUL, 0xB7CDFD9D7BDBAB7DUL, 0x5FD7FE17964955FDUL,
        0x19799812DEA11197UL, 0xC25C268497681C26UL, 0x6849B86A12B9B01EUL, 0x203AF9EE756159B2UL,
        0xCD2B297D889BC2B6UL, 0x70EF54646D496892UL, 0x2725DD1D243ABA0EUL, 0xD83C94FB6D2AC34AUL,
        0x79CA10C9242235D5UL, 0x2E3B40A0E9B4F7DDUL, 0xE392010175EE5962UL, 0x82DB34012B25144EUL,
        0x357C299A88EA76A5UL, 0xEF2D0F5DA7DD8AA2UL, 0x8C240C4AECB13BB5UL, 0x3CE9A36F23C0FC90UL,
    ];

    /// <summary>x * y / 10^<paramref name="exponent"/>, rounded down or up.</summary>
    public static UInt256 MulDivPow10(in UInt256 x, in UInt256 y, int exponent, bool roundUp)
    {
        if ((uint)exponent > MaxPowerOfTen || (x.U2 | x.U3 | y.U2 | y.U3) != 0)
            return SlowMulDiv(x, y, Units.Pow10(exponent), roundUp);
        Mul128(x.U1, x.U0, y.U1, y.U0, out ulong p3, out ulong p2, out ulong p1, out ulong p0);
        DivPow10(p3, p2, p1, p0, exponent, roundUp, out ulong q3, out ulong q2, out ulong q1, out ulong q0);
        return new UInt256(q3, q2, q1, q0);
    }

    /// <summary>
    /// The value of a scaled balance: round(round(scaled * index / 10^27) * price / 10^decimals), both roundings
    /// down or both up, exactly as <see cref="MulDivPow10"/> twice, without building the intermediate amount.
    /// </summary>
    public static UInt256 ScaledValue(in UInt256 scaled, in UInt256 index, in UInt256 price, int decimals, bool roundUp)
    {
        if ((uint)decimals <= MaxPowerOfTen && (scaled.U2 | scaled.U3 | index.U2 | index.U3 | price.U1 | price.U2 | price.U3) == 0)
        {
            Mul128(scaled.U1, scaled.U0, index.U1, index.U0, out ulong p3, out ulong p2, out ulong p1, out ulong p0);
            DivPow10(p3, p2, p1, p0, RayDecimals, roundUp, out ulong a3, out ulong a2, out ulong a1, out ulong a0);
            if ((a3 | a2) == 0)
            {
                ulong h0 = Math.BigMul(a0, price.U0, out ulong v0);
                ulong v2 = Math.BigMul(a1, price.U0, out ulong v1);
                v2 += Add(ref v1, h0);
                DivPow10(0, v2, v1, v0, decimals, roundUp, out ulong q3, out ulong q2, out ulong q1, out ulong q0);
                return new UInt256(q3, q2, q1, q0);
            }
        }
        return SlowScaledValue(scaled, index, price, decimals, roundUp);
    }

    private const int RayDecimals = 27;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UInt256 SlowScaledValue(UInt256 scaled, UInt256 index, UInt256 price, int decimals, bool roundUp) =>
        MulDivPow10(MulDivPow10(scaled, index, RayDecimals, roundUp), price, decimals, roundUp);

    // (p3:p2:p1:p0) / 10^exponent (exponent <= 27), rounded down or up: / 2^k by shifting, then / 5^k.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DivPow10(ulong p3, ulong p2, ulong p1, ulong p0, int exponent, bool roundUp,
        out ulong q3, out ulong q2, out ulong q1, out ulong q0)
    {
        bool inexact = (p0 & ((1UL << exponent) - 1)) != 0;
        if (exponent != 0)
        {
            int back = 64 - exponent;
            p0 = (p0 >> exponent) | (p1 << back);
            p1 = (p1 >> exponent) | (p2 << back);
            p2 = (p2 >> exponent) | (p3 << back);
            p3 >>= exponent;
        }
        // Callers check exponent <= 27: the tables have 28 entries.
        ulong divisor = Unsafe.Add(ref MemoryMarshal.GetReference(NormalizedPowersOfFive), exponent);
        ulong reciprocal = Unsafe.Add(ref MemoryMarshal.GetReference(Reciprocals), exponent);
        int shift = Unsafe.Add(ref MemoryMarshal.GetReference(NormalizationShifts), exponent);
        ulong remainder = Divide(p3, p2, p1, p0, divisor, reciprocal, shift, out q3, out q2, out q1, out q0);
        if (roundUp && (inexact || remainder != 0))
            Increment(ref q3, ref q2, ref q1, ref q0); // the quotient is below 2^256 / 5: no overflow
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Increment(ref ulong q3, ref ulong q2, ref ulong q1, ref ulong q0)
    {
        ulong carry = Add(ref q0, 1);
        carry = Add(ref q1, carry);
        carry = Add(ref q2, carry);
        q3 += carry;
    }

    /// <summary>x * y / d, rounded down or up (fast when x, y &lt; 2^128 and 0 &lt; d &lt; 2^64).</summary>
    public static UInt256 MulDiv(in UInt256 x, in UInt256 y, in UInt256 d, bool roundUp)
    {
        if ((x.U2 | x.U3 | y.U2 | y.U3 | d.U1 | d.U2 | d.U3) != 0 || d.U0 == 0)
            return SlowMulDiv(x, y, d, roundUp);
        Mul128(x.U1, x.U0, y.U1, y.U0, out ulong p3, out ulong p2, out ulong p1, out ulong p0);
        int shift = BitOperations.LeadingZeroCount(d.U0);
        ulong normalized = d.U0 << shift;
        ulong remainder = Divide(p3, p2, p1, p0, normalized, Reciprocal(normalized), shift, out ulong q3, out ulong q2, out ulong q1, out ulong q0);
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
        ulong carry = Add(ref l1, h0);
        return new UInt256(0, h1 + carry, l1, l0); // < 2^192: no overflow
    }

    // Out of line, so the fast paths keep small stack frames (no zeroed temporaries of the general algorithms).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UInt256 SlowMulDiv(UInt256 x, UInt256 y, UInt256 d, bool roundUp) =>
        FullMath.MulDiv(x, y, d, roundUp ? Rounding.Ceil : Rounding.Floor);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UInt256 SlowMul(UInt256 x, ulong y) => x * y;

    // The full 256-bit product of two values below 2^128 (plain ulong carries: UInt128 operators are not always inlined).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mul128(ulong x1, ulong x0, ulong y1, ulong y0, out ulong p3, out ulong p2, out ulong p1, out ulong p0)
    {
        ulong h00 = Math.BigMul(x0, y0, out p0);
        ulong h01 = Math.BigMul(x0, y1, out ulong l01);
        ulong h10 = Math.BigMul(x1, y0, out ulong l10);
        ulong h11 = Math.BigMul(x1, y1, out ulong l11);
        ulong c1 = Add(ref h00, l01) + Add(ref h00, l10);
        ulong c2 = Add(ref h01, h10) + Add(ref h01, l11) + Add(ref h01, c1);
        p1 = h00;
        p2 = h01;
        p3 = h11 + c2; // the product is below 2^256
    }

    // sum += addend; returns the carry (0 or 1).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Add(ref ulong sum, ulong addend)
    {
        sum += addend;
        return sum < addend ? 1UL : 0UL;
    }

    // (p3:p2:p1:p0) / (normalized >> shift) with remainder; normalized has its top bit set.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Divide(ulong p3, ulong p2, ulong p1, ulong p0, ulong normalized, ulong reciprocal, int shift,
        out ulong q3, out ulong q2, out ulong q1, out ulong q0)
    {
        ulong u4 = 0, u3 = p3, u2 = p2, u1 = p1, u0 = p0;
        if (shift != 0)
        {
            int back = 64 - shift;
            u4 = p3 >> back;
            u3 = (p3 << shift) | (p2 >> back);
            u2 = (p2 << shift) | (p1 >> back);
            u1 = (p1 << shift) | (p0 >> back);
            u0 = p0 << shift;
        }
        // Leading zero limbs of the dividend give zero quotient limbs: the running remainder is just the next limb.
        ulong r;
        q3 = 0;
        q2 = 0;
        if (p3 != 0)
        {
            q3 = Step(u4, u3, normalized, reciprocal, out r);
            q2 = Step(r, u2, normalized, reciprocal, out r);
        }
        else if (p2 != 0)
        {
            q2 = Step(u3, u2, normalized, reciprocal, out r);
        }
        else
        {
            r = u2;
        }
        q1 = Step(r, u1, normalized, reciprocal, out r);
        q0 = Step(r, u0, normalized, reciprocal, out r);
        return r >> shift;
    }

    // floor((2^128 - 1) / d) - 2^64 for normalized d: the 2-by-1 quotient of (~d : 2^64 - 1) by d (which is below 2^64
    // since ~d < d), by Knuth's algorithm D on 32-bit half limbs with two hardware 64-bit divisions (Hacker's Delight
    // divlu). UInt128 division would take a slow general path here.
    private static ulong Reciprocal(ulong d)
    {
        const ulong b = 1UL << 32;
        ulong u1 = ~d, u0 = ulong.MaxValue;
        ulong vn1 = d >> 32, vn0 = d & 0xFFFF_FFFF;
        ulong un1 = u0 >> 32, un0 = u0 & 0xFFFF_FFFF;
        ulong q1 = u1 / vn1, rhat = u1 - q1 * vn1;
        while (q1 >= b || q1 * vn0 > b * rhat + un1)
        {
            q1--;
            rhat += vn1;
            if (rhat >= b) break;
        }
        ulong un21 = u1 * b + un1 - q1 * d;
        ulong q0 = un21 / vn1;
        rhat = un21 - q0 * vn1;
        while (q0 >= b || q0 * vn0 > b * rhat + un0)
        {
            q0--;
            rhat += vn1;
            if (rhat >= b) break;
        }
        return q1 * b + q0;
    }

    // (u1:u0) / d for normalized d and u1 < d (Moller-Granlund, algorithm 4).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong u1, ulong u0, ulong d, ulong v, out ulong r)
    {
        ulong q1 = Math.BigMul(v, u1, out ulong q0);
        q1 += u1 + Add(ref q0, u0) + 1;
        ulong rem = u0 - q1 * d;
        // Taken about half the time, so branch-free (the JIT emits conditional moves/setcc).
        ulong adjust = rem > q0 ? ulong.MaxValue : 0;
        q1 += adjust;
        rem += d & adjust;
        if (rem >= d) // rare
        {
            q1++;
            rem -= d;
        }
        r = rem;
        return q1;
    }
}
