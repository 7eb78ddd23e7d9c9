using System.Collections.Immutable;
using LiquidationEngine.Engine;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Amm;
using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Running;

/// <summary>
/// Runs a scenario block by block against the engine's <see cref="Market"/>. Deterministic: the same scenario and
/// protection set give the same records to the byte, on any machine and runtime (integers only, seeded streams, no
/// clock, no hash-order iteration). Each block, in order:
/// <list type="number">
/// <item>arbitrage pulls each pool toward its reference price;</item>
/// <item>each oracle observes its sources as they were <c>latencyBlocks</c> ago and publishes on deviation or
/// heartbeat; a published price goes to the market (<c>SetPrice</c>), the scanner and the breaker;</item>
/// <item>the breaker is evaluated (time alone can move it);</item>
/// <item>keepers liquidate (see <c>Keeper</c>), selling into the pools;</item>
/// <item>the block's metrics are recorded.</item>
/// </list>
/// </summary>
public static class Simulator
{
    private static readonly UInt256 NearLiquidationWad = 1_100_000_000_000_000_000UL;

    /// <summary>Runs one scenario under one protection set.</summary>
    /// <param name="scenario">The scenario (see <see cref="ScenarioReader"/>).</param>
    /// <param name="protection">The protection set.</param>
    /// <param name="onBlock">Called after each block with its index (progress reporting); may be null.</param>
    /// <exception cref="ScenarioException">The scenario cannot be set up (a position the engine refuses, a pool out of range).</exception>
    public static RunResult Run(Scenario scenario, ProtectionSet protection, Action<int>? onBlock = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var world = new SimulationWorld(scenario);
        var gate = new ProtectionGate(protection, scenario.Protections, world.CollateralAssets,
            [.. scenario.Collateral.Select(c => c.Price)], scenario.StartTimestamp);
        var ledger = new SolvencyLedger(scenario.Market.InsuranceFund);
        var keeper = new Keeper(world, gate, ledger);
        var records = ImmutableArray.CreateBuilder<BlockRecord>(scenario.Blocks);
        var nearLiquidation = new NearLiquidationTracker(world, NearLiquidationWad);

        records.Add(Record(world, gate, ledger, nearLiquidation, world.BlockAt(0), default));
        onBlock?.Invoke(0);
        for (int b = 1; b < scenario.Blocks; b++)
        {
            Block block = world.BlockAt(b);
            MovePrices(world, gate, b, block);
            gate.Evaluate(block.Timestamp, world.TotalCollateralValue());
            KeeperOutcome outcome = keeper.Act(b, block);
            records.Add(Record(world, gate, ledger, nearLiquidation, block, outcome));
            onBlock?.Invoke(b);
        }
        ImmutableArray<BlockRecord> blocks = records.MoveToImmutable();
        return new RunResult(scenario, protection, blocks, Summaries.Summarise(world, gate.HasBreaker, blocks));
    }

    // Arbitrage, then oracles.
    private static void MovePrices(SimulationWorld world, ProtectionGate gate, int b, Block block)
    {
        for (int i = 0; i < world.Pools.Length; i++)
        {
            ulong reference = world.Paths[i][b];
            Arbitrage.Step(world.Pools[i], reference, world.Scenario.Collateral[i].Pool.ArbitrageStrengthBps);
            var feed = world.Feeds[i];
            world.SourceHistory[i][b] = feed.SourcePrice(reference, world.Pools[i].SpotPrice);
            ulong observed = world.SourceHistory[i][Math.Max(0, b - feed.Options.LatencyBlocks)];
            ulong before = feed.Price;
            if (!feed.Offer(block.Timestamp, observed))
                continue;
            if (feed.Price != before)
            {
                world.SetCollateralPrice(block, i, feed.Price);
            }
            gate.OnPricePublished(block.Timestamp, i, feed.Price, world.TotalCollateralValue());
        }
    }

    private static BlockRecord Record(SimulationWorld world, ProtectionGate gate, SolvencyLedger ledger, NearLiquidationTracker near,
        Block block, in KeeperOutcome outcome)
    {
        var prices = ImmutableArray.CreateBuilder<AssetPrices>(world.Pools.Length);
        UInt256 depth = UInt256.Zero;
        for (int i = 0; i < world.Pools.Length; i++)
        {
            prices.Add(new AssetPrices(world.Paths[i][(int)block.Number], world.Pools[i].SpotPrice, world.Feeds[i].Price));
            depth += FullMath.MulDiv(world.Pools[i].DebtDepthWithin(1_000), SimUnits.PriceOne, SimUnits.Pow10(world.Scenario.Debt.Decimals), Rounding.Floor);
        }
        UInt256 nearValue = near.Value();
        return new BlockRecord
        {
            Block = (int)block.Number,
            Timestamp = block.Timestamp,
            Prices = prices.MoveToImmutable(),
            Liquidations = outcome.Liquidations,
            LiquidatedNotional = outcome.Notional,
            Unprofitable = outcome.Unprofitable,
            Throttled = outcome.Throttled,
            Paused = outcome.Paused,
            Liquidatable = outcome.Liquidatable,
            BadDebt = ledger.BadDebt,
            InsuranceUsed = ledger.InsuranceUsed,
            SocialisedLoss = ledger.SocialisedLoss,
            InsuranceFund = ledger.Fund,
            Breaker = gate.StateAt(block.Timestamp),
            NearLiquidationValue = nearValue,
            DepthWithin10Pct = depth,
            MarginToLiquidityBps = depth.IsZero ? UInt256.MaxValue : FullMath.MulDiv(nearValue, SimUnits.BpsOne, depth, Rounding.Floor),
        };
    }
}
