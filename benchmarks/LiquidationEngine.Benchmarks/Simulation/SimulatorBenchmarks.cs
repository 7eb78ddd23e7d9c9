using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LiquidationEngine.Simulation.Running;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Benchmarks.Simulation;

/// <summary>
/// One simulator run of 100,000 positions x 1,000 blocks: the embedded black-thursday scenario with 100,000 positions
/// and 87-second blocks, so the 1,000 blocks span the whole day (the crash and the cascade included). One cold
/// iteration per protection set (a run is seconds long; the figure is its wall time); blocks per second = 1000 / time.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private Scenario _scenario = null!;

    [Params(ProtectionSet.None, ProtectionSet.All)]
    public ProtectionSet Protection { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = Build();

    /// <summary>The benchmark's scenario (also used by the README's timing).</summary>
    public static Scenario Build()
    {
        JsonObject root = ScenarioReader.ParseNode(DefaultScenario.Json, "default scenario").AsObject();
        root["blocks"] = 1_000;
        root["blockSeconds"] = 87;
        root["positions"]!["count"] = 100_000;
        root["keepers"]!["gasSpikes"] = new JsonArray(new JsonObject { ["fromBlock"] = 415, ["toBlock"] = 580, ["gasCostUsd"] = "400" });
        return ScenarioReader.Read(root, baseDirectory: null);
    }

    [Benchmark]
    public int Run() => Simulator.Run(_scenario, Protection).Summary.Liquidations;
}
