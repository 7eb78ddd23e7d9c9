using System.Numerics;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

public class SupplyWithdrawTests
{
    private static readonly Address Unlisted = Addr(0xDEAD);

    // ---- Supply ----

    [Fact]
    public void FirstSupplyOfACollateralEnablesItAndEmitsBeforeSupply()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        UInt256 minted = market.Supply(B(2), Alice, Weth, 5 * Wad);

        Assert.Equal((UInt256)(5 * Wad), minted); // index 1: scaled = amount
        Assert.Equal((UInt256)(5 * Wad), market.GetSupplyBalance(Alice, Weth));
        Assert.True(market.IsUsedAsCollateral(Alice, Weth));
        AssetState weth = market.GetAsset(Weth);
        Assert.Equal((UInt256)(5 * Wad), weth.Cash);
        Assert.Equal((UInt256)(5 * Wad), weth.TotalScaledSupply);
        Assert.Equal<EngineEvent>([new UseAsCollateralSetEvent(Weth, Alice, true), new SupplyEvent(Weth, Alice, 5 * Wad, 5 * Wad)], events.Events);

        events.Clear();
        market.Supply(B(3), Alice, Weth, 1);
        Assert.Equal<EngineEvent>([new SupplyEvent(Weth, Alice, 1, 1)], events.Events); // not a first supply
        Assert.Equal((UInt256)(5 * Wad + 1), market.GetSupplyBalance(Alice, Weth));
    }

    [Fact]
    public void SupplyOfANonCollateralAssetDoesNotEnableIt()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.ListAsset(B(1), DaiConfig, DaiPrice);
        events.Clear();
        market.Supply(B(2), Alice, Dai, Wad);
        Assert.False(market.IsUsedAsCollateral(Alice, Dai));
        Assert.Equal<EngineEvent>([new SupplyEvent(Dai, Alice, Wad, Wad)], events.Events);
    }

    [Fact]
    public void SupplyAfterInterestMintsScaledRoundedDown()
    {
        Market market = ListedMarket();
        // supply index 1.5: 10 units mint floor(10 / 1.5) = 6 scaled; the balance reads floor(6 x 1.5) = 9.
        market.AccrueInterest(B(2), Usdc, U(Ray * 3 / 2), U(Ray * 3 / 2));
        Assert.Equal((UInt256)6UL, market.Supply(B(2), Alice, Usdc, 10));
        Assert.Equal((UInt256)9UL, market.GetSupplyBalance(Alice, Usdc));
        Assert.Equal((UInt256)10UL, market.GetAsset(Usdc).Cash);
    }

    [Fact]
    public void Supply_UnlistedAsset()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.Supply(B(2), Alice, Unlisted, 1));
    }

    [Fact]
    public void Supply_ZeroAmount()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        EvmRevertException revert = AssertRevertsAtomically(market, ErrorHex("ZeroAmount(address)", Weth), () => market.Supply(B(2), Alice, Weth, 0), events);
        Assert.Contains("amount must not be zero", revert.Message);
    }

    [Fact]
    public void Supply_AmountThatMintsNothing()
    {
        Market market = ListedMarket();
        market.AccrueInterest(B(2), Usdc, U(Ray * 3 / 2), U(Ray * 3 / 2));
        // floor(1 / 1.5) = 0 scaled units
        AssertRevertsAtomically(market, ErrorHex("AmountRoundsToZero(address,uint256)", Usdc, 1), () => market.Supply(B(2), Alice, Usdc, 1));
    }

    [Fact]
    public void Supply_CapIsInclusive()
    {
        Market market = ListedMarket();
        market.SetRiskParameters(B(1), Usdc, UsdcConfig.Risk with { SupplyCap = 1000 });
        market.Supply(B(2), Alice, Usdc, 600);
        AssertRevertsAtomically(market, ErrorHex("SupplyCapExceeded(address,uint256,uint256)", Usdc, 1000, 1001), () => market.Supply(B(2), Bob, Usdc, 401));
        market.Supply(B(2), Bob, Usdc, 400);
        Assert.Equal((UInt256)1000UL, market.GetAsset(Usdc).TotalSupply);
    }

    [Fact]
    public void Supply_OverflowPanics()
    {
        Market market = ListedMarket();
        market.Supply(B(2), Alice, Usdc, UInt256.MaxValue);
        AssertRevertsAtomically(market, EvmAssert.Overflow, () => market.Supply(B(2), Bob, Usdc, 1));
    }

    // ---- Withdraw ----

    [Fact]
    public void WithdrawPart_BurnsScaledRoundedUp()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.AccrueInterest(B(2), Usdc, U(Ray * 3 / 2), U(Ray * 3 / 2));
        market.Supply(B(2), Alice, Usdc, 100); // floor(100 / 1.5) = 66 scaled, balance floor(99) = 99
        events.Clear();
        // 10 units burn ceil(10 / 1.5) = 7 scaled; 59 scaled left = floor(88.5) = 88 units.
        Assert.Equal((UInt256)10UL, market.Withdraw(B(3), Alice, Usdc, 10));
        Assert.Equal((UInt256)88UL, market.GetSupplyBalance(Alice, Usdc));
        Assert.Equal((UInt256)90UL, market.GetAsset(Usdc).Cash);
        Assert.Equal((UInt256)59UL, market.GetAsset(Usdc).TotalScaledSupply);
        Assert.Equal<EngineEvent>([new WithdrawEvent(Usdc, Alice, 10, 7)], events.Events);
    }

    [Fact]
    public void WithdrawAll_BurnsEverythingDisablesCollateralAndForgetsTheAccount()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        UInt256 emptyHash = market.StateHash;
        market.Supply(B(1), Alice, Weth, 3 * Wad);
        events.Clear();
        Assert.Equal((UInt256)(3 * Wad), market.Withdraw(B(1), Alice, Weth, UInt256.MaxValue));
        Assert.False(market.IsUsedAsCollateral(Alice, Weth));
        Assert.Equal<EngineEvent>([new UseAsCollateralSetEvent(Weth, Alice, false), new WithdrawEvent(Weth, Alice, 3 * Wad, 3 * Wad)], events.Events);
        Assert.Empty(market.CaptureState().Accounts);
        Assert.Equal(emptyHash, market.StateHash); // same state as before the round trip (same block)
    }

    [Fact]
    public void WithdrawOfAnAssetNotUsedAsCollateralSkipsTheHealthCheck()
    {
        Market market = AliceBorrowing();
        market.Supply(B(3), Alice, Wbtc, 100_000_000UL);
        market.SetUseAsCollateral(B(3), Alice, Wbtc, false);
        market.SetPrice(B(4), Weth, 1000_0000_0000UL); // Alice is now liquidatable
        Assert.Equal((UInt256)100_000_000UL, market.Withdraw(B(4), Alice, Wbtc, UInt256.MaxValue));
    }

    [Fact]
    public void Withdraw_UnlistedAsset()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.Withdraw(B(3), Alice, Unlisted, 1));
    }

    [Fact]
    public void Withdraw_ZeroAmount()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("ZeroAmount(address)", Weth), () => market.Withdraw(B(3), Alice, Weth, 0));
    }

    [Fact]
    public void Withdraw_AboveBalance()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("AmountExceedsSupply(address,address,uint256,uint256)", Alice, Weth, 10 * Wad, 10 * Wad + 1),
            () => market.Withdraw(B(3), Alice, Weth, 10 * Wad + 1));
    }

    [Fact]
    public void Withdraw_MaxOfAnEmptyBalance()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("AmountExceedsSupply(address,address,uint256,uint256)", Alice, Wbtc, 0, UInt256.MaxValue),
            () => market.Withdraw(B(3), Alice, Wbtc, UInt256.MaxValue));
    }

    [Fact]
    public void Withdraw_MoreThanTheCashLeft()
    {
        Market market = AliceBorrowing();
        // Bob supplied 1 000 000 USDC, Alice borrowed 12 000: 988 000 USDC of cash left.
        AssertRevertsAtomically(market, ErrorHex("InsufficientCash(address,uint256,uint256)", Usdc, 988_000_000_000UL, 1_000_000_000_000UL),
            () => market.Withdraw(B(3), Bob, Usdc, UInt256.MaxValue));
        market.Withdraw(B(3), Bob, Usdc, 988_000_000_000UL);
    }

    [Fact]
    public void Withdraw_WouldLeaveHealthFactorBelowOne()
    {
        Market market = AliceBorrowing();
        // Withdrawing 2.8 WETH leaves 7.2 WETH = 1.44e12; HF = 1.44e12 x 8250 x 1e14 / 1.2e12 = 0.99e18.
        AssertRevertsAtomically(market, ErrorHex("HealthFactorTooLow(address,uint256)", Alice, 990_000_000_000_000_000UL),
            () => market.Withdraw(B(3), Alice, Weth, 2_800_000_000_000_000_000UL));
        // 7.2727... WETH keeps HF >= 1: withdraw 2.7 WETH -> 7.3 WETH: HF = 1.46e12 x 8250 x 1e14 / 1.2e12 = 1.00375e18.
        market.Withdraw(B(3), Alice, Weth, 2_700_000_000_000_000_000UL);
        Assert.Equal((UInt256)1_003_750_000_000_000_000UL, market.GetAccountData(Alice).HealthFactor);
    }

    [Fact]
    public void Withdraw_AllCollateralWithDebtReportsHealthFactorZero()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("HealthFactorTooLow(address,uint256)", Alice, 0),
            () => market.Withdraw(B(3), Alice, Weth, UInt256.MaxValue));
    }

    [Fact]
    public void BalancesAreScaledByTheIndex()
    {
        Market market = ListedMarket();
        market.Supply(B(2), Alice, Usdc, 1_000_000UL);
        market.AccrueInterest(B(3), Usdc, U(Ray), U(Ray + Ray / 10)); // +10%
        Assert.Equal((UInt256)1_100_000UL, market.GetSupplyBalance(Alice, Usdc));
        Assert.Equal(U(BigInteger.Parse("1100000")), market.GetAsset(Usdc).TotalSupply);
    }
}
