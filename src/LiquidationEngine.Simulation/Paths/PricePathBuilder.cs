using System.Collections.Immutable;
using LiquidationEngine.Simulation.Randomness;

namespace LiquidationEngine.Simulation.Paths;

/// <summary>A (time, price) point of an imported path.</summary>
/// <param name="Seconds">Timestamp, seconds (any origin; the first point is the start).</param>
/// <param name="Price">Base-currency units (8 decimals), positive.</param>
public readonly record struct PricePoint(ulong Seconds, ulong Price);

/// <summary>Samples reference price paths at block times, in integers.</summary>
public static class PricePathBuilder
{
    /// <summary>Largest noise amplitude, bps: the AR(1) deviation stays within 10x it, so prices stay above half.</summary>
    public const uint MaxNoiseBps = 500;

    /// <summary>
    /// A preset sampled every <paramref name="blockSeconds"/>: price = start x ratio(t), ratio interpolated linearly
    /// between keyframes and rounded down; the move is scaled, then seeded noise is applied.
    /// </summary>
    /// <param name="preset">The shape.</param>
    /// <param name="startPrice">Price at block 0, base-currency units.</param>
    /// <param name="blocks">Number of blocks (the path has this many prices).</param>
    /// <param name="blockSeconds">Seconds per block.</param>
    /// <param name="scaleBps">Scales every keyframe's move from the start: 10 000 = as designed, 5 000 = half the fall.</param>
    /// <param name="noiseBps">Amplitude of an AR(1) noise (each block keeps 9/10 of the last deviation and adds a
    /// uniform draw in +-noise, so it stays within 10x noise), bps of the price; at most 500; 0 = the bare shape.</param>
    /// <param name="random">The path's own random stream.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or scale is out of range, or the scaled shape reaches 0.</exception>
    public static PricePath FromPreset(PathPreset preset, ulong startPrice, int blocks, ulong blockSeconds, uint scaleBps, uint noiseBps, SplitMix64 random)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfZero(startPrice);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        ArgumentOutOfRangeException.ThrowIfZero(blockSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(noiseBps, MaxNoiseBps);
        var points = ImmutableArray.CreateBuilder<PricePoint>(preset.Keyframes.Length);
        foreach (Keyframe k in preset.Keyframes)
        {
            long move = ((long)k.RatioBps - SimUnits.BpsOne) * scaleBps / SimUnits.BpsOne;
            long ratio = SimUnits.BpsOne + move;
            if (ratio <= 0)
                throw new ArgumentOutOfRangeException(nameof(scaleBps), scaleBps, $"scales the preset '{preset.Name}' to a price of zero or less");
            points.Add(new PricePoint(k.Seconds, (ulong)((UInt128)startPrice * (ulong)ratio / SimUnits.BpsOne)));
        }

        var prices = ImmutableArray.CreateBuilder<ulong>(blocks);
        long deviationPpm = 0, noisePpm = noiseBps * 100L;
        for (int b = 0; b < blocks; b++)
        {
            ulong price = Interpolate(points, (ulong)b * blockSeconds);
            if (noisePpm > 0)
            {
                deviationPpm = deviationPpm * 9 / 10 + random.NextInclusive(-noisePpm, noisePpm);
                price = (ulong)((UInt128)price * (ulong)(1_000_000 + deviationPpm) / 1_000_000);
            }
            prices.Add(Math.Max(price, 1));
        }
        return new PricePath(prices.MoveToImmutable());
    }

    /// <summary>Imported points sampled at block times from the first point, interpolated linearly, held after the last.</summary>
    /// <param name="points">Strictly increasing timestamps, positive prices (as <see cref="PriceCsv.Parse"/> returns them).</param>
    /// <param name="blocks">Number of blocks.</param>
    /// <param name="blockSeconds">Seconds per block.</param>
    /// <exception cref="ArgumentException">No points, or timestamps not strictly increasing.</exception>
    public static PricePath FromPoints(IReadOnlyList<PricePoint> points, int blocks, ulong blockSeconds)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        ArgumentOutOfRangeException.ThrowIfZero(blockSeconds);
        if (points.Count == 0)
            throw new ArgumentException("a price path needs at least one point", nameof(points));
        ulong origin = points[0].Seconds;
        var shifted = ImmutableArray.CreateBuilder<PricePoint>(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            if (i > 0 && points[i].Seconds <= points[i - 1].Seconds)
                throw new ArgumentException($"timestamps must increase strictly (point {i})", nameof(points));
            shifted.Add(points[i] with { Seconds = points[i].Seconds - origin });
        }
        var prices = ImmutableArray.CreateBuilder<ulong>(blocks);
        for (int b = 0; b < blocks; b++)
            prices.Add(Interpolate(shifted, (ulong)b * blockSeconds));
        return new PricePath(prices.MoveToImmutable());
    }

    // Linear between the surrounding points, rounded down; the first price before the first point, the last after.
    private static ulong Interpolate(IReadOnlyList<PricePoint> points, ulong t)
    {
        if (t <= points[0].Seconds)
            return points[0].Price;
        for (int i = 1; i < points.Count; i++)
        {
            PricePoint a = points[i - 1], b = points[i];
            if (t > b.Seconds)
                continue;
            ulong span = b.Seconds - a.Seconds, into = t - a.Seconds;
            return b.Price >= a.Price
                ? a.Price + (ulong)((UInt128)(b.Price - a.Price) * into / span)
                : a.Price - (ulong)(((UInt128)(a.Price - b.Price) * into + span - 1) / span);
        }
        return points[^1].Price;
    }
}
