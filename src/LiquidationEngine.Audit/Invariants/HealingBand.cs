using System.Numerics;
using LiquidationEngine.Audit.Model;
using LiquidationEngine.Audit.Scripts;

namespace LiquidationEngine.Audit.Invariants;

/// <summary>
/// SPEC 4.6 for one executed liquidation: the health factor before (HF = A / D), the nominal ratio
/// k = LT x bonus, the realised debt-value reduction r and the rounding bound E, all exact.
/// </summary>
internal readonly record struct HealingBand(BigInteger HfBefore, BigInteger HfAfter, Fraction Hf, Fraction K, Fraction EOverR, bool Applies)
{
    /// <summary>HF &gt; k + E / r: the liquidation must not lower the (floored) health factor.</summary>
    public bool MustHeal => Applies && Hf > K + EOverR;

    /// <summary>HF &lt; k - E / r: the liquidation must not raise it.</summary>
    public bool MustHarm => Applies && Hf + EOverR < K;

    public static HealingBand Of(Step step)
    {
        if (step.Liquidation is not { } result) return default;
        ScriptOp op = step.Op;
        ReferenceModel m = step.ModelBefore;
        int d = m.Assets.FindIndex(a => a.Symbol == op.Asset), c = m.Assets.FindIndex(a => a.Symbol == op.CollateralAsset);
        ModelAccountValues before = m.Values(op.Account), after = step.ModelAfter.Values(op.Account);
        BigInteger r = before.Debt - after.Debt;
        bool applies = r > 0 && !after.Debt.IsZero;
        ModelAsset ca = m.Assets[c], da = m.Assets[d];
        Fraction l = Fraction.Of(ca.Lt, 10_000), b = Fraction.Of(result.LiquidationBonusBps, 10_000), k = l * b;
        Fraction pc = Fraction.Of(ca.Price, ca.Unit), pd = Fraction.Of(da.Price, da.Unit);
        Fraction i = Fraction.Of(ca.SupplyIndex, Ray.R), j = Fraction.Of(da.BorrowIndex, Ray.R);
        Fraction es = Fraction.Max(pc, b * pd);
        Fraction e = l * (es + 1 + (i + 1) * pc) + k * (2 + (j + 1) * pd);
        Fraction hf = before.Debt.IsZero ? Fraction.Of(1, 1) : Fraction.Of(before.Weighted, before.Debt * 10_000);
        return new HealingBand(before.HealthFactor, after.HealthFactor, hf, k, applies ? e / Fraction.Of(r, 1) : default, applies);
    }
}
