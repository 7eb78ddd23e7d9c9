using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LiquidationEngine.Evm;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// Twin of Aave V3 <c>WadRayMath</c> (<c>@aave/core-v3</c> 1.19.3, <c>contracts/protocol/libraries/math/WadRayMath.sol</c>):
/// wad (18 decimals) and ray (27 decimals) fixed-point multiply and divide rounding half up.
/// </summary>
/// <remarks>
/// Aave's functions are inline assembly that reverts with <c>revert(0, 0)</c>: every revert here is an
/// <see cref="EvmRevertException"/> with EMPTY revert data (<c>0x</c>), never a panic. Each method transcribes its
/// assembly with EVM opcode semantics.
/// </remarks>
public static class WadRayMath
{
    /// <summary><c>WAD = 1e18</c>.</summary>
    public static UInt256 Wad => 1_000_000_000_000_000_000UL;

    /// <summary><c>HALF_WAD = 0.5e18</c>.</summary>
    public static UInt256 HalfWad => 500_000_000_000_000_000UL;

    /// <summary><c>RAY = 1e27</c>.</summary>
    public static UInt256 Ray => new UInt128(54_210_108, 11_515_845_246_265_065_472UL); // 1e27 = 54210108 * 2^64 + 11515845246265065472

    /// <summary><c>HALF_RAY = 0.5e27</c>.</summary>
    public static UInt256 HalfRay => new UInt128(27_105_054, 5_757_922_623_132_532_736UL);

    /// <summary><c>WAD_RAY_RATIO = 1e9</c>.</summary>
    public static UInt256 WadRayRatio => 1_000_000_000UL;

    /// <summary>
    /// <c>a * b / WAD</c> rounded half up (both wads, result a wad). Twin of <c>WadRayMath.wadMul</c>:
    /// <code>
    /// if iszero(or(iszero(b), iszero(gt(a, div(sub(not(0), HALF_WAD), b))))) { revert(0, 0) }
    /// c := div(add(mul(a, b), HALF_WAD), WAD)
    /// </code>
    /// </summary>
    /// <exception cref="EvmRevertException">Empty revert data (<c>0x</c>) when <c>b != 0</c> and <c>a &gt; (2^256 - 1 - HALF_WAD) / b</c>.</exception>
    public static UInt256 WadMul(UInt256 a, UInt256 b) => HalfUpMul(a, b, Wad, HalfWad, "wadMul");

    /// <summary>
    /// <c>a * WAD / b</c> rounded half up (both wads, result a wad). Twin of <c>WadRayMath.wadDiv</c>:
    /// <code>
    /// if or(iszero(b), iszero(iszero(gt(a, div(sub(not(0), div(b, 2)), WAD))))) { revert(0, 0) }
    /// c := div(add(mul(a, WAD), div(b, 2)), b)
    /// </code>
    /// </summary>
    /// <exception cref="EvmRevertException">Empty revert data (<c>0x</c>) when <c>b == 0</c> or <c>a &gt; (2^256 - 1 - b / 2) / WAD</c>.</exception>
    public static UInt256 WadDiv(UInt256 a, UInt256 b) => HalfUpDiv(a, b, Wad, "wadDiv");

    /// <summary>
    /// <c>a * b / RAY</c> rounded half up (both rays, result a ray). Twin of <c>WadRayMath.rayMul</c>:
    /// <code>
    /// if iszero(or(iszero(b), iszero(gt(a, div(sub(not(0), HALF_RAY), b))))) { revert(0, 0) }
    /// c := div(add(mul(a, b), HALF_RAY), RAY)
    /// </code>
    /// </summary>
    /// <exception cref="EvmRevertException">Empty revert data (<c>0x</c>) when <c>b != 0</c> and <c>a &gt; (2^256 - 1 - HALF_RAY) / b</c>.</exception>
    public static UInt256 RayMul(UInt256 a, UInt256 b) => HalfUpMul(a, b, Ray, HalfRay, "rayMul");

    /// <summary>
    /// <c>a * RAY / b</c> rounded half up (both rays, result a ray). Twin of <c>WadRayMath.rayDiv</c>:
    /// <code>
    /// if or(iszero(b), iszero(iszero(gt(a, div(sub(not(0), div(b, 2)), RAY))))) { revert(0, 0) }
    /// c := div(add(mul(a, RAY), div(b, 2)), b)
    /// </code>
    /// </summary>
    /// <exception cref="EvmRevertException">Empty revert data (<c>0x</c>) when <c>b == 0</c> or <c>a &gt; (2^256 - 1 - b / 2) / RAY</c>.</exception>
    public static UInt256 RayDiv(UInt256 a, UInt256 b) => HalfUpDiv(a, b, Ray, "rayDiv");

    /// <summary>
    /// A ray converted to a wad, rounded half up (<c>a / 1e9</c>, plus 1 when <c>a % 1e9 &gt;= 5e8</c>). Twin of
    /// <c>WadRayMath.rayToWad</c>; never reverts:
    /// <code>
    /// b := div(a, WAD_RAY_RATIO)
    /// let remainder := mod(a, WAD_RAY_RATIO)
    /// if iszero(lt(remainder, div(WAD_RAY_RATIO, 2))) { b := add(b, 1) }
    /// </code>
    /// </summary>
    public static UInt256 RayToWad(UInt256 a)
    {
        UInt256 b = Yul.Div(a, WadRayRatio);
        UInt256 remainder = Yul.Mod(a, WadRayRatio);
        if (!(remainder < Yul.Div(WadRayRatio, 2UL)))
            b = Yul.Add(b, UInt256.One);
        return b;
    }

    /// <summary>
    /// A wad converted to a ray (<c>a * 1e9</c>). Twin of <c>WadRayMath.wadToRay</c>:
    /// <code>
    /// b := mul(a, WAD_RAY_RATIO)
    /// if iszero(eq(div(b, WAD_RAY_RATIO), a)) { revert(0, 0) }
    /// </code>
    /// </summary>
    /// <exception cref="EvmRevertException">Empty revert data (<c>0x</c>) when <c>a * 1e9 &gt;= 2^256</c>.</exception>
    public static UInt256 WadToRay(UInt256 a)
    {
        UInt256 b = Yul.Mul(a, WadRayRatio);
        if (Yul.Div(b, WadRayRatio) != a)
            ThrowRevert("wadToRay", a, null);
        return b;
    }

    // The shared shape of wadMul / rayMul / percentMul: revert iff b != 0 && a > (max - half) / b; (a * b + half) / unit.
    internal static UInt256 HalfUpMul(UInt256 a, UInt256 b, UInt256 unit, UInt256 half, string name)
    {
        if (!(b.IsZero || !(a > Yul.Div(Yul.Sub(Yul.NotZero, half), b))))
            ThrowRevert(name, a, b);
        return Yul.Div(Yul.Add(Yul.Mul(a, b), half), unit);
    }

    // The shared shape of wadDiv / rayDiv / percentDiv: revert iff b == 0 || a > (max - b / 2) / unit; (a * unit + b / 2) / b.
    internal static UInt256 HalfUpDiv(UInt256 a, UInt256 b, UInt256 unit, string name)
    {
        if (b.IsZero || a > Yul.Div(Yul.Sub(Yul.NotZero, Yul.Div(b, 2UL)), unit))
            ThrowRevert(name, a, b);
        return Yul.Div(Yul.Add(Yul.Mul(a, unit), Yul.Div(b, 2UL)), b);
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowRevert(string name, UInt256 a, UInt256? b) =>
        EvmRevertException.ThrowEmpty(b is { } second
            ? $"{name}({a}, {second}) would overflow or divide by zero"
            : $"{name}({a}) would overflow");
}
