using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Risk;

/// <summary>
/// The liquidation formulas (spec/SPEC.md, "Liquidation"): pure, allocation-free and thread-safe. The engine's
/// <c>Liquidate</c> executes exactly the quote this returns, so a keeper's quote cannot disagree with the
/// execution. Intermediate products are checked: values beyond 2^256 revert with Panic(0x11).
/// </summary>
public static class LiquidationMath
{
    // HF (WAD) vs bonus x LT (bps x bps = 10^8): scale the bps product by 10^10 to compare in WAD.
    private static UInt256 BpsSquaredToWad => 10_000_000_000UL;

    // W x 10^14 = (sum of value x LT bps) / 10^4 in WAD.
    private static UInt256 WeightedToWad => 100_000_000_000_000UL;

    /// <summary>
    /// Quotes a liquidation. Returns all zeros when nothing can be liquidated: health factor at or above 1,
    /// no debt or no collateral in the pair, or a zero <see cref="LiquidationInputs.DebtToCover"/> (the engine
    /// reverts with a named error in those cases before quoting).
    /// </summary>
    public static LiquidationQuote Quote(in LiquidationInputs inputs, MarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        UInt256 healthFactor = inputs.Account.HealthFactor;
        if (healthFactor >= WadRayMath.Wad || inputs.DebtBalance.IsZero || inputs.CollateralBalance.IsZero || inputs.DebtToCover.IsZero)
            return default;

        uint bonusBps = BonusBps(options.Bonus, healthFactor, inputs.CollateralLiquidationBonusBps);
        UInt256 maxRepay = MaxDebtToRepay(inputs, options, bonusBps);
        UInt256 repaid = UInt256.Min(inputs.DebtToCover, maxRepay);
        UInt256 seized = CollateralForDebt(repaid, inputs, bonusBps);
        bool capped = seized > inputs.CollateralBalance;
        if (capped)
        {
            seized = inputs.CollateralBalance;
            repaid = DebtForCollateral(seized, inputs, bonusBps);
        }
        UInt256 fee = ProtocolFee(seized, bonusBps, inputs.ProtocolFeeBps);
        return new LiquidationQuote(maxRepay, repaid, seized, fee, seized - fee, bonusBps, capped);
    }

    /// <summary>
    /// The bonus (10 000 + premium bps) for an account at <paramref name="healthFactor"/> (WAD, below 1e18):
    /// <see cref="FixedBonus"/> gives <paramref name="assetBonusBps"/>; <see cref="VariableBonus"/> gives
    /// min + floor((max - min) x (1e18 - HF) / (1e18 - HFmax)), and max at or below HFmax.
    /// </summary>
    public static uint BonusBps(BonusPolicy policy, UInt256 healthFactor, uint assetBonusBps)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy is not VariableBonus variable)
            return assetBonusBps;
        if (healthFactor <= variable.HealthFactorForMaxBonus)
            return variable.MaxBonusBps;
        if (healthFactor >= WadRayMath.Wad)
            return variable.MinBonusBps;
        // Both factors are below 2^64 here (HF < 1e18), so the product fits 128 bits.
        ulong depth = (ulong)(WadRayMath.Wad - healthFactor);
        ulong range = (ulong)(WadRayMath.Wad - variable.HealthFactorForMaxBonus);
        UInt128 extra = (UInt128)(variable.MaxBonusBps - variable.MinBonusBps) * depth / range;
        return variable.MinBonusBps + (uint)extra;
    }

    /// <summary>The close-factor limit, then the dust rule (spec/SPEC.md, "Close factor" and "Dust rule").</summary>
    public static UInt256 MaxDebtToRepay(in LiquidationInputs inputs, MarketOptions options, uint bonusBps)
    {
        ArgumentNullException.ThrowIfNull(options);
        UInt256 debt = inputs.DebtBalance;
        UInt256 limit = options.CloseFactor switch
        {
            FixedCloseFactor f => inputs.Account.HealthFactor <= f.FullCloseFactorHealthFactor
                ? debt
                : FullMath.MulDiv(debt, f.CloseFactorBps, Bps.One, Rounding.Ceil),
            TargetHealthFactor t => TargetRepay(inputs, t.Target, bonusBps),
            _ => throw new ArgumentException($"unknown close-factor policy {options.CloseFactor.GetType().Name}", nameof(options)),
        };
        if (limit < debt && !options.DustThresholdBase.IsZero)
        {
            UInt256 remainingValue = Valuation.ValueUp(debt - limit, inputs.DebtPrice, inputs.DebtDecimals);
            if (remainingValue < options.DustThresholdBase)
                return debt;
        }
        return limit;
    }

    // With A = W / 10^4 and k = bonus x LT: HF' = (A - r k) / (D - r) reaches T at r = (T D - A) / (T - k).
    // HF' rises with r only when HF > k; at or below k no repayment reaches T, so all the debt may go.
    private static UInt256 TargetRepay(in LiquidationInputs inputs, UInt256 target, uint bonusBps)
    {
        UInt256 debt = inputs.DebtBalance;
        UInt256 weighted = inputs.Account.ThresholdWeightedCollateral;
        UInt256 totalDebt = inputs.Account.TotalDebtBase;
        UInt256 bonusTimesThreshold = (UInt256)((ulong)bonusBps * inputs.CollateralLiquidationThresholdBps);
        if (weighted * Bps.One <= bonusTimesThreshold * totalDebt)
            return debt;
        // HF < 1 <= T gives T D > W 10^14; validation gives bonus x LT < 10^8, so T > k 10^10.
        UInt256 numerator = target * totalDebt - weighted * WeightedToWad;
        UInt256 denominator = target - bonusTimesThreshold * BpsSquaredToWad;
        UInt256 repayBase = FullMath.MulDiv(numerator, UInt256.One, denominator, Rounding.Ceil);
        UInt256 repayTokens = FullMath.MulDiv(repayBase, Units.Pow10(inputs.DebtDecimals), inputs.DebtPrice, Rounding.Ceil);
        return UInt256.Min(repayTokens, debt);
    }

    /// <summary>floor(repaid x debtPrice x bonus x 10^collateralDecimals / (collateralPrice x 10^4 x 10^debtDecimals)).</summary>
    public static UInt256 CollateralForDebt(UInt256 debtRepaid, in LiquidationInputs inputs, uint bonusBps)
    {
        (UInt256 debtSide, UInt256 collateralSide) = Sides(inputs, bonusBps);
        return FullMath.MulDiv(debtRepaid, debtSide, collateralSide, Rounding.Floor);
    }

    /// <summary>The inverse, rounded up: ceil(seized x collateralPrice x 10^4 x 10^debtDecimals / (debtPrice x bonus x 10^collateralDecimals)).</summary>
    public static UInt256 DebtForCollateral(UInt256 collateralSeized, in LiquidationInputs inputs, uint bonusBps)
    {
        (UInt256 debtSide, UInt256 collateralSide) = Sides(inputs, bonusBps);
        return FullMath.MulDiv(collateralSeized, collateralSide, debtSide, Rounding.Ceil);
    }

    /// <summary>
    /// The protocol's share of the bonus part: bonusPart = seized - ceil(seized x 10^4 / bonus) (rounded down),
    /// fee = ceil(bonusPart x feeBps / 10^4) (rounded up, never above bonusPart).
    /// </summary>
    public static UInt256 ProtocolFee(UInt256 collateralSeized, uint bonusBps, uint protocolFeeBps)
    {
        UInt256 basePart = FullMath.MulDiv(collateralSeized, Bps.One, bonusBps, Rounding.Ceil);
        UInt256 bonusPart = collateralSeized - basePart;
        return FullMath.MulDiv(bonusPart, protocolFeeBps, Bps.One, Rounding.Ceil);
    }

    // debtSide / collateralSide = debtPrice x bonus x 10^dc / (collateralPrice x 10^4 x 10^dd), the power of ten
    // reduced to 10^|dc - dd| on one side so one rounding covers the whole ratio.
    private static (UInt256 DebtSide, UInt256 CollateralSide) Sides(in LiquidationInputs inputs, uint bonusBps)
    {
        UInt256 debtSide = inputs.DebtPrice * bonusBps;
        UInt256 collateralSide = inputs.CollateralPrice * Bps.One;
        if (inputs.CollateralDecimals >= inputs.DebtDecimals)
            debtSide *= Units.Pow10(inputs.CollateralDecimals - inputs.DebtDecimals);
        else
            collateralSide *= Units.Pow10(inputs.DebtDecimals - inputs.CollateralDecimals);
        return (debtSide, collateralSide);
    }
}
