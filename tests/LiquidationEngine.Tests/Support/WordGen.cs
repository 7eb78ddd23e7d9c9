using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Tests.Support;

/// <summary>
/// FsCheck generators of uint256 values as <see cref="BigInteger"/>s in [0, 2^256), weighted toward the values
/// where fixed-point code breaks: 0, 1, the max, 2^k and 2^k +- 1, 10^k and 10^k +- 1, protocol units (WAD, RAY,
/// basis points), values of every bit length, and pairs sitting on a quotient boundary (a = floor(N / b) + small),
/// which is where every "would this overflow" check flips.
/// </summary>
public static class WordGen
{
    /// <summary>2^256 - 1.</summary>
    public static readonly BigInteger Max = U256.MaxBig;

    private static readonly BigInteger[] Specials = BuildSpecials();

    /// <summary>Uniform 64 random bits.</summary>
    public static readonly Gen<ulong> Limb =
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((ulong)(uint)high << 32) | (uint)low;

    /// <summary>Uniform over the whole [0, 2^256) range (almost always about 2^255 or more).</summary>
    public static readonly Gen<BigInteger> FullWidth =
        from l3 in Limb
        from l2 in Limb
        from l1 in Limb
        from l0 in Limb
        select Compose(l3, l2, l1, l0);

    /// <summary>A uniformly chosen bit length in [0, 256], then uniform random bits of that length.</summary>
    public static readonly Gen<BigInteger> AnyMagnitude = BitLength(0, 256);

    /// <summary>2^k - 1, 2^k or 2^k + 1 for k in [0, 256], clipped to the range.</summary>
    public static readonly Gen<BigInteger> NearPowerOfTwo =
        from k in Gen.Choose(0, 256)
        from delta in Gen.Choose(-1, 1)
        select Clip((BigInteger.One << k) + delta);

    /// <summary>10^k - 1, 10^k or 10^k + 1 for k in [0, 77].</summary>
    public static readonly Gen<BigInteger> NearPowerOfTen =
        from k in Gen.Choose(0, 77)
        from delta in Gen.Choose(-1, 1)
        select Clip(BigInteger.Pow(10, k) + delta);

    /// <summary>0 to 1000.</summary>
    public static readonly Gen<BigInteger> Small = Gen.Choose(0, 1000).Select(i => new BigInteger(i));

    /// <summary>The default mix of all the above plus fixed special values.</summary>
    public static readonly Gen<BigInteger> Word = Gen.Frequency(
        (3, Gen.Elements(Specials)),
        (3, NearPowerOfTwo),
        (2, NearPowerOfTen),
        (5, AnyMagnitude),
        (2, FullWidth),
        (1, Small));

    /// <summary>Like <see cref="Word"/> but never 0.</summary>
    public static readonly Gen<BigInteger> NonZeroWord = Word.Select(v => v.IsZero ? BigInteger.One : v);

    /// <summary>Two independent words.</summary>
    public static readonly Gen<(BigInteger A, BigInteger B)> Pair =
        from a in Word
        from b in Word
        select (a, b);

    /// <summary>Three independent words.</summary>
    public static readonly Gen<(BigInteger A, BigInteger B, BigInteger C)> Triple =
        from a in Word
        from b in Word
        from c in Word
        select (a, b, c);

    /// <summary>Uniform random bits of a bit length uniformly chosen in [<paramref name="minBits"/>, <paramref name="maxBits"/>].</summary>
    public static Gen<BigInteger> BitLength(int minBits, int maxBits) =>
        from bits in Gen.Choose(minBits, maxBits)
        from value in FullWidth
        select bits == 0 ? BigInteger.Zero : (value >> (256 - bits)) | (BigInteger.One << (bits - 1));

    /// <summary>
    /// Pairs <c>(a, b)</c> with <c>a = threshold(b) + delta</c>, <c>delta</c> in [-2, 2], clipped: both sides of a check of
    /// the form <c>a &gt; threshold(b)</c>. <paramref name="others"/> supplies b.
    /// </summary>
    public static Gen<(BigInteger A, BigInteger B)> AroundThreshold(Gen<BigInteger> others, Func<BigInteger, BigInteger> threshold) =>
        from b in others
        from delta in Gen.Choose(-2, 2)
        select (Clip(threshold(b) + delta), b);

    /// <summary>
    /// Pairs <c>(a, b)</c> with <c>a = floor(numerator / b) + delta</c> (b = 0 treated as 1): the boundary of
    /// overflow checks such as <c>a &gt; (max - half) / b</c>, or of <c>a * b</c> reaching 2^256 when <paramref name="numerator"/> is the max.
    /// </summary>
    public static Gen<(BigInteger A, BigInteger B)> OnQuotientBoundary(Gen<BigInteger> divisors, BigInteger numerator) =>
        AroundThreshold(divisors, b => numerator / (b.IsZero ? BigInteger.One : b));

    /// <summary>A word within +-<paramref name="spread"/> of <paramref name="center"/>, clipped.</summary>
    public static Gen<BigInteger> Near(BigInteger center, int spread) =>
        Gen.Choose(-spread, spread).Select(d => Clip(center + d));

    /// <summary>Clamps into [0, 2^256 - 1].</summary>
    public static BigInteger Clip(BigInteger value) => value.Sign < 0 ? BigInteger.Zero : value > Max ? Max : value;

    /// <summary>Shrinks toward 0 in at most 256 steps: 0, the half, and the value without its lowest set bit.</summary>
    public static IEnumerable<BigInteger> Shrink(BigInteger value)
    {
        if (value.IsZero) yield break;
        yield return BigInteger.Zero;
        BigInteger half = value >> 1;
        if (!half.IsZero) yield return half;
        BigInteger lowBitCleared = value & (value - 1);
        if (!lowBitCleared.IsZero && lowBitCleared != half) yield return lowBitCleared;
    }

    /// <summary><see cref="Word"/> with <see cref="Shrink"/>.</summary>
    public static Arbitrary<BigInteger> WordArbitrary => Arb.From(Word, Shrink);

    private static BigInteger Compose(ulong l3, ulong l2, ulong l1, ulong l0) =>
        (new BigInteger(l3) << 192) | (new BigInteger(l2) << 128) | (new BigInteger(l1) << 64) | l0;

    private static BigInteger[] BuildSpecials()
    {
        BigInteger wad = BigInteger.Pow(10, 18), ray = BigInteger.Pow(10, 27);
        var centers = new[]
        {
            BigInteger.Zero, BigInteger.One, 2, 3, 5_000, 10_000, 1_000_000_000, 500_000_000,
            wad, wad / 2, ray, ray / 2, Max, Max / 2, Max / wad, Max / ray, Max / 10_000, Max / 1_000_000_000,
            BigInteger.One << 64, BigInteger.One << 128, BigInteger.One << 192, BigInteger.One << 255,
        };
        return centers.SelectMany(c => new[] { c - 1, c, c + 1 }).Select(Clip).Distinct().ToArray();
    }
}

/// <summary>Bridges from the BigInteger generators to <see cref="UInt256"/> values.</summary>
public static class UInt256Gen
{
    /// <summary><see cref="WordGen.Word"/> as <see cref="UInt256"/>.</summary>
    public static readonly Gen<UInt256> Word = WordGen.Word.Select(U256.From);
}
