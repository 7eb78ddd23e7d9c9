namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>The embedded default scenario of <c>liqengine simulate</c> (black-thursday, 10 000 positions).</summary>
public static class DefaultScenario
{
    /// <summary>The scenario's JSON text, as shipped.</summary>
    public static string Json { get; } = Load();

    /// <summary>The scenario, read.</summary>
    public static Scenario Read() => ScenarioReader.Read(Json, "default scenario", baseDirectory: null);

    private static string Load()
    {
        using Stream stream = typeof(DefaultScenario).Assembly.GetManifestResourceStream("LiquidationEngine.Simulation.default-scenario.json")
            ?? throw new InvalidOperationException("the default scenario resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
