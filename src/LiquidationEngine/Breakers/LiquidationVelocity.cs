using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Breakers;

/// <summary>
/// Liquidation velocity of one scope (the market, or one collateral asset): the notional liquidated within a sliding
/// window, as bps of the scope's collateral value, rounded down. Every executed liquidation counts, emergency
/// bypasses included.
/// </summary>
/// <remarks>
/// Rounding down is exact for the breaker's integer thresholds: floor(x) &gt;= trip iff x &gt;= trip, and
/// floor(x) &lt; reset iff x &lt; reset. A collateral value of 0 gives 0 bps for no notional and 2^256 - 1 otherwise.
/// </remarks>
public sealed class LiquidationVelocity
{
    /// <summary>Creates an empty tracker.</summary>
    /// <exception cref="Evm.EvmRevertException"><c>InvalidBreakerParameter</c> for a bad window.</exception>
    public LiquidationVelocity(WindowOptions window) => Window = new SlidingWindow(window, "LiquidationVelocityWindow");

    /// <summary>The notional per bucket, base-currency units.</summary>
    public SlidingWindow Window { get; }

    /// <summary>Counts an executed liquidation's notional (base-currency units).</summary>
    public void Record(ulong timestamp, UInt256 notional) => Window.Add(timestamp, notional);

    /// <summary>Notional in the window at <paramref name="timestamp"/>, base-currency units. Pure.</summary>
    public UInt256 NotionalAt(ulong timestamp) => Window.Sum(timestamp);

    /// <summary>Velocity at <paramref name="timestamp"/>, bps of <paramref name="collateralValue"/> (base-currency units). Pure.</summary>
    public UInt256 BpsAt(ulong timestamp, UInt256 collateralValue) => BasisPoints.Ratio(Window.Sum(timestamp), collateralValue);

    /// <summary>Velocity as it will be once a liquidation of <paramref name="notional"/> is recorded at <paramref name="timestamp"/> (saturating). Pure.</summary>
    public UInt256 BpsAfter(ulong timestamp, UInt256 notional, UInt256 collateralValue)
    {
        UInt256 sum = UInt256.AddCore(Window.Sum(timestamp), notional, out ulong carry);
        return BasisPoints.Ratio(carry != 0 ? UInt256.MaxValue : sum, collateralValue);
    }
}
