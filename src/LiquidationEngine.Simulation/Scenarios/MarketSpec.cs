using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>The lending market's own settings in a scenario.</summary>
public sealed record MarketSpec
{
    /// <summary>The engine's market options (close factor policy, bonus policy, dust rule). Default: the engine's defaults.</summary>
    public MarketOptions Options { get; init; } = new();

    /// <summary>
    /// Insurance fund at the start, base-currency units. It absorbs bad debt first and grows with the protocol fees of
    /// liquidations (valued at the oracle price). Default 1 000 000 USD.
    /// </summary>
    public UInt256 InsuranceFund { get; init; } = 1_000_000UL * SimUnits.PriceOne;
}
