using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>One swept parameter: a scenario field (a JSON path) and the values it takes.</summary>
/// <param name="Key">The field, e.g. <c>protections.throttle.capacityUsd</c> or <c>collateral[0].pool.depthUsd</c>
/// (<c>throttle.</c> and <c>breaker.</c> are short for <c>protections.throttle.</c> and <c>protections.breaker.</c>).</param>
/// <param name="Values">The values as written on the command line.</param>
public sealed record SweepAxis(string Key, ImmutableArray<string> Values)
{
    /// <summary>Parses <c>key=v1,v2,...</c>.</summary>
    /// <exception cref="ScenarioException">No '=', an empty key or an empty value.</exception>
    public static SweepAxis Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
            throw new ScenarioException("--sweep", text, "must be key=v1,v2,... (e.g. protections.throttle.capacityUsd=1000000,5000000)");
        string[] values = text[(eq + 1)..].Split(',');
        if (values.Any(v => v.Trim().Length == 0))
            throw new ScenarioException("--sweep", text, "has an empty value");
        return new SweepAxis(text[..eq].Trim(), [.. values.Select(v => v.Trim())]);
    }
}

/// <summary>A scenario variant of a sweep.</summary>
/// <param name="Label">Which values it takes, e.g. <c>protections.throttle.capacityUsd=1000000</c> (empty without axes).</param>
/// <param name="Scenario">The scenario with those values.</param>
public sealed record SweepPoint(string Label, Scenario Scenario);

/// <summary>Expands sweep axes into scenario variants (the cartesian product, first axis outermost).</summary>
public static class Sweep
{
    /// <summary>Builds every variant of a parsed scenario; each is validated as a whole scenario.</summary>
    /// <param name="scenario">The parsed scenario JSON (not modified).</param>
    /// <param name="axes">The swept fields; empty gives the scenario alone.</param>
    /// <param name="baseDirectory">For relative file names in the scenario.</param>
    /// <param name="seed">Replaces the scenario's seed when not null.</param>
    /// <exception cref="ScenarioException">A key that does not lead to a field, or a value the field rejects (named with the sweep key).</exception>
    public static IReadOnlyList<SweepPoint> Expand(JsonNode scenario, IReadOnlyList<SweepAxis> axes, string? baseDirectory, ulong? seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(axes);
        var points = new List<SweepPoint>();
        var chosen = new string[axes.Count];
        Expand(0);
        return points;

        void Expand(int axis)
        {
            if (axis == axes.Count)
            {
                JsonNode copy = scenario.DeepClone();
                if (seed is { } s)
                    ((JsonObject)copy)["seed"] = s;
                var label = new List<string>();
                for (int i = 0; i < axes.Count; i++)
                {
                    Set(copy, axes[i].Key, chosen[i]);
                    label.Add($"{axes[i].Key}={chosen[i]}");
                }
                Scenario read;
                try
                {
                    read = ScenarioReader.Read(copy, baseDirectory);
                }
                catch (ScenarioException e) when (axes.Count > 0)
                {
                    throw new ScenarioException($"--sweep {string.Join(' ', label)}", null, $"gives an invalid scenario: {e.Message}");
                }
                points.Add(new SweepPoint(string.Join(' ', label), read));
                return;
            }
            foreach (string value in axes[axis].Values)
            {
                chosen[axis] = value;
                Expand(axis + 1);
            }
        }
    }

    // Walks "a.b[2].c" (creating objects for missing fields, so defaults can be overridden) and sets the last
    // field to the value: a JSON number, true/false, or else a string.
    private static void Set(JsonNode root, string key, string value)
    {
        string path = key.StartsWith("throttle.", StringComparison.Ordinal) || key.StartsWith("breaker.", StringComparison.Ordinal)
            ? "protections." + key : key;
        string[] parts = path.Split('.');
        JsonNode node = root;
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            int index = -1;
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                if (!part.EndsWith(']') || !int.TryParse(part[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out index))
                    throw new ScenarioException("--sweep", key, $"has a bad index in '{part}'");
                part = part[..bracket];
            }
            if (part.Length == 0 || node is not JsonObject obj)
                throw new ScenarioException("--sweep", key, $"does not lead to a field ('{part}' is not inside an object)");
            bool last = i == parts.Length - 1;
            if (index < 0 && last)
            {
                obj[part] = Literal(value);
                return;
            }
            if (index >= 0)
            {
                if (obj[part] is not JsonArray array || index >= array.Count)
                    throw new ScenarioException("--sweep", key, $"refers to {part}[{index}], which the scenario does not have");
                if (last)
                {
                    array[index] = Literal(value);
                    return;
                }
                node = array[index] ?? throw new ScenarioException("--sweep", key, $"refers to {part}[{index}], which is null");
                continue;
            }
            if (obj[part] is null)
                obj[part] = new JsonObject();
            node = obj[part]!;
        }
    }

    private static JsonNode Literal(string value)
    {
        if (value is "true" or "false")
            return JsonValue.Create(value == "true");
        bool numeric = value.Length > 0 && value.All(c => char.IsAsciiDigit(c) || c == '.') && value.Count(c => c == '.') <= 1 && value[0] != '.' && value[^1] != '.';
        return numeric ? JsonNode.Parse(value)! : JsonValue.Create(value);
    }
}
