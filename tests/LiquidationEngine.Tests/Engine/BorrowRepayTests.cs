using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

public class BorrowRepayTests
{
    private static readonly Address Unlisted = Addr(0xDEAD);

    private static Market AliceWithCollateral(EventRecorder? events = null)
    {
        Market market = ListedMarket(events);
        market.Supply(B(2), Bob, Usdc, 1_000_000_000_000UL);
        market.Supply(B(2), Alice, Weth, 10 * Wad); // $20 000: capacity 1.6e12, HF-neutral debt 1.65e12
        events?.Clear();
        return market;
    }

    // ---- Borrow ----

    [Fact]
    public void Borrow_MintsDebtAndPaysOutCash()
    {
        var events = new EventRecorder();
        Market market = AliceWithCollateral(events);
        UInt256 minted = market.Borrow(B(3), Alice, Usdc, 12_000_000_000UL);
        Assert.Equal((UInt256)12_000_000_000UL, minted);
        Assert.Equal((UInt256)12_000_000_000UL, market.GetDebtBalance(Alice, Usdc));
        Assert.Equal((UInt256)988_000_000_000UL, market.GetAsset(Usdc).Cash);
        Assert.Equal<EngineEvent>([new BorrowEvent(Usdc, Alice, 12_000_000_000UL, 12_000_000_000UL)], events.Events);
        AccountData data = market.GetAccountData(Alice);
        Assert.Equal((UInt256)1_375_000_000_000_000_000UL, data.HealthFactor);
        Assert.Equal((UInt256)1_200_000_000_000UL, data.TotalDebtBase);
    }

    [Fact]
    public void Borrow_UpToExactlyTheCapacity()
    {
        Market market = AliceWithCollateral();
        market.Borrow(B(3), Alice, Usdc, 16_000_000_000UL); // 1.6e12 = 80% of 2e12
        // One more USDC unit (1e-6 USDC) is worth 100 base units (8 decimals): debt 1 600 000 000 100.
        AssertRevertsAtomically(market, ErrorHex("BorrowCapacityExceeded(address,uint256,uint256)", Alice, 1_600_000_000_000UL, 1_600_000_000_100UL),
            () => market.Borrow(B(3), Alice, Usdc, 1));
    }

    [Fact]
    public void Borrow_AfterInterestMintsScaledRoundedUp()
    {
        Market market = AliceWithCollateral();
        market.AccrueInterest(B(3), Usdc, U(Ray * 3 / 2), U(Ray));
        // ceil(10 / 1.5) = 7 scaled; the debt reads ceil(7 x 1.5) = 11.
        Assert.Equal((UInt256)7UL, market.Borrow(B(3), Alice, Usdc, 10));
        Assert.Equal((UInt256)11UL, market.GetDebtBalance(Alice, Usdc));
    }

    [Fact]
    public void Borrow_UnlistedAsset()
    {
        Market market = AliceWithCollateral();
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.Borrow(B(3), Alice, Unlisted, 1));
    }

    [Fact]
    public void Borrow_ZeroAmount()
    {
        Market market = AliceWithCollateral();
        AssertRevertsAtomically(market, ErrorHex("ZeroAmount(address)", Usdc), () => market.Borrow(B(3), Alice, Usdc, 0));
    }

    [Fact]
    public void Borrow_NotEnabled()
    {
        Market market = AliceWithCollateral();
        market.SetRiskParameters(B(3), Usdc, UsdcConfig.Risk with { Flags = AssetFlags.CollateralEnabled });
        AssertRevertsAtomically(market, ErrorHex("BorrowingNotEnabled(address)", Usdc), () => market.Borrow(B(3), Alice, Usdc, 1));
    }

    [Fact]
    public void Borrow_MoreThanTheCash()
    {
        Market market = AliceWithCollateral();
        AssertRevertsAtomically(market, ErrorHex("InsufficientCash(address,uint256,uint256)", Usdc, 1_000_000_000_000UL, 1_000_000_000_001UL),
            () => market.Borrow(B(3), Alice, Usdc, 1_000_000_000_001UL));
    }

    [Fact]
    public void Borrow_CapIsInclusive()
    {
        Market market = AliceWithCollateral();
        market.SetRiskParameters(B(3), Usdc, UsdcConfig.Risk with { BorrowCap = 1_000_000UL });
        market.Borrow(B(3), Alice, Usdc, 600_000UL);
        AssertRevertsAtomically(market, ErrorHex("BorrowCapExceeded(address,uint256,uint256)", Usdc, 1_000_000UL, 1_000_001UL),
            () => market.Borrow(B(3), Alice, Usdc, 400_001UL));
        market.Borrow(B(3), Alice, Usdc, 400_000UL);
    }

    [Fact]
    public void Borrow_WithoutCollateralHealthFactorZero()
    {
        Market market = AliceWithCollateral();
        AssertRevertsAtomically(market, ErrorHex("HealthFactorTooLow(address,uint256)", Keeper, 0), () => market.Borrow(B(3), Keeper, Usdc, 1));
    }

    [Fact]
    public void Borrow_WhenAlreadyLiquidatableReportsTheHealthFactorItWouldLeave()
    {
        Market market = AliceWithCollateral();
        market.Borrow(B(3), Alice, Usdc, 12_000_000_000UL);
        market.SetPrice(B(4), Weth, 1400_0000_0000UL);
        // HF after one more USDC: 1.155e16 x 1e14 / 1 200 100 000 000 = 962 419 798 350 137 488
        AssertRevertsAtomically(market, ErrorHex("HealthFactorTooLow(address,uint256)", Alice, 962_419_798_350_137_488UL),
            () => market.Borrow(B(4), Alice, Usdc, 1_000_000UL));
    }

    // ---- Repay ----

    [Fact]
    public void RepayPart_BurnsScaledRoundedDown()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        market.AccrueInterest(B(3), Usdc, U(Ray * 3 / 2), U(Ray));
        events.Clear();
        // debt = 1.2e10 x 1.5 = 1.8e10; repaying 10 burns floor(10 / 1.5) = 6 scaled.
        Assert.Equal((UInt256)10UL, market.Repay(B(3), Alice, Usdc, 10));
        Assert.Equal((UInt256)11_999_999_994UL, market.CaptureState().Accounts.Single(a => a.Account == Alice).Positions.Single(p => p.Asset == Usdc).ScaledDebt);
        Assert.Equal((UInt256)17_999_999_991UL, market.GetDebtBalance(Alice, Usdc)); // ceil(11 999 999 994 x 1.5)
        Assert.Equal((UInt256)988_000_000_010UL, market.GetAsset(Usdc).Cash);
        Assert.Equal<EngineEvent>([new RepayEvent(Usdc, Alice, 10, 6)], events.Events);
    }

    [Fact]
    public void RepayAll_BurnsEverything()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        market.AccrueInterest(B(3), Usdc, U(Ray * 3 / 2), U(Ray));
        events.Clear();
        Assert.Equal((UInt256)18_000_000_000UL, market.Repay(B(3), Alice, Usdc, UInt256.MaxValue));
        Assert.Equal(UInt256.Zero, market.GetDebtBalance(Alice, Usdc));
        Assert.Equal(UInt256.Zero, market.GetAsset(Usdc).TotalScaledDebt);
        Assert.Equal(UInt256.MaxValue, market.GetAccountData(Alice).HealthFactor);
        Assert.Equal<EngineEvent>([new RepayEvent(Usdc, Alice, 18_000_000_000UL, 12_000_000_000UL)], events.Events);
    }

    [Fact]
    public void Repay_UnlistedAsset()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.Repay(B(3), Alice, Unlisted, 1));
    }

    [Fact]
    public void Repay_ZeroAmount()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("ZeroAmount(address)", Usdc), () => market.Repay(B(3), Alice, Usdc, 0));
    }

    [Fact]
    public void Repay_AboveTheDebt()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("AmountExceedsDebt(address,address,uint256,uint256)", Alice, Usdc, 12_000_000_000UL, 12_000_000_001UL),
            () => market.Repay(B(3), Alice, Usdc, 12_000_000_001UL));
    }

    [Fact]
    public void Repay_WithoutDebt()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("AmountExceedsDebt(address,address,uint256,uint256)", Bob, Usdc, 0, UInt256.MaxValue),
            () => market.Repay(B(3), Bob, Usdc, UInt256.MaxValue));
    }

    [Fact]
    public void Repay_AmountThatBurnsNothing()
    {
        Market market = AliceBorrowing();
        market.AccrueInterest(B(3), Usdc, U(Ray * 3 / 2), U(Ray));
        AssertRevertsAtomically(market, ErrorHex("AmountRoundsToZero(address,uint256)", Usdc, 1), () => market.Repay(B(3), Alice, Usdc, 1));
    }
}
