using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Solvency;

/// <summary>
/// How one debt asset's bad debt was covered (token units): <c>Debt = Insurance + Backstop + Socialized</c>.
/// The same numbers are in the <c>BadDebtRealized</c>, <c>InsuranceAbsorbed</c>, <c>BackstopAbsorbed</c> and
/// <c>LossSocialized</c> events.
/// </summary>
/// <param name="Asset">The debt asset.</param>
/// <param name="Debt">The account's debt written off.</param>
/// <param name="Insurance">Absorbed by the asset's insurance fund.</param>
/// <param name="Backstop">Paid in by the asset's backstop.</param>
/// <param name="Socialized">Passed to the asset's suppliers.</param>
/// <param name="IndexBefore">Supply index before, RAY.</param>
/// <param name="IndexAfter">Supply index after, RAY.</param>
/// <param name="Froze">The suppliers could not carry the loss: every supply balance was written off and the asset frozen.</param>
public readonly record struct BadDebtRealization(
    Address Asset,
    UInt256 Debt,
    UInt256 Insurance,
    UInt256 Backstop,
    UInt256 Socialized,
    UInt256 IndexBefore,
    UInt256 IndexAfter,
    bool Froze);
