using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Simulation.Scenarios;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Simulation.Running;

/// <summary>
/// A protection set around <c>Market.Liquidate</c>: the market-wide throttle and circuit breaker of the engine's
/// Throttling and Breakers components, fed and consulted the way spec/breakers.md describes (quote, execute, record;
/// evaluate on every price update and liquidation). The engine does not wire them into <c>Liquidate</c> yet; when it
/// does, the simulator should configure the market instead of using this gate.
/// </summary>
internal sealed class ProtectionGate
{
    private readonly LiquidationThrottle? _throttle;
    private readonly CircuitBreaker? _breaker;
    private readonly LiquidationVelocity _velocity;
    private readonly PriceMonitor[] _monitors;
    private readonly UInt256 _emergencyFloor;

    public ProtectionGate(ProtectionSet set, ProtectionOptions options, Address[] collateralAssets, ulong[] startPrices, ulong startTimestamp)
    {
        if (set is ProtectionSet.Throttle or ProtectionSet.All)
            _throttle = new LiquidationThrottle(options.Throttle, startTimestamp);
        if (set is ProtectionSet.Breakers or ProtectionSet.All)
            _breaker = new CircuitBreaker(options.Breaker);
        _velocity = new LiquidationVelocity(options.VelocityWindow);
        var guard = new OracleGuardOptions { PriceWindow = options.PriceWindow };
        _monitors = [.. collateralAssets.Select(a => new PriceMonitor(a, guard))];
        for (int i = 0; i < _monitors.Length; i++)
            _monitors[i].Update(startTimestamp, startPrices[i]);
        _emergencyFloor = options.EmergencyFloorWad;
    }

    public bool HasBreaker => _breaker is not null;

    public CircuitState StateAt(ulong timestamp) => _breaker?.State.StateAt(timestamp) ?? CircuitState.Closed;

    public bool IsEmergency(UInt256 healthFactor) => healthFactor < _emergencyFloor;

    public bool LiquidationsPausedAt(ulong timestamp) => _breaker is not null && Effects(timestamp).LiquidationsPaused;

    /// <summary>A price the oracle published: the breaker sees the move (jump rule, fall, volatility), then the monitor records it.</summary>
    public void OnPricePublished(ulong timestamp, int asset, ulong price, UInt256 collateralValue)
    {
        if (_breaker is not null)
        {
            BreakerMetrics metrics = Combine(timestamp, collateralValue, asset, _monitors[asset].MetricsAfterUpdate(timestamp, price, UInt256.Zero));
            _breaker.Commit(_breaker.Evaluate(timestamp, metrics));
        }
        _monitors[asset].Update(timestamp, price);
    }

    /// <summary>Evaluates the breaker on the current metrics (time alone can move it: Open to HalfOpen to Closed).</summary>
    public void Evaluate(ulong timestamp, UInt256 collateralValue)
    {
        if (_breaker is not null)
            _breaker.Commit(_breaker.Evaluate(timestamp, Combine(timestamp, collateralValue, -1, default)));
    }

    /// <summary>The notional the throttle allows for a request (all of it without a throttle), or null when it refuses.</summary>
    public UInt256? Allow(ulong timestamp, UInt256 notional, UInt256 accountMaximum, bool emergency)
    {
        if (_throttle is null)
            return notional;
        try
        {
            return _throttle.Quote(timestamp, notional, accountMaximum, emergency, Effects(timestamp).ThrottleCapacityScaleBps).AllowedNotional;
        }
        catch (EvmRevertException)
        {
            return null; // LiquidationThrottled or LiquidationBelowMinimum: the keeper tries again in a later block
        }
    }

    /// <summary>An executed liquidation: the throttle and the velocity count it, then the breaker re-evaluates.</summary>
    public void Record(ulong timestamp, UInt256 notional, bool emergency, UInt256 collateralValue)
    {
        _throttle?.Record(timestamp, notional, emergency, Effects(timestamp).ThrottleCapacityScaleBps);
        _velocity.Record(timestamp, notional);
        Evaluate(timestamp, collateralValue);
    }

    private BreakerEffects Effects(ulong timestamp) => _breaker is null ? BreakerEffects.None : _breaker.EffectsOf(StateAt(timestamp));

    // Market-wide metrics: the market's liquidation velocity, the worst price metrics over the assets, and the
    // price move being applied (if any) for the jump rule.
    private BreakerMetrics Combine(ulong timestamp, UInt256 collateralValue, int updatedAsset, BreakerMetrics updated)
    {
        UInt256 fall = UInt256.Zero, volatility = UInt256.Zero, staleness = UInt256.Zero;
        for (int i = 0; i < _monitors.Length; i++)
        {
            BreakerMetrics m = i == updatedAsset ? updated : _monitors[i].MetricsAt(timestamp, UInt256.Zero);
            fall = UInt256.Max(fall, m.PriceFallBps);
            volatility = UInt256.Max(volatility, m.VolatilityWad);
            staleness = UInt256.Max(staleness, m.StalenessSeconds);
        }
        return new BreakerMetrics(_velocity.BpsAt(timestamp, collateralValue), fall, volatility, staleness, updated.PriceMove);
    }
}
