using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using LiquidationEngine.Tests.Support;
using Xunit;

namespace LiquidationEngine.Tests.Risk;

/// <summary>
/// The liquidation formulas on hand-computed cases. Reference account: 10 WETH (18 decimals) as collateral,
/// LT 8250, bonus 10500, fee 1000; a 12 000 USDC (6 decimals, $1) debt; prices with 8 decimals.
/// </summary>
public class LiquidationMathTests
{
    private const ulong Wad = 1_000_000_000_000_000_000UL;
    private const ulong UsdcDebt = 12_000_000_000UL;

    /// <summary>The reference account with WETH at <paramref name="wethDollars"/>: collateral = 10 x price, debt 1.2e12.</summary>
    private static LiquidationInputs Inputs(ulong wethDollars, UInt256 debtToCover)
    {
        UInt256 collateral = wethDollars * 10UL * 1_0000_0000UL;
        UInt256 weighted = collateral * 8250UL;
        UInt256 debt = 1_200_000_000_000UL;
        UInt256 hf = weighted * 100_000_000_000_000UL / debt;
        var account = new AccountData(collateral, debt, collateral * 8000UL, weighted, hf);
        return new LiquidationInputs(account, UsdcDebt, 1_0000_0000UL, 6, 10 * Wad, wethDollars * 1_0000_0000UL, 18, 8250, 10500, 1000, debtToCover);
    }

    [Fact]
    public void FixedCloseFactor_HalfOfTheDebtAboveThreshold()
    {
        // HF = 1.4e12 x 8250 x 1e14 / 1.2e12 = 0.9625e18 > 0.95e18: 50%, rounded up: 6 000 USDC.
        LiquidationQuote q = LiquidationMath.Quote(Inputs(1400, UInt256.MaxValue), new MarketOptions());
        Assert.Equal((UInt256)6_000_000_000UL, q.MaxDebtToRepay);
        Assert.Equal((UInt256)6_000_000_000UL, q.DebtRepaid);
        // seize = 6e9 x 1e8 x 10500 x 1e12 / (1.4e11 x 1e4) = 4.5 WETH exactly ($6000 x 1.05 / $1400).
        Assert.Equal((UInt256)4_500_000_000_000_000_000UL, q.CollateralSeized);
        // bonus part = 4.5e18 - ceil(4.5e22 / 10500) = 4.5e18 - 4 285 714 285 714 285 715; fee = ceil(10% of it).
        Assert.Equal((UInt256)21_428_571_428_571_429UL, q.ProtocolFee);
        Assert.Equal((UInt256)4_478_571_428_571_428_571UL, q.CollateralToLiquidator);
        Assert.Equal(10500u, q.LiquidationBonusBps);
        Assert.False(q.CollateralCapped);
    }

    [Fact]
    public void FixedCloseFactor_AllOfTheDebtAtOrBelowThreshold()
    {
        // WETH $1300: HF = 1.3e12 x 8250 x 1e14 / 1.2e12 = 0.89375e18 <= 0.95e18.
        LiquidationQuote q = LiquidationMath.Quote(Inputs(1300, UInt256.MaxValue), new MarketOptions());
        Assert.Equal((UInt256)UsdcDebt, q.MaxDebtToRepay);
        // seize = 1.2e10 x 1.05e24 / 1.3e15 = 9 692 307 692 307 692 307.69 -> floor; below the 10 WETH held.
        Assert.Equal((UInt256)9_692_307_692_307_692_307UL, q.CollateralSeized);
        Assert.False(q.CollateralCapped);
    }

    [Fact]
    public void FullCloseFactorThresholdIsInclusive()
    {
        var options = new MarketOptions { CloseFactor = new FixedCloseFactor { FullCloseFactorHealthFactor = 962_500_000_000_000_000UL } };
        Assert.Equal((UInt256)UsdcDebt, LiquidationMath.Quote(Inputs(1400, UInt256.MaxValue), options).MaxDebtToRepay);
        options = new MarketOptions { CloseFactor = new FixedCloseFactor { FullCloseFactorHealthFactor = 962_499_999_999_999_999UL } };
        Assert.Equal((UInt256)6_000_000_000UL, LiquidationMath.Quote(Inputs(1400, UInt256.MaxValue), options).MaxDebtToRepay);
    }

    [Fact]
    public void CloseFactorRoundsUp()
    {
        // 50% of an odd debt of 3 units is 1.5: 2 may be repaid, so a 1-unit debt stays liquidatable too.
        LiquidationInputs inputs = Inputs(1400, UInt256.MaxValue) with { DebtBalance = 3 };
        Assert.Equal((UInt256)2UL, LiquidationMath.MaxDebtToRepay(inputs, new MarketOptions(), 10500));
        inputs = inputs with { DebtBalance = 1 };
        Assert.Equal(UInt256.One, LiquidationMath.MaxDebtToRepay(inputs, new MarketOptions(), 10500));
    }

    [Fact]
    public void SmallerDebtToCoverIsHonoured()
    {
        LiquidationQuote q = LiquidationMath.Quote(Inputs(1400, 1_000_000_000UL), new MarketOptions());
        Assert.Equal((UInt256)6_000_000_000UL, q.MaxDebtToRepay);
        Assert.Equal((UInt256)1_000_000_000UL, q.DebtRepaid);
        Assert.Equal((UInt256)750_000_000_000_000_000UL, q.CollateralSeized); // $1000 x 1.05 / $1400 = 0.75 WETH
    }

    [Fact]
    public void CollateralShortfall_SeizesAllAndRecomputesRepaidRoundingUp()
    {
        // WETH $1000: all 12 000 USDC may go (HF 0.6875), but that needs 12.6 WETH; the account has 10.
        LiquidationQuote q = LiquidationMath.Quote(Inputs(1000, UInt256.MaxValue), new MarketOptions());
        Assert.True(q.CollateralCapped);
        Assert.Equal((UInt256)(10 * Wad), q.CollateralSeized);
        // repaid = ceil(1e19 x 1e15 / 1.05e24) = ceil(9 523 809 523.8) = 9 523 809 524.
        Assert.Equal((UInt256)9_523_809_524UL, q.DebtRepaid);
        // bonus part = 1e19 - ceil(1e23 / 10500) = 476 190 476 190 476 190; fee = 10% exactly.
        Assert.Equal((UInt256)47_619_047_619_047_619UL, q.ProtocolFee);
        Assert.Equal((UInt256)9_952_380_952_380_952_381UL, q.CollateralToLiquidator);
    }

    [Fact]
    public void TargetHealthFactor_RepaysJustEnoughToReachTheTarget()
    {
        // r = ceil((T D - W 1e14) / (T - B LT 1e10)) = ceil((1.26e30 - 1.155e30) / (1.05e18 - 8.6625e17))
        //   = ceil(571 428 571 428.57) = 571 428 571 429 base units; tokens = ceil(r x 1e6 / 1e8) = 5 714 285 715.
        var options = new MarketOptions { CloseFactor = new TargetHealthFactor { Target = 1_050_000_000_000_000_000UL } };
        LiquidationQuote q = LiquidationMath.Quote(Inputs(1400, UInt256.MaxValue), options);
        Assert.Equal((UInt256)5_714_285_715UL, q.MaxDebtToRepay);
        Assert.Equal((UInt256)4_285_714_286_250_000_000UL, q.CollateralSeized); // 5 714 285 715 x 7.5e8
        Assert.Equal((UInt256)20_408_163_267_857_143UL, q.ProtocolFee);
    }

    [Fact]
    public void TargetHealthFactor_UnreachableFallsBackToTheWholeDebt()
    {
        // WETH $1000: HF 0.6875 <= bonus x LT = 0.86625: every repayment lowers HF, so all the debt may go.
        var options = new MarketOptions { CloseFactor = new TargetHealthFactor() };
        LiquidationInputs inputs = Inputs(1000, UInt256.MaxValue);
        Assert.Equal((UInt256)UsdcDebt, LiquidationMath.MaxDebtToRepay(inputs, options, 10500));
    }

    [Fact]
    public void TargetHealthFactor_ExactlyAtBonusTimesThresholdFallsBack()
    {
        // W x 1e4 = B x LT x D exactly: W = 10500 x 8250 x 1.2e12 / 1e4 = 1.0395e16.
        LiquidationInputs inputs = Inputs(1400, UInt256.MaxValue);
        inputs = inputs with { Account = inputs.Account with { ThresholdWeightedCollateral = 10_395_000_000_000_000UL, HealthFactor = 866_250_000_000_000_000UL } };
        var options = new MarketOptions { CloseFactor = new TargetHealthFactor() };
        Assert.Equal((UInt256)UsdcDebt, LiquidationMath.MaxDebtToRepay(inputs, options, 10500));
        // A little above: r = ceil((1.26e30 - 1.0405e30) / 1.8375e17) = 1 194 557 823 130; tokens = ceil(r / 100).
        inputs = inputs with { Account = inputs.Account with { ThresholdWeightedCollateral = 10_405_000_000_000_000UL } };
        Assert.Equal((UInt256)11_945_578_232UL, LiquidationMath.MaxDebtToRepay(inputs, options, 10500));
    }

    [Fact]
    public void DustRule_AllowsTheWholeDebtWhenTheRestWouldBeBelowTheThreshold()
    {
        // 50% of 12 000 USDC leaves $6000 = 6e11 base units of debt.
        LiquidationInputs inputs = Inputs(1400, UInt256.MaxValue);
        var below = new MarketOptions { DustThresholdBase = 600_000_000_001UL };
        var at = new MarketOptions { DustThresholdBase = 600_000_000_000UL };
        Assert.Equal((UInt256)UsdcDebt, LiquidationMath.MaxDebtToRepay(inputs, below, 10500));
        Assert.Equal((UInt256)6_000_000_000UL, LiquidationMath.MaxDebtToRepay(inputs, at, 10500));
    }

    [Fact]
    public void VariableBonus_InterpolatesAndRoundsDown()
    {
        var policy = new VariableBonus { MinBonusBps = 10200, MaxBonusBps = 10800, HealthFactorForMaxBonus = 900_000_000_000_000_000UL };
        // 10200 + floor(600 x 0.0375 / 0.1) = 10425
        Assert.Equal(10425u, LiquidationMath.BonusBps(policy, 962_500_000_000_000_000UL, 10500));
        Assert.Equal(10800u, LiquidationMath.BonusBps(policy, 900_000_000_000_000_000UL, 10500));
        Assert.Equal(10800u, LiquidationMath.BonusBps(policy, 1, 10500));
        // just below 1: 10200 + floor(600 x 1e-18 / 0.1) = 10200
        Assert.Equal(10200u, LiquidationMath.BonusBps(policy, Wad - 1, 10500));
        // 10200 + floor(600 x 0.05 / 0.1) = 10500; one wei higher HF rounds down to 10499
        Assert.Equal(10500u, LiquidationMath.BonusBps(policy, 950_000_000_000_000_000UL, 10500));
        Assert.Equal(10499u, LiquidationMath.BonusBps(policy, 950_000_000_000_000_001UL, 10500));
        Assert.Equal(10500u, LiquidationMath.BonusBps(new FixedBonus(), 1, 10500));
    }

    [Fact]
    public void VariableBonus_IsWhatTheQuoteApplies()
    {
        var options = new MarketOptions { Bonus = new VariableBonus() };
        LiquidationQuote q = LiquidationMath.Quote(Inputs(1400, 1_400_000_000UL), options);
        Assert.Equal(10425u, q.LiquidationBonusBps);
        // $1400 x 1.0425 / $1400 = 1.0425 WETH
        Assert.Equal((UInt256)1_042_500_000_000_000_000UL, q.CollateralSeized);
    }

    [Theory]
    [InlineData(1400, 1_000_000_000UL, 750_000_000_000_000_000UL)]
    [InlineData(1400, 1UL, 750_000_000UL)]            // 1e-6 USDC -> 7.5e-10 WETH
    [InlineData(3000, 1UL, 350_000_000UL)]            // 1.05e-6 / 3000 WETH
    [InlineData(7, 1UL, 150_000_000_000UL)]           // 1.05e-6 / 7
    [InlineData(3, 1UL, 350_000_000_000UL)]
    public void SeizeIsOneRoundingOfTheExactRatio(ulong wethDollars, ulong repaid, ulong expected)
    {
        LiquidationInputs inputs = Inputs(wethDollars, repaid);
        Assert.Equal((UInt256)expected, LiquidationMath.CollateralForDebt(repaid, inputs, 10500));
    }

    [Fact]
    public void DebtDecimalsAboveCollateralDecimals()
    {
        // Debt: 18-decimal DAI at $1; collateral: 8-decimal WBTC at $60 000, bonus 11000.
        // seize = floor(1e18 x 1e8 x 11000 / (6e12 x 1e4 x 1e10)) = floor(1833.33) = 1833 satoshi ($1.10 / $60 000).
        var account = new AccountData(1, 1, 0, 1, 1);
        var inputs = new LiquidationInputs(account, Wad, 1_0000_0000UL, 18, 1_0000_0000UL, 60_000_0000_0000UL, 8, 7500, 11000, 2000, Wad);
        Assert.Equal((UInt256)1833UL, LiquidationMath.CollateralForDebt(Wad, inputs, 11000));
        // inverse, rounded up: ceil(1833 x 6e12 x 1e4 x 1e10 / (1e8 x 11000)) = ceil(999 818 181 818 181 818.18)
        Assert.Equal((UInt256)999_818_181_818_181_819UL, LiquidationMath.DebtForCollateral(1833, inputs, 11000));
    }

    [Fact]
    public void ProtocolFee_FromTheBonusPart()
    {
        // seized 105: base part ceil(105 x 1e4 / 10500) = 100, bonus part 5; fee 10% = ceil(0.5) = 1.
        Assert.Equal(UInt256.One, LiquidationMath.ProtocolFee(105, 10500, 1000));
        Assert.Equal((UInt256)5UL, LiquidationMath.ProtocolFee(105, 10500, 10000));
        Assert.Equal(UInt256.Zero, LiquidationMath.ProtocolFee(105, 10500, 0));
        // seized 104: base part ceil(99.05) = 100, bonus part 4 (rounded down).
        Assert.Equal((UInt256)4UL, LiquidationMath.ProtocolFee(104, 10500, 10000));
        // no bonus, no fee
        Assert.Equal(UInt256.Zero, LiquidationMath.ProtocolFee(1000, 10000, 10000));
    }

    [Theory]
    [InlineData(2000)] // HF 1.375: healthy
    public void NotLiquidatable_QuotesZero(ulong wethDollars)
    {
        Assert.Equal(default, LiquidationMath.Quote(Inputs(wethDollars, UInt256.MaxValue), new MarketOptions()));
    }

    [Fact]
    public void ZeroDebtToCover_QuotesZero() =>
        Assert.Equal(default, LiquidationMath.Quote(Inputs(1400, UInt256.Zero), new MarketOptions()));

    [Fact]
    public void OverflowingRatioPanics()
    {
        LiquidationInputs inputs = Inputs(1400, 1) with { DebtPrice = UInt256.MaxValue };
        Assert.Equal(EvmAssert.Overflow, Assert.Throws<Evm.EvmRevertException>(() => LiquidationMath.CollateralForDebt(1, inputs, 10500)).RevertDataHex);
    }
}
