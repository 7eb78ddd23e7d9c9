using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Keepers;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace LiquidationEngine.Tests.Simulation;

/// <summary>
/// The keeper fast path: <see cref="LiquidationScanner.Scan"/> never misses an account whose exact health factor is
/// below the threshold and never reports one that is not, checked against an independent BigInteger model of the
/// engine's health factor (spec/SPEC.md section 4.3) on random books, with thresholds placed exactly at an account's
/// health factor and one wei above it, and accounts whose debt is sized to put them at the threshold give or take a
/// few base units (where the double pre-filter's error bound is tight).
/// </summary>
public class LiquidationScannerProperties(ITestOutputHelper output)
{
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);

    private sealed record AssetDef(byte Decimals, uint LtBps, BigInteger Price);

    private sealed record AccountDef(BigInteger[] Collateral, BigInteger[] Debt, bool AtThreshold, int DebtAsset, int Delta);

    private sealed record Book(AssetDef[] Assets, AccountDef[] Accounts, int ThresholdKind, int ThresholdAccount)
    {
        public override string ToString() =>
            $"assets [{string.Join("; ", Assets.Select(a => $"dec {a.Decimals} LT {a.LtBps} price {a.Price}"))}] threshold {ThresholdKind}/{ThresholdAccount}; accounts "
            + string.Join(" | ", Accounts.Select(a => $"c [{string.Join(",", a.Collateral)}] d [{string.Join(",", a.Debt)}] at {a.AtThreshold}/{a.DebtAsset}/{a.Delta}"));
    }

    private static Gen<BigInteger> Scaled(int maxExponent) =>
        from mantissa in Gen.Choose(1, 1_000_000)
        from exponent in Gen.Choose(0, maxExponent)
        select mantissa * BigInteger.Pow(10, exponent);

    private static readonly Gen<AssetDef> AssetGen =
        from decimals in Gen.Elements<byte>(0, 6, 8, 18, 24, 36)
        from lt in Gen.Frequency((4, Gen.Choose(5_000, 9_500).Select(v => (uint)v)), (1, Gen.Elements(0u, 1u, 10_000u)))
        from price in Gen.Frequency((1, Gen.Choose(1, 100).Select(v => new BigInteger(v))), (4, Scaled(10)))
        select new AssetDef(decimals, lt, price);

    private static Gen<BigInteger> AmountGen =>
        Gen.Frequency((3, Gen.Constant(BigInteger.Zero)), (1, Gen.Choose(1, 1_000).Select(v => new BigInteger(v))), (3, Scaled(24)));

    private static Gen<AccountDef> AccountGen(int assets) =>
        from collateral in Gen.ArrayOf(AmountGen, assets)
        from debt in Gen.ArrayOf(AmountGen, assets)
        from atThreshold in Gen.Frequency((1, Gen.Constant(true)), (1, Gen.Constant(false)))
        from debtAsset in Gen.Choose(0, assets - 1)
        from delta in Gen.Choose(-3, 3)
        select new AccountDef(collateral, debt, atThreshold, debtAsset, delta);

    private static readonly Gen<Book> BookGen =
        from assetCount in Gen.Choose(1, 4)
        from assets in Gen.ArrayOf(AssetGen, assetCount)
        from accountCount in Gen.Choose(1, 37)
        from accounts in Gen.ArrayOf(AccountGen(assetCount), accountCount)
        from thresholdKind in Gen.Choose(0, 3)
        from thresholdAccount in Gen.Choose(0, accountCount - 1)
        select new Book(assets, accounts, thresholdKind, thresholdAccount);

    [Fact]
    public void ScanFindsExactlyTheAccountsBelowTheThreshold() =>
        PropertyCheck.Run(output, "scanner.exact", BookGen, Check, maxTest: 600);

    private static void Check(Book book)
    {
        BigInteger threshold = book.ThresholdKind == 0 ? Wad : Wad * (book.ThresholdKind + 1) / 2; // 1, 1, 1.5, 2
        BigInteger[][] debts = [.. book.Accounts.Select(a => SizeDebt(book.Assets, a, threshold))];
        BigInteger[] healthFactors = [.. book.Accounts.Select((a, i) => ModelHealthFactor(book.Assets, a.Collateral, debts[i]))];
        BigInteger pinned = healthFactors[book.ThresholdAccount];
        if (book.ThresholdKind >= 2 && pinned < U256.MaxBig)
            threshold = pinned + (book.ThresholdKind - 2); // exactly at an account's health factor (not found), or 1 wei above (found)

        var scanner = new LiquidationScanner(book.Accounts.Length, [.. book.Assets.Select(a => new ScannerAsset(a.Decimals, a.LtBps / 2, a.LtBps))]);
        for (int a = 0; a < book.Assets.Length; a++)
            scanner.SetPrice(a, U256.From(book.Assets[a].Price));
        for (int i = 0; i < book.Accounts.Length; i++)
        {
            for (int a = 0; a < book.Assets.Length; a++)
                scanner.SetAccount(i, a, U256.From(book.Accounts[i].Collateral[a]), U256.From(debts[i][a]));
        }

        int[] expected = [.. Enumerable.Range(0, healthFactors.Length).Where(i => healthFactors[i] < threshold)];
        UInt256 t = U256.From(BigInteger.Min(threshold, U256.MaxBig));
        int[] found = scanner.Scan(t).ToArray();
        Assert.Equal(expected, found);
        Assert.Equal(expected.Select(i => healthFactors[i]), scanner.LastHealthFactors.ToArray().Select(U256.ToBig));
        Assert.Equal(expected, scanner.ScanExact(t).ToArray());
    }

    // Accounts marked AtThreshold get a debt (in one asset) whose value puts their health factor at the threshold,
    // shifted by Delta base units of debt value.
    private static BigInteger[] SizeDebt(AssetDef[] assets, AccountDef account, BigInteger threshold)
    {
        BigInteger[] debt = [.. account.Debt];
        if (!account.AtThreshold)
            return debt;
        BigInteger weighted = Weighted(assets, account.Collateral);
        AssetDef d = assets[account.DebtAsset];
        BigInteger value = BigInteger.Max(BigInteger.One, Ceil(weighted * BigInteger.Pow(10, 14), threshold) + account.Delta);
        BigInteger amount = value * BigInteger.Pow(10, d.Decimals) / d.Price; // valued up, this is value or just below
        if (amount.GetBitLength() > 200)
            return debt; // beyond any token supply (and the scanner's 256-bit sums)
        Array.Clear(debt);
        debt[account.DebtAsset] = amount;
        return debt;
    }

    // spec/SPEC.md 4.3: W = sum floor(c x p / 10^d) x LT; D = sum ceil(b x p / 10^d); HF = floor(W x 10^14 / D), max without debt.
    private static BigInteger ModelHealthFactor(AssetDef[] assets, BigInteger[] collateral, BigInteger[] debt)
    {
        BigInteger debtValue = BigInteger.Zero;
        for (int a = 0; a < assets.Length; a++)
            debtValue += Ceil(debt[a] * assets[a].Price, BigInteger.Pow(10, assets[a].Decimals));
        return debtValue.IsZero ? U256.MaxBig : Weighted(assets, collateral) * BigInteger.Pow(10, 14) / debtValue;
    }

    private static BigInteger Weighted(AssetDef[] assets, BigInteger[] collateral)
    {
        BigInteger weighted = BigInteger.Zero;
        for (int a = 0; a < assets.Length; a++)
            weighted += collateral[a] * assets[a].Price / BigInteger.Pow(10, assets[a].Decimals) * assets[a].LtBps;
        return weighted;
    }

    private static BigInteger Ceil(BigInteger x, BigInteger y) => (x + y - 1) / y;
}
