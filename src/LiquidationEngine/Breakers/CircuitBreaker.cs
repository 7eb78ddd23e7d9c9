namespace LiquidationEngine.Breakers;

/// <summary>
/// A circuit breaker for one scope (the whole market or one asset): Closed, Open, HalfOpen and Isolated as in
/// Polly v8, driven by the metric values the embedder passes in (<see cref="BreakerMetrics"/>) and by time.
/// </summary>
/// <remarks>
/// <para>Every method that decides is pure and returns a <see cref="BreakerStep"/> (the new state and each
/// transition, with the metric values that caused it); <see cref="Commit"/> applies one. So an operation can
/// evaluate, check, and only commit once it can no longer revert: a revert changes nothing.</para>
/// <para>Rules (spec/SPEC.md section 7 has the full table): Closed or HalfOpen trips to Open when any enabled metric is at
/// or above its trip threshold, or a price update breaches the jump tolerance; Open becomes HalfOpen when
/// <see cref="CircuitBreakerOptions.BreakDurationSeconds"/> has passed; HalfOpen becomes Closed when every enabled
/// metric is below its reset threshold; Isolated moves only by the guardian. The break is not extended by metrics
/// that stay high while Open: they re-trip it from HalfOpen.</para>
/// <para>Timestamps must not decrease: one before the last transition reverts with <c>Panic(0x11)</c>.</para>
/// </remarks>
public sealed class CircuitBreaker
{
    /// <summary>Creates a Closed breaker.</summary>
    /// <exception cref="Evm.EvmRevertException"><c>InvalidBreakerParameter(field, value)</c>.</exception>
    public CircuitBreaker(CircuitBreakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The validated settings.</summary>
    public CircuitBreakerOptions Options { get; }

    /// <summary>The mutable state (for snapshots and the state hash).</summary>
    public BreakerState State { get; private set; }

    /// <summary>Replaces the state (restoring a snapshot).</summary>
    public void Restore(BreakerState state) => State = state;

    /// <summary>Applies a step computed from the current state.</summary>
    public void Commit(in BreakerStep step) => State = step.State;

    /// <summary>Automatic evaluation at <paramref name="timestamp"/> from the current state. Pure.</summary>
    /// <exception cref="Evm.EvmRevertException"><c>Panic(0x11)</c>: the timestamp is before the last transition.</exception>
    public BreakerStep Evaluate(ulong timestamp, in BreakerMetrics metrics) => BreakerMachine.Step(Options, State, timestamp, metrics);

    /// <summary>Automatic evaluation from a given state (to chain steps within one operation). Pure.</summary>
    /// <exception cref="Evm.EvmRevertException"><c>Panic(0x11)</c>: the timestamp is before the state's last transition.</exception>
    public BreakerStep Evaluate(in BreakerState from, ulong timestamp, in BreakerMetrics metrics) => BreakerMachine.Step(Options, from, timestamp, metrics);

    /// <summary>Guardian: trip to Open for a break duration (from any state but Isolated; re-arms an Open break). Pure.</summary>
    /// <exception cref="Evm.EvmRevertException"><c>InvalidBreakerTransition(from, to)</c> from Isolated; <c>Panic(0x11)</c> for an earlier timestamp.</exception>
    public BreakerStep Trip(ulong timestamp, in BreakerMetrics metrics) =>
        BreakerMachine.Guardian(Options, State, timestamp, metrics, TransitionReason.GuardianTrip);

    /// <summary>Guardian: hold open until reset (from any state but Isolated). Pure.</summary>
    /// <exception cref="Evm.EvmRevertException"><c>InvalidBreakerTransition(from, to)</c> when Isolated already; <c>Panic(0x11)</c> for an earlier timestamp.</exception>
    public BreakerStep Isolate(ulong timestamp, in BreakerMetrics metrics) =>
        BreakerMachine.Guardian(Options, State, timestamp, metrics, TransitionReason.GuardianIsolate);

    /// <summary>Guardian: back to Closed (from any state but Closed). Metrics still at a trip threshold trip it again at the next evaluation. Pure.</summary>
    /// <exception cref="Evm.EvmRevertException"><c>InvalidBreakerTransition(from, to)</c> when Closed already; <c>Panic(0x11)</c> for an earlier timestamp.</exception>
    public BreakerStep Reset(ulong timestamp, in BreakerMetrics metrics) =>
        BreakerMachine.Guardian(Options, State, timestamp, metrics, TransitionReason.GuardianReset);

    /// <summary>The metrics at or above their trip thresholds (and PriceJump), whatever the state.</summary>
    public BreakerMetric TrippedBy(in BreakerMetrics metrics) => BreakerMachine.TrippedBy(Options, metrics);

    /// <summary>True when every enabled metric is below its reset threshold.</summary>
    public bool IsCalm(in BreakerMetrics metrics) => BreakerMachine.IsCalm(Options, metrics);

    /// <summary>The effects of a state under these options.</summary>
    public BreakerEffects EffectsOf(CircuitState state) => state switch
    {
        CircuitState.Closed => BreakerEffects.None,
        CircuitState.HalfOpen => new(false, Options.HalfOpenThrottleCapacityScaleBps, false, Options.BorrowCapacityScaleBps),
        _ => new(Options.PauseLiquidationsWhileOpen, Options.OpenThrottleCapacityScaleBps, Options.PauseBorrowsWhileOpen, Options.BorrowCapacityScaleBps),
    };
}
