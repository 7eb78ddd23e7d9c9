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
    public static UInt256 operator /(UInt256 left, UInt256 right) => DivRem(left, right).Quotient;

    /// <summary><c>a % b</c> (Solidity 0.8): throws <see cref="EvmRevertException"/> <c>Panic(0x12)</c> when <c>b == 0</c>.</summary>
    public static UInt256 operator %(UInt256 left, UInt256 right) => DivRem(left, right).Remainder;

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
        if (right.IsZero) EvmRevertException.ThrowDivisionByZero();
        if (left < right) return (Zero, left);
        if ((right.U3 | right.U2 | right.U1) == 0)
        {
            if ((left.U3 | left.U2 | left.U1) == 0)
                return (left.U0 / right.U0, left.U0 % right.U0);
            Span<ulong> q = stackalloc ulong[4];
            ulong r = Limbs.DivRemBySingleLimb(left.AsLimbs(stackalloc ulong[4]), right.U0, q);
            return (FromLimbs(q), r);
        }
        Span<ulong> quotient = stackalloc ulong[4];
        Span<ulong> remainder = stackalloc ulong[4];
        Limbs.DivRem(left.AsLimbs(stackalloc ulong[4]), right.AsLimbs(stackalloc ulong[4]), quotient, remainder);
        return (FromLimbs(quotient), FromLimbs(remainder));
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
            ulong high = Math.BigMul(a.U0, b.U0, out ulong low);
            overflow = false;
            return new UInt256(0, 0, high, low);
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

    /// <summary>Copies the limbs, least significant first, into a 4-limb scratch span.</summary>
    internal Span<ulong> AsLimbs(Span<ulong> scratch)
    {
        scratch[0] = U0;
        scratch[1] = U1;
        scratch[2] = U2;
        scratch[3] = U3;
        return scratch;
    }

    /// <summary>Builds a value from 4 limbs, least significant first.</summary>
    internal static UInt256 FromLimbs(ReadOnlySpan<ulong> limbs) => new(limbs[3], limbs[2], limbs[1], limbs[0]);
}
