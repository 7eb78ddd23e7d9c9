using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Oracles;

/// <summary>
/// The oracle side of one asset: its last price and the price metrics the breakers read (fall from the window's
/// high, volatility EWMA, staleness), plus the oracle guards (maximum age; grace period after an outage, with Aave
/// V3 PriceOracleSentinel semantics).
/// </summary>
/// <remarks>
/// <para>Outage: an update that comes more than <see cref="OracleGuardOptions.MaxPriceAgeSeconds"/> after the previous
/// one ends an outage at its timestamp (Aave's <c>timestampGotUp</c>). Liquidations are then allowed only when
/// <c>now - recoveredAt &gt; GracePeriodSeconds</c> (strictly, as Aave's <c>_isUpAndGracePeriodPassed</c>) or for
/// accounts below the emergency floor (as Aave's <c>healthFactor &lt; MINIMUM_HEALTH_FACTOR_LIQUIDATION_THRESHOLD</c>
/// bypass); borrows only when it has passed (Aave's <c>isBorrowAllowed</c>).</para>
/// <para>Window high: each update raises its bucket to max(previous price, new price), since the previous price was in
/// effect until the update; the high at t is the maximum of the live buckets and the current price. So the high
/// covers the price path over the bucketed window, including the price in effect when the window began.</para>
/// <para>Queries are pure; <see cref="Update"/> is the only mutation. Timestamps must not decrease
/// (<c>Panic(0x11)</c>). Allocation-free after construction.</para>
/// </remarks>
public sealed class PriceMonitor
{
    private readonly SlidingWindow _highs;

    /// <summary>Creates a monitor with no price yet.</summary>
    /// <exception cref="EvmRevertException"><c>InvalidBreakerParameter(field, value)</c>.</exception>
    public PriceMonitor(Address asset, OracleGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Asset = asset;
        Options = options;
        _highs = new SlidingWindow(options.PriceWindow, nameof(OracleGuardOptions.PriceWindow));
    }

    /// <summary>The asset whose price this watches.</summary>
    public Address Asset { get; }

    /// <summary>The validated settings.</summary>
    public OracleGuardOptions Options { get; }

    /// <summary>The scalar state (for snapshots and the state hash).</summary>
    public PriceMonitorState State { get; private set; }

    /// <summary>The per-bucket price highs (for snapshots and the state hash).</summary>
    public SlidingWindow PriceHighs => _highs;

    /// <summary>Replaces the scalar state (restoring a snapshot; restore <see cref="PriceHighs"/> with it).</summary>
    public void Restore(PriceMonitorState state)
    {
        State = state;
        Version++;
    }

    /// <summary>Counts the mutations (updates and restores), so a reader can memoize conclusions drawn from this state.</summary>
    internal ulong Version { get; private set; }

    /// <summary>Seconds since the last update; 2^256 - 1 when there is no price. Pure.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c>: the timestamp is before the last update.</exception>
    public UInt256 AgeAt(ulong timestamp)
    {
        if (timestamp < State.UpdatedAt) EvmRevertException.ThrowOverflow();
        return State.Price.IsZero ? UInt256.MaxValue : timestamp - State.UpdatedAt;
    }

    /// <summary>The fall of the current price from the window's high at <paramref name="timestamp"/>, bps (floor). Pure.</summary>
    public UInt256 PriceFallBpsAt(ulong timestamp) => FallBps(UInt256.Max(_highs.Max(timestamp), State.Price), State.Price);

    /// <summary>The breaker metrics of this asset at <paramref name="timestamp"/>, with the given liquidation velocity. Staleness is 0 before the first price. Pure.</summary>
    public BreakerMetrics MetricsAt(ulong timestamp, UInt256 liquidationVelocityBps) => new(
        liquidationVelocityBps,
        PriceFallBpsAt(timestamp),
        State.VarianceWad,
        State.Price.IsZero ? UInt256.Zero : AgeAt(timestamp));

    /// <summary>The breaker metrics as they will be right after <see cref="Update"/> with this price, including the <see cref="PriceMove"/> for the jump rule. Pure.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is 0.</exception>
    public BreakerMetrics MetricsAfterUpdate(ulong timestamp, UInt256 price, UInt256 liquidationVelocityBps)
    {
        CheckPrice(price);
        UInt256 high = UInt256.Max(UInt256.Max(_highs.Max(timestamp), State.Price), price);
        return new BreakerMetrics(
            liquidationVelocityBps,
            FallBps(high, price),
            EwmaVolatility.Next(State.VarianceWad, State.Price, price, Options.VolatilityDecayWad),
            UInt256.Zero,
            new PriceMove(State.Price, price));
    }

    /// <summary>Records a price update (the only mutation). Never fails for a valid timestamp and price.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c>: the timestamp is before the last update.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is 0.</exception>
    public void Update(ulong timestamp, UInt256 price)
    {
        CheckPrice(price);
        UInt256 age = AgeAt(timestamp);
        PriceMonitorState s = State;
        ulong recoveredAt = !s.Price.IsZero && age > Options.MaxPriceAgeSeconds ? timestamp : s.RecoveredAt;
        UInt256 variance = EwmaVolatility.Next(s.VarianceWad, s.Price, price, Options.VolatilityDecayWad);
        _highs.RaiseTo(timestamp, UInt256.Max(s.Price, price));
        State = new PriceMonitorState(price, timestamp, variance, recoveredAt);
        Version++;
    }

    /// <summary>Reverts with <c>OracleStale(asset, age)</c> when there is no price or it is older than the maximum age.</summary>
    /// <exception cref="EvmRevertException"><c>OracleStale</c>, or <c>Panic(0x11)</c> for an earlier timestamp.</exception>
    public void EnsureFresh(ulong timestamp)
    {
        UInt256 age = AgeAt(timestamp);
        if (age > Options.MaxPriceAgeSeconds)
            throw BreakerReverts.OracleStale(Asset, age, Options.MaxPriceAgeSeconds);
    }

    /// <summary>The first timestamp after the grace period (0 when no outage has ended): <c>recoveredAt + grace + 1</c>, saturating.</summary>
    public ulong GraceEndsAt => State.RecoveredAt == 0 ? 0
        : (ulong)UInt128.Min((UInt128)State.RecoveredAt + Options.GracePeriodSeconds + 1, ulong.MaxValue);

    /// <summary>True while the grace period after an outage runs at <paramref name="timestamp"/>: <c>now - recoveredAt &lt;= GracePeriodSeconds</c>.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c>: the timestamp is before the last update.</exception>
    public bool InGracePeriodAt(ulong timestamp)
    {
        if (timestamp < State.UpdatedAt) EvmRevertException.ThrowOverflow();
        return State.RecoveredAt != 0 && timestamp - State.RecoveredAt <= Options.GracePeriodSeconds;
    }

    /// <summary>
    /// The guards of a liquidation that depends on this price: fresh (even in an emergency: a stale price says nothing
    /// about solvency), then the grace period unless the account is below the emergency floor.
    /// </summary>
    /// <exception cref="EvmRevertException"><c>OracleStale</c>, <c>OracleGracePeriod</c>, or <c>Panic(0x11)</c> for an earlier timestamp.</exception>
    public void EnsureLiquidationAllowed(ulong timestamp, bool belowEmergencyFloor)
    {
        EnsureFresh(timestamp);
        if (!belowEmergencyFloor && InGracePeriodAt(timestamp))
            throw BreakerReverts.OracleGracePeriod(Asset, GraceEndsAt);
    }

    /// <summary>
    /// True when <see cref="EnsureLiquidationAllowed"/> passes at <paramref name="timestamp"/> whatever the emergency flag: the
    /// price is fresh and no grace period runs. Memoized per state as the interval of such timestamps (a derived value, not state).
    /// </summary>
    internal bool IsClearForLiquidation(ulong timestamp)
    {
        if (_clearVersion != Version + 1)
        {
            // Fresh while age <= MaxPriceAgeSeconds; outside the grace period once now - RecoveredAt > GracePeriodSeconds.
            PriceMonitorState s = State;
            _clearFrom = s.RecoveredAt == 0 ? s.UpdatedAt : (ulong)UInt128.Min(UInt128.Max((UInt128)s.RecoveredAt + Options.GracePeriodSeconds + 1, s.UpdatedAt), ulong.MaxValue);
            _clearUntil = (ulong)UInt128.Min((UInt128)s.UpdatedAt + Options.MaxPriceAgeSeconds, ulong.MaxValue);
            if (s.Price.IsZero) (_clearFrom, _clearUntil) = (1, 0); // no price: never fresh
            _clearVersion = Version + 1; // 0 means unknown
        }
        return timestamp >= _clearFrom && timestamp <= _clearUntil;
    }

    private ulong _clearVersion, _clearFrom, _clearUntil;

    /// <summary>The guards of a new borrow that depends on this price: fresh, and no grace period running.</summary>
    /// <exception cref="EvmRevertException"><c>OracleStale</c>, <c>OracleGracePeriod</c>, or <c>Panic(0x11)</c> for an earlier timestamp.</exception>
    public void EnsureBorrowAllowed(ulong timestamp) => EnsureLiquidationAllowed(timestamp, belowEmergencyFloor: false);

    private static UInt256 FallBps(UInt256 high, UInt256 price) =>
        high.IsZero ? UInt256.Zero : BasisPoints.Ratio(high - price, high);

    private static void CheckPrice(UInt256 price)
    {
        if (price.IsZero) throw new ArgumentOutOfRangeException(nameof(price), "a price must be positive (the engine reverts InvalidPrice first)");
    }
}
