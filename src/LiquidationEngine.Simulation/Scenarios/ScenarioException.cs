namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>
/// A scenario, CSV or JSON input, or command-line argument that cannot be used. The message names where (a JSON
/// path such as <c>collateral[0].pool.feeBps</c>, or a file, line and field) and the offending value.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="location">Where: a JSON path, an argument name, or "file line N, field 'name'".</param>
    /// <param name="value">The offending value as written (null when it is missing).</param>
    /// <param name="reason">What is wrong, e.g. "must be below 10000".</param>
    public ScenarioException(string location, string? value, string reason)
        : base(value is null ? $"{location}: {reason}" : $"{location}: '{value}' {reason}")
    {
        Location = location;
        Value = value;
    }

    /// <summary>Where the problem is.</summary>
    public string Location { get; }

    /// <summary>The offending value as written, or null when it is missing.</summary>
    public string? Value { get; }
}
