using System.Globalization;
using System.Numerics;
using System.Text;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>UInt256 through .NET generic math: code written against the BCL interfaces must work, with EVM semantics.</summary>
public class UInt256GenericMathTests
{
    private const string Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";

    private static T Sum<T>(IEnumerable<T> values) where T : INumber<T>
    {
        T total = T.Zero;
        foreach (T v in values) total += v;
        return total;
    }

    private static T Gcd<T>(T a, T b) where T : IBinaryInteger<T>
    {
        while (!T.IsZero(b)) (a, b) = (b, a % b);
        return a;
    }

    private static T Factorial<T>(int n) where T : INumberBase<T>
    {
        T result = T.One;
        for (int i = 2; i <= n; i++) result *= T.CreateChecked(i);
        return result;
    }

    [Fact]
    public void GenericSumGcdAndFactorial()
    {
        Assert.Equal(Big("6000000000000000000000000000000000000000"),
            ToBig(Sum(new[] { From("1000000000000000000000000000000000000000"), From("2000000000000000000000000000000000000000"), From("3000000000000000000000000000000000000000") })));
        Assert.Equal(Big("18446744073709551616"), ToBig(Gcd(From("0x10000000000000000"), From("0x30000000000000000"))));
        // 57! < 2^256 < 58!: the generic loop gets the EVM's checked multiplication.
        Assert.Equal(Enumerable.Range(1, 57).Aggregate(BigInteger.One, (p, i) => p * i), ToBig(Factorial<UInt256>(57)));
        EvmAssert.Reverts(EvmAssert.Overflow, () => Factorial<UInt256>(58));
    }

    [Fact]
    public void GenericAdditionIsCheckedEvenInUncheckedContext()
    {
        EvmAssert.Reverts(EvmAssert.Overflow, () => unchecked(Sum(new[] { UInt256.MaxValue, UInt256.One })));
        EvmAssert.Reverts(EvmAssert.DivisionByZero, () => Gcd(UInt256.Zero, UInt256.Zero) / UInt256.Zero);
    }

    [Fact]
    public void IdentitiesAndPredicates()
    {
        Assert.Equal(UInt256.Zero, Identity<UInt256>.Additive);
        Assert.Equal(UInt256.One, Identity<UInt256>.Multiplicative);
        Assert.Equal(UInt256.MaxValue, Identity<UInt256>.AllBits);
        Assert.Equal(2, Identity<UInt256>.Radix);
        Assert.True(Predicates<UInt256>.IsEven(From("10")));
        Assert.True(Predicates<UInt256>.IsOdd(From(Max)));
        Assert.False(Predicates<UInt256>.IsNegative(From(Max)));
        Assert.True(Predicates<UInt256>.IsPositive(UInt256.Zero));
        Assert.Equal(0, Predicates<UInt256>.Sign(UInt256.Zero));
        Assert.Equal(1, Predicates<UInt256>.Sign(From(Max)));
        Assert.Equal(From("5"), Predicates<UInt256>.Clamp(From("9"), From("1"), From("5")));
        Assert.Equal(From(Max), Predicates<UInt256>.Abs(From(Max)));
        Assert.Equal(From("7"), Predicates<UInt256>.MaxMagnitude(From("7"), From("3")));
        Assert.Equal(From("3"), Predicates<UInt256>.MinMagnitude(From("7"), From("3")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(256)] // the count is taken modulo 256 for rotations, as for the primitive integers
    [InlineData(-1)]
    [InlineData(300)]
    public void RotationsMatchBigInteger(int amount)
    {
        var big = Big("0x0123456789abcdeffedcba98765432100f1e2d3c4b5a69788796a5b4c3d2e1f0");
        int k = ((amount % 256) + 256) % 256;
        var left = ((big << k) | (big >> (256 - k))) & MaxBig;
        var right = ((big >> k) | (big << (256 - k))) & MaxBig;
        Assert.Equal(left, ToBig(UInt256.RotateLeft(From(big), amount)));
        Assert.Equal(right, ToBig(UInt256.RotateRight(From(big), amount)));
    }

    [Fact]
    public void GenericShiftDoesNotMask()
    {
        // Primitive integers mask the count (1u << 32 == 1); the EVM, and UInt256, give 0 at or past the width.
        Assert.Equal(UInt256.Zero, ShiftLeft(UInt256.One, 256));
        Assert.Equal(1u, ShiftLeft(1u, 32));
    }

    private static T ShiftLeft<T>(T value, int count) where T : IShiftOperators<T, int, T> => value << count;

    [Fact]
    public void CreateFromPrimitivesAndBigInteger()
    {
        Assert.Equal(From("255"), UInt256.CreateChecked((byte)255));
        Assert.Equal(From("65"), UInt256.CreateChecked('A'));
        Assert.Equal(From("9223372036854775807"), UInt256.CreateChecked(long.MaxValue));
        Assert.Equal(From("170141183460469231731687303715884105727"), UInt256.CreateChecked(Int128.MaxValue));
        Assert.Equal(From("340282366920938463463374607431768211455"), UInt256.CreateChecked(UInt128.MaxValue));
        Assert.Equal(From(Max), UInt256.CreateChecked(MaxBig));
        Assert.Equal(From("12345"), UInt256.CreateChecked((nuint)12345));

        Assert.Throws<OverflowException>(() => UInt256.CreateChecked(-1));
        Assert.Throws<OverflowException>(() => UInt256.CreateChecked(Int128.MinValue));
        Assert.Throws<OverflowException>(() => UInt256.CreateChecked(Modulus));
        Assert.Throws<OverflowException>(() => UInt256.CreateChecked(BigInteger.MinusOne));

        Assert.Equal(UInt256.Zero, UInt256.CreateSaturating(-5));
        Assert.Equal(UInt256.Zero, UInt256.CreateSaturating((sbyte)-1));
        Assert.Equal(From(Max), UInt256.CreateSaturating(Modulus + 5));
        Assert.Equal(UInt256.Zero, UInt256.CreateSaturating(-Modulus));

        Assert.Equal(From(Max), UInt256.CreateTruncating(-1)); // two's complement
        Assert.Equal(From(Max), UInt256.CreateTruncating((sbyte)-1));
        Assert.Equal(From(Max) - From("1"), UInt256.CreateTruncating(Int128.NegativeOne - 1));
        Assert.Equal(From("5"), UInt256.CreateTruncating(Modulus + 5));
        Assert.Equal(From(Max), UInt256.CreateTruncating(BigInteger.MinusOne));
    }

    [Fact]
    public void CreateFromFloatingPointAndDecimal()
    {
        Assert.Equal(From("3"), UInt256.CreateChecked(3.99));
        Assert.Equal(UInt256.Zero, UInt256.CreateChecked(-0.5)); // truncates to 0, in range
        Assert.Equal(From("1000000000000000000"), UInt256.CreateChecked(1e18));
        Assert.Equal(From("79228162514264337593543950335"), UInt256.CreateChecked(decimal.MaxValue));
        Assert.Equal(Pow2(248), ToBig(UInt256.CreateChecked(Math.Pow(2, 248))));
        Assert.Throws<OverflowException>(() => UInt256.CreateChecked(double.NaN));
        Assert.Throws<OverflowException>(() => UInt256.CreateChecked(-1.0));
        Assert.Throws<OverflowException>(() => UInt256.CreateChecked(Math.Pow(2, 256)));
        Assert.Throws<OverflowException>(() => UInt256.CreateChecked(double.PositiveInfinity));
        Assert.Equal(UInt256.Zero, UInt256.CreateSaturating(double.NaN));
        Assert.Equal(From(Max), UInt256.CreateSaturating(1e300));
        Assert.Equal(From(Max), UInt256.CreateTruncating(double.PositiveInfinity));
        Assert.Equal(UInt256.Zero, UInt256.CreateTruncating(-1e10));
        Assert.Equal(From("2"), UInt256.CreateChecked((Half)2.5f));
        Assert.Equal(From("7"), UInt256.CreateChecked(7.9f));
    }

    [Fact]
    public void CreateOtherTypesFromUInt256()
    {
        UInt256 big = From(Max), fits = From("200");
        Assert.Equal((byte)200, byte.CreateChecked(fits));
        Assert.Throws<OverflowException>(() => sbyte.CreateChecked(fits));
        Assert.Equal(sbyte.MaxValue, sbyte.CreateSaturating(fits));
        Assert.Equal((sbyte)-56, sbyte.CreateTruncating(fits)); // 200 = 0xC8
        Assert.Throws<OverflowException>(() => ulong.CreateChecked(big));
        Assert.Equal(ulong.MaxValue, ulong.CreateSaturating(big));
        Assert.Equal(ulong.MaxValue, ulong.CreateTruncating(big));
        Assert.Equal(-1L, long.CreateTruncating(big));
        Assert.Equal(long.MaxValue, long.CreateSaturating(big));
        Assert.Equal(Int128.NegativeOne, Int128.CreateTruncating(big));
        Assert.Equal(UInt128.MaxValue, UInt128.CreateSaturating(big));
        Assert.Equal((char)200, CreateVia<char>(fits));
        Assert.Equal(123456789, int.CreateChecked(From("123456789")));
        Assert.Equal(MaxBig, BigInteger.CreateChecked(big));
        Assert.Equal(1.157920892373162e77, double.CreateChecked(big), 1e62);
        Assert.Equal(200.0, double.CreateChecked(fits));
        Assert.Equal(float.PositiveInfinity, float.CreateChecked(big));
        Assert.Equal(200m, decimal.CreateChecked(fits));
        Assert.Throws<OverflowException>(() => decimal.CreateChecked(big));
        Assert.Equal(decimal.MaxValue, decimal.CreateSaturating(big));
        Assert.Equal(From("42"), UInt256.CreateChecked(From("42")));
    }

    [Fact]
    public void StyledParsing()
    {
        Assert.Equal(From("255"), UInt256.Parse("ff", NumberStyles.HexNumber, null));
        Assert.Equal(From("255"), UInt256.Parse(" FF ", NumberStyles.HexNumber, null));
        Assert.Equal(From(Max), UInt256.Parse(new string('f', 64), NumberStyles.AllowHexSpecifier, null));
        Assert.Throws<OverflowException>(() => UInt256.Parse("1" + new string('0', 64), NumberStyles.AllowHexSpecifier, null));
        Assert.Throws<FormatException>(() => UInt256.Parse("0xff", NumberStyles.HexNumber, null)); // BCL hex takes no prefix
        Assert.Equal(From("5"), UInt256.Parse("101", NumberStyles.AllowBinarySpecifier, null));
        Assert.Equal(From("42"), UInt256.Parse("  +42  ", NumberStyles.Integer, CultureInfo.InvariantCulture));
        Assert.Equal(UInt256.Zero, UInt256.Parse("-0", NumberStyles.Integer, CultureInfo.InvariantCulture));
        Assert.Equal(From("1234567"), UInt256.Parse("1,234,567", NumberStyles.Number, CultureInfo.InvariantCulture));
        var ex = Assert.Throws<OverflowException>(() => UInt256.Parse("-1", NumberStyles.Integer, CultureInfo.InvariantCulture));
        Assert.Contains("\"-1\"", ex.Message);
        Assert.Throws<OverflowException>(() => UInt256.Parse(Modulus.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture));
        Assert.Throws<FormatException>(() => UInt256.Parse("12a", NumberStyles.Integer, CultureInfo.InvariantCulture));
        Assert.False(UInt256.TryParse("12a", NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        Assert.False(UInt256.TryParse((string?)null, NumberStyles.Integer, null, out _));
        Assert.Throws<ArgumentException>(() => UInt256.Parse("ff", NumberStyles.HexNumber | NumberStyles.AllowThousands, null));
    }

    [Fact]
    public void ParsableInterfacesUseTheCanonicalForm()
    {
        Assert.Equal(From("255"), ParseVia<UInt256>("0xff"));
        Assert.Equal(From("255"), ParseVia<UInt256>("255"));
        Assert.Equal(From("255"), ParseUtf8Via<UInt256>("0xFF"u8));
        Assert.Equal(From(Max), ParseUtf8Via<UInt256>(Encoding.ASCII.GetBytes(Max)));
        Assert.Throws<FormatException>(() => ParseUtf8Via<UInt256>(" 1"u8));
        Assert.Throws<OverflowException>(() => ParseUtf8Via<UInt256>(Encoding.ASCII.GetBytes(Modulus.ToString())));
        Assert.False(UInt256.TryParse("x"u8, null, out _));
    }

    private static T ParseVia<T>(string s) where T : IParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);

    private static T ParseUtf8Via<T>(ReadOnlySpan<byte> s) where T : IUtf8SpanParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void ByteRoundTripsThroughBinaryIntegerMembers()
    {
        UInt256 v = From("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        Assert.Equal(32, ByteCount(v));
        Assert.Equal(249, ShortestBitLength(v));
        var big = new byte[32];
        var little = new byte[32];
        Assert.Equal(32, WriteBig(v, big));
        Assert.Equal(32, WriteLittle(v, little));
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), big);
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)(33 - i)).ToArray(), little);
        Assert.Equal(v, ReadBig<UInt256>(big, isUnsigned: true));
        Assert.Equal(v, ReadLittle<UInt256>(little, isUnsigned: true));
        Assert.False(TryWriteBig(v, new byte[31]));

        // Longer sources with zero high bytes fit; a set sign bit of a signed source, or a 2^256 bit, does not.
        Assert.Equal(From("1"), ReadBig<UInt256>(new byte[40] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, isUnsigned: false));
        Assert.Equal(From("128"), ReadBig<UInt256>(new byte[] { 0x80 }, isUnsigned: true));
        Assert.Throws<OverflowException>(() => ReadBig<UInt256>(new byte[] { 0x80 }, isUnsigned: false));
        var tooBig = new byte[33];
        tooBig[0] = 1;
        Assert.Throws<OverflowException>(() => ReadBig<UInt256>(tooBig, isUnsigned: true));
        Assert.Throws<OverflowException>(() => ReadLittle<UInt256>(Enumerable.Reverse(tooBig).ToArray(), isUnsigned: true));
        Assert.Equal(From("0x0201"), ReadLittle<UInt256>(new byte[] { 1, 2 }, isUnsigned: true));
    }

    private static T CreateVia<T>(UInt256 value) where T : INumberBase<T> => T.CreateChecked(value);

    private static T ReadBig<T>(byte[] source, bool isUnsigned) where T : IBinaryInteger<T> => T.ReadBigEndian(source, isUnsigned);

    private static T ReadLittle<T>(byte[] source, bool isUnsigned) where T : IBinaryInteger<T> => T.ReadLittleEndian(source, isUnsigned);

    private static int ByteCount<T>(T v) where T : IBinaryInteger<T> => v.GetByteCount();

    private static int ShortestBitLength<T>(T v) where T : IBinaryInteger<T> => v.GetShortestBitLength();

    private static int WriteBig<T>(T v, byte[] destination) where T : IBinaryInteger<T> => v.WriteBigEndian(destination);

    private static int WriteLittle<T>(T v, byte[] destination) where T : IBinaryInteger<T> => v.WriteLittleEndian(destination);

    private static bool TryWriteBig<T>(T v, byte[] destination) where T : IBinaryInteger<T> => v.TryWriteBigEndian(destination, out _);

    private static class Identity<T> where T : IBinaryNumber<T>
    {
        public static T Additive => T.AdditiveIdentity;
        public static T Multiplicative => T.MultiplicativeIdentity;
        public static T AllBits => T.AllBitsSet;
        public static int Radix => T.Radix;
    }

    private static class Predicates<T> where T : INumber<T>
    {
        public static bool IsEven(T v) => T.IsEvenInteger(v);
        public static bool IsOdd(T v) => T.IsOddInteger(v);
        public static bool IsNegative(T v) => T.IsNegative(v);
        public static bool IsPositive(T v) => T.IsPositive(v);
        public static int Sign(T v) => T.Sign(v);
        public static T Clamp(T v, T min, T max) => T.Clamp(v, min, max);
        public static T Abs(T v) => T.Abs(v);
        public static T MaxMagnitude(T x, T y) => T.MaxMagnitude(x, y);
        public static T MinMagnitude(T x, T y) => T.MinMagnitude(x, y);
    }
}
