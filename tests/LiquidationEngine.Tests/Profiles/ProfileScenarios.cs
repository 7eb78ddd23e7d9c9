using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Tests.Support;
using static LiquidationEngine.Tests.Profiles.ProfileGen;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>
/// Consistent protocol states that are liquidatable (or nearly), so the property tests spend most cases on the success
/// paths and their rounding rather than on the first revert; the arguments follow each eval op's order.
/// </summary>
internal static class ProfileScenarios
{
    private static Gen<BigInteger> Percent(int lo, int hi) => Gen.Choose(lo, hi).Select(i => new BigInteger(i));

    /// <summary>morphoBlue.liquidate state (no amounts): a position whose capacity is 50-105% of its debt.</summary>
    public static readonly Gen<BigInteger[]> MorphoUnhealthy =
        from tba in Scaled(6, 30)
        from sharePremium in Percent(100, 120)
        from supplyPremium in Percent(100, 150)
        from positionShare in Percent(1, 100)
        from collateral in Scaled(6, 30)
        from lltv in Lltv.Where(l => l > 0 && l < Wad)
        from health in Percent(50, 105)
        let tbs = WordGen.Clip(tba * 1_000_000 * sharePremium / 100)
        let shares = tbs * positionShare / 100
        let borrowed = shares * (tba + 1) / (tbs + 1_000_000) + 1
        let price = WordGen.Clip(borrowed * BigInteger.Pow(10, 36) / collateral * Wad / lltv * health / 100)
        select new[] { BigInteger.Min(Uint128Max, tba * supplyPremium / 100), tba, BigInteger.Min(Uint128Max, tbs), collateral, BigInteger.Min(Uint128Max, shares), price, lltv }
            .Select(v => v).ToArray();

    /// <summary>makerLiq2.bark args: a vault at 50-110% of its liquidation price, with room that is sometimes short.</summary>
    public static readonly Gen<BigInteger[]> MakerVault =
        from rate in Gen.Choose(0, 5000).Select(i => Ray + i * BigInteger.Pow(10, 23))
        from spot in Scaled(26, 30)
        from art in Scaled(18, 25)
        from collateralisation in Percent(50, 110)
        from dust in Gen.Frequency((1, Gen.Constant(BigInteger.Zero)), (3, Scaled(45, 49)))
        from chop in Gen.Choose(1000, 1500).Select(i => i * BigInteger.Pow(10, 15))
        from hole in Gen.Frequency((3, Scaled(50, 55)), (2, Scaled(45, 50)))
        from dirt in Gen.Frequency((3, Gen.Constant(BigInteger.Zero)), (1, Scaled(44, 49)))
        from ilkHole in Gen.Frequency((3, Scaled(50, 55)), (2, Scaled(45, 50)))
        from ilkDirt in Gen.Frequency((3, Gen.Constant(BigInteger.Zero)), (1, Scaled(44, 49)))
        from tip in Gen.Frequency((1, Gen.Constant(BigInteger.Zero)), (2, Scaled(45, 48)))
        from chip in Gen.Frequency((1, Gen.Constant(BigInteger.Zero)), (2, Scaled(12, 16)))
        let ink = art * rate / spot * collateralisation / 100
        select new[] { ink, art, rate, spot, dust, chop, hole, dirt, ilkHole, ilkDirt, tip, chip };

    /// <summary>makerLiq2.take args: a running auction with a price 30-100% of top, buyers asking for part or all.</summary>
    public static readonly Gen<BigInteger[]> MakerAuction =
        from tab in Scaled(45, 50)
        from lot in Scaled(17, 22)
        from top in Scaled(27, 31)
        from drop in Percent(30, 100)
        from dur in Gen.Choose(0, 8000).Select(i => new BigInteger(i))
        from tail in Gen.Choose(3600, 7200).Select(i => new BigInteger(i))
        from cusp in Gen.Choose(20, 60).Select(i => i * Ray / 100)
        from share in Percent(1, 150)
        from maxPremium in Percent(95, 200)
        from chost in Gen.Frequency((1, Gen.Constant(BigInteger.Zero)), (3, Scaled(44, 48)))
        let price = top * drop / 100
        select new[] { tab, lot, top, price, dur, tail, cusp, lot * share / 100, price * maxPremium / 100, chost };
}
