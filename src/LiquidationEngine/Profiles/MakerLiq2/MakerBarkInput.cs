using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>The state <c>Dog.bark(ilk, urn, kpr)</c> reads: the vault, the ilk, the liquidation limits, the clipper's incentives.</summary>
public readonly struct MakerBarkInput
{
    /// <summary>Vault collateral <c>urn.ink</c>, WAD.</summary>
    public UInt256 Ink { get; init; }

    /// <summary>Vault normalised debt <c>urn.art</c>, WAD.</summary>
    public UInt256 Art { get; init; }

    /// <summary>Ilk accumulated rate <c>vat.ilks(ilk).rate</c>, RAY.</summary>
    public UInt256 Rate { get; init; }

    /// <summary>Ilk price with safety margin <c>vat.ilks(ilk).spot</c>, RAY.</summary>
    public UInt256 Spot { get; init; }

    /// <summary>Ilk debt floor <c>vat.ilks(ilk).dust</c>, RAD (1e45).</summary>
    public UInt256 Dust { get; init; }

    /// <summary>Liquidation penalty <c>dog.ilks(ilk).chop</c>, WAD (1.13e18 = 13%).</summary>
    public UInt256 Chop { get; init; }

    /// <summary>Global limit on DAI needed by active auctions, <c>dog.Hole</c>, RAD.</summary>
    public UInt256 GlobalHole { get; init; }

    /// <summary>DAI needed by active auctions, <c>dog.Dirt</c>, RAD.</summary>
    public UInt256 GlobalDirt { get; init; }

    /// <summary>Per-ilk limit <c>dog.ilks(ilk).hole</c>, RAD.</summary>
    public UInt256 IlkHole { get; init; }

    /// <summary>Per-ilk amount in auctions <c>dog.ilks(ilk).dirt</c>, RAD.</summary>
    public UInt256 IlkDirt { get; init; }

    /// <summary>Flat keeper reward <c>clip.tip</c>, RAD (uint192 on chain).</summary>
    public UInt256 Tip { get; init; }

    /// <summary>Proportional keeper reward <c>clip.chip</c>, WAD fraction of the tab (uint64 on chain).</summary>
    public UInt256 Chip { get; init; }
}
