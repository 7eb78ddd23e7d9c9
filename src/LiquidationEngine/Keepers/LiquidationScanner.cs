using System.Numerics;
using System.Numerics.Tensors;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Keepers;

/// <summary>
/// The keeper fast path: finds every account whose health factor is below a threshold, among many accounts, after
/// a price move. A vectorised approximate pass over struct-of-arrays of doubles (System.Numerics.Tensors) selects
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
    private readonly UInt256[][] _collateral;  // [asset][account], token units
    private readonly UInt256[][] _debt;
    private readonly double[][] _collateralApprox;
    private readonly double[][] _debtApprox;
    private readonly double[] _weighted;       // per account: approximate sum of value x LT bps
    private readonly double[] _debtValue;      // per account: approximate debt value
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
        _collateral = Jagged<UInt256>(assets.Length, accountCount);
        _debt = Jagged<UInt256>(assets.Length, accountCount);
        _collateralApprox = Jagged<double>(assets.Length, accountCount);
        _debtApprox = Jagged<double>(assets.Length, accountCount);
        _weighted = new double[accountCount];
        _debtValue = new double[accountCount];
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
        _collateral[asset][account] = collateral;
        _debt[asset][account] = debt;
        _collateralApprox[asset][account] = ApproximateValue.ToDouble(collateral);
        _debtApprox[asset][account] = ApproximateValue.ToDouble(debt);
    }

    /// <summary>An account's collateral in an asset, token units.</summary>
    public UInt256 GetCollateral(int account, int asset) => _collateral[asset][account];

    /// <summary>An account's debt in an asset, token units.</summary>
    public UInt256 GetDebt(int account, int asset) => _debt[asset][account];

    /// <summary>The account's exact health factor (WAD; uint256 max without debt): the engine's <see cref="AccountDataBuilder"/> over its balances.</summary>
    /// <exception cref="Evm.EvmRevertException">Panic(0x11) when a value sum exceeds 2^256, as in the engine.</exception>
    public UInt256 HealthFactor(int account) => AccountData(account).HealthFactor;

    /// <summary>The account's exact <see cref="Risk.AccountData"/>, as <c>Market.GetAccountData</c> computes it from the same balances and prices.</summary>
    public AccountData AccountData(int account)
    {
        var builder = new AccountDataBuilder();
        for (int a = 0; a < _assets.Length; a++)
        {
            UInt256 collateral = _collateral[a][account];
            if (!collateral.IsZero)
                builder.AddCollateral(collateral, _prices[a], _assets[a].Decimals, _assets[a].LtvBps, _assets[a].LiquidationThresholdBps);
        }
        for (int a = 0; a < _assets.Length; a++)
        {
            UInt256 debt = _debt[a][account];
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
        ComputeApproximateSums();
        (double k1, double k2) = CandidateBounds(thresholdWad);
        // weighted := weighted - k1 x debtValue; a candidate has it <= k2 and some debt.
        TensorPrimitives.MultiplyAdd(_debtValue, -k1, _weighted, _weighted);

        int count = 0, candidates = 0;
        int n = AccountCount, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var limit = new Vector<double>(k2);
            ReadOnlySpan<Vector<double>> diffs = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(_weighted);
            ReadOnlySpan<Vector<double>> debts = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(_debtValue);
            for (int v = 0; v < diffs.Length; v++, i += Vector<double>.Count)
            {
                Vector<long> hit = Vector.LessThanOrEqual(diffs[v], limit) & Vector.GreaterThan(debts[v], Vector<double>.Zero);
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
            if (_weighted[i] <= k2 && _debtValue[i] > 0)
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

    // weighted[i] = sum_a collateral[a][i] x (price x LT / 10^decimals); debtValue[i] = sum_a debt[a][i] x (price / 10^decimals).
    private void ComputeApproximateSums()
    {
        for (int a = 0; a < _assets.Length; a++)
        {
            double perToken = ApproximateValue.ToDouble(_prices[a]) / ApproximateValue.ToDouble(Pow10(_assets[a].Decimals));
            double weightedPerToken = perToken * _assets[a].LiquidationThresholdBps;
            if (a == 0)
            {
                TensorPrimitives.Multiply(_collateralApprox[a], weightedPerToken, _weighted);
                TensorPrimitives.Multiply(_debtApprox[a], perToken, _debtValue);
            }
            else
            {
                TensorPrimitives.MultiplyAdd(_collateralApprox[a], weightedPerToken, _weighted, _weighted);
                TensorPrimitives.MultiplyAdd(_debtApprox[a], perToken, _debtValue, _debtValue);
            }
        }
    }

    // The bound of the remarks: eps = (A + 8) 2^-52 covers the conversions (1.001u each), the per-token
    // coefficients (4 roundings), the product and A - 1 additions; the subtraction pass above is one more
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
