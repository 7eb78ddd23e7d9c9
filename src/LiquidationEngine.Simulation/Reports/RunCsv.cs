using System.Globalization;
using LiquidationEngine.Simulation.Metrics;

namespace LiquidationEngine.Simulation.Reports;

/// <summary>
/// A run's per-block time series as CSV: one header row, one row per block, '\n' line ends, values exact (prices and
/// USD values as decimals with up to 8 places, counts as integers, the breaker state by name).
/// </summary>
public static class RunCsv
{
    /// <summary>Writes the CSV of <paramref name="run"/>.</summary>
    public static void Write(RunResult run, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("block,timestamp");
        foreach (var c in run.Scenario.Collateral)
            writer.Write($",{c.Symbol}_reference,{c.Symbol}_pool,{c.Symbol}_oracle");
        writer.Write(",liquidations,liquidated_usd,liquidatable,unprofitable,throttled,paused,bad_debt_usd,insurance_used_usd,");
        writer.Write("socialised_loss_usd,insurance_fund_usd,breaker,near_liquidation_usd,depth_10pct_usd,margin_to_liquidity_bps\n");
        foreach (BlockRecord r in run.Blocks)
        {
            writer.Write(r.Block.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(r.Timestamp.ToString(CultureInfo.InvariantCulture));
            foreach (AssetPrices p in r.Prices)
                writer.Write($",{Usd.Exact(p.Reference)},{Usd.Exact(p.Pool)},{Usd.Exact(p.Oracle)}");
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $",{r.Liquidations},{Usd.Exact(r.LiquidatedNotional)},{r.Liquidatable},{r.Unprofitable},{r.Throttled},{r.Paused},"));
            writer.Write($"{Usd.Exact(r.BadDebt)},{Usd.Exact(r.InsuranceUsed)},{Usd.Exact(r.SocialisedLoss)},{Usd.Exact(r.InsuranceFund)},");
            writer.Write($"{r.Breaker},{Usd.Exact(r.NearLiquidationValue)},{Usd.Exact(r.DepthWithin10Pct)},{r.MarginToLiquidityBps}\n");
        }
    }
}
