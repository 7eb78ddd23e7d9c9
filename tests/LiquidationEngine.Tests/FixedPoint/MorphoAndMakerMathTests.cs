using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.FixedPoint.Expect;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

public class MorphoAndMakerMathTests
{
    private const string TwoPow128 = "340282366920938463463374607431768211456";

    [Theory]
    //          x, y, d, down, up
    [InlineData("10", "3", "4", "7", "8")]
    [InlineData("12", "1", "4", "3", "3")]
    [InlineData("0", "0", "1", "0", "0")]
    [InlineData(Max, "1", "1", Max, Max)]
    [InlineData(Max, "1", "2", "57896044618658097711785492504343953926634992332820282019728792003956564819967", Panic11)] // up: max + 1 overflows although the quotient fits
    [InlineData(TwoPow128, TwoPow128, TwoPow128, Panic11, Panic11)] // checked x * y: no 512-bit intermediate
    [InlineData("1", "1", "0", Panic12, Panic11)] // up: d - 1 underflows before the division
    [InlineData("0", "0", "0", Panic12, Panic11)]
    [InlineData(Max, "2", "0", Panic11, Panic11)] // x * y overflows before the division by zero
    public void MulDiv(string x, string y, string d, string down, string up)
    {
        Check(down, () => MorphoMathLib.MulDivDown(From(x), From(y), From(d)));
        Check(up, () => MorphoMathLib.MulDivUp(From(x), From(y), From(d)));
    }

    [Theory]
    [InlineData("2000000000000000000", "3000000000000000000", "6000000000000000000")]
    [InlineData("1", "999999999999999999", "0")] // rounds down
    [InlineData(TwoPow128, TwoPow128, Panic11)]
    public void WMulDown(string x, string y, string expected) => Check(expected, () => MorphoMathLib.WMulDown(From(x), From(y)));

    [Theory]
    //          x, y, down, up
    [InlineData("1", "3", "333333333333333333", "333333333333333334")]
    [InlineData("3", "3", "1000000000000000000", "1000000000000000000")]
    [InlineData("0", "0", Panic12, Panic11)]
    [InlineData("1", "0", Panic12, Panic11)]
    [InlineData(Max, "0", Panic11, Panic11)] // x * WAD overflows first
    [InlineData("115792089237316195423570985008687907853269984665640564039457", "1", "115792089237316195423570985008687907853269984665640564039457000000000000000000", "115792089237316195423570985008687907853269984665640564039457000000000000000000")]
    [InlineData("115792089237316195423570985008687907853269984665640564039458", "1", Panic11, Panic11)]
    public void WDiv(string x, string y, string down, string up)
    {
        Check(down, () => MorphoMathLib.WDivDown(From(x), From(y)));
        Check(up, () => MorphoMathLib.WDivUp(From(x), From(y)));
    }

    [Fact]
    public void MorphoWad() => Assert.Equal(Big("1000000000000000000"), ToBig(MorphoMathLib.Wad));

    [Theory]
    [InlineData("0", "0", "1000", "1000")] // x == 0, n == 0: b
    [InlineData("0", "5", "1000", "0")]
    [InlineData("7", "0", "1000", "1000")]
    [InlineData("210", "2", "100", "441")] // 2.1^2 = 4.41 (dss doc example)
    [InlineData("1100", "3", "1000", "1331")] // 1.1^3
    [InlineData("5", "3", "10", "2")] // 0.5^3 = 0.125, but each step rounds half up: 0.5 * 0.3 = 0.15 -> 0.2
    [InlineData("500", "3", "1000", "125")]
    [InlineData("2", "10", "1", "1024")]
    [InlineData("2", "255", "1", "57896044618658097711785492504343953926634992332820282019728792003956564819968")]
    [InlineData("2", "256", "1", Empty)] // squaring 2^128 wraps
    [InlineData(Max, "1", "1000", Max)] // no loop iteration
    [InlineData("1000000000000000000000000000", "1000000", "1000000000000000000000000000", "1000000000000000000000000000")]
    [InlineData("3", "2", "0", "0")] // b == 0: div by 0 is 0 in assembly, no revert
    [InlineData("3", "3", "0", "0")]
    [InlineData("3", "1", "0", "3")]
    [InlineData("170141183460469231731687303715884105728", "2", "1", "28948022309329048855892746252171976963317496166410141009864396001978282409984")] // (2^127)^2 = 2^254
    [InlineData("170141183460469231731687303715884105728", "3", "1", Empty)] // z * x = 2^381 wraps
    [InlineData("340282366920938463463374607431768211455", "2", "2722258935367507707706996859454145691648", Empty)] // x*x + b/2 wraps (b = 2^131)
    [InlineData("0xfffffffffffffffff000000000000000", "2", "0x333333333333333331999999999999999999999999999999", Empty)] // z*x + b/2 wraps (x*x + b/2 does not)
    public void Rpow(string x, string n, string b, string expected) =>
        Check(expected, () => MakerMath.Rpow(From(x), From(n), From(b)));
}
