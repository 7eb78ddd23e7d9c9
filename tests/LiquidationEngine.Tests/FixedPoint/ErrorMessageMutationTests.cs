using System.Globalization;
using System.Numerics;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>
/// "Bad input gets a clear error naming the field/parameter and the value": the messages and parameter names of the
/// fixed-point core's exceptions, pinned (found by mutation testing: emptied messages went unnoticed).
/// The revert DATA of the same calls is checked elsewhere; here the human-readable side.
/// </summary>
public class ErrorMessageMutationTests
{
    private const string Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";

    public static TheoryData<string, Func<UInt256>, string> AaveReverts => new()
    {
        { "wadMul", () => WadRayMath.WadMul(UInt256.MaxValue, 2), $"wadMul({Max}, 2) would overflow or divide by zero" },
        { "wadDiv", () => WadRayMath.WadDiv(5, 0), "wadDiv(5, 0) would overflow or divide by zero" },
        { "rayMul", () => WadRayMath.RayMul(UInt256.MaxValue, 3), $"rayMul({Max}, 3) would overflow or divide by zero" },
        { "rayDiv", () => WadRayMath.RayDiv(7, 0), "rayDiv(7, 0) would overflow or divide by zero" },
        { "percentMul", () => PercentageMath.PercentMul(UInt256.MaxValue, 4), $"percentMul({Max}, 4) would overflow or divide by zero" },
        { "percentDiv", () => PercentageMath.PercentDiv(9, 0), "percentDiv(9, 0) would overflow or divide by zero" },
        { "wadToRay", () => WadRayMath.WadToRay(UInt256.MaxValue), $"wadToRay({Max}) would overflow" },
    };

    [Theory]
    [MemberData(nameof(AaveReverts))]
    public void AaveRevertsNameTheFunctionAndItsArguments(string name, Func<UInt256> call, string expected)
    {
        var ex = Assert.Throws<EvmRevertException>(() => call());
        Assert.Equal("0x", ex.RevertDataHex);
        Assert.Contains(expected, ex.Message);
        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void RpowRevertNamesTheIntermediateState()
    {
        // x = 2^128, n = 2: the loop halves n to 1, then x * x = 2^256 overflows.
        var ex = Assert.Throws<EvmRevertException>(() => MakerMath.Rpow(From(Pow2(128)), 2, WadRayMath.Ray));
        Assert.Equal("0x", ex.RevertDataHex);
        Assert.Contains("rpow overflowed (intermediate x = 340282366920938463463374607431768211456, remaining exponent n = 1, "
            + "base b = 1000000000000000000000000000)", ex.Message);
    }

    [Fact]
    public void MulDivRejectsAnUndefinedRoundingByName()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FullMath.MulDiv(1, 1, 1, (Rounding)4));
        Assert.Equal("rounding", ex.ParamName);
        Assert.Equal((Rounding)4, ex.ActualValue);
        Assert.Contains("Floor, Ceil, Trunc or Expand", ex.Message);
    }

    [Fact]
    public void NegativeShiftNamesTheCount()
    {
        var left = Assert.Throws<ArgumentOutOfRangeException>(() => UInt256.One << -1);
        var right = Assert.Throws<ArgumentOutOfRangeException>(() => UInt256.One >> -3);
        Assert.Equal("shiftAmount", left.ParamName);
        Assert.Equal(-1, left.ActualValue);
        Assert.Equal(-3, right.ActualValue);
        Assert.Contains("cannot be negative", left.Message);
    }

    [Fact]
    public void WordLengthErrorsNameTheSpanAndItsLength()
    {
        var read = Assert.Throws<ArgumentException>(() => UInt256.ReadBigEndian(new byte[31]));
        Assert.Equal("word", read.ParamName);
        Assert.Contains("32 bytes; got 31", read.Message);
        var write = Assert.Throws<ArgumentException>(() => UInt256.One.WriteBigEndian(new byte[5]));
        Assert.Equal("destination", write.ParamName);
        Assert.Contains("32 bytes; got 5", write.Message);
    }

    [Fact]
    public void CompareToAForeignObjectNamesItsType()
    {
        var ex = Assert.Throws<ArgumentException>(() => UInt256.One.CompareTo((object)"1"));
        Assert.Equal("obj", ex.ParamName);
        Assert.Contains("Expected a UInt256, got String", ex.Message);
    }

    [Fact]
    public void NarrowingOverflowNamesValueAndTarget()
    {
        var toUlong = Assert.Throws<OverflowException>(() => (ulong)From(Pow2(64)));
        Assert.Equal("18446744073709551616 does not fit a ulong.", toUlong.Message);
        var toUInt128 = Assert.Throws<OverflowException>(() => (UInt128)From(Pow2(128)));
        Assert.Equal("340282366920938463463374607431768211456 does not fit a UInt128.", toUInt128.Message);
        var fromBig = Assert.Throws<OverflowException>(() => (UInt256)new BigInteger(-5));
        Assert.Equal("-5 is outside the uint256 range [0, 2^256 - 1].", fromBig.Message);
    }

    [Fact]
    public void ParseErrorsQuoteTheInputAndSayWhatWasExpected()
    {
        var empty = Assert.Throws<FormatException>(() => UInt256.Parse(""));
        Assert.Equal("Cannot parse \"\" as a uint256: no digits.", empty.Message);
        var emptyHex = Assert.Throws<FormatException>(() => UInt256.Parse("0x"));
        Assert.Equal("Cannot parse \"0x\" as a uint256: no digits.", emptyHex.Message);
        var bad = Assert.Throws<FormatException>(() => UInt256.Parse("12a"));
        Assert.Equal("Cannot parse \"12a\" as a uint256: expected base-10 digits or 0x followed by hex digits, with no sign, whitespace or separators.", bad.Message);
        var big = Assert.Throws<OverflowException>(() => UInt256.Parse("0x1" + new string('0', 64)));
        Assert.Equal($"Cannot parse \"0x1{new string('0', 64)}\" as a uint256: the value is outside [0, 2^256 - 1].", big.Message);
        var styled = Assert.Throws<FormatException>(() => UInt256.Parse("zz", NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.Equal("Cannot parse \"zz\" as a uint256: expected an integer in NumberStyles HexNumber.", styled.Message);
        var utf8 = Assert.Throws<FormatException>(() => UInt256.Parse("-1"u8, CultureInfo.InvariantCulture));
        Assert.Contains("\"-1\"", utf8.Message);
    }

    [Fact]
    public void ParseTruncatesALongInputAtOneHundredChars()
    {
        string text = new string('7', 100) + "x";
        var ex = Assert.Throws<FormatException>(() => UInt256.Parse(text));
        Assert.Contains($"\"{new string('7', 100)}... (101 chars)\"", ex.Message);
        string exactly100 = new string('8', 99) + "y";
        var shown = Assert.Throws<FormatException>(() => UInt256.Parse(exactly100));
        Assert.Contains($"\"{exactly100}\"", shown.Message);
    }

    [Fact]
    public void MixedHexStyleNamesTheStyleParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => UInt256.Parse("1", NumberStyles.AllowHexSpecifier | NumberStyles.AllowLeadingSign, null));
        Assert.Equal("style", ex.ParamName);
        Assert.Contains("AllowLeadingSign, AllowHexSpecifier", ex.Message);
        Assert.Throws<ArgumentException>(() => UInt256.Parse("1", NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier, null));
    }

    [Fact]
    public void GenericConversionErrorsNameTheValueOrTheType()
    {
        var negative = Assert.Throws<OverflowException>(() => UInt256.CreateChecked(-7));
        Assert.Equal("-7 is outside the range of the target type of a checked uint256 conversion.", negative.Message);
        var narrow = Assert.Throws<OverflowException>(() => byte.CreateChecked(From(256)));
        Assert.StartsWith("256 is outside the range", narrow.Message);
        var unsupported = Assert.Throws<NotSupportedException>(() => UInt256.CreateChecked(new Complex(1, 0)));
        Assert.Equal("No conversion between Complex and UInt256.", unsupported.Message);
    }
}
