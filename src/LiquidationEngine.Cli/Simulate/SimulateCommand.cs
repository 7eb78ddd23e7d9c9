using System.Text;
using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Simulation.Reports;
using LiquidationEngine.Simulation.Running;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Cli.Simulate;

/// <summary><c>liqengine simulate</c>: runs a scenario under protection sets and prints the comparison table.</summary>
internal static class SimulateCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            SimulateArgs options = SimulateArgs.Parse(args);
            IReadOnlyList<SweepPoint> points = LoadPoints(options);
            var jobs = new List<RunJob>();
            foreach (SweepPoint point in points)
                jobs.AddRange(options.Compare.Select(set => new RunJob(point.Scenario, set)));

            RunResult[] results;
            using (ProgressBar progress = ProgressBar.ForStandardError(jobs.Sum(j => (long)j.Scenario.Blocks)))
                results = BatchRunner.Run(jobs, options.Serial ? 1 : Environment.ProcessorCount, progress.Tick);

            stdout.Write(Format(points, options, results));
            if (options.OutDirectory is not null)
                WriteOutputs(options.OutDirectory, points, options, results, stdout);
            return 0;
        }
        catch (ScenarioException e)
        {
            stderr.WriteLine($"liqengine simulate: {e.Message}");
            return 2;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is ScenarioException))
        {
            stderr.WriteLine($"liqengine simulate: {e.InnerExceptions[0].Message}");
            return 2;
        }
    }

    private static IReadOnlyList<SweepPoint> LoadPoints(SimulateArgs options)
    {
        string json, name;
        string? directory = null;
        if (options.ScenarioPath is null)
        {
            json = DefaultScenario.Json;
            name = "default scenario";
        }
        else
        {
            try
            {
                json = File.ReadAllText(options.ScenarioPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ScenarioException("scenario", options.ScenarioPath, $"cannot be read: {e.Message}");
            }
            name = options.ScenarioPath;
            directory = Path.GetDirectoryName(Path.GetFullPath(options.ScenarioPath));
        }
        return Sweep.Expand(ScenarioReader.ParseNode(json, name), options.Sweeps, directory, options.Seed);
    }

    private static string Format(IReadOnlyList<SweepPoint> points, SimulateArgs options, RunResult[] results)
    {
        var text = new StringBuilder();
        int sets = options.Compare.Length;
        for (int p = 0; p < points.Count; p++)
        {
            Scenario s = points[p].Scenario;
            if (p > 0)
                text.Append('\n');
            text.Append($"scenario {s.Name}: {PositionCount(s):N0} positions, {s.Blocks:N0} blocks of {s.BlockSeconds} s, seed {s.Seed}");
            text.Append(points[p].Label.Length > 0 ? $", {points[p].Label}\n" : "\n");
            text.Append(ComparisonTable.Format(results.AsSpan(p * sets, sets).ToArray()));
        }
        return text.ToString();
    }

    private static int PositionCount(Scenario s) => s.ImportedPositions.IsDefaultOrEmpty ? s.Positions.Count : s.ImportedPositions.Length;

    private static void WriteOutputs(string directory, IReadOnlyList<SweepPoint> points, SimulateArgs options, RunResult[] results, TextWriter stdout)
    {
        try
        {
            Directory.CreateDirectory(directory);
            int sets = options.Compare.Length;
            var labels = new List<string>();
            for (int p = 0; p < points.Count; p++)
            {
                for (int k = 0; k < sets; k++)
                {
                    RunResult run = results[p * sets + k];
                    string file = Path.Combine(directory, RunFileName(p, points.Count, run) + ".csv");
                    using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
                    RunCsv.Write(run, writer);
                    labels.Add(points[p].Label);
                }
            }
            string report = Path.Combine(directory, "report.html");
            using (var writer = new StreamWriter(report, append: false, new UTF8Encoding(false)))
                HtmlReport.Write(results, labels, writer);
            stdout.WriteLine($"wrote {results.Length} CSV time series and {report}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException("--out", directory, $"cannot be written: {e.Message}");
        }
    }

    private static string RunFileName(int point, int points, RunResult run) =>
        (points > 1 ? $"sweep{point:D3}-" : "") + ProtectionParameters.NameOf(run.Protection);
}
