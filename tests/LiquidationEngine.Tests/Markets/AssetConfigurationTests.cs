using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Markets;

/// <summary>ListAsset, SetRiskParameters and SetPrice: every success and revert path.</summary>
public class AssetConfigurationTests
{
    private static readonly Address Token = Addr(0x70CE);

    private static AssetConfig Config(uint ltv = 8000, uint lt = 8500, uint bonus = 10500, uint fee = 1000, AssetFlags flags = AssetFlags.CollateralEnabled, byte decimals = 18) =>
        new(Token, decimals, new RiskParameters(ltv, lt, bonus, fee, flags));

    [Fact]
    public void ListAsset_StartsAtUnitIndexesAndEmitsListingThenParameters()
    {
        var events = new EventRecorder();
        var market = new Market(new MarketOptions(), events);
        AssetConfig config = Config() with { Risk = Config().Risk with { SupplyCap = 5, BorrowCap = 7 } };
        market.ListAsset(B(3), config, 123);

        AssetState state = market.GetAsset(Token);
        Assert.Equal(config, state.Config);
        Assert.Equal((UInt256)123UL, state.Price);
        Assert.Equal(U(Ray), state.SupplyIndex);
        Assert.Equal(U(Ray), state.BorrowIndex);
        Assert.Equal(UInt256.Zero, state.Cash);
        Assert.Equal(B(3), market.LastBlock);
        Assert.Equal([Token], market.Assets);
        Assert.Equal<EngineEvent>([new AssetListedEvent(Token, 18, 123), new RiskParametersSetEvent(Token, config.Risk)], events.Events);
    }

    [Fact]
    public void ListAsset_AcceptsBoundaryConfigurations()
    {
        var market = new Market(new MarketOptions());
        // LTV = LT = 0 (not a collateral), 36 decimals, fee 100%, bonus exactly 1.
        market.ListAsset(B(1), new AssetConfig(Addr(1), 36, new RiskParameters(0, 0, 10000, 10000, AssetFlags.None)), 1);
        // LT x bonus just below 100%: 9523 x 10500 = 99 991 500 < 1e8.
        market.ListAsset(B(1), new AssetConfig(Addr(2), 0, new RiskParameters(9522, 9523, 10500, 0, AssetFlags.CollateralEnabled)), 1);
        Assert.Equal(2, market.Assets.Count());
    }

    public static TheoryData<AssetConfig, string> InvalidConfigs => new()
    {
        { Config() with { Asset = Address.Zero }, ErrorHex("ZeroAssetAddress()") },
        { Config(decimals: 37), ErrorHex("InvalidDecimals(address,uint8)", Token, 37) },
        { Config(ltv: 8500, lt: 8500), ErrorHex("InvalidLtv(address,uint256,uint256)", Token, 8500, 8500) },
        { Config(ltv: 1, lt: 0), ErrorHex("InvalidLtv(address,uint256,uint256)", Token, 1, 0) },
        { Config(bonus: 9999), ErrorHex("InvalidLiquidationBonus(address,uint256)", Token, 9999) },
        // 9524 x 10500 = 100 002 000 >= 1e8: liquidations could only lower health factors.
        { Config(ltv: 9000, lt: 9524), ErrorHex("LiquidationCannotHeal(address,uint256,uint256)", Token, 9524, 10500) },
        { Config(ltv: 9000, lt: 10000, bonus: 10000), ErrorHex("LiquidationCannotHeal(address,uint256,uint256)", Token, 10000, 10000) },
        { Config(fee: 10001), ErrorHex("InvalidProtocolFee(address,uint256)", Token, 10001) },
        { Config(flags: (AssetFlags)4), ErrorHex("InvalidFlags(address,uint256)", Token, 4) },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void ListAsset_RejectsInvalidConfiguration(AssetConfig config, string expectedHex)
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        AssertRevertsAtomically(market, expectedHex, () => market.ListAsset(B(5), config, 1), events);
    }

    [Fact]
    public void ListAsset_VariableBonusChecksThresholdAgainstTheMarketMaximum()
    {
        // Under VariableBonus the most a liquidation can pay is MaxBonusBps (10800): 9260 x 10800 = 100 008 000.
        var market = new Market(new MarketOptions { Bonus = new VariableBonus() });
        AssertRevertsAtomically(market, ErrorHex("LiquidationCannotHeal(address,uint256,uint256)", Token, 9260, 10800),
            () => market.ListAsset(B(1), Config(ltv: 9000, lt: 9260, bonus: 10000), 1));
        market.ListAsset(B(1), Config(ltv: 9000, lt: 9259, bonus: 10000), 1); // 9259 x 10800 = 99 997 200
    }

    [Fact]
    public void ListAsset_AlreadyListed()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("AssetAlreadyListed(address)", Weth), () => market.ListAsset(B(5), WethConfig, 1));
    }

    [Fact]
    public void ListAsset_ZeroPrice()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("InvalidPrice(address,uint256)", Token, 0), () => market.ListAsset(B(5), Config(), 0));
    }

    [Fact]
    public void ListAsset_TooManyAssets()
    {
        var market = new Market(new MarketOptions());
        for (ulong i = 1; i <= MarketOptions.MaxAssets; i++)
            market.ListAsset(B(1), new AssetConfig(Addr(i), 18, new RiskParameters(0, 0, 10000, 0, AssetFlags.None)), 1);
        AssertRevertsAtomically(market, ErrorHex("TooManyAssets(uint256)", 128), () => market.ListAsset(B(1), Config(), 1));
    }

    [Fact]
    public void ListAsset_AlreadyListedIsCheckedBeforeTheConfiguration()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("AssetAlreadyListed(address)", Weth),
            () => market.ListAsset(B(5), WethConfig with { Decimals = 99 }, 0));
    }

    [Fact]
    public void SetRiskParameters_ReplacesAndEmits()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        var risk = new RiskParameters(5000, 6000, 11000, 500, AssetFlags.BorrowingEnabled, 1, 2);
        market.SetRiskParameters(B(4), Weth, risk);
        Assert.Equal(risk, market.GetAsset(Weth).Config.Risk);
        Assert.Equal(18, market.GetAsset(Weth).Config.Decimals);
        Assert.Equal<EngineEvent>([new RiskParametersSetEvent(Weth, risk)], events.Events);
    }

    [Fact]
    public void SetRiskParameters_UnlistedAsset()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Token), () => market.SetRiskParameters(B(4), Token, Config().Risk));
    }

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void SetRiskParameters_RejectsInvalidParameters(AssetConfig config, string expectedHex)
    {
        if (config.Asset.IsZero || config.Decimals > 36) return; // not risk parameters
        var market = new Market(new MarketOptions());
        market.ListAsset(B(1), Config(), 1);
        AssertRevertsAtomically(market, expectedHex, () => market.SetRiskParameters(B(4), Token, config.Risk));
    }

    [Fact]
    public void SetPrice_ReplacesAndEmitsOldAndNew()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.SetPrice(B(4), Weth, 1);
        Assert.Equal(UInt256.One, market.GetAsset(Weth).Price);
        Assert.Equal<EngineEvent>([new PriceSetEvent(Weth, WethPrice, 1)], events.Events);
    }

    [Fact]
    public void SetPrice_Zero()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("InvalidPrice(address,uint256)", Weth, 0), () => market.SetPrice(B(4), Weth, 0));
    }

    [Fact]
    public void SetPrice_UnlistedAsset()
    {
        Market market = ListedMarket();
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Token), () => market.SetPrice(B(4), Token, 1));
    }
}
