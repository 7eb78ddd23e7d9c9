using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// Carry-chain primitives on 64-bit limbs and the one long-division algorithm (Knuth's
/// Algorithm D, TAOCP vol. 2, 4.3.1) shared by <see cref="UInt256"/> division and the 512-bit
/// <c>FullMath.MulDiv</c>. Every operation here wraps by design; callers decide what an
/// overflow means.
/// </summary>
internal static class Limbs
{
    /// <summary>Returns <c>a + b + carry</c> mod 2^64 and sets <paramref name="carry"/> to the carry out (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        unchecked
        {
            ulong sum = a + b;
            ulong carryOut = sum < a ? 1UL : 0UL;
            ulong result = sum + carry;
            carryOut |= result < sum ? 1UL : 0UL;
            carry = carryOut;
            return result;
        }
    }

    /// <summary>Returns <c>a - b - borrow</c> mod 2^64 and sets <paramref name="borrow"/> to the borrow out (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        unchecked
        {
            ulong diff = a - b;
            ulong borrowOut = a < b ? 1UL : 0UL;
            ulong result = diff - borrow;
            borrowOut |= diff < borrow ? 1UL : 0UL;
            borrow = borrowOut;
            return result;
        }
    }

    /// <summary>Returns the low limb of <c>a * b + addend + carry</c> and sets <paramref name="carry"/> to its high limb (never overflows: the maximum is 2^128 - 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong addend, ref ulong carry)
    {
        unchecked
        {
            ulong high = Math.BigMul(a, b, out ulong low);
            low += addend;
            high += low < addend ? 1UL : 0UL;
            low += carry;
            high += low < carry ? 1UL : 0UL;
            carry = high;
            return low;
        }
    }

    /// <summary>Number of limbs up to and including the most significant non-zero one (0 for zero).</summary>
    public static int SignificantLength(ReadOnlySpan<ulong> value)
    {
        int length = value.Length;
        while (length > 0 && value[length - 1] == 0) length--;
        return length;
    }

    /// <summary>
    /// Divides <paramref name="numerator"/> by <paramref name="divisor"/> (both little-endian limbs).
    /// Writes <c>numerator.Length</c> quotient limbs and <c>divisor.Length</c> remainder limbs; needs
    /// <c>divisor.Length &lt;= 4</c>, <c>numerator.Length &lt;= 8</c> and a non-zero divisor. Allocation-free.
    /// </summary>
    public static void DivRem(ReadOnlySpan<ulong> numerator, ReadOnlySpan<ulong> divisor, Span<ulong> quotient, Span<ulong> remainder)
    {
        quotient.Clear();
        remainder.Clear();
        int n = SignificantLength(divisor);
        int m = SignificantLength(numerator);
        if (n == 0) throw new DivideByZeroException(); // callers check first; unreachable through the public API
        if (m < n)
        {
            numerator[..m].CopyTo(remainder);
            return;
        }

        if (n == 1)
        {
            remainder[0] = DivRemBySingleLimb(numerator[..m], divisor[0], quotient);
            return;
        }

        // Normalise so that the divisor's top limb has its top bit set (D1).
        int shift = System.Numerics.BitOperations.LeadingZeroCount(divisor[n - 1]);
        // Constant sizes (the longest operands are 512 / 256 bits): a fixed frame, not a localloc.
        Span<ulong> v = stackalloc ulong[4];
        ShiftLeftInto(divisor[..n], shift, v, out _);
        Span<ulong> u = stackalloc ulong[9];
        ShiftLeftInto(numerator[..m], shift, u, out u[m]);

        ulong vTop = v[n - 1];
        ulong vNext = v[n - 2];
        ulong reciprocal = Reciprocal.Of(vTop);
        for (int j = m - n; j >= 0; j--)
        {
            // D3: estimate the quotient limb from the top two limbs, then correct it at most twice.
            // u[j + n] <= vTop always; when equal the estimate is 2^64 - 1 (it cannot be more).
            ulong q;
            UInt128 rHat;
            if (u[j + n] >= vTop)
            {
                q = ulong.MaxValue;
                rHat = (UInt128)u[j + n - 1] + vTop;
            }
            else
            {
                q = Reciprocal.DivRem2By1(u[j + n], u[j + n - 1], vTop, reciprocal, out ulong r);
                rHat = r;
            }
            while (rHat <= ulong.MaxValue && (UInt128)q * vNext > new UInt128((ulong)rHat, u[j + n - 2]))
            {
                q--;
                rHat += vTop;
            }

            // D4: multiply and subtract.
            ulong mulCarry = 0, borrow = 0;
            for (int i = 0; i < n; i++)
            {
                ulong product = MulAdd(q, v[i], 0, ref mulCarry);
                u[i + j] = SubWithBorrow(u[i + j], product, ref borrow);
            }
            u[j + n] = SubWithBorrow(u[j + n], mulCarry, ref borrow);

            // D5/D6: the estimate was one too large (rare): add the divisor back.
            if (borrow != 0)
            {
                q--;
                ulong carry = 0;
                for (int i = 0; i < n; i++)
                    u[i + j] = AddWithCarry(u[i + j], v[i], ref carry);
                u[j + n] = unchecked(u[j + n] + carry);
            }
            quotient[j] = q;
        }

        // D8: unnormalise the remainder.
        for (int i = 0; i < n; i++)
            remainder[i] = shift == 0 ? u[i] : (u[i] >> shift) | (u[i + 1] << (64 - shift));
    }

    /// <summary>Divides by one non-zero limb from the top down; returns the remainder.</summary>
    public static ulong DivRemBySingleLimb(ReadOnlySpan<ulong> numerator, ulong divisor, Span<ulong> quotient)
    {
        // Normalise the divisor (and shift the numerator with it) so the reciprocal applies.
        int shift = System.Numerics.BitOperations.LeadingZeroCount(divisor);
        ulong d = divisor << shift;
        ulong v = Reciprocal.Of(d);
        int top = numerator.Length - 1;
        ulong rem = shift == 0 ? 0 : numerator[top] >> (64 - shift); // < 2^shift <= d
        for (int i = top; i >= 0; i--)
        {
            ulong limb = numerator[i] << shift;
            if (shift != 0 && i > 0) limb |= numerator[i - 1] >> (64 - shift);
            quotient[i] = Reciprocal.DivRem2By1(rem, limb, d, v, out rem);
        }
        return rem >> shift;
    }

    private static void ShiftLeftInto(ReadOnlySpan<ulong> source, int shift, Span<ulong> destination, out ulong carryOut)
    {
        if (shift == 0)
        {
            source.CopyTo(destination);
            carryOut = 0;
            return;
        }
        ulong carry = 0;
        for (int i = 0; i < source.Length; i++)
        {
            ulong limb = source[i];
            destination[i] = (limb << shift) | carry;
            carry = limb >> (64 - shift);
        }
        carryOut = carry;
    }
}
