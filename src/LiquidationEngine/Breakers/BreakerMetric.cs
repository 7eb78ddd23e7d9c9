namespace LiquidationEngine.Breakers;

/// <summary>The metrics (and the price-jump rule) a breaker trips on, as flags: a transition names all that crossed.</summary>
[Flags]
public enum BreakerMetric : byte
{
    /// <summary>No metric (a time-driven, calm or guardian transition).</summary>
    None = 0,

    /// <summary>Notional liquidated in the window, bps of the collateral value.</summary>
    LiquidationVelocity = 1,

    /// <summary>Fall of the price from the window's high, bps.</summary>
    PriceFall = 2,

    /// <summary>EWMA of squared returns between price updates, WAD.</summary>
    Volatility = 4,

    /// <summary>Seconds since the last price update.</summary>
    Staleness = 8,

    /// <summary>A single price update below the tolerated fraction of the previous price (MakerDAO ClipperMom).</summary>
    PriceJump = 16,
}
