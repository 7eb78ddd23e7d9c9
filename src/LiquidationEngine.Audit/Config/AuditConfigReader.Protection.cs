using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Protection;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Audit.Config;

// The market-wide protection: emergency floor, throttle, breaker and velocity window (SPEC 7.6.1).
public static partial class AuditConfigReader
{
    private static ProtectionOptions? ReadProtection(JsonFields? s)
    {
        if (s is null) return null;
        var d = new ProtectionOptions();
        var options = new ProtectionOptions
        {
            EmergencyHealthFactorFloor = s.Word("emergencyHealthFactorFloor", d.EmergencyHealthFactorFloor, UInt256.Zero, Wad,
                "must be a health factor of at most 1e18 (SPEC 7.6.1)"),
            VelocityWindow = new WindowOptions(s.UInt64("velocityWindowSeconds", d.VelocityWindow.WindowSeconds, 1),
                (int)s.UInt32("velocityBuckets", (uint)d.VelocityWindow.BucketCount, 1, WindowOptions.MaxBucketCount)),
            Throttle = ReadThrottle(s.Section("throttle")),
            Breaker = ReadBreaker(s.Section("breaker")),
        };
        s.EnsureNoUnknownFields();
        Engine(s.Path, null, options.Validate);
        return options;
    }

    private static ThrottleOptions? ReadThrottle(JsonFields? s)
    {
        if (s is null) return null;
        var d = new ThrottleOptions();
        UInt256 capacity = s.Word("capacity", d.CapacityNotional, UInt256.One, null, "must be positive (SPEC 7.1, CapacityNotional)");
        var options = new ThrottleOptions
        {
            CapacityNotional = capacity,
            RefillPerSecond = s.Word("refillPerSecond", d.RefillPerSecond),
            MinimumLiquidationNotional = s.Word("minimum", d.MinimumLiquidationNotional <= capacity ? d.MinimumLiquidationNotional : capacity,
                UInt256.Zero, capacity, $"must not exceed the capacity ({capacity}) (SPEC 7.1)"),
        };
        s.EnsureNoUnknownFields();
        return options;
    }

    private static CircuitBreakerOptions? ReadBreaker(JsonFields? s)
    {
        if (s is null) return null;
        var d = new CircuitBreakerOptions();
        var options = new CircuitBreakerOptions
        {
            LiquidationVelocityBps = Threshold(s, "velocity", d.LiquidationVelocityBps),
            PriceFallBps = Threshold(s, "priceFall", d.PriceFallBps),
            VolatilityWad = Threshold(s, "volatility", d.VolatilityWad),
            StalenessSeconds = Threshold(s, "staleness", d.StalenessSeconds),
            PriceJumpToleranceRay = s.Word("priceJumpToleranceRay", d.PriceJumpToleranceRay, UInt256.Zero, WadRayMath.Ray, "must be at most 1e27 (SPEC 7.3)"),
            BreakDurationSeconds = s.UInt64("breakDurationSeconds", d.BreakDurationSeconds, 1, ulong.MaxValue, "must be at least 1 second (SPEC 7.3)"),
            PauseLiquidationsWhileOpen = s.Bool("pauseLiquidationsWhileOpen", d.PauseLiquidationsWhileOpen),
            OpenThrottleCapacityScaleBps = s.UInt32("openThrottleCapacityScaleBps", d.OpenThrottleCapacityScaleBps, 0, 10_000, "must be at most 10000 bps"),
            HalfOpenThrottleCapacityScaleBps = s.UInt32("halfOpenThrottleCapacityScaleBps", d.HalfOpenThrottleCapacityScaleBps, 0, 10_000, "must be at most 10000 bps"),
            PauseBorrowsWhileOpen = s.Bool("pauseBorrowsWhileOpen", d.PauseBorrowsWhileOpen),
            BorrowCapacityScaleBps = s.UInt32("borrowCapacityScaleBps", d.BorrowCapacityScaleBps, 0, 10_000, "must be at most 10000 bps"),
        };
        s.EnsureNoUnknownFields();
        return options;
    }

    private static MetricThreshold Threshold(JsonFields s, string name, MetricThreshold fallback)
    {
        UInt256 trip = s.Word(name + "Trip", fallback.Trip);
        UInt256 reset = s.Word(name + "Reset", fallback.Reset);
        if (trip.IsZero && reset.IsZero) return MetricThreshold.Disabled;
        if (reset.IsZero || reset >= trip)
            throw new AuditConfigException(s.Child(name + "Reset"), JsonFields.Format(reset),
                $"must satisfy 0 < reset < trip ({JsonFields.Format(trip)}), or both 0 to disable (SPEC 7.3: hysteresis)");
        return new MetricThreshold(trip, reset);
    }
}
