using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Simulation.Running;

/// <summary>
/// The keeper's view of the liquidatable accounts: worst health factor first (ties by index), each with its largest
/// liquidation quote cached. A price change rescans every account with the scanner's fast path; otherwise only the
/// accounts changed since the last update (liquidated) can move in or out, and only their entries are
/// recomputed. Health factors and quotes depend on nothing else (not on the pool, not on gas), so the cache is exact.
/// </summary>
internal sealed class LiquidatableSet
{
    private readonly SimulationWorld _world;
    private readonly int[] _order;
    private readonly bool[] _listed;
    private readonly UInt256[] _healthFactors;   // by account, while listed
    private readonly LiquidationQuote[] _quotes; // by account, while _quoted
    private readonly bool[] _quoted;
    private readonly WorstFirst _worstFirst;
    private BookChanges.Cursor _cursor;

    public LiquidatableSet(SimulationWorld world)
    {
        _world = world;
        int n = world.Positions.Length;
        _order = new int[n];
        _listed = new bool[n];
        _healthFactors = new UInt256[n];
        _quotes = new LiquidationQuote[n];
        _quoted = new bool[n];
        _worstFirst = new WorstFirst(_healthFactors);
    }

    public int Count { get; private set; }

    public int this[int index] => _order[index];

    public UInt256 HealthFactor(int account) => _healthFactors[account];

    /// <summary>The largest liquidation of the account now (the engine's <c>GetMaxLiquidation</c>, from the book).</summary>
    public LiquidationQuote MaxQuote(int account)
    {
        if (!_quoted[account])
        {
            _quotes[account] = LiquidationMath.Quote(_world.LiquidationInputsFor(account, UInt256.MaxValue), _world.Scenario.Market.Options);
            _quoted[account] = true;
        }
        return _quotes[account];
    }

    public void Update()
    {
        if (_cursor.NeedsFullScan(_world.Changes))
        {
            Array.Clear(_listed);
            Array.Clear(_quoted);
            ReadOnlySpan<int> found = _world.Scanner.Scan(WadRayMath.Wad);
            ReadOnlySpan<UInt256> healthFactors = _world.Scanner.LastHealthFactors;
            found.CopyTo(_order);
            Count = found.Length;
            for (int i = 0; i < found.Length; i++)
            {
                _listed[found[i]] = true;
                _healthFactors[found[i]] = healthFactors[i];
            }
        }
        else
        {
            ReadOnlySpan<int> changed = _cursor.TakeChanged(_world.Changes);
            if (changed.IsEmpty)
                return;
            foreach (int account in changed)
            {
                _listed[account] = false; // re-decided below
                _quoted[account] = false;
            }
            int kept = 0;
            for (int i = 0; i < Count; i++)
            {
                if (_listed[_order[i]])
                    _order[kept++] = _order[i];
            }
            foreach (int account in changed)
            {
                UInt256 healthFactor = _world.Scanner.HealthFactor(account);
                if (!_listed[account] && healthFactor < WadRayMath.Wad)
                {
                    _listed[account] = true;
                    _healthFactors[account] = healthFactor;
                    _order[kept++] = account;
                }
            }
            Count = kept;
        }
        Array.Sort(_order, 0, Count, _worstFirst);
    }

    private sealed class WorstFirst(UInt256[] healthFactors) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int byHealth = healthFactors[x].CompareTo(healthFactors[y]);
            return byHealth != 0 ? byHealth : x.CompareTo(y);
        }
    }
}
