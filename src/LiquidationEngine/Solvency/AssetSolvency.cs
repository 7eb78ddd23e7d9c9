using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Solvency;

/// <summary>
/// The solvency books of one asset (part of <see cref="Markets.AssetState"/>): its insurance fund, the backstop
/// committed to it, and the cumulative bad-debt waterfall totals an auditor reconciles (spec/SPEC.md section 6).
/// All amounts are token units of the asset. The default value is a fresh asset: empty fund, no floor, no
/// backstop, the whole protocol fee to the fund.
/// </summary>
/// <param name="InsuranceFund">Tokens ring-fenced for this asset's bad debt; part of the asset's cash (and lendable, like all cash).</param>
/// <param name="InsuranceFloor">Governance may withdraw only what is above this; bad debt may use all of the fund.</param>
/// <param name="FeeToReservesBps">Share of each liquidation's protocol fee (seized in this asset) kept as protocol reserves instead of
/// going to the fund, bps; 0 (the default) sends the whole fee to the fund.</param>
/// <param name="BackstopProvider">Who has committed backstop capital to this asset (zero address: no backstop).</param>
/// <param name="BackstopCapacity">How many more tokens the backstop will pay in to cover bad debt; decreases as it absorbs.</param>
/// <param name="BadDebtRealized">Total bad debt realised in this asset.</param>
/// <param name="InsuranceAbsorbed">Total absorbed by the fund.</param>
/// <param name="BackstopAbsorbed">Total paid in by backstops.</param>
/// <param name="LossSocialized">Total uncovered loss passed to suppliers (through the supply index, or by freezing the asset).
/// <paramref name="BadDebtRealized"/> = <paramref name="InsuranceAbsorbed"/> + <paramref name="BackstopAbsorbed"/> + <paramref name="LossSocialized"/>, always.</param>
public readonly record struct AssetSolvency(
    UInt256 InsuranceFund,
    UInt256 InsuranceFloor,
    uint FeeToReservesBps,
    Address BackstopProvider,
    UInt256 BackstopCapacity,
    UInt256 BadDebtRealized,
    UInt256 InsuranceAbsorbed,
    UInt256 BackstopAbsorbed,
    UInt256 LossSocialized)
{
    /// <summary>What governance may withdraw now: the fund above the floor (0 when the fund is at or below it).</summary>
    public UInt256 WithdrawableInsurance => InsuranceFund > InsuranceFloor ? InsuranceFund - InsuranceFloor : UInt256.Zero;

    /// <summary>True when nothing is set or recorded (such assets add no words to the state encoding).</summary>
    public bool IsDefault => this == default;
}
