using System.Globalization;
using System.Text;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Reports;

/// <summary>A series of a chart: one value per block, drawn as a line or as bars.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Color">CSS colour.</param>
/// <param name="Values">One value per block (any unit; the chart scales them).</param>
/// <param name="Bars">True for bars (summed per pixel column), false for a line (min and max per column kept).</param>
internal sealed record ChartSeries(string Name, string Color, UInt256[] Values, bool Bars = false);

/// <summary>A shaded band behind the plot (e.g. a breaker state), from block to block inclusive.</summary>
internal readonly record struct ChartBand(int FromBlock, int ToBlock, string Color);

/// <summary>
/// Inline SVG line and bar charts in integer pixel coordinates (no floating point: the same data gives the same
/// bytes). Many blocks share a pixel column: lines keep each column's minimum and maximum, so a one-block crash still
/// shows; bars sum the column.
/// </summary>
internal static class SvgChart
{
    private const int Width = 1100, Height = 240, Left = 110, Right = 20, Top = 28, Bottom = 34;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <summary>Renders a chart.</summary>
    /// <param name="title">Title inside the chart.</param>
    /// <param name="series">The series; all of the same length (blocks).</param>
    /// <param name="bands">Shaded bands.</param>
    /// <param name="blockSeconds">Seconds per block (for the time axis in hours).</param>
    /// <param name="formatValue">Axis label of a value.</param>
    /// <param name="fromZero">Scale from 0 (else from the smallest value).</param>
    public static string Render(string title, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartBand> bands, ulong blockSeconds, Func<UInt256, string> formatValue, bool fromZero)
    {
        int blocks = series[0].Values.Length;
        UInt256 max = UInt256.Zero, min = UInt256.MaxValue;
        foreach (ChartSeries s in series)
        {
            UInt256[] values = s.Bars ? ColumnSums(s.Values) : s.Values;
            foreach (UInt256 v in values)
            {
                max = UInt256.Max(max, v);
                min = UInt256.Min(min, v);
            }
        }
        if (fromZero || min > max)
            min = UInt256.Zero;
        if (max == min)
            max = min + UInt256.One;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Html.Escape(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" fill=\"#fbfbfd\" stroke=\"#c8c8d0\"/>");
        foreach (ChartBand band in bands)
        {
            int x0 = X(band.FromBlock, blocks), x1 = X(band.ToBlock + 1, blocks);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0}\" y=\"{Top}\" width=\"{Math.Max(1, x1 - x0)}\" height=\"{PlotHeight}\" fill=\"{band.Color}\"/>");
        }
        Axes(svg, blocks, blockSeconds, min, max, formatValue);
        foreach (ChartSeries s in series)
            svg.Append(s.Bars ? BarsOf(s, blocks, min, max) : LineOf(s, blocks, min, max));
        int legendX = Left + 8;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" class=\"title\">{Html.Escape(title)}</text>");
        legendX += 8 * title.Length + 30;
        foreach (ChartSeries s in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"9\" width=\"14\" height=\"10\" fill=\"{s.Color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 18}\" y=\"18\">{Html.Escape(s.Name)}</text>");
            legendX += 30 + 7 * s.Name.Length;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int X(int block, int blocks) => Left + (int)((long)block * PlotWidth / Math.Max(1, blocks));

    private static int Y(UInt256 value, UInt256 min, UInt256 max)
    {
        UInt256 v = UInt256.Min(UInt256.Max(value, min), max);
        return Top + PlotHeight - (int)(ulong)FullMath.MulDiv(v - min, (ulong)PlotHeight, max - min, Rounding.Floor);
    }

    private static void Axes(StringBuilder svg, int blocks, ulong blockSeconds, UInt256 min, UInt256 max, Func<UInt256, string> format)
    {
        for (int i = 0; i <= 4; i++)
        {
            UInt256 value = min + FullMath.MulDiv(max - min, (ulong)i, 4UL, Rounding.Floor);
            int y = Y(value, min, max);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Left + PlotWidth}\" y2=\"{y}\" stroke=\"#e4e4ea\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4}\" text-anchor=\"end\">{Html.Escape(format(value))}</text>");
        }
        ulong totalSeconds = (ulong)blocks * blockSeconds;
        ulong step = totalSeconds <= 7_200 ? 600UL : totalSeconds <= 172_800 ? 7_200UL : 86_400UL;
        for (ulong t = 0; t <= totalSeconds; t += step)
        {
            int x = X((int)(t / blockSeconds), blocks);
            string label = step < 3_600 ? $"{t / 60}m" : step < 86_400 ? $"{t / 3_600}h" : $"{t / 86_400}d";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{Top + PlotHeight}\" x2=\"{x}\" y2=\"{Top + PlotHeight + 5}\" stroke=\"#888\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{Top + PlotHeight + 18}\" text-anchor=\"middle\">{label}</text>");
        }
    }

    // Per pixel column: the column's values in block order reduced to first, min and max, in the order they occur.
    private static string LineOf(ChartSeries s, int blocks, UInt256 min, UInt256 max)
    {
        var points = new StringBuilder();
        int column = -1, minAt = 0, maxAt = 0;
        for (int b = 0; b <= blocks; b++)
        {
            int c = b < blocks ? X(b, blocks) : int.MaxValue;
            if (c != column)
            {
                if (column >= 0)
                {
                    (int first, int second) = minAt <= maxAt ? (minAt, maxAt) : (maxAt, minAt);
                    points.Append(CultureInfo.InvariantCulture, $"{column},{Y(s.Values[first], min, max)} ");
                    if (second != first)
                        points.Append(CultureInfo.InvariantCulture, $"{column},{Y(s.Values[second], min, max)} ");
                }
                if (b == blocks)
                    break;
                column = c;
                minAt = maxAt = b;
            }
            if (s.Values[b] < s.Values[minAt]) minAt = b;
            if (s.Values[b] > s.Values[maxAt]) maxAt = b;
        }
        return $"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.5\" points=\"{points.ToString().TrimEnd()}\"/>";
    }

    private static string BarsOf(ChartSeries s, int blocks, UInt256 min, UInt256 max)
    {
        var path = new StringBuilder();
        UInt256[] sums = ColumnSums(s.Values);
        int baseline = Y(min, min, max);
        for (int c = 0; c < sums.Length; c++)
        {
            if (sums[c].IsZero)
                continue;
            int y = Y(sums[c], min, max);
            path.Append(CultureInfo.InvariantCulture, $"M{Left + c},{baseline}V{Math.Min(y, baseline - 1)}");
        }
        return path.Length == 0 ? "" : $"<path stroke=\"{s.Color}\" stroke-width=\"1\" d=\"{path}\"/>";
    }

    private static UInt256[] ColumnSums(UInt256[] values)
    {
        var sums = new UInt256[PlotWidth];
        for (int b = 0; b < values.Length; b++)
        {
            int c = Math.Min(PlotWidth - 1, X(b, values.Length) - Left);
            sums[c] += values[b];
        }
        return sums;
    }
}
