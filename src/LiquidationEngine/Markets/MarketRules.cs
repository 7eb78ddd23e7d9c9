using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Markets;

/// <summary>
/// Configuration rules. Each violation reverts with its own named custom error (spec/SPEC.md, "Errors")
/// carrying the offending values; nothing is changed.
/// </summary>
internal static class MarketRules
{
    /// <summary>Most token and price decimals: 10^36 still leaves room for amounts and prices in 256 bits.</summary>
    public const byte MaxDecimals = 36;

    /// <summary>Highest target health factor (100, WAD): bounds T x D in the target close-factor formula.</summary>
    public static UInt256 MaxTargetHealthFactor => WadRayMath.Wad * 100UL;

    public static void Validate(MarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.CloseFactor, nameof(options.CloseFactor));
        ArgumentNullException.ThrowIfNull(options.Bonus, nameof(options.Bonus));
        if (options.PriceDecimals > MaxDecimals)
            throw Revert.InvalidPriceDecimals(options.PriceDecimals);
        switch (options.CloseFactor)
        {
            case FixedCloseFactor f:
                if (f.CloseFactorBps is 0 or > Bps.One)
                    throw Revert.InvalidCloseFactor(f.CloseFactorBps);
                if (f.FullCloseFactorHealthFactor > WadRayMath.Wad)
                    throw Revert.InvalidFullCloseFactorHealthFactor(f.FullCloseFactorHealthFactor);
                break;
            case TargetHealthFactor t:
                if (t.Target < WadRayMath.Wad || t.Target > MaxTargetHealthFactor)
                    throw Revert.InvalidTargetHealthFactor(t.Target);
                break;
        }
        if (options.Bonus is VariableBonus v)
        {
            if (v.MinBonusBps < Bps.One || v.MaxBonusBps < v.MinBonusBps)
                throw Revert.InvalidBonusRange(v.MinBonusBps, v.MaxBonusBps);
            if (v.HealthFactorForMaxBonus >= WadRayMath.Wad)
                throw Revert.InvalidHealthFactorForMaxBonus(v.HealthFactorForMaxBonus);
        }
    }

    public static void ValidateListing(in AssetConfig config, MarketOptions options)
    {
        if (config.Asset.IsZero)
            throw Revert.ZeroAssetAddress();
        if (config.Decimals > MaxDecimals)
            throw Revert.InvalidDecimals(config.Asset, config.Decimals);
        ValidateRisk(config.Asset, config.Risk, options);
    }

    public static void ValidateRisk(Address asset, in RiskParameters risk, MarketOptions options)
    {
        bool bothZero = risk.LtvBps == 0 && risk.LiquidationThresholdBps == 0;
        if (risk.LtvBps >= risk.LiquidationThresholdBps && !bothZero)
            throw Revert.InvalidLtv(asset, risk.LtvBps, risk.LiquidationThresholdBps);
        if (risk.LiquidationBonusBps < Bps.One)
            throw Revert.InvalidLiquidationBonus(asset, risk.LiquidationBonusBps);
        // HF' > HF iff HF > bonus x LT (spec/SPEC.md, "death spiral"): with LT x bonus >= 1 no liquidation heals.
        uint highestBonus = options.Bonus.HighestBonusBps(risk.LiquidationBonusBps);
        if ((ulong)risk.LiquidationThresholdBps * highestBonus >= (ulong)Bps.One * Bps.One)
            throw Revert.LiquidationCannotHeal(asset, risk.LiquidationThresholdBps, highestBonus);
        if (risk.ProtocolFeeBps > Bps.One)
            throw Revert.InvalidProtocolFee(asset, risk.ProtocolFeeBps);
        if ((risk.Flags & ~(AssetFlags.CollateralEnabled | AssetFlags.BorrowingEnabled)) != 0)
            throw Revert.InvalidFlags(asset, (uint)risk.Flags);
    }
}
