using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace LiquidationEngine.Tests.Oracles;

public class EwmaVolatilityTests(ITestOutputHelper output)
{
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private static readonly UInt256 Lambda = 940_000_000_000_000_000UL;

    [Fact]
    public void ReturnsAreAbsoluteAndRoundedDown()
    {
        Assert.Equal((UInt256)100_000_000_000_000_000UL, EwmaVolatility.ReturnWad(1_000UL, 1_100UL));
        Assert.Equal((UInt256)100_000_000_000_000_000UL, EwmaVolatility.ReturnWad(1_000UL, 900UL));
        Assert.Equal((UInt256)90_909_090_909_090_909UL, EwmaVolatility.ReturnWad(1_100UL, 1_000UL)); // 1/11 rounded down
        Assert.Equal(UInt256.Zero, EwmaVolatility.ReturnWad(UInt256.Zero, 5UL));
        Assert.Equal((UInt256)1_000_000_000_000_000_000UL, EwmaVolatility.ReturnWad(7UL, UInt256.Zero));
    }

    [Fact]
    public void HugeMovesAreCappedSoNothingOverflows()
    {
        BigInteger cap = Wad * Wad;
        Assert.Equal(cap, U256.ToBig(EwmaVolatility.ReturnWad(1UL, U256.From(Wad + 1))));        // a 1e18-fold rise
        Assert.Equal(cap - Wad, U256.ToBig(EwmaVolatility.ReturnWad(1UL, U256.From(Wad))));      // just below the cap
        Assert.Equal(cap, U256.ToBig(EwmaVolatility.ReturnWad(1UL, UInt256.MaxValue)));
        UInt256 v = EwmaVolatility.Next(UInt256.Zero, 1UL, UInt256.MaxValue, Lambda);
        Assert.Equal(cap * cap / Wad * 60_000_000_000_000_000 / Wad, U256.ToBig(v));            // 0.06 * 1e54
        // again: 0.94 * 6e52 + 0.06 * 1e54 = 1.164e53; the variance never exceeds 1e54, so lambda * v stays far below 2^256
        Assert.Equal(BigInteger.Parse("116400000000000000000000000000000000000000000000000000"), U256.ToBig(EwmaVolatility.Next(v, 1UL, UInt256.MaxValue, Lambda)));
    }

    [Fact]
    public void CalmUpdatesDecayTheVarianceToZero()
    {
        UInt256 v = 15_000_000_000_000_000UL;
        int updates = 0;
        while (!v.IsZero)
        {
            UInt256 next = EwmaVolatility.Next(v, 5_000UL, 5_000UL, Lambda);
            Assert.True(next < v);
            v = next;
            Assert.True(++updates < 2_000);
        }
    }

    [Fact]
    public void LambdaOfOneKeepsAndZeroReplaces()
    {
        UInt256 wad = 1_000_000_000_000_000_000UL;
        Assert.Equal((UInt256)77UL, EwmaVolatility.Next(77UL, 1_000UL, 1_100UL, wad));
        Assert.Equal((UInt256)10_000_000_000_000_000UL, EwmaVolatility.Next(77UL, 1_000UL, 1_100UL, UInt256.Zero));
    }

    [Fact]
    public void MatchesABigIntegerModel()
    {
        var gen =
            from previous in Gen.Choose(1, int.MaxValue)
            from current in Gen.Frequency((3, Gen.Choose(0, int.MaxValue)), (1, Gen.Choose(previous / 2, previous)))
            from scale in Gen.Choose(0, 40)
            from variancePermille in Gen.Choose(0, 1000)
            from lambdaPermille in Gen.Choose(0, 1000)
            select (Previous: new BigInteger(previous) << scale, Current: new BigInteger(current) << scale,
                    Variance: Wad * variancePermille / 1000, Lambda: Wad * lambdaPermille / 1000);
        PropertyCheck.Run(output, "ewma.model", gen, c =>
        {
            BigInteger r = BigInteger.Min(BigInteger.Abs(c.Current - c.Previous) * Wad / c.Previous, Wad * Wad);
            BigInteger expected = (c.Lambda * c.Variance + (Wad - c.Lambda) * (r * r / Wad)) / Wad;
            UInt256 actual = EwmaVolatility.Next(U256.From(c.Variance), U256.From(c.Previous), U256.From(c.Current), U256.From(c.Lambda));
            Assert.Equal(expected, U256.ToBig(actual));
        }, maxTest: 2000);
    }
}
