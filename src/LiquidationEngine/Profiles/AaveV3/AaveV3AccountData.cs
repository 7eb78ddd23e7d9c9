using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.AaveV3;

/// <summary>The six values <c>GenericLogic.calculateUserAccountData</c> returns, in its order.</summary>
public readonly struct AaveV3AccountData
{
    /// <summary>Sum of the counted collaterals' values, in base currency (each floor(balance x price / unit)).</summary>
    public UInt256 TotalCollateralBase { get; init; }

    /// <summary>Sum of the debts' values, in base currency (each floor(price x debt / unit)).</summary>
    public UInt256 TotalDebtBase { get; init; }

    /// <summary>Collateral-weighted average LTV in basis points (floor; 0 without collateral).</summary>
    public UInt256 AvgLtvBps { get; init; }

    /// <summary>Collateral-weighted average liquidation threshold in basis points (floor; 0 without collateral).</summary>
    public UInt256 AvgLiquidationThresholdBps { get; init; }

    /// <summary>
    /// The health factor, WAD (1e18 = 1.0): <c>percentMul(TotalCollateralBase, AvgLiquidationThresholdBps).wadDiv(TotalDebtBase)</c>,
    /// or <c>2^256 - 1</c> without debt. Liquidatable below 1e18.
    /// </summary>
    public UInt256 HealthFactor { get; init; }

    /// <summary>True when a counted collateral has LTV 0 (Aave then restricts withdrawals and transfers).</summary>
    public bool HasZeroLtvCollateral { get; init; }
}
