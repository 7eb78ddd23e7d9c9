using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MorphoBlue;

/// <summary>
/// Morpho Blue (<c>Morpho.sol</c> of <c>@morpho-org/morpho-blue</c> 1.0.0) liquidation math, bit-exact: the
/// liquidation incentive factor, the health check and <c>liquidate</c>'s amounts and state changes, including bad-debt
/// realisation. Rounding is Morpho's: always against the borrower. Pure and allocation-free on success.
/// </summary>
/// <remarks>
/// Prices are the oracle's <c>price()</c>: loan-token units per collateral-token unit scaled by 1e36. The caller
/// passes the market totals after interest accrual (<c>_accrueInterest</c>), and the market must exist.
/// </remarks>
public static class MorphoBlueProfile
{
    /// <summary><c>ORACLE_PRICE_SCALE = 1e36</c>.</summary>
    public static UInt256 OraclePriceScale => new UInt128(54_210_108_624_275_221UL, 12_919_594_847_110_692_864UL);

    /// <summary><c>LIQUIDATION_CURSOR = 0.3e18</c>.</summary>
    public static UInt256 LiquidationCursor => 300_000_000_000_000_000UL;

    /// <summary><c>MAX_LIQUIDATION_INCENTIVE_FACTOR = 1.15e18</c>.</summary>
    public static UInt256 MaxLiquidationIncentiveFactor => 1_150_000_000_000_000_000UL;

    /// <summary>
    /// <c>min(1.15e18, WAD.wDivDown(WAD - 0.3e18.wMulDown(WAD - lltv)))</c>, i.e. min(1.15, 1 / (1 - 0.3 (1 - LLTV))),
    /// WAD: the collateral a liquidator receives per unit of debt repaid.
    /// </summary>
    /// <param name="lltv">The market's liquidation loan-to-value, WAD (Morpho enables only LLTVs below 1e18).</param>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> when <paramref name="lltv"/> &gt; 1e18 (<c>WAD - lltv</c> underflows).</exception>
    public static UInt256 LiquidationIncentiveFactor(UInt256 lltv)
    {
        UInt256 wad = MorphoMathLib.Wad;
        return UInt256.Min(MaxLiquidationIncentiveFactor,
            MorphoMathLib.WDivDown(wad, wad - MorphoMathLib.WMulDown(LiquidationCursor, wad - lltv)));
    }

    /// <summary>
    /// Morpho's <c>_isHealthy(marketParams, id, borrower, collateralPrice)</c> (the form <c>liquidate</c> calls, without
    /// the zero-borrow-shares shortcut): <c>borrowed = borrowShares.toAssetsUp(totalBorrowAssets, totalBorrowShares)</c>,
    /// <c>maxBorrow = collateral.mulDivDown(collateralPrice, 1e36).wMulDown(lltv)</c>, healthy iff <c>maxBorrow &gt;= borrowed</c>.
    /// </summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> when a product overflows.</exception>
    public static MorphoBlueHealth Health(in MorphoBlueMarket market, in MorphoBluePosition position, UInt256 collateralPrice, UInt256 lltv)
    {
        UInt256 borrowed = MorphoSharesMathLib.ToAssetsUp(position.BorrowShares, market.TotalBorrowAssets, market.TotalBorrowShares);
        UInt256 maxBorrow = MorphoMathLib.WMulDown(MorphoMathLib.MulDivDown(position.Collateral, collateralPrice, OraclePriceScale), lltv);
        return new MorphoBlueHealth { IsHealthy = maxBorrow >= borrowed, Borrowed = borrowed, MaxBorrow = maxBorrow };
    }

    /// <summary>
    /// The amounts and state changes of <c>Morpho.liquidate(marketParams, borrower, seizedAssets, repaidShares, data)</c>.
    /// Give exactly one of <paramref name="seizedAssets"/> and <paramref name="repaidShares"/>:
    /// <list type="bullet">
    /// <item>seized assets given: <c>repaidShares = seizedAssets.mulDivUp(price, 1e36).wDivUp(incentive).toSharesUp(...)</c>;</item>
    /// <item>repaid shares given: <c>seizedAssets = repaidShares.toAssetsDown(...).wMulDown(incentive).mulDivDown(1e36, price)</c>;</item>
    /// </list>
    /// then <c>repaidAssets = repaidShares.toAssetsUp(...)</c>; the position's shares, the market's shares (uint128
    /// checked) and borrow assets (floored at 0) fall; the position's collateral falls; if it reaches 0 the remaining
    /// shares are bad debt: <c>min(totalBorrowAssets, shares.toAssetsUp(...))</c> comes off both borrow and supply assets.
    /// </summary>
    /// <param name="market">The market totals after interest accrual.</param>
    /// <param name="position">The borrower's position.</param>
    /// <param name="collateralPrice">The oracle price, scaled by 1e36.</param>
    /// <param name="lltv">The market's LLTV, WAD.</param>
    /// <param name="seizedAssets">Collateral to seize (collateral-token units), or 0.</param>
    /// <param name="repaidShares">Borrow shares to repay, or 0.</param>
    /// <exception cref="EvmRevertException"><c>Error("inconsistent input")</c>, <c>Error("position is healthy")</c>,
    /// <c>Error("max uint128 exceeded")</c>, <c>Panic(0x11)</c> on an overflow or when more shares or collateral are taken
    /// than exist, <c>Panic(0x12)</c> for a zero price on the repaid-shares path.</exception>
    public static MorphoBlueLiquidation Liquidate(
        in MorphoBlueMarket market, in MorphoBluePosition position, UInt256 collateralPrice, UInt256 lltv,
        UInt256 seizedAssets, UInt256 repaidShares)
    {
        if (seizedAssets.IsZero == repaidShares.IsZero)
            ProfileRevert.ThrowError(MorphoBlueErrors.InconsistentInput,
                $"exactly one of seizedAssets ({seizedAssets}) and repaidShares ({repaidShares}) must be zero");

        UInt256 totalBorrowAssets = market.TotalBorrowAssets, totalBorrowShares = market.TotalBorrowShares;
        MorphoBlueHealth health = Health(market, position, collateralPrice, lltv);
        if (health.IsHealthy)
            ProfileRevert.ThrowError(MorphoBlueErrors.HealthyPosition,
                $"maxBorrow {health.MaxBorrow} >= borrowed {health.Borrowed}");

        UInt256 incentive = LiquidationIncentiveFactor(lltv);
        if (!seizedAssets.IsZero)
        {
            UInt256 seizedAssetsQuoted = MorphoMathLib.MulDivUp(seizedAssets, collateralPrice, OraclePriceScale);
            repaidShares = MorphoSharesMathLib.ToSharesUp(MorphoMathLib.WDivUp(seizedAssetsQuoted, incentive), totalBorrowAssets, totalBorrowShares);
        }
        else
        {
            UInt256 repaid = MorphoSharesMathLib.ToAssetsDown(repaidShares, totalBorrowAssets, totalBorrowShares);
            seizedAssets = MorphoMathLib.MulDivDown(MorphoMathLib.WMulDown(repaid, incentive), OraclePriceScale, collateralPrice);
        }
        UInt256 repaidAssets = MorphoSharesMathLib.ToAssetsUp(repaidShares, totalBorrowAssets, totalBorrowShares);

        UInt128 borrowShares = Sub128(position.BorrowShares, ToUint128(repaidShares, "repaidShares"));
        UInt128 marketBorrowShares = Sub128(market.TotalBorrowShares, ToUint128(repaidShares, "repaidShares"));
        UInt128 marketBorrowAssets = (UInt128)ZeroFloorSub(totalBorrowAssets, repaidAssets);
        UInt128 collateral = Sub128(position.Collateral, ToUint128(seizedAssets, "seizedAssets"));
        UInt128 marketSupplyAssets = market.TotalSupplyAssets;

        UInt256 badDebtShares = UInt256.Zero, badDebtAssets = UInt256.Zero;
        if (collateral == 0)
        {
            badDebtShares = borrowShares;
            badDebtAssets = UInt256.Min(marketBorrowAssets,
                MorphoSharesMathLib.ToAssetsUp(badDebtShares, marketBorrowAssets, marketBorrowShares));
            marketBorrowAssets = Sub128(marketBorrowAssets, (UInt128)badDebtAssets);
            marketSupplyAssets = Sub128(marketSupplyAssets, (UInt128)badDebtAssets);
            marketBorrowShares = Sub128(marketBorrowShares, borrowShares);
            borrowShares = 0;
        }

        return new MorphoBlueLiquidation
        {
            SeizedAssets = seizedAssets,
            RepaidAssets = repaidAssets,
            RepaidShares = repaidShares,
            BadDebtAssets = badDebtAssets,
            BadDebtShares = badDebtShares,
            Market = new MorphoBlueMarket
            {
                TotalSupplyAssets = marketSupplyAssets,
                TotalBorrowAssets = marketBorrowAssets,
                TotalBorrowShares = marketBorrowShares,
            },
            Position = new MorphoBluePosition { Collateral = collateral, BorrowShares = borrowShares },
        };
    }

    /// <summary><c>UtilsLib.toUint128</c>: <c>require(x &lt;= type(uint128).max, "max uint128 exceeded")</c>.</summary>
    private static UInt128 ToUint128(UInt256 value, string name)
    {
        if (value > UInt128.MaxValue)
            ProfileRevert.ThrowError(MorphoBlueErrors.MaxUint128Exceeded, $"{name} = {value} does not fit uint128");
        return (UInt128)value;
    }

    /// <summary>Checked uint128 subtraction (a storage field <c>-=</c>): <c>Panic(0x11)</c> on underflow.</summary>
    private static UInt128 Sub128(UInt128 left, UInt128 right)
    {
        if (right > left) ThrowUnderflow(left, right);
        return left - right;
    }

    /// <summary><c>UtilsLib.zeroFloorSub</c>: <c>x - y</c>, or 0 when <c>y &gt; x</c>.</summary>
    private static UInt256 ZeroFloorSub(UInt256 x, UInt256 y) => x > y ? x - y : UInt256.Zero;

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnderflow(UInt128 left, UInt128 right)
    {
        ReadOnlyMemory<byte> data = EvmRevertException.ForPanic(PanicCode.ArithmeticOverflow).RevertData;
        throw new EvmRevertException(data.Span, $"Panic(0x11): uint128 {left} - {right} underflows");
    }
}
