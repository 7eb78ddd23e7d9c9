using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Throttling;

/// <summary>What a <see cref="LiquidationThrottle"/> allows for one liquidation.</summary>
/// <param name="RequestedNotional">The notional asked for, base-currency units.</param>
/// <param name="AllowedNotional">The most that may execute: the request, or what is available when that is less (a partial fill).</param>
/// <param name="AvailableNotional">What the bucket holds at the quote's timestamp (capacity scaling applied).</param>
/// <param name="IsBypass">An emergency bypass: never blocked, drains the bucket down to zero at most.</param>
public readonly record struct ThrottleQuote(UInt256 RequestedNotional, UInt256 AllowedNotional, UInt256 AvailableNotional, bool IsBypass)
{
    /// <summary>True when the throttle cut the request down.</summary>
    public bool IsPartial => AllowedNotional < RequestedNotional;
}
