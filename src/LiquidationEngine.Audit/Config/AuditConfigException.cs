namespace LiquidationEngine.Audit.Config;

/// <summary>
/// An audit configuration (or script) is invalid: names the field by its JSON path, the offending value and the rule
/// it breaks, e.g. <c>assets[1].liquidationThresholdBps = 9800: LT x the largest bonus must stay below 100% ...</c>.
/// </summary>
public sealed class AuditConfigException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="field">JSON path of the field (<c>assets[0].decimals</c>).</param>
    /// <param name="value">The value found, as written (null when the field is missing or not applicable).</param>
    /// <param name="rule">The rule the value breaks.</param>
    public AuditConfigException(string field, string? value, string rule)
        : base(value is null ? $"{field}: {rule}" : $"{field} = {value}: {rule}")
    {
        Field = field;
        Value = value;
        Rule = rule;
    }

    /// <summary>JSON path of the offending field.</summary>
    public string Field { get; }

    /// <summary>The offending value as written, or null.</summary>
    public string? Value { get; }

    /// <summary>The rule the value breaks.</summary>
    public string Rule { get; }
}
