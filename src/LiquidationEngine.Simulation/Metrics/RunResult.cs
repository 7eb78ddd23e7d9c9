using System.Collections.Immutable;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Metrics;

/// <summary>The outcome of one run: the scenario, the protection set, every block's metrics and the summary.</summary>
/// <param name="Scenario">The scenario run.</param>
/// <param name="Protection">The protection set.</param>
/// <param name="Blocks">One record per block, block 0 first.</param>
/// <param name="Summary">The headline numbers.</param>
public sealed record RunResult(Scenario Scenario, ProtectionSet Protection, ImmutableArray<BlockRecord> Blocks, RunSummary Summary);
