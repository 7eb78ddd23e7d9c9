using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Paths;

/// <summary>
/// Reads a reference price path from CSV: one <c>timestamp,price</c> row per line (seconds, and a decimal price in
/// USD with at most 8 decimals), an optional header row <c>timestamp,price</c>, blank lines and lines starting with
/// '#' ignored. Timestamps must increase strictly.
/// </summary>
public static class PriceCsv
{
    /// <summary>Parses the text of a price CSV file.</summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="sourceName">Named in errors (the file name).</param>
    /// <exception cref="ScenarioException">Names the file, line and field, and the value, e.g.
    /// <c>eth.csv line 7, field 'price': '12x' is not a decimal number</c>.</exception>
    public static IReadOnlyList<PricePoint> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var points = new List<PricePoint>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            string[] fields = line.Split(',');
            string where = $"{sourceName} line {i + 1}";
            if (points.Count == 0 && fields.Length == 2 && fields[0].Trim() == "timestamp" && fields[1].Trim() == "price")
                continue;
            if (fields.Length != 2)
                throw new ScenarioException(where, line, $"has {fields.Length} fields; expected 2 (timestamp,price)");
            string rawTime = fields[0].Trim();
            if (!ulong.TryParse(rawTime, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong seconds))
                throw new ScenarioException($"{where}, field 'timestamp'", rawTime, "is not a whole number of seconds");
            ulong price = DecimalText.ParseUInt64(fields[1], SimUnits.PriceDecimals, $"{where}, field 'price'");
            if (price == 0)
                throw new ScenarioException($"{where}, field 'price'", fields[1].Trim(), "must be positive");
            if (points.Count > 0 && seconds <= points[^1].Seconds)
                throw new ScenarioException($"{where}, field 'timestamp'", rawTime, $"must be after the previous row's {points[^1].Seconds}");
            points.Add(new PricePoint(seconds, price));
        }
        if (points.Count == 0)
            throw new ScenarioException(sourceName, null, "has no price rows (expected lines of timestamp,price)");
        return points;
    }
}
