using System.Numerics;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Model;
using LiquidationEngine.Audit.Scripts;
using LiquidationEngine.Engine;

namespace LiquidationEngine.Audit.Invariants;

/// <summary>Shared lookups of the liquidation invariants.</summary>
internal static class Liq
{
    public static (ModelAsset Debt, ModelAsset Collateral, int D, int C) Assets(Step s)
    {
        var m = s.ModelBefore;
        int d = m.Assets.FindIndex(a => a.Symbol == s.Op.Asset), c = m.Assets.FindIndex(a => a.Symbol == s.Op.CollateralAsset);
        return (m.Assets[d], m.Assets[c], d, c);
    }
}

/// <summary>INV-04: a liquidation succeeds only when HF &lt; 1e18, and reports the health factors before and after exactly.</summary>
public sealed class LiquidationEligibility : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-04";

    /// <inheritdoc/>
    public override string Title => "liquidation only when HF < 1";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        if (step.Liquidation is not { } r) return Verdict.Skip;
        BigInteger before = step.ModelBefore.Values(step.Op.Account).HealthFactor, after = step.ModelAfter.Values(step.Op.Account).HealthFactor;
        if (before >= Ray.Wad) return Verdict.Fail($"liquidated at HF {before} >= 1e18");
        return Verdict.That((BigInteger)r.HealthFactorBefore == before && (BigInteger)r.HealthFactorAfter == after,
            () => $"reported HF before/after {r.HealthFactorBefore}/{r.HealthFactorAfter}, model {before}/{after}");
    }
}

/// <summary>
/// INV-05: the collateral seized is worth at most (bonus) x the debt repaid (exact: seized Pc Ud 1e4 &lt;= repaid Pd B Uc),
/// and equals SPEC 4.5 steps 1, 5-7 (bonus, seize, shortfall, fee) recomputed by the model.
/// </summary>
public sealed class SeizeBound : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-05";

    /// <inheritdoc/>
    public override string Title => "seized <= (1 + bonus) x repaid";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        if (step.Liquidation is not { } r) return Verdict.Skip;
        (ModelAsset d, ModelAsset c, _, int ci) = Liq.Assets(step);
        BigInteger hf = step.ModelBefore.Values(step.Op.Account).HealthFactor, bonus = step.ModelBefore.Bonus(ci, hf);
        BigInteger seized = (BigInteger)r.CollateralSeized, repaid = (BigInteger)r.DebtRepaid, fee = (BigInteger)r.ProtocolFee;
        if (r.LiquidationBonusBps != bonus) return Verdict.Fail($"bonus {r.LiquidationBonusBps} bps, SPEC 4.5 step 1 gives {bonus}");
        if (seized * c.Price * d.Unit * 10_000 > repaid * d.Price * bonus * c.Unit)
            return Verdict.Fail($"seized {seized} {c.Symbol} is worth more than {bonus} bps of {repaid} {d.Symbol} repaid");
        (BigInteger ms, BigInteger mf) = step.ModelSeize;
        return Verdict.That(seized == ms && fee == mf && (BigInteger)r.CollateralToLiquidator == seized - fee,
            () => $"seized/fee/to liquidator {seized}/{fee}/{r.CollateralToLiquidator}, SPEC 4.5 gives {ms}/{mf}/{ms - mf}");
    }
}

/// <summary>
/// INV-06: the debt repaid is within the close factor / target health factor limit (with the dust rule) and
/// debtToCover; without a throttle it is exactly min(debtToCover, limit), or the shortfall repayment of SPEC 4.5 step 6.
/// </summary>
public sealed class CloseFactorLimit : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-06";

    /// <inheritdoc/>
    public override string Title => "close factor, target HF and dust rule";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        if (step.Liquidation is not { } r) return Verdict.Skip;
        (ModelAsset d, ModelAsset c, int di, int ci) = Liq.Assets(step);
        ReferenceModel m = step.ModelBefore;
        BigInteger limit = m.Limit(step.Op.Account, di, ci), repaid = (BigInteger)r.DebtRepaid;
        BigInteger cover = step.Op.Amount == "max" ? Ray.Max : BigInteger.Parse(step.Op.Amount!, System.Globalization.CultureInfo.InvariantCulture);
        if (repaid > limit || repaid > cover) return Verdict.Fail($"repaid {repaid} above the limit {limit} (SPEC 4.5 steps 2-3) or debtToCover {cover}");
        if (config.Options.Protection?.Throttle is not null) return Verdict.Pass; // a throttle may fill less (SPEC 7.6.3)
        // Without a throttle the repayment is exactly SPEC 4.5 step 4, capped by the shortfall of step 6.
        BigInteger expected = BigInteger.Min(cover, limit), bonus = m.Bonus(ci, m.Values(step.Op.Account).HealthFactor);
        BigInteger collateral = m.SupplyBalance(step.Op.Account, ci);
        if (expected * d.Price * bonus * c.Unit / (c.Price * 10_000 * d.Unit) > collateral)
            expected = Ray.Ceil(collateral * c.Price * 10_000 * d.Unit, d.Price * bonus * c.Unit);
        return Verdict.That(repaid == expected, () => $"repaid {repaid}, SPEC 4.5 steps 2-6 give {expected} (limit {limit}, debtToCover {cover})");
    }
}

/// <summary>
/// INV-07: no liquidation pays from rounding alone: collateral is seized only against a repayment that burns scaled
/// debt, never beyond the account's balance, and the liquidator never receives more than was seized.
/// </summary>
public sealed class NoRoundingPayout : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-07";

    /// <inheritdoc/>
    public override string Title => "no payout from rounding alone";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        if (step.Liquidation is not { } r) return Verdict.Skip;
        (_, _, int di, int ci) = Liq.Assets(step);
        int n = step.Op.Account;
        BigInteger burned = step.ModelBefore.Account(n).Debt[di] - (step.ModelAfter.Accounts.TryGetValue(n, out var a) ? a.Debt[di] : 0);
        BigInteger collateral = step.ModelBefore.SupplyBalance(n, ci);
        if (!r.CollateralSeized.IsZero && burned <= 0) return Verdict.Fail($"seized {r.CollateralSeized} while burning {burned} scaled debt");
        return Verdict.That((BigInteger)r.CollateralSeized <= collateral && r.CollateralToLiquidator <= r.CollateralSeized,
            () => $"seized {r.CollateralSeized} of a balance {collateral}, liquidator got {r.CollateralToLiquidator}");
    }
}

/// <summary>
/// INV-08: SPEC 4.6 direction: with k = LT x bonus and the rounding bound E, a liquidation at HF &gt; k + E/r does not
/// lower the health factor and one at HF &lt; k - E/r does not raise it.
/// </summary>
public sealed class HealingDirection : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-08";

    /// <inheritdoc/>
    public override string Title => "liquidation heals exactly when HF > LT x bonus";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        HealingBand h = HealingBand.Of(step);
        if (!h.Applies) return Verdict.Skip;
        if (h.MustHeal && h.HfAfter < h.HfBefore) return Verdict.Fail($"HF {h.HfBefore} > k {h.K} + E/r {h.EOverR} but fell to {h.HfAfter}");
        return Verdict.That(!(h.MustHarm && h.HfAfter > h.HfBefore), () => $"HF {h.HfBefore} < k {h.K} - E/r {h.EOverR} but rose to {h.HfAfter}");
    }
}

/// <summary>
/// INV-09 (the auditor's requirement): every liquidation of an account whose HF is at least
/// <c>requirements.healingHealthFactor</c> raises its health factor, outside the SPEC 4.6 rounding band. Broken by
/// parameters with LT x bonus at or above that health factor: such liquidations feed the death spiral.
/// </summary>
public sealed class HealingFloor : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-09";

    /// <inheritdoc/>
    public override string Title => "liquidations above the healing floor heal";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        HealingBand h = HealingBand.Of(step);
        BigInteger floor = (BigInteger)config.Requirements.HealingHealthFactor;
        if (!h.Applies || h.HfBefore < floor) return Verdict.Skip;
        bool inBand = !h.MustHeal && !h.MustHarm;
        return Verdict.That(inBand || h.HfAfter >= h.HfBefore,
            () => $"liquidating account {step.Op.Account} at HF {h.HfBefore} (>= healingHealthFactor {floor}) lowered it to {h.HfAfter}: LT x bonus = {h.K} of {step.Op.CollateralAsset} is above the account's HF");
    }
}
