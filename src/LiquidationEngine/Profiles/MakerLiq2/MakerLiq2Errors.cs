namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>The <c>Error(string)</c> reasons of MakerDAO dss <c>Dog</c> and <c>Clipper</c> that the profile reproduces.</summary>
public static class MakerLiq2Errors
{
    /// <summary><c>bark</c>: the vault is safe (or <c>spot == 0</c>).</summary>
    public const string NotUnsafe = "Dog/not-unsafe";

    /// <summary><c>bark</c>: <c>Dirt &gt;= Hole</c> or <c>ilk.dirt &gt;= ilk.hole</c>.</summary>
    public const string LiquidationLimitHit = "Dog/liquidation-limit-hit";

    /// <summary><c>bark</c>: a partial liquidation whose auction would be below <c>dust</c>.</summary>
    public const string DustyAuctionFromPartialLiquidation = "Dog/dusty-auction-from-partial-liquidation";

    /// <summary><c>bark</c>: no collateral would be auctioned (<c>dink == 0</c>).</summary>
    public const string NullAuction = "Dog/null-auction";

    /// <summary><c>bark</c>: <c>dart</c> or <c>dink</c> above 2^255 (they are negated as int256).</summary>
    public const string Overflow = "Dog/overflow";

    /// <summary><c>kick</c>: the auction would raise nothing (<c>tab == 0</c>).</summary>
    public const string ZeroTab = "Clipper/zero-tab";

    /// <summary><c>take</c>: the auction has expired (<c>tail</c>) or fallen too far (<c>cusp</c>) and must be redone.</summary>
    public const string NeedsReset = "Clipper/needs-reset";

    /// <summary><c>take</c>: the current price is above the buyer's <c>max</c>.</summary>
    public const string TooExpensive = "Clipper/too-expensive";

    /// <summary><c>take</c>: a partial purchase would leave less than <c>chost</c> and <c>tab &lt;= chost</c>.</summary>
    public const string NoPartialPurchase = "Clipper/no-partial-purchase";
}
