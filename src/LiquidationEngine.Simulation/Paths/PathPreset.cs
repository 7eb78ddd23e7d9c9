using System.Collections.Immutable;

namespace LiquidationEngine.Simulation.Paths;

/// <summary>A keyframe of a preset: the price at <see cref="Seconds"/> after the start, as bps of the start price.</summary>
/// <param name="Seconds">Seconds after the start of the path.</param>
/// <param name="RatioBps">Price as bps of the start price (10 000 = unchanged, 5 000 = half).</param>
public readonly record struct Keyframe(ulong Seconds, uint RatioBps);

/// <summary>
/// A built-in reference price shape: keyframes joined linearly. After the last keyframe the price holds.
/// </summary>
/// <param name="Name">The preset's name in scenarios.</param>
/// <param name="Keyframes">Strictly increasing in time, the first at 0 with 10 000 bps.</param>
public sealed record PathPreset(string Name, ImmutableArray<Keyframe> Keyframes)
{
    private const ulong Minute = 60, Hour = 3_600;

    /// <summary>
    /// About -50% over a day with the steepest fall in a few hours (ETH on 12-13 March 2020 fell from about 194 to
    /// about 95 USD, most of it in one afternoon): a slide, a three-hour crash of about 30%, a pause, a second leg.
    /// </summary>
    public static PathPreset BlackThursday { get; } = new("black-thursday",
    [
        new(0, 10_000), new(6 * Hour, 9_600), new(9 * Hour, 9_000), new(10 * Hour, 8_600), new(11 * Hour, 7_600),
        new(12 * Hour, 6_600), new(13 * Hour, 6_000), new(16 * Hour, 6_200), new(20 * Hour, 5_600),
        new(22 * Hour, 5_000), new(24 * Hour, 5_200),
    ]);

    /// <summary>-30% within ten minutes, then most of it back within the next hour and a half.</summary>
    public static PathPreset FlashCrash { get; } = new("flash-crash",
    [
        new(0, 10_000), new(15 * Minute, 10_000), new(20 * Minute, 8_500), new(25 * Minute, 7_000),
        new(30 * Minute, 7_400), new(60 * Minute, 9_000), new(120 * Minute, 9_600),
    ]);

    /// <summary>A steady -35% over a day: no crash, only a grind.</summary>
    public static PathPreset SlowBleed { get; } = new("slow-bleed", [new(0, 10_000), new(24 * Hour, 6_500)]);

    /// <summary>Every preset.</summary>
    public static ImmutableArray<PathPreset> All { get; } = [BlackThursday, FlashCrash, SlowBleed];

    /// <summary>The preset with this name, or null.</summary>
    public static PathPreset? Find(string? name) => All.FirstOrDefault(p => p.Name == name);
}
