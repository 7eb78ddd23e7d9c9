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
/// <see cref="EvmRevertException"/> with EMPTY revert data (<c>0x</c>), never a panic. Each method computes what its
/// assembly computes, with EVM opcode semantics; guards written as divisions (<c>a &gt; (max - half) / b</c>) are
/// evaluated as the exactly equivalent overflow of <c>a * b + half</c>, next to the original line.
/// </remarks>
public static class WadRayMath
{
    private const ulong HalfWadRayRatio = 500_000_000;

    // The constant divisors, prepared once (normalised, with their reciprocals): immutable.
    private static readonly Divisor WadDivisor = new(Wad);
    private static readonly Divisor RayDivisor = new(Ray);
    private static readonly Divisor WadRayRatioDivisor = new(WadRayRatio);

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
    public static UInt256 WadMul(UInt256 a, UInt256 b) => HalfUpMul(a, b, WadDivisor, HalfWad, "wadMul");

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
    public static UInt256 RayMul(UInt256 a, UInt256 b) => HalfUpMul(a, b, RayDivisor, HalfRay, "rayMul");

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
        // b := div(a, WAD_RAY_RATIO)  let remainder := mod(a, WAD_RAY_RATIO): one division by the prepared constant.
        UInt256 b = WadRayRatioDivisor.DivRem(a, out UInt256 remainder);
        // if iszero(lt(remainder, div(WAD_RAY_RATIO, 2))) { b := add(b, 1) }: div(1e9, 2) = 5e8, and the remainder (< 1e9)
        // is its low limb; the add cannot wrap because b <= (2^256 - 1) / 1e9.
        if (remainder.U0 >= HalfWadRayRatio)
            b = UInt256.WrappingAdd(b, UInt256.One);
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
        // b := mul(a, WAD_RAY_RATIO)
        UInt256 b = UInt256.MulCore(a, WadRayRatio, out bool overflow);
        // if iszero(eq(div(b, WAD_RAY_RATIO), a)) { revert(0, 0) }: without overflow b = a * 1e9 exactly and div gives a back;
        // with it b < a * 1e9, so div(b, 1e9) < a. The check is the multiply's overflow flag.
        if (overflow)
            ThrowRevert("wadToRay", a, null);
        return b;
    }

    // The shared shape of wadMul / rayMul / percentMul: revert iff b != 0 && a > (max - half) / b; (a * b + half) / unit.
    internal static UInt256 HalfUpMul(in UInt256 a, in UInt256 b, in Divisor unit, in UInt256 half, string name)
    {
        // if iszero(or(iszero(b), iszero(gt(a, div(sub(not(0), HALF), b))))) { revert(0, 0) }
        // For integers X >= 0 and b > 0, a > floor(X / b) <=> a * b > X; with X = 2^256 - 1 - HALF the revert condition is
        // "the exact a * b + HALF reaches 2^256" (for b == 0 both are false): the multiply's overflow or the add's carry.
        UInt256 product = UInt256.MulCore(a, b, out bool overflow);
        UInt256 sum = UInt256.AddCore(product, half, out ulong carry);
        if (overflow | carry != 0)
            ThrowRevert(name, a, b);
        // c := div(add(mul(a, b), HALF), UNIT): neither wraps here; UNIT is a prepared constant.
        return unit.DivRem(sum, out _);
    }

    // The shared shape of wadDiv / rayDiv / percentDiv: revert iff b == 0 || a > (max - b / 2) / unit; (a * unit + b / 2) / b.
    internal static UInt256 HalfUpDiv(in UInt256 a, in UInt256 b, in UInt256 unit, string name)
    {
        // if or(iszero(b), iszero(iszero(gt(a, div(sub(not(0), div(b, 2)), UNIT))))) { revert(0, 0) }
        // div(b, 2) is b >> 1. For UNIT > 0, a > floor(X / UNIT) <=> a * UNIT > X; with X = 2^256 - 1 - b / 2 the second
        // condition is "the exact a * UNIT + b / 2 reaches 2^256": the multiply's overflow or the add's carry.
        UInt256 halfB = UInt256.ShiftRightCore(b, 1);
        UInt256 product = UInt256.MulCore(a, unit, out bool overflow);
        UInt256 sum = UInt256.AddCore(product, halfB, out ulong carry);
        if (b.IsZero | overflow | carry != 0)
            ThrowRevert(name, a, b);
        // c := div(add(mul(a, UNIT), div(b, 2)), b): neither wraps here, and b != 0.
        return new Divisor(b).DivRem(sum, out _);
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowRevert(string name, UInt256 a, UInt256? b) =>
        EvmRevertException.ThrowEmpty(b is { } second
            ? $"{name}({a}, {second}) would overflow or divide by zero"
            : $"{name}({a}) would overflow");
}
