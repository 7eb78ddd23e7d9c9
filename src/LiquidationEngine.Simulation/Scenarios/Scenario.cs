using System.Collections.Immutable;
using LiquidationEngine.Simulation.Positions;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>
/// Everything a run needs, validated (<see cref="ScenarioReader"/> builds it from JSON; spec/SPEC.md section 8 documents
/// every field with its unit and default). Values in base-currency units have 8 decimals (1e8 = 1 USD).
/// </summary>
public sealed record Scenario
{
    /// <summary>A label for reports.</summary>
    public string Name { get; init; } = "scenario";

    /// <summary>Seed of every random stream (paths, positions). Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Number of blocks simulated. Default 7 200 (one day of 12-second blocks).</summary>
    public int Blocks { get; init; } = 7_200;

    /// <summary>Seconds per block. Default 12.</summary>
    public ulong BlockSeconds { get; init; } = 12;

    /// <summary>Timestamp of block 0, seconds. Default 1 584 000 000 (12 March 2020).</summary>
    public ulong StartTimestamp { get; init; } = 1_584_000_000;

    /// <summary>The stablecoin borrowed (worth 1 USD).</summary>
    public DebtAssetSpec Debt { get; init; } = new();

    /// <summary>The collateral assets, each with its own path, pool and oracle. At least one.</summary>
    public ImmutableArray<CollateralSpec> Collateral { get; init; } = [];

    /// <summary>Generated positions (when <see cref="ImportedPositions"/> is empty).</summary>
    public PositionGeneratorOptions Positions { get; init; } = new();

    /// <summary>Positions from a file; when not empty they replace the generator.</summary>
    public ImmutableArray<PositionSpec> ImportedPositions { get; init; } = [];

    /// <summary>Keeper behaviour: gas costs, block space, profit threshold.</summary>
    public KeeperOptions Keepers { get; init; } = new();

    /// <summary>Lending-market settings of the engine.</summary>
    public MarketSpec Market { get; init; } = new();

    /// <summary>The throttle, breaker and oracle-guard parameters the protection sets use (the engine's option records).</summary>
    public ProtectionParameters Protections { get; init; } = new();
}
