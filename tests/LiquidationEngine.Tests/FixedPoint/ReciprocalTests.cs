using System.Numerics;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>
/// The reciprocal division primitives against UInt128's own (slow, obviously correct) division, and the 3-by-2 ones
/// against BigInteger.
/// </summary>
public sealed class ReciprocalTests(ITestOutputHelper output)
{
    private static ulong Expected(ulong d) => (ulong)(UInt128.MaxValue / d); // floor((2^128-1)/d) - 2^64, mod 2^64

    [Theory]
    [InlineData(0x8000000000000000UL)]
    [InlineData(0x8000000000000001UL)]
    [InlineData(0xFFFFFFFFFFFFFFFFUL)]
    [InlineData(0xFFFFFFFFFFFFFFFEUL)]
    [InlineData(0xDE0B6B3A76400000UL)] // 1e18 << 4, the normalised WAD
    [InlineData(0x80000000FFFFFFFFUL)]
    [InlineData(0xC000000000000000UL)]
    public void Reciprocal_of_boundary_divisors_is_exact(ulong d) =>
        Assert.Equal(Expected(d), Reciprocal.Of(d));

    [Fact]
    public void Reciprocal_is_exact_for_every_table_slot_edge()
    {
        // The first and last divisor of each of the 256 table slots, and their neighbours.
        for (ulong d9 = 256; d9 < 512; d9++)
        {
            ulong first = d9 << 55, last = first | ((1UL << 55) - 1);
            foreach (ulong d in new[] { first, first + 1, last - 1, last })
                Assert.Equal(Expected(d), Reciprocal.Of(d));
        }
    }

    [Fact]
    public void Reciprocal_and_two_by_one_division_match_UInt128()
    {
        Gen<(ulong D, ulong U1, ulong U0)> cases =
            from d in ArbMap.Default.GeneratorFor<ulong>().Select(x => x | 0x8000000000000000UL)
            from u1 in ArbMap.Default.GeneratorFor<ulong>()
            from u0 in ArbMap.Default.GeneratorFor<ulong>()
            from edge in Gen.Elements(0, 1, 2, 3)
            select (d, edge switch { 0 => u1 % d, 1 => d - 1, 2 => 0UL, _ => u1 % d }, edge == 3 ? ulong.MaxValue : u0);

        PropertyCheck.Run(output, "reciprocal-2by1", cases, c =>
        {
            Assert.Equal(Expected(c.D), Reciprocal.Of(c.D));
            ulong q = Reciprocal.DivRem2By1(c.U1, c.U0, c.D, Reciprocal.Of(c.D), out ulong r);
            (UInt128 eq, UInt128 er) = UInt128.DivRem(new UInt128(c.U1, c.U0), c.D);
            Assert.Equal((ulong)eq, q);
            Assert.Equal((ulong)er, r);
        }, maxTest: 20_000);
    }

    [Fact]
    public void Two_by_one_division_takes_its_second_correction_exactly()
    {
        // An input (found by an instrumented search) on which the candidate quotient is still one too small after the
        // first adjustment, so the rare "r >= d" branch runs.
        const ulong u1 = 0x8000000000000000, u0 = 0xfffffffffffffffd, d = 0x8000000000000003;
        ulong q = Reciprocal.DivRem2By1(u1, u0, d, Reciprocal.Of(d), out ulong r);
        (UInt128 eq, UInt128 er) = UInt128.DivRem(new UInt128(u1, u0), d);
        Assert.Equal((ulong)eq, q);
        Assert.Equal((ulong)er, r);
    }

    // floor((2^192 - 1) / d) - 2^64: the 3-by-2 reciprocal by definition.
    private static ulong Expected3By2(ulong d1, ulong d0) =>
        (ulong)((((BigInteger.One << 192) - 1) / Two(d1, d0)) - (BigInteger.One << 64));

    private static BigInteger Two(ulong high, ulong low) => ((BigInteger)high << 64) | low;

    [Theory]
    [InlineData(0x8000000000000000UL, 0UL)]
    [InlineData(0x8000000000000000UL, 1UL)]
    [InlineData(0x8000000000000000UL, ulong.MaxValue)]
    [InlineData(0xFFFFFFFFFFFFFFFFUL, ulong.MaxValue)]
    [InlineData(0xFFFFFFFFFFFFFFFFUL, 0UL)]
    [InlineData(0xFFFFFFFFFFFFFFFEUL, ulong.MaxValue)]
    [InlineData(0xCECB8F27F4200F3AUL, 0UL)] // RAY = 1e27, normalised (<< 38)
    [InlineData(0x80000000FFFFFFFFUL, 0x7A608FE11E7C7641UL)]
    public void Three_by_two_reciprocal_of_boundary_divisors_is_exact(ulong d1, ulong d0) =>
        Assert.Equal(Expected3By2(d1, d0), Reciprocal.Of3By2(d1, d0));

    [Fact]
    public void Three_by_two_reciprocal_and_division_match_BigInteger()
    {
        Gen<(ulong D1, ulong D0, ulong U2, ulong U1, ulong U0)> cases =
            from d1 in LimbGen.TopBitSet
            from d0 in LimbGen.Limb
            from top in Gen.Frequency(
                (3, from a in LimbGen.Limb from b in LimbGen.Limb select Two(a, b) % Two(d1, d0)),
                (1, Gen.Constant(Two(d1, d0) - 1)), // the largest (u2:u1), quotient limb near 2^64 - 1
                (1, Gen.Constant(BigInteger.Zero)))
            from u0 in LimbGen.Limb
            select (d1, d0, (ulong)(top >> 64), (ulong)(top & ulong.MaxValue), u0);

        PropertyCheck.Run(output, "reciprocal-3by2", cases, c =>
        {
            ulong v = Reciprocal.Of3By2(c.D1, c.D0);
            Assert.Equal(Expected3By2(c.D1, c.D0), v);
            ulong q = Reciprocal.DivRem3By2(c.U2, c.U1, c.U0, c.D1, c.D0, v, out ulong r1, out ulong r0);
            (BigInteger eq, BigInteger er) = BigInteger.DivRem((Two(c.U2, c.U1) << 64) | c.U0, Two(c.D1, c.D0));
            Assert.Equal(eq, (BigInteger)q);
            Assert.Equal(er, Two(r1, r0));
        }, maxTest: 20_000);
    }

    [Fact]
    public void Three_by_two_division_takes_its_final_correction_exactly()
    {
        // Found by an instrumented search: the candidate is one too small after the first adjustment.
        const ulong u2 = 0x7ffffffffffffffe, u1 = 0xfd3a4e5aa949d2b4, u0 = 0x758e9c2618da8078;
        const ulong d1 = 0x80000000ffffffff, d0 = 0x7a608fe11e7c7641;
        ulong q = Reciprocal.DivRem3By2(u2, u1, u0, d1, d0, Reciprocal.Of3By2(d1, d0), out ulong r1, out ulong r0);
        (BigInteger eq, BigInteger er) = BigInteger.DivRem((Two(u2, u1) << 64) | u0, Two(d1, d0));
        Assert.Equal(eq, (BigInteger)q);
        Assert.Equal(er, Two(r1, r0));
    }
}
