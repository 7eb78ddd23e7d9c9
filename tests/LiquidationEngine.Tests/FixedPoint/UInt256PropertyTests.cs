using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.FixedPoint.ReferenceModel;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>UInt256 against the BigInteger model, on boundary-weighted values.</summary>
public class UInt256PropertyTests(ITestOutputHelper output)
{
    private const int Cases = 5000;
    private static readonly BigInteger Max = WordGen.Max;

    private static readonly Gen<(BigInteger A, BigInteger B)> SumNearMax =
        from a in WordGen.Word
        from b in WordGen.Near(Max - a, 2)
        select (a, b);

    private static readonly Gen<(BigInteger A, BigInteger B)> Close =
        from a in WordGen.Word
        from b in WordGen.Near(a, 2)
        select (a, b);

    private static readonly Gen<(BigInteger A, BigInteger B)> Divisions =
        from q in WordGen.Word
        from b in WordGen.Word
        from r in WordGen.Word
        select (b.IsZero ? q : WordGen.Clip(q / b * b + r % b), b);

    private static readonly Gen<(BigInteger A, BigInteger B)> AddPairs = Gen.Frequency((3, WordGen.Pair), (2, SumNearMax));
    private static readonly Gen<(BigInteger A, BigInteger B)> SubPairs = Gen.Frequency((3, WordGen.Pair), (2, Close));
    private static readonly Gen<(BigInteger A, BigInteger B)> MulPairs = Gen.Frequency(
        (3, WordGen.Pair), (3, WordGen.OnQuotientBoundary(WordGen.AnyMagnitude, Max)));
    private static readonly Gen<(BigInteger A, BigInteger B)> DivPairs = Gen.Frequency((3, WordGen.Pair), (2, Divisions), (1, Close));

    [Fact]
    public void AddMatchesModel() => PropertyCheck.Run(output, "uint256.add", AddPairs, t =>
    {
        Assert.Equal(EvmOutcome.OfModel(() => Sol.Add(t.A, t.B)), EvmOutcome.Of(() => From(t.A) + From(t.B)));
        Assert.Equal((t.A + t.B) % Modulus, ToBig(UInt256.WrappingAdd(From(t.A), From(t.B))));
    }, Cases);

    [Fact]
    public void SubMatchesModel() => PropertyCheck.Run(output, "uint256.sub", SubPairs, t =>
    {
        Assert.Equal(EvmOutcome.OfModel(() => Sol.Sub(t.A, t.B)), EvmOutcome.Of(() => From(t.A) - From(t.B)));
        Assert.Equal(((t.A - t.B) % Modulus + Modulus) % Modulus, ToBig(UInt256.WrappingSub(From(t.A), From(t.B))));
    }, Cases);

    [Fact]
    public void MulMatchesModel() => PropertyCheck.Run(output, "uint256.mul", MulPairs, t =>
    {
        Assert.Equal(EvmOutcome.OfModel(() => Sol.Mul(t.A, t.B)), EvmOutcome.Of(() => From(t.A) * From(t.B)));
        Assert.Equal(t.A * t.B % Modulus, ToBig(UInt256.WrappingMul(From(t.A), From(t.B))));
    }, Cases);

    [Fact]
    public void DivAndModMatchModel() => PropertyCheck.Run(output, "uint256.divmod", DivPairs, t =>
    {
        Assert.Equal(EvmOutcome.OfModel(() => Sol.Div(t.A, t.B)), EvmOutcome.Of(() => From(t.A) / From(t.B)));
        Assert.Equal(EvmOutcome.OfModel(() => Sol.Mod(t.A, t.B)), EvmOutcome.Of(() => From(t.A) % From(t.B)));
    }, Cases);

    [Fact]
    public void ComparisonsMatchBigInteger() => PropertyCheck.Run(output, "uint256.compare", SubPairs, t =>
    {
        UInt256 a = From(t.A), b = From(t.B);
        Assert.Equal(t.A < t.B, a < b);
        Assert.Equal(t.A <= t.B, a <= b);
        Assert.Equal(t.A > t.B, a > b);
        Assert.Equal(t.A >= t.B, a >= b);
        Assert.Equal(t.A == t.B, a == b);
        Assert.Equal(t.A != t.B, a != b);
        Assert.Equal(t.A.CompareTo(t.B), a.CompareTo(b));
        Assert.Equal(BigInteger.Min(t.A, t.B), ToBig(UInt256.Min(a, b)));
        Assert.Equal(BigInteger.Max(t.A, t.B), ToBig(UInt256.Max(a, b)));
        if (t.A == t.B) Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }, Cases);

    [Fact]
    public void ShiftsAndBitwiseMatchModel()
    {
        var gen = from a in WordGen.Word from b in WordGen.Word from shift in Gen.Choose(0, 300) select (A: a, B: b, Shift: shift);
        PropertyCheck.Run(output, "uint256.bitwise", gen, t =>
        {
            UInt256 a = From(t.A), b = From(t.B);
            Assert.Equal(ReferenceModel.Yul.Shl(t.Shift, t.A), ToBig(a << t.Shift));
            Assert.Equal(ReferenceModel.Yul.Shr(t.Shift, t.A), ToBig(a >> t.Shift));
            Assert.Equal(ReferenceModel.Yul.Shr(t.Shift, t.A), ToBig(a >>> t.Shift));
            Assert.Equal(t.A & t.B, ToBig(a & b));
            Assert.Equal(t.A | t.B, ToBig(a | b));
            Assert.Equal(t.A ^ t.B, ToBig(a ^ b));
            Assert.Equal(Max - t.A, ToBig(~a));
        }, Cases);
    }

    [Fact]
    public void BitCountsMatchBigInteger() => PropertyCheck.Run(output, "uint256.bitcounts", WordGen.Word, v =>
    {
        UInt256 a = From(v);
        int bitLength = (int)v.GetBitLength();
        Assert.Equal(256 - bitLength, (int)(ulong)UInt256.LeadingZeroCount(a));
        Assert.Equal(v.IsZero ? 256 : (int)BigInteger.TrailingZeroCount(v), (int)(ulong)UInt256.TrailingZeroCount(a));
        Assert.Equal((int)BigInteger.PopCount(v), (int)(ulong)UInt256.PopCount(a));
        Assert.Equal(v.IsZero ? 0 : bitLength - 1, (int)(ulong)UInt256.Log2(a));
        Assert.Equal(bitLength, a.BitLength);
        Assert.Equal(BigInteger.IsPow2(v), UInt256.IsPow2(a));
    }, Cases);

    [Fact]
    public void TextRoundTripsAndMatchesBigInteger() => PropertyCheck.Run(output, "uint256.text", WordGen.Word, v =>
    {
        UInt256 a = From(v);
        string dec = v.ToString(CultureInfo.InvariantCulture);
        string hex = v.IsZero ? "0" : v.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        Assert.Equal(dec, a.ToString());
        Assert.Equal(hex, a.ToString("x"));
        Assert.Equal(hex.ToUpperInvariant(), a.ToString("X"));
        Assert.Equal("0x" + hex, a.ToHexString());
        Assert.Equal(a, UInt256.Parse(dec));
        Assert.Equal(a, UInt256.Parse("0x" + hex));
        Assert.Equal(a, UInt256.Parse("0X" + hex.ToUpperInvariant()));
        Assert.Equal(a, UInt256.Parse("000" + dec));
        Span<char> chars = stackalloc char[80];
        Assert.True(a.TryFormat(chars, out int written));
        Assert.Equal(dec, chars[..written].ToString());
        Span<byte> utf8 = stackalloc byte[80];
        Assert.True(a.TryFormat(utf8, out written, "x"));
        Assert.Equal(hex, System.Text.Encoding.ASCII.GetString(utf8[..written]));
    }, Cases);

    [Fact]
    public void ParsingOutOfRangeOverflows()
    {
        var tooBig = from v in WordGen.Word select Modulus + v;
        PropertyCheck.Run(output, "uint256.parse-overflow", tooBig, v =>
        {
            Assert.Throws<OverflowException>(() => UInt256.Parse(v.ToString(CultureInfo.InvariantCulture)));
            Assert.Throws<OverflowException>(() => UInt256.Parse("0x" + v.ToString("x", CultureInfo.InvariantCulture)));
            Assert.False(UInt256.TryParse(v.ToString(CultureInfo.InvariantCulture), out _));
        }, 1000);
    }

    [Fact]
    public void ConversionsMatchBigInteger() => PropertyCheck.Run(output, "uint256.conversions", WordGen.Word, v =>
    {
        UInt256 a = From(v);
        Assert.Equal(v, a.ToBigInteger());
        Assert.Equal(a, (UInt256)v);
        if (v <= ulong.MaxValue) Assert.Equal((ulong)v, (ulong)a);
        else Assert.Throws<OverflowException>(() => (ulong)a);
        if (v <= (BigInteger)UInt128.MaxValue) Assert.Equal((UInt128)v, (UInt128)a);
        else Assert.Throws<OverflowException>(() => (UInt128)a);
        Assert.Throws<OverflowException>(() => (UInt256)(-v - 1));
        Assert.Throws<OverflowException>(() => (UInt256)(v + Modulus));
    }, Cases);

    [Fact]
    public void GenericConversionsMatchBigInteger()
    {
        var wide = from v in WordGen.Word from shift in Gen.Choose(0, 40) from negative in Gen.Elements(true, false)
                   select negative ? -(v << shift) : v << shift;
        PropertyCheck.Run(output, "uint256.create", wide, v =>
        {
            bool inRange = v.Sign >= 0 && v <= Max;
            if (inRange) Assert.Equal(v, ToBig(UInt256.CreateChecked(v)));
            else Assert.Throws<OverflowException>(() => UInt256.CreateChecked(v));
            Assert.Equal(BigInteger.Clamp(v, 0, Max), ToBig(UInt256.CreateSaturating(v)));
            Assert.Equal(((v % Modulus) + Modulus) % Modulus, ToBig(UInt256.CreateTruncating(v)));
            UInt256 low = UInt256.CreateTruncating(v);
            BigInteger low64 = ToBig(low) & ulong.MaxValue;
            Assert.Equal((long)(ulong)low64, long.CreateTruncating(low));
            Assert.Equal((ulong)BigInteger.Min(ToBig(low), ulong.MaxValue), ulong.CreateSaturating(low));
            Assert.Equal(ToBig(low), BigInteger.CreateChecked(low));
            if (v >= long.MinValue && v <= long.MaxValue)
                Assert.Equal(UInt256.CreateTruncating(v), UInt256.CreateTruncating((long)v));
        }, Cases);
    }
}
