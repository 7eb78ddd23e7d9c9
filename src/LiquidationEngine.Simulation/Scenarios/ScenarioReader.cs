using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiquidationEngine.Simulation.Paths;
using LiquidationEngine.Simulation.Positions;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>
/// Reads a scenario from JSON (schema: spec/SPEC.md section 8). Every error is a <see cref="ScenarioException"/> naming
/// the field by its JSON path and the offending value; unknown fields are errors too.
/// </summary>
public static partial class ScenarioReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Parses scenario JSON text into a node (for sweeps, which edit it before <see cref="Read(JsonNode, string?)"/>).</summary>
    /// <exception cref="ScenarioException">Not valid JSON (names the line).</exception>
    public static JsonNode ParseNode(string json, string sourceName)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: DocumentOptions)
                ?? throw new ScenarioException(sourceName, "null", "must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{sourceName} line {e.LineNumber + 1}", null, $"is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Reads scenario JSON text.</summary>
    /// <param name="json">The scenario.</param>
    /// <param name="sourceName">Named in JSON syntax errors.</param>
    /// <param name="baseDirectory">Directory that relative file names (price CSV, positions) are resolved against; null = current directory.</param>
    /// <exception cref="ScenarioException">The field and value that are wrong.</exception>
    public static Scenario Read(string json, string sourceName, string? baseDirectory) => Read(ParseNode(json, sourceName), baseDirectory);

    /// <summary>Reads a parsed scenario.</summary>
    /// <exception cref="ScenarioException">The field and value that are wrong.</exception>
    public static Scenario Read(JsonNode root, string? baseDirectory)
    {
        JsonSection s = JsonSection.Of(root, "");
        var defaults = new Scenario();
        string name = s.String("name") ?? defaults.Name;
        ulong seed = s.UInt64("seed", defaults.Seed);
        int blocks = s.Int32("blocks", defaults.Blocks, 1, 10_000_000);
        ulong blockSeconds = s.UInt64("blockSeconds", defaults.BlockSeconds, 1, 86_400);
        ulong start = s.UInt64("startTimestamp", defaults.StartTimestamp, 0, ulong.MaxValue / 2);
        DebtAssetSpec debt = ReadDebt(s.Section("debt"));
        ImmutableArray<CollateralSpec> collateral = ReadCollateral(s.Array("collateral"), s.Child("collateral"), blocks, baseDirectory);
        (PositionGeneratorOptions generator, ImmutableArray<PositionSpec> imported) =
            ReadPositions(s.Section("positions"), collateral, debt, baseDirectory);
        KeeperOptions keepers = ReadKeepers(s.Section("keepers"), blocks);
        MarketSpec market = ReadMarket(s.Section("market"));
        ProtectionParameters protections = ReadProtections(s.Section("protections"));
        s.EnsureNoUnknownFields();
        return new Scenario
        {
            Name = name, Seed = seed, Blocks = blocks, BlockSeconds = blockSeconds, StartTimestamp = start, Debt = debt,
            Collateral = collateral, Positions = generator, ImportedPositions = imported, Keepers = keepers, Market = market,
            Protections = protections,
        };
    }

    private static DebtAssetSpec ReadDebt(JsonSection? s)
    {
        var d = new DebtAssetSpec();
        if (s is null)
            return d;
        var result = new DebtAssetSpec(Symbol(s, "symbol", d.Symbol), s.Byte("decimals", d.Decimals, 36));
        s.EnsureNoUnknownFields();
        return result;
    }

    private static string Symbol(JsonSection s, string field, string fallback)
    {
        string value = s.String(field) ?? fallback;
        if (value.Length is 0 or > 16 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            throw new ScenarioException(s.Child(field), value, "must be 1 to 16 letters, digits, '.', '-' or '_'");
        return value;
    }

    private static string ReadFile(string path, string? baseDirectory, string field)
    {
        string full = System.IO.Path.IsPathRooted(path) || baseDirectory is null ? path : System.IO.Path.Combine(baseDirectory, path);
        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(field, path, $"cannot be read: {e.Message}");
        }
    }
}
