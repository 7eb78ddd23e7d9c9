using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>Token amount to base-currency value: amount x price / 10^decimals, 512-bit intermediate.</summary>
public static class Valuation
{
    /// <summary>Value rounded down (how collateral is valued).</summary>
    /// <param name="amount">Token units.</param>
    /// <param name="price">Base-currency units per whole token.</param>
    /// <param name="decimals">Token decimals (at most 38).</param>
    public static UInt256 ValueDown(UInt256 amount, UInt256 price, byte decimals) =>
        FastMath.MulDivPow10(amount, price, decimals, roundUp: false);

    /// <summary>Value rounded up (how debt is valued).</summary>
    /// <param name="amount">Token units.</param>
    /// <param name="price">Base-currency units per whole token.</param>
    /// <param name="decimals">Token decimals (at most 38).</param>
    public static UInt256 ValueUp(UInt256 amount, UInt256 price, byte decimals) =>
        FastMath.MulDivPow10(amount, price, decimals, roundUp: true);
}
