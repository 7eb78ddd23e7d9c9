using System.Globalization;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Reports;

/// <summary>Formatting of base-currency values (8 decimals) for people: culture-invariant, so reports are byte-stable.</summary>
public static class Usd
{
    /// <summary>Whole dollars, rounded down, with thousands separators: "12,345,678".</summary>
    public static string Whole(UInt256 value) => Group((value / SimUnits.PriceOne).ToString());

    /// <summary>A price with two decimals (rounded down): "194.52".</summary>
    public static string Price(ulong value) =>
        (value / SimUnits.PriceOne).ToString(CultureInfo.InvariantCulture) + "." + (value % SimUnits.PriceOne / 1_000_000).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Exact decimal text of a base-currency value (for CSV): "194.52", "0.00000001".</summary>
    public static string Exact(UInt256 value) => DecimalText.Format(value, SimUnits.PriceDecimals);

    /// <summary>bps as a percentage with two decimals: 1234 to "12.34%".</summary>
    public static string Percent(UInt256 bps) => bps == UInt256.MaxValue ? "inf"
        : Group((bps / 100U).ToString()) + "." + ((ulong)(bps % 100U)).ToString("D2", CultureInfo.InvariantCulture) + "%";

    private static string Group(string digits)
    {
        var result = new System.Text.StringBuilder(digits.Length + digits.Length / 3);
        for (int i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
                result.Append(',');
            result.Append(digits[i]);
        }
        return result.ToString();
    }
}
