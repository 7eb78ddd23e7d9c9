using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Engine;

/// <summary>What a liquidation did (also in its <c>LiquidationCall</c> event); token units unless stated.</summary>
/// <param name="DebtRepaid">Debt-asset tokens the liquidator paid in; the account's debt fell by this (scaled debt burned rounded down).</param>
/// <param name="CollateralSeized">Collateral tokens taken from the account, protocol fee included.</param>
/// <param name="ProtocolFee">Collateral tokens kept as protocol reserves.</param>
/// <param name="CollateralToLiquidator">Collateral tokens paid out to the liquidator: seized minus fee.</param>
/// <param name="LiquidationBonusBps">Bonus applied, 10 000 + premium bps.</param>
/// <param name="HealthFactorBefore">The account's health factor before, WAD.</param>
/// <param name="HealthFactorAfter">After, WAD; uint256 max when no debt is left. Below <paramref name="HealthFactorBefore"/> when
/// the account was at or below bonus x LT of the collateral (the death spiral, spec/SPEC.md).</param>
public readonly record struct LiquidationResult(
    UInt256 DebtRepaid,
    UInt256 CollateralSeized,
    UInt256 ProtocolFee,
    UInt256 CollateralToLiquidator,
    uint LiquidationBonusBps,
    UInt256 HealthFactorBefore,
    UInt256 HealthFactorAfter);
