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
    private Sum256 _collateral;
    private Sum256 _debt;
    private Sum256 _ltvWeighted;
    private Sum256 _thresholdWeighted;

    /// <summary>Adds a supply that counts as collateral.</summary>
    /// <param name="amount">Balance in token units.</param>
    /// <param name="price">Price of one whole token in base-currency units.</param>
    /// <param name="decimals">Token decimals (at most 38).</param>
    /// <param name="ltvBps">The asset's LTV, bps.</param>
    /// <param name="liquidationThresholdBps">The asset's liquidation threshold, bps.</param>
    public void AddCollateral(UInt256 amount, UInt256 price, byte decimals, uint ltvBps, uint liquidationThresholdBps) =>
        AddCollateralValue(Valuation.ValueDown(amount, price, decimals), ltvBps, liquidationThresholdBps);

    /// <summary>
    /// Adds a collateral held as a scaled supply: the balance floor(scaled x index / 10^27) valued as by
    /// <see cref="AddCollateral"/>, in one pass.
    /// </summary>
    /// <param name="scaledSupply">Scaled supply.</param>
    /// <param name="supplyIndex">The asset's supply index, RAY.</param>
    /// <param name="price">Price of one whole token in base-currency units.</param>
    /// <param name="decimals">Token decimals (at most 38).</param>
    /// <param name="ltvBps">The asset's LTV, bps.</param>
    /// <param name="liquidationThresholdBps">The asset's liquidation threshold, bps.</param>
    public void AddScaledCollateral(UInt256 scaledSupply, UInt256 supplyIndex, UInt256 price, byte decimals, uint ltvBps, uint liquidationThresholdBps) =>
        AddCollateralValue(FastMath.ScaledValue(scaledSupply, supplyIndex, price, decimals, roundUp: false), ltvBps, liquidationThresholdBps);

    /// <summary>Adds a debt.</summary>
    /// <param name="amount">Debt in token units.</param>
    /// <param name="price">Price of one whole token in base-currency units.</param>
    /// <param name="decimals">Token decimals (at most 38).</param>
    public void AddDebt(UInt256 amount, UInt256 price, byte decimals) => _debt.Add(Valuation.ValueUp(amount, price, decimals));

    /// <summary>Adds a debt held as a scaled debt: the debt ceil(scaled x index / 10^27) valued as by <see cref="AddDebt"/>.</summary>
    /// <param name="scaledDebt">Scaled debt.</param>
    /// <param name="borrowIndex">The asset's borrow index, RAY.</param>
    /// <param name="price">Price of one whole token in base-currency units.</param>
    /// <param name="decimals">Token decimals (at most 38).</param>
    public void AddScaledDebt(UInt256 scaledDebt, UInt256 borrowIndex, UInt256 price, byte decimals) =>
        _debt.Add(FastMath.ScaledValue(scaledDebt, borrowIndex, price, decimals, roundUp: true));

    /// <summary>The summary of everything added so far.</summary>
    public readonly AccountData Build()
    {
        UInt256 weighted = _thresholdWeighted.Value, debt = _debt.Value;
        UInt256 healthFactor = debt.IsZero ? UInt256.MaxValue : FastMath.MulDiv(weighted, HealthFactorScale, debt, roundUp: false);
        return new AccountData(_collateral.Value, debt, _ltvWeighted.Value, weighted, healthFactor);
    }

    private void AddCollateralValue(in UInt256 value, uint ltvBps, uint liquidationThresholdBps)
    {
        _collateral.Add(value);
        _ltvWeighted.AddProduct(value, ltvBps);
        _thresholdWeighted.AddProduct(value, liquidationThresholdBps);
    }

    // HF = W / 10^4 / D in WAD: W x 10^18 / (D x 10^4) = W x 10^14 / D, one rounding.
    private static UInt256 HealthFactorScale => 100_000_000_000_000UL;
}
