using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>
/// Everything <see cref="LiquidationMath.Quote"/> needs: the account's risk summary, its balances and the
/// prices in the debt/collateral pair, the collateral's risk parameters and the liquidator's request.
/// <c>Market.GetLiquidationInputs</c> fills it from live state; a keeper may fill it from its own snapshot.
/// </summary>
/// <param name="Account">The account's <see cref="AccountData"/> before the liquidation.</param>
/// <param name="DebtBalance">The account's debt in the debt asset, token units (rounded up from scaled debt).</param>
/// <param name="DebtPrice">Price of the debt asset, base-currency units per whole token.</param>
/// <param name="DebtDecimals">Token decimals of the debt asset.</param>
/// <param name="CollateralBalance">The account's supply of the collateral asset, token units (rounded down from scaled supply).</param>
/// <param name="CollateralPrice">Price of the collateral asset, base-currency units per whole token.</param>
/// <param name="CollateralDecimals">Token decimals of the collateral asset.</param>
/// <param name="CollateralLiquidationThresholdBps">The collateral asset's LT, bps (used by <c>TargetHealthFactor</c>).</param>
/// <param name="CollateralLiquidationBonusBps">The collateral asset's configured bonus, 10 000 + premium bps (used by <c>FixedBonus</c>).</param>
/// <param name="ProtocolFeeBps">The collateral asset's protocol fee, bps of the bonus part.</param>
/// <param name="DebtToCover">The most debt the liquidator offers to repay, token units (<see cref="UInt256.MaxValue"/>: as much as allowed).</param>
public readonly record struct LiquidationInputs(
    AccountData Account,
    UInt256 DebtBalance,
    UInt256 DebtPrice,
    byte DebtDecimals,
    UInt256 CollateralBalance,
    UInt256 CollateralPrice,
    byte CollateralDecimals,
    uint CollateralLiquidationThresholdBps,
    uint CollateralLiquidationBonusBps,
    uint ProtocolFeeBps,
    UInt256 DebtToCover);
