using LiquidationEngine.Accounts;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Solvency;

namespace LiquidationEngine.Markets;

/// <summary>
/// The state of one listed asset. The books of the asset satisfy
/// cash + <see cref="TotalDebt"/> = <see cref="TotalSupply"/> + insurance fund + reserves + rounding surplus
/// (spec/SPEC.md section 6; <c>Market.GetSolvencyReport</c> shows each term).
/// </summary>
/// <param name="Config">Address, decimals and risk parameters.</param>
/// <param name="Price">Base-currency units (market price decimals) per whole token; never 0.</param>
/// <param name="SupplyIndex">Supply index, RAY (starts at 10^27, never decreases through <c>AccrueInterest</c>).</param>
/// <param name="BorrowIndex">Borrow index, RAY (starts at 10^27, never decreases).</param>
/// <param name="TotalScaledSupply">Sum of the accounts' scaled supplies.</param>
/// <param name="TotalScaledDebt">Sum of the accounts' scaled debts.</param>
/// <param name="Cash">Tokens the market holds, token units.</param>
/// <param name="Reserves">Protocol reserves, token units (the share of liquidation protocol fees that
/// <see cref="AssetSolvency.FeeToReservesBps"/> keeps out of the insurance fund).</param>
/// <param name="Solvency">Insurance fund, backstop and bad-debt totals (spec/SPEC.md section 6).</param>
public readonly record struct AssetState(
    AssetConfig Config,
    UInt256 Price,
    UInt256 SupplyIndex,
    UInt256 BorrowIndex,
    UInt256 TotalScaledSupply,
    UInt256 TotalScaledDebt,
    UInt256 Cash,
    UInt256 Reserves,
    AssetSolvency Solvency = default)
{
    /// <summary>Total supply in token units: floor(<see cref="TotalScaledSupply"/> x <see cref="SupplyIndex"/> / 10^27).</summary>
    public UInt256 TotalSupply => ScaledMath.SupplyBalance(TotalScaledSupply, SupplyIndex);

    /// <summary>Total debt in token units: ceil(<see cref="TotalScaledDebt"/> x <see cref="BorrowIndex"/> / 10^27).</summary>
    public UInt256 TotalDebt => ScaledMath.DebtBalance(TotalScaledDebt, BorrowIndex);
}
