using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Tests.Support;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>
/// FsCheck generators of profile op arguments: mostly protocol-realistic magnitudes (token amounts, 8-decimal USD
/// prices, RAY rates, bps) so the success paths are exercised, mixed with <see cref="WordGen.Word"/> extremes and the
/// protocol's own thresholds so every revert path is reached.
/// </summary>
internal static class ProfileGen
{
    public static readonly BigInteger Wad = BigInteger.Pow(10, 18), Ray = BigInteger.Pow(10, 27), Rad = BigInteger.Pow(10, 45);
    public static readonly BigInteger Uint128Max = (BigInteger.One << 128) - 1;

    /// <summary>m x 10^k with m in [1, 9999], k in [lo, hi].</summary>
    public static Gen<BigInteger> Scaled(int lo, int hi) =>
        from m in Gen.Choose(1, 9999)
        from k in Gen.Choose(lo, hi)
        select WordGen.Clip(m * BigInteger.Pow(10, k));

    /// <summary>A token amount: realistic, tiny, or any word.</summary>
    public static readonly Gen<BigInteger> Amount = Gen.Frequency(
        (5, Scaled(0, 30)), (1, Gen.Choose(0, 3).Select(i => new BigInteger(i))), (2, WordGen.Word));

    /// <summary>An oracle price in 8-decimal USD, or an extreme.</summary>
    public static readonly Gen<BigInteger> UsdPrice = Gen.Frequency(
        (5, Scaled(2, 12)), (1, Gen.Elements(BigInteger.Zero, BigInteger.One)), (1, WordGen.Word));

    public static readonly Gen<BigInteger> Decimals = Gen.Frequency(
        (5, Gen.Elements(6, 8, 18).Select(i => new BigInteger(i))),
        (1, Gen.Choose(0, 255).Select(i => new BigInteger(i))),
        (1, Gen.Elements(0, 76, 77, 78, 255).Select(i => new BigInteger(i))));

    public static readonly Gen<BigInteger> Bps = Gen.Frequency(
        (5, Gen.Choose(0, 12_000).Select(i => new BigInteger(i))),
        (2, Gen.Elements(0, 5_000, 9_000, 10_000, 10_500, 11_000, 65_535).Select(i => new BigInteger(i))));

    public static readonly Gen<BigInteger> Flag = Gen.Elements(BigInteger.Zero, BigInteger.One);

    /// <summary>A health factor near the 0.95 and 1.0 thresholds, below 1, or any word.</summary>
    public static readonly Gen<BigInteger> HealthFactor = Gen.Frequency(
        (3, WordGen.Near(950_000_000_000_000_000, 2)), (2, WordGen.Near(Wad, 2)),
        (4, Gen.Choose(0, 999_999).Select(i => i * new BigInteger(1_000_000_000_000))), (1, WordGen.Word));

    /// <summary>A uint128 field: realistic, near the max, small.</summary>
    public static readonly Gen<BigInteger> Uint128 = Gen.Frequency(
        (5, Scaled(0, 34)), (1, WordGen.Near(Uint128Max - 2, 2)), (1, Gen.Choose(0, 3).Select(i => new BigInteger(i))));

    /// <summary>A Morpho LLTV: the governance-enabled values, the 1e18 edge, or any word.</summary>
    public static readonly Gen<BigInteger> Lltv = Gen.Frequency(
        (5, Gen.Elements(385, 625, 770, 860, 915, 945, 965, 980).Select(m => m * BigInteger.Pow(10, 15))),
        (1, WordGen.Near(Wad, 2)), (1, WordGen.Word));

    /// <summary>A Morpho oracle price (1e36 scale): realistic ratios of decimals, or any word.</summary>
    public static readonly Gen<BigInteger> OraclePrice = Gen.Frequency((5, Scaled(18, 42)), (1, Gen.Constant(BigInteger.Zero)), (1, WordGen.Word));

    /// <summary>A RAY fraction at most 1 (curve cuts, cusps) or any word.</summary>
    public static readonly Gen<BigInteger> RayFraction = Gen.Frequency(
        (4, Gen.Choose(0, 10_000).Select(i => i * Ray / 10_000)), (2, WordGen.Near(Ray, 2)), (1, WordGen.Word));

    /// <summary>Seconds: auction-scale durations or any word.</summary>
    public static readonly Gen<BigInteger> Seconds = Gen.Frequency(
        (5, Gen.Choose(0, 20_000).Select(i => new BigInteger(i))), (1, WordGen.Word));

    /// <summary>Concatenates argument generators into one args array.</summary>
    public static Gen<BigInteger[]> Args(params Gen<BigInteger>[] parts) =>
        parts.Aggregate(Gen.Constant(Array.Empty<BigInteger>()), (acc, g) => from xs in acc from x in g select xs.Append(x).ToArray());
}
