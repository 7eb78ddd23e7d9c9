using System.Numerics;

namespace LiquidationEngine.Audit.Model;

/// <summary>An account's SPEC 4.3 values: collateral value C, threshold-weighted collateral W (base x bps), debt value D.</summary>
internal readonly record struct ModelAccountValues(BigInteger Collateral, BigInteger Weighted, BigInteger Debt)
{
    /// <summary>HF = floor(W * 1e14 / D), WAD; uint256 max without debt.</summary>
    public BigInteger HealthFactor => Debt.IsZero ? Ray.Max : Weighted * 100_000_000_000_000 / Debt;
}

// SPEC 4.3 (account data) and 4.5 (the liquidation quote), from the model's balances.
internal sealed partial class ReferenceModel
{
    /// <summary>The bonus policy: null for FixedBonus, else (min, max, hfForMax).</summary>
    public (uint Min, uint Max, BigInteger HfForMax)? VariableBonus { get; init; }

    /// <summary>The close-factor policy: FixedCloseFactor (bps, full HF) or a target health factor.</summary>
    public (uint Bps, BigInteger FullHf)? FixedCloseFactor { get; init; }

    /// <summary>TargetHealthFactor's target (WAD), when that policy is used.</summary>
    public BigInteger TargetHealthFactor { get; init; }

    /// <summary>DustThresholdBase, base units.</summary>
    public BigInteger Dust { get; init; }

    public ModelAccountValues Values(int account)
    {
        if (!Accounts.TryGetValue(account, out ModelAccount? a)) return default;
        BigInteger c = 0, w = 0, d = 0;
        for (int i = 0; i < Assets.Count; i++)
        {
            ModelAsset x = Assets[i];
            BigInteger supply = a.Supply[i] * x.SupplyIndex / Ray.R;
            if (a.Collateral[i] && supply > 0)
            {
                BigInteger value = supply * x.Price / x.Unit;
                c += value;
                w += value * x.Lt;
            }
            if (a.Debt[i] > 0)
                d += Ray.Ceil(Ray.Ceil(a.Debt[i] * x.BorrowIndex, Ray.R) * x.Price, x.Unit);
        }
        return new ModelAccountValues(c, w, d);
    }

    /// <summary>SPEC 4.5 step 1: the bonus B (bps) at health factor <paramref name="hf"/>.</summary>
    public BigInteger Bonus(int collateralAsset, BigInteger hf)
    {
        if (VariableBonus is not { } v) return Assets[collateralAsset].Bonus;
        if (hf <= v.HfForMax) return v.Max;
        return v.Min + (v.Max - v.Min) * (Ray.Wad - hf) / (Ray.Wad - v.HfForMax);
    }

    /// <summary>SPEC 4.5 steps 2-3: the most debt (tokens) one liquidation may repay.</summary>
    public BigInteger Limit(int account, int debtAsset, int collateralAsset)
    {
        ModelAccountValues v = Values(account);
        BigInteger hf = v.HealthFactor;
        BigInteger debt = DebtBalance(account, debtAsset);
        ModelAsset d = Assets[debtAsset];
        BigInteger limit;
        if (FixedCloseFactor is { } f)
        {
            limit = hf <= f.FullHf ? debt : Ray.Ceil(debt * f.Bps, 10_000);
        }
        else
        {
            BigInteger b = Bonus(collateralAsset, hf), lt = Assets[collateralAsset].Lt, t = TargetHealthFactor;
            if (v.Weighted * 10_000 <= b * lt * v.Debt)
                limit = debt;
            else
            {
                BigInteger r = Ray.Ceil(t * v.Debt - v.Weighted * 100_000_000_000_000, t - b * lt * 10_000_000_000);
                limit = BigInteger.Min(Ray.Ceil(r * d.Unit, d.Price), debt);
            }
        }
        if (limit < debt && Dust > 0 && Ray.Ceil((debt - limit) * d.Price, d.Unit) < Dust)
            limit = debt;
        return limit;
    }

    /// <summary>SPEC 4.5 steps 5-7 from the repaid amount: (seized, fee).</summary>
    public (BigInteger Seized, BigInteger Fee) Seize(int account, int debtAsset, int collateralAsset, BigInteger repaid, BigInteger bonus)
    {
        ModelAsset d = Assets[debtAsset], c = Assets[collateralAsset];
        BigInteger collateral = SupplyBalance(account, collateralAsset);
        BigInteger seized = BigInteger.Min(repaid * d.Price * bonus * c.Unit / (c.Price * 10_000 * d.Unit), collateral);
        BigInteger bonusPart = seized - Ray.Ceil(seized * 10_000, bonus);
        return (seized, Ray.Ceil(bonusPart * c.Fee, 10_000));
    }
}
