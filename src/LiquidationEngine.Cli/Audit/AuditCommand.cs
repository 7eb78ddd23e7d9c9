using System.Text;
using System.Text.Json.Nodes;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Running;

namespace LiquidationEngine.Cli.Audit;

/// <summary>
/// <c>liqengine audit --config protocol.json [--runs N] [--seed S] [--max-ops M] [--out report.json] [--script FILE]</c>:
/// runs every invariant of spec/INVARIANTS.md on random operation sequences against the auditor's market. Exit 0
/// when all hold, 1 on a violation (the minimal counterexample is printed and written as a replayable script),
/// 2 on bad usage or a bad config.
/// </summary>
internal static class AuditCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool progressOnTerminal = true)
    {
        AuditArgs options;
        AuditConfig config;
        try
        {
            options = AuditArgs.Parse(args);
            config = AuditConfigReader.Parse(ReadFile(options.ConfigPath));
        }
        catch (AuditConfigException e)
        {
            stderr.WriteLine($"liqengine audit: {e.Message}");
            return 2;
        }

        AuditSettings s = options.Settings;
        stdout.WriteLine($"liqengine audit: {options.ConfigPath}, {s.Runs} runs of up to {s.MaxOps} operations, seed {s.Seed}");
        // A terminal gets a live counter; a redirected stderr gets a line every 10% of a long run (>= 1000 runs).
        bool terminal = progressOnTerminal && !Console.IsErrorRedirected;
        bool lines = progressOnTerminal && Console.IsErrorRedirected && s.Runs >= 1000;
        int every = Math.Max(1, s.Runs / (terminal ? 100 : 10));
        AuditReport report = AuditRunner.Run(config, s, (done, total) =>
        {
            if (!(terminal || lines) || done % every != 0 && done != total) return;
            string text = $"  {done} of {total} runs ({done * 100 / total}%)";
            if (terminal) stderr.Write("\r" + text);
            else stderr.WriteLine(text);
        });
        if (terminal) stderr.Write("\r" + new string(' ', 50) + "\r");

        stdout.Write(Table(report));
        if (options.ReportPath is not null)
            File.WriteAllText(options.ReportPath, ReportJson(options, report));
        if (report.Counterexample is not { } script)
        {
            stdout.WriteLine($"all {report.Rows.Length} invariants held over {report.RunsCompleted} runs.");
            return 0;
        }
        string path = options.CounterexamplePath;
        File.WriteAllText(path, script.ToJson());
        stdout.WriteLine();
        stdout.WriteLine($"VIOLATION {script.Violation}");
        stdout.WriteLine($"minimal counterexample ({script.Ops.Length} operations), written to {path}:");
        for (int i = 0; i < script.Ops.Length; i++)
            stdout.WriteLine($"  {i + 1,3}. {script.Ops[i]}");
        stdout.WriteLine($"replay it with: liqengine replay {path}");
        return 1;
    }

    internal static string Table(AuditReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"{"invariant",-10} {"what",-50} {"cases",10}  result");
        foreach (InvariantRow row in report.Rows)
            text.AppendLine($"{row.Id,-10} {row.Title,-50} {row.Cases,10}  {(row.Held ? "pass" : "FAIL")}");
        return text.ToString();
    }

    private static string ReportJson(AuditArgs options, AuditReport report)
    {
        var rows = new JsonArray();
        foreach (InvariantRow r in report.Rows)
            rows.Add(new JsonObject { ["id"] = r.Id, ["title"] = r.Title, ["cases"] = r.Cases, ["result"] = r.Held ? "pass" : "fail" });
        var root = new JsonObject
        {
            ["config"] = options.ConfigPath,
            ["seed"] = report.Settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["runs"] = report.Settings.Runs,
            ["maxOps"] = report.Settings.MaxOps,
            ["runsCompleted"] = report.RunsCompleted,
            ["passed"] = report.Passed,
            ["invariants"] = rows,
        };
        if (report.Counterexample is { Violation: { } v } script)
        {
            root["violation"] = new JsonObject { ["id"] = v.Id, ["step"] = v.StepIndex + 1, ["reason"] = v.Reason };
            root["counterexample"] = options.CounterexamplePath;
            root["counterexampleOps"] = script.Ops.Length;
        }
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    internal static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditConfigException(path, null, $"cannot be read: {e.Message}");
        }
    }
}
