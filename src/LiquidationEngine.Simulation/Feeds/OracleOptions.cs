namespace LiquidationEngine.Simulation.Feeds;

/// <summary>
/// How a push oracle (Chainlink style) publishes one asset's price. Oracle lag is a cascade driver: positions go
/// under on stale prices, and then all at once.
/// </summary>
public sealed record OracleOptions
{
    /// <summary>Publish at least this often, seconds, even when the price has not moved. Default 3600.</summary>
    public ulong HeartbeatSeconds { get; init; } = 3_600;

    /// <summary>Publish when the observed price differs from the published one by at least this, bps. Default 50 (0.5%).</summary>
    public uint DeviationBps { get; init; } = 50;

    /// <summary>How many blocks old the price the feed observes is (aggregation and transaction latency). Default 3.</summary>
    public int LatencyBlocks { get; init; } = 3;

    /// <summary>
    /// Share of the feed's sources that are on-chain pools, bps: the observed price is
    /// <c>(reference x (10000 - w) + pool x w) / 10000</c>. 0 = off-chain venues only (liquidation sales reach the oracle
    /// only through the reference); larger weights let sales feed straight back into the oracle. Default 0.
    /// </summary>
    public uint AmmWeightBps { get; init; }
}
