using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.AaveV3;

/// <summary>
/// One reserve of a user as Aave V3's <c>GenericLogic.calculateUserAccountData</c> sees it (v3.0, no eMode): balances
/// already normalised by the reserve indexes, the oracle price and the reserve configuration.
/// </summary>
public readonly struct AaveV3Reserve
{
    /// <summary>The user's aToken balance (<c>scaledBalance.rayMul(normalizedIncome)</c>), in token units (10^<see cref="Decimals"/>).</summary>
    public UInt256 CollateralBalance { get; init; }

    /// <summary>The user's total debt (variable <c>scaledBalance.rayMul(normalizedDebt)</c> plus stable), in token units.</summary>
    public UInt256 DebtBalance { get; init; }

    /// <summary>The oracle price of one whole token in the base currency (e.g. USD with 8 decimals).</summary>
    public UInt256 Price { get; init; }

    /// <summary>The token's decimals (Aave stores 8 bits); the token unit is <c>10^Decimals</c>.</summary>
    public byte Decimals { get; init; }

    /// <summary>Loan-to-value in basis points (10000 = 100%).</summary>
    public ushort LtvBps { get; init; }

    /// <summary>Liquidation threshold in basis points; 0 means the asset is not a collateral at all.</summary>
    public ushort LiquidationThresholdBps { get; init; }

    /// <summary>Whether the user has enabled the reserve as collateral (<c>userConfig.isUsingAsCollateral</c>).</summary>
    public bool UsedAsCollateral { get; init; }
}
