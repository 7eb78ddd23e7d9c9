using System.Collections.Immutable;
using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Simulation.Scenarios;

/// <summary>Which of the engine's cascade protections a run enables (<see cref="ProtectionParameters.For"/> builds the market's options).</summary>
public enum ProtectionSet
{
    /// <summary>No protection: <c>MarketOptions.Protection</c> is null; keepers liquidate whatever is profitable.</summary>
    None,

    /// <summary>The engine's market-wide throttle (<c>ProtectionOptions.Throttle</c>).</summary>
    Throttle,

    /// <summary>The engine's market-wide circuit breaker (<c>ProtectionOptions.Breaker</c>) with an oracle guard per collateral asset (the breaker's price metrics).</summary>
    Breakers,

    /// <summary>Both; the breaker's state also scales the throttle's capacity.</summary>
    All,
}

/// <summary>
/// The protection parameters of a scenario: the engine's own option records (spec/SPEC.md section 7.6.1), under the
/// same names. A set that does not include a component ignores its parameters.
/// </summary>
public sealed record ProtectionParameters
{
    /// <summary>The engine's <see cref="ProtectionOptions.EmergencyHealthFactorFloor"/>, WAD. Default 0.90e18.</summary>
    public UInt256 EmergencyHealthFactorFloor { get; init; } = new ProtectionOptions().EmergencyHealthFactorFloor;

    /// <summary>The market-wide throttle (sets throttle and all). Default: the engine's defaults.</summary>
    public ThrottleOptions Throttle { get; init; } = new();

    /// <summary>The market-wide breaker (sets breakers and all). Default: the engine's defaults.</summary>
    public CircuitBreakerOptions Breaker { get; init; } = new();

    /// <summary>
    /// The oracle guard of every collateral asset (sets breakers and all): the market breaker's price-fall,
    /// volatility and staleness metrics read it. The stablecoin has none (its price never moves). Default: the engine's defaults.
    /// </summary>
    public OracleGuardOptions Oracle { get; init; } = new();

    /// <summary>The engine's <see cref="ProtectionOptions.VelocityWindow"/>. Default one hour in 12 buckets.</summary>
    public WindowOptions VelocityWindow { get; init; } = WindowOptions.Default;

    /// <summary>The engine's protection options for a set: null for <see cref="ProtectionSet.None"/>.</summary>
    /// <param name="set">The protection set.</param>
    /// <param name="collateralAssets">The collateral assets, which get the oracle guard when the set has a breaker.</param>
    public ProtectionOptions? For(ProtectionSet set, IEnumerable<Address> collateralAssets)
    {
        ArgumentNullException.ThrowIfNull(collateralAssets);
        if (set == ProtectionSet.None)
            return null;
        bool breaker = set is ProtectionSet.Breakers or ProtectionSet.All;
        var guard = new AssetProtectionOptions { Oracle = Oracle };
        return new ProtectionOptions
        {
            EmergencyHealthFactorFloor = EmergencyHealthFactorFloor,
            Throttle = set is ProtectionSet.Throttle or ProtectionSet.All ? Throttle : null,
            Breaker = breaker ? Breaker : null,
            VelocityWindow = VelocityWindow,
            Assets = breaker ? collateralAssets.ToImmutableDictionary(a => a, _ => guard) : ImmutableDictionary<Address, AssetProtectionOptions>.Empty,
        };
    }

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

    /// <summary>True when the set includes the breaker.</summary>
    public static bool HasBreaker(ProtectionSet set) => set is ProtectionSet.Breakers or ProtectionSet.All;
}
