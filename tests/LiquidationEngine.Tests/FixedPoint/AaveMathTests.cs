using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.FixedPoint.Expect;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>Hand-computed cases for the Aave V3 WadRayMath and PercentageMath twins; their reverts carry empty data.</summary>
public class AaveMathTests
{
    private const string Wad = "1000000000000000000";
    private const string Ray = "1000000000000000000000000000";
    private const string MaxDivWad = "115792089237316195423570985008687907853269984665640564039457"; // floor(max / 1e18) = floor((max - 0.5e18) / 1e18)
    private const string MaxDivWadPlus1 = "115792089237316195423570985008687907853269984665640564039458";
    private const string MaxDivRay = "115792089237316195423570985008687907853269984665640"; // floor(max / 1e27) = floor((max - 0.5e27) / 1e27)
    private const string MaxDivRayPlus1 = "115792089237316195423570985008687907853269984665641";
    private const string MaxDivRatio = "115792089237316195423570985008687907853269984665640564039457584007913"; // floor(max / 1e9); max % 1e9 = 129639935

    [Fact]
    public void Constants()
    {
        Assert.Equal(Big(Wad), ToBig(WadRayMath.Wad));
        Assert.Equal(Big("500000000000000000"), ToBig(WadRayMath.HalfWad));
        Assert.Equal(Big(Ray), ToBig(WadRayMath.Ray));
        Assert.Equal(Big("500000000000000000000000000"), ToBig(WadRayMath.HalfRay));
        Assert.Equal(Big("1000000000"), ToBig(WadRayMath.WadRayRatio));
        Assert.Equal(Big("10000"), ToBig(PercentageMath.PercentageFactor));
        Assert.Equal(Big("5000"), ToBig(PercentageMath.HalfPercentageFactor));
    }

    [Theory]
    [InlineData("0", "0", "0")]
    [InlineData(Wad, Wad, Wad)]
    [InlineData("1500000000000000000", "2000000000000000000", "3000000000000000000")]
    [InlineData("1", "500000000000000000", "1")] // 0.5 rounds up
    [InlineData("1", "499999999999999999", "0")]
    [InlineData(Max, "0", "0")] // b == 0 never reverts: (0 + HALF_WAD) / WAD
    [InlineData("0", Max, "0")]
    [InlineData(MaxDivWad, Wad, MaxDivWad)] // a == (max - HALF_WAD) / WAD: the largest allowed
    [InlineData(MaxDivWadPlus1, Wad, Empty)]
    [InlineData("115792089237316195423570985008687907853269984665640564039457084007913129639935", "1", "115792089237316195423570985008687907853269984665640564039457")] // a = max - HALF_WAD, b = 1
    [InlineData("115792089237316195423570985008687907853269984665640564039457084007913129639936", "1", Empty)]
    [InlineData(Max, Max, Empty)]
    public void WadMul(string a, string b, string expected) => Check(expected, () => WadRayMath.WadMul(From(a), From(b)));

    [Theory]
    [InlineData("0", "1", "0")]
    [InlineData("1", "3", "333333333333333333")] // (1e18 + 1) / 3
    [InlineData("2", "3", "666666666666666667")] // (2e18 + 1) / 3: rounds half up
    [InlineData(Wad, Wad, Wad)]
    [InlineData(MaxDivWad, "1", "115792089237316195423570985008687907853269984665640564039457000000000000000000")]
    [InlineData(MaxDivWadPlus1, "1", Empty)]
    [InlineData("1", "0", Empty)]
    [InlineData("0", "0", Empty)]
    [InlineData(Max, Max, Empty)] // (max - max/2) / WAD < max
    public void WadDiv(string a, string b, string expected) => Check(expected, () => WadRayMath.WadDiv(From(a), From(b)));

    [Theory]
    [InlineData(Ray, Ray, Ray)]
    [InlineData("2", "500000000000000000000000000", "1")] // (1e27 + 0.5e27) / 1e27
    [InlineData("1", "499999999999999999999999999", "0")]
    [InlineData(Max, "0", "0")]
    [InlineData(MaxDivRay, Ray, MaxDivRay)]
    [InlineData(MaxDivRayPlus1, Ray, Empty)]
    public void RayMul(string a, string b, string expected) => Check(expected, () => WadRayMath.RayMul(From(a), From(b)));

    [Theory]
    [InlineData(Ray, Ray, Ray)]
    [InlineData("1", "3", "333333333333333333333333333")]
    [InlineData("2", "3", "666666666666666666666666667")]
    [InlineData(MaxDivRay, "1", "115792089237316195423570985008687907853269984665640000000000000000000000000000")]
    [InlineData(MaxDivRayPlus1, "1", Empty)]
    [InlineData("5", "0", Empty)]
    public void RayDiv(string a, string b, string expected) => Check(expected, () => WadRayMath.RayDiv(From(a), From(b)));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("499999999", "0")]
    [InlineData("500000000", "1")] // remainder == WAD_RAY_RATIO / 2 rounds up
    [InlineData("1499999999", "1")]
    [InlineData("1500000000", "2")]
    [InlineData(Ray, Wad)]
    [InlineData(Max, MaxDivRatio)] // remainder 129639935 < 5e8: no rounding, and never a revert
    public void RayToWad(string a, string expected) => Check(expected, () => WadRayMath.RayToWad(From(a)));

    [Theory]
    [InlineData("0", "0")]
    [InlineData(Wad, Ray)]
    [InlineData(MaxDivRatio, "115792089237316195423570985008687907853269984665640564039457584007913000000000")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007914", Empty)]
    [InlineData(Max, Empty)]
    public void WadToRay(string a, string expected) => Check(expected, () => WadRayMath.WadToRay(From(a)));

    [Theory]
    [InlineData("10000", "5000", "5000")]
    [InlineData("1", "5000", "1")] // (5000 + 5000) / 1e4
    [InlineData("1", "4999", "0")]
    [InlineData("123456789", "10000", "123456789")]
    [InlineData(Max, "0", "0")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129634935", "1", "11579208923731619542357098500868790785326998466564056403945758400791312963")] // max - 5000
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129634936", "1", Empty)]
    [InlineData(Max, "10000", Empty)]
    public void PercentMul(string value, string percentage, string expected) =>
        Check(expected, () => PercentageMath.PercentMul(From(value), From(percentage)));

    [Theory]
    [InlineData("5000", "5000", "10000")]
    [InlineData("1", "3", "3333")] // (1e4 + 1) / 3
    [InlineData("2", "3", "6667")] // (2e4 + 1) / 3
    [InlineData("11579208923731619542357098500868790785326998466564056403945758400791312963", "1", "115792089237316195423570985008687907853269984665640564039457584007913129630000")]
    [InlineData("11579208923731619542357098500868790785326998466564056403945758400791312964", "1", Empty)]
    [InlineData("1", "0", Empty)]
    [InlineData("0", "0", Empty)]
    public void PercentDiv(string value, string percentage, string expected) =>
        Check(expected, () => PercentageMath.PercentDiv(From(value), From(percentage)));
}
