using System.Numerics;
using LiquidationEngine.Audit.Config;

namespace LiquidationEngine.Audit.Model;

/// <summary>
/// The independent accounting model: SPEC 4.1, 4.4 and 6.2-6.4 written directly as BigInteger arithmetic, without
/// any engine code. It applies an operation only once the engine has executed it successfully (its reverts are the
/// engine's to decide) and is then compared field by field with the engine (INV-01).
/// </summary>
internal sealed partial class ReferenceModel
{
    public List<ModelAsset> Assets { get; private init; } = [];

    public SortedDictionary<int, ModelAccount> Accounts { get; private init; } = [];

    /// <summary>Per (actor, asset): tokens received from the market minus tokens paid in (INV-15).</summary>
    public Dictionary<(int Actor, int Asset), BigInteger> External { get; private init; } = [];

    /// <summary>Per (actor, asset): gains the actor is entitled to (collateral received as liquidator, supply interest).</summary>
    public Dictionary<(int Actor, int Asset), BigInteger> Entitled { get; private init; } = [];

    public static ReferenceModel Create(AuditConfig config)
    {
        Markets.MarketOptions o = config.Options;
        var model = new ReferenceModel
        {
            VariableBonus = o.Bonus is Markets.VariableBonus v ? (v.MinBonusBps, v.MaxBonusBps, (BigInteger)v.HealthFactorForMaxBonus) : null,
            FixedCloseFactor = o.CloseFactor is Markets.FixedCloseFactor f ? (f.CloseFactorBps, (BigInteger)f.FullCloseFactorHealthFactor) : null,
            TargetHealthFactor = o.CloseFactor is Markets.TargetHealthFactor t ? (BigInteger)t.Target : 0,
            Dust = (BigInteger)o.DustThresholdBase,
        };
        foreach (AuditAsset a in config.Assets)
        {
            model.Assets.Add(new ModelAsset
            {
                Symbol = a.Symbol,
                Decimals = a.Config.Decimals,
                Unit = BigInteger.Pow(10, a.Config.Decimals),
                Price = (BigInteger)a.Price,
                Ltv = a.Config.Risk.LtvBps,
                Lt = a.Config.Risk.LiquidationThresholdBps,
                Bonus = a.Config.Risk.LiquidationBonusBps,
                Fee = a.Config.Risk.ProtocolFeeBps,
                CollateralEnabled = a.Config.Risk.CollateralEnabled,
                BorrowingEnabled = a.Config.Risk.BorrowingEnabled,
            });
        }
        return model;
    }

    public ReferenceModel Clone() => new()
    {
        VariableBonus = VariableBonus,
        FixedCloseFactor = FixedCloseFactor,
        TargetHealthFactor = TargetHealthFactor,
        Dust = Dust,
        Assets = Assets.Select(a => a.Clone()).ToList(),
        Accounts = new SortedDictionary<int, ModelAccount>(Accounts.ToDictionary(p => p.Key, p => p.Value.Clone())),
        External = new Dictionary<(int, int), BigInteger>(External),
        Entitled = new Dictionary<(int, int), BigInteger>(Entitled),
    };

    public ModelAccount Account(int n)
    {
        if (!Accounts.TryGetValue(n, out ModelAccount? a))
            Accounts.Add(n, a = new ModelAccount(Assets.Count));
        return a;
    }

    public BigInteger SupplyBalance(int account, int asset) =>
        Accounts.TryGetValue(account, out ModelAccount? a) ? a.Supply[asset] * Assets[asset].SupplyIndex / Ray.R : 0;

    public BigInteger DebtBalance(int account, int asset) =>
        Accounts.TryGetValue(account, out ModelAccount? a) ? Ray.Ceil(a.Debt[asset] * Assets[asset].BorrowIndex, Ray.R) : 0;

    public void Supply(int account, int asset, BigInteger amount)
    {
        ModelAsset x = Assets[asset];
        ModelAccount a = Account(account);
        BigInteger minted = amount * Ray.R / x.SupplyIndex;
        if (a.Supply[asset].IsZero && x.CollateralEnabled) a.Collateral[asset] = true;
        a.Supply[asset] += minted;
        x.ScaledSupply += minted;
        x.Cash += amount;
        Flow(account, asset, -amount);
    }

    public void Withdraw(int account, int asset, BigInteger amount, bool whole)
    {
        ModelAsset x = Assets[asset];
        ModelAccount a = Account(account);
        BigInteger burned = whole ? a.Supply[asset] : Ray.Ceil(amount * Ray.R, x.SupplyIndex);
        a.Supply[asset] -= burned;
        if (a.Supply[asset].IsZero) a.Collateral[asset] = false;
        x.ScaledSupply -= burned;
        x.Cash -= amount;
        Flow(account, asset, amount);
    }

    public void Borrow(int account, int asset, BigInteger amount)
    {
        ModelAsset x = Assets[asset];
        BigInteger minted = Ray.Ceil(amount * Ray.R, x.BorrowIndex);
        Account(account).Debt[asset] += minted;
        x.ScaledDebt += minted;
        x.Cash -= amount;
        Flow(account, asset, amount);
    }

    public void Repay(int account, int asset, BigInteger amount, bool whole)
    {
        ModelAsset x = Assets[asset];
        ModelAccount a = Account(account);
        BigInteger burned = whole ? a.Debt[asset] : amount * Ray.R / x.BorrowIndex;
        a.Debt[asset] -= burned;
        x.ScaledDebt -= burned;
        x.Cash += amount;
        Flow(account, asset, -amount);
    }

    public void SetUseAsCollateral(int account, int asset, bool use) => Account(account).Collateral[asset] = use;

    public void SetPrice(int asset, BigInteger price) => Assets[asset].Price = price;

    public void AccrueInterest(int asset, BigInteger borrowIndex, BigInteger supplyIndex)
    {
        ModelAsset x = Assets[asset];
        foreach ((int n, ModelAccount a) in Accounts)
        {
            BigInteger gain = a.Supply[asset] * supplyIndex / Ray.R - a.Supply[asset] * x.SupplyIndex / Ray.R;
            Entitle(n, asset, gain);
        }
        x.BorrowIndex = borrowIndex;
        x.SupplyIndex = supplyIndex;
    }

    public void DepositInsurance(int from, int asset, BigInteger amount)
    {
        Assets[asset].Cash += amount;
        Assets[asset].Fund += amount;
        Flow(from, asset, -amount);
    }

    public void DropEmptyAccounts()
    {
        foreach (int n in Accounts.Where(p => p.Value.IsEmpty).Select(p => p.Key).ToList())
            Accounts.Remove(n);
    }

    private void Flow(int actor, int asset, BigInteger delta) => External[(actor, asset)] = External.GetValueOrDefault((actor, asset)) + delta;

    private void Entitle(int actor, int asset, BigInteger delta) => Entitled[(actor, asset)] = Entitled.GetValueOrDefault((actor, asset)) + delta;
}
