using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Running;

/// <summary>
/// Where bad debt goes, in base-currency units: the insurance fund first (funded at the start and by the protocol fees
/// of liquidations), then socialisation to suppliers. The engine's solvency waterfall (account collateral, insurance
/// fund, supply-index haircut) has not landed yet: until it does, <see cref="Socialise"/> is the hook and takes
/// nothing, and what the fund cannot cover stays as uncovered bad debt.
/// </summary>
internal sealed class SolvencyLedger(UInt256 initialFund)
{
    public UInt256 Fund { get; private set; } = initialFund;

    public UInt256 BadDebt { get; private set; }

    public UInt256 InsuranceUsed { get; private set; }

    public UInt256 SocialisedLoss { get; private set; }

    public void AddFee(UInt256 value) => Fund += value;

    public void Realise(UInt256 badDebt)
    {
        BadDebt += badDebt;
        UInt256 covered = UInt256.Min(Fund, badDebt);
        Fund -= covered;
        InsuranceUsed += covered;
        SocialisedLoss += Socialise(badDebt - covered);
    }

    // Hook for the engine's supply-index haircut (solvency issue): returns the part of the uncovered loss socialised.
    private static UInt256 Socialise(UInt256 uncovered)
    {
        _ = uncovered;
        return UInt256.Zero;
    }
}
