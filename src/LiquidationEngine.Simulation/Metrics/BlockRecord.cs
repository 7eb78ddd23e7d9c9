using System.Collections.Immutable;
using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Metrics;

/// <summary>One collateral asset's prices at the end of a block, base-currency units (8 decimals).</summary>
/// <param name="Reference">The external reference price.</param>
/// <param name="Pool">The pool's spot price.</param>
/// <param name="Oracle">The price the engine uses (last published by the oracle).</param>
public readonly record struct AssetPrices(ulong Reference, ulong Pool, ulong Oracle);

/// <summary>The metrics of one block; values in base-currency units (8 decimals), cumulative where stated.</summary>
public sealed record BlockRecord
{
    /// <summary>Block index (0 = the setup block).</summary>
    public int Block { get; init; }

    /// <summary>Block timestamp, seconds.</summary>
    public ulong Timestamp { get; init; }

    /// <summary>Prices per collateral asset, scenario order.</summary>
    public ImmutableArray<AssetPrices> Prices { get; init; } = [];

    /// <summary>Liquidations executed in the block.</summary>
    public int Liquidations { get; init; }

    /// <summary>Debt repaid by the block's liquidations, valued at 1 USD per stablecoin (rounded up).</summary>
    public UInt256 LiquidatedNotional { get; init; }

    /// <summary>Liquidatable accounts left alone because no size was profitable after gas and slippage (the zero-bid failure).</summary>
    public int Unprofitable { get; init; }

    /// <summary>Liquidations the engine's throttle refused (<c>LiquidationThrottled</c>, <c>LiquidationBelowMinimum</c>) or cut to an unprofitable size.</summary>
    public int Throttled { get; init; }

    /// <summary>Liquidations the engine's breaker paused (<c>LiquidationsPaused</c>) or its oracle guard refused (<c>OracleStale</c>, <c>OracleGracePeriod</c>).</summary>
    public int Paused { get; init; }

    /// <summary>Liquidatable accounts when the keepers act (exact health factor below 1 after the block's price updates).</summary>
    public int Liquidatable { get; init; }

    /// <summary>
    /// Stablecoin bad debt the engine has realised so far (its solvency report's <c>BadDebtRealized</c>), cumulative: the
    /// debt left when a liquidation seizes an account's last collateral (spec/SPEC.md section 8.3).
    /// </summary>
    public UInt256 BadDebt { get; init; }

    /// <summary>Of it, absorbed by the stablecoin's insurance fund (<c>InsuranceAbsorbed</c>), cumulative.</summary>
    public UInt256 InsuranceUsed { get; init; }

    /// <summary>Of it, passed to the stablecoin's suppliers through the supply index (<c>LossSocialized</c>), cumulative.</summary>
    public UInt256 SocialisedLoss { get; init; }

    /// <summary>The stablecoin's insurance fund at the end of the block (the engine's solvency report).</summary>
    public UInt256 InsuranceFund { get; init; }

    /// <summary>The market breaker's state at the end of the block (Closed when the run has no breaker).</summary>
    public CircuitState Breaker { get; init; }

    /// <summary>Collateral value of accounts within 10% of their liquidation price (health factor below 1.1), at oracle prices.</summary>
    public UInt256 NearLiquidationValue { get; init; }

    /// <summary>Pool depth within 10% of the spot price: stablecoins a sale down to 90% of the price would return, all pools.</summary>
    public UInt256 DepthWithin10Pct { get; init; }

    /// <summary>Margin-to-liquidity ratio: <see cref="NearLiquidationValue"/> over <see cref="DepthWithin10Pct"/>, bps (floor; 2^256 - 1 with no depth).</summary>
    public UInt256 MarginToLiquidityBps { get; init; }
}
