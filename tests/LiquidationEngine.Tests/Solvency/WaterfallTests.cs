using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Solvency;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Solvency.SolvencyKit;

namespace LiquidationEngine.Tests.Solvency;

/// <summary>
/// Each waterfall step and edge case on the reference death spiral (2 476.190476 USDC of bad debt), with
/// hand-computed numbers: index cut = floor((S - L) x 10^27 / scaledSupply), supply after = floor(scaled x index / 10^27).
/// </summary>
public class WaterfallTests
{
    private static readonly UInt256 Thousand = U("1000000000000000000000"); // 1000 DAI
    /// <summary>README.md (solvency waterfall)'s worked example: fund 1000 USDC, backstop 500 USDC, suppliers the rest.</summary>
    [Fact]
    public void WorkedExample_FundThenBackstopThenSuppliers()
    {
        var events = new EventRecorder();
        Market market = Underwater(events);
        market.DepositInsurance(B(3), Treasury, Usdc, 1_000_000_000UL);
        market.SetBackstop(B(3), Usdc, Carol, 500_000_000UL);
        Assert.Equal<EngineEvent>(
        [
            new InsuranceDepositedEvent(Usdc, Treasury, 1_000_000_000UL, 1_000_000_000UL),
            new BackstopSetEvent(Usdc, Carol, 500_000_000UL),
        ], events.Events);
        events.Clear();

        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);

        // uncovered: 2 476 190 476 - 1 000 000 000 - 500 000 000 = 976 190 476
        // index: (1e12 - 976 190 476) x 1e27 / 1e12 = 999 023 809 524 x 1e15 (exact: no dust)
        UInt256 indexAfter = U("999023809524000000000000000");
        Assert.Equal<EngineEvent>(
        [
            new UseAsCollateralSetEvent(Weth, Alice, false),
            DeathSpiralCall,
            new BadDebtRealizedEvent(Alice, Usdc, BadDebt),
            new InsuranceAbsorbedEvent(Usdc, 1_000_000_000UL, 0UL),
            new BackstopAbsorbedEvent(Usdc, Carol, 500_000_000UL, 0UL),
            new LossSocializedEvent(Usdc, 976_190_476UL, RayU, indexAfter),
        ], events.Events);

        Assert.Equal(UInt256.Zero, market.GetDebtBalance(Alice, Usdc));
        Assert.Equal((UInt256)999_023_809_524UL, market.GetSupplyBalance(Bob, Usdc));
        Assert.DoesNotContain(market.CaptureState().Accounts, a => a.Account == Alice); // nothing left: gone from the state

        AssetSolvencyReport usdc = market.GetSolvencyReport(Usdc);
        // cash: 1e12 - 12e9 borrowed + 9 523 809 524 repaid + 1e9 deposited + 5e8 from the backstop
        Assert.Equal(new AssetSolvencyReport(Usdc,
            Cash: 999_023_809_524UL, TotalDebt: 0UL, TotalSupply: 999_023_809_524UL, InsuranceFund: 0UL, Reserves: 0UL,
            Surplus: 0UL, Shortfall: 0UL,
            BadDebtRealized: BadDebt, InsuranceAbsorbed: 1_000_000_000UL, BackstopAbsorbed: 500_000_000UL, LossSocialized: 976_190_476UL,
            SupplyIndex: indexAfter, InsuranceFloor: 0UL, BackstopProvider: Carol, BackstopCapacity: 0UL), usdc);
        // the protocol fee (WETH) went to the WETH fund; the WETH left in the market is exactly that fee
        AssetSolvencyReport weth = market.GetSolvencyReport(Weth);
        Assert.Equal((WethFee, WethFee, 0UL), ((ulong)weth.InsuranceFund, (ulong)weth.Cash, (ulong)weth.Surplus));
        AssertIdentity(market);
    }

    [Fact]
    public void FundExactlyEnough_AbsorbsAllAndEndsEmpty()
    {
        var events = new EventRecorder();
        Market market = Underwater(events);
        market.DepositInsurance(B(3), Treasury, Usdc, BadDebt);
        events.Clear();
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal<EngineEvent>(
        [
            new UseAsCollateralSetEvent(Weth, Alice, false),
            DeathSpiralCall,
            new BadDebtRealizedEvent(Alice, Usdc, BadDebt),
            new InsuranceAbsorbedEvent(Usdc, BadDebt, 0UL),
        ], events.Events);
        Assert.Equal(RayU, market.GetAsset(Usdc).SupplyIndex);
        Assert.Equal((UInt256)1_000_000_000_000UL, market.GetSupplyBalance(Bob, Usdc));
        Assert.Equal(0, AssertIdentity(market)[Usdc]);
    }

    [Fact]
    public void FundLargerThanTheLoss_KeepsTheRest()
    {
        var events = new EventRecorder();
        Market market = Underwater(events);
        market.DepositInsurance(B(3), Treasury, Usdc, 3_000_000_000UL);
        market.SetBackstop(B(3), Usdc, Carol, 1UL);
        events.Clear();
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal(new InsuranceAbsorbedEvent(Usdc, BadDebt, 523_809_524UL), events.Events[^1]); // the backstop is not touched
        Assert.Equal((UInt256)1UL, market.GetAsset(Usdc).Solvency.BackstopCapacity);
        AssertIdentity(market);
    }

    [Fact]
    public void NoFundNoBackstop_SuppliersCarryAll()
    {
        var events = new EventRecorder();
        Market market = Underwater(events);
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        UInt256 indexAfter = U("997523809524000000000000000"); // (1e12 - 2 476 190 476) x 1e15
        Assert.Equal<EngineEvent>(
        [
            new BadDebtRealizedEvent(Alice, Usdc, BadDebt),
            new LossSocializedEvent(Usdc, BadDebt, RayU, indexAfter),
        ], events.Events.Skip(2));
        Assert.Equal((UInt256)997_523_809_524UL, market.GetSupplyBalance(Bob, Usdc));
        Assert.Equal(0, AssertIdentity(market)[Usdc]);
    }

    [Fact]
    public void BackstopCapBinds_ThenSuppliers()
    {
        var events = new EventRecorder();
        Market market = Underwater(events);
        market.SetBackstop(B(3), Usdc, Carol, 2_000_000_000UL);
        events.Clear();
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal<EngineEvent>(
        [
            new BadDebtRealizedEvent(Alice, Usdc, BadDebt),
            new BackstopAbsorbedEvent(Usdc, Carol, 2_000_000_000UL, 0UL),
            new LossSocializedEvent(Usdc, 476_190_476UL, RayU, U("999523809524000000000000000")),
        ], events.Events.Skip(2));
        AssertIdentity(market);
    }

    /// <summary>
    /// Keeper's extra 7 units make the cut inexact: index = floor(999 023 809 531 x 1e27 / 1 000 000 000 007)
    /// = 999 023 809 524 006 833 333 331 952; supply after = floor(1 000 000 000 007 x index / 1e27) = 999 023 809 530,
    /// so suppliers lose 976 190 477 = the loss + 1, and ceil(scaledSupply / 1e27) = 1 is the bound.
    /// </summary>
    [Fact]
    public void IndexCutRoundsAgainstSuppliersByAtMostTheBound()
    {
        var events = new EventRecorder();
        Market market = Underwater(events);
        market.Supply(B(3), Keeper, Usdc, 7UL);
        market.DepositInsurance(B(3), Treasury, Usdc, 1_000_000_000UL);
        market.SetBackstop(B(3), Usdc, Carol, 500_000_000UL);
        UInt256 supplyBefore = market.GetAsset(Usdc).TotalSupply;
        events.Clear();
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);

        UInt256 indexAfter = U("999023809524006833333331952");
        Assert.Equal(new LossSocializedEvent(Usdc, 976_190_476UL, RayU, indexAfter), events.Events[^1]);
        AssetState usdc = market.GetAsset(Usdc);
        Assert.Equal((UInt256)999_023_809_530UL, usdc.TotalSupply);
        Assert.Equal((UInt256)976_190_477UL, supplyBefore - usdc.TotalSupply);
        Assert.Equal((UInt256)999_023_809_524UL, market.GetSupplyBalance(Bob, Usdc)); // was 1e12
        Assert.Equal((UInt256)6UL, market.GetSupplyBalance(Keeper, Usdc));             // was 7
        Assert.Equal(1, AssertIdentity(market)[Usdc]);                                  // the dust stays with the protocol
    }

    /// <summary>
    /// Loss above all supply: Bob supplies only 12 000 USDC, all lent to Alice; the borrow index doubles (debt 24 000,
    /// supply still 12 000: the spread is surplus). Seizing all 10 WETH repays 9 523.809524 and burns floor(that / 2) =
    /// 4 761 904 762 scaled, leaving ceil(7 238 095 238 x 2) = 14 476 190 476 of bad debt: more than the 12 000 of supply.
    /// </summary>
    [Fact]
    public void LossAboveAllSupply_FreezesTheAsset()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.Supply(B(2), Bob, Usdc, 12_000_000_000UL);
        market.Supply(B(2), Alice, Weth, 10 * Wad);
        market.Borrow(B(2), Alice, Usdc, 12_000_000_000UL);
        market.Supply(B(2), Keeper, Wbtc, 100_000_000UL);
        market.AccrueInterest(B(3), Usdc, U(2 * Ray), RayU);
        market.SetPrice(B(3), Weth, 1000_0000_0000UL);
        Assert.Equal(12_000_000_000, AssertIdentity(market)[Usdc]); // cash 0 + debt 24e9 - supply 12e9
        events.Clear();

        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);

        RiskParameters frozen = UsdcConfig.Risk with { Flags = AssetFlags.None };
        Assert.Equal<EngineEvent>(
        [
            new UseAsCollateralSetEvent(Weth, Alice, false),
            new LiquidationCallEvent(Weth, Usdc, Alice, Keeper, Repaid, 10 * Wad, WethFee, 10500, 343_750_000_000_000_000UL, UInt256.MaxValue),
            new BadDebtRealizedEvent(Alice, Usdc, 14_476_190_476UL),
            new LossSocializedEvent(Usdc, 14_476_190_476UL, RayU, RayU),
            new UseAsCollateralSetEvent(Usdc, Bob, false),
            new RiskParametersSetEvent(Usdc, frozen),
            // 14 476 190 476 - 12e9 of supply = 2 476 190 476 above it: no reserves, so all from the surplus
            new AssetFrozenEvent(Usdc, 12_000_000_000UL, 0UL, 2_476_190_476UL),
        ], events.Events);
        Assert.Equal(UInt256.Zero, market.GetSupplyBalance(Bob, Usdc));
        Assert.DoesNotContain(market.CaptureState().Accounts, a => a.Account == Bob || a.Account == Alice);
        AssetSolvencyReport usdc = market.GetSolvencyReport(Usdc);
        Assert.Equal((9_523_809_524UL, 0UL, 0UL, 9_523_809_524UL), ((ulong)usdc.Cash, (ulong)usdc.TotalDebt, (ulong)usdc.TotalSupply, (ulong)usdc.Surplus));
        Assert.Equal((UInt256)14_476_190_476UL, usdc.LossSocialized);
        AssertIdentity(market);

        // Frozen: no new borrowing or collateral use; supplying and withdrawing still work, one to one (no division by zero).
        AssertRevertsAtomically(market, ErrorHex("BorrowingNotEnabled(address)", Usdc), () => market.Borrow(B(5), Keeper, Usdc, 1UL), events);
        events.Clear();
        market.Supply(B(5), Keeper, Usdc, 5_000_000UL);
        Assert.Equal<EngineEvent>([new SupplyEvent(Usdc, Keeper, 5_000_000UL, 5_000_000UL)], events.Events);
        Assert.False(market.IsUsedAsCollateral(Keeper, Usdc));
        AssertRevertsAtomically(market, ErrorHex("CollateralNotEnabled(address)", Usdc), () => market.SetUseAsCollateral(B(5), Keeper, Usdc, true));
        Assert.Equal((UInt256)5_000_000UL, market.Withdraw(B(5), Keeper, Usdc, UInt256.MaxValue));
        AssertIdentity(market);
    }

    /// <summary>
    /// A borrow-only asset with no supply at all: the fund (1000 DAI) provided the cash Alice borrowed; the borrow index
    /// quadruples (debt 4000 DAI). Seizing her 1 WETH ($2000) repays ceil(2000 / 1.05 DAI) = 1 904.761904761904761905,
    /// burning floor(that / 4) scaled; 523 809 523 809 523 809 524 scaled remain = 2 095.238095238095238096 DAI of bad debt.
    /// The fund takes 1000; the rest has no supplier to go to: the asset freezes and its surplus (the unpaid interest) carries it.
    /// </summary>
    [Fact]
    public void ZeroSupplyAsset_FundThenFreeze()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.ListAsset(B(1), DaiConfig, DaiPrice);
        market.DepositInsurance(B(2), Treasury, Dai, Thousand);
        market.Supply(B(2), Alice, Weth, Wad);
        market.Borrow(B(2), Alice, Dai, Thousand);
        market.AccrueInterest(B(3), Dai, U(4 * Ray), RayU);
        events.Clear();

        market.Liquidate(B(4), Keeper, Alice, Dai, Weth, UInt256.MaxValue);

        UInt256 bad = U("2095238095238095238096"), repaid = U("1904761904761904761905"), uncovered = U("1095238095238095238096");
        Assert.Equal(repaid, Assert.IsType<LiquidationCallEvent>(events.Events[1]).DebtRepaid);
        Assert.Equal<EngineEvent>(
        [
            new BadDebtRealizedEvent(Alice, Dai, bad),
            new InsuranceAbsorbedEvent(Dai, Thousand, 0UL),
            new LossSocializedEvent(Dai, uncovered, RayU, RayU),
            new RiskParametersSetEvent(Dai, DaiConfig.Risk with { Flags = AssetFlags.None }),
            new AssetFrozenEvent(Dai, 0UL, 0UL, uncovered),
        ], events.Events.Skip(2));
        AssetSolvencyReport dai = market.GetSolvencyReport(Dai);
        Assert.Equal((repaid, UInt256.Zero, UInt256.Zero, UInt256.Zero, repaid), (dai.Cash, dai.TotalDebt, dai.TotalSupply, dai.InsuranceFund, dai.Surplus));
        Assert.Equal((bad, (UInt256)(Thousand), uncovered), (dai.BadDebtRealized, dai.InsuranceAbsorbed, dai.LossSocialized));
        AssertIdentity(market);
    }

    [Fact]
    public void OtherValuedCollateral_NoAutomaticRealisation()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        market.Supply(B(2), Alice, Wbtc, 1000UL); // 0.00001 WBTC = $0.60: value 60 000 000 base units, not 0
        market.SetPrice(B(3), Weth, 1000_0000_0000UL);
        events.Clear();
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal(2, events.Events.Count); // UseAsCollateralSet, LiquidationCall: no bad debt yet
        Assert.Equal((UInt256)BadDebt, market.GetDebtBalance(Alice, Usdc));
        AssertRevertsAtomically(market, ErrorHex("CollateralRemaining(address,address,uint256)", Alice, Wbtc, 1000UL),
            () => market.RealizeBadDebt(B(5), Alice), events);
        AssertIdentity(market);
    }

    /// <summary>
    /// Explicit realisation: Alice's 0.4 WETH is worth floor(4e17 x 1 / 1e18) = 0 base units at a price of 1; she owes
    /// 500 USDC. All of it goes to Bob's 1e12 USDC: index (1e12 - 5e8) x 1e15. WETH and WBTC are untouched.
    /// </summary>
    [Fact]
    public void RealizeBadDebt_ExplicitThenIdempotent()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.Supply(B(2), Bob, Usdc, 1_000_000_000_000UL);
        market.Supply(B(2), Alice, Weth, 4 * Wad / 10);
        market.Borrow(B(2), Alice, Usdc, 500_000_000UL);
        market.SetPrice(B(3), Weth, 1UL);
        AssetState wethBefore = market.GetAsset(Weth), wbtcBefore = market.GetAsset(Wbtc);
        events.Clear();

        var realized = market.RealizeBadDebt(B(4), Alice);

        UInt256 indexAfter = U("999500000000000000000000000");
        Assert.Equal([new BadDebtRealization(Usdc, 500_000_000UL, 0UL, 0UL, 500_000_000UL, RayU, indexAfter, false)], realized.ToArray());
        Assert.Equal<EngineEvent>(
        [
            new BadDebtRealizedEvent(Alice, Usdc, 500_000_000UL),
            new LossSocializedEvent(Usdc, 500_000_000UL, RayU, indexAfter),
        ], events.Events);
        Assert.Equal((wethBefore, wbtcBefore), (market.GetAsset(Weth), market.GetAsset(Wbtc)));
        Assert.Equal((UInt256)(4 * Wad / 10), market.GetSupplyBalance(Alice, Weth)); // worthless supply stays hers
        Assert.Equal(B(4), market.LastBlock);
        Assert.Equal(0, AssertIdentity(market)[Usdc]);

        events.Clear();
        AssertRevertsAtomically(market, ErrorHex("NoBadDebt(address)", Alice), () => market.RealizeBadDebt(B(5), Alice), events);
    }

    [Fact]
    public void SecondRealisationAfterTheLiquidationReverts()
    {
        Market market = Underwater();
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        AssertRevertsAtomically(market, ErrorHex("NoBadDebt(address)", Alice), () => market.RealizeBadDebt(B(4), Alice));
    }

    [Fact]
    public void RealizeBadDebt_Reverts()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("CollateralRemaining(address,address,uint256)", Alice, Weth, 10 * Wad),
            () => market.RealizeBadDebt(B(3), Alice));
        AssertRevertsAtomically(market, ErrorHex("NoBadDebt(address)", Bob), () => market.RealizeBadDebt(B(3), Bob));
        AssertRevertsAtomically(market, ErrorHex("NoBadDebt(address)", Carol), () => market.RealizeBadDebt(B(3), Carol));
        AssertRevertsAtomically(market, ErrorHex("BlockNumberDecreased(uint256,uint256)", 2UL, 1UL), () => market.RealizeBadDebt(B(1), Alice));
    }

    [Fact]
    public void ProtocolFeeSplitBetweenFundAndReserves()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        market.SetInsurancePolicy(B(3), Weth, 0UL, 2500);
        Assert.Equal<EngineEvent>([new InsurancePolicySetEvent(Weth, 0UL, 2500)], events.Events);
        market.SetPrice(B(3), Weth, 1400_0000_0000UL);
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        // fee 21 428 571 428 571 429: reserves floor(x 25%) = 5 357 142 857 142 857, the fund the rest
        Assert.Equal((UInt256)21_428_571_428_571_429UL, result.ProtocolFee);
        AssetState weth = market.GetAsset(Weth);
        Assert.Equal(((UInt256)5_357_142_857_142_857UL, (UInt256)16_071_428_571_428_572UL), (weth.Reserves, weth.Solvency.InsuranceFund));
        AssertIdentity(market);
    }
}
