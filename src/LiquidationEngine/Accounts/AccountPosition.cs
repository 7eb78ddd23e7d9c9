using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Accounts;

/// <summary>One account's stored position in one asset.</summary>
/// <param name="Asset">The asset's address.</param>
/// <param name="ScaledSupply">Supply in scaled units (token units x 10^27 / supply index at deposit).</param>
/// <param name="ScaledDebt">Debt in scaled units (token units x 10^27 / borrow index at borrowing).</param>
/// <param name="UsedAsCollateral">Whether the supply counts as collateral.</param>
public readonly record struct AccountPosition(Address Asset, UInt256 ScaledSupply, UInt256 ScaledDebt, bool UsedAsCollateral);
