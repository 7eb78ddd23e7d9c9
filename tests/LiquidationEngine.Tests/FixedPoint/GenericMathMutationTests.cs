using System.Numerics;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>
/// The <see cref="INumberBase{TSelf}"/> predicates and selectors of <see cref="UInt256"/>, each checked against the BCL's own
/// unsigned integer (<see cref="ulong"/>, the reference for "what an unsigned .NET number answers") on values below 2^64,
/// and by hand above it. Found by mutation testing: most of these members were never called.
/// </summary>
public class GenericMathMutationTests
{
    private static readonly ulong[] Samples = [0, 1, 2, 3, 10, 1UL << 63, ulong.MaxValue - 1, ulong.MaxValue];

    private static bool[] Predicates<T>(T v) where T : INumberBase<T> =>
    [
        T.IsCanonical(v), T.IsComplexNumber(v), T.IsEvenInteger(v), T.IsFinite(v), T.IsImaginaryNumber(v), T.IsInfinity(v),
        T.IsInteger(v), T.IsNaN(v), T.IsNegative(v), T.IsNegativeInfinity(v), T.IsNormal(v), T.IsOddInteger(v), T.IsPositive(v),
        T.IsPositiveInfinity(v), T.IsRealNumber(v), T.IsSubnormal(v), T.IsZero(v),
    ];

    private static T[] Selectors<T>(T x, T y) where T : INumber<T> =>
        [T.MaxMagnitude(x, y), T.MaxMagnitudeNumber(x, y), T.MinMagnitude(x, y), T.MinMagnitudeNumber(x, y), T.Max(x, y),
         T.Min(x, y), T.MaxNumber(x, y), T.MinNumber(x, y), T.Clamp(x, T.Min(x, y), T.Max(x, y))];

    private static int Sign<T>(T v) where T : INumber<T> => T.Sign(v);

    [Fact]
    public void PredicatesAnswerAsUInt64Does()
    {
        foreach (ulong v in Samples)
            Assert.Equal(Predicates(v), Predicates((UInt256)v));
    }

    [Fact]
    public void PredicatesAboveTwoPow64()
    {
        // canonical, complex, even, finite, imaginary, infinity, integer, NaN, negative, -inf, normal, odd, positive, +inf, real, subnormal, zero
        bool[] even = [true, false, true, true, false, false, true, false, false, false, true, false, true, false, true, false, false];
        bool[] odd = [true, false, false, true, false, false, true, false, false, false, true, true, true, false, true, false, false];
        Assert.Equal(even, Predicates(From(Pow2(200))));
        Assert.Equal(odd, Predicates(From(Pow2(200) + 1)));
        Assert.Equal(odd, Predicates(UInt256.MaxValue));
        Assert.Equal(1, Sign(From(Pow2(255))));
        Assert.Equal(1, Sign(From(Pow2(64))));
    }

    [Fact]
    public void SelectorsPickAsUInt64Does()
    {
        foreach (ulong x in Samples)
        foreach (ulong y in Samples)
            Assert.Equal(Selectors(x, y).Select(v => (UInt256)v), Selectors((UInt256)x, (UInt256)y));
    }

    [Fact]
    public void SelectorsAboveTwoPow64()
    {
        UInt256 small = From(Pow2(64) + 5), large = From(Pow2(192));
        Assert.Equal([large, large, small, small, large, small, large, small, large], Selectors(large, small));
        Assert.Equal([large, large, small, small, large, small, large, small, small], Selectors(small, large));
    }

    [Fact]
    public void TryWriteLittleEndianNeedsThirtyTwoBytes()
    {
        UInt256 v = From("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        var shortDestination = new byte[31];
        Assert.False(TryWriteLittle(v, shortDestination, out int none));
        Assert.Equal(0, none);
        Assert.All(shortDestination, b => Assert.Equal(0, b));
        var longDestination = new byte[40];
        Assert.True(TryWriteLittle(v, longDestination, out int written));
        Assert.Equal(32, written);
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)(33 - i)).Concat(new byte[8]), longDestination);
        Assert.False(TryWriteBig(v, new byte[31], out int noneBig));
        Assert.Equal(0, noneBig);
    }

    [Fact]
    public void TryReadLittleEndianSignAndLength()
    {
        // A signed little-endian source is negative when its LAST byte has the top bit set.
        Assert.False(TryReadLittle([0x01, 0x80], isUnsigned: false, out UInt256 _));
        Assert.True(TryReadLittle([0x80, 0x01], isUnsigned: false, out UInt256 positive));
        Assert.Equal(From(0x0180), positive);
        Assert.True(TryReadLittle([0x01, 0x80], isUnsigned: true, out UInt256 unsigned));
        Assert.Equal(From(0x8001), unsigned);
        Assert.True(TryReadLittle([0x05, 0x00], isUnsigned: false, out UInt256 five));
        Assert.Equal(From(5), five);
        Assert.True(TryReadLittle([], isUnsigned: false, out UInt256 empty));
        Assert.Equal(UInt256.Zero, empty);
        // Excess HIGH-order bytes (at the end) must be zero; the low ones may be anything.
        byte[] longSource = new byte[40];
        longSource[0] = 0xAB;
        Assert.True(TryReadLittle(longSource, isUnsigned: true, out UInt256 low));
        Assert.Equal(From(0xAB), low);
        longSource[32] = 1;
        Assert.False(TryReadLittle(longSource, isUnsigned: true, out UInt256 _));
        // Exactly 32 bytes with the top byte set is in range when unsigned.
        byte[] full = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        Assert.True(TryReadLittle(full, isUnsigned: true, out UInt256 max));
        Assert.Equal(UInt256.MaxValue, max);
    }

    [Fact]
    public void TryReadBigEndianSignAndLength()
    {
        Assert.False(TryReadBig([0x80, 0x01], isUnsigned: false, out UInt256 _));
        Assert.True(TryReadBig([0x7F, 0x01], isUnsigned: false, out UInt256 positive));
        Assert.Equal(From(0x7F01), positive);
        Assert.True(TryReadBig([], isUnsigned: false, out UInt256 empty));
        Assert.Equal(UInt256.Zero, empty);
        byte[] longSource = new byte[40];
        longSource[39] = 0xCD;
        Assert.True(TryReadBig(longSource, isUnsigned: true, out UInt256 low));
        Assert.Equal(From(0xCD), low);
        longSource[7] = 1;
        Assert.False(TryReadBig(longSource, isUnsigned: true, out UInt256 _));
        byte[] full = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        Assert.True(TryReadBig(full, isUnsigned: true, out UInt256 max));
        Assert.Equal(UInt256.MaxValue, max);
    }

    private static bool TryWriteLittle<T>(T v, byte[] destination, out int written) where T : IBinaryInteger<T> =>
        v.TryWriteLittleEndian(destination, out written);

    private static bool TryWriteBig<T>(T v, byte[] destination, out int written) where T : IBinaryInteger<T> =>
        v.TryWriteBigEndian(destination, out written);

    private static bool TryReadLittle<T>(byte[] source, bool isUnsigned, out T value) where T : IBinaryInteger<T> =>
        T.TryReadLittleEndian(source, isUnsigned, out value);

    private static bool TryReadBig<T>(byte[] source, bool isUnsigned, out T value) where T : IBinaryInteger<T> =>
        T.TryReadBigEndian(source, isUnsigned, out value);
}
