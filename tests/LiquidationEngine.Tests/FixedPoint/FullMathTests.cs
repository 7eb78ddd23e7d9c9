using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.FixedPoint.Expect;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

public class FullMathTests
{
    private const string MaxMinus1 = "115792089237316195423570985008687907853269984665640564039457584007913129639934";
    private const string TwoPow128 = "340282366920938463463374607431768211456";
    private const string TwoPow192Minus1 = "6277101735386680763835789423207666416102355444464034512895";
    private const string TwoPow192Plus1 = "6277101735386680763835789423207666416102355444464034512897";
    private const string TwoPow255 = "57896044618658097711785492504343953926634992332820282019728792003956564819968";

    [Theory]
    //          x, y, d, floor, ceil
    [InlineData("0", "0", "1", "0", "0")]
    [InlineData("3", "5", "2", "7", "8")]
    [InlineData("3", "5", "3", "5", "5")]
    [InlineData("1", "1", "3", "0", "1")]
    [InlineData(Max, Max, Max, Max, Max)] // 512-bit product, exact
    [InlineData(Max, "2", "2", Max, Max)] // product overflows 256 bits, quotient fits
    [InlineData(Max, "2", "3", "77194726158210796949047323339125271902179989777093709359638389338608753093290", "77194726158210796949047323339125271902179989777093709359638389338608753093290")] // 2(2^256-1)/3, exact since 3 | 2^256-1
    [InlineData(TwoPow128, TwoPow128, "2", TwoPow255, TwoPow255)]
    [InlineData(Max, Max, MaxMinus1, Panic11, Panic11)] // (2^256-1)^2 = (2^256-2) * 2^256 + 1: floor = 2^256
    [InlineData(TwoPow128, TwoPow128, "1", Panic11, Panic11)] // high == denominator
    [InlineData(Max, Max, "1", Panic11, Panic11)]
    // (2^192-1)(2^192+1) = 2^384 - 1; / 2^128 = 2^256 - 1 remainder 2^128 - 1: floor fits, the rounding +1 overflows.
    [InlineData(TwoPow192Minus1, TwoPow192Plus1, TwoPow128, Max, Panic11)]
    [InlineData("1", "1", "0", Panic12, Panic12)] // high == 0: Solidity's checked low / 0
    [InlineData("0", "0", "0", Panic12, Panic12)]
    [InlineData(Max, Max, "0", Panic12, Panic12)] // high != 0: Panic.panic(ternary(d == 0, DIVISION_BY_ZERO, UNDER_OVERFLOW))
    public void MulDivMatchesOpenZeppelin(string x, string y, string d, string floor, string ceil)
    {
        Check(floor, () => FullMath.MulDiv(From(x), From(y), From(d), Rounding.Floor));
        Check(floor, () => FullMath.MulDiv(From(x), From(y), From(d), Rounding.Trunc));
        Check(ceil, () => FullMath.MulDiv(From(x), From(y), From(d), Rounding.Ceil));
        Check(ceil, () => FullMath.MulDiv(From(x), From(y), From(d), Rounding.Expand));
        Check(floor, () => FullMath.MulDiv(From(y), From(x), From(d), Rounding.Floor));
    }

    [Fact]
    public void RoundingHasOpenZeppelinsOrder()
    {
        Assert.Equal(0, (int)Rounding.Floor);
        Assert.Equal(1, (int)Rounding.Ceil);
        Assert.Equal(2, (int)Rounding.Trunc);
        Assert.Equal(3, (int)Rounding.Expand);
    }

    [Fact]
    public void UndefinedRoundingIsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FullMath.MulDiv(1UL, 1UL, 1UL, (Rounding)4));
        Assert.Equal("rounding", ex.ParamName);
    }

    [Fact]
    public void MulDivAllocatesNothing()
    {
        UInt256 x = From(Max), y = From(TwoPow255), d = From(MaxMinus1); // 512-bit general path, with a remainder
        FullMath.MulDiv(x, y, d, Rounding.Ceil);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) FullMath.MulDiv(x, y, d, Rounding.Ceil);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
