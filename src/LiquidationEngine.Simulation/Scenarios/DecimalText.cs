using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>
/// Exact decimal text ("194.52", "1e6" is not accepted) to integers in a fixed number of decimals: no floating point,
/// so "0.1" is exactly 10^(decimals-1). Used for prices, amounts and health factors in scenarios and CSV files.
/// </summary>
public static class DecimalText
{
    /// <summary>Parses a non-negative decimal with at most <paramref name="decimals"/> fractional digits, scaled by 10^decimals.</summary>
    /// <param name="text">Digits, optionally one '.', optionally '_' between digits for readability.</param>
    /// <param name="decimals">Fractional digits of the result's unit.</param>
    /// <param name="location">Named in the error (JSON path or file, line and field).</param>
    /// <exception cref="ScenarioException">Not a non-negative decimal, too many fractional digits, or above 2^256 - 1.</exception>
    public static UInt256 Parse(string? text, int decimals, string location)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ScenarioException(location, text, "is not a decimal number (expected digits such as 194.52)");
        string t = text.Trim();
        int dot = t.IndexOf('.');
        string whole = dot < 0 ? t : t[..dot];
        string fraction = dot < 0 ? "" : t[(dot + 1)..];
        if (!IsDigits(whole, allowEmpty: dot >= 0 && fraction.Length > 0) || !IsDigits(fraction, allowEmpty: true))
            throw new ScenarioException(location, text, "is not a decimal number (expected digits such as 194.52)");
        fraction = fraction.Replace("_", "", StringComparison.Ordinal);
        if (fraction.Length > decimals)
            throw new ScenarioException(location, text, $"has more than {decimals} decimal places");
        string digits = whole.Replace("_", "", StringComparison.Ordinal) + fraction.PadRight(decimals, '0');
        digits = digits.TrimStart('0');
        if (digits.Length == 0)
            return UInt256.Zero;
        if (!UInt256.TryParse(digits, out UInt256 value))
            throw new ScenarioException(location, text, "is too large");
        return value;
    }

    /// <summary>As <see cref="Parse"/>, for values that must fit 64 bits (prices).</summary>
    /// <exception cref="ScenarioException">As <see cref="Parse"/>, or the value does not fit 64 bits.</exception>
    public static ulong ParseUInt64(string? text, int decimals, string location)
    {
        UInt256 value = Parse(text, decimals, location);
        if (value > ulong.MaxValue)
            throw new ScenarioException(location, text, "is too large");
        return (ulong)value;
    }

    /// <summary>Formats an integer in units of 10^-decimals as a decimal string, trailing zeros of the fraction kept to <paramref name="minFractionDigits"/>.</summary>
    public static string Format(UInt256 value, int decimals, int minFractionDigits = 0)
    {
        string digits = value.ToString().PadLeft(decimals + 1, '0');
        string whole = digits[..^decimals];
        string fraction = decimals == 0 ? "" : digits[^decimals..];
        int keep = fraction.Length;
        while (keep > minFractionDigits && fraction[keep - 1] == '0')
            keep--;
        return keep == 0 ? whole : whole + "." + fraction[..keep];
    }

    private static bool IsDigits(string s, bool allowEmpty)
    {
        if (s.Length == 0)
            return allowEmpty;
        if (s[0] == '_' || s[^1] == '_')
            return false;
        foreach (char c in s)
        {
            if (c is not (>= '0' and <= '9' or '_'))
                return false;
        }
        return true;
    }
}
