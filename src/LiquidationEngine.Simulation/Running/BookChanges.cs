namespace LiquidationEngine.Simulation.Running;

/// <summary>
/// What changed in the keeper's book since a reader last looked: a price change invalidates every health factor
/// (readers rescan everything), otherwise only the accounts listed since then (liquidated) need
/// another look. Each reader keeps its own <see cref="Cursor"/>.
/// </summary>
internal sealed class BookChanges
{
    private readonly List<int> _accounts = [];

    /// <summary>Bumped by every price change.</summary>
    public long PriceVersion { get; private set; }

    /// <summary>Accounts changed since the last price change (repeats possible), in order.</summary>
    public IReadOnlyList<int> Accounts => _accounts;

    public void PriceChanged()
    {
        PriceVersion++;
        _accounts.Clear();
    }

    public void AccountChanged(int account) => _accounts.Add(account);

    /// <summary>A reader's position: the price version and how many account changes it has seen.</summary>
    public struct Cursor
    {
        private long _priceVersion;
        private int _seen;

        /// <summary>True (and the cursor moved to now) when the reader must rescan everything.</summary>
        public bool NeedsFullScan(BookChanges changes)
        {
            bool full = _priceVersion != changes.PriceVersion;
            _priceVersion = changes.PriceVersion;
            if (full)
                _seen = changes._accounts.Count;
            return full;
        }

        /// <summary>The accounts changed since the last call (after <see cref="NeedsFullScan"/> returned false).</summary>
        public ReadOnlySpan<int> TakeChanged(BookChanges changes)
        {
            var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(changes._accounts);
            ReadOnlySpan<int> fresh = all[_seen..];
            _seen = all.Length;
            return fresh;
        }
    }
}
