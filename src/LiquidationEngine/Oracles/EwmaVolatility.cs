using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Oracles;

/// <summary>
/// Realised volatility as an exponentially weighted moving average of squared returns between price updates, in WAD
/// (a variance: its square root is the typical per-update move). Integer-exact, allocation-free.
/// </summary>
/// <remarks>
/// With p0 the previous price and p1 the new one: <c>r = min(floor(|p1 - p0| * 1e18 / p0), 1e36)</c> (the cap, a
/// 1e18-fold move, keeps every product below 2^256); <c>r2 = floor(r * r / 1e18)</c>;
/// <c>v' = floor((lambda * v + (1e18 - lambda) * r2) / 1e18)</c>. With no previous price the variance is unchanged.
/// Calm updates (r = 0) shrink v strictly until it is 0, for any lambda below 1e18.
/// </remarks>
public static class EwmaVolatility
{
    /// <summary>Largest return counted, WAD (1e36: the price moved by a factor of 1e18).</summary>
    public static readonly UInt256 MaxReturnWad = WadRayMath.Wad * WadRayMath.Wad;

    /// <summary>The absolute return from <paramref name="previous"/> to <paramref name="current"/>, WAD, rounded down and capped at <see cref="MaxReturnWad"/>; 0 without a previous price.</summary>
    public static UInt256 ReturnWad(UInt256 previous, UInt256 current)
    {
        if (previous.IsZero) return UInt256.Zero;
        UInt256 move = current >= previous ? current - previous : previous - current;
        if (move / previous >= WadRayMath.Wad) return MaxReturnWad;
        return FullMath.MulDiv(move, WadRayMath.Wad, previous, Rounding.Floor);
    }

    /// <summary>The variance after one price update, WAD.</summary>
    /// <param name="varianceWad">The variance before, WAD (at most 1e54, which this function maintains).</param>
    /// <param name="previous">The price before the update (0: none).</param>
    /// <param name="current">The new price.</param>
    /// <param name="decayWad">Lambda, WAD, at most 1e18.</param>
    public static UInt256 Next(UInt256 varianceWad, UInt256 previous, UInt256 current, UInt256 decayWad)
    {
        if (previous.IsZero) return varianceWad;
        UInt256 r = ReturnWad(previous, current);
        UInt256 squared = r * r / WadRayMath.Wad;
        return (decayWad * varianceWad + (WadRayMath.Wad - decayWad) * squared) / WadRayMath.Wad;
    }
}
