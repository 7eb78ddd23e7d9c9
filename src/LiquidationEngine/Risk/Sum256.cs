using System.Runtime.CompilerServices;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>
/// A checked 256-bit running sum on plain limbs (the health factor's accumulators): beyond 2^256 - 1 it reverts
/// with Panic(0x11), exactly like adding with the <see cref="UInt256"/> operators, without their struct traffic.
/// </summary>
internal struct Sum256
{
    private ulong _0, _1, _2, _3;

    public readonly UInt256 Value => new(_3, _2, _1, _0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in UInt256 value) => Add(value.U3, value.U2, value.U1, value.U0);

    /// <summary>Adds value x factor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddProduct(in UInt256 value, ulong factor)
    {
        ulong h0 = Math.BigMul(value.U0, factor, out ulong l0);
        ulong h1 = Math.BigMul(value.U1, factor, out ulong l1);
        ulong h2 = Math.BigMul(value.U2, factor, out ulong l2);
        ulong h3 = Math.BigMul(value.U3, factor, out ulong l3);
        ulong carry = Carry(ref l1, h0);
        carry = Carry(ref l2, h1 + carry);        // h1 <= 2^64 - 2: no wrap
        carry = Carry(ref l3, h2 + carry);
        if ((h3 | carry) != 0) EvmRevertException.ThrowOverflow();
        Add(l3, l2, l1, l0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(ulong v3, ulong v2, ulong v1, ulong v0)
    {
        ulong carry = Carry(ref _0, v0);
        carry = Carry(ref _1, v1, carry);
        carry = Carry(ref _2, v2, carry);
        carry = Carry(ref _3, v3, carry);
        if (carry != 0) EvmRevertException.ThrowOverflow();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Carry(ref ulong sum, ulong addend)
    {
        sum += addend;
        return sum < addend ? 1UL : 0UL;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Carry(ref ulong sum, ulong addend, ulong carryIn)
    {
        ulong t = addend + carryIn;                 // wraps to 0 only for addend = 2^64 - 1 and carryIn = 1
        ulong wrapped = t < carryIn ? 1UL : 0UL;
        sum += t;
        return wrapped | (sum < t ? 1UL : 0UL);    // never both: a wrapped t is 0
    }
}
