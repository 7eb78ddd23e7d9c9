using System.Numerics;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Model;
using LiquidationEngine.Audit.Scripts;
using LiquidationEngine.Engine;
using LiquidationEngine.Markets;
using LiquidationEngine.Solvency;

namespace LiquidationEngine.Audit.Invariants;

/// <summary>INV-01: the engine's books and every account's scaled balances equal the BigInteger reference model's, exactly.</summary>
public sealed class ModelAgreement : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-01";

    /// <inheritdoc/>
    public override string Title => "books equal the reference model";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        ReferenceModel m = step.ModelAfter;
        EngineState state = step.Market.CaptureState();
        for (int i = 0; i < m.Assets.Count; i++)
        {
            ModelAsset x = m.Assets[i];
            AssetState e = state.Assets[i];
            AssetSolvency s = e.Solvency;
            foreach ((string field, BigInteger engine, BigInteger model) in new (string, BigInteger, BigInteger)[]
            {
                ("Price", (BigInteger)e.Price, x.Price), ("SupplyIndex", (BigInteger)e.SupplyIndex, x.SupplyIndex),
                ("BorrowIndex", (BigInteger)e.BorrowIndex, x.BorrowIndex), ("TotalScaledSupply", (BigInteger)e.TotalScaledSupply, x.ScaledSupply),
                ("TotalScaledDebt", (BigInteger)e.TotalScaledDebt, x.ScaledDebt), ("Cash", (BigInteger)e.Cash, x.Cash),
                ("Reserves", (BigInteger)e.Reserves, x.Reserves), ("InsuranceFund", (BigInteger)s.InsuranceFund, x.Fund),
                ("BadDebtRealized", (BigInteger)s.BadDebtRealized, x.BadDebt), ("InsuranceAbsorbed", (BigInteger)s.InsuranceAbsorbed, x.InsuranceAbsorbed),
                ("LossSocialized", (BigInteger)s.LossSocialized, x.Socialized),
                ("CollateralEnabled", e.Config.Risk.CollateralEnabled ? 1 : 0, x.CollateralEnabled ? 1 : 0),
                ("BorrowingEnabled", e.Config.Risk.BorrowingEnabled ? 1 : 0, x.BorrowingEnabled ? 1 : 0),
            })
            {
                if (engine != model) return Verdict.Fail($"{x.Symbol}.{field}: engine {engine}, model {model}");
            }
        }
        var engineAccounts = state.Accounts.ToDictionary(a => a.Account, a => a.Positions);
        for (int n = 1; n <= ScriptAccounts.Count; n++)
        {
            m.Accounts.TryGetValue(n, out ModelAccount? ma);
            engineAccounts.TryGetValue(ScriptAccounts.Of(n), out var positions);
            for (int i = 0; i < m.Assets.Count; i++)
            {
                var p = positions.IsDefault ? default : positions.FirstOrDefault(q => q.Asset == config.Assets[i].Address);
                (BigInteger s, BigInteger d, bool c) model = ma is null ? (0, 0, false) : (ma.Supply[i], ma.Debt[i], ma.Collateral[i]);
                (BigInteger s, BigInteger d, bool c) engine = ((BigInteger)p.ScaledSupply, (BigInteger)p.ScaledDebt, p.UsedAsCollateral);
                if (model != engine)
                    return Verdict.Fail($"account {n} {m.Assets[i].Symbol}: engine (scaledSupply {engine.s}, scaledDebt {engine.d}, collateral {engine.c}), model ({model.s}, {model.d}, {model.c})");
            }
        }
        return Verdict.Pass;
    }
}

/// <summary>
/// INV-02: SPEC 6.5 per asset: U = C + D - S - F - P is never negative, the engine's report states it
/// (Surplus/Shortfall), the scaled totals are the sums of the accounts', and an operation moves U only within its
/// row of the SPEC 6.5 table (never down, except interest and a freeze).
/// </summary>
public sealed class AccountingIdentity : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-02";

    /// <inheritdoc/>
    public override string Title => "accounting identity and bounded rounding surplus";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        ReferenceModel before = step.ModelBefore, after = step.ModelAfter;
        var reports = step.Market.GetSolvencyReport();
        for (int i = 0; i < after.Assets.Count; i++)
        {
            ModelAsset x = after.Assets[i];
            BigInteger u = x.U;
            AssetSolvencyReport r = reports[i];
            if ((BigInteger)r.Surplus - (BigInteger)r.Shortfall != u)
                return Verdict.Fail($"{x.Symbol}: report surplus {r.Surplus} - shortfall {r.Shortfall} != U = C + D - S - F - P = {u}");
            if (u < 0)
                return Verdict.Fail($"{x.Symbol}: U = {u} < 0 (C {x.Cash}, D {x.TotalDebt}, S {x.TotalSupply}, F {x.Fund}, P {x.Reserves})");
            BigInteger sumS = after.Accounts.Values.Aggregate(BigInteger.Zero, (t, a) => t + a.Supply[i]);
            BigInteger sumD = after.Accounts.Values.Aggregate(BigInteger.Zero, (t, a) => t + a.Debt[i]);
            if (sumS != x.ScaledSupply || sumD != x.ScaledDebt)
                return Verdict.Fail($"{x.Symbol}: accounts' scaled supply {sumS} / debt {sumD} != totals {x.ScaledSupply} / {x.ScaledDebt}");
            if (step.Op.Op == "accrueInterest" || x.Freezes != before.Assets[i].Freezes)
                continue; // SPEC 6.5: interest moves U by the spread; a freeze charges the surplus
            BigInteger du = u - before.Assets[i].U;
            ModelAsset b = before.Assets[i];
            BigInteger bound = 2 + 2 * Ray.Ceil(b.SupplyIndex, Ray.R) + 2 * Ray.Ceil(b.BorrowIndex, Ray.R) + Ray.Ceil(b.ScaledSupply, Ray.R);
            if (du < 0 || du > bound)
                return Verdict.Fail($"{x.Symbol}: U moved by {du} (allowed 0..{bound}, SPEC 6.5) in {step.Op}");
        }
        return Verdict.Pass;
    }
}

/// <summary>
/// INV-03: losses: BadDebtRealized = InsuranceAbsorbed + BackstopAbsorbed + LossSocialized to the wei, per asset;
/// a loss is socialised only once the insurance fund is empty; a realisation leaves the suppliers of assets the
/// account did not owe untouched.
/// </summary>
public sealed class LossWaterfall : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-03";

    /// <inheritdoc/>
    public override string Title => "loss waterfall: insurance, backstop, socialised";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        var reports = step.Market.GetSolvencyReport();
        bool realised = false;
        for (int i = 0; i < reports.Length; i++)
        {
            AssetSolvencyReport r = reports[i];
            if (r.BadDebtRealized != r.InsuranceAbsorbed + r.BackstopAbsorbed + r.LossSocialized)
                return Verdict.Fail($"{config.Assets[i].Symbol}: BadDebtRealized {r.BadDebtRealized} != InsuranceAbsorbed {r.InsuranceAbsorbed} + BackstopAbsorbed {r.BackstopAbsorbed} + LossSocialized {r.LossSocialized}");
            ModelAsset b = step.ModelBefore.Assets[i];
            if ((BigInteger)r.BadDebtRealized != b.BadDebt) realised = true;
            if ((BigInteger)r.LossSocialized > b.Socialized && !r.InsuranceFund.IsZero)
                return Verdict.Fail($"{config.Assets[i].Symbol}: a loss was socialised while the insurance fund still held {r.InsuranceFund}");
        }
        if (!realised) return Verdict.Skip;
        for (int i = 0; i < reports.Length; i++)
        {
            ModelAsset b = step.ModelBefore.Assets[i];
            bool owed = step.ModelBefore.Accounts.TryGetValue(step.Op.Account, out ModelAccount? a) && !a.Debt[i].IsZero;
            if (!owed && (BigInteger)reports[i].SupplyIndex != b.SupplyIndex)
                return Verdict.Fail($"{config.Assets[i].Symbol}: supply index moved from {b.SupplyIndex} to {reports[i].SupplyIndex} in a realisation of debt the account did not owe in it");
        }
        return Verdict.Pass;
    }
}
