using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation;

/// <summary>
/// The simulator's units. Prices and base-currency values have 8 decimals (1e8 = 1 USD, as Chainlink USD feeds);
/// the debt asset is a stablecoin worth exactly 1 USD; token amounts are in the token's smallest units.
/// </summary>
public static class SimUnits
{
    /// <summary>Decimals of every price and base-currency value.</summary>
    public const byte PriceDecimals = 8;

    /// <summary>1 USD (or one whole token priced at 1 USD), base-currency units.</summary>
    public const ulong PriceOne = 100_000_000;

    /// <summary>Parts of 10 000.</summary>
    public const uint BpsOne = 10_000;

    /// <summary>10^<paramref name="exponent"/> for 0 &lt;= exponent &lt;= 76.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range.</exception>
    public static UInt256 Pow10(int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, 76);
        UInt256 result = UInt256.One;
        UInt256 ten = 10U;
        for (int i = 0; i < exponent; i++)
            result *= ten;
        return result;
    }

    /// <summary>Value of <paramref name="amount"/> tokens at <paramref name="price"/>, base-currency units, rounded down.</summary>
    public static UInt256 ValueDown(UInt256 amount, ulong price, byte decimals) =>
        FullMath.MulDiv(amount, price, Pow10(decimals), Rounding.Floor);
}
