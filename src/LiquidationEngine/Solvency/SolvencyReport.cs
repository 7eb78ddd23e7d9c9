using System.Numerics;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Solvency;

/// <summary>
/// One asset's books (token units), each term of the accounting identity (spec/SPEC.md section 6):
/// <c>Cash + TotalDebt + Shortfall = TotalSupply + InsuranceFund + Reserves + Surplus</c>, with at most one of
/// <see cref="Surplus"/> and <see cref="Shortfall"/> non-zero; and
/// <c>BadDebtRealized = InsuranceAbsorbed + BackstopAbsorbed + LossSocialized</c>.
/// </summary>
/// <param name="Asset">The asset.</param>
/// <param name="Cash">Tokens the market holds.</param>
/// <param name="TotalDebt">ceil(total scaled debt x borrow index / 10^27).</param>
/// <param name="TotalSupply">floor(total scaled supply x supply index / 10^27).</param>
/// <param name="InsuranceFund">The asset's insurance fund.</param>
/// <param name="Reserves">Protocol reserves.</param>
/// <param name="Surplus">Cash + debt above supply + fund + reserves: rounding dust kept by the protocol (each operation adds a bounded
/// amount, none removes any except <c>AccrueInterest</c> and a freeze's surplus charge) plus any interest spread the embedder's indexes created.</param>
/// <param name="Shortfall">The opposite: non-zero only when <c>AccrueInterest</c> raised total supply by more than total debt
/// (the embedder's rate model); no other operation can create it.</param>
/// <param name="BadDebtRealized">Total bad debt realised.</param>
/// <param name="InsuranceAbsorbed">Total absorbed by the fund.</param>
/// <param name="BackstopAbsorbed">Total paid in by backstops.</param>
/// <param name="LossSocialized">Total passed to suppliers.</param>
/// <param name="SupplyIndex">The supply index, RAY.</param>
/// <param name="InsuranceFloor">The fund's withdrawal floor.</param>
/// <param name="BackstopProvider">The backstop provider (zero: none).</param>
/// <param name="BackstopCapacity">What the backstop will still cover.</param>
public readonly record struct AssetSolvencyReport(
    Address Asset,
    UInt256 Cash,
    UInt256 TotalDebt,
    UInt256 TotalSupply,
    UInt256 InsuranceFund,
    UInt256 Reserves,
    UInt256 Surplus,
    UInt256 Shortfall,
    UInt256 BadDebtRealized,
    UInt256 InsuranceAbsorbed,
    UInt256 BackstopAbsorbed,
    UInt256 LossSocialized,
    UInt256 SupplyIndex,
    UInt256 InsuranceFloor,
    Address BackstopProvider,
    UInt256 BackstopCapacity)
{
    /// <summary>The report of one asset's state.</summary>
    /// <exception cref="EvmRevertException">Panic(0x11) when the surplus or shortfall does not fit 256 bits (not reachable through operations).</exception>
    public static AssetSolvencyReport Of(in AssetState asset)
    {
        AssetSolvency books = asset.Solvency;
        UInt256 debt = asset.TotalDebt, supply = asset.TotalSupply;
        // A view, not a hot path: the exact signed difference in BigInteger.
        BigInteger difference = (BigInteger)asset.Cash + (BigInteger)debt
            - (BigInteger)supply - (BigInteger)books.InsuranceFund - (BigInteger)asset.Reserves;
        return new AssetSolvencyReport(
            asset.Config.Asset, asset.Cash, debt, supply, books.InsuranceFund, asset.Reserves,
            Fit(BigInteger.Max(difference, BigInteger.Zero)), Fit(BigInteger.Max(-difference, BigInteger.Zero)),
            books.BadDebtRealized, books.InsuranceAbsorbed, books.BackstopAbsorbed, books.LossSocialized,
            asset.SupplyIndex, books.InsuranceFloor, books.BackstopProvider, books.BackstopCapacity);
    }

    private static UInt256 Fit(BigInteger value) =>
        UInt256.TryFromBigInteger(value, out UInt256 result) ? result : throw EvmRevertException.ForPanic(PanicCode.ArithmeticOverflow);
}
