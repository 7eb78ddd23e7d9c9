using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Randomness;

namespace LiquidationEngine.Simulation.Positions;

/// <summary>The terms of one collateral asset the generator needs.</summary>
/// <param name="Price">Start price, base-currency units (8 decimals).</param>
/// <param name="Decimals">Token decimals.</param>
/// <param name="LiquidationThresholdBps">LT, bps.</param>
public readonly record struct GeneratorAsset(ulong Price, byte Decimals, uint LiquidationThresholdBps);

/// <summary>
/// Generates borrowers from a seeded stream: collateral asset by weight, collateral value log-uniform, health factor
/// from its distribution, then debt value = value x LT / HF. Integers only.
/// </summary>
public static class PositionGenerator
{
    private const int FractionBits = 32;

    /// <summary>Generates <see cref="PositionGeneratorOptions.Count"/> positions.</summary>
    /// <param name="options">Counts and distributions (validated by the scenario reader).</param>
    /// <param name="assets">The collateral assets, index order.</param>
    /// <param name="debtDecimals">Decimals of the stablecoin borrowed.</param>
    /// <param name="random">The positions' own random stream.</param>
    public static PositionSpec[] Generate(PositionGeneratorOptions options, IReadOnlyList<GeneratorAsset> assets, byte debtDecimals, SplitMix64 random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfZero(assets.Count);
        ulong[] cumulative = CumulativeWeights(options, assets.Count);
        (int octaves, ulong fraction) = LogSpan(options.MinValue, options.MaxValue);
        ulong logSpan = ((ulong)octaves << FractionBits) + fraction;
        UInt256 debtScale = SimUnits.Pow10(debtDecimals);

        var positions = new PositionSpec[options.Count];
        for (int i = 0; i < positions.Length; i++)
        {
            int asset = PickAsset(cumulative, random.NextBelow(cumulative[^1]));
            UInt256 value = logSpan == 0 ? options.MinValue : LogUniform(options.MinValue, random.NextBelow(logSpan));
            uint healthFactorBps = HealthFactor(options, random);
            GeneratorAsset a = assets[asset];
            UInt256 collateral = FullMath.MulDiv(value, SimUnits.Pow10(a.Decimals), a.Price, Rounding.Floor);
            UInt256 debtValue = FullMath.MulDiv(value, a.LiquidationThresholdBps, healthFactorBps, Rounding.Floor);
            UInt256 debt = FullMath.MulDiv(debtValue, debtScale, SimUnits.PriceOne, Rounding.Floor);
            positions[i] = new PositionSpec(asset, collateral, debt);
        }
        return positions;
    }

    private static ulong[] CumulativeWeights(PositionGeneratorOptions options, int assetCount)
    {
        var cumulative = new ulong[assetCount];
        ulong sum = 0;
        for (int i = 0; i < assetCount; i++)
        {
            sum += options.CollateralWeights.IsDefaultOrEmpty ? 1 : options.CollateralWeights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int PickAsset(ulong[] cumulative, ulong draw)
    {
        int i = 0;
        while (draw >= cumulative[i])
            i++;
        return i;
    }

    // A log scale made of octaves, linear within each: g(u) = min x 2^floor(u) x (1 + frac(u)). g is continuous and
    // increasing, so sampling u uniformly over [0, k + f) with g(k + f) = max is an exact integer stand-in for
    // log-uniform (within 6% of it in density).
    private static (int Octaves, ulong Fraction) LogSpan(UInt256 min, UInt256 max)
    {
        int k = 0;
        while ((min << (k + 1)) <= max && k < 200)
            k++;
        UInt256 floorValue = min << k;
        ulong fraction = (ulong)FullMath.MulDiv(max - floorValue, UInt256.One << FractionBits, floorValue, Rounding.Floor);
        return (k, fraction);
    }

    private static UInt256 LogUniform(UInt256 min, ulong u)
    {
        int octave = (int)(u >> FractionBits);
        ulong fraction = u & ((1UL << FractionBits) - 1);
        return FullMath.MulDiv(min << octave, (1UL << FractionBits) + fraction, 1UL << FractionBits, Rounding.Floor);
    }

    private static uint HealthFactor(PositionGeneratorOptions options, SplitMix64 random)
    {
        uint span = options.MaxHealthFactorBps - options.MinHealthFactorBps;
        if (span == 0)
            return options.MinHealthFactorBps;
        const ulong Resolution = 1UL << 20;
        ulong u = random.NextBelow(Resolution);
        ulong scaled = options.Shape == HealthFactorShape.SkewLow ? u * u / Resolution : u;
        return options.MinHealthFactorBps + (uint)(span * scaled / Resolution);
    }
}
