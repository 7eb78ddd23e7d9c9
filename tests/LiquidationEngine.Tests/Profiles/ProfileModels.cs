using System.Numerics;
using LiquidationEngine.Tests.FixedPoint;
using LiquidationEngine.Tests.Support;
using static LiquidationEngine.Tests.FixedPoint.ReferenceModel;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>
/// Independent <see cref="BigInteger"/> models of the profile eval ops, transcribed from the protocols' Solidity (Aave
/// v3.0 LiquidationLogic/GenericLogic, Morpho.sol, dss dog/clip/abaci as compiled by Solidity 0.6.12) on top of
/// <see cref="ReferenceModel"/>, with the eval op's argument and result order. A revert is a thrown <see cref="ModelRevert"/>.
/// </summary>
internal static class ProfileModels
{
    private static readonly BigInteger Modulus = BigInteger.One << 256, Max = Modulus - 1;
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18), Ray = BigInteger.Pow(10, 27), Scale = BigInteger.Pow(10, 36);
    private static readonly BigInteger Uint128Max = (BigInteger.One << 128) - 1;

    private static ModelRevert Error(string reason) => new(ProfileAssert.ErrorHex(reason));

    // ---- Aave V3 ----

    public static BigInteger[] AaveUserAccountData(BigInteger[] a)
    {
        BigInteger tc = 0, td = 0, ltvSum = 0, ltSum = 0;
        bool zeroLtv = false;
        for (int i = 1; i < a.Length; i += 7)
        {
            BigInteger coll = a[i], debt = a[i + 1], price = a[i + 2], ltv = a[i + 4], lt = a[i + 5];
            BigInteger unit = BigInteger.ModPow(10, a[i + 3], Modulus);
            if (lt != 0 && a[i + 6] == 1)
            {
                BigInteger v = Sol.Div(Sol.Mul(coll, price), unit);
                tc = Sol.Add(tc, v);
                if (ltv != 0) ltvSum = Sol.Add(ltvSum, Sol.Mul(v, ltv));
                else zeroLtv = true;
                ltSum = Sol.Add(ltSum, Sol.Mul(v, lt));
            }
            td = Sol.Add(td, Sol.Div(Sol.Mul(price, debt), unit));
        }
        BigInteger avgLtv = tc == 0 ? 0 : ltvSum / tc, avgLt = tc == 0 ? 0 : ltSum / tc;
        BigInteger hf = td == 0 ? Max : WadDiv(PercentMul(tc, avgLt), td);
        return [tc, td, avgLtv, avgLt, hf, zeroLtv ? 1 : 0];
    }

    public static BigInteger[] AaveLiquidationQuote(BigInteger[] a)
    {
        BigInteger hf = a[0], totalDebt = a[1], toCover = a[2], balance = a[3], cPrice = a[4], dPrice = a[6], bonus = a[8], fee = a[9];
        BigInteger cUnit = BigInteger.ModPow(10, a[5], Modulus), dUnit = BigInteger.ModPow(10, a[7], Modulus);
        BigInteger maxDebt = PercentMul(totalDebt, hf > 950_000_000_000_000_000 ? 5000 : 10000);
        BigInteger actual = toCover > maxDebt ? maxDebt : toCover;
        if (hf >= Wad) throw Error("45");
        if (totalDebt == 0) throw Error("47");
        BigInteger baseCollateral = Sol.Div(Sol.Mul(Sol.Mul(dPrice, actual), cUnit), Sol.Mul(cPrice, dUnit));
        BigInteger maxCollateral = PercentMul(baseCollateral, bonus);
        BigInteger collateral = maxCollateral, needed = actual;
        if (maxCollateral > balance)
        {
            collateral = balance;
            needed = PercentDiv(Sol.Div(Sol.Mul(Sol.Mul(cPrice, collateral), dUnit), Sol.Mul(dPrice, cUnit)), bonus);
        }
        BigInteger protocolFee = 0;
        if (fee != 0) protocolFee = PercentMul(Sol.Sub(collateral, PercentDiv(collateral, bonus)), fee);
        return [actual, Sol.Sub(collateral, protocolFee), needed, protocolFee];
    }

    // ---- Morpho Blue ----

    public static BigInteger[] MorphoIncentive(BigInteger[] a) => [Incentive(a[0])];

    private static BigInteger Incentive(BigInteger lltv) =>
        BigInteger.Min(1_150_000_000_000_000_000, WDivDown(Wad, Sol.Sub(Wad, WMulDown(300_000_000_000_000_000, Sol.Sub(Wad, lltv)))));

    private static BigInteger ToAssetsUp(BigInteger s, BigInteger ta, BigInteger ts) => MulDivUp(s, Sol.Add(ta, 1), Sol.Add(ts, 1_000_000));
    private static BigInteger ToAssetsDown(BigInteger s, BigInteger ta, BigInteger ts) => MulDivDown(s, Sol.Add(ta, 1), Sol.Add(ts, 1_000_000));
    private static BigInteger ToSharesUp(BigInteger x, BigInteger ta, BigInteger ts) => MulDivUp(x, Sol.Add(ts, 1_000_000), Sol.Add(ta, 1));

    /// <summary>args: collateral, borrowShares, totalBorrowAssets, totalBorrowShares, price, lltv.</summary>
    public static BigInteger[] MorphoIsHealthy(BigInteger[] a)
    {
        BigInteger borrowed = ToAssetsUp(a[1], a[2], a[3]);
        BigInteger maxBorrow = WMulDown(MulDivDown(a[0], a[4], Scale), a[5]);
        return [maxBorrow >= borrowed ? 1 : 0, borrowed, maxBorrow];
    }

    /// <summary>args: totalSupplyAssets, totalBorrowAssets, totalBorrowShares, collateral, borrowShares, price, lltv, seized, repaidShares.</summary>
    public static BigInteger[] MorphoLiquidate(BigInteger[] a)
    {
        BigInteger tsa = a[0], tba = a[1], tbs = a[2], coll = a[3], shares = a[4], price = a[5], lltv = a[6], seized = a[7], repaid = a[8];
        if ((seized == 0) == (repaid == 0)) throw Error("inconsistent input");
        if (MorphoIsHealthy([coll, shares, tba, tbs, price, lltv])[0] == 1) throw Error("position is healthy");
        BigInteger lif = Incentive(lltv);
        if (seized > 0) repaid = ToSharesUp(WDivUp(MulDivUp(seized, price, Scale), lif), tba, tbs);
        else seized = MulDivDown(WMulDown(ToAssetsDown(repaid, tba, tbs), lif), Scale, price);
        BigInteger repaidAssets = ToAssetsUp(repaid, tba, tbs);

        shares = Sub128(shares, ToUint128(repaid));
        BigInteger newTbs = Sub128(tbs, ToUint128(repaid));
        BigInteger newTba = tba > repaidAssets ? tba - repaidAssets : 0;
        coll = Sub128(coll, ToUint128(seized));
        BigInteger badAssets = 0, badShares = 0;
        if (coll == 0)
        {
            badShares = shares;
            badAssets = BigInteger.Min(newTba, ToAssetsUp(badShares, newTba, newTbs));
            newTba = Sub128(newTba, badAssets);
            tsa = Sub128(tsa, badAssets);
            newTbs = Sub128(newTbs, badShares);
            shares = 0;
        }
        return [seized, repaidAssets, repaid, badAssets, badShares, tsa, newTba, newTbs, coll, shares];
    }

    private static BigInteger ToUint128(BigInteger x) => x > Uint128Max ? throw Error("max uint128 exceeded") : x;

    private static BigInteger Sub128(BigInteger x, BigInteger y) => y > x ? throw ModelRevert.Overflow() : x - y;

    // ---- MakerDAO Liquidations 2.0 (Solidity 0.6.12: require() guards and INVALID on division by zero, all empty data) ----

    private static BigInteger DssMul(BigInteger x, BigInteger y) => x * y > Max ? throw ModelRevert.Empty() : x * y;
    private static BigInteger DssAdd(BigInteger x, BigInteger y) => x + y > Max ? throw ModelRevert.Empty() : x + y;
    private static BigInteger DssDiv(BigInteger x, BigInteger y) => y == 0 ? throw ModelRevert.Empty() : x / y;

    /// <summary>args: ink, art, rate, spot, dust, chop, Hole, Dirt, hole, dirt, tip, chip.</summary>
    public static BigInteger[] MakerBark(BigInteger[] a)
    {
        BigInteger ink = a[0], art = a[1], rate = a[2], spot = a[3], dust = a[4], chop = a[5];
        BigInteger hole = a[6], dirt = a[7], ilkHole = a[8], ilkDirt = a[9], tip = a[10], chip = a[11];
        if (!(spot > 0 && DssMul(ink, spot) < DssMul(art, rate))) throw Error("Dog/not-unsafe");
        if (!(hole > dirt && ilkHole > ilkDirt)) throw Error("Dog/liquidation-limit-hit");
        BigInteger room = BigInteger.Min(hole - dirt, ilkHole - ilkDirt);
        BigInteger dart = BigInteger.Min(art, DssDiv(DssDiv(DssMul(room, Wad), rate), chop));
        if (art > dart)
        {
            if (DssMul(art - dart, rate) < dust) dart = art;
            else if (DssMul(dart, rate) < dust) throw Error("Dog/dusty-auction-from-partial-liquidation");
        }
        BigInteger dink = DssMul(ink, dart) / art;
        if (dink == 0) throw Error("Dog/null-auction");
        if (dart > BigInteger.One << 255 || dink > BigInteger.One << 255) throw Error("Dog/overflow");
        BigInteger due = DssMul(dart, rate);
        BigInteger tab = DssMul(due, chop) / Wad;
        BigInteger newDirt = DssAdd(dirt, tab), newIlkDirt = DssAdd(ilkDirt, tab);
        if (tab == 0) throw Error("Clipper/zero-tab");
        BigInteger coin = tip > 0 || chip > 0 ? DssAdd(tip, DssMul(tab, chip) / Wad) : 0;
        return [dink, dart, due, tab, coin, newDirt, newIlkDirt];
    }

    public static BigInteger[] MakerLinear(BigInteger[] a) =>
        [a[1] >= a[2] ? 0 : DssMul(a[0], DssMul(a[2] - a[1], Ray) / a[2]) / Ray];

    public static BigInteger[] MakerStairstep(BigInteger[] a) => [DssMul(a[0], Rpow(a[2], DssDiv(a[1], a[3]), Ray)) / Ray];

    public static BigInteger[] MakerExponential(BigInteger[] a) => [DssMul(a[0], Rpow(a[2], a[1], Ray)) / Ray];

    public static BigInteger[] MakerChost(BigInteger[] a) => [DssMul(a[0], a[1]) / Wad];

    /// <summary>args: tab, lot, top, price, dur, tail, cusp, amt, max, chost.</summary>
    public static BigInteger[] MakerTake(BigInteger[] a)
    {
        BigInteger tab = a[0], lot = a[1], top = a[2], price = a[3], dur = a[4], tail = a[5], cusp = a[6], amt = a[7], max = a[8], chost = a[9];
        if (dur > tail || DssDiv(DssMul(price, Ray), top) < cusp) throw Error("Clipper/needs-reset");
        if (max < price) throw Error("Clipper/too-expensive");
        BigInteger slice = BigInteger.Min(lot, amt), owe = DssMul(slice, price);
        if (owe > tab)
        {
            owe = tab;
            slice = DssDiv(owe, price);
        }
        else if (owe < tab && slice < lot && tab - owe < chost)
        {
            if (tab <= chost) throw Error("Clipper/no-partial-purchase");
            owe = tab - chost;
            slice = DssDiv(owe, price);
        }
        BigInteger tabLeft = tab - owe, lotLeft = lot - slice;
        return [slice, owe, tabLeft, lotLeft, lotLeft == 0 ? tabLeft + owe : owe];
    }
}
