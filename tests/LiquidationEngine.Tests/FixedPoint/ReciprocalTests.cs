using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>
/// The reciprocal division primitives against UInt128's own (slow, obviously correct) division.
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
}
