using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>Which of the engine's cascade protections a run enables.</summary>
public enum ProtectionSet
{
    /// <summary>No throttle, no breaker: keepers liquidate whatever is profitable.</summary>
    None,

    /// <summary>The market-wide token bucket on liquidated notional.</summary>
    Throttle,

    /// <summary>The market-wide circuit breaker (liquidation velocity, price fall, volatility, staleness, price jump).</summary>
    Breakers,

    /// <summary>Both; the breaker's state also scales the throttle's capacity.</summary>
    All,
}

/// <summary>The parameters the protection sets use (a set that does not include a component ignores its parameters).</summary>
public sealed record ProtectionOptions
{
    /// <summary>The market-wide throttle. Default: the engine's defaults (1 000 000 USD burst, 500 USD/s, 1 000 USD minimum).</summary>
    public ThrottleOptions Throttle { get; init; } = new();

    /// <summary>The market-wide breaker. Default: the engine's defaults.</summary>
    public CircuitBreakerOptions Breaker { get; init; } = new();

    /// <summary>Window of the liquidation-velocity metric. Default one hour in 12 buckets.</summary>
    public WindowOptions VelocityWindow { get; init; } = WindowOptions.Default;

    /// <summary>Window of the price-fall metric. Default one hour in 12 buckets.</summary>
    public WindowOptions PriceWindow { get; init; } = WindowOptions.Default;

    /// <summary>
    /// Emergency floor, health factor in WAD: accounts below it bypass the throttle and a paused breaker, so protection
    /// never turns a recoverable position into bad debt. Default 0.90e18.
    /// </summary>
    public UInt256 EmergencyFloorWad { get; init; } = 900_000_000_000_000_000UL;

    /// <summary>Parses a protection set's name (none, throttle, breakers, all).</summary>
    public static bool TryParseSet(string text, out ProtectionSet set)
    {
        switch (text)
        {
            case "none": set = ProtectionSet.None; return true;
            case "throttle": set = ProtectionSet.Throttle; return true;
            case "breakers": set = ProtectionSet.Breakers; return true;
            case "all": set = ProtectionSet.All; return true;
            default: set = default; return false;
        }
    }

    /// <summary>The set's name as in scenarios and on the command line.</summary>
    public static string NameOf(ProtectionSet set) => set switch
    {
        ProtectionSet.None => "none",
        ProtectionSet.Throttle => "throttle",
        ProtectionSet.Breakers => "breakers",
        _ => "all",
    };
}
