using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// Carry-chain primitives on 64-bit limbs. Every operation here wraps by design; callers decide
/// what an overflow means. (Long division lives in <see cref="Divisor"/>.)
/// </summary>
internal static class Limbs
{
    /// <summary>
    /// The 128-bit product <c>a * b</c>: returns the high limb and sets <paramref name="low"/> to the low limb. Same as
    /// <see cref="Math.BigMul(ulong, ulong, out ulong)"/>, whose <c>out</c> limb the JIT keeps in memory (seen on .NET 10): a store
    /// and a reload on every partial product of a carry chain. Two multiplies (mulx and imul, or umulh and mul) run in
    /// parallel and stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong BigMul(ulong a, ulong b, out ulong low)
    {
        if (Bmi2.X64.IsSupported)
        {
            low = unchecked(a * b);
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }
        if (ArmBase.Arm64.IsSupported)
        {
            low = unchecked(a * b);
            return ArmBase.Arm64.MultiplyHigh(a, b);
        }
        return Math.BigMul(a, b, out low);
    }

    /// <summary>The high limb of the 128-bit product <c>a * b</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulHigh(ulong a, ulong b)
    {
        if (Bmi2.X64.IsSupported) return Bmi2.X64.MultiplyNoFlags(a, b);
        if (ArmBase.Arm64.IsSupported) return ArmBase.Arm64.MultiplyHigh(a, b);
        return Math.BigMul(a, b, out _);
    }

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
            ulong high = BigMul(a, b, out ulong low);
            low += addend;
            high += low < addend ? 1UL : 0UL;
            low += carry;
            high += low < carry ? 1UL : 0UL;
            carry = high;
            return low;
        }
    }

    /// <summary>
    /// Returns the low limb of <c>x - y * multiplier - borrow</c> and sets <paramref name="borrow"/> to what the next
    /// limb up must lose: one step of a multiply-and-subtract over limbs (at most 2^64 - 1, so it never overflows).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubMul(ulong x, ulong y, ulong multiplier, ref ulong borrow)
    {
        unchecked
        {
            ulong s = x - borrow;
            ulong high = BigMul(y, multiplier, out ulong low);
            ulong result = s - low;
            borrow = high + (x < s ? 1UL : 0UL) + (s < result ? 1UL : 0UL);
            return result;
        }
    }
}
