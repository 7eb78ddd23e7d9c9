using System.Text.Json;
using System.Text.Json.Nodes;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Positions;

/// <summary>A collateral asset as position files name it.</summary>
/// <param name="Symbol">The symbol used in the file's <c>collateral</c> field.</param>
/// <param name="Decimals">Token decimals.</param>
public readonly record struct PositionAsset(string Symbol, byte Decimals);

/// <summary>
/// Imports positions. Amounts are decimal strings in whole tokens ("12.5" WETH, "1500" USDC), converted exactly.
/// JSON: an array (or <c>{"positions": [...]}</c>) of <c>{"collateral": "WETH", "collateralAmount": "12.5", "debt": "1500"}</c>;
/// CSV: a header <c>collateral,collateralAmount,debt</c>, then one position per line ('#' comments and blank lines skipped).
/// </summary>
public static class PositionFile
{
    private static readonly string[] Fields = ["collateral", "collateralAmount", "debt"];

    /// <summary>Parses a file by its extension (.json or .csv).</summary>
    /// <exception cref="ScenarioException">Names the file, the entry or line and the field, and the value.</exception>
    public static PositionSpec[] Parse(string text, string fileName, IReadOnlyList<PositionAsset> assets, byte debtDecimals) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ParseCsv(text, fileName, assets, debtDecimals)
        : fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(text, fileName, assets, debtDecimals)
        : throw new ScenarioException("positions.file", fileName, "must end in .json or .csv");

    /// <summary>Parses the JSON form.</summary>
    /// <exception cref="ScenarioException">Names the file, entry and field, e.g. <c>book.json [3].debt: 'abc' is not a decimal number</c>.</exception>
    public static PositionSpec[] ParseJson(string text, string fileName, IReadOnlyList<PositionAsset> assets, byte debtDecimals)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{fileName} line {e.LineNumber + 1}", null, $"is not valid JSON: {e.Message}");
        }
        JsonArray array = root switch
        {
            JsonArray a => a,
            JsonObject o when o["positions"] is JsonArray a => a,
            _ => throw new ScenarioException(fileName, null, "must be a JSON array of positions or an object with a \"positions\" array"),
        };
        var result = new PositionSpec[array.Count];
        for (int i = 0; i < array.Count; i++)
        {
            string where = $"{fileName} [{i}]";
            if (array[i] is not JsonObject entry)
                throw new ScenarioException(where, array[i]?.ToJsonString(), "must be an object with collateral, collateralAmount and debt");
            foreach (KeyValuePair<string, JsonNode?> field in entry)
            {
                if (Array.IndexOf(Fields, field.Key) < 0)
                    throw new ScenarioException($"{where}.{field.Key}", null, "is not a position field (expected collateral, collateralAmount, debt)");
            }
            result[i] = Build(Text(entry, "collateral", where), Text(entry, "collateralAmount", where), Text(entry, "debt", where), where + ".", assets, debtDecimals);
        }
        return result;
    }

    /// <summary>Parses the CSV form.</summary>
    /// <exception cref="ScenarioException">Names the file, line and field, e.g. <c>book.csv line 4, field 'debt': '1,5' ...</c>.</exception>
    public static PositionSpec[] ParseCsv(string text, string fileName, IReadOnlyList<PositionAsset> assets, byte debtDecimals)
    {
        var result = new List<PositionSpec>();
        bool header = false;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            string[] cells = line.Split(',');
            string where = $"{fileName} line {i + 1}";
            if (!header)
            {
                if (cells.Length != 3 || cells.Select(c => c.Trim()).Zip(Fields).Any(p => p.First != p.Second))
                    throw new ScenarioException(where, line, "must be the header collateral,collateralAmount,debt");
                header = true;
                continue;
            }
            if (cells.Length != 3)
                throw new ScenarioException(where, line, $"has {cells.Length} fields; expected 3 (collateral,collateralAmount,debt)");
            result.Add(Build(cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), where + ", field ", assets, debtDecimals, quoteField: true));
        }
        if (!header)
            throw new ScenarioException(fileName, null, "is empty (expected the header collateral,collateralAmount,debt)");
        return [.. result];
    }

    private static string? Text(JsonObject entry, string field, string where)
    {
        JsonNode? node = entry[field];
        if (node is null)
            throw new ScenarioException($"{where}.{field}", null, "is missing");
        return node is JsonValue v && v.TryGetValue(out string? s) ? s
            : throw new ScenarioException($"{where}.{field}", node.ToJsonString(), "must be a string (amounts are decimal strings such as \"12.5\")");
    }

    private static PositionSpec Build(string? symbol, string? collateralAmount, string? debt, string prefix, IReadOnlyList<PositionAsset> assets, byte debtDecimals, bool quoteField = false)
    {
        string Loc(string field) => quoteField ? $"{prefix}'{field}'" : prefix + field;
        int index = -1;
        for (int a = 0; a < assets.Count; a++)
        {
            if (assets[a].Symbol == symbol)
                index = a;
        }
        if (index < 0)
            throw new ScenarioException(Loc("collateral"), symbol, $"is not a collateral asset of the scenario (expected one of {string.Join(", ", assets.Select(a => a.Symbol))})");
        UInt256 amount = DecimalText.Parse(collateralAmount, assets[index].Decimals, Loc("collateralAmount"));
        if (amount.IsZero)
            throw new ScenarioException(Loc("collateralAmount"), collateralAmount, "must be positive");
        UInt256 debtAmount = DecimalText.Parse(debt, debtDecimals, Loc("debt"));
        return new PositionSpec(index, amount, debtAmount);
    }
}
