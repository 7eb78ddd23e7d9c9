using System.Runtime.CompilerServices;
using LiquidationEngine.Accounts;
using LiquidationEngine.Breakers;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Risk;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Engine;

// Throttles, circuit breakers and oracle guards (spec/SPEC.md section 7, "Wiring"). Each guarded operation decides with
// pure reads (breaker steps, throttle quotes, oracle checks) while planning, and records/commits only when applying,
// so a revert leaves every component bit-identical. Without MarketOptions.Protection none of this runs.
public sealed partial class Market
{
    private MarketProtection? _protection;

    // The decisions of the operation being planned: scratch, not state (an operation overwrites them before reading;
    // kept in fields so an unprotected market never zeroes them on the stack).
    private LiquidationGuard _liquidationGuard;
    private BorrowGuard _borrowGuard;
    private PriceGuard _priceGuard;

    /// <summary>The stored state of a breaker: <paramref name="scope"/> is a listed asset, or the zero address for the market-wide breaker.</summary>
    /// <exception cref="EvmRevertException"><c>AssetNotListed</c>, <c>BreakerNotConfigured(scope)</c>.</exception>
    public BreakerState GetBreakerState(Address scope) => BreakerOf(scope).State;

    /// <summary>
    /// The notional a throttle holds at <paramref name="timestamp"/>, base-currency units, at full capacity (a breaker
    /// that is not Closed scales it down for liquidations). Scope as <see cref="GetBreakerState"/>; 0 without a throttle.
    /// </summary>
    /// <exception cref="EvmRevertException"><c>AssetNotListed</c>; <c>Panic(0x11)</c> for a timestamp before the throttle's last use.</exception>
    public UInt256 GetThrottleAvailable(Address scope, ulong timestamp)
    {
        if (!scope.IsZero) AssetId(scope);
        return _protection?.Find(scope)?.Throttle?.AvailableAt(timestamp) ?? UInt256.Zero;
    }

    /// <summary>
    /// What <see cref="Liquidate"/> would execute in <paramref name="block"/>, throttles, breakers and oracle guards
    /// included (<see cref="GetMaxLiquidation"/> ignores them: it has no block). Pure.
    /// </summary>
    /// <exception cref="EvmRevertException">As <see cref="Liquidate"/>.</exception>
    public LiquidationQuote QuoteLiquidation(Block block, Address account, Address debtAsset, Address collateralAsset, UInt256 debtToCover)
    {
        CheckBlock(block);
        return _protection is null
            ? PlanLiquidation(account, debtAsset, collateralAsset, debtToCover).Quote
            : PlanGuardedLiquidation(block.Timestamp, account, debtAsset, collateralAsset, debtToCover).Quote;
    }

    /// <summary>
    /// Evaluates every breaker at the block's time with the current metrics and applies the transitions (break
    /// elapsed, trip, recovery); anyone may call it, as a keeper pokes a contract. Emits <c>BreakerStateChanged</c>
    /// per transition, market first, then assets in listing order.
    /// </summary>
    /// <exception cref="EvmRevertException">Block errors.</exception>
    public void EvaluateBreakers(Block block)
    {
        CheckBlock(block);
        _lastBlock = block;
        if (_protection is not { } p) return;
        ScopeStep step = default;
        Decide(ref step, p.MarketScope, -1, block.Timestamp);
        Commit(step);
        for (int id = 0; id < p.AssetCount; id++)
        {
            Decide(ref step, p.Asset(id), id, block.Timestamp);
            Commit(step);
        }
    }

    /// <summary>Guardian: trips a breaker to Open for its break duration (re-arms an Open one). Emits <c>BreakerStateChanged</c>.</summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="scope">A listed asset, or the zero address for the market-wide breaker.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>BreakerNotConfigured</c>, <c>InvalidBreakerTransition(3, 1)</c> when Isolated.</exception>
    public void TripBreaker(Block block, Address scope) => Guardian(block, scope, TransitionReason.GuardianTrip);

    /// <summary>Guardian: holds a breaker open (Isolated, with the Open effects) until reset. Emits <c>BreakerStateChanged</c>.</summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="scope">A listed asset, or the zero address for the market-wide breaker.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>BreakerNotConfigured</c>, <c>InvalidBreakerTransition(3, 3)</c> when Isolated.</exception>
    public void IsolateBreaker(Block block, Address scope) => Guardian(block, scope, TransitionReason.GuardianIsolate);

    /// <summary>Guardian: closes a breaker (metrics still at a trip threshold trip it again at the next evaluation). Emits <c>BreakerStateChanged</c>.</summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="scope">A listed asset, or the zero address for the market-wide breaker.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>BreakerNotConfigured</c>, <c>InvalidBreakerTransition(0, 0)</c> when Closed.</exception>
    public void ResetBreaker(Block block, Address scope) => Guardian(block, scope, TransitionReason.GuardianReset);

    private void Guardian(Block block, Address scope, TransitionReason action)
    {
        CheckBlock(block);
        CircuitBreaker breaker = BreakerOf(scope);
        ProtectionScope s = _protection!.Find(scope)!;
        ulong now = block.Timestamp;
        BreakerMetrics metrics = CurrentMetrics(s, scope.IsZero ? -1 : AssetId(scope), now);
        BreakerStep step = action switch
        {
            TransitionReason.GuardianTrip => breaker.Trip(now, metrics),
            TransitionReason.GuardianIsolate => breaker.Isolate(now, metrics),
            _ => breaker.Reset(now, metrics),
        };

        _lastBlock = block;
        breaker.Commit(step);
        Emit(scope, step);
    }

    private CircuitBreaker BreakerOf(Address scope)
    {
        if (!scope.IsZero) AssetId(scope);
        return _protection?.Find(scope)?.Breaker ?? throw ProtectionErrors.NotConfigured(scope);
    }

    // ---- Liquidate ----

    /// <summary>A liquidation's protection decisions: made while planning, applied by <see cref="ApplyLiquidationGuard"/>.</summary>
    private struct LiquidationGuard
    {
        public ScopeSteps Steps;        // market, collateral asset, debt asset (when different)
        public UInt256 Notional;        // the debt value repaid, base units (rounded up)
        public bool Bypass;             // below the emergency floor
        public uint ThrottleScaleBps;
        public int CollateralId;
        public UInt256 MarketAvailable; // the throttle quotes' available notional (for a revert's wait)
        public UInt256 AssetAvailable;
    }

    /// <summary>
    /// The engine's plan, then, in order: oracle staleness and grace period (every asset the account's health factor
    /// reads), breaker pauses (market, collateral, debt), throttle quotes (market, collateral); a throttle that allows
    /// less than the plan's notional re-plans with <c>debtToCover</c> capped to it (a partial fill).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // own frame and inlining budget: Liquidate stays lean, these inline their helpers
    private LiquidationPlan PlanGuardedLiquidation(ulong now, Address account, Address debtAsset, Address collateralAsset, UInt256 debtToCover)
    {
        ref LiquidationGuard guard = ref _liquidationGuard;
        LiquidationPlan plan = PlanLiquidation(account, debtAsset, collateralAsset, debtToCover);
        if (GuardLiquidation(now, plan, account, debtAsset, collateralAsset, debtToCover, ref guard, out UInt256 allowed))
            plan = PlanPartialFill(account, debtAsset, collateralAsset, allowed, ref guard);
        // The velocity denominator must be exact (and taken before the liquidation) where the liquidation's own volume
        // may reach the trip threshold: the step after it is then evaluated.
        for (int i = 0; i < 2; i++)
        {
            ref ScopeStep s = ref guard.Steps[i];
            if (s.Scope is null || s.ValueExact) continue;
            UInt256 notional = UInt256.AddCore(s.WindowNotional, guard.Notional, out ulong carry);
            if (carry != 0 || MayReach(notional, s.CollateralValue, s.Scope.Breaker!.Options.LiquidationVelocityBps.Trip))
                MakeValueExact(ref s);
        }
        return plan;
    }

    /// <summary>
    /// The guards of a planned liquidation, decisions into <paramref name="guard"/>; true when a throttle allows only
    /// <paramref name="allowed"/> (less than the plan's notional): the plan must then be redone as a partial fill. The plan
    /// stays with the caller (passed by reference): it is large, and the rare re-plans live in their own methods, so this
    /// frame stays small.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // own frame and inlining budget: Liquidate stays lean, these inline their helpers
    private bool GuardLiquidation(ulong now, in LiquidationPlan plan, Address account, Address debtAsset, Address collateralAsset,
        UInt256 debtToCover, ref LiquidationGuard guard, out UInt256 allowed)
    {
        MarketProtection p = _protection!;
        allowed = default;
        guard.CollateralId = plan.CollateralId;
        guard.Notional = UInt256.Zero;
        bool bypass = guard.Bypass = plan.HealthFactorBefore < p.Options.EmergencyHealthFactorFloor;
        EnsureOracles(now, plan.Holder, -1, bypass);

        Decide(ref guard.Steps[0], p.MarketScope, -1, now);
        Decide(ref guard.Steps[1], p.Asset(plan.CollateralId), plan.CollateralId, now);
        if (plan.DebtId != plan.CollateralId)
            Decide(ref guard.Steps[2], p.Asset(plan.DebtId), plan.DebtId, now);
        else
            guard.Steps[2].Scope = null;
        BreakerEffects effects = BreakerEffects.None;
        for (int i = 0; i < ScopeSteps.Length; i++)
        {
            ref readonly ScopeStep s = ref guard.Steps[i];
            if (s.Scope is null) continue;
            BreakerState state = s.StateAfter;
            BreakerEffects e = s.Scope.Breaker!.EffectsOf(state.State);
            if (e.LiquidationsPaused && !bypass)
                throw BreakerReverts.LiquidationsPaused(s.Scope.Scope, state);
            effects = BreakerEffects.Combine(effects, e);
        }
        guard.ThrottleScaleBps = effects.ThrottleCapacityScaleBps;

        LiquidationThrottle? marketThrottle = p.MarketScope.Throttle, assetThrottle = p.Asset(plan.CollateralId).Throttle;
        if (marketThrottle is null && assetThrottle is null && p.MarketScope.Velocity is null && p.Asset(plan.CollateralId).Velocity is null)
            return false; // nothing counts the notional
        ref readonly AssetState debt = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_assets)[plan.DebtId];
        UInt256 requested = Valuation.ValueUp(plan.Quote.DebtRepaid, debt.Price, debt.Config.Decimals);
        guard.Notional = requested;
        if (marketThrottle is null && assetThrottle is null)
            return false;

        // The account's maximum matters only for a request below a minimum (it may then be all the account allows).
        UInt256 accountMaximum = requested;
        bool requestIsMaximal = debtToCover >= plan.Quote.MaxDebtToRepay || plan.Quote.CollateralCapped;
        if (!requestIsMaximal && requested < UInt256.Max(Minimum(marketThrottle), Minimum(assetThrottle)))
            accountMaximum = AccountMaximumNotional(account, debtAsset, collateralAsset, plan.DebtId);
        ThrottleQuote market = marketThrottle?.Quote(now, requested, accountMaximum, bypass, guard.ThrottleScaleBps) ?? Unthrottled(requested);
        ThrottleQuote asset = assetThrottle?.Quote(now, requested, accountMaximum, bypass, guard.ThrottleScaleBps) ?? Unthrottled(requested);
        guard.MarketAvailable = market.AvailableNotional;
        guard.AssetAvailable = asset.AvailableNotional;
        allowed = UInt256.Min(market.AllowedNotional, asset.AllowedNotional);
        return allowed != requested;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private UInt256 AccountMaximumNotional(Address account, Address debtAsset, Address collateralAsset, int debtId)
    {
        ref readonly AssetState debt = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_assets)[debtId];
        return Valuation.ValueUp(PlanLiquidation(account, debtAsset, collateralAsset, UInt256.MaxValue).Quote.DebtRepaid, debt.Price, debt.Config.Decimals);
    }

    /// <summary>Partial fill: the most debt tokens whose value (rounded up) fits <paramref name="allowed"/>; ceil(floor(A x 10^d / P) x P / 10^d) &lt;= A.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private LiquidationPlan PlanPartialFill(Address account, Address debtAsset, Address collateralAsset, UInt256 allowed, ref LiquidationGuard guard)
    {
        MarketProtection p = _protection!;
        LiquidationThrottle? marketThrottle = p.MarketScope.Throttle, assetThrottle = p.Asset(guard.CollateralId).Throttle;
        int debtId = AssetId(debtAsset);
        AssetState debt = _assets[debtId];
        UInt256 cover = FullMath.MulDiv(allowed, Units.Pow10(debt.Config.Decimals), debt.Price, Rounding.Floor);
        if (cover.IsZero)
        {
            UInt256 unitValue = Valuation.ValueUp(UInt256.One, debt.Price, debt.Config.Decimals);
            throw BreakerReverts.LiquidationThrottled(allowed,
                UInt256.Max(Wait(marketThrottle, guard.MarketAvailable, unitValue), Wait(assetThrottle, guard.AssetAvailable, unitValue)));
        }
        LiquidationPlan plan = PlanLiquidation(account, debtAsset, collateralAsset, cover);
        guard.Notional = Valuation.ValueUp(plan.Quote.DebtRepaid, debt.Price, debt.Config.Decimals);
        return plan;
    }

    private static UInt256 Minimum(LiquidationThrottle? throttle) => throttle?.Options.MinimumLiquidationNotional ?? UInt256.Zero;

    private static ThrottleQuote Unthrottled(UInt256 requested) => new(requested, requested, UInt256.MaxValue, IsBypass: false);

    private static UInt256 Wait(LiquidationThrottle? throttle, UInt256 available, UInt256 target) =>
        throttle is null || available >= target ? UInt256.Zero
        : throttle.Options.RefillPerSecond.IsZero ? UInt256.MaxValue
        : FullMath.MulDiv(target - available, UInt256.One, throttle.Options.RefillPerSecond, Rounding.Ceil);

    /// <summary>Records the executed notional in the throttles and velocity windows, then lets each breaker judge the liquidation's own volume, and commits.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // own frame and inlining budget: Liquidate stays lean, these inline their helpers
    private void ApplyLiquidationGuard(ulong now)
    {
        ref LiquidationGuard guard = ref _liquidationGuard;
        MarketProtection p = _protection!;
        ProtectionScope market = p.MarketScope, collateral = p.Asset(guard.CollateralId);
        market.Throttle?.Record(now, guard.Notional, guard.Bypass, guard.ThrottleScaleBps);
        collateral.Throttle?.Record(now, guard.Notional, guard.Bypass, guard.ThrottleScaleBps);
        market.Velocity?.Record(now, guard.Notional);
        collateral.Velocity?.Record(now, guard.Notional);
        for (int i = 0; i < ScopeSteps.Length; i++)
        {
            ref ScopeStep s = ref guard.Steps[i];
            if (s.Scope is null) continue;
            CircuitBreaker breaker = s.Scope.Breaker!;
            MetricThreshold velocity = breaker.Options.LiquidationVelocityBps;
            // Only the velocity moved (and not the debt asset's). Open and Isolated cannot move here (the pre-step let
            // the break elapse) and Closed only trips: evaluate only when the velocity may reach its trip threshold.
            if (i < 2 && velocity.IsEnabled)
            {
                UInt256 notional = UInt256.AddCore(s.WindowNotional, guard.Notional, out ulong carry);
                if (carry != 0) notional = UInt256.MaxValue;
                BreakerState from = s.StateAfter;
                if (from.State == CircuitState.HalfOpen || (from.State == CircuitState.Closed && MayReach(notional, s.CollateralValue, velocity.Trip)))
                {
                    EvaluateAfterLiquidation(ref s, breaker, from, now, notional);
                    continue;
                }
            }
            Commit(s);
        }
    }

    /// <summary>The breaker's step on the velocity the liquidation leaves (chained after the pre-step), committed with its events.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EvaluateAfterLiquidation(ref ScopeStep s, CircuitBreaker breaker, in BreakerState from, ulong now, UInt256 notional)
    {
        s.Metrics = s.Decided
            ? s.Metrics with { LiquidationVelocityBps = BasisPoints.Ratio(notional, s.CollateralValue) }
            : ExactMetrics(s.Scope!, s.AssetId, now, notional, s.CollateralValue);
        BreakerStep after = breaker.Evaluate(from, now, s.Metrics);
        Commit(s, after);
    }

    /// <summary>
    /// False only when floor(notional x 10000 / value) &lt; threshold for sure: notional x 10000 &lt; threshold x value,
    /// compared without a division (a product past 2^256 on the right means "below"; on the left, "maybe").
    /// </summary>
    private static bool MayReach(UInt256 notional, UInt256 value, UInt256 thresholdBps)
    {
        if (value.IsZero) return true;
        UInt256 scaled = UInt256.MulCore(notional, BasisPoints.One, out bool leftOverflow);
        if (leftOverflow) return true;
        UInt256 bound = UInt256.MulCore(thresholdBps, value, out bool rightOverflow);
        return !rightOverflow && scaled >= bound;
    }

    // ---- Borrow ----

    /// <summary>A borrow's protection decisions: oracle guards and pauses checked, the dynamic margin to apply.</summary>
    private struct BorrowGuard
    {
        public ScopeStep Market;
        public ScopeStep Asset;
        public uint CapacityScaleBps;
    }

    /// <summary>Oracle staleness and grace period (the borrowed asset and every asset of the account, no emergency exception), then breaker pauses (market, asset).</summary>
    private void GuardBorrow(ulong now, int assetId, Account? holder)
    {
        MarketProtection p = _protection!;
        EnsureOracles(now, holder, assetId, belowFloor: false);
        ref BorrowGuard guard = ref _borrowGuard;
        Decide(ref guard.Market, p.MarketScope, -1, now);
        Decide(ref guard.Asset, p.Asset(assetId), assetId, now);
        BreakerEffects effects = BreakerEffects.None;
        foreach (ScopeStep s in (ReadOnlySpan<ScopeStep>)[guard.Market, guard.Asset])
        {
            if (s.Scope is null) continue;
            BreakerState state = s.StateAfter;
            BreakerEffects e = s.Scope.Breaker!.EffectsOf(state.State);
            if (e.BorrowsPaused)
                throw BreakerReverts.BorrowsPaused(s.Scope.Scope, state);
            effects = BreakerEffects.Combine(effects, e);
        }
        guard.CapacityScaleBps = effects.BorrowCapacityScaleBps;
    }

    /// <summary>The dynamic margin: floor(capacity x scale / 10000) while a breaker is not Closed; never touches liquidation thresholds.</summary>
    private UInt256 GuardedBorrowCapacity(UInt256 capacity) =>
        _borrowGuard.CapacityScaleBps == BasisPoints.One ? capacity : FullMath.MulDiv(capacity, _borrowGuard.CapacityScaleBps, BasisPoints.One, Rounding.Floor);

    private void ApplyBorrowGuard()
    {
        Commit(_borrowGuard.Market);
        Commit(_borrowGuard.Asset);
    }

    // ---- SetPrice and ListAsset ----

    /// <summary>The breaker steps a price update causes (market and the asset), judged on the metrics right after it.</summary>
    private struct PriceGuard
    {
        public ScopeStep Market;
        public ScopeStep Asset;
    }

    private void GuardPrice(ulong now, int assetId, UInt256 price)
    {
        MarketProtection p = _protection!;
        ProtectionScope scope = p.Asset(assetId);
        var move = new PriceMove(_assets[assetId].Price, price);
        var none = new BreakerMetrics(UInt256.Zero, UInt256.Zero, UInt256.Zero, UInt256.Zero, move);
        BreakerMetrics updated = scope.Monitor?.MetricsAfterUpdate(now, price, UInt256.Zero) ?? none;
        ref PriceGuard guard = ref _priceGuard;
        guard.Market.Scope = guard.Asset.Scope = null;
        if (p.MarketScope.Breaker is { } marketBreaker)
        {
            BreakerMetrics metrics = ReadsPrices(marketBreaker.Options) ? MarketPriceMetrics(now, UInt256.Zero, assetId, updated) : none;
            if (marketBreaker.Options.LiquidationVelocityBps.IsEnabled)
                metrics = metrics with { LiquidationVelocityBps = p.MarketScope.Velocity!.BpsAt(now, MarketCollateralValue(assetId, price)) };
            guard.Market = new ScopeStep { Scope = p.MarketScope, AssetId = -1, Decided = true, Pre = marketBreaker.Evaluate(now, metrics), Metrics = metrics };
        }
        if (scope.Breaker is { } assetBreaker)
        {
            BreakerMetrics metrics = ReadsPrices(assetBreaker.Options) ? updated : none;
            if (assetBreaker.Options.LiquidationVelocityBps.IsEnabled)
                metrics = metrics with { LiquidationVelocityBps = scope.Velocity!.BpsAt(now, CollateralValueOf(assetId, price)) };
            guard.Asset = new ScopeStep { Scope = scope, AssetId = assetId, Decided = true, Pre = assetBreaker.Evaluate(now, metrics), Metrics = metrics };
        }
    }

    private static bool ReadsPrices(CircuitBreakerOptions o) => o.PriceFallBps.IsEnabled || o.VolatilityWad.IsEnabled || o.StalenessSeconds.IsEnabled;

    private void ApplyPriceGuard(ulong now, int assetId, UInt256 price)
    {
        _protection!.Asset(assetId).Monitor?.Update(now, price);
        Commit(_priceGuard.Market);
        Commit(_priceGuard.Asset);
    }

    // ---- Shared ----

    /// <summary>One scope's breaker decision within an operation: the step from the clock and the metrics before it.</summary>
    private struct ScopeStep
    {
        public ProtectionScope? Scope;     // null: no breaker in this scope
        public int AssetId;                // -1: the market
        public bool Decided;               // false: Closed and no metric can reach its trip threshold (Pre and Metrics unset)
        public BreakerStep Pre;
        public BreakerMetrics Metrics;
        public UInt256 CollateralValue;    // the velocity's denominator at the start of the operation; a lower bound until ValueExact
        public bool ValueExact;
        public UInt256 WindowNotional;     // the velocity's numerator before the operation

        /// <summary>The state the operation runs under.</summary>
        public readonly BreakerState StateAfter => Decided ? Pre.State : Scope!.Breaker!.State;
    }

    [InlineArray(Length)]
    private struct ScopeSteps
    {
        public const int Length = 3;
        private ScopeStep _first;
    }

    /// <summary>
    /// The breaker's step at <paramref name="now"/> on the scope's current metrics, written into <paramref name="s"/>.
    /// A Closed breaker none of whose metrics can reach its trip threshold does not move: that is found with
    /// multiplications only, and the step is left undecided (no division, no evaluation). Pure.
    /// </summary>
    private void Decide(ref ScopeStep s, ProtectionScope scope, int assetId, ulong now)
    {
        if (scope.Breaker is not { } breaker)
        {
            s.Scope = null; // the rest is never read
            return;
        }
        CircuitBreakerOptions o = breaker.Options;
        s.Scope = scope;
        s.AssetId = assetId;
        s.CollateralValue = s.WindowNotional = UInt256.Zero;
        s.ValueExact = true;
        if (o.LiquidationVelocityBps.IsEnabled)
        {
            s.CollateralValue = CollateralValue(assetId, lowerBound: true);
            s.ValueExact = false;
            s.WindowNotional = scope.Velocity!.NotionalAt(now);
        }
        s.Decided = breaker.State.StateAt(now) != CircuitState.Closed || MayTrip(scope, o, assetId, now, s.WindowNotional, s.CollateralValue);
        if (!s.Decided) return;
        MakeValueExact(ref s);
        s.Metrics = ExactMetrics(scope, assetId, now, s.WindowNotional, s.CollateralValue);
        s.Pre = breaker.Evaluate(now, s.Metrics);
    }

    /// <summary>The scope's metrics now (what a guardian action's event carries).</summary>
    private BreakerMetrics CurrentMetrics(ProtectionScope scope, int assetId, ulong now)
    {
        ScopeStep s = default;
        Decide(ref s, scope, assetId, now);
        MakeValueExact(ref s);
        return ExactMetrics(scope, assetId, now, s.WindowNotional, s.CollateralValue);
    }

    /// <summary>
    /// The metrics a breaker reads: the velocity when its threshold is enabled, the price metrics when one of theirs is
    /// (the market's are the worst over the assets with an oracle guard); the others read 0.
    /// </summary>
    private BreakerMetrics ExactMetrics(ProtectionScope scope, int assetId, ulong now, UInt256 windowNotional, UInt256 collateralValue)
    {
        CircuitBreakerOptions o = scope.Breaker!.Options;
        UInt256 velocity = o.LiquidationVelocityBps.IsEnabled ? BasisPoints.Ratio(windowNotional, collateralValue) : UInt256.Zero;
        if (!ReadsPrices(o))
            return new BreakerMetrics(velocity, UInt256.Zero, UInt256.Zero, UInt256.Zero);
        if (assetId < 0)
            return MarketPriceMetrics(now, velocity, -1, default);
        return scope.Monitor?.MetricsAt(now, velocity) ?? new BreakerMetrics(velocity, UInt256.Zero, UInt256.Zero, UInt256.Zero);
    }

    /// <summary>True unless every enabled metric is surely below its trip threshold (no price update: no jump).</summary>
    private bool MayTrip(ProtectionScope scope, CircuitBreakerOptions o, int assetId, ulong now, UInt256 windowNotional, UInt256 collateralValue)
    {
        if (o.LiquidationVelocityBps.IsEnabled && MayReach(windowNotional, collateralValue, o.LiquidationVelocityBps.Trip))
            return true;
        if (!ReadsPrices(o))
            return false;
        // Without a price update, volatility is constant, the price fall can only shrink (window buckets only expire) and
        // staleness grows: a calm verdict holds until the first staleness trip, so it is memoized per scope.
        MarketProtection p = _protection!;
        ulong versions = 0;
        if (assetId >= 0)
            versions = scope.Monitor?.Version ?? 0;
        else
            for (int id = 0; id < p.AssetCount; id++)
                versions += p.Asset(id).Monitor?.Version ?? 0;
        if (scope.PriceCalmMemo.Holds(versions, now))
            return false;
        ulong until = ulong.MaxValue;
        if (assetId >= 0)
        {
            if (scope.Monitor is { } monitor && MonitorMayTrip(monitor, o, now, ref until))
                return true;
        }
        else
        {
            for (int id = 0; id < p.AssetCount; id++)
                if (p.Asset(id).Monitor is { } monitor && MonitorMayTrip(monitor, o, now, ref until))
                    return true;
        }
        scope.PriceCalmMemo = new ProtectionScope.PriceCalm(versions, now, until);
        return false;
    }

    /// <summary>Whether a price metric of the monitor may reach its trip threshold now; if not, lowers <paramref name="calmUntil"/> to when staleness would.</summary>
    private static bool MonitorMayTrip(PriceMonitor monitor, CircuitBreakerOptions o, ulong now, ref ulong calmUntil)
    {
        PriceMonitorState state = monitor.State;
        if (o.VolatilityWad.IsTripped(state.VarianceWad))
            return true;
        if (!state.Price.IsZero && o.StalenessSeconds.IsEnabled)
        {
            if (o.StalenessSeconds.IsTripped(monitor.AgeAt(now)))
                return true;
            // age = t - UpdatedAt reaches Trip at t = UpdatedAt + Trip (which is above now here).
            UInt256 tripsAt = UInt256.AddCore(state.UpdatedAt, o.StalenessSeconds.Trip, out ulong carry);
            if (carry == 0 && (tripsAt.U1 | tripsAt.U2 | tripsAt.U3) == 0)
                calmUntil = Math.Min(calmUntil, tripsAt.U0);
        }
        if (!o.PriceFallBps.IsEnabled)
            return false;
        UInt256 high = UInt256.Max(monitor.PriceHighs.Max(now), state.Price); // PriceMonitor.PriceFallBpsAt without the division
        return !high.IsZero && MayReach(high - state.Price, high, o.PriceFallBps.Trip);
    }

    /// <summary>Commits a scope's pre-step (a decided one) and emits its transitions.</summary>
    private void Commit(in ScopeStep s)
    {
        if (s.Scope is null || !s.Decided) return;
        s.Scope.Breaker!.Commit(s.Pre);
        Emit(s.Scope.Scope, s.Pre);
    }

    /// <summary>Commits a scope's step (and the one chained after it) and emits their transitions.</summary>
    private void Commit(in ScopeStep s, in BreakerStep after)
    {
        if (s.Scope is null || (!s.Decided && after.Count == 0)) return;
        s.Scope.Breaker!.Commit(after.Count > 0 ? after : s.Pre);
        if (s.Decided) Emit(s.Scope.Scope, s.Pre);
        Emit(s.Scope.Scope, after);
    }

    private void Emit(Address scope, in BreakerStep step)
    {
        if (_events is null) return;
        foreach (BreakerTransition t in step)
            _events.Emit(BreakerStateChangedEvent.Of(scope, t));
    }

    /// <summary>The market's price metrics: the worst price fall, volatility and staleness over the assets with an oracle guard (one of them just updated, when <paramref name="updatedId"/> is set).</summary>
    private BreakerMetrics MarketPriceMetrics(ulong now, UInt256 velocityBps, int updatedId, in BreakerMetrics updated)
    {
        MarketProtection p = _protection!;
        UInt256 fall = UInt256.Zero, volatility = UInt256.Zero, staleness = UInt256.Zero;
        for (int id = 0; id < p.AssetCount; id++)
        {
            PriceMonitor? monitor = p.Asset(id).Monitor;
            if (monitor is null && id != updatedId) continue;
            BreakerMetrics m = id == updatedId ? updated : monitor!.MetricsAt(now, UInt256.Zero);
            fall = UInt256.Max(fall, m.PriceFallBps);
            volatility = UInt256.Max(volatility, m.VolatilityWad);
            staleness = UInt256.Max(staleness, m.StalenessSeconds);
        }
        return new BreakerMetrics(velocityBps, fall, volatility, staleness, updatedId >= 0 ? updated.PriceMove : default);
    }

    /// <summary>The value velocity is measured against: the total supply of an asset that can be collateral (LT &gt; 0), base units, rounded down.</summary>
    private UInt256 CollateralValueOf(int id, UInt256 price) =>
        _protection!.CollateralValueOf(id, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_assets)[id], price);

    /// <summary>The scope's collateral value now (market: <paramref name="assetId"/> = -1), or a lower bound of it.</summary>
    private UInt256 CollateralValue(int assetId, bool lowerBound)
    {
        if (!lowerBound)
            return assetId < 0 ? MarketCollateralValue(-1, UInt256.Zero) : CollateralValueOf(assetId, _assets[assetId].Price);
        MarketProtection p = _protection!;
        Span<AssetState> assets = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_assets);
        if (assetId >= 0)
            return p.CollateralValueLowerBound(assetId, assets[assetId], assets[assetId].Price);
        UInt256 sum = UInt256.Zero;
        for (int id = 0; id < assets.Length; id++)
        {
            sum = UInt256.AddCore(sum, p.CollateralValueLowerBound(id, assets[id], assets[id].Price), out ulong carry);
            if (carry != 0) return UInt256.MaxValue;
        }
        return sum;
    }

    private void MakeValueExact(ref ScopeStep s)
    {
        if (s.ValueExact) return;
        s.CollateralValue = CollateralValue(s.AssetId, lowerBound: false);
        s.ValueExact = true;
    }

    /// <summary>The sum over listed assets of <see cref="CollateralValueOf"/> (asset <paramref name="repricedId"/> at <paramref name="price"/>), saturating.</summary>
    private UInt256 MarketCollateralValue(int repricedId, UInt256 price)
    {
        UInt256 sum = UInt256.Zero;
        for (int id = 0; id < _assets.Count; id++)
        {
            sum = UInt256.AddCore(sum, CollateralValueOf(id, id == repricedId ? price : _assets[id].Price), out ulong carry);
            if (carry != 0) return UInt256.MaxValue;
        }
        return sum;
    }

    /// <summary>
    /// The oracle guards of every asset the account's health factor reads (plus <paramref name="extraAsset"/>), by asset
    /// id: first staleness for all (<c>OracleStale</c>, even below the floor), then the grace period (<c>OracleGracePeriod</c>)
    /// unless the account is below the emergency floor.
    /// </summary>
    private void EnsureOracles(ulong now, Account? holder, int extraAsset, bool belowFloor)
    {
        MarketProtection p = _protection!;
        AssetMask assets = default;
        if (holder is not null)
        {
            assets = holder.CollateralMask;
            for (AssetMask debt = holder.DebtMask; !debt.IsEmpty;)
                assets.Set(debt.PopLowest(), true);
        }
        if (extraAsset >= 0) assets.Set(extraAsset, true);
        bool clear = true;
        for (AssetMask mask = assets; clear && !mask.IsEmpty;)
            clear = p.Asset(mask.PopLowest()).Monitor?.IsClearForLiquidation(now) ?? true;
        if (clear) return; // every guard passes: the checks below would neither throw nor change anything
        for (AssetMask mask = assets; !mask.IsEmpty;)
            p.Asset(mask.PopLowest()).Monitor?.EnsureFresh(now);
        if (belowFloor) return;
        for (AssetMask mask = assets; !mask.IsEmpty;)
        {
            PriceMonitor? monitor = p.Asset(mask.PopLowest()).Monitor;
            if (monitor is not null && monitor.InGracePeriodAt(now))
                throw BreakerReverts.OracleGracePeriod(monitor.Asset, monitor.GraceEndsAt);
        }
    }
}
