using System.Globalization;
using System.Numerics;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>
/// Text and conversion paths that mutation testing found unpinned: BigInteger-formatted text into a char span, styled
/// parsing's whitespace and null handling, and the generic conversions' rarely used types and saturation edges.
/// Expected values by hand or from the BCL's own types.
/// </summary>
public class TextAndConversionMutationTests
{
    [Fact]
    public void OtherFormatsIntoACharSpan()
    {
        Span<char> chars = stackalloc char[16];
        Assert.True(From(1234567).TryFormat(chars, out int written, "N0", CultureInfo.InvariantCulture));
        Assert.Equal("1,234,567", chars[..written].ToString());
        Assert.True(From(1234567).TryFormat(chars[..9], out written, "N0", CultureInfo.InvariantCulture));
        Assert.Equal(9, written);
        Assert.False(From(1234567).TryFormat(chars[..8], out written, "N0", CultureInfo.InvariantCulture));
        Assert.Equal(0, written);
    }

    [Fact]
    public void StyledParsingTrimsOnlyTheWhitespaceItAllows()
    {
        Assert.Throws<FormatException>(() => UInt256.Parse(" ff", NumberStyles.AllowHexSpecifier, null));
        Assert.Throws<FormatException>(() => UInt256.Parse("ff ", NumberStyles.AllowHexSpecifier | NumberStyles.AllowLeadingWhite, null));
        Assert.Throws<FormatException>(() => UInt256.Parse(" ff", NumberStyles.AllowHexSpecifier | NumberStyles.AllowTrailingWhite, null));
        Assert.Equal(From(255), UInt256.Parse("\t\n\v\f\r ff", NumberStyles.AllowHexSpecifier | NumberStyles.AllowLeadingWhite, null));
        Assert.Equal(From(5), UInt256.Parse("101\r\n", NumberStyles.AllowBinarySpecifier | NumberStyles.AllowTrailingWhite, null));
    }

    [Fact]
    public void StyledParsingOfNull()
    {
        Assert.Equal("s", Assert.Throws<ArgumentNullException>(() => UInt256.Parse((string)null!, NumberStyles.Integer, null)).ParamName);
        Assert.True(UInt256.TryParse("5", NumberStyles.Integer, CultureInfo.InvariantCulture, out UInt256 five));
        Assert.Equal(From(5), five);
    }

    [Fact]
    public void DecimalSourcesSaturateEvenWhenTruncating()
    {
        Assert.Equal(UInt256.Zero, UInt256.CreateTruncating(-1m));
        Assert.Equal(UInt256.Zero, UInt256.CreateTruncating(-0.5m));
        Assert.Equal(From(7), UInt256.CreateTruncating(7.9m));
        Assert.Equal(UInt256.Zero, UInt256.CreateSaturating(double.NegativeInfinity));
        Assert.Equal(UInt256.MaxValue, UInt256.CreateSaturating(double.PositiveInfinity));
        Assert.Equal(UInt256.Zero, UInt256.CreateTruncating(double.NaN));
    }

    [Fact]
    public void ToEveryPrimitiveAsTheBclDoes()
    {
        UInt256 v = From(200);
        Assert.Equal((ushort)200, ushort.CreateChecked(v));
        Assert.Equal(200u, uint.CreateChecked(v));
        Assert.Equal((nuint)200, nuint.CreateChecked(v));
        Assert.Equal((short)200, short.CreateChecked(v));
        Assert.Equal((nint)200, nint.CreateChecked(v));
        Assert.Equal((Half)200, Half.CreateChecked(v));
        Assert.Equal(200f, float.CreateChecked(v));
        Assert.Equal(Int128.MaxValue, Int128.CreateSaturating(UInt256.MaxValue));
        Assert.Equal(ushort.MaxValue, ushort.CreateSaturating(From(65_536)));
        Assert.Equal((ushort)0, ushort.CreateTruncating(From(65_536)));
    }

    [Fact]
    public void DecimalMaxValueIsTheLargestThatConverts()
    {
        UInt256 max = From(new BigInteger(decimal.MaxValue));
        Assert.Equal(decimal.MaxValue, decimal.CreateChecked(max));
        Assert.Throws<OverflowException>(() => decimal.CreateChecked(max + UInt256.One));
        Assert.Equal(decimal.MaxValue, decimal.CreateTruncating(max + UInt256.One));
    }

    [Fact]
    public void AnUnknownTargetTypeIsNotSupported() =>
        Assert.Throws<NotSupportedException>(() => Complex.CreateChecked(UInt256.One));

    [Fact]
    public void WriteBigEndianIntoALongerSpanWritesTheFirst32Bytes()
    {
        var destination = new byte[40];
        Assert.Equal(32, From(0x0102).WriteBigEndian(destination));
        Assert.Equal(1, destination[30]);
        Assert.Equal(2, destination[31]);
        Assert.All(destination[32..], b => Assert.Equal(0, b));
    }
}
