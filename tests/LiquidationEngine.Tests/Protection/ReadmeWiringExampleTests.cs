using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Throttling;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Protection;

/// <summary>README.md's "Configuring a market" snippet (Throttles and circuit breakers), compiled and run against the reference account.</summary>
public class ReadmeWiringExampleTests
{
    [Fact]
    public void ConfiguringAMarketSnippetWorksAsDescribed()
    {
        // --- README snippet (keep in sync) ---
        var market = new Market(new MarketOptions
        {
            Protection = new ProtectionOptions
            {
                // At most $1,000,000 of debt repaid in a burst, refilled at $500/s, nothing under $1,000 (8-decimal prices).
                Throttle = new ThrottleOptions
                {
                    CapacityNotional = 100_000_000_000_000UL,
                    RefillPerSecond = 50_000_000_000UL,
                    MinimumLiquidationNotional = 100_000_000_000UL,
                },
                // Open for 30 minutes when 10% of the collateral value is liquidated within the hour
                // or a price falls 20% below its one-hour high; liquidations then wait, except below HF 0.90.
                Breaker = new CircuitBreakerOptions
                {
                    LiquidationVelocityBps = new(Trip: 1_000UL, Reset: 300UL),
                    PriceFallBps = new(Trip: 2_000UL, Reset: 1_000UL),
                    BreakDurationSeconds = 1_800,
                },
                Oracle = new OracleGuardOptions { MaxPriceAgeSeconds = 3_600 }, // OracleStale after an hour without a price
            },
        });
        // --- end of snippet ---

        market.ListAsset(B(1), WethConfig, WethPrice);
        market.ListAsset(B(1), UsdcConfig, UsdcPrice);
        market.Supply(B(2), Bob, Usdc, 1_000_000_000_000UL);
        market.Supply(B(2), Alice, Weth, 10 * Wad);
        market.Borrow(B(2), Alice, Usdc, 12_000_000_000UL);

        // A 30% fall from the high trips the breaker: Alice (HF 0.9625, above the floor) waits for the break to end.
        market.SetPrice(B(3), Weth, 1400_0000_0000UL);
        BreakerState state = market.GetBreakerState(Address.Zero);
        Assert.Equal(CircuitState.Open, state.State);
        EvmAssertRevert(() => market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue), "LiquidationsPaused");

        // The guardian may reset it; the fall is still above the trip threshold, so the next evaluation trips it again.
        market.ResetBreaker(B(4), Address.Zero);
        market.EvaluateBreakers(B(5));
        Assert.Equal(CircuitState.Open, market.GetBreakerState(Address.Zero).State);
    }

    private static void EvmAssertRevert(Action operation, string error) =>
        Assert.StartsWith(error + "(", Assert.Throws<EvmRevertException>(operation).Message);
}
