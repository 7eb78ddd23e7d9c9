using System.Collections.Immutable;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Metrics;

/// <summary>The headline numbers of one run (the comparison table's row). Values in base-currency units (8 decimals).</summary>
public sealed record RunSummary
{
    /// <summary>Liquidations executed.</summary>
    public int Liquidations { get; init; }

    /// <summary>Debt repaid by all liquidations.</summary>
    public UInt256 TotalLiquidated { get; init; }

    /// <summary>Cascade rounds: blocks in which liquidations executed (each round acts on the prices the previous sales left).</summary>
    public int CascadeRounds { get; init; }

    /// <summary>Longest run of consecutive blocks with liquidations.</summary>
    public int LongestCascade { get; init; }

    /// <summary>Worst pool price below the reference over the run and all assets, bps of the reference (0 if never below).</summary>
    public uint WorstPoolDiscountBps { get; init; }

    /// <summary>Bad debt realised (cumulative at the end).</summary>
    public UInt256 BadDebt { get; init; }

    /// <summary>Insurance fund used on bad debt.</summary>
    public UInt256 InsuranceUsed { get; init; }

    /// <summary>Bad debt socialised to suppliers (0 until the engine's solvency waterfall lands).</summary>
    public UInt256 SocialisedLoss { get; init; }

    /// <summary>
    /// Debt of open accounts beyond their collateral value at the final reference prices: losses not realised yet
    /// (positions nobody liquidated, e.g. while paused or unprofitable).
    /// </summary>
    public UInt256 UnderwaterAtEnd { get; init; }

    /// <summary>Liquidation attempts refused as unprofitable (sum over blocks).</summary>
    public int UnprofitableSkips { get; init; }

    /// <summary>Highest margin-to-liquidity ratio, bps.</summary>
    public UInt256 PeakMarginToLiquidityBps { get; init; }

    /// <summary>Seconds spent in each breaker state, indexed by <see cref="Breakers.CircuitState"/> (empty without a breaker).</summary>
    public ImmutableArray<ulong> SecondsInBreakerState { get; init; } = [];
}
