namespace LiquidationEngine.Audit.Invariants;

/// <summary>The catalogue of spec/INVARIANTS.md, in ID order; fresh instances per run (some keep history).</summary>
public static class InvariantCatalogue
{
    /// <summary>A new instance of every invariant.</summary>
    public static IReadOnlyList<Invariant> Create() =>
    [
        new ModelAgreement(), new AccountingIdentity(), new LossWaterfall(), new LiquidationEligibility(), new SeizeBound(),
        new CloseFactorLimit(), new NoRoundingPayout(), new HealingDirection(), new HealingFloor(), new ThrottleBound(),
        new BreakerPause(), new BreakerLiveness(), new Atomicity(), new Determinism(), new NoValueFromNothing(),
    ];
}
