using System.Text;
using System.Text.Json.Nodes;
using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Simulation.Reports;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Tests.Simulation;

/// <summary>The small example scenario (spec/examples/scenario-small.json, copied to the test output) and its outputs as bytes.</summary>
internal static class SimulationTestKit
{
    public static string ScenarioPath => Path.Combine(AppContext.BaseDirectory, "examples", "scenario-small.json");

    public static string ScenarioJson => File.ReadAllText(ScenarioPath);

    public static JsonNode Node() => ScenarioReader.ParseNode(ScenarioJson, "scenario-small.json");

    public static Scenario Read() => ScenarioReader.Read(Node(), baseDirectory: null);

    /// <summary>Reads the small scenario after an edit of its JSON.</summary>
    public static Scenario ReadEdited(Action<JsonObject> edit)
    {
        JsonObject root = Node().AsObject();
        edit(root);
        return ScenarioReader.Read(root, baseDirectory: null);
    }

    public static string Csv(RunResult run)
    {
        using var writer = new StringWriter();
        RunCsv.Write(run, writer);
        return writer.ToString();
    }

    public static byte[] Html(IReadOnlyList<RunResult> runs)
    {
        using var writer = new StringWriter();
        HtmlReport.Write(runs, [.. runs.Select(_ => "")], writer);
        return Encoding.UTF8.GetBytes(writer.ToString());
    }
}
