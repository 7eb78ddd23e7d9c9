using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>
/// Reads one JSON object field by field, naming each by its path (<c>collateral[0].pool.feeBps</c>) in errors, and
/// rejects fields it does not know, so a typo cannot silently fall back to a default.
/// </summary>
internal sealed class JsonSection
{
    private readonly JsonObject _object;
    private readonly HashSet<string> _read = [];

    private JsonSection(JsonObject obj, string path)
    {
        _object = obj;
        Path = path;
    }

    public string Path { get; }

    public static JsonSection Of(JsonNode? node, string path) => node is JsonObject o
        ? new JsonSection(o, path)
        : throw new ScenarioException(path, node?.ToJsonString(), "must be a JSON object");

    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public bool Has(string name) => _object.ContainsKey(name);

    public bool IsString(string name) => _object[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public JsonSection? Section(string name)
    {
        JsonNode? node = Take(name);
        return node is null ? null : Of(node, Child(name));
    }

    public JsonArray? Array(string name)
    {
        JsonNode? node = Take(name);
        return node switch
        {
            null => null,
            JsonArray a => a,
            _ => throw new ScenarioException(Child(name), node.ToJsonString(), "must be a JSON array"),
        };
    }

    public string? String(string name)
    {
        JsonNode? node = Take(name);
        if (node is null)
            return null;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw new ScenarioException(Child(name), node.ToJsonString(), "must be a string");
    }

    public ulong UInt64(string name, ulong fallback, ulong min = 0, ulong max = ulong.MaxValue)
    {
        JsonNode? node = Take(name);
        return node is null ? fallback : Whole(node, Child(name), min, max);
    }

    /// <summary>A whole number (JSON number or string of digits) in [min, max], for array elements and fields alike.</summary>
    public static ulong Whole(JsonNode? node, string location, ulong min, ulong max)
    {
        string raw = Raw(node, location);
        if (!ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            throw new ScenarioException(location, raw, "is not a whole number");
        if (value < min || value > max)
            throw new ScenarioException(location, raw, max == ulong.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}");
        return value;
    }

    public uint UInt32(string name, uint fallback, uint min = 0, uint max = uint.MaxValue) => (uint)UInt64(name, fallback, min, max);

    public int Int32(string name, int fallback, int min, int max) => (int)UInt64(name, (ulong)fallback, (ulong)min, (ulong)max);

    public byte Byte(string name, byte fallback, byte max) => (byte)UInt64(name, fallback, 0, max);

    public bool Bool(string name, bool fallback)
    {
        JsonNode? node = Take(name);
        if (node is null)
            return fallback;
        return node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>()
            : throw new ScenarioException(Child(name), node.ToJsonString(), "must be true or false");
    }

    /// <summary>A decimal (string or number, read from its exact text) scaled by 10^decimals.</summary>
    public UInt256 Decimal(string name, int decimals, UInt256 fallback)
    {
        JsonNode? node = Take(name);
        return node is null ? fallback : DecimalText.Parse(Raw(node, Child(name)), decimals, Child(name));
    }

    /// <summary>Rejects any field not read so far.</summary>
    public void EnsureNoUnknownFields()
    {
        foreach (KeyValuePair<string, JsonNode?> field in _object)
        {
            if (!_read.Contains(field.Key))
                throw new ScenarioException(Child(field.Key), null, "is not a known field (see spec/SPEC.md section 8)");
        }
    }

    private JsonNode? Take(string name)
    {
        _read.Add(name);
        return _object[name];
    }

    // The number's own text (never a double round trip), or the string's contents.
    private static string Raw(JsonNode? node, string location) => node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
        ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
        : throw new ScenarioException(location, node?.ToJsonString() ?? "null", "must be a number or a string of digits");
}
