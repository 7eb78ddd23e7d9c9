using System.Globalization;
using System.Text;
using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Reports;

/// <summary>
/// One self-contained HTML report for a batch of runs: the comparison tables, then per run inline SVG charts of the
/// price paths, liquidation volume per block, bad debt and insurance over time and the margin-to-liquidity ratio,
/// each with the breaker's Open and HalfOpen periods shaded. No scripts, no external resources, no network; the
/// markup is well-formed XML, and the same runs give the same bytes.
/// </summary>
public static class HtmlReport
{
    private const string OpenColor = "#f4c7c3", HalfOpenColor = "#fde9b8";

    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1160px}
        h1{font-size:22px}h2{font-size:18px;margin-top:32px}h3{font-size:16px;margin:24px 0 4px}
        table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #d0d0d8;padding:3px 8px;text-align:right;white-space:nowrap}
        th{background:#f0f0f5}td:first-child,th:first-child{text-align:left}
        svg{display:block;margin:4px 0 10px}svg text{font:12px system-ui,sans-serif;fill:#333}svg text.title{font-weight:600}
        .key span{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px}
        """;

    /// <summary>Writes the report.</summary>
    /// <param name="runs">The runs, grouped by sweep point in order.</param>
    /// <param name="labels">Each run's sweep label (empty without a sweep); runs with equal consecutive labels share a table.</param>
    /// <param name="writer">Where the HTML goes.</param>
    public static void Write(IReadOnlyList<RunResult> runs, IReadOnlyList<string> labels, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(writer);
        if (runs.Count == 0 || labels.Count != runs.Count)
            throw new ArgumentException("one label per run, at least one run", nameof(labels));
        Scenario first = runs[0].Scenario;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<title>Cascade simulation: {Html.Escape(first.Name)}</title><style>{Style}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Cascade simulation: {Html.Escape(first.Name)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Html.Escape(Describe(first))}</p>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"key\">Shaded: breaker<span style=\"background:{OpenColor}\"></span>Open<span style=\"background:{HalfOpenColor}\"></span>HalfOpen. Values in USD (the stablecoin at 1 USD).</p>\n");

        for (int start = 0; start < runs.Count;)
        {
            int end = start;
            while (end < runs.Count && labels[end] == labels[start])
                end++;
            if (labels[start].Length > 0)
                html.Append(CultureInfo.InvariantCulture, $"<h2>{Html.Escape(labels[start])}</h2>\n");
            AppendTable(html, runs, start, end);
            for (int i = start; i < end; i++)
                AppendCharts(html, runs[i]);
            start = end;
        }
        html.Append("</body></html>\n");
        writer.Write(html.ToString());
    }

    private static string Describe(Scenario s)
    {
        int positions = s.ImportedPositions.IsDefaultOrEmpty ? s.Positions.Count : s.ImportedPositions.Length;
        string assets = string.Join(", ", s.Collateral.Select(c => $"{c.Symbol} from {Usd.Price(c.Price)} on {c.Path.Source}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{positions:N0} positions, {s.Blocks:N0} blocks of {s.BlockSeconds} s, seed {s.Seed}; collateral {assets}; debt {s.Debt.Symbol}.");
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<RunResult> runs, int start, int end)
    {
        string[] lines = ComparisonTable.Format([.. Enumerable.Range(start, end - start).Select(i => runs[i])]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The text table's columns are separated by two or more spaces; the rule line is dropped.
        html.Append("<table>");
        for (int r = 0; r < lines.Length; r++)
        {
            if (r == 1)
                continue;
            string tag = r == 0 ? "th" : "td";
            html.Append("<tr>");
            foreach (string cell in System.Text.RegularExpressions.Regex.Split(lines[r].Trim(), "  +"))
                html.Append(CultureInfo.InvariantCulture, $"<{tag}>{Html.Escape(cell)}</{tag}>");
            html.Append("</tr>");
        }
        html.Append("</table>\n");
    }

    private static void AppendCharts(StringBuilder html, RunResult run)
    {
        Scenario s = run.Scenario;
        var blocks = run.Blocks;
        ChartBand[] bands = Bands(run);
        html.Append(CultureInfo.InvariantCulture, $"<section><h3>protection: {ProtectionParameters.NameOf(run.Protection)}</h3>\n");
        for (int a = 0; a < s.Collateral.Length; a++)
        {
            int asset = a;
            html.Append(SvgChart.Render($"{s.Collateral[a].Symbol} price (USD)",
            [
                new ChartSeries("reference", "#555555", [.. blocks.Select(r => (UInt256)r.Prices[asset].Reference)]),
                new ChartSeries("pool", "#1f77b4", [.. blocks.Select(r => (UInt256)r.Prices[asset].Pool)]),
                new ChartSeries("oracle", "#ff7f0e", [.. blocks.Select(r => (UInt256)r.Prices[asset].Oracle)]),
            ], bands, s.BlockSeconds, v => Usd.Price((ulong)v), fromZero: false)).Append('\n');
        }
        html.Append(SvgChart.Render("Liquidated per block (USD)",
            [new ChartSeries("debt repaid", "#2ca02c", [.. blocks.Select(r => r.LiquidatedNotional)], Bars: true)],
            bands, s.BlockSeconds, Usd.Whole, fromZero: true)).Append('\n');
        html.Append(SvgChart.Render("Bad debt and insurance, cumulative (USD)",
        [
            new ChartSeries("bad debt", "#d62728", [.. blocks.Select(r => r.BadDebt)]),
            new ChartSeries("insurance used", "#9467bd", [.. blocks.Select(r => r.InsuranceUsed)]),
            new ChartSeries("socialised", "#8c564b", [.. blocks.Select(r => r.SocialisedLoss)]),
        ], bands, s.BlockSeconds, Usd.Whole, fromZero: true)).Append('\n');
        html.Append(SvgChart.Render("Margin-to-liquidity ratio",
            [new ChartSeries("collateral near liquidation / depth within 10%", "#17becf", [.. blocks.Select(r => UInt256.Min(r.MarginToLiquidityBps, (UInt256)uint.MaxValue))])],
            bands, s.BlockSeconds, Usd.Percent, fromZero: true)).Append('\n');
        html.Append("</section>\n");
    }

    private static ChartBand[] Bands(RunResult run)
    {
        var bands = new List<ChartBand>();
        var blocks = run.Blocks;
        for (int b = 0; b < blocks.Length;)
        {
            CircuitState state = blocks[b].Breaker;
            int end = b;
            while (end + 1 < blocks.Length && blocks[end + 1].Breaker == state)
                end++;
            if (state != CircuitState.Closed)
                bands.Add(new ChartBand(b, end, state == CircuitState.HalfOpen ? HalfOpenColor : OpenColor));
            b = end + 1;
        }
        return [.. bands];
    }
}
