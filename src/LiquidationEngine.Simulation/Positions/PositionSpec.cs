using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Positions;

/// <summary>One borrower at the start of a run: a single collateral asset and a debt in the scenario's stablecoin.</summary>
/// <param name="CollateralIndex">Index into the scenario's collateral assets.</param>
/// <param name="CollateralAmount">Collateral supplied, token units.</param>
/// <param name="DebtAmount">Stablecoin borrowed, token units.</param>
public readonly record struct PositionSpec(int CollateralIndex, UInt256 CollateralAmount, UInt256 DebtAmount);
