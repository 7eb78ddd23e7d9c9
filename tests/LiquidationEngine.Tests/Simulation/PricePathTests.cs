using LiquidationEngine.Simulation.Paths;
using LiquidationEngine.Simulation.Randomness;
using LiquidationEngine.Simulation.Scenarios;
using Xunit;

namespace LiquidationEngine.Tests.Simulation;

/// <summary>The shapes the issue asks of the presets, and CSV import with linear interpolation.</summary>
public class PricePathTests
{
    private const ulong Start = 200_000_000_000UL; // 2000 USD, 8 decimals

    private static PricePath Bare(PathPreset preset, int blocks) => PricePathBuilder.FromPreset(preset, Start, blocks, 12, 10_000, 0, new SplitMix64(1));

    [Fact]
    public void BlackThursdayFallsAboutHalfWithTheSteepestFallInAFewHours()
    {
        PricePath path = Bare(PathPreset.BlackThursday, 7_200); // one day
        ulong low = path.Prices.Min();
        Assert.InRange(low * 100 / Start, 45UL, 55UL); // about -50%
        Assert.InRange(path[7_199] * 100 / Start, 45UL, 60UL);
        // The worst 3-hour window (900 blocks) holds most of the day's fall: at least 25 points of the start price,
        // over 3 times the day's average pace for 3 hours (50% / 8 = 6.25 points).
        ulong worst = 0;
        int worstStart = 0;
        for (int b = 0; b + 900 < path.Length; b++)
        {
            if (path[b] > path[b + 900] && path[b] - path[b + 900] > worst)
                (worst, worstStart) = (path[b] - path[b + 900], b);
        }
        Assert.True(worst * 100 / Start >= 25, $"worst 3-hour fall {worst * 100 / Start}% from block {worstStart}");
        Assert.InRange(worstStart * 12 / 3600, 6, 14); // in the afternoon, not at the start or the end
    }

    [Fact]
    public void FlashCrashFallsThirtyPercentInMinutesThenRecovers()
    {
        PricePath path = Bare(PathPreset.FlashCrash, 600); // two hours
        ulong low = path.Prices.Min();
        int lowAt = path.Prices.IndexOf(low);
        Assert.Equal(70UL, low * 100 / Start);
        int lastAtStart = path.Prices.Take(lowAt).ToList().FindLastIndex(p => p == Start);
        Assert.InRange((lowAt - lastAtStart) * 12, 1, 15 * 60); // from the top to -30% within 15 minutes
        Assert.True(path[599] * 100 / Start >= 90, "most of the fall comes back within two hours");
    }

    [Fact]
    public void SlowBleedHasNoCrash()
    {
        PricePath path = Bare(PathPreset.SlowBleed, 7_200);
        Assert.Equal(65UL, path[7_199] * 100 / Start);
        for (int b = 300; b < path.Length; b += 300)
            Assert.True((path[b - 300] - path[b]) * 100 / Start <= 2, $"at most 2 points per hour (block {b})");
    }

    [Fact]
    public void NoiseIsSeededAndBounded()
    {
        PricePath a = PricePathBuilder.FromPreset(PathPreset.SlowBleed, Start, 500, 12, 10_000, 20, new SplitMix64(9));
        PricePath b = PricePathBuilder.FromPreset(PathPreset.SlowBleed, Start, 500, 12, 10_000, 20, new SplitMix64(9));
        PricePath c = PricePathBuilder.FromPreset(PathPreset.SlowBleed, Start, 500, 12, 10_000, 20, new SplitMix64(10));
        PricePath bare = Bare(PathPreset.SlowBleed, 500);
        Assert.Equal(a.Prices.ToArray(), b.Prices.ToArray());
        Assert.NotEqual(a.Prices.ToArray(), c.Prices.ToArray());
        for (int i = 0; i < 500; i++)
            Assert.InRange((long)a[i] - (long)bare[i], -(long)(bare[i] / 50), (long)(bare[i] / 50)); // within 10 x 20 bps
    }

    [Fact]
    public void CsvImportParsesAndInterpolatesLinearly()
    {
        IReadOnlyList<PricePoint> points = PriceCsv.Parse("timestamp,price\n# a comment\n1000,100\r\n1024,50.5\n1048,50.5\n", "eth.csv");
        Assert.Equal([new PricePoint(1000, 10_000_000_000), new PricePoint(1024, 5_050_000_000), new PricePoint(1048, 5_050_000_000)], points);
        PricePath path = PricePathBuilder.FromPoints(points, 6, 12);
        // t = 0, 12 (halfway: 100 - 49.5 / 2 = 75.25), 24, 36, 48, held after the last point.
        Assert.Equal([10_000_000_000UL, 7_525_000_000, 5_050_000_000, 5_050_000_000, 5_050_000_000, 5_050_000_000], path.Prices.ToArray());
        // Falling with a remainder rounds the price down: 100 to 50.5 over 36 s, at 12 s = 100 - 16.5 = 83.5 exactly;
        // over 7 s at 1 s: 100 - 49.5 / 7 = 92.928571428... -> 92.92857142.
        PricePath odd = PricePathBuilder.FromPoints([new(0, 10_000_000_000), new(7, 5_050_000_000)], 2, 1);
        Assert.Equal(9_292_857_142UL, odd[1]);
    }

    [Theory]
    [InlineData("1000,100\n1000,90\n", "eth.csv line 2, field 'timestamp': '1000' must be after the previous row's 1000")]
    [InlineData("1000,12x\n", "eth.csv line 1, field 'price': '12x'")]
    [InlineData("1000,0\n", "eth.csv line 1, field 'price': '0' must be positive")]
    [InlineData("1000,1,2\n", "eth.csv line 1: '1000,1,2' has 3 fields")]
    [InlineData("-5,1\n", "eth.csv line 1, field 'timestamp': '-5'")]
    [InlineData("# nothing\n", "eth.csv: has no price rows")]
    public void CsvErrorsNameTheLineFieldAndValue(string text, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => PriceCsv.Parse(text, "eth.csv"));
        Assert.StartsWith(expected, e.Message);
    }
}
