using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.Oracles;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Protection;

/// <summary>
/// The components of one scope: the market (address zero) or one listed asset. Each is optional; a breaker comes
/// with the liquidation-velocity window it reads; an asset may have a price monitor (its oracle guards).
/// </summary>
internal sealed class ProtectionScope
{
    public ProtectionScope(Address scope, ThrottleOptions? throttle, CircuitBreakerOptions? breaker, OracleGuardOptions? oracle, WindowOptions velocityWindow)
    {
        Scope = scope;
        Throttle = throttle is null ? null : new LiquidationThrottle(throttle, timestamp: 0);
        Breaker = breaker is null ? null : new CircuitBreaker(breaker);
        Velocity = breaker is null ? null : new LiquidationVelocity(velocityWindow);
        Monitor = oracle is null ? null : new PriceMonitor(scope, oracle);
    }

    /// <summary>The asset, or the zero address for the market (as in <c>LiquidationsPaused(scope, ...)</c>).</summary>
    public Address Scope { get; }

    public LiquidationThrottle? Throttle { get; }

    public CircuitBreaker? Breaker { get; }

    /// <summary>Present exactly when <see cref="Breaker"/> is: notional liquidated in this scope.</summary>
    public LiquidationVelocity? Velocity { get; }

    /// <summary>The asset's oracle guards and price metrics; always null for the market scope.</summary>
    public PriceMonitor? Monitor { get; }

    /// <summary>
    /// A memo of the breaker's price-metric check (not state: derived, never encoded or copied): with the price monitors it
    /// reads at <see cref="PriceCalm.Versions"/> (the sum of their monotone versions), no price metric can reach its trip
    /// threshold at any time in [From, Until).
    /// </summary>
    public PriceCalm PriceCalmMemo;

    /// <summary>See <see cref="PriceCalmMemo"/>; the default (Until = 0) holds for no time.</summary>
    public readonly record struct PriceCalm(ulong Versions, ulong From, ulong Until)
    {
        public bool Holds(ulong versions, ulong now) => versions == Versions && now >= From && now < Until;
    }

    /// <summary>Copies every component's state into <paramref name="target"/> (built from the same options).</summary>
    public void CopyStateTo(ProtectionScope target)
    {
        if (Throttle is not null) target.Throttle!.Restore(Throttle.State);
        if (Breaker is not null) target.Breaker!.Restore(Breaker.State);
        if (Velocity is not null) CopyWindow(Velocity.Window, target.Velocity!.Window);
        if (Monitor is not null)
        {
            target.Monitor!.Restore(Monitor.State);
            CopyWindow(Monitor.PriceHighs, target.Monitor.PriceHighs);
        }
    }

    private static void CopyWindow(SlidingWindow from, SlidingWindow to) => to.Restore(from.Values, from.Epochs, from.LastUpdate);
}
