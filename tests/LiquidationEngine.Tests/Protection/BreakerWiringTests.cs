using System.Collections.Immutable;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Risk;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Protection.ProtectionKit;

namespace LiquidationEngine.Tests.Protection;

/// <summary>
/// Breakers through the engine: each metric at trip - 1, trip and trip + 1, the effects while Open and HalfOpen, the
/// dynamic margin and the guardian operations, with exact events and revert data.
/// </summary>
public class BreakerWiringTests
{
    private const ulong Break = 1_800;

    private static ProtectionOptions MarketBreaker(CircuitBreakerOptions breaker, bool oracle = false) =>
        new() { Breaker = breaker, Oracle = oracle ? new OracleGuardOptions() : null };

    // Liquidation velocity: at $1 400 the maximal liquidation repays $6 000 = 6e11 against a market collateral value of
    // 10 WETH x $1 400 + 1 000 000 USDC = 1.014e14 (at the start of the operation): floor(6e11 x 1e4 / 1.014e14) = 59 bps.
    [Theory]
    [InlineData(60, false)] // value = trip - 1
    [InlineData(59, true)]  // value = trip
    [InlineData(58, true)]  // value = trip + 1
    public void LiquidationVelocity_TripsAtTheThreshold(ulong trip, bool trips)
    {
        var events = new EventRecorder();
        Market market = Crashed(1400, MarketBreaker(Quiet with { LiquidationVelocityBps = new(trip, 1UL) }), events);
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);

        List<BreakerStateChangedEvent> transitions = Transitions(events);
        if (!trips)
        {
            Assert.Empty(transitions);
            Assert.Equal(CircuitState.Closed, market.GetBreakerState(Address.Zero).State);
            return;
        }
        Assert.Equal([Transition(Address.Zero, CircuitState.Closed, CircuitState.Open, TransitionReason.Tripped, BreakerMetric.LiquidationVelocity, T(4) + Break, velocity: 59)], transitions);
        Assert.IsType<LiquidationCallEvent>(events.Events[0]); // the liquidation that tripped it executed
        Assert.Equal(new BreakerState(CircuitState.Open, T(4), T(4) + Break), market.GetBreakerState(Address.Zero));
    }

    // Price fall and volatility from one update 2 000 -> 1 600: fall = 400 x 1e4 / 2 000 = 2 000 bps;
    // r = 0.2e18, r^2 = 0.04e18, variance = (1e18 - 0.94e18) x 0.04e18 / 1e18 = 2.4e15.
    [Theory]
    [InlineData(2_001, false)]
    [InlineData(2_000, true)]
    [InlineData(1_999, true)]
    public void PriceFall_TripsAtTheThreshold(ulong trip, bool trips)
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events, With(MarketBreaker(Quiet with { PriceFallBps = new(trip, 1UL) }, oracle: true)));
        events.Clear();
        market.SetPrice(B(3), Weth, 1600_0000_0000UL);
        AssertTrip(events, trips, BreakerMetric.PriceFall, fall: 2_000, volatility: 2_400_000_000_000_000UL, staleness: 24); // USDC and WBTC priced at listing, 24 s earlier
    }

    [Theory]
    [InlineData(2_400_000_000_000_001UL, false)]
    [InlineData(2_400_000_000_000_000UL, true)]
    [InlineData(2_399_999_999_999_999UL, true)]
    public void Volatility_TripsAtTheThreshold(ulong trip, bool trips)
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events, With(MarketBreaker(Quiet with { VolatilityWad = new(trip, 1UL) }, oracle: true)));
        events.Clear();
        market.SetPrice(B(3), Weth, 1600_0000_0000UL);
        AssertTrip(events, trips, BreakerMetric.Volatility, fall: 2_000, volatility: 2_400_000_000_000_000UL, staleness: 24);
    }

    // Staleness: every price was set at listing (block 1); a keeper's EvaluateBreakers reads the age.
    [Theory]
    [InlineData(599, false)]
    [InlineData(600, true)]
    [InlineData(601, true)]
    public void Staleness_TripsAtTheThreshold(ulong age, bool trips)
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events, With(MarketBreaker(Quiet with { StalenessSeconds = new(600UL, 60UL) }, oracle: true)));
        market.EvaluateBreakers(At(T(1) + age));
        List<BreakerStateChangedEvent> transitions = Transitions(events);
        if (!trips) Assert.Empty(transitions);
        else Assert.Equal([Transition(Address.Zero, CircuitState.Closed, CircuitState.Open, TransitionReason.Tripped, BreakerMetric.Staleness, T(1) + age + Break, staleness: age)], transitions);
    }

    // ClipperMom on WETH's own breaker: tolerance 0.8e27 trips when the new price is below floor(2 000e8 x 0.8) = 1 600e8.
    [Theory]
    [InlineData(1600_0000_0001UL, false)]
    [InlineData(1600_0000_0000UL, false)]
    [InlineData(1599_9999_9999UL, true)]
    public void PriceJump_OnTheAssetBreaker_TripsBelowTheTolerance(ulong price, bool trips)
    {
        var events = new EventRecorder();
        var options = new ProtectionOptions
        {
            Assets = ImmutableDictionary<Address, AssetProtectionOptions>.Empty.Add(Weth, new AssetProtectionOptions { Breaker = Quiet with { PriceJumpToleranceRay = U("800000000000000000000000000") } }),
        };
        Market market = AliceBorrowing(events, With(options));
        events.Clear();
        market.SetPrice(B(3), Weth, price);
        Assert.IsType<PriceSetEvent>(events.Events[0]);
        List<BreakerStateChangedEvent> transitions = Transitions(events);
        if (!trips)
        {
            Assert.Empty(transitions);
            return;
        }
        Assert.Equal([Transition(Weth, CircuitState.Closed, CircuitState.Open, TransitionReason.Tripped, BreakerMetric.PriceJump, T(3) + Break)], transitions);
        // The asset breaker pauses liquidations seizing or repaying WETH, and reports its own scope.
        market.SetPrice(B(3), Weth, 1400_0000_0000UL);
        AssertRevertsAtomically(market, LiquidationsPaused(Weth, 1, T(3) + Break), () => market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
    }

    private static void AssertTrip(EventRecorder events, bool trips, BreakerMetric cause, ulong fall, ulong volatility, ulong staleness)
    {
        Assert.IsType<PriceSetEvent>(events.Events[0]);
        List<BreakerStateChangedEvent> transitions = Transitions(events);
        if (!trips) Assert.Empty(transitions);
        else Assert.Equal([Transition(Address.Zero, CircuitState.Closed, CircuitState.Open, TransitionReason.Tripped, cause, T(3) + Break, fall: fall, volatility: volatility, staleness: staleness)], transitions);
    }

    // A guardian reset while a metric is still hot: the next evaluation (a keeper's EvaluateBreakers, no price update)
    // trips again exactly when the metric is at or above the threshold; this is the path that decides a Closed breaker
    // with multiplications only.
    [Theory]
    [InlineData(2_001, false)]
    [InlineData(2_000, true)]
    [InlineData(1_999, true)]
    public void PriceFall_ReTripsAfterAResetWhileHot(ulong trip, bool trips)
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events, With(MarketBreaker(Quiet with { PriceFallBps = new(trip, 1UL) }, oracle: true)));
        market.SetPrice(B(3), Weth, 1600_0000_0000UL);
        if (trips) market.ResetBreaker(B(3), Address.Zero);
        events.Clear();
        market.EvaluateBreakers(B(4));
        if (!trips) Assert.Empty(Transitions(events));
        else Assert.Equal([Transition(Address.Zero, CircuitState.Closed, CircuitState.Open, TransitionReason.Tripped, BreakerMetric.PriceFall, T(4) + Break,
            fall: 2_000, volatility: 2_400_000_000_000_000UL, staleness: 36)], Transitions(events));
    }

    // After the 6e11 liquidation the collateral value is 5.5 WETH x $1 400 + 1 000 000 USDC = 1.0077e14: 59 bps still.
    [Theory]
    [InlineData(60, false)]
    [InlineData(59, true)]
    [InlineData(58, true)]
    public void LiquidationVelocity_ReTripsAfterAResetWhileHot(ulong trip, bool trips)
    {
        var events = new EventRecorder();
        Market market = Crashed(1400, MarketBreaker(Quiet with { LiquidationVelocityBps = new(trip, 1UL) }), events);
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        if (trips) market.ResetBreaker(B(4), Address.Zero);
        events.Clear();
        market.EvaluateBreakers(B(5));
        if (!trips) Assert.Empty(Transitions(events));
        else Assert.Equal([Transition(Address.Zero, CircuitState.Closed, CircuitState.Open, TransitionReason.Tripped, BreakerMetric.LiquidationVelocity, T(5) + Break, velocity: 59)],
            Transitions(events));
    }

    [Fact]
    public void Open_PausesLiquidations_ExceptBelowTheEmergencyFloor()
    {
        Market market = Crashed(1400, MarketBreaker(Quiet));
        market.TripBreaker(B(4), Address.Zero);
        AssertRevertsAtomically(market, LiquidationsPaused(Address.Zero, 1, T(4) + Break), () => market.Liquidate(B(5), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));

        market.SetPrice(B(5), Weth, 1000_0000_0000UL); // HF 0.6875 < 0.90: the emergency bypass
        Assert.Equal((UInt256)9_523_809_524UL, market.Liquidate(B(5), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }

    [Fact]
    public void Isolated_PausesUntilTheGuardianResets()
    {
        Market market = Crashed(1400, MarketBreaker(Quiet));
        market.IsolateBreaker(B(4), Address.Zero);
        AssertRevertsAtomically(market, LiquidationsPaused(Address.Zero, 3, Max256), () => market.Liquidate(At(T(4) + 1_000_000), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
        market.ResetBreaker(At(T(4) + 1_000_000), Address.Zero);
        Assert.Equal((UInt256)6_000_000_000UL, market.Liquidate(At(T(4) + 1_000_000), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid);
    }

    [Fact]
    public void OpenWithoutPause_ScalesTheThrottle_HalfOpenScalesItLess()
    {
        var options = new ProtectionOptions
        {
            Throttle = Throttle(400_000_000_000UL, 0UL, 1UL), // $4 000, no refill
            // The fall from $2 000 to $1 400 (3 000 bps) sits between reset and trip: HalfOpen stays HalfOpen.
            Breaker = Quiet with { PriceFallBps = new(5_000UL, 1_000UL), PauseLiquidationsWhileOpen = false, OpenThrottleCapacityScaleBps = 2_500, HalfOpenThrottleCapacityScaleBps = 5_000 },
            Oracle = new OracleGuardOptions(),
        };
        Market open = Crashed(1400, options);
        open.TripBreaker(B(4), Address.Zero);
        Assert.Equal((UInt256)1_000_000_000UL, open.Liquidate(B(5), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid); // 25%: $1 000

        var events = new EventRecorder();
        Market halfOpen = Crashed(1400, options, events);
        halfOpen.TripBreaker(B(4), Address.Zero);
        events.Clear();
        ulong later = T(4) + Break;
        Assert.Equal((UInt256)2_000_000_000UL, halfOpen.Liquidate(At(later), Keeper, Alice, Usdc, Weth, UInt256.MaxValue).DebtRepaid); // 50%: $2 000
        // Logged after the liquidation's own event; variance (1e18 - 0.94e18) x 0.09e18 / 1e18 from the 30% move; USDC priced 1 836 s ago.
        Assert.IsType<LiquidationCallEvent>(events.Events[0]);
        Assert.Equal(
            [Transition(Address.Zero, CircuitState.Open, CircuitState.HalfOpen, TransitionReason.BreakElapsed, BreakerMetric.None, 0, fall: 3_000, volatility: 5_400_000_000_000_000UL, staleness: 1_836)],
            Transitions(events));
        Assert.Equal(CircuitState.HalfOpen, halfOpen.GetBreakerState(Address.Zero).State);
    }

    [Fact]
    public void Open_PausesBorrows()
    {
        Market market = AliceBorrowing(options: With(MarketBreaker(Quiet)));
        market.TripBreaker(B(3), Address.Zero);
        AssertRevertsAtomically(market, BorrowsPaused(Address.Zero, 1, T(3) + Break), () => market.Borrow(B(4), Alice, Usdc, 1UL));
    }

    // Dynamic margin: Alice's capacity is 10 WETH x $2 000 x 80% = $16 000; at 80% it is $12 800 (1.28e12), with $12 000 owed.
    [Fact]
    public void Open_DynamicMarginTightensNewBorrowsOnly()
    {
        Market market = AliceBorrowing(options: With(MarketBreaker(Quiet with { PauseBorrowsWhileOpen = false, BorrowCapacityScaleBps = 8_000 })));
        AccountData before = market.GetAccountData(Alice);
        market.TripBreaker(B(3), Address.Zero);
        Assert.Equal(before, market.GetAccountData(Alice)); // thresholds, HF and the reported capacity are untouched

        AssertRevertsAtomically(market, ErrorHex("BorrowCapacityExceeded(address,uint256,uint256)", Alice, 1_280_000_000_000UL, 1_280_000_000_100UL),
            () => market.Borrow(B(4), Alice, Usdc, 800_000_001UL));
        market.Borrow(B(4), Alice, Usdc, 800_000_000UL);
        Assert.Equal((UInt256)1_280_000_000_000UL, market.GetAccountData(Alice).TotalDebtBase);
    }

    [Fact]
    public void Guardian_EmitsEachTransitionWithTheMetrics()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events, With(MarketBreaker(Quiet with { StalenessSeconds = new(600UL, 60UL) }, oracle: true)));
        market.TripBreaker(At(T(1) + 10), Address.Zero);
        market.TripBreaker(At(T(1) + 20), Address.Zero); // re-arm
        market.IsolateBreaker(At(T(1) + 30), Address.Zero);
        market.ResetBreaker(At(T(1) + 40), Address.Zero);
        Assert.Equal(
            [
                Transition(Address.Zero, CircuitState.Closed, CircuitState.Open, TransitionReason.GuardianTrip, BreakerMetric.None, T(1) + 10 + Break, staleness: 10),
                Transition(Address.Zero, CircuitState.Open, CircuitState.Open, TransitionReason.GuardianTrip, BreakerMetric.None, T(1) + 20 + Break, staleness: 20),
                Transition(Address.Zero, CircuitState.Open, CircuitState.Isolated, TransitionReason.GuardianIsolate, BreakerMetric.None, 0, staleness: 30),
                Transition(Address.Zero, CircuitState.Isolated, CircuitState.Closed, TransitionReason.GuardianReset, BreakerMetric.None, 0, staleness: 40),
            ], Transitions(events));
    }

    [Fact]
    public void Guardian_InvalidActionsRevertAtomically()
    {
        Market plain = ListedMarket();
        AssertRevertsAtomically(plain, NotConfigured(Address.Zero), () => plain.TripBreaker(B(2), Address.Zero));

        Market market = ListedMarket(options: With(MarketBreaker(Quiet)));
        AssertRevertsAtomically(market, NotConfigured(Weth), () => market.TripBreaker(B(2), Weth));
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Dai), () => market.TripBreaker(B(2), Dai));
        AssertRevertsAtomically(market, InvalidTransition(0, 0), () => market.ResetBreaker(B(2), Address.Zero));
        market.IsolateBreaker(B(2), Address.Zero);
        AssertRevertsAtomically(market, InvalidTransition(3, 3), () => market.IsolateBreaker(B(3), Address.Zero));
        AssertRevertsAtomically(market, InvalidTransition(3, 1), () => market.TripBreaker(B(3), Address.Zero));
        AssertRevertsAtomically(market, ErrorHex("BlockNumberDecreased(uint256,uint256)", 2, 1), () => market.ResetBreaker(B(1), Address.Zero));
    }
}
