using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Breakers;

/// <summary>
/// Trip and reset thresholds of one metric, in the metric's unit. A breaker trips when the value is at or above
/// <see cref="Trip"/>; from HalfOpen it closes only when the value is below <see cref="Reset"/>. The band between
/// them is the hysteresis that stops a breaker from flapping. Rules: disabled (both 0) or 0 &lt; Reset &lt; Trip.
/// </summary>
/// <param name="Trip">Trip when value &gt;= Trip.</param>
/// <param name="Reset">Calm when value &lt; Reset.</param>
public readonly record struct MetricThreshold(UInt256 Trip, UInt256 Reset)
{
    /// <summary>A metric that never trips and is always calm.</summary>
    public static MetricThreshold Disabled => default;

    /// <summary>True unless <see cref="Disabled"/>.</summary>
    public bool IsEnabled => !Trip.IsZero;

    /// <summary>True when an enabled metric's value is at or above the trip threshold.</summary>
    public bool IsTripped(UInt256 value) => IsEnabled && value >= Trip;

    /// <summary>True when the value is below the reset threshold, or the metric is disabled.</summary>
    public bool IsCalm(UInt256 value) => !IsEnabled || value < Reset;

    internal void Validate(string field)
    {
        if (Trip.IsZero && Reset.IsZero) return;
        if (Reset.IsZero)
            throw BreakerReverts.InvalidBreakerParameter(field + ".Reset", Reset, "an enabled metric needs a positive reset threshold, or a value of 0 could never close the breaker");
        if (Reset >= Trip)
            throw BreakerReverts.InvalidBreakerParameter(field + ".Reset", Reset, $"the reset threshold must be below the trip threshold ({Trip}): hysteresis");
    }
}
