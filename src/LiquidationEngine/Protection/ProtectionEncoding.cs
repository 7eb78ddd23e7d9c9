using LiquidationEngine.Breakers;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Protection;

/// <summary>
/// The protection section of the canonical state encoding (spec/SPEC.md section 7, "State encoding"): 32-byte big-endian
/// words appended after the accounts, only when the market has protection options (so a market without them keeps
/// the encoding, and the StateHash, of layout version 1). A component absent from the options has no words.
/// </summary>
internal static class ProtectionEncoding
{
    public static byte[] Encode(MarketProtection protection)
    {
        var words = new List<UInt256>();
        ProtectionOptions o = protection.Options;
        words.Add(o.EmergencyHealthFactorFloor);
        Window(words, o.VelocityWindow);
        Throttle(words, o.Throttle);
        Breaker(words, o.Breaker);
        Oracle(words, o.Oracle);
        words.Add((ulong)o.Assets.Count);
        foreach ((Evm.Address asset, AssetProtectionOptions a) in o.Assets.OrderBy(pair => pair.Key))
        {
            words.Add(asset.ToUInt256());
            Throttle(words, a.Throttle);
            Breaker(words, a.Breaker);
            Oracle(words, a.Oracle);
        }

        Scope(words, protection.MarketScope);
        words.Add((ulong)protection.AssetCount);
        for (int id = 0; id < protection.AssetCount; id++)
            Scope(words, protection.Asset(id));

        byte[] bytes = new byte[words.Count * 32];
        for (int i = 0; i < words.Count; i++)
            words[i].WriteBigEndian(bytes.AsSpan(i * 32, 32));
        return bytes;
    }

    private static void Window(List<UInt256> words, WindowOptions window)
    {
        words.Add(window.WindowSeconds);
        words.Add((ulong)window.BucketCount);
    }

    // Options: a presence word, then the fields (none when absent).
    private static void Throttle(List<UInt256> words, ThrottleOptions? t)
    {
        words.Add(t is null ? 0UL : 1UL);
        if (t is null) return;
        words.Add(t.CapacityNotional);
        words.Add(t.RefillPerSecond);
        words.Add(t.MinimumLiquidationNotional);
    }

    private static void Breaker(List<UInt256> words, CircuitBreakerOptions? b)
    {
        words.Add(b is null ? 0UL : 1UL);
        if (b is null) return;
        foreach (MetricThreshold m in (ReadOnlySpan<MetricThreshold>)[b.LiquidationVelocityBps, b.PriceFallBps, b.VolatilityWad, b.StalenessSeconds])
        {
            words.Add(m.Trip);
            words.Add(m.Reset);
        }
        words.Add(b.PriceJumpToleranceRay);
        words.Add(b.BreakDurationSeconds);
        words.Add(b.PauseLiquidationsWhileOpen ? 1UL : 0UL);
        words.Add(b.OpenThrottleCapacityScaleBps);
        words.Add(b.HalfOpenThrottleCapacityScaleBps);
        words.Add(b.PauseBorrowsWhileOpen ? 1UL : 0UL);
        words.Add(b.BorrowCapacityScaleBps);
    }

    private static void Oracle(List<UInt256> words, OracleGuardOptions? g)
    {
        words.Add(g is null ? 0UL : 1UL);
        if (g is null) return;
        words.Add(g.MaxPriceAgeSeconds);
        words.Add(g.GracePeriodSeconds);
        Window(words, g.PriceWindow);
        words.Add(g.VolatilityDecayWad);
    }

    // State: only the components the options create, in this order.
    private static void Scope(List<UInt256> words, ProtectionScope scope)
    {
        if (scope.Throttle is { } throttle)
        {
            words.Add(throttle.State.AvailableNotional);
            words.Add(throttle.State.UpdatedAt);
        }
        if (scope.Breaker is { } breaker)
        {
            words.Add((ulong)breaker.State.State);
            words.Add(breaker.State.ChangedAt);
            words.Add(breaker.State.OpenUntil);
            WindowState(words, scope.Velocity!.Window);
        }
        if (scope.Monitor is { } monitor)
        {
            PriceMonitorState s = monitor.State;
            words.Add(s.Price);
            words.Add(s.UpdatedAt);
            words.Add(s.VarianceWad);
            words.Add(s.RecoveredAt);
            WindowState(words, monitor.PriceHighs);
        }
    }

    private static void WindowState(List<UInt256> words, SlidingWindow window)
    {
        words.Add(window.LastUpdate);
        ReadOnlySpan<UInt256> values = window.Values;
        ReadOnlySpan<ulong> epochs = window.Epochs;
        for (int i = 0; i < values.Length; i++)
        {
            words.Add(values[i]);
            words.Add(epochs[i]);
        }
    }
}
