using System.Collections.Immutable;
using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;
using LiquidationEngine.Simulation.Running;

namespace LiquidationEngine.Simulation.Metrics;

/// <summary>Builds a run's <see cref="RunSummary"/> from its block records and final state.</summary>
internal static class Summaries
{
    public static RunSummary Summarise(SimulationWorld world, bool hasBreaker, ImmutableArray<BlockRecord> blocks)
    {
        int liquidations = 0, rounds = 0, longest = 0, streak = 0, unprofitable = 0;
        uint worstDiscount = 0;
        UInt256 total = UInt256.Zero, peakRatio = UInt256.Zero;
        var seconds = new ulong[4];
        foreach (BlockRecord r in blocks)
        {
            liquidations += r.Liquidations;
            total += r.LiquidatedNotional;
            unprofitable += r.Unprofitable;
            streak = r.Liquidations > 0 ? streak + 1 : 0;
            rounds += r.Liquidations > 0 ? 1 : 0;
            longest = Math.Max(longest, streak);
            peakRatio = UInt256.Max(peakRatio, r.MarginToLiquidityBps);
            seconds[(int)r.Breaker] += world.Scenario.BlockSeconds;
            foreach (AssetPrices p in r.Prices)
            {
                if (p.Pool < p.Reference)
                    worstDiscount = Math.Max(worstDiscount, (uint)((UInt128)(p.Reference - p.Pool) * SimUnits.BpsOne / p.Reference));
            }
        }
        BlockRecord last = blocks[^1];
        return new RunSummary
        {
            Liquidations = liquidations,
            TotalLiquidated = total,
            CascadeRounds = rounds,
            LongestCascade = longest,
            WorstPoolDiscountBps = worstDiscount,
            BadDebt = last.BadDebt,
            InsuranceUsed = last.InsuranceUsed,
            SocialisedLoss = last.SocialisedLoss,
            UnderwaterAtEnd = UnderwaterAt(world, last),
            UnprofitableSkips = unprofitable,
            PeakMarginToLiquidityBps = peakRatio,
            SecondsInBreakerState = hasBreaker ? [.. seconds] : [],
        };
    }

    // Sum over open accounts of debt value minus collateral value at the final reference prices, where positive.
    private static UInt256 UnderwaterAt(SimulationWorld world, BlockRecord last)
    {
        UInt256 total = UInt256.Zero;
        for (int account = 0; account < world.Positions.Length; account++)
        {
            UInt256 debt = world.Scanner.GetDebt(account, 0);
            if (debt.IsZero)
                continue;
            int c = world.Positions[account].CollateralIndex;
            UInt256 debtValue = Valuation.ValueUp(debt, SimUnits.PriceOne, world.Scenario.Debt.Decimals);
            UInt256 collateralValue = Valuation.ValueDown(world.Scanner.GetCollateral(account, 1 + c), last.Prices[c].Reference, world.Scenario.Collateral[c].Decimals);
            if (debtValue > collateralValue)
                total += debtValue - collateralValue;
        }
        return total;
    }
}
