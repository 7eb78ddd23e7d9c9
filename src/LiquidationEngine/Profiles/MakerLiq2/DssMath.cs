using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>
/// The arithmetic of MakerDAO dss contracts as deployed (Solidity 0.6.12): the <c>add</c>/<c>sub</c>/<c>mul</c>
/// helpers guard with a message-less <c>require</c>, and a plain <c>/</c> by zero hits the pre-0.8 INVALID opcode.
/// Both fail with EMPTY revert data, never a panic; operators outside the helpers wrap modulo 2^256.
/// </summary>
internal static class DssMath
{
    public static UInt256 Wad => 1_000_000_000_000_000_000UL;

    public static UInt256 Ray => WadRayMath.Ray;

    /// <summary><c>require((z = x + y) &gt;= x)</c>.</summary>
    public static UInt256 Add(UInt256 x, UInt256 y, string what)
    {
        UInt256 z = UInt256.WrappingAdd(x, y);
        if (z < x) Throw($"{what}: add({x}, {y}) overflows");
        return z;
    }

    /// <summary>
    /// <c>require(y == 0 || (z = x * y) / y == x)</c>: the quotient test fails exactly when the product wraps, so the
    /// multiplier's overflow flag answers it without a division.
    /// </summary>
    public static UInt256 Mul(UInt256 x, UInt256 y, string what)
    {
        UInt256 z = UInt256.MulCore(x, y, out bool overflow);
        if (overflow) Throw($"{what}: mul({x}, {y}) overflows");
        return z;
    }

    /// <summary>Pre-0.8 <c>x / y</c>: INVALID (empty revert data) when <c>y == 0</c>.</summary>
    public static UInt256 Div(UInt256 x, UInt256 y, string what)
    {
        if (y.IsZero) Throw($"{what}: {x} / 0 (division by zero, INVALID before Solidity 0.8)");
        return x / y;
    }

    /// <summary><c>mul(x, y) / WAD</c>.</summary>
    public static UInt256 Wmul(UInt256 x, UInt256 y, string what) => Mul(x, y, what) / Wad;

    /// <summary><c>mul(x, y) / RAY</c> (also the abaci's <c>rmul</c>, whose inline check is the same).</summary>
    public static UInt256 Rmul(UInt256 x, UInt256 y, string what) => Mul(x, y, what) / Ray;

    /// <summary><c>mul(x, RAY) / y</c>.</summary>
    public static UInt256 Rdiv(UInt256 x, UInt256 y, string what) => Div(Mul(x, Ray, what), y, what);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string reason) => EvmRevertException.ThrowEmpty(reason);
}
