using System.Numerics;
using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// A non-zero uint256 divisor prepared once for any number of long divisions (Knuth's Algorithm D, TAOCP vol. 2,
/// 4.3.1): shifted so that its top bit is set, with the Möller–Granlund reciprocal of its top limb (one-limb
/// divisors) or top two limbs (all others), so that no quotient limb needs a hardware or software 128-bit division.
/// Both the 256-bit division of <see cref="UInt256"/> and the 512-bit one of <c>FullMath.MulDiv</c> run here,
/// on registers only: no spans, no scratch memory.
/// </summary>
/// <remarks>
/// A quotient limb is produced by a <em>step</em>: given a partial remainder r &lt; d (normalised, as many limbs as
/// the divisor) and the next limb x of the normalised numerator, it returns floor((r * 2^64 + x) / d) and leaves the
/// new remainder in r. One-limb divisors step with a 2-by-1 division, two-limb divisors with an exact 3-by-2 division
/// (this covers RAY = 1e27 and most real denominators), and three- or four-limb divisors with Knuth's step: the quotient
/// limb estimated by a 3-by-2 division on the top limbs, which is at most one too large, then a multiply-and-subtract
/// of the remaining divisor limbs and at most one add-back.
/// </remarks>
internal readonly struct Divisor
{
    private readonly UInt256 _normalized; // d << _shift
    private readonly ulong _reciprocal; // Reciprocal.Of(top limb) for one limb, Reciprocal.Of3By2(top two limbs) otherwise
    private readonly int _shift; // leading zero bits of d's top limb
    private readonly int _limbs; // 1 to 4 significant limbs

    /// <summary>Prepares a divisor; <paramref name="d"/> must not be 0 (callers check, and revert as they must).</summary>
    public Divisor(in UInt256 d)
    {
        _limbs = d.U3 != 0 ? 4 : d.U2 != 0 ? 3 : d.U1 != 0 ? 2 : 1;
        _shift = BitOperations.LeadingZeroCount(_limbs switch { 4 => d.U3, 3 => d.U2, 2 => d.U1, _ => d.U0 });
        ShiftLeftBits(d, _shift, out _normalized);
        UInt256 n = _normalized;
        _reciprocal = _limbs switch
        {
            1 => Reciprocal.Of(n.U0),
            2 => Reciprocal.Of3By2(n.U1, n.U0),
            3 => Reciprocal.Of3By2(n.U2, n.U1),
            _ => Reciprocal.Of3By2(n.U3, n.U2),
        };
    }

    /// <summary>u / d, with the remainder u % d.</summary>
    public UInt256 DivRem(in UInt256 u, out UInt256 remainder)
    {
        int m = u.U3 != 0 ? 4 : u.U2 != 0 ? 3 : u.U1 != 0 ? 2 : u.U0 != 0 ? 1 : 0;
        int top = m - _limbs; // index of the highest quotient limb that can be non-zero
        if (top < 0)
        {
            remainder = u;
            return default;
        }
        // Move u's top limb up to limb 3 (whole limbs, so the zero limbs below come out last and are never fed), then
        // normalise: u << _shift is the limb `over` (below 2^_shift, so below d's top limb) followed by `w`. Its top
        // _limbs limbs are the first partial remainder r < d; the next top + 1 limbs are fed one by one.
        UInt256 aligned = m == 4 ? u
            : m == 3 ? new UInt256(u.U2, u.U1, u.U0, 0)
            : m == 2 ? new UInt256(u.U1, u.U0, 0, 0)
            : new UInt256(u.U0, 0, 0, 0);
        ulong over = ShiftLeftBits(aligned, _shift, out UInt256 w);
        return _limbs switch
        {
            1 => Run<OneLimb>(new UInt256(0, 0, 0, over), w, top, out remainder),
            2 => Run<TwoLimbs>(new UInt256(0, 0, over, w.U3), new UInt256(w.U2, w.U1, w.U0, 0), top, out remainder),
            3 => Run<ThreeLimbs>(new UInt256(0, over, w.U3, w.U2), new UInt256(w.U1, w.U0, 0, 0), top, out remainder),
            _ => Run<FourLimbs>(new UInt256(over, w.U3, w.U2, w.U1), new UInt256(w.U0, 0, 0, 0), top, out remainder),
        };
    }

    /// <summary>(high * 2^256 + low) / d for <paramref name="high"/> &lt; d, so that the quotient fits 256 bits; with the remainder.</summary>
    public UInt256 DivRem(in UInt256 high, in UInt256 low, out UInt256 remainder)
    {
        // high < d, so high << _shift, with the bits shifted out of low, is below the normalised divisor: the first partial
        // remainder. The four limbs of low << _shift are fed.
        ShiftLeftBits(high, _shift, out UInt256 r);
        ulong over = ShiftLeftBits(low, _shift, out UInt256 rest);
        r = new UInt256(r.U3, r.U2, r.U1, r.U0 | over);
        return _limbs switch
        {
            1 => Run<OneLimb>(r, rest, 3, out remainder),
            2 => Run<TwoLimbs>(r, rest, 3, out remainder),
            3 => Run<ThreeLimbs>(r, rest, 3, out remainder),
            _ => Run<FourLimbs>(r, rest, 3, out remainder),
        };
    }

    /// <summary>Steps <paramref name="top"/> + 1 times from the partial remainder <paramref name="r"/>, feeding the top limbs of <paramref name="rest"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private UInt256 Run<TStep>(UInt256 r, UInt256 rest, int top, out UInt256 remainder)
        where TStep : struct, IStep
    {
        // Quotient limbs come out most significant first and shift in from the bottom.
        ulong q3 = 0, q2 = 0, q1 = 0, q0 = 0;
        for (int i = top; i >= 0; i--)
        {
            q3 = q2;
            q2 = q1;
            q1 = q0;
            q0 = TStep.Step(this, ref r, rest.U3);
            rest = new UInt256(rest.U2, rest.U1, rest.U0, 0);
        }
        // Unnormalise the remainder (r < d << _shift, so no bit is lost); x << 1 << (63 - s) is x << (64 - s), 0 for s == 0.
        int back = 63 - _shift;
        remainder = new UInt256(
            r.U3 >> _shift,
            (r.U2 >> _shift) | (r.U3 << 1 << back),
            (r.U1 >> _shift) | (r.U2 << 1 << back),
            (r.U0 >> _shift) | (r.U1 << 1 << back));
        return new UInt256(q3, q2, q1, q0);
    }

    /// <summary>v &lt;&lt; <paramref name="bits"/> for 0 &lt;= bits &lt; 64: the low 256 bits in <paramref name="shifted"/>; returns the bits shifted out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ShiftLeftBits(in UInt256 v, int bits, out UInt256 shifted)
    {
        // (x >> 1) >> (63 - bits) is x >> (64 - bits) without C#'s masking of the count: 0, not x, when bits == 0.
        int back = 63 - bits;
        shifted = new UInt256(
            (v.U3 << bits) | (v.U2 >> 1 >> back),
            (v.U2 << bits) | (v.U1 >> 1 >> back),
            (v.U1 << bits) | (v.U0 >> 1 >> back),
            v.U0 << bits);
        return v.U3 >> 1 >> back;
    }

    private interface IStep
    {
        /// <summary>floor((r * 2^64 + x) / d); r becomes the remainder. Needs r &lt; d (normalised).</summary>
        static abstract ulong Step(in Divisor d, ref UInt256 r, ulong x);
    }

    private readonly struct OneLimb : IStep
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Step(in Divisor d, ref UInt256 r, ulong x)
        {
            ulong q = Reciprocal.DivRem2By1(r.U0, x, d._normalized.U0, d._reciprocal, out ulong r0);
            r = new UInt256(0, 0, 0, r0);
            return q;
        }
    }

    private readonly struct TwoLimbs : IStep
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Step(in Divisor d, ref UInt256 r, ulong x)
        {
            ulong q = Reciprocal.DivRem3By2(r.U1, r.U0, x, d._normalized.U1, d._normalized.U0, d._reciprocal, out ulong r1, out ulong r0);
            r = new UInt256(0, 0, r1, r0);
            return q;
        }
    }

    private readonly struct ThreeLimbs : IStep
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Step(in Divisor d, ref UInt256 r, ulong x) => KnuthStep(d, ref r, x, fourLimbs: false);
    }

    private readonly struct FourLimbs : IStep
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Step(in Divisor d, ref UInt256 r, ulong x) => KnuthStep(d, ref r, x, fourLimbs: true);
    }

    /// <summary>
    /// One step of Algorithm D for a normalised divisor of three or four limbs (a constant after inlining):
    /// floor((r * 2^64 + x) / d) for r &lt; d; r becomes the remainder.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KnuthStep(in Divisor divisor, ref UInt256 r, ulong x, bool fourLimbs)
    {
        UInt256 d = divisor._normalized;
        // The top two limbs of d and the top three of r * 2^64 + x.
        ulong dHigh = fourLimbs ? d.U3 : d.U2, dLow = fourLimbs ? d.U2 : d.U1;
        ulong u2 = fourLimbs ? r.U3 : r.U2, u1 = fourLimbs ? r.U2 : r.U1, u0 = fourLimbs ? r.U1 : r.U0;
        ulong q, n3 = 0, n2, n1, n0, borrow = 0;
        if (u2 == dHigh && u1 == dLow)
        {
            // The 3-by-2 quotient would not fit a limb. The quotient limb is exactly 2^64 - 1: r < d and their top two limbs
            // agree, so d - r < d / 2^64 and r * 2^64 + x >= (2^64 - 1) * d; and r < d bounds it from above. No correction.
            q = ulong.MaxValue;
            n0 = Limbs.SubMul(x, d.U0, q, ref borrow);
            n1 = Limbs.SubMul(r.U0, d.U1, q, ref borrow);
            n2 = Limbs.SubMul(r.U1, d.U2, q, ref borrow);
            if (fourLimbs) n3 = Limbs.SubMul(r.U2, d.U3, q, ref borrow); // the top limb minus the borrow is 0
        }
        else
        {
            // The top three limbs over the top two of d: q is exact or one too large. Subtract q times the lower
            // limbs of d from the 3-by-2 remainder (rh1:rh0) followed by the rest of r * 2^64 + x.
            q = Reciprocal.DivRem3By2(u2, u1, u0, dHigh, dLow, divisor._reciprocal, out ulong rh1, out ulong rh0);
            ulong low0 = Limbs.SubMul(x, d.U0, q, ref borrow);
            ulong low1 = fourLimbs ? Limbs.SubMul(r.U0, d.U1, q, ref borrow) : 0;
            ulong mid = unchecked(rh0 - borrow);
            ulong carry = rh0 < borrow ? 1UL : 0UL;
            ulong top = unchecked(rh1 - carry);
            bool negative = rh1 < carry;
            if (fourLimbs)
            {
                (n3, n2, n1, n0) = (top, mid, low1, low0);
            }
            else
            {
                (n2, n1, n0) = (top, mid, low0);
            }
            if (negative)
            {
                // One too large (probability about 2^-64): add d back once; the carry out cancels the borrow.
                q--;
                carry = 0;
                n0 = Limbs.AddWithCarry(n0, d.U0, ref carry);
                n1 = Limbs.AddWithCarry(n1, d.U1, ref carry);
                n2 = Limbs.AddWithCarry(n2, d.U2, ref carry);
                if (fourLimbs) n3 = Limbs.AddWithCarry(n3, d.U3, ref carry);
            }
        }
        r = new UInt256(n3, n2, n1, n0);
        return q;
    }
}
