using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Amm;

/// <summary>
/// A Uniswap V2 style constant-product pool for one collateral/debt pair: the depth every liquidation sale and every
/// arbitrage trade goes through. The whole input stays in the pool (the fee accrues to liquidity), so the product of
/// the reserves never falls; reserves are capped at 2^112 - 1 as in Uniswap V2 (<c>UniswapV2: OVERFLOW</c>).
/// </summary>
public sealed class ConstantProductPool
{
    private static readonly UInt256 MaxReserve = (UInt256.One << 112) - UInt256.One;

    /// <summary>Creates a pool.</summary>
    /// <param name="reserveCollateral">Collateral tokens in the pool, token units; positive, at most 2^112 - 1.</param>
    /// <param name="reserveDebt">Debt tokens (the 1 USD stablecoin) in the pool, token units; positive, at most 2^112 - 1.</param>
    /// <param name="feeBps">Swap fee, bps, below 10 000 (30 = Uniswap V2).</param>
    /// <param name="collateralDecimals">Collateral token decimals.</param>
    /// <param name="debtDecimals">Debt token decimals.</param>
    /// <exception cref="ArgumentOutOfRangeException">A reserve is 0 or too large, or the fee is 10 000 bps or more.</exception>
    public ConstantProductPool(UInt256 reserveCollateral, UInt256 reserveDebt, uint feeBps, byte collateralDecimals, byte debtDecimals)
    {
        if (reserveCollateral.IsZero || reserveCollateral > MaxReserve)
            throw new ArgumentOutOfRangeException(nameof(reserveCollateral), reserveCollateral.ToString(), "must be between 1 and 2^112 - 1");
        if (reserveDebt.IsZero || reserveDebt > MaxReserve)
            throw new ArgumentOutOfRangeException(nameof(reserveDebt), reserveDebt.ToString(), "must be between 1 and 2^112 - 1");
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feeBps, ConstantProductMath.BpsOne);
        ReserveCollateral = reserveCollateral;
        ReserveDebt = reserveDebt;
        FeeBps = feeBps;
        CollateralDecimals = collateralDecimals;
        DebtDecimals = debtDecimals;
        PriceScale = SimUnits.Pow10(SimUnits.PriceDecimals + collateralDecimals);
        DebtScale = SimUnits.Pow10(debtDecimals);
    }

    /// <summary>Collateral tokens in the pool, token units.</summary>
    public UInt256 ReserveCollateral { get; private set; }

    /// <summary>Debt tokens in the pool, token units.</summary>
    public UInt256 ReserveDebt { get; private set; }

    /// <summary>Swap fee, bps.</summary>
    public uint FeeBps { get; }

    /// <summary>Collateral token decimals.</summary>
    public byte CollateralDecimals { get; }

    /// <summary>Debt token decimals.</summary>
    public byte DebtDecimals { get; }

    // price = reserveDebt * 10^(8 + collateralDecimals) / (reserveCollateral * 10^debtDecimals).
    internal UInt256 PriceScale { get; }

    internal UInt256 DebtScale { get; }

    /// <summary>Spot price of one whole collateral token, base-currency units (8 decimals), rounded down.</summary>
    public ulong SpotPrice => (ulong)UInt256.Min(
        FullMath.MulDiv(ReserveDebt, PriceScale, ReserveCollateral * DebtScale, Rounding.Floor), ulong.MaxValue);

    /// <summary>Debt tokens a sale of <paramref name="collateralIn"/> would return now (Uniswap V2 getAmountOut). Pure.</summary>
    /// <exception cref="EvmRevertException">As <see cref="ConstantProductMath.GetAmountOut"/>.</exception>
    public UInt256 QuoteSellCollateral(UInt256 collateralIn) =>
        ConstantProductMath.GetAmountOut(collateralIn, ReserveCollateral, ReserveDebt, FeeBps);

    /// <summary>Sells collateral into the pool; returns the debt tokens paid out.</summary>
    /// <exception cref="EvmRevertException">As <see cref="ConstantProductMath.GetAmountOut"/>; <c>UniswapV2: OVERFLOW</c>.</exception>
    public UInt256 SellCollateral(UInt256 collateralIn)
    {
        UInt256 debtOut = QuoteSellCollateral(collateralIn);
        SetReserves(ReserveCollateral + collateralIn, ReserveDebt - debtOut);
        return debtOut;
    }

    /// <summary>Buys collateral from the pool with an exact debt-token input; returns the collateral paid out.</summary>
    /// <exception cref="EvmRevertException">As <see cref="ConstantProductMath.GetAmountOut"/>; <c>UniswapV2: OVERFLOW</c>.</exception>
    public UInt256 BuyCollateral(UInt256 debtIn)
    {
        UInt256 collateralOut = ConstantProductMath.GetAmountOut(debtIn, ReserveDebt, ReserveCollateral, FeeBps);
        SetReserves(ReserveCollateral - collateralOut, ReserveDebt + debtIn);
        return collateralOut;
    }

    /// <summary>
    /// Market depth within <paramref name="bps"/> of the spot price: the debt tokens that selling collateral until the
    /// spot price is <paramref name="bps"/> lower would return, fee ignored. On x * y = k the debt reserve at
    /// price p(1 - b) is y * sqrt(1 - b), so depth = y - ceil(sqrt(y^2 * (10000 - bps) / 10000)). Token units.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bps"/> is above 10 000.</exception>
    public UInt256 DebtDepthWithin(uint bps)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bps, ConstantProductMath.BpsOne);
        UInt256 y = ReserveDebt;
        UInt256 after = IntegerSqrt.Ceil(FullMath.MulDiv(y * y, ConstantProductMath.BpsOne - bps, ConstantProductMath.BpsOne, Rounding.Ceil));
        return after >= y ? UInt256.Zero : y - after;
    }

    /// <summary>Moves the reserves; the only mutation, used by the swap methods and by <see cref="Arbitrage"/>.</summary>
    internal void SetReserves(UInt256 reserveCollateral, UInt256 reserveDebt)
    {
        if (reserveCollateral > MaxReserve || reserveDebt > MaxReserve)
            throw EvmRevertException.ForError("UniswapV2: OVERFLOW");
        ReserveCollateral = reserveCollateral;
        ReserveDebt = reserveDebt;
    }
}
