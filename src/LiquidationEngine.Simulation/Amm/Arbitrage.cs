using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Amm;

/// <summary>Which way an arbitrage trade went.</summary>
public enum ArbitrageDirection
{
    /// <summary>No trade: the pool is at the reference price, inside the fee band, or the strength is 0.</summary>
    None,

    /// <summary>The pool was above the reference: the arbitrageur sold collateral into it.</summary>
    SellCollateral,

    /// <summary>The pool was below the reference: the arbitrageur bought collateral from it.</summary>
    BuyCollateral,
}

/// <summary>One block's arbitrage trade.</summary>
/// <param name="Direction">Which way it went.</param>
/// <param name="AmountIn">Tokens paid in (collateral when selling, debt tokens when buying), token units.</param>
/// <param name="AmountOut">Tokens paid out, token units.</param>
public readonly record struct ArbitrageTrade(ArbitrageDirection Direction, UInt256 AmountIn, UInt256 AmountOut);

/// <summary>
/// Arbitrage flow: once per block an arbitrageur pulls the pool toward the external reference price by
/// <c>strengthBps</c> of the gap, and only when the gap exceeds the pool fee (inside that band the trade loses money).
/// </summary>
/// <remarks>
/// Exact and bounded. With target price t (between spot and reference) and k = x * y, the input side is brought to
/// its reserve at price t, rounded down: x' = floor(sqrt(k / t)) when selling collateral, y' = floor(sqrt(k * t))
/// when buying; the output is Uniswap V2's getAmountOut. The whole input stays in the pool and the fee only lowers
/// the output, so the new price lies between the old spot and t, inclusive: the flow never overshoots the target,
/// let alone the reference.
/// </remarks>
public static class Arbitrage
{
    /// <summary>Executes one block of arbitrage flow on <paramref name="pool"/>.</summary>
    /// <param name="pool">The pool; its reserves move.</param>
    /// <param name="referencePrice">The external price of one whole collateral token, base-currency units (8 decimals).</param>
    /// <param name="strengthBps">Share of the gap to close, bps (0 to 10 000).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strengthBps"/> is above 10 000.</exception>
    public static ArbitrageTrade Step(ConstantProductPool pool, ulong referencePrice, uint strengthBps)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(strengthBps, SimUnits.BpsOne);
        ulong spot = pool.SpotPrice;
        ulong gap = referencePrice > spot ? referencePrice - spot : spot - referencePrice;
        if (gap == 0 || (UInt128)gap * SimUnits.BpsOne <= (UInt128)pool.FeeBps * spot)
            return default;
        ulong move = (ulong)((UInt128)gap * strengthBps / SimUnits.BpsOne);
        if (move == 0)
            return default;

        UInt256 k = pool.ReserveCollateral * pool.ReserveDebt; // reserves below 2^112: k below 2^224
        if (referencePrice < spot)
        {
            UInt256 target = spot - move;
            UInt256 collateralAfter = IntegerSqrt.Floor(FullMath.MulDiv(k, pool.PriceScale, target * pool.DebtScale, Rounding.Floor));
            if (collateralAfter <= pool.ReserveCollateral)
                return default;
            UInt256 amountIn = collateralAfter - pool.ReserveCollateral;
            return new ArbitrageTrade(ArbitrageDirection.SellCollateral, amountIn, pool.SellCollateral(amountIn));
        }
        else
        {
            UInt256 target = spot + move;
            UInt256 debtAfter = IntegerSqrt.Floor(FullMath.MulDiv(k, target * pool.DebtScale, pool.PriceScale, Rounding.Floor));
            if (debtAfter <= pool.ReserveDebt)
                return default;
            UInt256 amountIn = debtAfter - pool.ReserveDebt;
            return new ArbitrageTrade(ArbitrageDirection.BuyCollateral, amountIn, pool.BuyCollateral(amountIn));
        }
    }
}
