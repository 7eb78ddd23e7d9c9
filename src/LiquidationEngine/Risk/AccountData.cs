using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>
/// An account's risk summary, in base-currency units (the market's price decimals) unless stated.
/// Computed by <see cref="AccountDataBuilder"/> (and <c>Market.GetAccountData</c>), formulas in spec/SPEC.md.
/// </summary>
/// <param name="TotalCollateralBase">Sum over assets used as collateral of floor(amount x price / 10^decimals).</param>
/// <param name="TotalDebtBase">Sum over debt assets of ceil(amount x price / 10^decimals).</param>
/// <param name="LtvWeightedCollateral">Sum of collateral value x LTV bps, exact (base units x bps).</param>
/// <param name="ThresholdWeightedCollateral">Sum of collateral value x LT bps, exact (base units x bps): the health factor's numerator.</param>
/// <param name="HealthFactor">floor(<paramref name="ThresholdWeightedCollateral"/> x 10^14 / <paramref name="TotalDebtBase"/>), WAD; <see cref="UInt256.MaxValue"/> without debt.</param>
public readonly record struct AccountData(
    UInt256 TotalCollateralBase,
    UInt256 TotalDebtBase,
    UInt256 LtvWeightedCollateral,
    UInt256 ThresholdWeightedCollateral,
    UInt256 HealthFactor)
{
    /// <summary>floor(<see cref="LtvWeightedCollateral"/> / 10 000): the most debt value new borrowing may reach, base units.</summary>
    public UInt256 BorrowCapacityBase => LtvWeightedCollateral / Bps.One;

    /// <summary>floor(<see cref="ThresholdWeightedCollateral"/> / <see cref="TotalCollateralBase"/>), bps; 0 without collateral.</summary>
    public uint AverageLiquidationThresholdBps =>
        TotalCollateralBase.IsZero ? 0 : (uint)(ulong)(ThresholdWeightedCollateral / TotalCollateralBase);

    /// <summary>True when the account can be liquidated: health factor below 1 (1e18).</summary>
    public bool IsLiquidatable => HealthFactor < WadRayMath.Wad;
}
