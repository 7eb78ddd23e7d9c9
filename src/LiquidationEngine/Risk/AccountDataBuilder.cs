using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>
/// Accumulates an account's positions into <see cref="AccountData"/> without allocating: add each collateral and
/// each debt (in any order; sums are order-independent), then <see cref="Build"/>. Rounding favours the
/// protocol: collateral values round down, debt values round up. Checked: a sum beyond 2^256 reverts with Panic(0x11).
/// </summary>
/// <remarks>The engine and keeper code use this same type, so their health factors cannot disagree.</remarks>
public struct AccountDataBuilder
{
    private UInt256 _collateral;
    private UInt256 _debt;
    private UInt256 _ltvWeighted;
    private UInt256 _thresholdWeighted;

    /// <summary>Adds a supply that counts as collateral.</summary>
    /// <param name="amount">Balance in token units.</param>
    /// <param name="price">Price of one whole token in base-currency units.</param>
    /// <param name="decimals">Token decimals (at most 38).</param>
    /// <param name="ltvBps">The asset's LTV, bps.</param>
    /// <param name="liquidationThresholdBps">The asset's liquidation threshold, bps.</param>
    public void AddCollateral(UInt256 amount, UInt256 price, byte decimals, uint ltvBps, uint liquidationThresholdBps)
    {
        UInt256 value = Valuation.ValueDown(amount, price, decimals);
        _collateral += value;
        _ltvWeighted += FastMath.MulSmall(value, ltvBps);
        _thresholdWeighted += FastMath.MulSmall(value, liquidationThresholdBps);
    }

    /// <summary>Adds a debt.</summary>
    /// <param name="amount">Debt in token units.</param>
    /// <param name="price">Price of one whole token in base-currency units.</param>
    /// <param name="decimals">Token decimals (at most 38).</param>
    public void AddDebt(UInt256 amount, UInt256 price, byte decimals) => _debt += Valuation.ValueUp(amount, price, decimals);

    /// <summary>The summary of everything added so far.</summary>
    public readonly AccountData Build()
    {
        UInt256 healthFactor = _debt.IsZero
            ? UInt256.MaxValue
            : FastMath.MulDiv(_thresholdWeighted, HealthFactorScale, _debt, roundUp: false);
        return new AccountData(_collateral, _debt, _ltvWeighted, _thresholdWeighted, healthFactor);
    }

    // HF = W / 10^4 / D in WAD: W x 10^18 / (D x 10^4) = W x 10^14 / D, one rounding.
    private static UInt256 HealthFactorScale => 100_000_000_000_000UL;
}
