using System.Globalization;
using System.Text;
using LiquidationEngine.Breakers;
using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Reports;

/// <summary>The comparison table of runs (one row per protection set), as printed by <c>liqengine simulate</c>.</summary>
public static class ComparisonTable
{
    private static readonly string[] Headers =
    [
        "protection", "liquidations", "liquidated USD", "cascade rounds", "worst pool vs ref", "bad debt USD",
        "insurance used USD", "socialised USD", "underwater at end USD", "unprofitable skips", "breaker closed/open/half-open",
    ];

    /// <summary>Formats the table: a header, a rule, one row per run; columns padded, numbers right-aligned.</summary>
    public static string Format(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rows = new List<string[]> { Headers };
        foreach (RunResult run in runs)
        {
            RunSummary s = run.Summary;
            rows.Add(
            [
                ProtectionParameters.NameOf(run.Protection),
                s.Liquidations.ToString("N0", CultureInfo.InvariantCulture),
                Usd.Whole(s.TotalLiquidated),
                s.CascadeRounds.ToString("N0", CultureInfo.InvariantCulture),
                "-" + Usd.Percent(s.WorstPoolDiscountBps),
                Usd.Whole(s.BadDebt),
                Usd.Whole(s.InsuranceUsed),
                Usd.Whole(s.SocialisedLoss),
                Usd.Whole(s.UnderwaterAtEnd),
                s.UnprofitableSkips.ToString("N0", CultureInfo.InvariantCulture),
                BreakerTime(s),
            ]);
        }
        int[] widths = [.. Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length))];
        var text = new StringBuilder();
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < widths.Length; c++)
            {
                string cell = rows[r][c];
                text.Append(c == 0 ? cell.PadRight(widths[c]) : "  " + cell.PadLeft(widths[c]));
            }
            text.Append('\n');
            if (r == 0)
                text.Append(new string('-', widths.Sum() + 2 * (widths.Length - 1))).Append('\n');
        }
        return text.ToString();
    }

    private static string BreakerTime(RunSummary s)
    {
        if (s.SecondsInBreakerState.IsDefaultOrEmpty)
            return "n/a";
        static string H(ulong seconds) => (seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h" + (seconds % 3600 / 60).ToString("D2", CultureInfo.InvariantCulture);
        return $"{H(s.SecondsInBreakerState[(int)CircuitState.Closed])}/{H(s.SecondsInBreakerState[(int)CircuitState.Open] + s.SecondsInBreakerState[(int)CircuitState.Isolated])}/{H(s.SecondsInBreakerState[(int)CircuitState.HalfOpen])}";
    }
}
