using System.Globalization;
using System.Text;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

public class UInt256TextTests
{
    private const string MaxDecimal = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    private const string TwoPow256Decimal = "115792089237316195423570985008687907853269984665640564039457584007913129639936";

    [Theory]
    [InlineData("0", "0")]
    [InlineData("000", "0")]
    [InlineData("1", "1")]
    [InlineData("0001", "1")]
    [InlineData("9999999999999999999", "9999999999999999999")] // one full 19-digit chunk
    [InlineData("10000000000000000000", "10000000000000000000")]
    [InlineData("18446744073709551616", "18446744073709551616")]
    [InlineData(MaxDecimal, MaxDecimal)]
    [InlineData("0x0", "0")]
    [InlineData("0x00", "0")]
    [InlineData("0xff", "255")]
    [InlineData("0XFF", "255")]
    [InlineData("0xDeadBeef", "3735928559")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", MaxDecimal)]
    [InlineData("0x000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", MaxDecimal)] // leading zeros beyond 64 digits
    public void ParsesCanonicalForms(string text, string expected)
    {
        Assert.Equal(Big(expected), ToBig(UInt256.Parse(text)));
        Assert.Equal(Big(expected), ToBig(UInt256.Parse(text.AsSpan())));
        Assert.True(UInt256.TryParse(text, out var parsed));
        Assert.Equal(Big(expected), ToBig(parsed));
        Assert.True(UInt256.TryParse(text.AsSpan(), out parsed));
        Assert.Equal(Big(expected), ToBig(parsed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0X")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("-0")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1 000")]
    [InlineData("1_000")]
    [InlineData("1,000")]
    [InlineData("1.0")]
    [InlineData("1e18")]
    [InlineData("0x0x1")]
    [InlineData("0xg")]
    [InlineData("x10")]
    [InlineData("10x")]
    [InlineData("١")] // Arabic-Indic digit one: not ASCII
    [InlineData("0b101")]
    public void RejectsMalformedInputWithFormatExceptionNamingIt(string text)
    {
        var ex = Assert.Throws<FormatException>(() => UInt256.Parse(text));
        Assert.Contains($"\"{text}\"", ex.Message);
        Assert.False(UInt256.TryParse(text, out var result));
        Assert.Equal(UInt256.Zero, result);
    }

    [Theory]
    [InlineData(TwoPow256Decimal)]
    [InlineData("999999999999999999999999999999999999999999999999999999999999999999999999999999")]
    [InlineData("0x10000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void RejectsValuesOf2Pow256OrMoreWithOverflowExceptionNamingThem(string text)
    {
        var ex = Assert.Throws<OverflowException>(() => UInt256.Parse(text));
        Assert.Contains(text, ex.Message);
        Assert.False(UInt256.TryParse(text, out _));
    }

    [Fact]
    public void OverflowingAndMalformedReportsMalformed()
    {
        Assert.Throws<FormatException>(() => UInt256.Parse(TwoPow256Decimal + "z"));
    }

    [Fact]
    public void VeryLongInputIsShortenedInTheMessage()
    {
        string text = new('7', 5000);
        var ex = Assert.Throws<OverflowException>(() => UInt256.Parse(text));
        Assert.Contains("(5000 chars)", ex.Message);
        Assert.True(ex.Message.Length < 400);
    }

    [Fact]
    public void NullIsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => UInt256.Parse((string)null!));
        Assert.False(UInt256.TryParse((string?)null, out _));
    }

    [Theory]
    [InlineData("0", "0", "0", "0x0")]
    [InlineData("255", "ff", "FF", "0xff")]
    [InlineData("18446744073709551616", "10000000000000000", "10000000000000000", "0x10000000000000000")]
    [InlineData("10000000000000000000", "8ac7230489e80000", "8AC7230489E80000", "0x8ac7230489e80000")]
    [InlineData(MaxDecimal, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("1000000000000000000000000000", "33b2e3c9fd0803ce8000000", "33B2E3C9FD0803CE8000000", "0x33b2e3c9fd0803ce8000000")]
    public void Formats(string value, string lowerHex, string upperHex, string prefixed)
    {
        UInt256 v = From(value);
        Assert.Equal(value, v.ToString());
        Assert.Equal(value, v.ToString(null));
        Assert.Equal(value, v.ToString("D"));
        Assert.Equal(value, v.ToString("G", CultureInfo.InvariantCulture));
        Assert.Equal(value, $"{v}");
        Assert.Equal(lowerHex, v.ToString("x"));
        Assert.Equal(upperHex, v.ToString("X"));
        Assert.Equal(prefixed, v.ToHexString());
        Assert.Equal(value, UInt256.Parse(v.ToString()).ToString());
        Assert.Equal(value, UInt256.Parse(v.ToHexString()).ToString());
    }

    [Fact]
    public void FormatsWithPrecisionAndThroughBigIntegerForOtherFormats()
    {
        UInt256 v = From("255");
        Assert.Equal("00255", v.ToString("D5"));
        Assert.Equal("000000ff", v.ToString("x8"));
        Assert.Equal("255", v.ToString("D2"));
        Assert.Equal(new string('0', 97) + "255", v.ToString("D100"));
        Assert.Equal("1,234,567.00", From("1234567").ToString("N", CultureInfo.InvariantCulture));
        Assert.Equal("1.234567E+006", From("1234567").ToString("E", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryFormatIntoCharsAndUtf8()
    {
        UInt256 v = From(MaxDecimal);
        Span<char> chars = stackalloc char[78];
        Assert.True(v.TryFormat(chars, out int written));
        Assert.Equal(MaxDecimal, chars[..written].ToString());
        Assert.False(v.TryFormat(chars[..77], out written));
        Assert.Equal(0, written);

        Span<byte> utf8 = stackalloc byte[80];
        Assert.True(v.TryFormat(utf8, out written, "x"));
        Assert.Equal(new string('f', 64), Encoding.UTF8.GetString(utf8[..written]));
        Assert.True(From("42").TryFormat(utf8, out written, "D4"));
        Assert.Equal("0042", Encoding.UTF8.GetString(utf8[..written]));
        Assert.False(From("42").TryFormat(utf8[..3], out _, "D4"));
        Assert.True(From("1234").TryFormat(utf8, out written, "N0", CultureInfo.InvariantCulture));
        Assert.Equal("1,234", Encoding.UTF8.GetString(utf8[..written]));
    }

    [Fact]
    public void FormattingAllocatesNothing()
    {
        UInt256 v = From(MaxDecimal);
        Span<char> chars = stackalloc char[80];
        Span<byte> bytes = stackalloc byte[80];
        v.TryFormat(chars, out _);
        v.TryFormat(bytes, out _, "X");
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            v.TryFormat(chars, out _);
            v.TryFormat(bytes, out _, "X");
            UInt256.TryParse(chars[..78], out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
