using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MorphoBlue;

/// <summary>The outcome of Morpho Blue's health check, with the two amounts it compares (loan-token units).</summary>
public readonly struct MorphoBlueHealth
{
    /// <summary><c>maxBorrow &gt;= borrowed</c>: true means the position cannot be liquidated.</summary>
    public bool IsHealthy { get; init; }

    /// <summary>The debt, <c>borrowShares.toAssetsUp(totalBorrowAssets, totalBorrowShares)</c> (rounded up).</summary>
    public UInt256 Borrowed { get; init; }

    /// <summary>The borrowing capacity, <c>collateral.mulDivDown(price, 1e36).wMulDown(lltv)</c> (rounded down).</summary>
    public UInt256 MaxBorrow { get; init; }
}
