using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// Register-only division of a product of two values below 2^128 (four limbs) by a 64-bit divisor, and by 10^k for
/// k &lt;= 27 (token and price units, RAY): 10^k is divided as 2^k (a shift) then 5^k, a one-limb divisor whose
/// normalised form and Möller–Granlund reciprocal (<see cref="Reciprocal.Of"/>) are tabulated. Every quotient limb is a
/// <see cref="Reciprocal.DivRem2By1"/> step, the same one <see cref="Divisor"/> uses for one-limb divisors.
/// </summary>
internal static class ProductDivision
{
    public const int MaxPowerOfTen = 27; // 5^27 is the largest power of five below 2^64

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

    /// <summary>The 5^k reciprocals above are <see cref="Reciprocal.Of"/> of the normalised 5^k (a test recomputes them).</summary>
    internal static ulong NormalizedPowerOfFive(int k) => NormalizedPowersOfFive[k];

    internal static ulong PowerOfFiveReciprocal(int k) => Reciprocals[k];

    // (p3:p2:p1:p0) / 10^exponent (exponent <= 27), rounded down or up: / 2^k by shifting, then / 5^k.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DivPow10(ulong p3, ulong p2, ulong p1, ulong p0, int exponent, bool roundUp,
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
        ulong remainder = DivRem(p3, p2, p1, p0, divisor, reciprocal, shift, out q3, out q2, out q1, out q0);
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

    // The full 256-bit product of two values below 2^128 (plain ulong carries: UInt128 operators are not always inlined).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul128(ulong x1, ulong x0, ulong y1, ulong y0, out ulong p3, out ulong p2, out ulong p1, out ulong p0)
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
    public static ulong Add(ref ulong sum, ulong addend)
    {
        sum += addend;
        return sum < addend ? 1UL : 0UL;
    }

    // (p3:p2:p1:p0) / (normalized >> shift) with remainder; normalized has its top bit set.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DivRem(ulong p3, ulong p2, ulong p1, ulong p0, ulong normalized, ulong reciprocal, int shift,
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
            q3 = Reciprocal.DivRem2By1(u4, u3, normalized, reciprocal, out r);
            q2 = Reciprocal.DivRem2By1(r, u2, normalized, reciprocal, out r);
        }
        else if (p2 != 0)
        {
            q2 = Reciprocal.DivRem2By1(u3, u2, normalized, reciprocal, out r);
        }
        else
        {
            r = u2;
        }
        q1 = Reciprocal.DivRem2By1(r, u1, normalized, reciprocal, out r);
        q0 = Reciprocal.DivRem2By1(r, u0, normalized, reciprocal, out r);
        return r >> shift;
    }

}
