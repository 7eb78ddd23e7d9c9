using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.AaveV3;

/// <summary>The amounts an Aave V3 <c>liquidationCall</c> would move, all in token units.</summary>
public readonly struct AaveV3LiquidationQuote
{
    /// <summary><c>min(DebtToCover, percentMul(UserTotalDebt, closeFactor))</c>: the debt offered after the close factor.</summary>
    public UInt256 ActualDebtToLiquidate { get; init; }

    /// <summary>Collateral the liquidator receives (seized collateral minus the protocol fee), in collateral-token units.</summary>
    public UInt256 CollateralToLiquidator { get; init; }

    /// <summary>
    /// Debt the liquidator actually repays, in debt-token units: <see cref="ActualDebtToLiquidate"/>, or less when the
    /// user's collateral balance caps the seizure.
    /// </summary>
    public UInt256 DebtAmountNeeded { get; init; }

    /// <summary>Collateral sent to the treasury as the liquidation protocol fee, in collateral-token units.</summary>
    public UInt256 ProtocolFee { get; init; }

    /// <summary>Total collateral leaving the user: <see cref="CollateralToLiquidator"/> + <see cref="ProtocolFee"/>.</summary>
    public UInt256 CollateralSeized => CollateralToLiquidator + ProtocolFee;
}
