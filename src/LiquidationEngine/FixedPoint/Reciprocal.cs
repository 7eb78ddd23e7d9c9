using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// Division by a normalised 64-bit limb through its reciprocal, so no quotient digit needs a
/// hardware or software 128-bit division: Möller and Granlund, "Improved division by invariant
/// integers" (IEEE Trans. Computers, 2011), algorithms 2 (RECIPROCAL_WORD), 4 (DIV_2BY1), 5 (DIV_3BY2) and 6
/// (the 3-by-2 reciprocal).
/// GMP and intx (the uint256 of evmone) divide the same way.
/// </summary>
internal static class Reciprocal
{
    /// <summary>
    /// floor((2^128 - 1) / d) - 2^64 for a normalised <paramref name="d"/> (top bit set), from an
    /// 11-bit table estimate refined by three Newton steps, all in 64-bit arithmetic.
    /// </summary>
    public static ulong Of(ulong d)
    {
        unchecked
        {
            ulong d0 = d & 1;
            ulong d9 = d >> 55;
            ulong d40 = (d >> 24) + 1;
            ulong d63 = (d >> 1) + d0; // ceil(d / 2)
            ulong v0 = Table[(int)d9 & 0xFF]; // d9 - 256, as d9 is in [256, 511]; the mask lets the JIT drop the bounds check
            ulong v1 = (v0 << 11) - ((v0 * v0 * d40) >> 40) - 1;
            ulong v2 = (v1 << 13) + ((v1 * ((1UL << 60) - v1 * d40)) >> 47);
            ulong e = ((v2 >> 1) & (0 - d0)) - v2 * d63;
            ulong v3 = (Limbs.MulHigh(v2, e) >> 1) + (v2 << 31);
            ulong high = Limbs.BigMul(v3, d, out ulong low);
            low += d;
            high += low < d ? 1UL : 0UL;
            return v3 - high - d;
        }
    }

    /// <summary>
    /// (u1:u0) / d for a normalised <paramref name="d"/> with <paramref name="v"/> = <see cref="Of"/>(d)
    /// and u1 &lt; d, so the quotient fits one limb.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DivRem2By1(ulong u1, ulong u0, ulong d, ulong v, out ulong remainder)
    {
        unchecked
        {
            ulong q1 = Limbs.BigMul(v, u1, out ulong q0);
            q0 += u0;
            q1 += u1 + (q0 < u0 ? 1UL : 0UL);
            q1++;
            ulong r = u0 - q1 * d;
            // Whether the candidate is one too large is data-dependent and common: correct it without a branch to mispredict.
            ulong tooLarge = 0UL - (r > q0 ? 1UL : 0UL);
            q1 += tooLarge;
            r += d & tooLarge;
            if (r >= d) // rare
            {
                q1++;
                r -= d;
            }
            remainder = r;
            return q1;
        }
    }

    /// <summary>
    /// floor((2^192 - 1) / (d1:d0)) - 2^64 for a normalised two-limb divisor (top bit of <paramref name="d1"/> set):
    /// the reciprocal of <see cref="DivRem3By2"/>, from the one-limb reciprocal of <paramref name="d1"/> corrected for
    /// <paramref name="d0"/> (Möller and Granlund, algorithm 6).
    /// </summary>
    public static ulong Of3By2(ulong d1, ulong d0)
    {
        unchecked
        {
            ulong v = Of(d1);
            ulong p = d1 * v + d0;
            if (p < d0)
            {
                v--;
                if (p >= d1)
                {
                    v--;
                    p -= d1;
                }
                p -= d1;
            }
            ulong t1 = Limbs.BigMul(v, d0, out ulong t0);
            p += t1;
            if (p < t1)
            {
                v--;
                if (p > d1 || (p == d1 && t0 >= d0))
                    v--;
            }
            return v;
        }
    }

    /// <summary>
    /// (u2:u1:u0) / (d1:d0) for a normalised two-limb divisor with <paramref name="v"/> = <see cref="Of3By2"/>(d1, d0)
    /// and (u2:u1) &lt; (d1:d0), so the quotient fits one limb; the remainder is (r1:r0). Möller and Granlund, algorithm 5.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DivRem3By2(ulong u2, ulong u1, ulong u0, ulong d1, ulong d0, ulong v, out ulong r1, out ulong r0)
    {
        unchecked
        {
            // (q1:q0) = v * u2 + (u2:u1)
            ulong q1 = Limbs.BigMul(v, u2, out ulong q0);
            q0 += u1;
            q1 += u2 + (q0 < u1 ? 1UL : 0UL);

            // (r1:r0) = (u1 - q1 * d1 : u0) - q1 * d0 - (d1:d0), modulo 2^128
            ulong high = u1 - q1 * d1;
            ulong t1 = Limbs.BigMul(d0, q1, out ulong t0);
            ulong low = u0 - t0;
            high = high - t1 - (u0 < t0 ? 1UL : 0UL);
            ulong borrow = low < d0 ? 1UL : 0UL;
            low -= d0;
            high = high - d1 - borrow;
            q1++;

            // The candidate is often one too large (then the remainder wrapped: high >= q0): add d back without a branch ...
            ulong tooLarge = 0UL - (high >= q0 ? 1UL : 0UL);
            q1 += tooLarge;
            ulong addLow = d0 & tooLarge;
            low += addLow;
            high += (d1 & tooLarge) + (low < addLow ? 1UL : 0UL);
            // ... or, rarely, it is one too small.
            if (high > d1 || (high == d1 && low >= d0))
            {
                q1++;
                borrow = low < d0 ? 1UL : 0UL;
                low -= d0;
                high = high - d1 - borrow;
            }
            r1 = high;
            r0 = low;
            return q1;
        }
    }

    // v0 = floor((2^19 - 3 * 2^8) / d9) for d9 = 256 .. 511, the top nine bits of d (algorithm 2).
    // An array, not an RVA span: on .NET 8 unoptimised (tier-0) code materialises such a span through
    // RuntimeHelpers.CreateSpan with a field handle that allocates on every call.
    private static readonly ushort[] Table =
    [
        0x7fd, 0x7f5, 0x7ed, 0x7e5, 0x7dd, 0x7d5, 0x7ce, 0x7c6, 0x7bf, 0x7b7, 0x7b0, 0x7a8, 0x7a1, 0x79a, 0x792, 0x78b,
        0x784, 0x77d, 0x776, 0x76f, 0x768, 0x761, 0x75b, 0x754, 0x74d, 0x747, 0x740, 0x739, 0x733, 0x72c, 0x726, 0x720,
        0x719, 0x713, 0x70d, 0x707, 0x700, 0x6fa, 0x6f4, 0x6ee, 0x6e8, 0x6e2, 0x6dc, 0x6d6, 0x6d1, 0x6cb, 0x6c5, 0x6bf,
        0x6ba, 0x6b4, 0x6ae, 0x6a9, 0x6a3, 0x69e, 0x698, 0x693, 0x68d, 0x688, 0x683, 0x67d, 0x678, 0x673, 0x66e, 0x669,
        0x664, 0x65e, 0x659, 0x654, 0x64f, 0x64a, 0x645, 0x640, 0x63c, 0x637, 0x632, 0x62d, 0x628, 0x624, 0x61f, 0x61a,
        0x616, 0x611, 0x60c, 0x608, 0x603, 0x5ff, 0x5fa, 0x5f6, 0x5f1, 0x5ed, 0x5e9, 0x5e4, 0x5e0, 0x5dc, 0x5d7, 0x5d3,
        0x5cf, 0x5cb, 0x5c6, 0x5c2, 0x5be, 0x5ba, 0x5b6, 0x5b2, 0x5ae, 0x5aa, 0x5a6, 0x5a2, 0x59e, 0x59a, 0x596, 0x592,
        0x58e, 0x58a, 0x586, 0x583, 0x57f, 0x57b, 0x577, 0x574, 0x570, 0x56c, 0x568, 0x565, 0x561, 0x55e, 0x55a, 0x556,
        0x553, 0x54f, 0x54c, 0x548, 0x545, 0x541, 0x53e, 0x53a, 0x537, 0x534, 0x530, 0x52d, 0x52a, 0x526, 0x523, 0x520,
        0x51c, 0x519, 0x516, 0x513, 0x50f, 0x50c, 0x509, 0x506, 0x503, 0x500, 0x4fc, 0x4f9, 0x4f6, 0x4f3, 0x4f0, 0x4ed,
        0x4ea, 0x4e7, 0x4e4, 0x4e1, 0x4de, 0x4db, 0x4d8, 0x4d5, 0x4d2, 0x4cf, 0x4cc, 0x4ca, 0x4c7, 0x4c4, 0x4c1, 0x4be,
        0x4bb, 0x4b9, 0x4b6, 0x4b3, 0x4b0, 0x4ad, 0x4ab, 0x4a8, 0x4a5, 0x4a3, 0x4a0, 0x49d, 0x49b, 0x498, 0x495, 0x493,
        0x490, 0x48d, 0x48b, 0x488, 0x486, 0x483, 0x481, 0x47e, 0x47c, 0x479, 0x477, 0x474, 0x472, 0x46f, 0x46d, 0x46a,
        0x468, 0x465, 0x463, 0x461, 0x45e, 0x45c, 0x459, 0x457, 0x455, 0x452, 0x450, 0x44e, 0x44b, 0x449, 0x447, 0x444,
        0x442, 0x440, 0x43e, 0x43b, 0x439, 0x437, 0x435, 0x432, 0x430, 0x42e, 0x42c, 0x42a, 0x428, 0x425, 0x423, 0x421,
        0x41f, 0x41d, 0x41b, 0x419, 0x417, 0x414, 0x412, 0x410, 0x40e, 0x40c, 0x40a, 0x408, 0x406, 0x404, 0x402, 0x400,
    ];
}
