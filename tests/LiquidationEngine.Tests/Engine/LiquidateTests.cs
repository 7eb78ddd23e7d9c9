using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

/// <summary>
/// Liquidate end to end on the reference account (10 WETH collateral, 12 000 USDC debt); the amounts are the
/// hand-computed ones of <c>Risk.LiquidationMathTests</c>.
/// </summary>
public class LiquidateTests
{
    private static readonly Address Unlisted = Addr(0xDEAD);

    private static Market Crashed(ulong wethDollars, EventRecorder? events = null, MarketOptions? options = null)
    {
        Market market = AliceBorrowing(events, options);
        market.SetPrice(B(3), Weth, wethDollars * 1_0000_0000UL);
        events?.Clear();
        return market;
    }

    [Fact]
    public void HalfCloseFactor_UpdatesEverythingAndEmits()
    {
        var events = new EventRecorder();
        Market market = Crashed(1400, events);
        AssetState wethBefore = market.GetAsset(Weth), usdcBefore = market.GetAsset(Usdc);

        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);

        var expected = new LiquidationResult(
            DebtRepaid: 6_000_000_000UL,
            CollateralSeized: 4_500_000_000_000_000_000UL,
            ProtocolFee: 21_428_571_428_571_429UL,
            CollateralToLiquidator: 4_478_571_428_571_428_571UL,
            LiquidationBonusBps: 10500,
            HealthFactorBefore: 962_500_000_000_000_000UL,
            HealthFactorAfter: 1_058_750_000_000_000_000UL); // 7.7e11 x 8250 x 1e14 / 6e11
        Assert.Equal(expected, result);
        Assert.Equal((UInt256)6_000_000_000UL, market.GetDebtBalance(Alice, Usdc));
        Assert.Equal((UInt256)5_500_000_000_000_000_000UL, market.GetSupplyBalance(Alice, Weth));
        Assert.Equal(expected.HealthFactorAfter, market.GetAccountData(Alice).HealthFactor);

        AssetState weth = market.GetAsset(Weth), usdc = market.GetAsset(Usdc);
        Assert.Equal(wethBefore.Cash - expected.CollateralToLiquidator, weth.Cash);
        Assert.Equal(expected.ProtocolFee, weth.Solvency.InsuranceFund); // the fee funds the collateral asset's insurance (issue 4)
        Assert.Equal(UInt256.Zero, weth.Reserves);
        Assert.Equal(wethBefore.TotalScaledSupply - expected.CollateralSeized, weth.TotalScaledSupply);
        Assert.Equal(usdcBefore.Cash + expected.DebtRepaid, usdc.Cash);
        Assert.Equal(usdcBefore.TotalScaledDebt - expected.DebtRepaid, usdc.TotalScaledDebt);

        Assert.Equal<EngineEvent>(
        [
            new LiquidationCallEvent(Weth, Usdc, Alice, Keeper, expected.DebtRepaid, expected.CollateralSeized, expected.ProtocolFee, 10500,
                expected.HealthFactorBefore, expected.HealthFactorAfter),
        ], events.Events);
    }

    [Fact]
    public void QuoteAndExecutionAgree()
    {
        Market market = Crashed(1400);
        LiquidationQuote quote = market.GetMaxLiquidation(Alice, Usdc, Weth);
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal((quote.DebtRepaid, quote.CollateralSeized, quote.ProtocolFee, quote.CollateralToLiquidator),
            (result.DebtRepaid, result.CollateralSeized, result.ProtocolFee, result.CollateralToLiquidator));
    }

    [Fact]
    public void DeathSpiral_CollateralShortfallSeizesEverythingAndLowersHealth()
    {
        var events = new EventRecorder();
        Market market = Crashed(1000, events);
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);

        Assert.Equal((UInt256)9_523_809_524UL, result.DebtRepaid);
        Assert.Equal((UInt256)(10 * Wad), result.CollateralSeized);
        Assert.Equal((UInt256)47_619_047_619_047_619UL, result.ProtocolFee);
        Assert.Equal((UInt256)687_500_000_000_000_000UL, result.HealthFactorBefore);
        // debt left, no collateral: the 2 476 190 476 USDC left are realised as bad debt at once (tests/Solvency), no debt remains
        Assert.Equal(UInt256.MaxValue, result.HealthFactorAfter);
        Assert.Equal(UInt256.Zero, market.GetDebtBalance(Alice, Usdc));
        Assert.False(market.IsUsedAsCollateral(Alice, Weth));
        Assert.Equal(4, events.Events.Count);
        Assert.Equal(new UseAsCollateralSetEvent(Weth, Alice, false), events.Events[0]);
        Assert.IsType<LiquidationCallEvent>(events.Events[1]);
        Assert.Equal(new BadDebtRealizedEvent(Alice, Usdc, 2_476_190_476UL), events.Events[2]);
    }

    [Fact]
    public void DeathSpiral_PartialLiquidationBelowBonusTimesThresholdLowersHealth()
    {
        Market market = Crashed(1100);
        // HF 0.75625 < 1.05 x 0.825 = 0.86625: repaying $1000 for $1050 of collateral lowers HF to 0.74625.
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, 1_000_000_000UL);
        Assert.Equal((UInt256)954_545_454_545_454_545UL, result.CollateralSeized);
        Assert.Equal((UInt256)756_250_000_000_000_000UL, result.HealthFactorBefore);
        Assert.Equal((UInt256)746_250_000_000_000_000UL, result.HealthFactorAfter);
    }

    [Fact]
    public void TargetHealthFactorPolicy()
    {
        Market market = Crashed(1400, options: new MarketOptions { CloseFactor = new TargetHealthFactor() });
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal((UInt256)5_714_285_715UL, result.DebtRepaid);
        Assert.Equal((UInt256)4_285_714_286_250_000_000UL, result.CollateralSeized);
        // collateral 799 999 999 925, debt 628 571 428 500 (base units): just above the 1.05 target
        Assert.Equal((UInt256)1_050_000_000_020_880_681UL, result.HealthFactorAfter);
    }

    [Fact]
    public void VariableBonusPolicy()
    {
        Market market = Crashed(1400, options: new MarketOptions { Bonus = new VariableBonus() });
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, 1_400_000_000UL);
        Assert.Equal(10425u, result.LiquidationBonusBps);
        Assert.Equal((UInt256)1_042_500_000_000_000_000UL, result.CollateralSeized);
    }

    [Fact]
    public void DustRule_LetsTheWholeDebtGo()
    {
        // 0.1 WETH ($200) against 150 USDC; WETH falls to $1800: HF = 1.8e10 x 8250 x 1e14 / 1.5e10 = 0.99e18.
        var options = new MarketOptions { DustThresholdBase = 100_0000_0000UL }; // $100
        Market market = ListedMarket(options: options);
        market.Supply(B(2), Bob, Usdc, 1_000_000_000UL);
        market.Supply(B(2), Alice, Weth, Wad / 10);
        market.Borrow(B(2), Alice, Usdc, 150_000_000UL);
        market.SetPrice(B(3), Weth, 1800_0000_0000UL);
        // 50% would leave $75 < $100 of debt: all 150 USDC may be repaid.
        Assert.Equal((UInt256)150_000_000UL, market.GetMaxLiquidation(Alice, Usdc, Weth).MaxDebtToRepay);
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal((UInt256)150_000_000UL, result.DebtRepaid);
        Assert.Equal((UInt256)87_500_000_000_000_000UL, result.CollateralSeized); // $157.50 / $1800 = 0.0875 WETH
        Assert.Equal(UInt256.MaxValue, result.HealthFactorAfter);
    }

    [Fact]
    public void SameAssetForDebtAndCollateral()
    {
        // Alice supplies 1000 USDC and borrows 740 of it (HF 1.08); then the threshold drops to 73%.
        Market market = ListedMarket();
        market.Supply(B(2), Alice, Usdc, 1_000_000_000UL);
        market.Borrow(B(2), Alice, Usdc, 740_000_000UL);
        market.SetRiskParameters(B(3), Usdc, UsdcConfig.Risk with { LtvBps = 7000, LiquidationThresholdBps = 7300 });
        // HF = 1e11 x 7300 x 1e14 / 7.4e10 = 0.986486486486486486e18; repay 370 USDC, seize 370 x 1.04 = 384.8 USDC.
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Usdc, UInt256.MaxValue);
        Assert.Equal((UInt256)370_000_000UL, result.DebtRepaid);
        Assert.Equal((UInt256)384_800_000UL, result.CollateralSeized);
        AssetState usdc = market.GetAsset(Usdc);
        // cash: 1000 - 740 + 370 - (384.8 - fee); fee = ceil(10% of (384.8 - 370)) = 1.48 USDC
        Assert.Equal((UInt256)1_480_000UL, result.ProtocolFee);
        Assert.Equal((UInt256)(1_000_000_000UL - 740_000_000UL + 370_000_000UL - 384_800_000UL + 1_480_000UL), usdc.Cash);
        Assert.Equal((UInt256)1_480_000UL, usdc.Solvency.InsuranceFund);
        Assert.Equal((UInt256)615_200_000UL, market.GetSupplyBalance(Alice, Usdc));
        Assert.Equal((UInt256)370_000_000UL, market.GetDebtBalance(Alice, Usdc));
    }

    // ---- reverts ----

    [Fact]
    public void NotLiquidatable()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        AssertRevertsAtomically(market, ErrorHex("NotLiquidatable(address,uint256)", Alice, 1_375_000_000_000_000_000UL),
            () => market.Liquidate(B(3), Keeper, Alice, Usdc, Weth, UInt256.MaxValue), events);
        AssertRevertsAtomically(market, ErrorHex("NotLiquidatable(address,uint256)", Bob, UInt256.MaxValue),
            () => market.GetMaxLiquidation(Bob, Usdc, Weth));
    }

    [Fact]
    public void UnlistedDebtAsset()
    {
        Market market = Crashed(1400);
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.Liquidate(B(4), Keeper, Alice, Unlisted, Unlisted, 1));
    }

    [Fact]
    public void UnlistedCollateralAsset()
    {
        Market market = Crashed(1400);
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.Liquidate(B(4), Keeper, Alice, Usdc, Unlisted, 1));
    }

    [Fact]
    public void ZeroDebtToCover()
    {
        Market market = Crashed(1400);
        AssertRevertsAtomically(market, ErrorHex("ZeroAmount(address)", Usdc), () => market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, 0));
    }

    [Fact]
    public void CollateralNotHeld()
    {
        Market market = Crashed(1400);
        AssertRevertsAtomically(market, ErrorHex("CollateralNotSeizable(address,address)", Alice, Wbtc),
            () => market.Liquidate(B(4), Keeper, Alice, Usdc, Wbtc, UInt256.MaxValue));
    }

    [Fact]
    public void CollateralNotUsedAsCollateral()
    {
        Market market = AliceBorrowing();
        market.Supply(B(3), Alice, Wbtc, 1000);
        market.SetUseAsCollateral(B(3), Alice, Wbtc, false);
        market.SetPrice(B(3), Weth, 1400_0000_0000UL);
        AssertRevertsAtomically(market, ErrorHex("CollateralNotSeizable(address,address)", Alice, Wbtc),
            () => market.Liquidate(B(4), Keeper, Alice, Usdc, Wbtc, UInt256.MaxValue));
    }

    [Fact]
    public void NoDebtInTheAsset()
    {
        Market market = Crashed(1400);
        AssertRevertsAtomically(market, ErrorHex("NoDebtInAsset(address,address)", Alice, Wbtc),
            () => market.Liquidate(B(4), Keeper, Alice, Wbtc, Weth, UInt256.MaxValue));
    }

    [Fact]
    public void RepaymentThatBurnsNoScaledDebt()
    {
        Market market = AliceBorrowing();
        market.AccrueInterest(B(3), Usdc, U(Ray * 3 / 2), U(Ray)); // debt 1.8e10: HF = 1.65e16 x 1e14 / 1.8e12 = 0.9166e18
        // 1 unit of USDC burns floor(1 / 1.5) = 0 scaled debt
        AssertRevertsAtomically(market, ErrorHex("AmountRoundsToZero(address,uint256)", Usdc, 1),
            () => market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, 1));
    }

    [Fact]
    public void PayoutAboveTheCollateralCash()
    {
        Market market = Crashed(1400);
        market.Borrow(B(3), Bob, Weth, 9 * Wad); // Bob's 1e12 USDC backs it; 1 WETH of cash is left
        // the payout is 4 478 571 428 571 428 571 WETH units; only 1e18 is in the market
        AssertRevertsAtomically(market, ErrorHex("InsufficientCash(address,uint256,uint256)", Weth, Wad, 4_478_571_428_571_428_571UL),
            () => market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
    }

    [Fact]
    public void GetMaxLiquidationRevertsLikeLiquidate()
    {
        Market market = Crashed(1400);
        AssertRevertsAtomically(market, ErrorHex("NoDebtInAsset(address,address)", Alice, Wbtc), () => market.GetMaxLiquidation(Alice, Wbtc, Weth));
    }
}
