using System.Globalization;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Running;

namespace LiquidationEngine.Cli.Audit;

/// <summary>The parsed arguments of <c>liqengine audit</c>.</summary>
internal sealed record AuditArgs
{
    public required string ConfigPath { get; init; }

    public AuditSettings Settings { get; init; } = new();

    public string? ReportPath { get; init; }

    public string? ScriptPath { get; init; }

    /// <summary>Where the counterexample goes: --script, else next to the report, else "&lt;config&gt;.counterexample.json" in the current directory.</summary>
    public string CounterexamplePath => ScriptPath ?? Path.Combine(
        ReportPath is null ? "." : Path.GetDirectoryName(Path.GetFullPath(ReportPath))!,
        Path.GetFileNameWithoutExtension(ConfigPath) + ".counterexample.json");

    /// <summary>Parses the arguments after "audit"; errors name the argument, the value and the rule.</summary>
    /// <exception cref="AuditConfigException">An unknown option, a missing or bad value.</exception>
    public static AuditArgs Parse(IReadOnlyList<string> args)
    {
        string? config = null, report = null, script = null;
        var settings = new AuditSettings();
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config": config = Value(args, ref i); break;
                case "--out": report = Value(args, ref i); break;
                case "--script": script = Value(args, ref i); break;
                case "--runs": settings = settings with { Runs = (int)Number(args, ref i, 1, 100_000_000) }; break;
                case "--max-ops": settings = settings with { MaxOps = (int)Number(args, ref i, 1, 10_000) }; break;
                case "--seed": settings = settings with { Seed = Number(args, ref i, 0, ulong.MaxValue) }; break;
                default:
                    throw new AuditConfigException(args[i], null, "is not an option of audit (expected --config, --runs, --seed, --max-ops, --out, --script)");
            }
        }
        return new AuditArgs
        {
            ConfigPath = config ?? throw new AuditConfigException("--config", null, "is required: the protocol configuration to audit"),
            Settings = settings,
            ReportPath = report,
            ScriptPath = script,
        };
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new AuditConfigException(args[i - 1], null, "needs a value");

    private static ulong Number(IReadOnlyList<string> args, ref int i, ulong min, ulong max)
    {
        string name = args[i], text = Value(args, ref i);
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) && v >= min && v <= max
            ? v
            : throw new AuditConfigException(name, text, $"must be a whole number between {min} and {max}");
    }
}
