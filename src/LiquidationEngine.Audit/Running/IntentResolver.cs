using System.Globalization;
using System.Numerics;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Scripts;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Audit.Running;

/// <summary>Sizes an <see cref="Intent"/> against the live market into an absolute, replayable <see cref="ScriptOp"/>.</summary>
internal static class IntentResolver
{
    private static readonly BigInteger R = BigInteger.Pow(10, 27);
    public const int Liquidator = ScriptAccounts.Count;

    public static ScriptOp Resolve(Intent i, ScriptExecutor x, AuditConfig config)
    {
        // Steer intents toward states that matter (a liquidatable account, an asset held or owed, a borrow against
        // another asset), so that random sequences reach liquidations instead of reverting on empty positions.
        if (i.Kind is IntentKind.Liquidate)
        {
            int n = Enumerable.Range(0, 3).Select(k => 1 + (i.Account - 1 + k) % 3).FirstOrDefault(k => x.Market.IsLiquidatable(ScriptAccounts.Of(k)), i.Account);
            i = i with { Account = n };
        }
        // Each account mostly supplies its "home" asset and borrows another, so one price crash can sink it.
        int home = (i.Account - 1) % config.Assets.Length;
        if (i.Kind is IntentKind.Supply && i.Asset2 % 4 != 0) i = i with { Asset = home };
        if (i.Kind is IntentKind.Borrow)
        {
            bool away = config.Assets.Length > 1 && i.Asset2 % 4 != 0;
            i = i with { Asset = Pick(config, i.Asset, k => (!away || k != home) && !x.Market.GetAsset(config.Assets[k].Address).Cash.IsZero) };
        }
        var holder = ScriptAccounts.Of(i.Account);
        int debtAsset = Pick(config, i.Asset, k => !x.Market.GetDebtBalance(holder, config.Assets[k].Address).IsZero);
        int supplied = Pick(config, i.Asset, k => !x.Market.GetSupplyBalance(holder, config.Assets[k].Address).IsZero);
        int collateral = Pick(config, i.Asset2, k => x.Market.IsUsedAsCollateral(holder, config.Assets[k].Address));
        if (i.Kind is IntentKind.Repay or IntentKind.Liquidate) i = i with { Asset = debtAsset, Asset2 = collateral };
        if (i.Kind is IntentKind.Withdraw or IntentKind.Collateral) i = i with { Asset = supplied };
        AuditAsset a = config.Assets[i.Asset];
        var m = x.Market;
        var account = ScriptAccounts.Of(i.Account);
        AssetState s = m.GetAsset(a.Address);
        BigInteger unit = BigInteger.Pow(10, a.Config.Decimals), price = (BigInteger)s.Price, bps = i.Bps;
        BigInteger valueBase = BigInteger.Pow(10, config.Options.PriceDecimals) * 100_000 * bps / 10_000; // up to 100,000 base currency
        string Share(BigInteger whole) => i.Bps == 10_000 ? "max" : Text(BigInteger.Max(1, whole * bps / 10_000));
        switch (i.Kind)
        {
            case IntentKind.Supply:
                return new ScriptOp("supply", i.Account, Asset: a.Symbol, Amount: Text(BigInteger.Max(1, valueBase * unit / price)));
            case IntentKind.Insurance:
                return new ScriptOp("depositInsurance", i.Account, Asset: a.Symbol, Amount: Text(BigInteger.Max(1, valueBase / 10 * unit / price)));
            case IntentKind.Withdraw:
                return new ScriptOp("withdraw", i.Account, Asset: a.Symbol, Amount: Share((BigInteger)m.GetSupplyBalance(account, a.Address)));
            case IntentKind.Repay:
                return new ScriptOp("repay", i.Account, Asset: a.Symbol, Amount: Share((BigInteger)m.GetDebtBalance(account, a.Address)));
            case IntentKind.Borrow:
            {
                AccountData d = m.GetAccountData(account);
                BigInteger headroom = BigInteger.Max(0, (BigInteger)d.BorrowCapacityBase - (BigInteger)d.TotalDebtBase);
                BigInteger amount = BigInteger.Min(headroom * bps / 10_000 * unit / price, (BigInteger)s.Cash);
                return new ScriptOp("borrow", i.Account, Asset: a.Symbol, Amount: Text(BigInteger.Max(1, amount)));
            }
            case IntentKind.Liquidate:
            {
                AuditAsset c = config.Assets[i.Asset2];
                BigInteger debt = (BigInteger)m.GetDebtBalance(account, a.Address);
                string amount = i.Bps >= 9_000 ? "max" : Text(BigInteger.Max(1, debt * bps / 10_000));
                return new ScriptOp("liquidate", i.Account, Liquidator, a.Symbol, c.Symbol, amount);
            }
            case IntentKind.Stress:
                return Stress(i, x, config) ?? new ScriptOp("setPrice", Asset: a.Symbol, Price: Text(price));
            case IntentKind.Price:
                return new ScriptOp("setPrice", Asset: a.Symbol, Price: Text(BigInteger.Max(1, price * bps / 10_000)));
            case IntentKind.Advance:
                return new ScriptOp("advance", Seconds: (ulong)i.Bps);
            case IntentKind.Accrue:
                return Accrue(a, s, Math.Min(i.Bps, 500));
            case IntentKind.InsurancePolicy:
                return new ScriptOp("setInsurancePolicy", Asset: a.Symbol, FeeToReservesBps: (uint)i.Bps);
            case IntentKind.RealizeBadDebt:
                return new ScriptOp("realizeBadDebt", i.Account);
            case IntentKind.Collateral:
                return new ScriptOp("setUseAsCollateral", i.Account, Asset: a.Symbol, Use: i.Bps % 2 == 0);
            default:
                return new ScriptOp(config.Options.Protection?.Breaker is null ? "evaluateBreakers"
                    : (i.Bps % 7) switch { 0 => "tripBreaker", 1 => "isolateBreaker", 2 or 3 => "resetBreaker", _ => "evaluateBreakers" });
        }
    }

    // Sinks the weakest borrower to HF ~ bps/10000 by moving the price of its largest collateral (SPEC 4.3 is linear in it).
    private static ScriptOp? Stress(Intent i, ScriptExecutor x, AuditConfig config)
    {
        var m = x.Market;
        int account = Enumerable.Range(1, 3).Where(n => !m.GetAccountData(ScriptAccounts.Of(n)).TotalDebtBase.IsZero)
            .OrderBy(n => m.GetAccountData(ScriptAccounts.Of(n)).HealthFactor).FirstOrDefault();
        if (account == 0) return null;
        var holder = ScriptAccounts.Of(account);
        AccountData d = m.GetAccountData(holder);
        BigInteger best = 0, bestWeighted = 0;
        int asset = -1;
        for (int k = 0; k < config.Assets.Length; k++)
        {
            AuditAsset a = config.Assets[k];
            if (!m.IsUsedAsCollateral(holder, a.Address) || !m.GetDebtBalance(holder, a.Address).IsZero) continue;
            AssetState s = m.GetAsset(a.Address);
            BigInteger value = (BigInteger)m.GetSupplyBalance(holder, a.Address) * (BigInteger)s.Price / BigInteger.Pow(10, a.Config.Decimals);
            if (value > best) (best, bestWeighted, asset) = (value, value * a.Config.Risk.LiquidationThresholdBps, k);
        }
        if (asset < 0 || best.IsZero) return null;
        // W' = target x D x 1e4 (target in bps of 1 here): the other collateral stays, this one scales.
        BigInteger others = (BigInteger)d.ThresholdWeightedCollateral - bestWeighted;
        BigInteger wanted = (BigInteger)d.TotalDebtBase * i.Bps - others;
        BigInteger price = (BigInteger)m.GetAsset(config.Assets[asset].Address).Price;
        BigInteger newPrice = wanted <= 0 ? 1 : BigInteger.Max(1, price * wanted / bestWeighted);
        return new ScriptOp("setPrice", Asset: config.Assets[asset].Symbol, Price: Text(newPrice));
    }

    private static int Pick(AuditConfig config, int seed, Func<int, bool> has)
    {
        int n = config.Assets.Length;
        for (int k = 0; k < n; k++)
            if (has((seed + k) % n)) return (seed + k) % n;
        return seed;
    }

    // Borrowers pay growthBps; suppliers receive at most what borrowers pay (SPEC 4.1: the embedder's rate model keeps the spread >= 0).
    private static ScriptOp Accrue(AuditAsset a, AssetState s, int growthBps)
    {
        BigInteger b = (BigInteger)s.BorrowIndex, i = (BigInteger)s.SupplyIndex, sD = (BigInteger)s.TotalScaledDebt, sS = (BigInteger)s.TotalScaledSupply;
        BigInteger b2 = b * (10_000 + growthBps) / 10_000;
        BigInteger interest = (sD * b2 + R - 1) / R - (sD * b + R - 1) / R;
        BigInteger i2 = sS.IsZero ? i : i + interest * R / sS;
        return new ScriptOp("accrueInterest", Asset: a.Symbol, BorrowIndex: Text(b2), SupplyIndex: Text(i2));
    }

    private static string Text(BigInteger v) => v.ToString(CultureInfo.InvariantCulture);
}
