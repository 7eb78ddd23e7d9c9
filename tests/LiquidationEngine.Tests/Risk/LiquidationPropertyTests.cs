using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Tests.Engine;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Risk.BigModel;

namespace LiquidationEngine.Tests.Risk;

/// <summary>
/// Liquidation properties on random markets and accounts (random decimals, prices, risk parameters, indexes,
/// policies, crash depths and liquidation sizes), checked against the BigInteger model.
/// </summary>
public class LiquidationPropertyTests(ITestOutputHelper output)
{
    private static readonly Address DebtToken = Kit.Addr(0xD0), CollateralToken = Kit.Addr(0xC0), OtherToken = Kit.Addr(0x0E);
    private static readonly Address Lender = Kit.Addr(0x1E), Borrower = Kit.Addr(0xB0), Liquidator = Kit.Addr(0x11);

    internal sealed record Scenario(
        byte DebtDecimals, byte CollateralDecimals, BigInteger DebtPrice, BigInteger CollateralPrice,
        uint Lt, uint Ltv, uint Bonus, uint Fee, BigInteger SupplyIndex, BigInteger BorrowIndex,
        BigInteger Collateral, BigInteger OtherCollateral, int BorrowPermille, int CrashPermille,
        int CloseFactorKind, bool VariableBonus, BigInteger Dust, int CoverPermille);

    private static readonly Gen<Scenario> Scenarios =
        from decimals in Gen.Two(Gen.Elements<byte>(0, 6, 8, 18, 24))
        from debtPrice in EngineGen.Magnitude(4, 12)
        from collateralPrice in EngineGen.Magnitude(4, 12)
        from lt in Gen.Choose(1000, 9000)
        from ltvGap in Gen.Choose(1, 1000)
        from bonusPick in Gen.Choose(0, 10_000)
        from fee in Gen.Choose(0, 10_000)
        from indexes in Gen.Two(Gen.Choose(0, 2_000_000))
        from collateral in EngineGen.Magnitude(0, 30)
        from other in Gen.Frequency((2, Gen.Constant(BigInteger.Zero)), (1, EngineGen.Magnitude(0, 24)))
        from borrowPermille in Gen.Choose(500, 1000)
        from crashPermille in Gen.Choose(300, 999)
        from closeFactorKind in Gen.Choose(0, 2)
        from variableBonus in Gen.Elements(false, true)
        from dust in Gen.Frequency((2, Gen.Constant(BigInteger.Zero)), (1, EngineGen.Magnitude(0, 12)))
        from cover in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 1000)))
        let maxBonus = Math.Min(20_000, (100_000_000 - 1) / lt) // LT x bonus < 100%
        select new Scenario(
            decimals.Item1, decimals.Item2, debtPrice, collateralPrice,
            (uint)lt, (uint)Math.Max(0, lt - ltvGap), (uint)(10_000 + bonusPick % (maxBonus - 10_000 + 1)), (uint)fee,
            Ray + Ray * indexes.Item1 / 1_000_000, Ray + Ray * indexes.Item2 / 1_000_000,
            collateral, other, borrowPermille, crashPermille, closeFactorKind, variableBonus, dust, cover);

    /// <summary>What a scenario produced: the market before and after a liquidation, and its result.</summary>
    internal sealed record Outcome(EngineState Before, EngineState After, LiquidationResult Result, Scenario Scenario, BigInteger CollateralPrice);

    /// <summary>Builds the scenario; null when it does not lead to a liquidation (healthy, dust, rounding).</summary>
    internal static Outcome? Run(Scenario s)
    {
        var options = new MarketOptions
        {
            CloseFactor = s.CloseFactorKind switch
            {
                0 => new FixedCloseFactor(),
                1 => new FixedCloseFactor { CloseFactorBps = 10_000 },
                _ => new TargetHealthFactor(),
            },
            Bonus = s.VariableBonus ? new VariableBonus() : new FixedBonus(),
            DustThresholdBase = U256.From(s.Dust),
        };
        var market = new Market(options);
        var b1 = new Block(1, 100);
        market.ListAsset(b1, new AssetConfig(DebtToken, s.DebtDecimals, new RiskParameters(0, 0, 10_000, 0, AssetFlags.BorrowingEnabled)), U256.From(s.DebtPrice));
        market.ListAsset(b1, new AssetConfig(CollateralToken, s.CollateralDecimals, new RiskParameters(s.Ltv, s.Lt, s.Bonus, s.Fee, AssetFlags.CollateralEnabled)), U256.From(s.CollateralPrice));
        market.ListAsset(b1, new AssetConfig(OtherToken, 18, new RiskParameters(4000, 5000, 10_500, 0, AssetFlags.CollateralEnabled)), 1_0000_0000UL);
        market.AccrueInterest(b1, CollateralToken, U256.From(Ray), U256.From(s.SupplyIndex));
        market.AccrueInterest(b1, DebtToken, U256.From(s.BorrowIndex), U256.From(Ray));

        var b2 = new Block(2, 112);
        try
        {
            market.Supply(b2, Borrower, CollateralToken, U256.From(s.Collateral));
            if (!s.OtherCollateral.IsZero) market.Supply(b2, Borrower, OtherToken, U256.From(s.OtherCollateral));
        }
        catch (EvmRevertException) { return null; } // rounds to zero scaled supply
        BigInteger capacity = Big(market.GetAccountData(Borrower).BorrowCapacityBase);
        BigInteger borrow = capacity * s.BorrowPermille / 1000 * Unit(s.DebtDecimals) / s.DebtPrice;
        if (borrow.IsZero) return null;
        market.Supply(b2, Lender, DebtToken, U256.From(borrow * 2));
        try { market.Borrow(b2, Borrower, DebtToken, U256.From(borrow)); }
        catch (EvmRevertException) { return null; } // capacity rounding at the edge

        var b3 = new Block(3, 124);
        BigInteger crashed = BigInteger.Max(1, s.CollateralPrice * s.CrashPermille / 1000);
        market.SetPrice(b3, CollateralToken, U256.From(crashed));
        if (!market.IsLiquidatable(Borrower)) return null;

        UInt256 debtToCover = s.CoverPermille == 0
            ? UInt256.MaxValue
            : U256.From(BigInteger.Max(1, Big(market.GetDebtBalance(Borrower, DebtToken)) * s.CoverPermille / 1000));
        EngineState before = market.CaptureState();
        try
        {
            LiquidationResult result = market.Liquidate(new Block(4, 136), Liquidator, Borrower, DebtToken, CollateralToken, debtToCover);
            return new Outcome(before, market.CaptureState(), result, s, crashed);
        }
        catch (EvmRevertException e) when (Kit.ErrorHex("AmountRoundsToZero(address,uint256)") == e.RevertDataHex[..10])
        {
            return null; // a repayment below one scaled unit of debt
        }
    }

    [Fact]
    public void SeizeNeverExceedsBonusTimesValueRepaid_AndIsTheExactFloor()
    {
        int cases = 0, liquidations = 0, capped = 0;
        PropertyCheck.Run(output, "engine.seize-bound", Scenarios, s =>
        {
            cases++;
            Outcome? o = Run(s);
            if (o is null) return;
            liquidations++;
            BigInteger seized = Big(o.Result.CollateralSeized), repaid = Big(o.Result.DebtRepaid), bonus = o.Result.LiquidationBonusBps;
            // collateral side and debt side of "seized value <= (1 + bonus) x repaid value", in one integer inequality
            BigInteger collateralSide(BigInteger seize) => seize * o.CollateralPrice * Unit(s.DebtDecimals) * 10_000;
            BigInteger debtSide(BigInteger repay) => repay * s.DebtPrice * bonus * Unit(s.CollateralDecimals);
            Assert.True(collateralSide(seized) <= debtSide(repaid), $"seized {seized} is worth more than (1 + bonus) x repaid {repaid}");

            BigInteger heldBefore = CollateralBalance(o.Before);
            if (collateralSide(seized + 1) <= debtSide(repaid))
            {
                // not the floor: only allowed when the account had no more collateral, and then the repayment is the least that pays for it
                Assert.Equal(heldBefore, seized);
                Assert.True(debtSide(repaid - 1) < collateralSide(seized), "capped: the repayment must be the smallest that covers the seized collateral");
                capped++;
            }
            Assert.True(Big(o.Result.ProtocolFee) <= seized - CeilDiv(seized * 10_000, bonus), "the fee comes from the bonus part only");
        }, maxTest: 2000);
        output.WriteLine($"{cases} scenarios: {liquidations} liquidations checked, {capped} capped by the account's collateral");
        Assert.True(liquidations * 4 >= cases, $"only {liquidations} of {cases} scenarios reached a liquidation");
        Assert.True(capped * 100 >= cases, $"only {capped} capped liquidations in {cases} scenarios");
    }

    [Fact]
    public void HealthFactorRisesExactlyWhenAboveBonusTimesThreshold()
    {
        int cases = 0, heal = 0, harm = 0, band = 0, cleared = 0;
        PropertyCheck.Run(output, "engine.heal-harm", Scenarios, s =>
        {
            cases++;
            Outcome? o = Run(s);
            if (o is null) return;
            (BigInteger w, BigInteger d) = Account(o.Before, Borrower);
            (BigInteger w2, BigInteger d2) = Account(o.After, Borrower);
            Assert.Equal(HealthFactor(w, d), Big(o.Result.HealthFactorBefore)); // the engine's HF is the model's
            Assert.Equal(HealthFactor(w2, d2), Big(o.Result.HealthFactorAfter));
            if (d2.IsZero)
            {
                // issue 4: taking the last collateral with debt left (HF to 0, the spiral's end) realises that debt as bad debt
                if (!o.After.Assets.Single(x => x.Config.Asset == DebtToken).Solvency.BadDebtRealized.IsZero) harm++; else cleared++;
                return;
            }

            // Exact rationals (base units): A = W / 1e4, HF = A / D; realised a = A - A', r = D - D'.
            Q a = Q.Of(w, 10_000), a2 = Q.Of(w2, 10_000), hf = a / (Q)d, hf2 = a2 / (Q)d2;
            BigInteger r = d - d2;
            Assert.True(r > 0, "a liquidation reduces the debt value");
            // HF' > HF  <=>  A r > (A - A') D: pure algebra on the realised amounts.
            Assert.Equal(hf2 > hf, a * (Q)r > (a - a2) * (Q)d);

            // Nominal k = bonus x LT and the rounding bound E of spec/SPEC.md (|a - k r| < E).
            Q l = Q.Of(s.Lt, 10_000), b = Q.Of(o.Result.LiquidationBonusBps, 10_000), k = l * b;
            Q pc = Q.Of(o.CollateralPrice, Unit(s.CollateralDecimals)), pd = Q.Of(s.DebtPrice, Unit(s.DebtDecimals));
            Q i = Q.Of(s.SupplyIndex, Ray), j = Q.Of(s.BorrowIndex, Ray), one = Q.Of(1, 1);
            Q es = Q.Max(pc, b * pd);
            Q e = l * (es + one + (i + one) * pc) + k * (Q.Of(2, 1) + (j + one) * pd);
            Q margin = e / (Q)r;
            if (hf > k + margin)
            {
                heal++;
                Assert.True(hf2 > hf, $"HF {hf} > bonus x LT {k} + E/r: the liquidation must raise HF");
                Assert.True(o.Result.HealthFactorAfter >= o.Result.HealthFactorBefore);
            }
            else if (hf < k - margin)
            {
                harm++;
                Assert.True(hf2 < hf, $"HF {hf} < bonus x LT {k} - E/r: the liquidation must lower HF (death spiral)");
                Assert.True(o.Result.HealthFactorAfter <= o.Result.HealthFactorBefore);
            }
            else band++;
        }, maxTest: 2000);
        output.WriteLine($"{cases} scenarios: HF raised {heal}, lowered {harm}, within the rounding band {band}, debt cleared {cleared}");
        Assert.True(heal * 10 >= cases && harm * 10 >= cases, $"both directions must be exercised (raised {heal}, lowered {harm} of {cases})");
        Assert.True(band * 20 <= heal + harm, $"the rounding band must stay rare ({band} of {heal + harm + band})");
    }

    private static BigInteger CollateralBalance(EngineState state)
    {
        AssetState asset = state.Assets.Single(x => x.Config.Asset == CollateralToken);
        var position = state.Accounts.Single(x => x.Account == Borrower).Positions.Single(p => p.Asset == CollateralToken);
        return FloorDiv(Big(position.ScaledSupply) * Big(asset.SupplyIndex), Ray);
    }
}
