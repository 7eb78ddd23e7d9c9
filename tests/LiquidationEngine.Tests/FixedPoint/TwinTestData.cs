using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>Shared vocabulary of the hand-computed twin tests: an expected cell is a base-10 value or a revert tag.</summary>
internal static class Expect
{
    public const string Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    public const string Panic11 = "panic 0x11";
    public const string Panic12 = "panic 0x12";
    public const string Empty = "revert 0x";

    public static void Check(string expected, Func<UInt256> op)
    {
        switch (expected)
        {
            case Panic11: EvmAssert.Reverts(EvmAssert.Overflow, op); break;
            case Panic12: EvmAssert.Reverts(EvmAssert.DivisionByZero, op); break;
            case Empty: EvmAssert.Reverts(EvmAssert.EmptyRevert, op); break;
            default: Assert.Equal(Big(expected), ToBig(op())); break;
        }
    }
}
