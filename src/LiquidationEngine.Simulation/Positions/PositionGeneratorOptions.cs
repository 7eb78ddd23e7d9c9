using System.Collections.Immutable;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Positions;

/// <summary>How health factors are spread between <see cref="PositionGeneratorOptions.MinHealthFactorBps"/> and the maximum.</summary>
public enum HealthFactorShape
{
    /// <summary>Uniform.</summary>
    Uniform,

    /// <summary>Denser near the minimum (min + (max - min) x u^2): most borrowers run close to their limit.</summary>
    SkewLow,
}

/// <summary>Settings of the position generator. Health factors in bps of 1 (10 500 = 1.05); values in base-currency units.</summary>
public sealed record PositionGeneratorOptions
{
    /// <summary>Number of positions. Default 10 000.</summary>
    public int Count { get; init; } = 10_000;

    /// <summary>Smallest collateral value at the start, base-currency units (8 decimals). Default 1 000 USD.</summary>
    public UInt256 MinValue { get; init; } = 1_000UL * SimUnits.PriceOne;

    /// <summary>Largest collateral value, base-currency units; values are log-uniform between the two. Default 2 000 000 USD.</summary>
    public UInt256 MaxValue { get; init; } = 2_000_000UL * SimUnits.PriceOne;

    /// <summary>Lowest starting health factor, bps of 1; at least LT / LTV of every collateral (or the borrow would be refused). Default 10 600.</summary>
    public uint MinHealthFactorBps { get; init; } = 10_600;

    /// <summary>Highest starting health factor, bps of 1. Default 30 000.</summary>
    public uint MaxHealthFactorBps { get; init; } = 30_000;

    /// <summary>Spread of the health factors. Default <see cref="HealthFactorShape.SkewLow"/>.</summary>
    public HealthFactorShape Shape { get; init; } = HealthFactorShape.SkewLow;

    /// <summary>Relative weight of each collateral asset (index order); empty = equal weights.</summary>
    public ImmutableArray<uint> CollateralWeights { get; init; } = [];
}
