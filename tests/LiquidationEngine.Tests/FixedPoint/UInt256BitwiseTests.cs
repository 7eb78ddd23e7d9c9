using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

public class UInt256BitwiseTests
{
    private static readonly UInt256 Pattern = From("0x0123456789abcdeffedcba98765432100f1e2d3c4b5a69788796a5b4c3d2e1f0");

    [Fact]
    public void AndOrXorNot()
    {
        UInt256 a = From("0xff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00");
        UInt256 b = From("0x0ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff0");
        Assert.Equal(Big("0x0f000f000f000f000f000f000f000f000f000f000f000f000f000f000f000f00"), ToBig(a & b));
        Assert.Equal(Big("0xfff0fff0fff0fff0fff0fff0fff0fff0fff0fff0fff0fff0fff0fff0fff0fff0"), ToBig(a | b));
        Assert.Equal(Big("0xf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0"), ToBig(a ^ b));
        Assert.Equal(Big("0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff"), ToBig(~a));
        Assert.Equal(UInt256.MaxValue, ~UInt256.Zero);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(191)]
    [InlineData(200)]
    [InlineData(255)]
    public void ShiftsMatchBigIntegerWithinRange(int count)
    {
        var big = ToBig(Pattern);
        Assert.Equal((big << count) & MaxBig, ToBig(Pattern << count));
        Assert.Equal(big >> count, ToBig(Pattern >> count));
        Assert.Equal(big >> count, ToBig(Pattern >>> count));
        Assert.Equal(Pow2(count), ToBig(UInt256.One << count));
        Assert.Equal(Big("1"), ToBig(From(Pow2(count)) >> count));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(300)]
    [InlineData(512)] // C# would mask 512 to 0 for a 256-bit type: the EVM gives 0, not the value
    [InlineData(int.MaxValue)]
    public void ShiftsOf256OrMoreGiveZero(int count)
    {
        Assert.Equal(UInt256.Zero, UInt256.MaxValue << count);
        Assert.Equal(UInt256.Zero, UInt256.MaxValue >> count);
        Assert.Equal(UInt256.Zero, UInt256.MaxValue >>> count);
    }

    [Fact]
    public void NegativeShiftCountIsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => UInt256.One << -1);
        Assert.Equal("shiftAmount", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => UInt256.One >> -1);
    }

    [Theory]
    [InlineData("0", 256, 256, 0, 0)]
    [InlineData("1", 255, 0, 1, 0)]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000", 0, 255, 1, 255)]
    [InlineData("0x10000000000000000", 191, 64, 1, 64)]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 0, 0, 256, 255)]
    [InlineData("0xf0", 248, 4, 4, 7)]
    [InlineData("0x100000000000000000000000000000000000000000000000000000000", 31, 224, 1, 224)]
    public void BitCounts(string value, int leadingZeros, int trailingZeros, int popCount, int log2)
    {
        UInt256 v = From(value);
        Assert.Equal((UInt256)(ulong)leadingZeros, UInt256.LeadingZeroCount(v));
        Assert.Equal((UInt256)(ulong)trailingZeros, UInt256.TrailingZeroCount(v));
        Assert.Equal((UInt256)(ulong)popCount, UInt256.PopCount(v));
        Assert.Equal((UInt256)(ulong)log2, UInt256.Log2(v));
        Assert.Equal(256 - leadingZeros, v.BitLength);
        Assert.Equal(popCount == 1, UInt256.IsPow2(v));
    }
}
