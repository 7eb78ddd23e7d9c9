using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>
/// Long division (<see cref="Divisor"/>, the <c>/</c> and <c>%</c> operators, the 512-bit path of <see cref="FullMath"/>)
/// against <see cref="BigInteger"/>: published hard cases, inputs that take each rare branch, and limb-structured properties.
/// </summary>
public sealed class DivisionTests(ITestOutputHelper output)
{
    private const ulong Half = 1UL << 63, Max = ulong.MaxValue;

    public static TheoryData<string, string> HardQuotients => new()
    {
        // Hacker's Delight (divmnu) cases written for 16/32-bit digits, scaled to 64-bit limbs (0x8000 -> 2^63,
        // 0x7fff -> 2^63 - 1, 0xfffe -> 2^64 - 2, 0xffff -> 2^64 - 1, 0x2000 -> 2^61); they still need what they were
        // written for: an add-back after a too large 3-by-2 estimate, and a multiply-and-subtract that must not be
        // treated as signed (which here also meets the quotient limb 2^64 - 1).
        { Limbs(3, 0, Half), Limbs(1, 0, 1UL << 61) }, // add back
        { Limbs(0, 0, Half, Half - 1), Limbs(1, 0, Half) }, // add back
        { Limbs(0, Max - 1, Half), Limbs(Max, Half) },
        { Limbs(0, Max - 1, 0, Half), Limbs(Max, 0, Half) }, // quotient limb 2^64 - 1, then add back
        { Limbs(0x789a, 0xbcde), Limbs(0x789a, 0xbcde) },
        { Limbs(0x789b, 0xbcde), Limbs(0x789a, 0xbcde) },
        { Limbs(0x7899, 0xbcde), Limbs(0x789a, 0xbcde) },
        // intx (the uint256 of evmone) division tests that fit 256 bits.
        { "0x767676767676767676000000767676767676", "0x2900760076761e00020076760000000076767676000000" },
        { "0x12121212121212121212121212121212", "0x232323232323232323" },
        { "0xfffff716b61616160b0b0b2b0b0b0becf4bef50a0df4f48b090b2b0bc60a0a00", "0xfffff716b61616160b0b0b2b0b230b000008010d0a2b00" },
        { "0x50beb1c60141a0000dc2b0b0b0b0b0b410a0a0df4f40b090b2b0bc60a0a00", "0x2000110000000d0a300e750a000000090a0a" },
        { "0x4b00000b41000b0b0b2b0b0b0b0b0b410a0aeff4f40b090b2b0bc60a0a1000", "0x4b00000b41000b0b0b2b0b0b0b0b0b410a0aeff4f40b0a0a" },
        { "0xf6376770abd3a36b20394c5664afef1194c801c3f05e42566f085ed24d002bb0", "0xb368d219438b7f3f" },
        { "0x767676767676000000000076000000000000005600000000000000000000", "0x767676767676000000000076000000760000" },
        { "0x8200000000000000000000000000000000000000000000000000000000000000", "0x8200000000000000fe000004000000ffff000000fffff700" },
        { "0xdac7fff9ffd9e1322626262626262600", "0xd021262626262626" },
        { "0x8000000000000001800000000000000080000000000000008000000000000000", "0x800000000000000080000000000000008000000000000000" },
        { "0x001f000000000000000000000000000000200000000100000000000000000000", "0x0000000000000000000100000000ffffffffffffffff0000000000002e000000" },
        { "0x7effffff80000000000000000000000000020000440000000000000000000001", "0x7effffff800000007effffff800000008000ff0000010000" },
        { "0x5fd8fffffffffffffffffffffffffffffc090000ce700004d0c9ffffff000001", "0x2ffffffffffffffffffffffffffffffffff000000030000" },
        { "0x62d8fffffffffffffffffffffffffffffc18000000000000000000ca00000001", "0x2ffffffffffffffffffffffffffffffffff200000000000" },
        { "0x7effffff8000000000000000000000000000000000000000d900000000000001", "0x7effffff8000000000000000000000000000000000008001" },
        { "0x0000000000000006400aff20ff00200004e7fd1eff08ffca0afd1eff08ffca0a", "0x00000000000000210000000000000022" },
        // Boundaries: the max, divisors of each length with and without a normalisation shift.
        { "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0x1" },
        { "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0xffffffffffffffff" },
        { "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0x10000000000000000" },
        { "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0xffffffffffffffffffffffffffffffffffffffffffffffff" },
        { "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe" },
        { "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
        { "0x8000000000000000000000000000000000000000000000000000000000000000", "0x3" },
        { "1000000000000000000000000000000000000000000000000", "1000000000000000000000000000" }, // by RAY
        { "1000000000000000000000000000000000000000000000000", "1000000000000000000" }, // by WAD
    };

    [Theory]
    [MemberData(nameof(HardQuotients))]
    public void Hard_256_bit_divisions_match_BigInteger(string numerator, string divisor)
    {
        UInt256 u = From(numerator), d = From(divisor);
        (BigInteger q, BigInteger r) = BigInteger.DivRem(Big(numerator), Big(divisor));
        Assert.Equal(q, ToBig(u / d));
        Assert.Equal(r, ToBig(u % d));
        (UInt256 quotient, UInt256 remainder) = UInt256.DivRem(u, d);
        Assert.Equal(q, ToBig(quotient));
        Assert.Equal(r, ToBig(remainder));
    }

    public static TheoryData<string, string, string> HardWideDivisions => new()
    {
        // high, low (the numerator is high * 2^256 + low, high < divisor), divisor.
        // intx's 512-by-256-bit cases.
        {
            "0x40000000fd000000db0000000000000000000000000000000000", "0x1",
            "0x40000000fd000000db0000000000000000000040000000fd000000db000001"
        },
        {
            "0x40000000fd000000db0000000000000000000000000000000000", "0x1",
            "0x40000000fd000000db0000000000000000000040000000fd000000db0000d3"
        },
        // Found by an instrumented search; each takes the branch named.
        { "0x7ddf4b72b8049a96", "0xf2612c8eb34bf7100057a58a26fcfb339daed1138e00154900000000ffffffff", "0x8591490168bf179b" }, // 2-by-1: second correction
        {
            "0x83b188a8ce69f6c0", "0x7ffffffffffffffe8b99875ad3af7d44db8313d4e77cb1890000000000000000",
            "0x00000001000000007ffffffffffffffffffffffffffffffe"
        }, // 3-by-2: final correction
        {
            "0xfffffffffffffffd800000000000000200000000ffffffff", "0x26c179e9290fffd5000000000000000015c0ce8a2507eeee4000000000000000",
            "0xfffffffffffffffd80000000000000020000000100000000"
        }, // three limbs: quotient limb 2^64 - 1
        {
            "0x7ffffffffffffffe0000000000000001ffffffffffffffff1f6d5b000dd9bc75", "0x800000000000000000000000ffffffff0000000000000001ffffffffffffffff",
            "0x7ffffffffffffffe0000000000000001ffffffffffffffff1f6d5b000dd9bc76"
        }, // four limbs: quotient limb 2^64 - 1
        {
            "0xfffffffffffffffd0000000100000000fffffffffffffffe", "0x0000000000000002000000010000000000000000ffffffff8000000000000000",
            "0xfffffffffffffffd0000000100000000ffffffffffffffff"
        }, // three limbs: add back
        {
            "0x7ffffffffffffffee9120f463ff6a19f24816d5c65193d957fffffffffffffff", "0x8000000000000001000000000000000280000000000000020000000000000000",
            "0x7ffffffffffffffee9120f463ff6a19f24816d5c65193d958000000000000000"
        }, // four limbs: add back
        // The largest quotient: (d - 1) * 2^256 + (2^256 - 1) = d * 2^256 - 1, for divisors of each length.
        { "0x0", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0x1" },
        { "0xfffffffffffffffe", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0xffffffffffffffff" },
        {
            "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe",
            "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
        },
    };

    [Theory]
    [MemberData(nameof(HardWideDivisions))]
    public void Hard_512_bit_divisions_match_BigInteger(string high, string low, string divisor)
    {
        BigInteger numerator = (Big(high) << 256) + Big(low);
        (BigInteger q, BigInteger r) = BigInteger.DivRem(numerator, Big(divisor));
        UInt256 quotient = new Divisor(From(divisor)).DivRem(From(high), From(low), out UInt256 remainder);
        Assert.Equal(q, ToBig(quotient));
        Assert.Equal(r, ToBig(remainder));
    }

    [Fact]
    public void Division_by_zero_is_Panic_0x12()
    {
        EvmAssert.Reverts(EvmAssert.DivisionByZero, () => UInt256.One / UInt256.Zero);
        EvmAssert.Reverts(EvmAssert.DivisionByZero, () => UInt256.MaxValue % UInt256.Zero);
        EvmAssert.Reverts(EvmAssert.DivisionByZero, () => FullMath.MulDiv(UInt256.MaxValue, UInt256.MaxValue, UInt256.Zero, Rounding.Floor));
    }

    [Fact]
    public void Quotients_and_remainders_match_BigInteger() => PropertyCheck.Run(output, "division.256", Pairs, t =>
    {
        (BigInteger q, BigInteger r) = BigInteger.DivRem(t.U, t.D);
        Assert.Equal(q, ToBig(From(t.U) / From(t.D)));
        Assert.Equal(r, ToBig(From(t.U) % From(t.D)));
    }, maxTest: 20_000);

    [Fact]
    public void Wide_quotients_and_remainders_match_BigInteger() => PropertyCheck.Run(output, "division.512", Wide, t =>
    {
        // One prepared divisor serves two numerators.
        var divisor = new Divisor(From(t.D));
        foreach (BigInteger low in new[] { t.Low, WordGen.Max - t.Low })
        {
            (BigInteger q, BigInteger r) = BigInteger.DivRem((t.High << 256) + low, t.D);
            Assert.Equal(q, ToBig(divisor.DivRem(From(t.High), From(low), out UInt256 remainder)));
            Assert.Equal(r, ToBig(remainder));
        }
    }, maxTest: 20_000);

    [Fact]
    public void MulDiv_matches_BigInteger_on_limb_structured_values() => PropertyCheck.Run(output, "division.muldiv", Triples, t =>
    {
        BigInteger product = t.X * t.Y;
        if (t.D.IsZero || product / t.D > WordGen.Max)
            return; // reverts; FullMath's own tests and the EVM vectors cover those
        (BigInteger q, BigInteger r) = BigInteger.DivRem(product, t.D);
        Assert.Equal(q, ToBig(FullMath.MulDiv(From(t.X), From(t.Y), From(t.D), Rounding.Floor)));
        if (q < WordGen.Max || r.IsZero)
            Assert.Equal(r.IsZero ? q : q + 1, ToBig(FullMath.MulDiv(From(t.X), From(t.Y), From(t.D), Rounding.Ceil)));
    }, maxTest: 20_000);

    private static readonly Gen<(BigInteger U, BigInteger D)> Pairs =
        from d in LimbGen.NonZeroWord()
        from u in Gen.Frequency(
            (3, LimbGen.Word()),
            (1, Gen.Choose(-2, 2).Select(delta => WordGen.Clip(d + delta))), // around the divisor
            (1, from k in LimbGen.Limb select WordGen.Clip(d * k)), // near multiples
            (1, from k in LimbGen.Limb select WordGen.Clip(d * k - 1)))
        select (u, d);

    private static readonly Gen<(BigInteger High, BigInteger Low, BigInteger D)> Wide =
        from d in LimbGen.NonZeroWord()
        from high in Gen.Frequency(
            (3, LimbGen.Word().Select(h => h % d)),
            (1, Gen.Constant(d - 1)),
            (1, from k in LimbGen.Limb select d - 1 - (k % d)), // sharing d's top limbs
            (1, Gen.Constant(BigInteger.Zero)))
        from low in LimbGen.Word()
        select (high, low, d);

    private static readonly Gen<(BigInteger X, BigInteger Y, BigInteger D)> Triples =
        from x in LimbGen.Word()
        from y in LimbGen.Word()
        from d in LimbGen.Word()
        select (x, y, d);

    /// <summary>A hex literal from limbs given least significant first.</summary>
    private static string Limbs(params ulong[] limbs)
    {
        BigInteger value = 0;
        for (int i = limbs.Length - 1; i >= 0; i--)
            value = (value << 64) | limbs[i];
        return "0x" + value.ToString("x");
    }
}
