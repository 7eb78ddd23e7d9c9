using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Tests.Support;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>
/// Generators built limb by limb from the values where long division takes its rare branches: 0, 1, 2^63 - 1, 2^63,
/// 2^63 + 1, 2^64 - 1, 2^64 - 2, ... next to uniform limbs. Equal or nearly equal top limbs of numerator and divisor
/// are what make a 3-by-2 estimate overflow (quotient limb 2^64 - 1) or come out one too large (add-back).
/// </summary>
internal static class LimbGen
{
    private static readonly ulong[] Specials =
    [
        0, 1, 2, 3, 0xFFFF_FFFF, 0x1_0000_0000, 1UL << 62, (1UL << 63) - 2, (1UL << 63) - 1, 1UL << 63, (1UL << 63) + 1,
        (1UL << 63) + 2, ulong.MaxValue - 2, ulong.MaxValue - 1, ulong.MaxValue,
    ];

    /// <summary>A special limb two times in three, else uniform.</summary>
    public static readonly Gen<ulong> Limb = Gen.Frequency((2, Gen.Elements(Specials)), (1, WordGen.Limb));

    /// <summary>A limb with its top bit set (a normalised divisor limb).</summary>
    public static readonly Gen<ulong> TopBitSet = Limb.Select(l => l | (1UL << 63));

    /// <summary>A value of 1 to <paramref name="maxLimbs"/> limbs (uniformly many; the top one may be 0), each limb from <see cref="Limb"/>.</summary>
    public static Gen<BigInteger> Word(int maxLimbs = 4) =>
        from count in Gen.Choose(1, maxLimbs)
        from l0 in Limb
        from l1 in Limb
        from l2 in Limb
        from l3 in Limb
        select Compose(count, l3, l2, l1, l0);

    /// <summary>Like <see cref="Word"/> but never 0.</summary>
    public static Gen<BigInteger> NonZeroWord(int maxLimbs = 4) => Word(maxLimbs).Select(v => v.IsZero ? BigInteger.One : v);

    private static BigInteger Compose(int count, ulong l3, ulong l2, ulong l1, ulong l0)
    {
        BigInteger value = 0;
        foreach (ulong limb in new[] { l3, l2, l1, l0 }.AsSpan(4 - count))
            value = (value << 64) | limb;
        return value;
    }
}
