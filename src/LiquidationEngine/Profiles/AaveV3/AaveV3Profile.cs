using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.AaveV3;

/// <summary>
/// Aave V3 (v3.0 core, <c>@aave/core-v3</c> 1.19.3) account and liquidation math, bit-exact: the arithmetic of
/// <c>GenericLogic.calculateUserAccountData</c> and of <c>LiquidationLogic.executeLiquidationCall</c>
/// (<c>_calculateDebt</c>, the amount checks of <c>ValidationLogic.validateLiquidationCall</c>,
/// <c>_calculateAvailableCollateralToLiquidate</c>), with Aave's own rounding and revert data. Pure and
/// allocation-free on success.
/// </summary>
/// <remarks>
/// Not modelled (the caller supplies their outcome): eMode, reserve flags (active, paused), the price oracle
/// sentinel, the collateral-enabled check (<c>'46'</c>: the collateral must have a non-zero liquidation threshold and
/// be used as collateral), index accrual, and the 1-wei cap of the protocol fee to the user's scaled balance.
/// </remarks>
public static class AaveV3Profile
{
    /// <summary><c>HEALTH_FACTOR_LIQUIDATION_THRESHOLD = 1e18</c>: a position is liquidatable below it.</summary>
    public static UInt256 HealthFactorLiquidationThreshold => 1_000_000_000_000_000_000UL;

    /// <summary><c>CLOSE_FACTOR_HF_THRESHOLD = 0.95e18</c>: at or below it the whole debt may be repaid at once.</summary>
    public static UInt256 CloseFactorHealthFactorThreshold => 950_000_000_000_000_000UL;

    /// <summary><c>DEFAULT_LIQUIDATION_CLOSE_FACTOR = 5000</c> bps (50%), used when HF &gt; 0.95e18.</summary>
    public const ushort DefaultCloseFactorBps = 5_000;

    /// <summary><c>MAX_LIQUIDATION_CLOSE_FACTOR = 10000</c> bps (100%), used when HF &lt;= 0.95e18.</summary>
    public const ushort MaxCloseFactorBps = 10_000;

    /// <summary>
    /// The user account data of <c>GenericLogic.calculateUserAccountData</c> (no eMode). For each reserve, with
    /// <c>unit = 10^decimals</c> (Aave computes it <c>unchecked</c>: it wraps modulo 2^256 from 78 decimals on):
    /// a reserve whose liquidation threshold is non-zero and that is used as collateral adds
    /// <c>checked(balance * price) / unit</c> to the total collateral and that value times its LTV and threshold to the
    /// weighted sums (a zero LTV instead sets <see cref="AaveV3AccountData.HasZeroLtvCollateral"/>); every reserve adds
    /// <c>checked(price * debt) / unit</c> to the total debt. All sums are checked.
    /// </summary>
    /// <param name="reserves">The user's reserves, in Aave's reserve order (the order does not change the result).</param>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> when a product or a sum overflows; empty revert data
    /// when <c>percentMul</c> or <c>wadDiv</c> of the health factor overflows.</exception>
    public static AaveV3AccountData UserAccountData(ReadOnlySpan<AaveV3Reserve> reserves)
    {
        UInt256 totalCollateral = UInt256.Zero, totalDebt = UInt256.Zero, ltvSum = UInt256.Zero, thresholdSum = UInt256.Zero;
        bool hasZeroLtvCollateral = false;
        foreach (ref readonly AaveV3Reserve reserve in reserves)
        {
            UInt256 unit = TokenUnit(reserve.Decimals);
            if (reserve.LiquidationThresholdBps != 0 && reserve.UsedAsCollateral)
            {
                UInt256 collateralBase = reserve.CollateralBalance * reserve.Price / unit;
                totalCollateral += collateralBase;
                if (reserve.LtvBps != 0)
                    ltvSum += collateralBase * reserve.LtvBps;
                else
                    hasZeroLtvCollateral = true;
                thresholdSum += collateralBase * reserve.LiquidationThresholdBps;
            }
            totalDebt += reserve.Price * reserve.DebtBalance / unit;
        }

        UInt256 avgLtv = totalCollateral.IsZero ? UInt256.Zero : ltvSum / totalCollateral;
        UInt256 avgThreshold = totalCollateral.IsZero ? UInt256.Zero : thresholdSum / totalCollateral;
        return new AaveV3AccountData
        {
            TotalCollateralBase = totalCollateral,
            TotalDebtBase = totalDebt,
            AvgLtvBps = avgLtv,
            AvgLiquidationThresholdBps = avgThreshold,
            HealthFactor = totalDebt.IsZero
                ? UInt256.MaxValue
                : WadRayMath.WadDiv(PercentageMath.PercentMul(totalCollateral, avgThreshold), totalDebt),
            HasZeroLtvCollateral = hasZeroLtvCollateral,
        };
    }

    /// <summary>
    /// What <c>liquidationCall</c> would repay and seize, in Aave's order of evaluation:
    /// <list type="number">
    /// <item>close factor 5000 bps when HF &gt; 0.95e18, else 10000; <c>maxLiquidatableDebt = percentMul(userTotalDebt,
    /// closeFactor)</c>; <c>actualDebtToLiquidate = min(debtToCover, maxLiquidatableDebt)</c>;</item>
    /// <item><c>require(HF &lt; 1e18, '45')</c>, then <c>require(userTotalDebt != 0, '47')</c>;</item>
    /// <item><c>baseCollateral = (debtPrice * actualDebt * collateralUnit) / (collateralPrice * debtUnit)</c> (checked,
    /// floor), <c>maxCollateral = percentMul(baseCollateral, bonus)</c>;</item>
    /// <item>if <c>maxCollateral &gt; collateralBalance</c>: collateral = balance and <c>debtNeeded =
    /// percentDiv((collateralPrice * collateral * debtUnit) / (debtPrice * collateralUnit), bonus)</c>; else collateral =
    /// maxCollateral and debtNeeded = actualDebt;</item>
    /// <item>with a fee: <c>bonusCollateral = collateral - percentDiv(collateral, bonus)</c>, <c>fee =
    /// percentMul(bonusCollateral, feeBps)</c>, the liquidator gets <c>collateral - fee</c>.</item>
    /// </list>
    /// </summary>
    /// <exception cref="EvmRevertException"><c>Error("45")</c> (HF not below 1e18), <c>Error("47")</c> (no debt), empty
    /// data when a <c>percentMul</c>/<c>percentDiv</c> overflows or divides by a zero bonus, <c>Panic(0x11)</c> when a
    /// product overflows or a subtraction underflows (a bonus below 100% with a fee, a fee above 100%),
    /// <c>Panic(0x12)</c> when a price is zero.</exception>
    public static AaveV3LiquidationQuote LiquidationQuote(in AaveV3LiquidationInput input)
    {
        UInt256 closeFactor = input.HealthFactor > CloseFactorHealthFactorThreshold ? DefaultCloseFactorBps : MaxCloseFactorBps;
        UInt256 maxLiquidatableDebt = PercentageMath.PercentMul(input.UserTotalDebt, closeFactor);
        UInt256 actualDebt = input.DebtToCover > maxLiquidatableDebt ? maxLiquidatableDebt : input.DebtToCover;

        if (!(input.HealthFactor < HealthFactorLiquidationThreshold))
            ProfileRevert.ThrowError(AaveV3Errors.HealthFactorNotBelowThreshold,
                $"HEALTH_FACTOR_NOT_BELOW_THRESHOLD: health factor {input.HealthFactor} is not below 1e18");
        if (input.UserTotalDebt.IsZero)
            ProfileRevert.ThrowError(AaveV3Errors.SpecifiedCurrencyNotBorrowedByUser,
                "SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER: userTotalDebt is 0");

        UInt256 collateralUnit = TokenUnit(input.CollateralDecimals);
        UInt256 debtUnit = TokenUnit(input.DebtDecimals);
        UInt256 bonus = input.LiquidationBonusBps;

        UInt256 baseCollateral = input.DebtPrice * actualDebt * collateralUnit / (input.CollateralPrice * debtUnit);
        UInt256 maxCollateral = PercentageMath.PercentMul(baseCollateral, bonus);
        UInt256 collateral, debtNeeded;
        if (maxCollateral > input.CollateralBalance)
        {
            collateral = input.CollateralBalance;
            debtNeeded = PercentageMath.PercentDiv(
                input.CollateralPrice * collateral * debtUnit / (input.DebtPrice * collateralUnit), bonus);
        }
        else
        {
            collateral = maxCollateral;
            debtNeeded = actualDebt;
        }

        UInt256 fee = UInt256.Zero;
        if (input.ProtocolFeeBps != 0)
        {
            UInt256 bonusCollateral = collateral - PercentageMath.PercentDiv(collateral, bonus);
            fee = PercentageMath.PercentMul(bonusCollateral, input.ProtocolFeeBps);
        }
        return new AaveV3LiquidationQuote
        {
            ActualDebtToLiquidate = actualDebt,
            CollateralToLiquidator = collateral - fee,
            DebtAmountNeeded = debtNeeded,
            ProtocolFee = fee,
        };
    }

    /// <summary>
    /// One whole token in its smallest units, as Aave computes it: <c>unchecked { 10 ** decimals }</c> (modulo 2^256
    /// from 78 decimals on; never 0 for 8-bit decimals).
    /// </summary>
    /// <param name="decimals">The token's decimals.</param>
    public static UInt256 TokenUnit(byte decimals)
    {
        if (decimals < 20)
        {
            ulong small = 1;
            for (int i = 0; i < decimals; i++) small *= 10; // at most 10^19 < 2^64
            return small;
        }
        UInt256 result = UInt256.One, power = 10UL;
        for (int e = decimals; e != 0; e >>= 1)
        {
            if ((e & 1) != 0) result = UInt256.WrappingMul(result, power);
            power = UInt256.WrappingMul(power, power);
        }
        return result;
    }
}
