using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace LiquidationEngine.Tests.Support;

/// <summary>
/// Runs an FsCheck 3 property from a plain xunit <c>[Fact]</c>, deterministically: the random stream starts from a
/// FIXED seed unless the environment says otherwise, the seed and replay instructions are printed to the test
/// output, and a failure throws <see cref="PropertyFailedException"/> carrying FsCheck's counterexample.
/// </summary>
/// <remarks>
/// <para>Environment variables (read on every run):</para>
/// <list type="bullet">
/// <item><c>LIQENGINE_PROPERTY_SEED</c>: base seed (decimal or 0x-hex <see cref="ulong"/>); default <see cref="DefaultSeed"/>.
/// Set it to the value a failure printed to replay that failure exactly.</item>
/// <item><c>LIQENGINE_PROPERTY_RUNS</c>: positive multiplier of every property's case count (e.g. <c>10</c> for a
/// long soak, <c>0.1</c> for a quick pass); default 1.</item>
/// </list>
/// <para>Each property draws from its own stream, derived from the base seed and the property's name, so adding a
/// property does not change what the others test.</para>
/// <example>
/// <code>
/// [Fact]
/// public void AddMatchesModel() =&gt; PropertyCheck.Run(output, "add", Generators.Pairs, pair =&gt; { ... assertions ... }, maxTest: 5000);
/// </code>
/// </example>
/// </remarks>
public static class PropertyCheck
{
    /// <summary>Environment variable overriding the base seed.</summary>
    public const string SeedVariable = "LIQENGINE_PROPERTY_SEED";

    /// <summary>Environment variable multiplying every property's case count.</summary>
    public const string RunsVariable = "LIQENGINE_PROPERTY_RUNS";

    /// <summary>The base seed used when <see cref="SeedVariable"/> is not set.</summary>
    public const ulong DefaultSeed = 20261122;

    // Any odd constant is a valid SplitMix gamma; fixed so that the seed alone identifies a run.
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>Checks <paramref name="property"/> on <paramref name="maxTest"/> cases (times <see cref="RunsVariable"/>).</summary>
    /// <param name="output">Where the seed, case count and replay instructions are printed.</param>
    /// <param name="name">A stable, unique name: it selects the property's random stream and labels its output.</param>
    /// <param name="property">The FsCheck property, e.g. from <c>Prop.ForAll</c>.</param>
    /// <param name="maxTest">Number of cases in a default run.</param>
    /// <param name="seed">Base seed; overrides both the default and <see cref="SeedVariable"/> (for tests of the harness itself).</param>
    /// <exception cref="PropertyFailedException">A case failed; the message has the counterexample and how to replay it.</exception>
    public static void Run(ITestOutputHelper output, string name, Property property, int maxTest = 1000, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(property);
        ulong baseSeed = seed ?? SeedFromEnvironment() ?? DefaultSeed;
        ulong streamSeed = StreamSeed(baseSeed, name);
        int runs = Math.Max(1, (int)Math.Min(int.MaxValue, Math.Round(maxTest * RunMultiplierFromEnvironment())));
        string replay = $"replay: {SeedVariable}={baseSeed} dotnet test --filter \"<this test>\"";
        output.WriteLine($"property '{name}': {runs} cases, base seed {baseSeed} (stream seed {streamSeed}); {replay}");

        Config config = Config.QuickThrowOnFailure
            .WithMaxTest(runs)
            .WithName(name)
            .WithQuietOnSuccess(true)
            .WithReplay(streamSeed, Gamma);
        try
        {
            property.Check(config);
        }
        catch (Exception ex) when (ex is not PropertyFailedException)
        {
            string message = $"Property '{name}' failed (base seed {baseSeed}; {replay}).{Environment.NewLine}{ex.Message}";
            output.WriteLine(message);
            throw new PropertyFailedException(message, ex);
        }
    }

    /// <summary>Checks that <paramref name="check"/> does not throw for values from <paramref name="generator"/> (no shrinking).</summary>
    public static void Run<T>(ITestOutputHelper output, string name, Gen<T> generator, Action<T> check, int maxTest = 1000, ulong? seed = null) =>
        Run(output, name, Prop.ForAll(Arb.From(generator), check), maxTest, seed);

    /// <summary>Checks that <paramref name="check"/> does not throw for values from <paramref name="arbitrary"/> (which may shrink).</summary>
    public static void Run<T>(ITestOutputHelper output, string name, Arbitrary<T> arbitrary, Action<T> check, int maxTest = 1000, ulong? seed = null) =>
        Run(output, name, Prop.ForAll(arbitrary, check), maxTest, seed);

    private static ulong? SeedFromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new InvalidOperationException($"{SeedVariable}=\"{text}\" is not a decimal or 0x-hex 64-bit unsigned seed.");
    }

    private static double RunMultiplierFromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(RunsVariable);
        if (string.IsNullOrWhiteSpace(text)) return 1;
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new InvalidOperationException($"{RunsVariable}=\"{text}\" is not a positive number.");
    }

    /// <summary>SplitMix64 of the base seed mixed with the FNV-1a hash of the name: stable across runs and platforms.</summary>
    private static ulong StreamSeed(ulong baseSeed, string name)
    {
        ulong hash = 14695981039346656037;
        foreach (char ch in name)
            hash = unchecked((hash ^ ch) * 1099511628211);
        ulong z = unchecked(baseSeed + hash + Gamma);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EB);
        return z ^ (z >> 31);
    }
}

/// <summary>A property found a counterexample; the message holds it and the replay seed.</summary>
public sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);
