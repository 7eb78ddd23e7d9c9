using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Protection;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Protection.ProtectionKit;

namespace LiquidationEngine.Tests.Protection;

/// <summary>
/// Throttles through Liquidate on the reference account at WETH = $1400 (HF 0.9625: the close factor allows 6 000 USDC,
/// a notional of 6e11 = $6 000 at 8 decimals; throttled notional is the debt value repaid). Expected amounts come from
/// the same liquidation with an explicit debtToCover on a market without protection.
/// </summary>
public class ThrottleWiringTests
{
    private static ProtectionOptions MarketThrottle(ulong capacity, ulong refill, ulong minimum) => new() { Throttle = Throttle(capacity, refill, minimum) };

    [Fact]
    public void LargerThanAvailable_FillsPartiallyUpToIt()
    {
        Market market = Crashed(1400, MarketThrottle(400_000_000_000UL, 100_000_000UL, 100_000_000_000UL)); // $4 000, $1/s, min $1 000
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);

        LiquidationResult reference = PlainCrashed(1400).Liquidate(B(4), Keeper, Alice, Usdc, Weth, 4_000_000_000UL);
        Assert.Equal(reference, result);
        Assert.Equal((UInt256)4_000_000_000UL, result.DebtRepaid);           // 4 000 USDC
        Assert.Equal((UInt256)3_000_000_000_000_000_000UL, result.CollateralSeized); // 4 000 x 1.05 / 1 400 = 3 WETH
        Assert.Equal(UInt256.Zero, market.GetThrottleAvailable(Address.Zero, T(4)));
        Assert.Equal((UInt256)10_000_000_000UL, market.GetThrottleAvailable(Address.Zero, T(4) + 100));
    }

    [Fact]
    public void AvailableAroundTheMinimum_RevertsWithTheExactWait_ThenFillsTheMinimum()
    {
        // $1 000 burst, $1/s, min $500: the first liquidation takes the burst (1 000 USDC) and leaves Alice liquidatable.
        Market market = Crashed(1400, MarketThrottle(100_000_000_000UL, 100_000_000UL, 50_000_000_000UL));
        ulong t = T(4);
        Assert.Equal((UInt256)1_000_000_000UL, market.Liquidate(At(t), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);

        AssertRevertsAtomically(market, Throttled(0, 500), () => market.Liquidate(At(t), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
        AssertRevertsAtomically(market, Throttled(49_900_000_000, 1), () => market.Liquidate(At(t + 499), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
        Assert.Equal((UInt256)500_000_000UL, market.Liquidate(At(t + 500), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
        Assert.Equal((UInt256)501_000_000UL, market.Liquidate(At(t + 1_001), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }

    [Fact]
    public void DustBelowTheMinimum_Reverts()
    {
        Market market = Crashed(1400, MarketThrottle(100_000_000_000UL, 100_000_000UL, 50_000_000_000UL));
        AssertRevertsAtomically(market, BelowMinimum(40_000_000_000, 50_000_000_000), () => market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, 400_000_000UL));
        Assert.Equal((UInt256)500_000_000UL, market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, 500_000_000UL).DebtRepaid);
    }

    [Fact]
    public void MinimumAboveWhatTheAccountAllows_OnlyTheWholeAllowanceGoesThrough()
    {
        // Minimum $10 000, but the close factor allows $6 000: the minimum becomes $6 000 for this account.
        Market market = Crashed(1400, MarketThrottle(2_000_000_000_000UL, 100_000_000UL, 1_000_000_000_000UL));
        AssertRevertsAtomically(market, BelowMinimum(500_000_000_000, 600_000_000_000), () => market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, 5_000_000_000UL));
        Assert.Equal((UInt256)6_000_000_000UL, market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }

    [Fact]
    public void BelowTheEmergencyFloor_BypassesAndStillDrains()
    {
        // WETH at $1 000: HF 0.6875 < 0.90. The bucket holds $1 000, the liquidation takes all 10 WETH (9 523.81 USDC).
        Market market = Crashed(1000, MarketThrottle(100_000_000_000UL, 100_000_000UL, 50_000_000_000UL));
        LiquidationResult result = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal(PlainCrashed(1000).Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue), result);
        Assert.Equal((UInt256)9_523_809_524UL, result.DebtRepaid);
        Assert.Equal(UInt256.Zero, market.GetThrottleAvailable(Address.Zero, T(4)));
    }

    [Fact]
    public void FloorAtZero_NoBypass()
    {
        Market market = Crashed(1000, MarketThrottle(100_000_000_000UL, 100_000_000UL, 50_000_000_000UL) with { EmergencyHealthFactorFloor = UInt256.Zero });
        Assert.Equal((UInt256)1_000_000_000UL, market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }

    [Fact]
    public void EmergencyFloorBoundary_StrictlyBelowBypasses()
    {
        // HF = 0.9625e18 at $1 400: a floor of exactly that does not bypass, one wei more does.
        ProtectionOptions small = MarketThrottle(100_000_000_000UL, 0UL, 50_000_000_000UL);
        Market atFloor = Crashed(1400, small with { EmergencyHealthFactorFloor = 962_500_000_000_000_000UL });
        Assert.Equal((UInt256)1_000_000_000UL, atFloor.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
        Market aboveFloor = Crashed(1400, small with { EmergencyHealthFactorFloor = 962_500_000_000_000_001UL });
        Assert.Equal((UInt256)6_000_000_000UL, aboveFloor.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }

    [Fact]
    public void AssetThrottle_LimitsLiquidationsSeizingThatAsset()
    {
        var options = new ProtectionOptions
        {
            Throttle = Throttle(1_000_000_000_000UL, 0UL, 1UL),
            Assets = System.Collections.Immutable.ImmutableDictionary<Address, AssetProtectionOptions>.Empty
                .Add(Weth, new AssetProtectionOptions { Throttle = Throttle(200_000_000_000UL, 0UL, 1UL) }),
        };
        Market market = Crashed(1400, options);
        Assert.Equal((UInt256)2_000_000_000UL, market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
        Assert.Equal(UInt256.Zero, market.GetThrottleAvailable(Weth, T(4)));
        Assert.Equal((UInt256)800_000_000_000UL, market.GetThrottleAvailable(Address.Zero, T(4)));
        // r = 0: the asset bucket never refills for a minimum of 1.
        AssertRevertsAtomically(market, Throttled(0, Max256), () => market.Liquidate(B(5), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
    }

    [Fact]
    public void QuoteLiquidation_PreviewsTheThrottledFill()
    {
        Market market = Crashed(1400, MarketThrottle(400_000_000_000UL, 100_000_000UL, 100_000_000_000UL));
        UInt256 hash = market.StateHash;
        Assert.Equal((UInt256)4_000_000_000UL, market.QuoteLiquidation(B(4), Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
        Assert.Equal((UInt256)6_000_000_000UL, market.GetMaxLiquidation(Alice, Usdc, Weth).DebtRepaid);
        Assert.Equal(hash, market.StateHash);
    }
}
