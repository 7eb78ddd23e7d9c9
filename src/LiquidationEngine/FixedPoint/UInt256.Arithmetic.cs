using System.Runtime.CompilerServices;
using LiquidationEngine.Evm;

namespace LiquidationEngine.FixedPoint;

// Checked (Solidity 0.8) and wrapping (Yul / unchecked) arithmetic.
public readonly partial struct UInt256
{
    /// <summary>Checked <c>a + b</c> (Solidity 0.8): throws <see cref="EvmRevertException"/> <c>Panic(0x11)</c> on overflow,
    /// in checked and unchecked C# contexts alike (unlike the primitive integer types).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator +(UInt256 left, UInt256 right) => CheckedAdd(left, right);

    /// <summary>Checked <c>a + b</c>; identical to the unchecked-context operator: overflow throws <c>Panic(0x11)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator checked +(UInt256 left, UInt256 right) => CheckedAdd(left, right);

    /// <summary>Checked <c>a - b</c> (Solidity 0.8): throws <see cref="EvmRevertException"/> <c>Panic(0x11)</c> when <c>b &gt; a</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator -(UInt256 left, UInt256 right) => CheckedSub(left, right);

    /// <summary>Checked <c>a - b</c>; identical to the unchecked-context operator: underflow throws <c>Panic(0x11)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator checked -(UInt256 left, UInt256 right) => CheckedSub(left, right);

    /// <summary>Checked <c>a * b</c> (Solidity 0.8): throws <see cref="EvmRevertException"/> <c>Panic(0x11)</c> when the product is 2^256 or more.</summary>
    public static UInt256 operator *(UInt256 left, UInt256 right) => CheckedMul(left, right);

    /// <summary>Checked <c>a * b</c>; identical to the unchecked-context operator: overflow throws <c>Panic(0x11)</c>.</summary>
    public static UInt256 operator checked *(UInt256 left, UInt256 right) => CheckedMul(left, right);

    /// <summary><c>a / b</c> rounded toward zero (Solidity 0.8): throws <see cref="EvmRevertException"/> <c>Panic(0x12)</c> when <c>b == 0</c>.</summary>
    public static UInt256 operator /(UInt256 left, UInt256 right) => DivRemCore(left, right, out _);

    /// <summary><c>a % b</c> (Solidity 0.8): throws <see cref="EvmRevertException"/> <c>Panic(0x12)</c> when <c>b == 0</c>.</summary>
    public static UInt256 operator %(UInt256 left, UInt256 right)
    {
        DivRemCore(left, right, out UInt256 remainder);
        return remainder;
    }

    /// <summary>Checked <c>++</c>: throws <c>Panic(0x11)</c> at <see cref="MaxValue"/>.</summary>
    public static UInt256 operator ++(UInt256 value) => CheckedAdd(value, One);

    /// <summary>Checked <c>++</c>; identical to the unchecked-context operator.</summary>
    public static UInt256 operator checked ++(UInt256 value) => CheckedAdd(value, One);

    /// <summary>Checked <c>--</c>: throws <c>Panic(0x11)</c> at 0.</summary>
    public static UInt256 operator --(UInt256 value) => CheckedSub(value, One);

    /// <summary>Checked <c>--</c>; identical to the unchecked-context operator.</summary>
    public static UInt256 operator checked --(UInt256 value) => CheckedSub(value, One);

    /// <summary>Unary plus: the value itself.</summary>
    public static UInt256 operator +(UInt256 value) => value;

    /// <summary>Checked negation <c>0 - a</c>: 0 for 0, otherwise <c>Panic(0x11)</c> (Solidity has no unary minus on
    /// unsigned types; this exists for <see cref="System.Numerics.INumberBase{TSelf}"/>). Use <see cref="WrappingNeg"/> for two's complement.</summary>
    public static UInt256 operator -(UInt256 value) => CheckedSub(Zero, value);

    /// <summary>Checked negation; identical to the unchecked-context operator.</summary>
    public static UInt256 operator checked -(UInt256 value) => CheckedSub(Zero, value);

    /// <summary>Quotient and remainder of <c>left / right</c> in one division; throws <c>Panic(0x12)</c> when <c>right == 0</c>.</summary>
    public static (UInt256 Quotient, UInt256 Remainder) DivRem(UInt256 left, UInt256 right)
    {
        UInt256 quotient = DivRemCore(left, right, out UInt256 remainder);
        return (quotient, remainder);
    }

    /// <summary><c>a + b</c> modulo 2^256, as Yul's <c>add</c> or Solidity's <c>unchecked { a + b }</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 WrappingAdd(UInt256 left, UInt256 right) => AddCore(left, right, out _);

    /// <summary><c>a - b</c> modulo 2^256, as Yul's <c>sub</c> or Solidity's <c>unchecked { a - b }</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 WrappingSub(UInt256 left, UInt256 right) => SubCore(left, right, out _);

    /// <summary><c>a * b</c> modulo 2^256, as Yul's <c>mul</c> or Solidity's <c>unchecked { a * b }</c>.</summary>
    public static UInt256 WrappingMul(UInt256 left, UInt256 right) => MulCore(left, right, out _);

    /// <summary><c>0 - a</c> modulo 2^256 (two's complement), as Yul's <c>sub(0, a)</c>.</summary>
    public static UInt256 WrappingNeg(UInt256 value) => SubCore(Zero, value, out _);

    /// <summary>The smaller of two values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 Min(UInt256 x, UInt256 y) => x <= y ? x : y;

    /// <summary>The larger of two values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 Max(UInt256 x, UInt256 y) => x >= y ? x : y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt256 CheckedAdd(in UInt256 left, in UInt256 right)
    {
        UInt256 sum = AddCore(left, right, out ulong carry);
        if (carry != 0) EvmRevertException.ThrowOverflow();
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt256 CheckedSub(in UInt256 left, in UInt256 right)
    {
        UInt256 diff = SubCore(left, right, out ulong borrow);
        if (borrow != 0) EvmRevertException.ThrowOverflow();
        return diff;
    }

    private static UInt256 CheckedMul(in UInt256 left, in UInt256 right)
    {
        UInt256 product = MulCore(left, right, out bool overflow);
        if (overflow) EvmRevertException.ThrowOverflow();
        return product;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static UInt256 AddCore(in UInt256 a, in UInt256 b, out ulong carry)
    {
        carry = 0;
        ulong r0 = Limbs.AddWithCarry(a.U0, b.U0, ref carry);
        ulong r1 = Limbs.AddWithCarry(a.U1, b.U1, ref carry);
        ulong r2 = Limbs.AddWithCarry(a.U2, b.U2, ref carry);
        ulong r3 = Limbs.AddWithCarry(a.U3, b.U3, ref carry);
        return new UInt256(r3, r2, r1, r0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static UInt256 SubCore(in UInt256 a, in UInt256 b, out ulong borrow)
    {
        borrow = 0;
        ulong r0 = Limbs.SubWithBorrow(a.U0, b.U0, ref borrow);
        ulong r1 = Limbs.SubWithBorrow(a.U1, b.U1, ref borrow);
        ulong r2 = Limbs.SubWithBorrow(a.U2, b.U2, ref borrow);
        ulong r3 = Limbs.SubWithBorrow(a.U3, b.U3, ref borrow);
        return new UInt256(r3, r2, r1, r0);
    }

    /// <summary>The product mod 2^256; <paramref name="overflow"/> tells whether the full product reached 2^256.</summary>
    internal static UInt256 MulCore(in UInt256 a, in UInt256 b, out bool overflow)
    {
        if ((a.U3 | a.U2 | a.U1 | b.U3 | b.U2 | b.U1) == 0)
        {
            ulong high = Limbs.BigMul(a.U0, b.U0, out ulong low);
            overflow = false;
            return new UInt256(0, 0, high, low);
        }
        if ((a.U3 | a.U2 | b.U3 | b.U2) == 0)
        {
            // Both below 2^128 (token amounts, wads and rays): four partial products, no overflow possible.
            ulong k = 0;
            ulong p0 = Limbs.MulAdd(a.U0, b.U0, 0, ref k);
            ulong p1 = Limbs.MulAdd(a.U0, b.U1, 0, ref k);
            ulong p2 = k;
            k = 0;
            p1 = Limbs.MulAdd(a.U1, b.U0, p1, ref k);
            p2 = Limbs.MulAdd(a.U1, b.U1, p2, ref k);
            overflow = false;
            return new UInt256(k, p2, p1, p0);
        }

        // Schoolbook rows a_i * b, truncated at limb 3. Every partial product is non-negative, so the full
        // product reaches 2^256 exactly when a row carries out of limb 3 or a dropped term a_i * b_j (i + j >= 4) is non-zero.
        ulong c = 0;
        ulong r0 = Limbs.MulAdd(a.U0, b.U0, 0, ref c);
        ulong r1 = Limbs.MulAdd(a.U0, b.U1, 0, ref c);
        ulong r2 = Limbs.MulAdd(a.U0, b.U2, 0, ref c);
        ulong r3 = Limbs.MulAdd(a.U0, b.U3, 0, ref c);
        ulong spill = c;

        c = 0;
        r1 = Limbs.MulAdd(a.U1, b.U0, r1, ref c);
        r2 = Limbs.MulAdd(a.U1, b.U1, r2, ref c);
        r3 = Limbs.MulAdd(a.U1, b.U2, r3, ref c);
        spill |= c | (a.U1 != 0 ? b.U3 : 0);

        c = 0;
        r2 = Limbs.MulAdd(a.U2, b.U0, r2, ref c);
        r3 = Limbs.MulAdd(a.U2, b.U1, r3, ref c);
        spill |= c | (a.U2 != 0 ? b.U3 | b.U2 : 0);

        c = 0;
        r3 = Limbs.MulAdd(a.U3, b.U0, r3, ref c);
        spill |= c | (a.U3 != 0 ? b.U3 | b.U2 | b.U1 : 0);

        overflow = spill != 0;
        return new UInt256(r3, r2, r1, r0);
    }

    /// <summary>left / right and left % right; throws <c>Panic(0x12)</c> when <paramref name="right"/> is 0.</summary>
    internal static UInt256 DivRemCore(in UInt256 left, in UInt256 right, out UInt256 remainder)
    {
        if ((right.U3 | right.U2 | right.U1) == 0)
        {
            if (right.U0 == 0) EvmRevertException.ThrowDivisionByZero();
            if ((left.U3 | left.U2 | left.U1) == 0)
            {
                // One hardware division; no reciprocal to compute.
                ulong q = left.U0 / right.U0;
                remainder = unchecked(left.U0 - q * right.U0);
                return q;
            }
        }
        else if (left < right)
        {
            remainder = left;
            return Zero;
        }
        return new Divisor(right).DivRem(left, out remainder);
    }

    /// <summary>The full 512-bit product: returns the low 256 bits and sets <paramref name="high"/> to the high 256 bits.</summary>
    internal static UInt256 MulFull(in UInt256 x, in UInt256 y, out UInt256 high)
    {
        // Schoolbook, one row a_i * b per limb of the factor with more leading zero limbs; a zero limb's row is skipped.
        bool swap = (x.U3 | x.U2) != 0 && (y.U3 | y.U2) == 0;
        UInt256 a = swap ? y : x, b = swap ? x : y;
        ulong c = 0;
        ulong r0 = Limbs.MulAdd(a.U0, b.U0, 0, ref c);
        ulong r1 = Limbs.MulAdd(a.U0, b.U1, 0, ref c);
        ulong r2 = Limbs.MulAdd(a.U0, b.U2, 0, ref c);
        ulong r3 = Limbs.MulAdd(a.U0, b.U3, 0, ref c);
        ulong r4 = c, r5 = 0, r6 = 0, r7 = 0;
        if (a.U1 != 0)
        {
            c = 0;
            r1 = Limbs.MulAdd(a.U1, b.U0, r1, ref c);
            r2 = Limbs.MulAdd(a.U1, b.U1, r2, ref c);
            r3 = Limbs.MulAdd(a.U1, b.U2, r3, ref c);
            r4 = Limbs.MulAdd(a.U1, b.U3, r4, ref c);
            r5 = c;
        }
        if (a.U2 != 0)
        {
            c = 0;
            r2 = Limbs.MulAdd(a.U2, b.U0, r2, ref c);
            r3 = Limbs.MulAdd(a.U2, b.U1, r3, ref c);
            r4 = Limbs.MulAdd(a.U2, b.U2, r4, ref c);
            r5 = Limbs.MulAdd(a.U2, b.U3, r5, ref c);
            r6 = c;
        }
        if (a.U3 != 0)
        {
            c = 0;
            r3 = Limbs.MulAdd(a.U3, b.U0, r3, ref c);
            r4 = Limbs.MulAdd(a.U3, b.U1, r4, ref c);
            r5 = Limbs.MulAdd(a.U3, b.U2, r5, ref c);
            r6 = Limbs.MulAdd(a.U3, b.U3, r6, ref c);
            r7 = c;
        }
        high = new UInt256(r7, r6, r5, r4);
        return new UInt256(r3, r2, r1, r0);
    }
}
