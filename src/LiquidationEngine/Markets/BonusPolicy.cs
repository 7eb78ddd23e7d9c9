using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Markets;

/// <summary>
/// The liquidation bonus a liquidation pays, as 10 000 + premium in bps (10 500 = 5%). A closed set:
/// <see cref="FixedBonus"/> or <see cref="VariableBonus"/>. The formulas live in
/// <see cref="Risk.LiquidationMath"/> and spec/SPEC.md.
/// </summary>
public abstract record BonusPolicy
{
    // Internal abstract: only this assembly can derive, so the state encoding knows every kind.
    internal abstract byte Kind { get; }

    /// <summary>The largest bonus this policy can pay for a collateral whose configured bonus is <paramref name="assetBonusBps"/>.</summary>
    internal abstract uint HighestBonusBps(uint assetBonusBps);
}

/// <summary>The collateral asset's own <see cref="RiskParameters.LiquidationBonusBps"/>, whatever the health factor.</summary>
public sealed record FixedBonus : BonusPolicy
{
    internal override byte Kind => 0;

    internal override uint HighestBonusBps(uint assetBonusBps) => assetBonusBps;
}

/// <summary>
/// A bonus that grows linearly from <see cref="MinBonusBps"/> at health factor 1 to <see cref="MaxBonusBps"/>
/// at <see cref="HealthFactorForMaxBonus"/> and below (a Dutch-auction-like incentive that pays more only when
/// the position is in worse shape); rounded down. Market-wide: the assets' own bonus is not used.
/// </summary>
public sealed record VariableBonus : BonusPolicy
{
    /// <summary>Bonus at health factor 1, as 10 000 + premium in bps; at least 10 000. Default 10 200 (2%).</summary>
    public uint MinBonusBps { get; init; } = 10_200;

    /// <summary>Bonus at and below <see cref="HealthFactorForMaxBonus"/>, as 10 000 + premium in bps; at least <see cref="MinBonusBps"/>. Default 10 800 (8%).</summary>
    public uint MaxBonusBps { get; init; } = 10_800;

    /// <summary>The health factor (WAD) at and below which the bonus is <see cref="MaxBonusBps"/>; below 1e18. Default 0.9e18.</summary>
    public UInt256 HealthFactorForMaxBonus { get; init; } = 900_000_000_000_000_000UL;

    internal override byte Kind => 1;

    internal override uint HighestBonusBps(uint assetBonusBps) => MaxBonusBps;
}
