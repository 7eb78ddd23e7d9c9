using System.Collections.Immutable;
using System.Numerics;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Invariants;
using LiquidationEngine.Audit.Running;
using LiquidationEngine.Audit.Scripts;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.FixedPoint;
using Xunit;

namespace LiquidationEngine.Tests.Invariants;

/// <summary>
/// Every checker of the catalogue can fail: a real script runs, the checker sees a deliberately corrupted step (a
/// broken model, a forged engine outcome, a state hash that moved) and must report its own ID.
/// </summary>
public class InvariantCheckerTests
{
    // A borrower that a price move makes liquidatable, then a liquidation (conservative config: no protection).
    private static readonly ImmutableArray<ScriptOp> Liquidation =
    [
        new("supply", 1, Asset: "USDC", Amount: "100000000000"),
        new("supply", 2, Asset: "WETH", Amount: "10000000000000000000"),
        new("borrow", 2, Asset: "USDC", Amount: "15000000000"),
        new("setPrice", Asset: "WETH", Price: "185000000000"), // HF = 18500 x 0.8 / 15000 = 0.987
        new("liquidate", 2, 4, "USDC", "WETH", "1000000000"),
        new("withdraw", 2, Asset: "WETH", Amount: "max"),
    ];

    private static AuditConfig Plain => AuditKit.Conservative with { Options = AuditKit.Conservative.Options with { Protection = null } };

    [Fact]
    public void TheUntouchedScriptHoldsEveryInvariant()
    {
        CaseResult result = CaseRunner.Run(Plain, Liquidation);
        Assert.Null(result.Violation);
        Assert.Equal(1, result.Applied[4]); // INV-05 saw the liquidation
    }

    [Fact]
    public void ModelAgreementFailsWhenTheModelsCashDiffers() =>
        Expect("INV-01", new ModelAgreement(), s => s.Op.Op == "supply", s => s.ModelAfter.Assets[1].Cash += 1, "Cash");

    [Fact]
    public void ModelAgreementFailsWhenAnAccountsScaledDebtDiffers() =>
        Expect("INV-01", new ModelAgreement(), s => s.Op.Op == "borrow", s => s.ModelAfter.Accounts[2].Debt[1] -= 1, "scaledDebt");

    [Fact]
    public void AccountingIdentityFailsWhenSurplusWouldBeNegative() =>
        Expect("INV-02", new AccountingIdentity(), s => s.Op.Op == "supply", s => s.ModelAfter.Assets[1].Reserves += 1, "surplus");

    [Fact]
    public void AccountingIdentityFailsWhenUMovesBeyondItsRow() =>
        Expect("INV-02", new AccountingIdentity(), s => s.Op.Op == "borrow", s => s.ModelBefore.Assets[1].Cash -= 10, "U moved by 10");

    [Fact]
    public void LossWaterfallFailsWhenARealisationMovesAnotherAssetsSupplyIndex()
    {
        // Account 2 owes USDC only; after a crash to 1 its WETH is worth nothing: the liquidation realises bad debt.
        ImmutableArray<ScriptOp> crash = [.. Liquidation[..3], new ScriptOp("setPrice", Asset: "WETH", Price: "1"), new ScriptOp("liquidate", 2, 4, "USDC", "WETH", "max")];
        Assert.Null(CaseRunner.Run(Plain, crash).Violation);
        Expect("INV-03", new LossWaterfall(), s => s.Op.Op == "liquidate", s => s.ModelBefore.Assets[2].SupplyIndex += 1, "supply index moved", crash);
    }

    [Fact]
    public void EligibilityFailsWhenTheAccountWasHealthy() =>
        Expect("INV-04", new LiquidationEligibility(), s => s.Op.Op == "liquidate", s => s.ModelBefore.Assets[0].Price *= 2, "liquidated at HF");

    [Fact]
    public void SeizeBoundFailsWhenTheFormulaDisagrees() =>
        Expect("INV-05", new SeizeBound(), s => s.Op.Op == "liquidate", s => s.ModelSeize = (s.ModelSeize.Seized + 1, s.ModelSeize.Fee), "SPEC 4.5 gives");

    [Fact]
    public void SeizeBoundFailsWhenMoreThanTheBonusIsSeized() =>
        Expect("INV-05", new SeizeBound(), s => s.Op.Op == "liquidate",
            s => s.Liquidation = s.Liquidation!.Value with { CollateralSeized = s.Liquidation.Value.CollateralSeized * 2UL }, "is worth more than");

    [Fact]
    public void CloseFactorFailsWhenMoreThanAllowedIsRepaid() =>
        Expect("INV-06", new CloseFactorLimit(), s => s.Op.Op == "liquidate",
            s => s.Liquidation = s.Liquidation!.Value with { DebtRepaid = UInt256.Parse("15000000000") }, "above the limit");

    [Fact]
    public void CloseFactorFailsWhenLessThanAskedIsRepaidWithoutAThrottle() =>
        Expect("INV-06", new CloseFactorLimit(), s => s.Op.Op == "liquidate",
            s => s.Liquidation = s.Liquidation!.Value with { DebtRepaid = s.Liquidation.Value.DebtRepaid - UInt256.One }, "SPEC 4.5 steps 2-6 give 1000000000");

    [Fact]
    public void NoRoundingPayoutFailsWhenTheLiquidatorGetsMoreThanSeized() =>
        Expect("INV-07", new NoRoundingPayout(), s => s.Op.Op == "liquidate",
            s => s.Liquidation = s.Liquidation!.Value with { CollateralToLiquidator = s.Liquidation.Value.CollateralSeized + UInt256.One }, "liquidator got");

    [Fact]
    public void HealingDirectionFailsWhenAHealingLiquidationLowersTheHealthFactor() =>
        // HF 0.987 > k = 0.8 x 1.05: the liquidation must heal; a model that lost 1 WETH more says it did not.
        Expect("INV-08", new HealingDirection(), s => s.Op.Op == "liquidate", s => s.ModelAfter.Accounts[2].Supply[0] -= BigInteger.Pow(10, 18), "but fell to");

    [Fact]
    public void HealingFloorFailsOnTheAggressiveCounterexample()
    {
        AuditScript script = AuditKit.Counterexample;
        CaseResult result = CaseRunner.Run(script.Config, script.Ops, () => [new HealingFloor()]);
        Assert.Equal("INV-09", result.Violation?.Id);
        Assert.Contains("lowered it to", result.Violation!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrottleBoundFailsWhenMoreThanTheCapacityGoesThrough() =>
        Expect("INV-10", new ThrottleBound(), s => s.Op.Op == "liquidate",
            s => s.Liquidation = s.Liquidation!.Value with { DebtRepaid = UInt256.Parse("2000000000000") }, "exceeds C + r t", config: AuditKit.Conservative);

    [Fact]
    public void BreakerPauseFailsWhenALiquidationPassesAnOpenBreaker() =>
        Expect("INV-11", new BreakerPause(), s => s.Op.Op == "liquidate",
            s => s.BreakerBefore = new BreakerState(CircuitState.Open, 0, ulong.MaxValue), "while the market breaker was Open", config: AuditKit.Conservative);

    [Fact]
    public void BreakerLivenessFailsWhenAnEvaluationLeavesAnElapsedBreakOpen() =>
        Expect("INV-12", new BreakerLiveness(), s => s.Op.Op == "evaluateBreakers",
            s => s.BreakerAfter = new BreakerState(CircuitState.Open, 0, 1), "left the breaker Open", [.. Liquidation, new ScriptOp("evaluateBreakers")], AuditKit.Conservative);

    [Fact]
    public void AtomicityFailsWhenARevertMovedTheStateHash()
    {
        ImmutableArray<ScriptOp> ops = [.. Liquidation, new ScriptOp("withdraw", 3, Asset: "WETH", Amount: "1")]; // reverts: no balance
        Expect("INV-13", new Atomicity(), s => s.Revert is not null, s => s.HashAfter += UInt256.One, "StateHash moved", ops);
    }

    [Fact]
    public void DeterminismFailsWhenTheTwinDisagrees() =>
        Expect("INV-14", new Determinism(), s => s.Op.Op == "borrow", s => s.HashAfter += UInt256.One, "twin market");

    [Fact]
    public void NoValueFromNothingFailsWhenAnActorEndsAhead() =>
        Expect("INV-15", new NoValueFromNothing(), s => s.Op.Op == "borrow", s => s.ModelAfter.External[(2, 1)] = s.ModelAfter.External[(2, 1)] + 1, "entitled");

    [Fact]
    public void TheCatalogueHasFifteenDistinctIdsInOrder()
    {
        string[] ids = InvariantCatalogue.Create().Select(i => i.Id).ToArray();
        Assert.Equal(Enumerable.Range(1, 15).Select(n => $"INV-{n:00}"), ids);
    }

    private static void Expect(string id, Invariant invariant, Func<Step, bool> when, Action<Step> sabotage, string reason,
        ImmutableArray<ScriptOp>? ops = null, AuditConfig? config = null)
    {
        bool once = false;
        CaseResult result = CaseRunner.Run(config ?? Plain, ops ?? Liquidation,
            () => [new Sabotaged(invariant, s => !once && when(s) && (once = true), sabotage)]);
        Assert.True(once, "the sabotage never applied: the script did not reach the step");
        Assert.Equal(id, result.Violation?.Id);
        Assert.Contains(reason, result.Violation!.Reason, StringComparison.Ordinal);
    }
}
