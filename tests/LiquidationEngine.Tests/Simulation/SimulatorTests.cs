using System.Text;
using System.Text.Json.Nodes;
using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Simulation.Running;
using LiquidationEngine.Simulation.Scenarios;
using Xunit;

namespace LiquidationEngine.Tests.Simulation;

/// <summary>
/// Runs of the small example scenario: reproducible to the byte (two runs, serial and parallel sweeps), the engine's
/// waterfall behind the solvency columns, the engine's protection behind the throttle and breaker columns.
/// </summary>
public class SimulatorTests
{
    private static readonly ProtectionSet[] Sets = [ProtectionSet.None, ProtectionSet.Throttle, ProtectionSet.Breakers, ProtectionSet.All];

    [Fact]
    public void TwoRunsWithTheSameSeedGiveTheSameCsvAndHtmlBytes()
    {
        Scenario scenario = SimulationTestKit.Read();
        RunResult[] first = [.. Sets.Select(set => Simulator.Run(scenario, set))];
        RunResult[] second = [.. Sets.Select(set => Simulator.Run(SimulationTestKit.Read(), set))];
        for (int i = 0; i < Sets.Length; i++)
            Assert.Equal(Encoding.UTF8.GetBytes(SimulationTestKit.Csv(first[i])), Encoding.UTF8.GetBytes(SimulationTestKit.Csv(second[i])));
        Assert.Equal(SimulationTestKit.Html(first), SimulationTestKit.Html(second));

        // The comparison can fail: another seed gives other bytes.
        Scenario other = SimulationTestKit.ReadEdited(root => root["seed"] = 8);
        Assert.NotEqual(SimulationTestKit.Csv(first[0]), SimulationTestKit.Csv(Simulator.Run(other, ProtectionSet.None)));
    }

    [Fact]
    public void ParallelSweepIsByteIdenticalToSerial()
    {
        IReadOnlyList<SweepPoint> points = Sweep.Expand(SimulationTestKit.Node(),
            [SweepAxis.Parse("throttle.capacityNotional=20000,200000"), SweepAxis.Parse("collateral[0].pool.depthUsd=1500000,3000000")],
            baseDirectory: null, seed: null);
        Assert.Equal(4, points.Count);
        RunJob[] jobs = [.. points.SelectMany(p => new[] { new RunJob(p.Scenario, ProtectionSet.Throttle), new RunJob(p.Scenario, ProtectionSet.All) })];
        RunResult[] serial = BatchRunner.Run(jobs, 1);
        RunResult[] parallel = BatchRunner.Run(jobs, 4);
        for (int i = 0; i < jobs.Length; i++)
            Assert.Equal(SimulationTestKit.Csv(serial[i]), SimulationTestKit.Csv(parallel[i]));
        Assert.Equal(SimulationTestKit.Html(serial), SimulationTestKit.Html(parallel));
        Assert.NotEqual(SimulationTestKit.Csv(serial[0]), SimulationTestKit.Csv(serial[2])); // the swept value matters
    }

    [Fact]
    public void BadDebtGoesThroughTheEnginesWaterfall()
    {
        RunResult run = Simulator.Run(SimulationTestKit.Read(), ProtectionSet.None);
        BlockRecord last = run.Blocks[^1];
        UInt256 fund = 100_000_000_000UL; // 1000 USD deposited at block 0
        Assert.True(last.BadDebt > fund, "the flash crash leaves more bad debt than the small fund");
        // Layer 1, the stablecoin's insurance fund, is used up first; layer 3, the suppliers, carry the rest (no backstop).
        Assert.Equal(fund, last.InsuranceUsed);
        Assert.Equal(UInt256.Zero, last.InsuranceFund);
        Assert.Equal(last.BadDebt - fund, last.SocialisedLoss);
        Assert.Equal(run.Blocks[0].InsuranceFund, fund);
        for (int b = 1; b < run.Blocks.Length; b++)
        {
            BlockRecord r = run.Blocks[b], before = run.Blocks[b - 1];
            Assert.True(r.BadDebt >= before.BadDebt);
            Assert.True(r.InsuranceUsed == UInt256.Min(fund, r.BadDebt) || r.BadDebt - r.InsuranceUsed - r.SocialisedLoss <= UInt256.One,
                $"block {b}: bad debt {r.BadDebt}, insurance {r.InsuranceUsed}, socialised {r.SocialisedLoss}");
            if (r.BadDebt > before.BadDebt)
                Assert.True(r.Liquidations > 0, $"block {b}: bad debt is realised only by a liquidation that seizes the last collateral");
        }
        Assert.Equal(last.BadDebt, run.Summary.BadDebt);
    }

    [Fact]
    public void WithoutProtectionNothingIsThrottledOrPaused()
    {
        RunResult run = Simulator.Run(SimulationTestKit.Read(), ProtectionSet.None);
        Assert.All(run.Blocks, r => Assert.Equal((0, 0, CircuitState.Closed), (r.Throttled, r.Paused, r.Breaker)));
        Assert.Empty(run.Summary.SecondsInBreakerState);
    }

    [Fact]
    public void TheEnginesThrottleRefusesAndCapsLiquidations()
    {
        // A 20 000 USD bucket refilled at 10 USD/s (accounts below the emergency floor bypass it).
        Scenario s = SimulationTestKit.ReadEdited(root =>
        {
            root["protections"]!["throttle"]!["capacityNotional"] = "20000";
            root["protections"]!["throttle"]!["refillPerSecond"] = "10";
        });
        RunResult run = Simulator.Run(s, ProtectionSet.Throttle);
        Assert.True(run.Blocks.Sum(r => r.Throttled) > 0);
        RunResult free = Simulator.Run(s, ProtectionSet.None);
        Assert.True(run.Summary.TotalLiquidated < free.Summary.TotalLiquidated);
        Assert.All(run.Blocks, r => Assert.Equal(CircuitState.Closed, r.Breaker));
    }

    [Fact]
    public void TheEnginesBreakerOpensAndPauses()
    {
        RunResult run = Simulator.Run(SimulationTestKit.Read(), ProtectionSet.Breakers);
        Assert.Contains(run.Blocks, r => r.Breaker == CircuitState.Open);
        Assert.True(run.Blocks.Sum(r => r.Paused) > 0);
        Assert.Equal(0, run.Blocks.Sum(r => r.Throttled));
        ulong total = run.Summary.SecondsInBreakerState.Aggregate(0UL, (a, b) => a + b);
        Assert.Equal(600UL * 12, total);
    }
}
