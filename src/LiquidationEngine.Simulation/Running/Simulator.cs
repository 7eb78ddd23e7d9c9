using System.Collections.Immutable;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Amm;
using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Risk;
using LiquidationEngine.Simulation.Scenarios;
using LiquidationEngine.Solvency;

namespace LiquidationEngine.Simulation.Running;

/// <summary>
/// Runs a scenario block by block against the engine's <see cref="Market"/>. Deterministic: the same scenario and
/// protection set give the same records to the byte, on any machine and runtime (integers only, seeded streams, no
/// clock, no hash-order iteration). Each block, in order:
/// <list type="number">
/// <item>arbitrage pulls each pool toward its reference price;</item>
/// <item>each oracle observes its sources as they were <c>latencyBlocks</c> ago and publishes on deviation or
/// heartbeat; a published price goes to the market (<c>SetPrice</c>, which feeds the engine's oracle guard and
/// breakers) and, when it changed, to the keepers' scanner;</item>
/// <item>the engine's breakers are evaluated (<c>EvaluateBreakers</c>: time alone can move them);</item>
/// <item>keepers liquidate (see <c>Keeper</c>) through <c>Market.Liquidate</c>, which applies the protection set
/// (throttle, breaker, oracle guard) and realises bad debt; they sell into the pools;</item>
/// <item>the block's metrics are recorded, solvency figures from the engine's solvency report.</item>
/// </list>
/// The simulator keeps no protection or solvency logic of its own: the protection set only chooses the market's
/// <c>MarketOptions.Protection</c> (<see cref="ProtectionParameters.For"/>).
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
        var world = new SimulationWorld(scenario, protection);
        var keeper = new Keeper(world);
        var records = ImmutableArray.CreateBuilder<BlockRecord>(scenario.Blocks);
        var nearLiquidation = new NearLiquidationTracker(world, NearLiquidationWad);

        records.Add(Record(world, nearLiquidation, world.BlockAt(0), default));
        onBlock?.Invoke(0);
        for (int b = 1; b < scenario.Blocks; b++)
        {
            Block block = world.BlockAt(b);
            MovePrices(world, b, block);
            world.Market.EvaluateBreakers(block);
            KeeperOutcome outcome = keeper.Act(b, block);
            records.Add(Record(world, nearLiquidation, block, outcome));
            onBlock?.Invoke(b);
        }
        ImmutableArray<BlockRecord> blocks = records.MoveToImmutable();
        return new RunResult(scenario, protection, blocks, Summaries.Summarise(world, ProtectionParameters.HasBreaker(protection), blocks));
    }

    // Arbitrage, then oracles.
    private static void MovePrices(SimulationWorld world, int b, Block block)
    {
        for (int i = 0; i < world.Pools.Length; i++)
        {
            ulong reference = world.Paths[i][b];
            Arbitrage.Step(world.Pools[i], reference, world.Scenario.Collateral[i].Pool.ArbitrageStrengthBps);
            var feed = world.Feeds[i];
            world.SourceHistory[i][b] = feed.SourcePrice(reference, world.Pools[i].SpotPrice);
            ulong observed = world.SourceHistory[i][Math.Max(0, b - feed.Options.LatencyBlocks)];
            if (feed.Offer(block.Timestamp, observed))
                world.PublishCollateralPrice(block, i, feed.Price);
        }
    }

    private static BlockRecord Record(SimulationWorld world, NearLiquidationTracker near, Block block, in KeeperOutcome outcome)
    {
        var prices = ImmutableArray.CreateBuilder<AssetPrices>(world.Pools.Length);
        UInt256 depth = UInt256.Zero;
        for (int i = 0; i < world.Pools.Length; i++)
        {
            prices.Add(new AssetPrices(world.Paths[i][(int)block.Number], world.Pools[i].SpotPrice, world.Feeds[i].Price));
            depth += FullMath.MulDiv(world.Pools[i].DebtDepthWithin(1_000), SimUnits.PriceOne, SimUnits.Pow10(world.Scenario.Debt.Decimals), Rounding.Floor);
        }
        UInt256 nearValue = near.Value();
        AssetSolvencyReport books = world.DebtSolvency();
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
            BadDebt = Valuation.ValueUp(books.BadDebtRealized, SimUnits.PriceOne, world.Scenario.Debt.Decimals),
            InsuranceUsed = Valuation.ValueUp(books.InsuranceAbsorbed, SimUnits.PriceOne, world.Scenario.Debt.Decimals),
            SocialisedLoss = Valuation.ValueUp(books.LossSocialized, SimUnits.PriceOne, world.Scenario.Debt.Decimals),
            InsuranceFund = Valuation.ValueDown(books.InsuranceFund, SimUnits.PriceOne, world.Scenario.Debt.Decimals),
            Breaker = ProtectionParameters.HasBreaker(world.Protection)
                ? world.Market.GetBreakerState(Address.Zero).StateAt(block.Timestamp) : CircuitState.Closed,
            NearLiquidationValue = nearValue,
            DepthWithin10Pct = depth,
            MarginToLiquidityBps = depth.IsZero ? UInt256.MaxValue : FullMath.MulDiv(nearValue, SimUnits.BpsOne, depth, Rounding.Floor),
        };
    }
}
