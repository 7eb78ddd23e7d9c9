using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>The lending market's own settings in a scenario.</summary>
public sealed record MarketSpec
{
    /// <summary>The engine's market options (close factor policy, bonus policy, dust rule). Default: the engine's defaults.</summary>
    public MarketOptions Options { get; init; } = new();

    /// <summary>
    /// Insurance fund of the stablecoin at the start, base-currency units (at 1 USD a token): deposited at block 0
    /// with <c>Market.DepositInsurance</c>, it is the first layer of the engine's waterfall for stablecoin bad debt.
    /// Liquidation protocol fees go, by the engine's rule, to the collateral asset's own fund, which covers bad debt
    /// in that asset only. Default 1 000 000 USD.
    /// </summary>
    public UInt256 InsuranceFund { get; init; } = 1_000_000UL * SimUnits.PriceOne;
}
