namespace LiquidationEngine.Simulation.Feeds;

/// <summary>
/// A push oracle for one asset: it publishes the observed price when it has moved by the deviation threshold or when
/// the heartbeat is due, and otherwise keeps the last published price. Integers only.
/// </summary>
public sealed class OracleFeed
{
    /// <summary>Creates a feed that has just published <paramref name="initialPrice"/> at <paramref name="timestamp"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The price is 0, or an option is out of range.</exception>
    public OracleFeed(OracleOptions options, ulong initialPrice, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(initialPrice);
        ArgumentOutOfRangeException.ThrowIfZero(options.HeartbeatSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(options.LatencyBlocks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.AmmWeightBps, SimUnits.BpsOne);
        Options = options;
        Price = initialPrice;
        UpdatedAt = timestamp;
    }

    /// <summary>The settings.</summary>
    public OracleOptions Options { get; }

    /// <summary>The last published price, base-currency units (8 decimals).</summary>
    public ulong Price { get; private set; }

    /// <summary>When it was published, seconds.</summary>
    public ulong UpdatedAt { get; private set; }

    /// <summary>The price the feed's sources show: the reference and the pool blended by <see cref="OracleOptions.AmmWeightBps"/>, rounded down.</summary>
    public ulong SourcePrice(ulong referencePrice, ulong poolPrice) => (ulong)(
        ((UInt128)referencePrice * (SimUnits.BpsOne - Options.AmmWeightBps) + (UInt128)poolPrice * Options.AmmWeightBps) / SimUnits.BpsOne);

    /// <summary>
    /// Offers the observed price at <paramref name="timestamp"/>; publishes it when
    /// <c>|observed - published| x 10000 &gt;= deviation x published</c> or <c>timestamp - updatedAt &gt;= heartbeat</c>.
    /// </summary>
    /// <returns>True when it published (the price may be unchanged on a heartbeat).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price is 0 or the timestamp is before the last update.</exception>
    public bool Offer(ulong timestamp, ulong observedPrice)
    {
        ArgumentOutOfRangeException.ThrowIfZero(observedPrice);
        ArgumentOutOfRangeException.ThrowIfLessThan(timestamp, UpdatedAt);
        ulong move = observedPrice > Price ? observedPrice - Price : Price - observedPrice;
        bool deviated = (UInt128)move * SimUnits.BpsOne >= (UInt128)Options.DeviationBps * Price && move > 0;
        bool heartbeat = timestamp - UpdatedAt >= Options.HeartbeatSeconds;
        if (!deviated && !heartbeat)
            return false;
        Price = observedPrice;
        UpdatedAt = timestamp;
        return true;
    }
}
