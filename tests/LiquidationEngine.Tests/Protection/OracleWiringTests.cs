using LiquidationEngine.Engine;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Protection.ProtectionKit;

namespace LiquidationEngine.Tests.Protection;

/// <summary>
/// Oracle guards through the engine: every price the account's health factor reads must be at most MaxPriceAgeSeconds
/// old (USDC's was set at listing, block 1; WETH's in block 3), and after an outage a grace period blocks liquidations
/// except below the emergency floor, and borrows without exception (Aave V3 PriceOracleSentinel).
/// </summary>
public class OracleWiringTests
{
    private static ProtectionOptions Guards(ulong maxAge = 3_600, ulong grace = 600) =>
        new() { Oracle = new OracleGuardOptions { MaxPriceAgeSeconds = maxAge, GracePeriodSeconds = grace } };

    [Theory]
    [InlineData(3_599, false)]
    [InlineData(3_600, false)] // exactly the maximum age is still fresh
    [InlineData(3_601, true)]
    public void StalePrice_RevertsWithTheAssetAndAge(ulong age, bool stale)
    {
        Market market = Crashed(1400, Guards());
        ulong now = T(1) + age;
        if (stale)
            AssertRevertsAtomically(market, Stale(Usdc, age), () => market.Liquidate(At(now), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
        else
            Assert.Equal((UInt256)6_000_000_000UL, market.Liquidate(At(now), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }

    [Fact]
    public void StalePrice_BlocksEmergencyLiquidationsToo()
    {
        Market market = Crashed(1000, Guards());
        AssertRevertsAtomically(market, Stale(Usdc, 3_601), () => market.Liquidate(At(T(1) + 3_601), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
    }

    [Fact]
    public void StalePrice_BlocksBorrows()
    {
        Market market = AliceBorrowing(options: With(Guards()));
        AssertRevertsAtomically(market, Stale(Weth, 3_601), () => market.Borrow(At(T(1) + 3_601), Alice, Usdc, 1UL));
    }

    // Outage: both prices come back at R, more than MaxPriceAgeSeconds after their last update: the grace period of
    // 600 s runs until R + 600 inclusive; liquidations are allowed from R + 601 (Aave: now - timestampGotUp > grace).
    [Theory]
    [InlineData(599, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void AfterAnOutage_GracePeriodBlocksLiquidations(ulong elapsed, bool blocked)
    {
        Market market = AliceBorrowing(options: With(Guards()));
        ulong recovered = T(3) + 4_000;
        market.SetPrice(At(recovered), Weth, 1400_0000_0000UL);
        market.SetPrice(At(recovered), Usdc, UsdcPrice);
        if (blocked)
            AssertRevertsAtomically(market, Grace(Weth, recovered + 601), () => market.Liquidate(At(recovered + elapsed), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
        else
            Assert.Equal((UInt256)6_000_000_000UL, market.Liquidate(At(recovered + elapsed), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }

    [Fact]
    public void GracePeriod_EmergencyAccountsBypass_BorrowsWait()
    {
        Market market = AliceBorrowing(options: With(Guards()));
        ulong recovered = T(3) + 4_000;
        market.SetPrice(At(recovered), Usdc, UsdcPrice);
        market.SetPrice(At(recovered), Weth, 2000_0000_0000UL);
        AssertRevertsAtomically(market, Grace(Weth, recovered + 601), () => market.Borrow(At(recovered + 10), Alice, Usdc, 1UL));

        market.SetPrice(At(recovered + 10), Weth, 1000_0000_0000UL); // HF 0.6875
        Assert.Equal((UInt256)9_523_809_524UL, market.Liquidate(At(recovered + 10), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }
}
