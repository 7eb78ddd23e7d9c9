using System.Numerics;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Keepers;

/// <summary>
/// The keeper fast path: finds every account whose health factor is below a threshold, among many accounts, after
/// a price move. A vectorised approximate pass over struct-of-arrays of doubles (System.Numerics.Vector) selects
/// candidates with a proved error bound, so it can never drop an account that is below the threshold; an exact pass
/// with the engine's own health-factor code (<see cref="AccountDataBuilder"/>) confirms each candidate, so it never
/// reports one that is not. The result is exactly what the exact scalar loop (<see cref="ScanExact"/>) finds.
/// </summary>
/// <remarks>
/// <para>The scanner holds the keeper's own copy of the book: per account and asset, the supply used as collateral
/// and the debt (token units, as <c>Market.GetSupplyBalance</c> and <c>GetDebtBalance</c> return them), and a price
/// per asset. Keep it in step with <see cref="SetAccount"/> and <see cref="SetPrice"/>.</para>
/// <para>The bound (spec/SPEC.md section 8.7): with u = 2^-53 and A assets, every double
/// sum of value terms is within a relative eps = (A + 8) * 2u of the real sum, and the exact integer sums differ from
/// the real ones by less than the sum of the LT bps (collateral, rounded down) and A (debt, rounded up). An account
/// below the threshold T (WAD) therefore satisfies fl(W - k1 D) &lt;= k2 with k1 = tau (1 + 3 eps), tau = T / 1e14,
/// k2 = 2 (tau A + sum LT) + 1, which is the candidate test.</para>
/// <para>Not thread-safe. After construction nothing allocates: scans return spans over internal buffers, valid until
/// the next scan.</para>
/// </remarks>
public sealed class LiquidationScanner
{
    private readonly ScannerAsset[] _assets;
    private readonly UInt256[] _prices;
    // Token units, account-major: [account][asset][collateral, debt]. The exact check of a candidate then reads one
    // contiguous block instead of 2 x assets scattered arrays (the confirmations were cache-miss bound).
    private readonly UInt256[] _book;
    private readonly double[][] _collateralApprox;
    private readonly double[][] _debtApprox;
    private int _lastCount;
    private readonly int[] _found;
    private readonly UInt256[] _foundHealthFactors;

    /// <summary>Creates a scanner for <paramref name="accountCount"/> empty accounts over <paramref name="assets"/> (no prices yet: 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No assets, more than 128, a decimals above 36, or a negative count.</exception>
    public LiquidationScanner(int accountCount, ReadOnlySpan<ScannerAsset> assets)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accountCount);
        ArgumentOutOfRangeException.ThrowIfZero(assets.Length, nameof(assets));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(assets.Length, 128, nameof(assets));
        foreach (ScannerAsset a in assets)
        {
            if (a.Decimals > 36)
                throw new ArgumentOutOfRangeException(nameof(assets), a.Decimals, "decimals above 36 are not supported");
        }
        _assets = assets.ToArray();
        _prices = new UInt256[assets.Length];
        _book = new UInt256[checked(accountCount * assets.Length * 2)];
        _collateralApprox = Jagged<double>(assets.Length, accountCount);
        _debtApprox = Jagged<double>(assets.Length, accountCount);
        _found = new int[accountCount];
        _foundHealthFactors = new UInt256[accountCount];
        AccountCount = accountCount;
    }

    /// <summary>Number of accounts (indexes 0 to count - 1).</summary>
    public int AccountCount { get; }

    /// <summary>Number of assets.</summary>
    public int AssetCount => _assets.Length;

    /// <summary>How many candidates the last <see cref="Scan"/> passed to the exact check (diagnostics).</summary>
    public int LastCandidateCount { get; private set; }

    /// <summary>The exact health factors (WAD) of the accounts the last scan found, in the same order; valid until the next scan.</summary>
    public ReadOnlySpan<UInt256> LastHealthFactors => _foundHealthFactors.AsSpan(0, _lastCount);

    /// <summary>Sets an asset's price, base-currency units per whole token (as <c>Market.SetPrice</c>).</summary>
    public void SetPrice(int asset, UInt256 price) => _prices[asset] = price;

    /// <summary>An asset's price as last set.</summary>
    public UInt256 GetPrice(int asset) => _prices[asset];

    /// <summary>Sets an account's collateral (supply used as collateral) and debt in one asset, token units.</summary>
    public void SetAccount(int account, int asset, UInt256 collateral, UInt256 debt)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)asset, (uint)_assets.Length, nameof(asset));
        int slot = Slot(account, asset);
        _book[slot] = collateral;
        _book[slot + 1] = debt;
        _collateralApprox[asset][account] = ApproximateValue.ToDouble(collateral);
        _debtApprox[asset][account] = ApproximateValue.ToDouble(debt);
    }

    /// <summary>An account's collateral in an asset, token units.</summary>
    public UInt256 GetCollateral(int account, int asset) => _book[CheckedSlot(account, asset)];

    /// <summary>An account's debt in an asset, token units.</summary>
    public UInt256 GetDebt(int account, int asset) => _book[CheckedSlot(account, asset) + 1];

    /// <summary>The account's exact health factor (WAD; uint256 max without debt): the engine's <see cref="AccountDataBuilder"/> over its balances.</summary>
    /// <exception cref="Evm.EvmRevertException">Panic(0x11) when a value sum exceeds 2^256, as in the engine.</exception>
    public UInt256 HealthFactor(int account) => AccountData(account).HealthFactor;

    /// <summary>The account's exact <see cref="Risk.AccountData"/>, as <c>Market.GetAccountData</c> computes it from the same balances and prices.</summary>
    public AccountData AccountData(int account)
    {
        var builder = new AccountDataBuilder();
        ReadOnlySpan<UInt256> book = _book.AsSpan(CheckedSlot(account, 0), 2 * _assets.Length);
        for (int a = 0; a < _assets.Length; a++)
        {
            UInt256 collateral = book[2 * a];
            if (!collateral.IsZero)
                builder.AddCollateral(collateral, _prices[a], _assets[a].Decimals, _assets[a].LtvBps, _assets[a].LiquidationThresholdBps);
        }
        for (int a = 0; a < _assets.Length; a++)
        {
            UInt256 debt = book[2 * a + 1];
            if (!debt.IsZero)
                builder.AddDebt(debt, _prices[a], _assets[a].Decimals);
        }
        return builder.Build();
    }

    /// <summary>
    /// Every account whose exact health factor is below <paramref name="thresholdWad"/>, ascending: the approximate
    /// vectorised pass, then the exact confirmation of its candidates.
    /// </summary>
    /// <param name="thresholdWad">Health factor threshold, WAD: 1e18 finds the liquidatable accounts.</param>
    /// <returns>Account indexes, valid until the next scan.</returns>
    public ReadOnlySpan<int> Scan(UInt256 thresholdWad)
    {
        (double k1, double k2) = CandidateBounds(thresholdWad);
        int assets = _assets.Length;
        Span<double> perToken = stackalloc double[assets], weightedPerToken = stackalloc double[assets];
        for (int a = 0; a < assets; a++)
        {
            perToken[a] = ApproximateValue.ToDouble(_prices[a]) / ApproximateValue.ToDouble(Pow10(_assets[a].Decimals));
            weightedPerToken[a] = perToken[a] * _assets[a].LiquidationThresholdBps;
        }

        // One fused pass: per account weighted = sum_a collateral x (price x LT / 10^decimals), debt = sum_a debt x
        // (price / 10^decimals), then weighted - k1 x debt; a candidate has that <= k2 and some debt. The operations
        // and their order (products, then additions in asset order, no fused multiply-add) are those the bound counts.
        int count = 0, candidates = 0;
        int n = AccountCount, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var limit = new Vector<double>(k2);
            var minusK1 = new Vector<double>(-k1);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                Vector<double> weighted = new Vector<double>(_collateralApprox[0], i) * weightedPerToken[0];
                Vector<double> debt = new Vector<double>(_debtApprox[0], i) * perToken[0];
                for (int a = 1; a < assets; a++)
                {
                    weighted = new Vector<double>(_collateralApprox[a], i) * weightedPerToken[a] + weighted;
                    debt = new Vector<double>(_debtApprox[a], i) * perToken[a] + debt;
                }
                Vector<long> hit = Vector.LessThanOrEqual(debt * minusK1 + weighted, limit) & Vector.GreaterThan(debt, Vector<double>.Zero);
                if (hit == Vector<long>.Zero)
                    continue;
                for (int j = 0; j < Vector<double>.Count; j++)
                {
                    if (hit[j] != 0)
                        Confirm(i + j, thresholdWad, ref count, ref candidates);
                }
            }
        }
        for (; i < n; i++)
        {
            double weighted = _collateralApprox[0][i] * weightedPerToken[0];
            double debt = _debtApprox[0][i] * perToken[0];
            for (int a = 1; a < assets; a++)
            {
                weighted = _collateralApprox[a][i] * weightedPerToken[a] + weighted;
                debt = _debtApprox[a][i] * perToken[a] + debt;
            }
            if (debt * -k1 + weighted <= k2 && debt > 0)
                Confirm(i, thresholdWad, ref count, ref candidates);
        }
        LastCandidateCount = candidates;
        _lastCount = count;
        return _found.AsSpan(0, count);
    }

    /// <summary>The reference: the exact health factor of every account, one by one. Same result as <see cref="Scan"/>.</summary>
    /// <param name="thresholdWad">Health factor threshold, WAD.</param>
    /// <returns>Account indexes, ascending, valid until the next scan.</returns>
    public ReadOnlySpan<int> ScanExact(UInt256 thresholdWad)
    {
        int count = 0;
        for (int i = 0; i < AccountCount; i++)
        {
            UInt256 healthFactor = HealthFactor(i);
            if (healthFactor < thresholdWad)
            {
                _foundHealthFactors[count] = healthFactor;
                _found[count++] = i;
            }
        }
        _lastCount = count;
        return _found.AsSpan(0, count);
    }

    private void Confirm(int account, UInt256 thresholdWad, ref int count, ref int candidates)
    {
        candidates++;
        UInt256 healthFactor = HealthFactor(account);
        if (healthFactor < thresholdWad)
        {
            _foundHealthFactors[count] = healthFactor;
            _found[count++] = account;
        }
    }

    private int Slot(int account, int asset) => (account * _assets.Length + asset) * 2;

    private int CheckedSlot(int account, int asset)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)account, (uint)AccountCount, nameof(account));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)asset, (uint)_assets.Length, nameof(asset));
        return Slot(account, asset);
    }

    // The bound of the remarks: eps = (A + 8) 2^-52 covers the conversions (1.001u each), the per-token
    // coefficients (4 roundings), the product and A - 1 additions; the final debt x (-k1) + weighted is one more
    // rounding of the test, covered by testing <= k2 (rounding is monotone and k2 is a double) and by the
    // 3 eps in k1, which exceeds the (1 + eps) / (1 - eps) of the proof by more than the roundings of k1 itself.
    private (double K1, double K2) CandidateBounds(UInt256 thresholdWad)
    {
        int assets = _assets.Length;
        double eps = (assets + 8) * Math.ScaleB(1.0, -52);
        double tau = ApproximateValue.ToDouble(thresholdWad) / 1e14;
        double thresholdSum = 0;
        foreach (ScannerAsset a in _assets)
            thresholdSum += a.LiquidationThresholdBps;
        return (tau * (1 + 3 * eps), 2 * (tau * assets + thresholdSum) + 1);
    }

    private static UInt256 Pow10(int exponent)
    {
        UInt256 result = UInt256.One;
        for (int i = 0; i < exponent; i++)
            result *= 10U;
        return result;
    }

    private static T[][] Jagged<T>(int outer, int inner)
    {
        var result = new T[outer][];
        for (int i = 0; i < outer; i++)
            result[i] = new T[inner];
        return result;
    }
}
