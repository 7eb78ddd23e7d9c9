using LiquidationEngine.Simulation.Feeds;
using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Simulation.Running;
using LiquidationEngine.Simulation.Scenarios;
using Xunit;

namespace LiquidationEngine.Tests.Simulation;

/// <summary>Heartbeat, deviation threshold, AMM weight and latency of the push oracle.</summary>
public class OracleFeedTests
{
    private const ulong P = 200_000_000_000UL; // 2000 USD

    [Fact]
    public void PublishesOnHeartbeatEvenWithoutAMove()
    {
        var feed = new OracleFeed(new OracleOptions { HeartbeatSeconds = 3_600, DeviationBps = 50 }, P, 1_000);
        Assert.False(feed.Offer(4_599, P));
        Assert.Equal(1_000UL, feed.UpdatedAt);
        Assert.True(feed.Offer(4_600, P));
        Assert.Equal(4_600UL, feed.UpdatedAt);
        Assert.Equal(P, feed.Price);
    }

    [Fact]
    public void PublishesAtTheDeviationThresholdAndNotBelow()
    {
        var feed = new OracleFeed(new OracleOptions { HeartbeatSeconds = 3_600, DeviationBps = 50 }, P, 0);
        // 0.5% of 2000 = 10 USD: 9.99999999 does not publish, 10 does; down as up.
        Assert.False(feed.Offer(12, P + 999_999_999));
        Assert.False(feed.Offer(24, P - 999_999_999));
        Assert.Equal(P, feed.Price);
        Assert.True(feed.Offer(36, P - 1_000_000_000));
        Assert.Equal(P - 1_000_000_000, feed.Price);
        Assert.Equal(36UL, feed.UpdatedAt);
    }

    [Fact]
    public void SourcesBlendReferenceAndPoolByWeight()
    {
        var feed = new OracleFeed(new OracleOptions { AmmWeightBps = 2_500 }, P, 0);
        // (2000 x 7500 + 1000 x 2500) / 10000 = 1750 USD.
        Assert.Equal(175_000_000_000UL, feed.SourcePrice(P, 100_000_000_000UL));
    }

    [Fact]
    public void RejectsZeroPriceAndTimeGoingBack()
    {
        var feed = new OracleFeed(new OracleOptions(), P, 100);
        Assert.Throws<ArgumentOutOfRangeException>(() => feed.Offer(200, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => feed.Offer(99, P));
    }

    [Fact]
    public void TheMarketSeesTheReferenceLatencyBlocksLate()
    {
        // Zero deviation threshold and no pool weight: every change of the source publishes, so the oracle price at
        // block b is exactly the reference at block b - latency.
        Scenario s = SimulationTestKit.ReadEdited(root =>
        {
            root["blocks"] = 200;
            root["positions"]!["count"] = 20;
            var oracle = root["collateral"]![0]!["oracle"]!;
            oracle["deviationBps"] = 0;
            oracle["ammWeightBps"] = 0;
            oracle["latencyBlocks"] = 7;
        });
        RunResult run = Simulator.Run(s, ProtectionSet.None);
        int checkedMoves = 0;
        for (int b = 8; b < 200; b++)
        {
            Assert.Equal(run.Blocks[b - 7].Prices[0].Reference, run.Blocks[b].Prices[0].Oracle);
            checkedMoves += run.Blocks[b - 7].Prices[0].Reference != run.Blocks[b - 8].Prices[0].Reference ? 1 : 0;
        }
        Assert.True(checkedMoves > 100, "the noisy path moves in most blocks");
        for (int b = 0; b <= 7; b++)
            Assert.Equal(s.Collateral[0].Price, run.Blocks[b].Prices[0].Oracle); // the sources before block 0 are the start price
    }
}
