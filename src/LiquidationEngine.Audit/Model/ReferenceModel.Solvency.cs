using System.Numerics;

namespace LiquidationEngine.Audit.Model;

// SPEC 4.5 step 8 (apply), 6.2 (fee booking, bad debt at the end of a liquidation), 6.3 (waterfall), 6.4 (freeze).
internal sealed partial class ReferenceModel
{
    /// <summary>Applies a liquidation the engine executed with <paramref name="repaid"/>; returns (seized, fee).</summary>
    public (BigInteger Seized, BigInteger Fee) Liquidate(int liquidator, int account, int debtAsset, int collateralAsset, BigInteger repaid, BigInteger bonus)
    {
        (BigInteger seized, BigInteger fee) = Seize(account, debtAsset, collateralAsset, repaid, bonus);
        ModelAsset d = Assets[debtAsset], c = Assets[collateralAsset];
        ModelAccount a = Account(account);
        BigInteger debt = DebtBalance(account, debtAsset), collateral = SupplyBalance(account, collateralAsset);

        BigInteger debtBurned = repaid == debt ? a.Debt[debtAsset] : repaid * Ray.R / d.BorrowIndex;
        a.Debt[debtAsset] -= debtBurned;
        d.ScaledDebt -= debtBurned;
        d.Cash += repaid;
        BigInteger supplyBurned = seized == collateral ? a.Supply[collateralAsset] : Ray.Ceil(seized * Ray.R, c.SupplyIndex);
        a.Supply[collateralAsset] -= supplyBurned;
        c.ScaledSupply -= supplyBurned;
        if (a.Supply[collateralAsset].IsZero) a.Collateral[collateralAsset] = false;
        c.Cash -= seized - fee;
        BigInteger toReserves = fee * c.FeeToReservesBps / 10_000;
        c.Reserves += toReserves;
        c.Fund += fee - toReserves;
        Flow(liquidator, debtAsset, -repaid);
        Flow(liquidator, collateralAsset, seized - fee);
        Entitle(liquidator, collateralAsset, seized - fee);
        Entitle(account, debtAsset, repaid); // debt paid off for the account, with its collateral (which it loses)

        if (seized == collateral && IsBadDebt(account)) RealizeBadDebt(account);
        return (seized, fee);
    }

    /// <summary>SPEC 6.2 eligibility: some debt, and every supplied asset worth 0 at current prices.</summary>
    public bool IsBadDebt(int account)
    {
        if (!Accounts.TryGetValue(account, out ModelAccount? a) || a.Debt.All(d => d.IsZero)) return false;
        for (int i = 0; i < Assets.Count; i++)
            if (SupplyBalance(account, i) * Assets[i].Price / Assets[i].Unit > 0) return false;
        return true;
    }

    /// <summary>SPEC 6.3: the waterfall for every asset the account owes, in listing order (no backstop in audit runs).</summary>
    public void RealizeBadDebt(int account)
    {
        ModelAccount a = Account(account);
        for (int j = 0; j < Assets.Count; j++)
        {
            if (a.Debt[j].IsZero) continue;
            ModelAsset x = Assets[j];
            BigInteger s = a.Debt[j], d = Ray.Ceil(s * x.BorrowIndex, Ray.R);
            a.Debt[j] = 0;
            x.ScaledDebt -= s;
            x.BadDebt += d;
            Entitle(account, j, d);
            BigInteger f = BigInteger.Min(x.Fund, d);
            x.Fund -= f;
            x.InsuranceAbsorbed += f;
            BigInteger loss = d - f;
            if (loss.IsZero) continue;
            x.Socialized += loss;
            BigInteger total = x.TotalSupply;
            BigInteger cut = total > loss ? (total - loss) * Ray.R / x.ScaledSupply : 0;
            if (cut > 0)
                Reindex(j, cut);
            else
                Freeze(j, BigInteger.Max(0, loss - total));
        }
    }

    private void Reindex(int asset, BigInteger index)
    {
        ModelAsset x = Assets[asset];
        foreach ((int n, ModelAccount a) in Accounts)
            Entitle(n, asset, a.Supply[asset] * index / Ray.R - a.Supply[asset] * x.SupplyIndex / Ray.R);
        x.SupplyIndex = index;
    }

    private void Freeze(int asset, BigInteger excess)
    {
        ModelAsset x = Assets[asset];
        foreach ((int n, ModelAccount a) in Accounts)
        {
            Entitle(n, asset, -(a.Supply[asset] * x.SupplyIndex / Ray.R));
            a.Supply[asset] = 0;
            a.Collateral[asset] = false;
        }
        x.ScaledSupply = 0;
        x.Freezes++;
        x.CollateralEnabled = x.BorrowingEnabled = false;
        x.Reserves -= BigInteger.Min(x.Reserves, excess);
    }
}
