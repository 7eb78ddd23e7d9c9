using FsCheck;
using FsCheck.Fluent;

namespace LiquidationEngine.Audit.Running;

/// <summary>The kinds of generated operations.</summary>
public enum IntentKind
{
    /// <summary>Supply a value-sized amount.</summary>
    Supply,
    /// <summary>Withdraw a share of the balance.</summary>
    Withdraw,
    /// <summary>Borrow a share of the remaining borrow capacity.</summary>
    Borrow,
    /// <summary>Repay a share of the debt.</summary>
    Repay,
    /// <summary>Move a price by a factor (crash, drift or spike).</summary>
    Price,
    /// <summary>Liquidate a share of a debt.</summary>
    Liquidate,
    /// <summary>Move time on.</summary>
    Advance,
    /// <summary>Accrue interest.</summary>
    Accrue,
    /// <summary>Deposit into the insurance fund.</summary>
    Insurance,
    /// <summary>Realise an account's bad debt.</summary>
    RealizeBadDebt,
    /// <summary>Toggle a collateral flag.</summary>
    Collateral,
    /// <summary>A guardian action or an evaluation of the breakers.</summary>
    Guardian,
    /// <summary>Set the share of protocol fees kept as reserves to Bps.</summary>
    InsurancePolicy,
    /// <summary>A targeted crash: the price of the weakest borrower's largest collateral falls until its HF is Bps/10000.</summary>
    Stress,
}

/// <summary>
/// A generated operation before it is sized against the live market: sizes are shares in bps of what the state
/// allows (a balance, a debt, the borrow headroom, a price), so random sequences reach liquidations. The
/// <see cref="IntentResolver"/> turns it into an absolute <see cref="Scripts.ScriptOp"/>.
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="Account">Account 1..3 (the liquidator is account 4).</param>
/// <param name="Asset">Asset index (the debt asset of a liquidation).</param>
/// <param name="Asset2">Second asset index (a liquidation's collateral).</param>
/// <param name="Bps">Size or factor, bps.</param>
public sealed record Intent(IntentKind Kind, int Account, int Asset, int Asset2, int Bps)
{
    /// <summary>Intents over a market of <paramref name="assets"/> assets, weighted so that positions build up and break.</summary>
    public static Gen<Intent> Generator(int assets) =>
        from kind in Gen.Frequency(
            (20, Gen.Constant(IntentKind.Supply)), (16, Gen.Constant(IntentKind.Borrow)), (5, Gen.Constant(IntentKind.Withdraw)),
            (5, Gen.Constant(IntentKind.Repay)), (12, Gen.Constant(IntentKind.Price)), (20, Gen.Constant(IntentKind.Liquidate)),
            (4, Gen.Constant(IntentKind.Advance)), (4, Gen.Constant(IntentKind.Accrue)), (3, Gen.Constant(IntentKind.Insurance)),
            (2, Gen.Constant(IntentKind.RealizeBadDebt)), (2, Gen.Constant(IntentKind.Collateral)), (2, Gen.Constant(IntentKind.Guardian)), (1, Gen.Constant(IntentKind.InsurancePolicy)),
            (8, Gen.Constant(IntentKind.Stress)))
        from account in Gen.Choose(1, 3)
        from asset in Gen.Choose(0, assets - 1)
        from asset2 in Gen.Choose(0, assets - 1)
        from bps in kind == IntentKind.Price
            ? Gen.Frequency((3, Gen.Choose(1_000, 9_000)), (5, Gen.Choose(9_000, 11_000)), (2, Gen.Choose(11_000, 30_000)))
            : kind == IntentKind.Stress ? Gen.Frequency((6, Gen.Choose(8_500, 9_999)), (3, Gen.Choose(5_000, 8_500)), (1, Gen.Choose(0, 5_000)))
            : Gen.Frequency((6, Gen.Choose(1, 10_000)), (3, Gen.Constant(10_000)), (1, Gen.Choose(1, 10)))
        select new Intent(kind, account, asset, asset2, bps);

    /// <summary>Sequences of 1 to <paramref name="maxOps"/> intents.</summary>
    public static Gen<Intent[]> Sequences(int assets, int maxOps) =>
        from n in Gen.Choose(1, maxOps)
        from ops in Gen.ArrayOf(Generator(assets), n)
        select ops;

    /// <summary>Shrinks a sequence: drop halves, then quarters, ..., then single operations (FsCheck repeats until minimal).</summary>
    public static IEnumerable<Intent[]> Shrink(Intent[] ops)
    {
        for (int chunk = ops.Length / 2; chunk >= 1; chunk /= 2)
            for (int start = 0; start + chunk <= ops.Length; start += chunk)
                yield return [.. ops[..start], .. ops[(start + chunk)..]];
        for (int i = 0; i < ops.Length; i++)
        {
            if (ops[i].Bps is > 1 and not 10_000 && ops[i].Kind is not (IntentKind.Price or IntentKind.Stress))
                yield return [.. ops[..i], ops[i] with { Bps = 10_000 }, .. ops[(i + 1)..]];
        }
    }
}
