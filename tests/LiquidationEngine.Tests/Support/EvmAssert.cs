using System.Numerics;
using LiquidationEngine.Evm;
using Xunit;

namespace LiquidationEngine.Tests.Support;

/// <summary>
/// Assertions on EVM outcomes, written against the ABI encoding itself (not the library's factories), so a
/// wrong selector or code in <see cref="EvmRevertException"/> would be caught too.
/// </summary>
public static class EvmAssert
{
    /// <summary>Revert data of a bare <c>revert(0, 0)</c>.</summary>
    public const string EmptyRevert = "0x";

    /// <summary><c>Panic(0x11)</c>: arithmetic overflow or underflow.</summary>
    public static readonly string Overflow = PanicHex(0x11);

    /// <summary><c>Panic(0x12)</c>: division or modulo by zero.</summary>
    public static readonly string DivisionByZero = PanicHex(0x12);

    /// <summary>ABI revert data of <c>Panic(uint256 code)</c>: selector 0x4e487b71 then the code as a 32-byte word.</summary>
    public static string PanicHex(byte code) => "0x4e487b71" + code.ToString("x2").PadLeft(64, '0');

    /// <summary>Asserts that <paramref name="action"/> reverts with exactly <paramref name="expectedRevertDataHex"/>.</summary>
    public static EvmRevertException Reverts(string expectedRevertDataHex, Action action)
    {
        var ex = Assert.Throws<EvmRevertException>(action);
        Assert.Equal(expectedRevertDataHex, ex.RevertDataHex);
        return ex;
    }

    /// <summary>Asserts that <paramref name="func"/> reverts with exactly <paramref name="expectedRevertDataHex"/>.</summary>
    public static EvmRevertException Reverts<T>(string expectedRevertDataHex, Func<T> func) =>
        Reverts(expectedRevertDataHex, () => { _ = func(); });
}
