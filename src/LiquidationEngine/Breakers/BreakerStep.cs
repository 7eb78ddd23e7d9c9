namespace LiquidationEngine.Breakers;

/// <summary>
/// The outcome of one breaker evaluation: the new state and the transitions that led to it (at most two, e.g.
/// Open to HalfOpen when the break ended, then HalfOpen to Closed or back to Open). A value: computing it changes
/// nothing; <see cref="CircuitBreaker.Commit"/> applies it.
/// </summary>
public readonly struct BreakerStep
{
    private readonly BreakerTransition _first;
    private readonly BreakerTransition _second;

    internal BreakerStep(BreakerState state, int count, in BreakerTransition first, in BreakerTransition second)
    {
        State = state;
        Count = count;
        _first = first;
        _second = second;
    }

    /// <summary>The state after the step.</summary>
    public BreakerState State { get; }

    /// <summary>How many transitions happened (0, 1 or 2).</summary>
    public int Count { get; }

    /// <summary>The transitions in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public BreakerTransition this[int index] => (uint)index < (uint)Count
        ? (index == 0 ? _first : _second)
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"the step has {Count} transition(s)");

    /// <summary>Enumerates the transitions in order, without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Allocation-free enumerator over a step's transitions.</summary>
    public struct Enumerator
    {
        private readonly BreakerStep _step;
        private int _index;

        internal Enumerator(BreakerStep step)
        {
            _step = step;
            _index = -1;
        }

        /// <summary>The current transition.</summary>
        public readonly BreakerTransition Current => _step[_index];

        /// <summary>Advances to the next transition.</summary>
        public bool MoveNext() => ++_index < _step.Count;
    }
}
