using System.Collections.Immutable;
using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Protection;

/// <summary>
/// The liquidation throttles, circuit breakers and oracle guards of a market (spec/SPEC.md section 7, "Wiring"). Every
/// component is optional: leave a field null to run without it; a market whose <c>MarketOptions.Protection</c> is
/// null behaves, and hashes, exactly as one without this feature.
/// </summary>
/// <remarks>
/// Throttled notional is the value of the debt repaid, in base-currency units (price decimals), rounded up as debt
/// is valued: the liquidator's <c>debtToCover</c> is capped so that value fits what the buckets allow. The
/// collateral sold is that value times the liquidation bonus, so the bucket bounds the dump rate too.
/// </remarks>
public sealed record ProtectionOptions
{
    /// <summary>
    /// Emergency floor, health factor in WAD: an account whose health factor is strictly below it bypasses the
    /// throttles (its volume still drains them), a breaker's liquidation pause and the oracle grace period, so
    /// protection never turns a recoverable position into bad debt. At most 1e18. Default 0.90e18.
    /// </summary>
    public UInt256 EmergencyHealthFactorFloor { get; init; } = 900_000_000_000_000_000UL;

    /// <summary>The market-wide throttle (one bucket for every liquidation); null for none.</summary>
    public ThrottleOptions? Throttle { get; init; }

    /// <summary>The market-wide breaker (scope: the zero address); null for none. It reads the market's liquidation velocity and the worst price metrics over the assets with an oracle guard.</summary>
    public CircuitBreakerOptions? Breaker { get; init; }

    /// <summary>Oracle guards for every listed asset (unless <see cref="AssetProtectionOptions.Oracle"/> overrides them); null for none.</summary>
    public OracleGuardOptions? Oracle { get; init; }

    /// <summary>Window of every breaker's liquidation-velocity metric. Default one hour in 12 buckets.</summary>
    public WindowOptions VelocityWindow { get; init; } = WindowOptions.Default;

    /// <summary>Per-asset components, by asset address (they apply once the asset is listed). Default none.</summary>
    public ImmutableDictionary<Address, AssetProtectionOptions> Assets { get; init; } = ImmutableDictionary<Address, AssetProtectionOptions>.Empty;

    /// <summary>Checks every field and component option; reverts with <c>InvalidBreakerParameter</c> or <c>InvalidThrottleParameter</c>.</summary>
    /// <exception cref="EvmRevertException">A field is out of range.</exception>
    public void Validate()
    {
        if (EmergencyHealthFactorFloor > WadRayMath.Wad)
            throw BreakerReverts.InvalidBreakerParameter(nameof(EmergencyHealthFactorFloor), EmergencyHealthFactorFloor, "the emergency floor is a health factor of at most 1e18");
        Throttle?.Validate();
        Breaker?.Validate();
        Oracle?.Validate();
        VelocityWindow.Validate(nameof(VelocityWindow));
        ArgumentNullException.ThrowIfNull(Assets);
        foreach (AssetProtectionOptions asset in Assets.Values)
        {
            ArgumentNullException.ThrowIfNull(asset);
            asset.Throttle?.Validate();
            asset.Breaker?.Validate();
            asset.Oracle?.Validate();
        }
    }
}

/// <summary>The components of one asset; each optional.</summary>
public sealed record AssetProtectionOptions
{
    /// <summary>A throttle on liquidations seizing this asset as collateral; null for none.</summary>
    public ThrottleOptions? Throttle { get; init; }

    /// <summary>A breaker for this asset (scope: its address), reading its price metrics and the velocity of liquidations seizing it; null for none.</summary>
    public CircuitBreakerOptions? Breaker { get; init; }

    /// <summary>Oracle guards for this asset, replacing the market's <see cref="ProtectionOptions.Oracle"/>; null to use the market's.</summary>
    public OracleGuardOptions? Oracle { get; init; }
}
