namespace LiquidationEngine.Profiles.MorphoBlue;

/// <summary>A borrower's position in a Morpho Blue market (<c>Position</c> in <c>IMorpho.sol</c>, uint128 fields).</summary>
public readonly struct MorphoBluePosition
{
    /// <summary><c>collateral</c>, in collateral-token units.</summary>
    public UInt128 Collateral { get; init; }

    /// <summary><c>borrowShares</c>: the borrower's share of <see cref="MorphoBlueMarket.TotalBorrowShares"/>.</summary>
    public UInt128 BorrowShares { get; init; }
}
