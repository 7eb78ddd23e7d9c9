using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LiquidationEngine.Evm;

namespace LiquidationEngine.FixedPoint;

/// <summary>Full-precision (512-bit intermediate) multiply-then-divide, the twin of OpenZeppelin 5 <c>Math.mulDiv</c>.</summary>
public static class FullMath
{
    /// <summary>
    /// <c>x * y / denominator</c> computed on the full 512-bit product and rounded as <paramref name="rounding"/> says:
    /// the twin of OpenZeppelin 5.x <c>Math.mulDiv(uint256 x, uint256 y, uint256 denominator, Math.Rounding rounding)</c>
    /// (<c>@openzeppelin/contracts</c> 5.7.0, <c>utils/math/Math.sol</c>), which is
    /// <c>mulDiv(x, y, denominator) + SafeCast.toUint(unsignedRoundsUp(rounding) &amp;&amp; mulmod(x, y, denominator) &gt; 0)</c>.
    /// </summary>
    /// <remarks>
    /// Reverts, in OpenZeppelin's order (all with <see cref="EvmRevertException"/>):
    /// <list type="number">
    /// <item><c>denominator == 0</c>: <c>Panic(0x12)</c>, whether or not the product overflows 256 bits (OpenZeppelin reverts
    /// with Solidity's own checked <c>low / denominator</c> when the product's high half is 0, and otherwise with
    /// <c>Panic.panic(ternary(denominator == 0, DIVISION_BY_ZERO, UNDER_OVERFLOW))</c>).</item>
    /// <item>the floor quotient is 2^256 or more (<c>denominator &lt;= high</c>): <c>Panic(0x11)</c>.</item>
    /// <item>rounding up a remainder would take the floor quotient past 2^256 - 1 (the checked <c>+</c> of the
    /// rounding bit): <c>Panic(0x11)</c>.</item>
    /// </list>
    /// Allocation-free.
    /// </remarks>
    /// <param name="x">First factor.</param>
    /// <param name="y">Second factor.</param>
    /// <param name="denominator">Divisor.</param>
    /// <param name="rounding">Rounding of the quotient; <see cref="Rounding.Ceil"/> and <see cref="Rounding.Expand"/> round up.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounding"/> is not a defined <see cref="Rounding"/>
    /// (Solidity would revert with <c>Panic(0x21)</c> when decoding such an enum from calldata).</exception>
    public static UInt256 MulDiv(UInt256 x, UInt256 y, UInt256 denominator, Rounding rounding)
    {
        if ((uint)rounding > (uint)Rounding.Expand)
            ThrowBadRounding(rounding);
        UInt256 quotient = MulDivFloor(x, y, denominator, out bool hasRemainder);
        if (hasRemainder && ((uint)rounding & 1) == 1)
            quotient += UInt256.One; // checked: Panic(0x11) at 2^256 - 1, as OpenZeppelin's checked +
        return quotient;
    }

    /// <summary>floor(x * y / denominator) with the reverts of OpenZeppelin's 3-argument <c>mulDiv</c>; also tells whether
    /// <c>mulmod(x, y, denominator) &gt; 0</c>.</summary>
    internal static UInt256 MulDivFloor(in UInt256 x, in UInt256 y, in UInt256 denominator, out bool hasRemainder)
    {
        // Panic(0x12) for a zero denominator comes first in both of OpenZeppelin's branches. The divisor is prepared before
        // the product is taken: the two are independent, so the CPU overlaps the reciprocal with the multiplication.
        if (denominator.IsZero) EvmRevertException.ThrowDivisionByZero();
        Divisor divisor = new(denominator);
        UInt256 low = UInt256.MulFull(x, y, out UInt256 high);
        UInt256 quotient, remainder;
        if (high.IsZero)
        {
            quotient = divisor.DivRem(low, out remainder);
        }
        else
        {
            if (denominator <= high) EvmRevertException.ThrowOverflow(); // the quotient would not fit 256 bits
            quotient = divisor.DivRem(high, low, out remainder);
        }
        hasRemainder = !remainder.IsZero;
        return quotient;
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadRounding(Rounding rounding) =>
        throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Rounding must be Floor, Ceil, Trunc or Expand.");
}
