namespace LiquidationEngine.Simulation.Reports;

/// <summary>Text escaping for HTML and SVG (XML-safe, so the report parses as XML too).</summary>
internal static class Html
{
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
