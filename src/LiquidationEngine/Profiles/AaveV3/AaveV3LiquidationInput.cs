using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.AaveV3;

/// <summary>
/// The inputs of one Aave V3 <c>liquidationCall</c> quote for a (collateral, debt) asset pair, as
/// <c>LiquidationLogic.executeLiquidationCall</c> reads them after the reserves' state update.
/// </summary>
public readonly struct AaveV3LiquidationInput
{
    /// <summary>The user's health factor, WAD (<see cref="AaveV3AccountData.HealthFactor"/>).</summary>
    public UInt256 HealthFactor { get; init; }

    /// <summary>The user's total debt (stable + variable) in the debt asset, in debt-token units.</summary>
    public UInt256 UserTotalDebt { get; init; }

    /// <summary>The amount of debt the liquidator offers to repay, in debt-token units (<c>type(uint256).max</c> for "as much as possible").</summary>
    public UInt256 DebtToCover { get; init; }

    /// <summary>The user's aToken balance of the collateral asset, in collateral-token units.</summary>
    public UInt256 CollateralBalance { get; init; }

    /// <summary>Oracle price of one whole collateral token in the base currency.</summary>
    public UInt256 CollateralPrice { get; init; }

    /// <summary>The collateral token's decimals (8 bits in Aave).</summary>
    public byte CollateralDecimals { get; init; }

    /// <summary>Oracle price of one whole debt token in the base currency.</summary>
    public UInt256 DebtPrice { get; init; }

    /// <summary>The debt token's decimals (8 bits in Aave).</summary>
    public byte DebtDecimals { get; init; }

    /// <summary>The collateral's liquidation bonus in basis points, principal included (10500 = 5% bonus).</summary>
    public ushort LiquidationBonusBps { get; init; }

    /// <summary>The collateral's liquidation protocol fee in basis points of the bonus (0 = none).</summary>
    public ushort ProtocolFeeBps { get; init; }
}
