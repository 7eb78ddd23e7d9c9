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
        if (x.IsZero)
            return n.IsZero ? b : UInt256.Zero;

        UInt256 z = Yul.Mod(n, 2UL).IsZero ? b : x;
        UInt256 half = Yul.Div(b, 2UL);
        for (n = Yul.Div(n, 2UL); !n.IsZero; n = Yul.Div(n, 2UL))
        {
            UInt256 xx = Yul.Mul(x, x);
            if (Yul.Div(xx, x) != x) ThrowRevert(x, n, b);
            UInt256 xxRound = Yul.Add(xx, half);
            if (xxRound < xx) ThrowRevert(x, n, b);
            x = Yul.Div(xxRound, b);
            if (!Yul.Mod(n, 2UL).IsZero)
            {
                UInt256 zx = Yul.Mul(z, x);
                if (!x.IsZero && Yul.Div(zx, x) != z) ThrowRevert(x, n, b);
                UInt256 zxRound = Yul.Add(zx, half);
                if (zxRound < zx) ThrowRevert(x, n, b);
                z = Yul.Div(zxRound, b);
            }
        }
        return z;
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRevert(UInt256 x, UInt256 n, UInt256 b) =>
        EvmRevertException.ThrowEmpty($"rpow overflowed (intermediate x = {x}, remaining exponent n = {n}, base b = {b})");
}
