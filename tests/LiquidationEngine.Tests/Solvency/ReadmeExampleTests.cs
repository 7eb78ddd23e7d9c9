using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Solvency;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Solvency;

/// <summary>README.md (solvency waterfall)'s snippet, verbatim, and every number of its two tables (computed by hand there).</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void SnippetReproducesTheTables()
    {
        AssetConfig wethConfig = WethConfig, usdcConfig = UsdcConfig;
        var (weth, usdc, alice, bob, keeper, treasury, carol) = (Weth, Usdc, Alice, Bob, Keeper, SolvencyKit.Treasury, SolvencyKit.Carol);

        // ---- README snippet ----
        var events = new EventRecorder();
        var market = new Market(new MarketOptions(), events);   // prices with 8 decimals
        market.ListAsset(new Block(1, 1_700_000_012), wethConfig, 2000_0000_0000UL);
        market.ListAsset(new Block(1, 1_700_000_012), usdcConfig, 1_0000_0000UL);
        var block = new Block(2, 1_700_000_024);
        market.Supply(block, bob, usdc, 1_000_000_000_000UL);               // 1,000,000 USDC
        market.Supply(block, alice, weth, 10_000_000_000_000_000_000UL);    // 10 WETH
        market.Borrow(block, alice, usdc, 12_000_000_000UL);                 // 12,000 USDC

        block = new Block(3, 1_700_000_036);
        market.SetPrice(block, weth, 1000_0000_0000UL);
        market.DepositInsurance(block, treasury, usdc, 1_000_000_000UL);    // 1,000 USDC fund
        market.SetBackstop(block, usdc, carol, 500_000_000UL);              // 500 USDC backstop
        AssetSolvencyReport before = market.GetSolvencyReport(usdc);

        market.Liquidate(new Block(4, 1_700_000_048), keeper, alice, usdc, weth, UInt256.MaxValue);
        AssetSolvencyReport books = market.GetSolvencyReport(usdc);
        // ---- end ----

        // books table, "before the liquidation" row: 989,000 + 12,000 = 1,000,000 + 1,000 + 0 + 0
        Assert.Equal((989_000_000_000UL, 12_000_000_000UL, 1_000_000_000_000UL, 1_000_000_000UL, 0UL, 0UL),
            ((ulong)before.Cash, (ulong)before.TotalDebt, (ulong)before.TotalSupply, (ulong)before.InsuranceFund, (ulong)before.Reserves, (ulong)before.Surplus));
        // "after" row
        Assert.Equal((999_023_809_524UL, 0UL, 999_023_809_524UL, 0UL, 0UL, 0UL),
            ((ulong)books.Cash, (ulong)books.TotalDebt, (ulong)books.TotalSupply, (ulong)books.InsuranceFund, (ulong)books.Reserves, (ulong)books.Surplus));
        // waterfall table
        Assert.Equal((2_476_190_476UL, 1_000_000_000UL, 500_000_000UL, 976_190_476UL),
            ((ulong)books.BadDebtRealized, (ulong)books.InsuranceAbsorbed, (ulong)books.BackstopAbsorbed, (ulong)books.LossSocialized));
        Assert.Equal(U("999023809524000000000000000"), books.SupplyIndex);
        Assert.Equal(UInt256.Zero, books.BackstopCapacity);
        Assert.Equal((UInt256)999_023_809_524UL, market.GetSupplyBalance(bob, usdc));
        // repaid 9,523.809524 USDC; the 0.047619 WETH fee in the WETH fund
        Assert.Equal((UInt256)9_523_809_524UL, events.Events.OfType<LiquidationCallEvent>().Single().DebtRepaid);
        Assert.Equal((UInt256)47_619_047_619_047_619UL, market.GetSolvencyReport(weth).InsuranceFund);
    }
}
