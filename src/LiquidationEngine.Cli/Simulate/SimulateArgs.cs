using System.Collections.Immutable;
using System.Globalization;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Cli.Simulate;

/// <summary>The parsed arguments of <c>liqengine simulate</c>.</summary>
internal sealed record SimulateArgs
{
    public string? ScenarioPath { get; init; }

    public ImmutableArray<ProtectionSet> Compare { get; init; } = [ProtectionSet.None, ProtectionSet.Throttle, ProtectionSet.Breakers, ProtectionSet.All];

    public string? OutDirectory { get; init; }

    public ulong? Seed { get; init; }

    public ImmutableArray<SweepAxis> Sweeps { get; init; } = [];

    public bool Serial { get; init; }

    /// <summary>Parses the arguments after "simulate"; errors name the argument and the value.</summary>
    /// <exception cref="ScenarioException">An unknown option, a missing or bad value.</exception>
    public static SimulateArgs Parse(IReadOnlyList<string> args)
    {
        var result = new SimulateArgs();
        var sweeps = ImmutableArray.CreateBuilder<SweepAxis>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--compare":
                    result = result with { Compare = ParseCompare(Value(args, ref i)) };
                    break;
                case "--out":
                    result = result with { OutDirectory = Value(args, ref i) };
                    break;
                case "--seed":
                    string seed = Value(args, ref i);
                    result = result with
                    {
                        Seed = ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s
                            : throw new ScenarioException("--seed", seed, "is not a whole number between 0 and 18446744073709551615"),
                    };
                    break;
                case "--sweep":
                    sweeps.Add(SweepAxis.Parse(Value(args, ref i)));
                    break;
                case "--serial":
                    result = result with { Serial = true };
                    break;
                default:
                    if (arg.StartsWith('-'))
                        throw new ScenarioException(arg, null, "is not an option of simulate (expected --compare, --out, --seed, --sweep, --serial)");
                    if (result.ScenarioPath is not null)
                        throw new ScenarioException("scenario", arg, $"is a second scenario file (already given '{result.ScenarioPath}')");
                    result = result with { ScenarioPath = arg };
                    break;
            }
        }
        return result with { Sweeps = sweeps.ToImmutable() };
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new ScenarioException(args[i], null, "needs a value");
        return args[++i];
    }

    private static ImmutableArray<ProtectionSet> ParseCompare(string text)
    {
        var sets = ImmutableArray.CreateBuilder<ProtectionSet>();
        foreach (string part in text.Split(','))
        {
            if (!ProtectionParameters.TryParseSet(part.Trim(), out ProtectionSet set))
                throw new ScenarioException("--compare", part, "is not a protection set (expected none, throttle, breakers or all)");
            if (sets.Contains(set))
                throw new ScenarioException("--compare", part, "is listed twice");
            sets.Add(set);
        }
        return sets.ToImmutable();
    }
}
