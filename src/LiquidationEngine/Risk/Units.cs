using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Risk;

/// <summary>Basis points: parts of 10 000.</summary>
internal static class Bps
{
    public const uint One = 10_000;
}

/// <summary>Powers of ten for token and price decimals, without a table that anyone could mutate.</summary>
internal static class Units
{
    private const ulong TenPow19 = 10_000_000_000_000_000_000UL;

    private static ReadOnlySpan<ulong> Small =>
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL,
        1_000_000_000UL, 10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL,
        100_000_000_000_000UL, 1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL,
        1_000_000_000_000_000_000UL, TenPow19,
    ];

    /// <summary>10^<paramref name="exponent"/> for 0 &lt;= exponent &lt;= 38 (10^38 &lt; 2^128).</summary>
    public static UInt256 Pow10(int exponent)
    {
        if ((uint)exponent <= 19) return Small[exponent];
        if (exponent <= 38) return (UInt128)Small[exponent - 19] * TenPow19;
        throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "decimals above 38 are not supported");
    }
}
