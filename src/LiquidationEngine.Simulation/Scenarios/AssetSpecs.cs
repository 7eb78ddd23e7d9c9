using System.Collections.Immutable;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Feeds;
using LiquidationEngine.Simulation.Paths;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>The stablecoin every position borrows; its price is 1 USD throughout.</summary>
/// <param name="Symbol">Symbol in reports and position files. Default USDC.</param>
/// <param name="Decimals">Token decimals. Default 6.</param>
public sealed record DebtAssetSpec(string Symbol = "USDC", byte Decimals = 6);

/// <summary>A collateral asset: engine parameters, reference path, pool and oracle.</summary>
public sealed record CollateralSpec
{
    /// <summary>Symbol in reports and position files. Default WETH.</summary>
    public string Symbol { get; init; } = "WETH";

    /// <summary>Token decimals. Default 18.</summary>
    public byte Decimals { get; init; } = 18;

    /// <summary>Reference (and pool, and oracle) price at block 0, base-currency units. Default 194 USD.</summary>
    public ulong Price { get; init; } = 194UL * SimUnits.PriceOne;

    /// <summary>LTV, bps. Default 8000.</summary>
    public uint LtvBps { get; init; } = 8_000;

    /// <summary>Liquidation threshold, bps. Default 8250.</summary>
    public uint LiquidationThresholdBps { get; init; } = 8_250;

    /// <summary>Liquidation bonus as 10 000 + premium, bps. Default 10 500.</summary>
    public uint LiquidationBonusBps { get; init; } = 10_500;

    /// <summary>Protocol share of the bonus, bps. Default 1000.</summary>
    public uint ProtocolFeeBps { get; init; } = 1_000;

    /// <summary>The reference price path.</summary>
    public PathSpec Path { get; init; } = new();

    /// <summary>The constant-product pool against the stablecoin.</summary>
    public PoolSpec Pool { get; init; } = new();

    /// <summary>The oracle feeding the engine.</summary>
    public OracleOptions Oracle { get; init; } = new();
}

/// <summary>A reference path: a preset (scaled, with noise) or imported points.</summary>
public sealed record PathSpec
{
    /// <summary>The preset; ignored when <see cref="Points"/> is not empty. Default black-thursday.</summary>
    public PathPreset Preset { get; init; } = PathPreset.BlackThursday;

    /// <summary>Scale of the preset's moves, bps (10 000 = as designed). Default 10 000.</summary>
    public uint ScaleBps { get; init; } = 10_000;

    /// <summary>Noise amplitude, bps (see <see cref="PricePathBuilder.FromPreset"/>). Default 20.</summary>
    public uint NoiseBps { get; init; } = 20;

    /// <summary>Imported (time, price) points, from a CSV file; empty for a preset.</summary>
    public ImmutableArray<PricePoint> Points { get; init; } = [];

    /// <summary>Where the points came from (for reports), or null.</summary>
    public string? Source { get; init; }
}

/// <summary>The pool of a collateral asset against the stablecoin.</summary>
public sealed record PoolSpec
{
    /// <summary>Stablecoin side of the pool at the start, base-currency units; the collateral side matches the start price. Default 10 000 000 USD.</summary>
    public UInt256 DepthValue { get; init; } = 10_000_000UL * SimUnits.PriceOne;

    /// <summary>Swap fee, bps. Default 30 (Uniswap V2).</summary>
    public uint FeeBps { get; init; } = 30;

    /// <summary>Share of the gap to the reference price that arbitrage closes each block, bps. Default 500.</summary>
    public uint ArbitrageStrengthBps { get; init; } = 500;
}

/// <summary>A period of congestion: liquidation transactions cost more gas in these blocks.</summary>
/// <param name="FromBlock">First block, inclusive.</param>
/// <param name="ToBlock">Last block, inclusive.</param>
/// <param name="GasCost">Cost of one liquidation transaction in those blocks, base-currency units.</param>
public readonly record struct GasSpike(int FromBlock, int ToBlock, UInt256 GasCost);

/// <summary>How keepers behave.</summary>
public sealed record KeeperOptions
{
    /// <summary>Cost of one liquidation transaction (gas x gas price x ETH price), base-currency units. Default 20 USD.</summary>
    public UInt256 GasCost { get; init; } = 20UL * SimUnits.PriceOne;

    /// <summary>Blocks where gas costs more (the zero-bid failure: liquidations stop being worth it).</summary>
    public ImmutableArray<GasSpike> GasSpikes { get; init; } = [];

    /// <summary>Smallest profit a keeper acts for, after gas and slippage, base-currency units. Default 0.</summary>
    public UInt256 MinProfit { get; init; }

    /// <summary>Block space: at most this many liquidations per block. Default 100.</summary>
    public int MaxLiquidationsPerBlock { get; init; } = 100;

    /// <summary>The gas cost at <paramref name="block"/>: the last matching spike's, else <see cref="GasCost"/>.</summary>
    public UInt256 GasCostAt(int block)
    {
        UInt256 cost = GasCost;
        foreach (GasSpike s in GasSpikes)
        {
            if (block >= s.FromBlock && block <= s.ToBlock)
                cost = s.GasCost;
        }
        return cost;
    }
}
