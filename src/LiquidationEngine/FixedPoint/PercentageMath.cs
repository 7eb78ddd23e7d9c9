using LiquidationEngine.Evm;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// Twin of Aave V3 <c>PercentageMath</c> (<c>@aave/core-v3</c> 1.19.3, <c>contracts/protocol/libraries/math/PercentageMath.sol</c>):
/// percentages in basis points with 2 decimals (<c>10000</c> = 100.00%), rounding half up.
/// </summary>
/// <remarks>Inline assembly with <c>revert(0, 0)</c>: reverts carry EMPTY revert data (<c>0x</c>), never a panic.</remarks>
public static class PercentageMath
{
    private static readonly Divisor PercentageFactorDivisor = new(PercentageFactor); // prepared once: immutable

    /// <summary><c>PERCENTAGE_FACTOR = 1e4</c> (100.00%).</summary>
    public static UInt256 PercentageFactor => 10_000UL;

    /// <summary><c>HALF_PERCENTAGE_FACTOR = 0.5e4</c> (50.00%).</summary>
    public static UInt256 HalfPercentageFactor => 5_000UL;

    /// <summary>
    /// <c>value * percentage / 1e4</c> rounded half up. Twin of <c>PercentageMath.percentMul</c>:
    /// <code>
    /// if iszero(or(iszero(percentage), iszero(gt(value, div(sub(not(0), HALF_PERCENTAGE_FACTOR), percentage))))) { revert(0, 0) }
    /// result := div(add(mul(value, percentage), HALF_PERCENTAGE_FACTOR), PERCENTAGE_FACTOR)
    /// </code>
    /// </summary>
    /// <param name="value">The amount.</param>
    /// <param name="percentage">The percentage in basis points (1e4 = 100%).</param>
    /// <exception cref="EvmRevertException">Empty revert data (<c>0x</c>) when <c>percentage != 0</c> and
    /// <c>value &gt; (2^256 - 1 - 5000) / percentage</c>.</exception>
    public static UInt256 PercentMul(UInt256 value, UInt256 percentage) =>
        WadRayMath.HalfUpMul(value, percentage, PercentageFactorDivisor, HalfPercentageFactor, "percentMul");

    /// <summary>
    /// <c>value * 1e4 / percentage</c> rounded half up. Twin of <c>PercentageMath.percentDiv</c>:
    /// <code>
    /// if or(iszero(percentage), iszero(iszero(gt(value, div(sub(not(0), div(percentage, 2)), PERCENTAGE_FACTOR))))) { revert(0, 0) }
    /// result := div(add(mul(value, PERCENTAGE_FACTOR), div(percentage, 2)), percentage)
    /// </code>
    /// </summary>
    /// <param name="value">The amount.</param>
    /// <param name="percentage">The percentage in basis points (1e4 = 100%).</param>
    /// <exception cref="EvmRevertException">Empty revert data (<c>0x</c>) when <c>percentage == 0</c> or
    /// <c>value &gt; (2^256 - 1 - percentage / 2) / 1e4</c>.</exception>
    public static UInt256 PercentDiv(UInt256 value, UInt256 percentage) =>
        WadRayMath.HalfUpDiv(value, percentage, PercentageFactor, "percentDiv");
}
