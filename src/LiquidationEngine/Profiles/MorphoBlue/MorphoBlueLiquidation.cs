using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MorphoBlue;

/// <summary>What one Morpho Blue <c>liquidate</c> call moves, and the market and position it leaves.</summary>
public readonly struct MorphoBlueLiquidation
{
    /// <summary>Collateral sent to the liquidator, in collateral-token units.</summary>
    public UInt256 SeizedAssets { get; init; }

    /// <summary>Loan tokens the liquidator pays (rounded up; may exceed the market's borrow assets by 1).</summary>
    public UInt256 RepaidAssets { get; init; }

    /// <summary>Borrow shares burnt by the repayment.</summary>
    public UInt256 RepaidShares { get; init; }

    /// <summary>Bad debt realised (loan-token units) when the position is left without collateral; 0 otherwise.</summary>
    public UInt256 BadDebtAssets { get; init; }

    /// <summary>Borrow shares written off with the bad debt; 0 otherwise.</summary>
    public UInt256 BadDebtShares { get; init; }

    /// <summary>The market after the call: borrow totals reduced, supply reduced by any bad debt (socialised to suppliers).</summary>
    public MorphoBlueMarket Market { get; init; }

    /// <summary>The borrower's position after the call.</summary>
    public MorphoBluePosition Position { get; init; }
}
