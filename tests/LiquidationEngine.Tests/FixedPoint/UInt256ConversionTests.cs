using System.Numerics;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

public class UInt256ConversionTests
{
    [Fact]
    public void WideningIsImplicitAndExact()
    {
        UInt256 b = (byte)200, s = (ushort)60000, i = 4000000000u, l = ulong.MaxValue, w = UInt128.MaxValue;
        Assert.Equal(new BigInteger(200), ToBig(b));
        Assert.Equal(new BigInteger(60000), ToBig(s));
        Assert.Equal(new BigInteger(4000000000u), ToBig(i));
        Assert.Equal(Pow2(64) - 1, ToBig(l));
        Assert.Equal(Pow2(128) - 1, ToBig(w));
        UInt256 mixed = new UInt128(0x0123456789abcdef, 0xfedcba9876543210);
        Assert.Equal(Big("0x0123456789abcdeffedcba9876543210"), ToBig(mixed));
    }

    [Fact]
    public void NarrowingThrowsWhenTheValueDoesNotFit()
    {
        Assert.Equal(ulong.MaxValue, (ulong)From(Pow2(64) - 1));
        var ex = Assert.Throws<OverflowException>(() => (ulong)From(Pow2(64)));
        Assert.Contains("18446744073709551616", ex.Message);
        Assert.Equal(UInt128.MaxValue, (UInt128)From(Pow2(128) - 1));
        Assert.Throws<OverflowException>(() => (UInt128)From(Pow2(128)));
        Assert.Throws<OverflowException>(() => (UInt128)UInt256.MaxValue);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void BigIntegerRoundTrip(string literal)
    {
        BigInteger big = Big(literal);
        UInt256 v = (UInt256)big;
        Assert.Equal(big, ToBig(v));
        Assert.Equal(big, v.ToBigInteger());
        Assert.Equal(big, (BigInteger)v);
        Assert.True(UInt256.TryFromBigInteger(big, out var tried));
        Assert.Equal(v, tried);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData("-115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void BigIntegerOutOfRangeThrowsNamingTheValue(string literal)
    {
        BigInteger big = BigInteger.Parse(literal);
        var ex = Assert.Throws<OverflowException>(() => (UInt256)big);
        Assert.Contains(literal, ex.Message);
        Assert.False(UInt256.TryFromBigInteger(big, out _));
    }

    [Fact]
    public void LimbConstructorIsMostSignificantFirst()
    {
        var v = new UInt256(1, 2, 3, 4);
        Assert.Equal((BigInteger.One << 192) + (new BigInteger(2) << 128) + (new BigInteger(3) << 64) + 4, ToBig(v));
    }
}
