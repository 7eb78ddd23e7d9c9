using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Audit.Config;

/// <summary>
/// Reads one JSON object field by field, naming each by its path in errors, and rejects fields it does not know,
/// so a typo cannot silently fall back to a default.
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonObject _object;
    private readonly HashSet<string> _read = [];

    private JsonFields(JsonObject obj, string path)
    {
        _object = obj;
        Path = path;
    }

    public string Path { get; }

    public static JsonFields Of(JsonNode? node, string path) => node is JsonObject o
        ? new JsonFields(o, path)
        : throw new AuditConfigException(path.Length == 0 ? "(root)" : path, node?.ToJsonString() ?? "null", "must be a JSON object");

    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public bool Has(string name) => _object.ContainsKey(name);

    public JsonFields? Section(string name)
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
            _ => throw new AuditConfigException(Child(name), node.ToJsonString(), "must be a JSON array"),
        };
    }

    public string? String(string name)
    {
        JsonNode? node = Take(name);
        if (node is null) return null;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw new AuditConfigException(Child(name), node.ToJsonString(), "must be a string");
    }

    public string RequiredString(string name) =>
        String(name) ?? throw new AuditConfigException(Child(name), null, "is required");

    /// <summary>A whole number (JSON number or base-10 string) in [min, max].</summary>
    public UInt256 Word(string name, UInt256 fallback, UInt256? min = null, UInt256? max = null, string? rule = null)
    {
        JsonNode? node = Take(name);
        if (node is null) return fallback;
        string raw = Raw(node, Child(name));
        if (!UInt256.TryParse(raw, out UInt256 value))
            throw new AuditConfigException(Child(name), raw, "is not a whole number below 2^256 (base 10, or 0x-hex)");
        if (min is { } lo && value < lo || max is { } hi && value > hi)
            throw new AuditConfigException(Child(name), raw, rule ?? $"must be between {min ?? UInt256.Zero} and {max ?? UInt256.MaxValue}");
        return value;
    }

    public UInt256 RequiredWord(string name, UInt256? min = null, UInt256? max = null, string? rule = null) =>
        Has(name) ? Word(name, UInt256.Zero, min, max, rule) : throw new AuditConfigException(Child(name), null, "is required");

    public ulong UInt64(string name, ulong fallback, ulong min = 0, ulong max = ulong.MaxValue, string? rule = null) =>
        (ulong)Word(name, fallback, min, max, rule);

    public uint UInt32(string name, uint fallback, uint min = 0, uint max = uint.MaxValue, string? rule = null) =>
        (uint)Word(name, fallback, min, max, rule);

    public bool Bool(string name, bool fallback)
    {
        JsonNode? node = Take(name);
        if (node is null) return fallback;
        return node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>()
            : throw new AuditConfigException(Child(name), node.ToJsonString(), "must be true or false");
    }

    /// <summary>Rejects any field not read so far.</summary>
    public void EnsureNoUnknownFields()
    {
        foreach (KeyValuePair<string, JsonNode?> field in _object)
        {
            if (!_read.Contains(field.Key))
                throw new AuditConfigException(Child(field.Key), field.Value?.ToJsonString() ?? "null", "is not a known field (see spec/SPEC.md section 9)");
        }
    }

    private JsonNode? Take(string name)
    {
        _read.Add(name);
        return _object[name];
    }

    // The number's own text (never a double round trip), or the string's contents.
    private static string Raw(JsonNode node, string location) => node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
        ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
        : throw new AuditConfigException(location, node.ToJsonString(), "must be a number or a string of digits");

    internal static string Format(UInt256 value) => value.ToString(null, CultureInfo.InvariantCulture);
}
