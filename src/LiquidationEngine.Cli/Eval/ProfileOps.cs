using LiquidationEngine.FixedPoint;
using LiquidationEngine.Profiles.AaveV3;
using LiquidationEngine.Profiles.MakerLiq2;
using LiquidationEngine.Profiles.MorphoBlue;

namespace LiquidationEngine.Cli.Eval;

/// <summary>
/// The protocol-profile ops of eval (spec/SPEC.md section 5): Aave V3, Morpho Blue, MakerDAO Liquidations 2.0.
/// Arguments that the protocol stores in narrower fields (decimals, bps, uint128) are range-checked as request errors.
/// </summary>
internal static class ProfileOps
{
    private const int ReserveFields = 7;

    public static IEnumerable<EvalOp> All()
    {
        yield return new EvalOp("aaveV3.userAccountData",
            ["n", "collateralBalance", "debtBalance", "price", "decimals", "ltvBps", "liquidationThresholdBps", "usedAsCollateral"],
            "Aave V3 GenericLogic.calculateUserAccountData (v3.0, no eMode)", UserAccountData) { RepeatFrom = 1 };

        yield return new EvalOp("aaveV3.liquidationQuote",
            ["healthFactor", "userTotalDebt", "debtToCover", "collateralBalance", "collateralPrice", "collateralDecimals",
             "debtPrice", "debtDecimals", "liquidationBonusBps", "protocolFeeBps"],
            "Aave V3 LiquidationLogic._calculateDebt + validateLiquidationCall + _calculateAvailableCollateralToLiquidate (v3.0)",
            static a =>
            {
                AaveV3LiquidationQuote q = AaveV3Profile.LiquidationQuote(new AaveV3LiquidationInput
                {
                    HealthFactor = a.UInt256(0), UserTotalDebt = a.UInt256(1), DebtToCover = a.UInt256(2),
                    CollateralBalance = a.UInt256(3), CollateralPrice = a.UInt256(4), CollateralDecimals = Decimals(a, 5),
                    DebtPrice = a.UInt256(6), DebtDecimals = Decimals(a, 7), LiquidationBonusBps = Bps(a, 8), ProtocolFeeBps = Bps(a, 9),
                });
                return Strings(q.ActualDebtToLiquidate, q.CollateralToLiquidator, q.DebtAmountNeeded, q.ProtocolFee);
            });

        yield return new EvalOp("morphoBlue.liquidationIncentiveFactor", ["lltv"],
            "Morpho Blue Morpho.liquidate incentive: min(MAX_LIQUIDATION_INCENTIVE_FACTOR, WAD.wDivDown(WAD - LIQUIDATION_CURSOR.wMulDown(WAD - lltv)))",
            static a => Strings(MorphoBlueProfile.LiquidationIncentiveFactor(a.UInt256(0))));

        yield return new EvalOp("morphoBlue.isHealthy",
            ["collateral", "borrowShares", "totalBorrowAssets", "totalBorrowShares", "collateralPrice", "lltv"],
            "Morpho Blue Morpho._isHealthy(marketParams, id, borrower, collateralPrice)",
            static a =>
            {
                var market = new MorphoBlueMarket { TotalBorrowAssets = Uint128(a, 2), TotalBorrowShares = Uint128(a, 3) };
                var position = new MorphoBluePosition { Collateral = Uint128(a, 0), BorrowShares = Uint128(a, 1) };
                MorphoBlueHealth h = MorphoBlueProfile.Health(market, position, a.UInt256(4), a.UInt256(5));
                return Strings(Flag(h.IsHealthy), h.Borrowed, h.MaxBorrow);
            });

        yield return new EvalOp("morphoBlue.liquidate",
            ["totalSupplyAssets", "totalBorrowAssets", "totalBorrowShares", "collateral", "borrowShares", "collateralPrice", "lltv",
             "seizedAssets", "repaidShares"],
            "Morpho Blue Morpho.liquidate amounts and state changes (after _accrueInterest)",
            static a =>
            {
                var market = new MorphoBlueMarket { TotalSupplyAssets = Uint128(a, 0), TotalBorrowAssets = Uint128(a, 1), TotalBorrowShares = Uint128(a, 2) };
                var position = new MorphoBluePosition { Collateral = Uint128(a, 3), BorrowShares = Uint128(a, 4) };
                MorphoBlueLiquidation l = MorphoBlueProfile.Liquidate(market, position, a.UInt256(5), a.UInt256(6), a.UInt256(7), a.UInt256(8));
                return Strings(l.SeizedAssets, l.RepaidAssets, l.RepaidShares, l.BadDebtAssets, l.BadDebtShares,
                    l.Market.TotalSupplyAssets, l.Market.TotalBorrowAssets, l.Market.TotalBorrowShares, l.Position.Collateral, l.Position.BorrowShares);
            });

        yield return new EvalOp("makerLiq2.bark",
            ["ink", "art", "rate", "spot", "dust", "chop", "Hole", "Dirt", "ilkHole", "ilkDirt", "tip", "chip"],
            "MakerDAO dss Dog.bark + Clipper.kick amounts (our twin: dss is not on npm)",
            static a =>
            {
                MakerBarkResult r = MakerDog.Bark(new MakerBarkInput
                {
                    Ink = a.UInt256(0), Art = a.UInt256(1), Rate = a.UInt256(2), Spot = a.UInt256(3), Dust = a.UInt256(4), Chop = a.UInt256(5),
                    GlobalHole = a.UInt256(6), GlobalDirt = a.UInt256(7), IlkHole = a.UInt256(8), IlkDirt = a.UInt256(9),
                    Tip = a.UInt256(10), Chip = a.UInt256(11),
                });
                return Strings(r.Dink, r.Dart, r.Due, r.Tab, r.Coin, r.GlobalDirt, r.IlkDirt);
            });

        yield return new EvalOp("makerLiq2.linearDecrease", ["top", "dur", "tau"],
            "MakerDAO dss abaci LinearDecrease.price (our twin)",
            static a => Strings(MakerAbaci.LinearDecrease(a.UInt256(0), a.UInt256(1), a.UInt256(2))));

        yield return new EvalOp("makerLiq2.stairstepExponentialDecrease", ["top", "dur", "cut", "step"],
            "MakerDAO dss abaci StairstepExponentialDecrease.price (our twin)",
            static a => Strings(MakerAbaci.StairstepExponentialDecrease(a.UInt256(0), a.UInt256(1), a.UInt256(2), a.UInt256(3))));

        yield return new EvalOp("makerLiq2.exponentialDecrease", ["top", "dur", "cut"],
            "MakerDAO dss abaci ExponentialDecrease.price (our twin)",
            static a => Strings(MakerAbaci.ExponentialDecrease(a.UInt256(0), a.UInt256(1), a.UInt256(2))));

        yield return new EvalOp("makerLiq2.take",
            ["tab", "lot", "top", "price", "dur", "tail", "cusp", "amt", "max", "chost"],
            "MakerDAO dss Clipper.take amounts incl. status (our twin)",
            static a =>
            {
                MakerTakeResult r = MakerClipper.Take(new MakerTakeInput
                {
                    Tab = a.UInt256(0), Lot = a.UInt256(1), Top = a.UInt256(2), Price = a.UInt256(3), Dur = a.UInt256(4),
                    Tail = a.UInt256(5), Cusp = a.UInt256(6), Amount = a.UInt256(7), MaxPrice = a.UInt256(8), Chost = a.UInt256(9),
                });
                return Strings(r.Slice, r.Owe, r.Tab, r.Lot, r.DirtReleased);
            });

        yield return new EvalOp("makerLiq2.chost", ["dust", "chop"],
            "MakerDAO dss Clipper.upchost: wmul(dust, chop) (our twin)",
            static a => Strings(MakerClipper.Chost(a.UInt256(0), a.UInt256(1))));
    }

    private static string[] UserAccountData(EvalArgs a)
    {
        UInt256 n = a.UInt256(0);
        int reserves = (a.Count - 1) / ReserveFields;
        if (n != (ulong)reserves)
            throw new EvalRequestException($"{a.Label(0)} = {n} but {reserves} reserve(s) of {ReserveFields} values follow ({a.Count} args in all).");
        Span<AaveV3Reserve> span = reserves <= 16 ? stackalloc AaveV3Reserve[reserves] : new AaveV3Reserve[reserves];
        for (int r = 0; r < reserves; r++)
        {
            int i = 1 + r * ReserveFields;
            span[r] = new AaveV3Reserve
            {
                CollateralBalance = a.UInt256(i), DebtBalance = a.UInt256(i + 1), Price = a.UInt256(i + 2), Decimals = Decimals(a, i + 3),
                LtvBps = Bps(a, i + 4), LiquidationThresholdBps = Bps(a, i + 5), UsedAsCollateral = Bool(a, i + 6),
            };
        }
        AaveV3AccountData d = AaveV3Profile.UserAccountData(span);
        return Strings(d.TotalCollateralBase, d.TotalDebtBase, d.AvgLtvBps, d.AvgLiquidationThresholdBps, d.HealthFactor, Flag(d.HasZeroLtvCollateral));
    }

    private static byte Decimals(EvalArgs a, int i) =>
        (byte)(ulong)Bounded(a, i, byte.MaxValue, "token decimals are 0 to 255 (Aave stores them in 8 bits)");

    private static ushort Bps(EvalArgs a, int i) =>
        (ushort)(ulong)Bounded(a, i, ushort.MaxValue, "basis points are 0 to 65535 (Aave stores them in 16 bits)");

    private static UInt128 Uint128(EvalArgs a, int i) =>
        (UInt128)Bounded(a, i, UInt128.MaxValue, "Morpho Blue stores it as uint128 (at most 2^128-1)");

    private static bool Bool(EvalArgs a, int i) => a.String(i) switch
    {
        "0" => false,
        "1" => true,
        string s => throw new EvalRequestException($"{a.Label(i)} = \"{s}\" is not a flag; use \"0\" or \"1\"."),
    };

    private static UInt256 Bounded(EvalArgs a, int i, UInt256 max, string why)
    {
        UInt256 value = a.UInt256(i);
        if (value > max)
            throw new EvalRequestException($"{a.Label(i)} = {value} is out of range: {why}.");
        return value;
    }

    private static UInt256 Flag(bool value) => value ? UInt256.One : UInt256.Zero;

    private static string[] Strings(params ReadOnlySpan<UInt256> values)
    {
        var result = new string[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i].ToString();
        return result;
    }
}
