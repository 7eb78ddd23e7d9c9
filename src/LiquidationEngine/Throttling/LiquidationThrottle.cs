using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Throttling;

/// <summary>
/// A token bucket on liquidated notional (base-currency units), refilled linearly: what is available at time t is
/// <c>min(C, available(t0) + r * (t - t0))</c>, exactly. Anchors: MakerDAO's <c>dog</c> Hole/hole limits and
/// Synthetix perps v3's liquidation capacity; unlike Maker, a fill never overshoots the limit.
/// </summary>
/// <remarks>
/// <para>Use it in two steps, so an operation that reverts later changes nothing: <see cref="Quote"/> (pure: decides
/// the fill or reverts), then, once the operation can no longer fail, <see cref="Record"/> with the notional that
/// actually executed.</para>
/// <para>Emergency bypass (accounts below the emergency health-factor floor): never blocked, no minimum, and the
/// bypassed notional still drains the bucket, down to zero at most. So bypassed volume slows the ordinary
/// liquidations that follow, but cannot push the bucket into a debt that would lock them out for longer than one
/// refill. The bound C + r x t covers non-bypass notional only.</para>
/// <para>Capacity scaling (a circuit breaker's effect): with a scale of s bps the bucket behaves as one of capacity
/// <c>C' = floor(C * s / 10000)</c>: what is available is capped at C', and a record leaves at most C' minus what it
/// took. A level above C' that nothing consumed is not cut, so it is back when the scale is lifted.</para>
/// <para>Timestamps must not decrease: an earlier one reverts with <c>Panic(0x11)</c>, the checked
/// <c>timestamp - updatedAt</c> of a Solidity twin. Allocation-free; single-threaded like the rest of the engine.</para>
/// </remarks>
public sealed class LiquidationThrottle
{
    /// <summary>Creates a full bucket.</summary>
    /// <param name="options">Capacity, refill rate and minimum; validated.</param>
    /// <param name="timestamp">Creation time, seconds.</param>
    /// <exception cref="EvmRevertException"><c>InvalidThrottleParameter(field, value)</c>.</exception>
    public LiquidationThrottle(ThrottleOptions options, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        State = new ThrottleState(options.CapacityNotional, timestamp);
    }

    /// <summary>The validated settings.</summary>
    public ThrottleOptions Options { get; }

    /// <summary>The mutable state (for snapshots and the state hash).</summary>
    public ThrottleState State { get; private set; }

    /// <summary>Replaces the state (restoring a snapshot). The level is not checked against the capacity: reads cap it.</summary>
    public void Restore(ThrottleState state) => State = state;

    /// <summary>The capacity under a scale: <c>floor(C * capacityScaleBps / 10000)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacityScaleBps"/> is above 10000.</exception>
    public UInt256 CapacityAt(uint capacityScaleBps = BasisPoints.One)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacityScaleBps, BasisPoints.One);
        return TokenBucketMath.ScaleBps(Options.CapacityNotional, capacityScaleBps);
    }

    /// <summary>The notional available at <paramref name="timestamp"/>, base-currency units. Pure.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c>: the timestamp is before the last update.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacityScaleBps"/> is above 10000.</exception>
    public UInt256 AvailableAt(ulong timestamp, uint capacityScaleBps = BasisPoints.One) =>
        TokenBucketMath.Refill(State.AvailableNotional, Options.RefillPerSecond, Elapsed(timestamp), CapacityAt(capacityScaleBps));

    /// <summary>
    /// Decides how much of a liquidation may execute at <paramref name="timestamp"/>. Pure: call <see cref="Record"/>
    /// with what executed. In order: a bypass is always allowed in full; a request below the minimum
    /// <c>m = min(MinimumLiquidationNotional, accountMaximumNotional, scaled capacity)</c> reverts with
    /// <c>LiquidationBelowMinimum(requested, m)</c>; when less than <c>max(m, 1)</c> is available it reverts with
    /// <c>LiquidationThrottled(available, secondsUntilMinimum)</c>, where secondsUntilMinimum is the exact (rounded up)
    /// wait until <c>max(m, 1)</c> is available, or 2^256 - 1 when it never will be (no refill, or a scaled capacity of 0);
    /// otherwise it allows <c>min(requested, available)</c>.
    /// </summary>
    /// <param name="timestamp">Block timestamp, seconds.</param>
    /// <param name="requestedNotional">The liquidation's notional after the engine's own caps (close factor), base-currency units.</param>
    /// <param name="accountMaximumNotional">The largest notional this account allows now; a request may be smaller than the minimum only if it is all of this.</param>
    /// <param name="bypass">True for an account below the emergency health-factor floor.</param>
    /// <param name="capacityScaleBps">Capacity scale from the circuit breakers, bps (10000 = unscaled).</param>
    /// <exception cref="EvmRevertException"><c>LiquidationBelowMinimum</c>, <c>LiquidationThrottled</c>, or <c>Panic(0x11)</c> for a timestamp before the last update.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacityScaleBps"/> is above 10000.</exception>
    public ThrottleQuote Quote(ulong timestamp, UInt256 requestedNotional, UInt256 accountMaximumNotional, bool bypass, uint capacityScaleBps = BasisPoints.One)
    {
        UInt256 capacity = CapacityAt(capacityScaleBps);
        UInt256 available = TokenBucketMath.Refill(State.AvailableNotional, Options.RefillPerSecond, Elapsed(timestamp), capacity);
        if (bypass)
            return new ThrottleQuote(requestedNotional, requestedNotional, available, IsBypass: true);

        UInt256 minimum = UInt256.Min(UInt256.Min(Options.MinimumLiquidationNotional, accountMaximumNotional), capacity);
        if (requestedNotional < minimum)
            throw BreakerReverts.LiquidationBelowMinimum(requestedNotional, minimum);
        UInt256 needed = UInt256.Max(minimum, UInt256.One); // a fill of zero is never a liquidation
        if (available < needed)
        {
            UInt256 wait = needed > capacity ? UInt256.MaxValue : TokenBucketMath.SecondsUntil(available, Options.RefillPerSecond, needed);
            throw BreakerReverts.LiquidationThrottled(available, wait);
        }
        return new ThrottleQuote(requestedNotional, UInt256.Min(requestedNotional, available), available, IsBypass: false);
    }

    /// <summary>
    /// Takes an executed liquidation's notional out of the bucket at <paramref name="timestamp"/>: the level becomes
    /// what was available minus the notional (a bypass stops at zero). Atomic: it throws before changing anything.
    /// </summary>
    /// <param name="timestamp">Block timestamp, seconds (the quote's).</param>
    /// <param name="executedNotional">What executed, base-currency units; for a non-bypass at most what is available.</param>
    /// <param name="bypass">True for an emergency bypass.</param>
    /// <param name="capacityScaleBps">The scale the quote used, bps.</param>
    /// <exception cref="EvmRevertException"><c>LiquidationThrottled</c> when a non-bypass notional exceeds what is available
    /// (a liquidation that was not quoted), or <c>Panic(0x11)</c> for a timestamp before the last update.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacityScaleBps"/> is above 10000.</exception>
    public void Record(ulong timestamp, UInt256 executedNotional, bool bypass, uint capacityScaleBps = BasisPoints.One)
    {
        UInt256 capacity = CapacityAt(capacityScaleBps);
        UInt256 available = TokenBucketMath.Refill(State.AvailableNotional, Options.RefillPerSecond, Elapsed(timestamp), capacity);
        if (!bypass && executedNotional > available)
        {
            UInt256 wait = executedNotional > capacity ? UInt256.MaxValue : TokenBucketMath.SecondsUntil(available, Options.RefillPerSecond, executedNotional);
            throw BreakerReverts.LiquidationThrottled(available, wait);
        }
        State = new ThrottleState(available - UInt256.Min(executedNotional, available), timestamp);
    }

    private ulong Elapsed(ulong timestamp)
    {
        if (timestamp < State.UpdatedAt) EvmRevertException.ThrowOverflow();
        return timestamp - State.UpdatedAt;
    }
}
