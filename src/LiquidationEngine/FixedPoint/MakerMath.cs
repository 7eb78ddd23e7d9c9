using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LiquidationEngine.Evm;

namespace LiquidationEngine.FixedPoint;

/// <summary>Twin of MakerDAO dss fixed-point helpers.</summary>
public static class MakerMath
{
    /// <summary>
    /// <c>x^n</c> in fixed point with base <paramref name="b"/> (e.g. <c>rpow(rate, seconds, 1e27)</c> for ray
    /// compounding), by exponentiation by squaring, each product rounded half up in base <c>b</c>. Twin of dss
    /// <c>rpow(uint x, uint n, uint b)</c> in <c>src/jug.sol</c> (also <c>src/pot.sol</c>); transcribed from:
    /// <code>
    /// switch x case 0 {switch n case 0 {z := b} default {z := 0}}
    /// default {
    ///   switch mod(n, 2) case 0 { z := b } default { z := x }
    ///   let half := div(b, 2)  // for rounding.
    ///   for { n := div(n, 2) } n { n := div(n,2) } {
    ///     let xx := mul(x, x)
    ///     if iszero(eq(div(xx, x), x)) { revert(0,0) }
    ///     let xxRound := add(xx, half)
    ///     if lt(xxRound, xx) { revert(0,0) }
    ///     x := div(xxRound, b)
    ///     if mod(n,2) {
    ///       let zx := mul(z, x)
    ///       if and(iszero(iszero(x)), iszero(eq(div(zx, x), z))) { revert(0,0) }
    ///       let zxRound := add(zx, half)
    ///       if lt(zxRound, zx) { revert(0,0) }
    ///       z := div(zxRound, b)
    ///     }
    ///   }
    /// }
    /// </code>
    /// The "optimized version from dss PR #78" in <c>src/abaci.sol</c> (<c>if shr(128, x) { revert(0,0) }</c> for the square,
    /// <c>n == 0</c> tested before <c>x == 0</c>) returns and reverts identically: <c>x * x</c> wraps exactly when
    /// <c>x &gt;= 2^128</c>, and both give <c>b</c> for <c>n == 0</c> and 0 for <c>x == 0, n &gt; 0</c>.
    /// </summary>
    /// <remarks>
    /// EVM opcode semantics are kept on purpose: <c>b == 0</c> does not revert (<c>div</c> by 0 is 0, so every
    /// squared or multiplied term becomes 0), and <c>x</c> may round down to 0 mid-loop, after which
    /// <c>div(xx, x)</c> is 0 and the check passes.
    /// </remarks>
    /// <param name="x">The base value, scaled by <paramref name="b"/>.</param>
    /// <param name="n">The exponent (an integer, not scaled).</param>
    /// <param name="b">The scale, e.g. 1e27 for rays.</param>
    /// <exception cref="EvmRevertException">Empty revert data (<c>0x</c>) when a squared term <c>x * x</c> or its rounding
    /// <c>x * x + b / 2</c> reaches 2^256, or when an accumulated product <c>z * x</c> (with <c>x != 0</c>) or
    /// <c>z * x + b / 2</c> reaches 2^256.</exception>
    public static UInt256 Rpow(UInt256 x, UInt256 n, UInt256 b)
    {
        // switch x case 0 {switch n case 0 {z := b} default {z := 0}}
        if (x.IsZero)
            return n.IsZero ? b : UInt256.Zero;

        // switch mod(n, 2) case 0 { z := b } default { z := x }
        UInt256 z = (n.U0 & 1) == 0 ? b : x;
        // let half := div(b, 2)
        UInt256 half = UInt256.ShiftRightCore(b, 1);
        // Every div(·, b) below divides by the same b: prepared once. div by 0 is 0 in the EVM.
        bool byZero = b.IsZero;
        Divisor divisor = byZero ? default : new Divisor(b);
        // for { n := div(n, 2) } n { n := div(n,2) }
        for (n = UInt256.ShiftRightCore(n, 1); !n.IsZero; n = UInt256.ShiftRightCore(n, 1))
        {
            // let xx := mul(x, x)
            UInt256 xx = UInt256.MulCore(x, x, out bool overflow);
            // if iszero(eq(div(xx, x), x)) { revert(0,0) }: for x != 0, div(xx, x) == x exactly when x * x did not wrap
            // (a wrapped xx is below x * x, so div(xx, x) < x); for x == 0 (after rounding down) xx = 0 passes, and 0 * 0
            // does not overflow. So the check is the multiply's overflow flag.
            if (overflow) ThrowRevert(x, n, b);
            // let xxRound := add(xx, half)  if lt(xxRound, xx) { revert(0,0) }: lt(sum, xx) is the add's carry.
            UInt256 xxRound = UInt256.AddCore(xx, half, out ulong carry);
            if (carry != 0) ThrowRevert(x, n, b);
            // x := div(xxRound, b)
            x = byZero ? UInt256.Zero : divisor.DivRem(xxRound, out _);
            // if mod(n,2) {
            if ((n.U0 & 1) != 0)
            {
                // let zx := mul(z, x)
                UInt256 zx = UInt256.MulCore(z, x, out overflow);
                // if and(iszero(iszero(x)), iszero(eq(div(zx, x), z))) { revert(0,0) }: for x != 0 as above, div(zx, x) != z
                // exactly when z * x wrapped; for x == 0 the check is skipped and z * 0 cannot overflow: the overflow flag.
                if (overflow) ThrowRevert(x, n, b);
                // let zxRound := add(zx, half)  if lt(zxRound, zx) { revert(0,0) }: the add's carry.
                UInt256 zxRound = UInt256.AddCore(zx, half, out carry);
                if (carry != 0) ThrowRevert(x, n, b);
                // z := div(zxRound, b)
                z = byZero ? UInt256.Zero : divisor.DivRem(zxRound, out _);
            }
        }
        return z;
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRevert(UInt256 x, UInt256 n, UInt256 b) =>
        EvmRevertException.ThrowEmpty($"rpow overflowed (intermediate x = {x}, remaining exponent n = {n}, base b = {b})");
}
