using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>The amounts of one liquidation, as <see cref="LiquidationMath.Quote"/> computes them; token units.</summary>
/// <param name="MaxDebtToRepay">The most debt (debt asset) the close-factor policy and the dust rule allow.</param>
/// <param name="DebtRepaid">Debt the liquidator pays in and the account is relieved of (debt asset).</param>
/// <param name="CollateralSeized">Collateral taken from the account (collateral asset), protocol fee included.</param>
/// <param name="ProtocolFee">The protocol's share of the bonus part of <paramref name="CollateralSeized"/> (collateral asset).</param>
/// <param name="CollateralToLiquidator"><paramref name="CollateralSeized"/> minus <paramref name="ProtocolFee"/>.</param>
/// <param name="LiquidationBonusBps">The bonus applied, 10 000 + premium bps.</param>
/// <param name="CollateralCapped">True when the account lacked the collateral: all of it is seized and <paramref name="DebtRepaid"/> was recomputed from it (rounded up).</param>
public readonly record struct LiquidationQuote(
    UInt256 MaxDebtToRepay,
    UInt256 DebtRepaid,
    UInt256 CollateralSeized,
    UInt256 ProtocolFee,
    UInt256 CollateralToLiquidator,
    uint LiquidationBonusBps,
    bool CollateralCapped);
