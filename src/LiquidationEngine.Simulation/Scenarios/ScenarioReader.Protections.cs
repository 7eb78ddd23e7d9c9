using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Oracles;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Simulation.Scenarios;

// The market's options and the protection parameters; the engine's own validation names the rule broken.
public static partial class ScenarioReader
{
    private static MarketSpec ReadMarket(JsonSection? s)
    {
        var d = new MarketSpec();
        if (s is null)
            return d;
        var options = new MarketOptions
        {
            CloseFactor = ReadCloseFactor(s.Section("closeFactor")) ?? d.Options.CloseFactor,
            Bonus = ReadBonus(s.Section("bonus")) ?? d.Options.Bonus,
            DustThresholdBase = s.Decimal("dustUsd", SimUnits.PriceDecimals, d.Options.DustThresholdBase),
        };
        UInt256 insurance = s.Decimal("insuranceFundUsd", SimUnits.PriceDecimals, d.InsuranceFund);
        s.EnsureNoUnknownFields();
        try
        {
            _ = new Market(options);
        }
        catch (EvmRevertException e)
        {
            throw new ScenarioException("market", null, $"is rejected by the engine: {e.Message}");
        }
        return new MarketSpec { Options = options, InsuranceFund = insurance };
    }

    private static CloseFactorPolicy? ReadCloseFactor(JsonSection? s)
    {
        if (s is null)
            return null;
        string kind = s.String("kind") ?? "fixed";
        CloseFactorPolicy result;
        if (kind == "fixed")
        {
            var d = new FixedCloseFactor();
            result = new FixedCloseFactor
            {
                CloseFactorBps = s.UInt32("closeFactorBps", d.CloseFactorBps, 1, SimUnits.BpsOne),
                FullCloseFactorHealthFactor = Wad(s, "fullBelowHealthFactor", d.FullCloseFactorHealthFactor),
            };
        }
        else if (kind == "target")
        {
            result = new TargetHealthFactor { Target = Wad(s, "healthFactor", new TargetHealthFactor().Target) };
        }
        else
        {
            throw new ScenarioException(s.Child("kind"), kind, "is not a close-factor policy (expected fixed or target)");
        }
        s.EnsureNoUnknownFields();
        return result;
    }

    private static BonusPolicy? ReadBonus(JsonSection? s)
    {
        if (s is null)
            return null;
        string kind = s.String("kind") ?? "fixed";
        BonusPolicy result;
        if (kind == "fixed")
        {
            result = new FixedBonus();
        }
        else if (kind == "variable")
        {
            var d = new VariableBonus();
            result = new VariableBonus
            {
                MinBonusBps = s.UInt32("minBps", d.MinBonusBps, SimUnits.BpsOne, 2 * SimUnits.BpsOne),
                MaxBonusBps = s.UInt32("maxBps", d.MaxBonusBps, SimUnits.BpsOne, 2 * SimUnits.BpsOne),
                HealthFactorForMaxBonus = Wad(s, "maxAtHealthFactor", d.HealthFactorForMaxBonus),
            };
        }
        else
        {
            throw new ScenarioException(s.Child("kind"), kind, "is not a bonus policy (expected fixed or variable)");
        }
        s.EnsureNoUnknownFields();
        return result;
    }

    private static UInt256 Wad(JsonSection s, string field, UInt256 fallback) => s.Decimal(field, 18, fallback);

    // Field names are the engine's option names in camelCase (spec/SPEC.md section 8.6): ProtectionOptions,
    // ThrottleOptions, CircuitBreakerOptions, OracleGuardOptions, WindowOptions.
    private static ProtectionParameters ReadProtections(JsonSection? s)
    {
        var d = new ProtectionParameters();
        if (s is null)
            return d;
        var result = new ProtectionParameters
        {
            EmergencyHealthFactorFloor = Wad(s, "emergencyHealthFactorFloor", d.EmergencyHealthFactorFloor),
            Throttle = ReadThrottle(s.Section("throttle")) ?? d.Throttle,
            Breaker = ReadBreaker(s.Section("breaker")) ?? d.Breaker,
            Oracle = ReadOracle(s.Section("oracle")) ?? d.Oracle,
            VelocityWindow = ReadWindow(s.Section("velocityWindow"), d.VelocityWindow),
        };
        if (result.EmergencyHealthFactorFloor > WadRayMath.Wad)
            throw new ScenarioException(s.Child("emergencyHealthFactorFloor"), DecimalText.Format(result.EmergencyHealthFactorFloor, 18), "must be at most 1");
        s.EnsureNoUnknownFields();
        return result;
    }

    private static ThrottleOptions? ReadThrottle(JsonSection? s)
    {
        if (s is null)
            return null;
        var d = new ThrottleOptions();
        var result = new ThrottleOptions
        {
            CapacityNotional = s.Decimal("capacityNotional", SimUnits.PriceDecimals, d.CapacityNotional),
            RefillPerSecond = s.Decimal("refillPerSecond", SimUnits.PriceDecimals, d.RefillPerSecond),
            MinimumLiquidationNotional = s.Decimal("minimumLiquidationNotional", SimUnits.PriceDecimals, d.MinimumLiquidationNotional),
        };
        s.EnsureNoUnknownFields();
        Validate(s.Path, result.Validate);
        return result;
    }

    private static CircuitBreakerOptions? ReadBreaker(JsonSection? s)
    {
        if (s is null)
            return null;
        var d = new CircuitBreakerOptions();
        var result = new CircuitBreakerOptions
        {
            LiquidationVelocityBps = Threshold(s, "liquidationVelocityBps", 0, d.LiquidationVelocityBps),
            PriceFallBps = Threshold(s, "priceFallBps", 0, d.PriceFallBps),
            VolatilityWad = Threshold(s, "volatilityWad", 18, d.VolatilityWad),
            StalenessSeconds = Threshold(s, "stalenessSeconds", 0, d.StalenessSeconds),
            PriceJumpToleranceRay = s.Decimal("priceJumpToleranceRay", 27, d.PriceJumpToleranceRay),
            BreakDurationSeconds = s.UInt64("breakDurationSeconds", d.BreakDurationSeconds, 1),
            PauseLiquidationsWhileOpen = s.Bool("pauseLiquidationsWhileOpen", d.PauseLiquidationsWhileOpen),
            OpenThrottleCapacityScaleBps = s.UInt32("openThrottleCapacityScaleBps", d.OpenThrottleCapacityScaleBps, 0, SimUnits.BpsOne),
            HalfOpenThrottleCapacityScaleBps = s.UInt32("halfOpenThrottleCapacityScaleBps", d.HalfOpenThrottleCapacityScaleBps, 0, SimUnits.BpsOne),
        };
        s.EnsureNoUnknownFields();
        Validate(s.Path, result.Validate);
        return result;
    }

    private static OracleGuardOptions? ReadOracle(JsonSection? s)
    {
        if (s is null)
            return null;
        var d = new OracleGuardOptions();
        var result = new OracleGuardOptions
        {
            MaxPriceAgeSeconds = s.UInt64("maxPriceAgeSeconds", d.MaxPriceAgeSeconds, 1),
            GracePeriodSeconds = s.UInt64("gracePeriodSeconds", d.GracePeriodSeconds),
            PriceWindow = ReadWindow(s.Section("priceWindow"), d.PriceWindow),
            VolatilityDecayWad = Wad(s, "volatilityDecayWad", d.VolatilityDecayWad),
        };
        s.EnsureNoUnknownFields();
        Validate(s.Path, result.Validate);
        return result;
    }

    // {"trip": ..., "reset": ...} or "disabled"; decimals = 0 for integers, 18 for WAD values.
    private static MetricThreshold Threshold(JsonSection s, string field, int decimals, MetricThreshold fallback)
    {
        if (s.IsString(field) && s.String(field) is string text)
        {
            return text == "disabled" ? MetricThreshold.Disabled
                : throw new ScenarioException(s.Child(field), text, "must be {\"trip\": ..., \"reset\": ...} or \"disabled\"");
        }
        JsonSection? t = s.Section(field);
        if (t is null)
            return fallback;
        var result = new MetricThreshold(t.Decimal("trip", decimals, fallback.Trip), t.Decimal("reset", decimals, fallback.Reset));
        t.EnsureNoUnknownFields();
        return result;
    }

    private static WindowOptions ReadWindow(JsonSection? s, WindowOptions fallback)
    {
        if (s is null)
            return fallback;
        var result = new WindowOptions(s.UInt64("windowSeconds", fallback.WindowSeconds, 1), s.Int32("bucketCount", fallback.BucketCount, 1, WindowOptions.MaxBucketCount));
        if (result.WindowSeconds % (ulong)result.BucketCount != 0)
            throw new ScenarioException(s.Child("windowSeconds"), result.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be a multiple of bucketCount ({result.BucketCount})");
        s.EnsureNoUnknownFields();
        return result;
    }

    private static void Validate(string path, Action validate)
    {
        try
        {
            validate();
        }
        catch (EvmRevertException e)
        {
            throw new ScenarioException(path, null, $"is rejected by the engine: {e.Message}");
        }
    }
}
