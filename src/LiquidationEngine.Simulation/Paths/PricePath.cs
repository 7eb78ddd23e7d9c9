using System.Collections.Immutable;

namespace LiquidationEngine.Simulation.Paths;

/// <summary>The external reference price of one collateral asset at every block, base-currency units (8 decimals).</summary>
public sealed class PricePath
{
    private readonly ImmutableArray<ulong> _prices;

    /// <summary>Wraps per-block prices (block 0 first); every price positive.</summary>
    /// <exception cref="ArgumentException">Empty, or a price is 0.</exception>
    public PricePath(ImmutableArray<ulong> prices)
    {
        if (prices.IsDefaultOrEmpty)
            throw new ArgumentException("a price path needs at least one block", nameof(prices));
        if (prices.Contains(0UL))
            throw new ArgumentException("prices must be positive", nameof(prices));
        _prices = prices;
    }

    /// <summary>Number of blocks covered.</summary>
    public int Length => _prices.Length;

    /// <summary>The price at <paramref name="block"/>; the last price after the end.</summary>
    public ulong this[int block] => _prices[Math.Min(block, _prices.Length - 1)];

    /// <summary>The prices, block 0 first.</summary>
    public ImmutableArray<ulong> Prices => _prices;
}
