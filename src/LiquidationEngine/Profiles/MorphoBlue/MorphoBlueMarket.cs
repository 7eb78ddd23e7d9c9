namespace LiquidationEngine.Profiles.MorphoBlue;

/// <summary>
/// The totals of a Morpho Blue market that liquidation reads and writes (<c>Market</c> in <c>IMorpho.sol</c>, uint128
/// fields), after interest accrual. Amounts are in loan-token units; shares are Morpho's borrow shares.
/// </summary>
public readonly struct MorphoBlueMarket
{
    /// <summary><c>totalSupplyAssets</c>: loan tokens supplied, interest included.</summary>
    public UInt128 TotalSupplyAssets { get; init; }

    /// <summary><c>totalBorrowAssets</c>: loan tokens borrowed, interest included.</summary>
    public UInt128 TotalBorrowAssets { get; init; }

    /// <summary><c>totalBorrowShares</c>: borrow shares outstanding.</summary>
    public UInt128 TotalBorrowShares { get; init; }
}
