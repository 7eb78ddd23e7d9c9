using LiquidationEngine.Evm;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// Twin of Morpho Blue <c>MathLib</c> (<c>@morpho-org/morpho-blue</c> 1.0.0, <c>src/libraries/MathLib.sol</c>):
/// plain checked Solidity 0.8, so reverts are panics, and <c>x * y</c> is a checked 256-bit product (no 512-bit
/// intermediate): it reverts even when the quotient would fit.
/// </summary>
public static class MorphoMathLib
{
    private static readonly Divisor WadDivisor = new(Wad); // prepared once: immutable

    /// <summary><c>WAD = 1e18</c>.</summary>
    public static UInt256 Wad => 1_000_000_000_000_000_000UL;

    /// <summary>
    /// <c>(x * y) / d</c> rounded down. Twin of <c>MathLib.mulDivDown</c>: <c>return (x * y) / d;</c>
    /// </summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> when <c>x * y &gt;= 2^256</c> (checked first);
    /// otherwise <c>Panic(0x12)</c> when <c>d == 0</c>.</exception>
    public static UInt256 MulDivDown(UInt256 x, UInt256 y, UInt256 d) => (x * y) / d;

    /// <summary>
    /// <c>(x * y + (d - 1)) / d</c>, i.e. rounded up. Twin of <c>MathLib.mulDivUp</c>: <c>return (x * y + (d - 1)) / d;</c>
    /// </summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> when <c>x * y &gt;= 2^256</c>, when <c>d == 0</c> (the
    /// checked <c>d - 1</c> underflows before the division is reached, so never <c>Panic(0x12)</c>), or when
    /// <c>x * y + (d - 1) &gt;= 2^256</c>.</exception>
    public static UInt256 MulDivUp(UInt256 x, UInt256 y, UInt256 d) => (x * y + (d - UInt256.One)) / d;

    /// <summary><c>(x * y) / WAD</c> rounded down. Twin of <c>MathLib.wMulDown</c>: <c>return mulDivDown(x, y, WAD);</c></summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> when <c>x * y &gt;= 2^256</c>.</exception>
    public static UInt256 WMulDown(UInt256 x, UInt256 y) => WadDivisor.DivRem(x * y, out _); // WAD != 0: no Panic(0x12)

    /// <summary><c>(x * WAD) / y</c> rounded down. Twin of <c>MathLib.wDivDown</c>: <c>return mulDivDown(x, WAD, y);</c></summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> when <c>x * 1e18 &gt;= 2^256</c> (checked first, even when
    /// <c>y == 0</c>); otherwise <c>Panic(0x12)</c> when <c>y == 0</c>.</exception>
    public static UInt256 WDivDown(UInt256 x, UInt256 y) => MulDivDown(x, Wad, y);

    /// <summary><c>(x * WAD) / y</c> rounded up. Twin of <c>MathLib.wDivUp</c>: <c>return mulDivUp(x, WAD, y);</c></summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> when <c>x * 1e18 &gt;= 2^256</c>, when <c>y == 0</c>
    /// (<c>y - 1</c> underflows), or when <c>x * 1e18 + (y - 1) &gt;= 2^256</c>.</exception>
    public static UInt256 WDivUp(UInt256 x, UInt256 y) => MulDivUp(x, Wad, y);
}
