using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

public class CollateralAndInterestTests
{
    private static readonly Address Unlisted = Addr(0xDEAD);

    // ---- SetUseAsCollateral ----

    [Fact]
    public void DisableAndEnable()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.Supply(B(2), Alice, Weth, Wad);
        events.Clear();
        market.SetUseAsCollateral(B(3), Alice, Weth, false);
        Assert.False(market.IsUsedAsCollateral(Alice, Weth));
        Assert.Equal(UInt256.Zero, market.GetAccountData(Alice).TotalCollateralBase);
        market.SetUseAsCollateral(B(3), Alice, Weth, true);
        Assert.Equal((UInt256)2000_0000_0000UL, market.GetAccountData(Alice).TotalCollateralBase);
        Assert.Equal<EngineEvent>([new UseAsCollateralSetEvent(Weth, Alice, false), new UseAsCollateralSetEvent(Weth, Alice, true)], events.Events);
    }

    [Fact]
    public void SettingTheCurrentValueChangesNothingButTheBlock()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.Supply(B(2), Alice, Weth, Wad);
        events.Clear();
        market.SetUseAsCollateral(B(2), Alice, Weth, true);
        Assert.Empty(events.Events);
        Assert.True(market.IsUsedAsCollateral(Alice, Weth));
    }

    [Fact]
    public void DisablingIsAllowedWhileOtherCollateralKeepsHealthAtOne()
    {
        Market market = AliceBorrowing();
        market.Supply(B(3), Alice, Wbtc, 100_000_000UL);
        market.SetUseAsCollateral(B(3), Alice, Weth, false); // 1 WBTC = $60 000 x 75% covers 12 000 USDC
        Assert.Equal((UInt256)3_750_000_000_000_000_000UL, market.GetAccountData(Alice).HealthFactor); // 6e12 x 7500 x 1e14 / 1.2e12
    }

    [Fact]
    public void Disabling_WouldLeaveHealthFactorBelowOne()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("HealthFactorTooLow(address,uint256)", Alice, 0), () => market.SetUseAsCollateral(B(3), Alice, Weth, false));
    }

    [Fact]
    public void Enabling_AssetNotCollateralEnabled()
    {
        Market market = ListedMarket();
        market.ListAsset(B(1), DaiConfig, DaiPrice);
        market.Supply(B(2), Alice, Dai, Wad);
        AssertRevertsAtomically(market, ErrorHex("CollateralNotEnabled(address)", Dai), () => market.SetUseAsCollateral(B(3), Alice, Dai, true));
    }

    [Fact]
    public void DisablingTheAssetFlagKeepsExistingUse()
    {
        Market market = AliceBorrowing();
        market.SetRiskParameters(B(3), Weth, WethConfig.Risk with { Flags = AssetFlags.BorrowingEnabled });
        Assert.True(market.IsUsedAsCollateral(Alice, Weth));
        Assert.Equal((UInt256)1_375_000_000_000_000_000UL, market.GetAccountData(Alice).HealthFactor);
    }

    [Fact]
    public void NoSupplyBalance()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("NoSupplyBalance(address,address)", Alice, Weth), () => market.SetUseAsCollateral(B(3), Alice, Weth, true));
    }

    [Fact]
    public void SetUseAsCollateral_UnlistedAsset()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.SetUseAsCollateral(B(3), Alice, Unlisted, true));
    }

    // ---- AccrueInterest ----

    [Fact]
    public void Accrue_MovesIndexesAndBalances()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        UInt256 borrowIndex = U(Ray + Ray / 20), supplyIndex = U(Ray + Ray / 100); // +5% debt, +1% supply
        market.AccrueInterest(B(3), Usdc, borrowIndex, supplyIndex);
        Assert.Equal((UInt256)12_600_000_000UL, market.GetDebtBalance(Alice, Usdc));
        Assert.Equal((UInt256)1_010_000_000_000UL, market.GetSupplyBalance(Bob, Usdc));
        AssetState usdc = market.GetAsset(Usdc);
        Assert.Equal((borrowIndex, supplyIndex), (usdc.BorrowIndex, usdc.SupplyIndex));
        Assert.Equal<EngineEvent>([new InterestAccruedEvent(Usdc, borrowIndex, supplyIndex)], events.Events);
        // HF = 1.65e16 x 1e14 / 1.26e12
        Assert.Equal((UInt256)1_309_523_809_523_809_523UL, market.GetAccountData(Alice).HealthFactor);
    }

    [Fact]
    public void Accrue_SameIndexesAreAllowed()
    {
        Market market = AliceBorrowing();
        market.AccrueInterest(B(3), Usdc, U(Ray), U(Ray));
        Assert.Equal((UInt256)12_000_000_000UL, market.GetDebtBalance(Alice, Usdc));
    }

    [Fact]
    public void Accrue_BorrowIndexDecrease()
    {
        Market market = AliceBorrowing();
        market.AccrueInterest(B(3), Usdc, U(Ray + 5), U(Ray + 3));
        AssertRevertsAtomically(market, ErrorHex("BorrowIndexDecreased(address,uint256,uint256)", Usdc, U(Ray + 5), U(Ray + 4)),
            () => market.AccrueInterest(B(3), Usdc, U(Ray + 4), U(Ray + 3)));
    }

    [Fact]
    public void Accrue_SupplyIndexDecrease()
    {
        Market market = AliceBorrowing();
        market.AccrueInterest(B(3), Usdc, U(Ray + 5), U(Ray + 3));
        AssertRevertsAtomically(market, ErrorHex("SupplyIndexDecreased(address,uint256,uint256)", Usdc, U(Ray + 3), U(Ray + 2)),
            () => market.AccrueInterest(B(3), Usdc, U(Ray + 5), U(Ray + 2)));
    }

    [Fact]
    public void Accrue_TotalsThatNoLongerFitPanic()
    {
        Market market = ListedMarket();
        market.Supply(B(2), Bob, Usdc, U(System.Numerics.BigInteger.Pow(10, 60)));
        // total supply 1e60 x index / 1e27 would exceed 2^256 - 1
        AssertRevertsAtomically(market, EvmAssert.Overflow, () => market.AccrueInterest(B(3), Usdc, U(Ray), UInt256.MaxValue));
    }

    [Fact]
    public void Accrue_UnlistedAsset()
    {
        Market market = AliceBorrowing();
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.AccrueInterest(B(3), Unlisted, U(Ray), U(Ray)));
    }
}
