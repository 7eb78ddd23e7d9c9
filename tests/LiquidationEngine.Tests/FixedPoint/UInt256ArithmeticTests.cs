using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

public class UInt256ArithmeticTests
{
    private const string Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    private const string MaxMinus1 = "115792089237316195423570985008687907853269984665640564039457584007913129639934";
    private const string TwoPow128 = "340282366920938463463374607431768211456";
    private const string TwoPow255 = "57896044618658097711785492504343953926634992332820282019728792003956564819968";
    private const string Overflow = "panic 0x11";
    private const string DivByZero = "panic 0x12";

    private static void Check(string expected, Func<UInt256> op)
    {
        if (expected == Overflow) EvmAssert.Reverts(EvmAssert.Overflow, op);
        else if (expected == DivByZero) EvmAssert.Reverts(EvmAssert.DivisionByZero, op);
        else Assert.Equal(Big(expected), ToBig(op()));
    }

    [Theory]
    [InlineData("0", "0", "0")]
    [InlineData("1", "2", "3")]
    [InlineData("18446744073709551615", "1", "18446744073709551616")] // carry out of limb 0
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffff", "1", "0x1000000000000000000000000000000000000000000000000")] // carry through three limbs
    [InlineData(MaxMinus1, "1", Max)]
    [InlineData(Max, "0", Max)]
    [InlineData(Max, "1", Overflow)]
    [InlineData(Max, Max, Overflow)]
    [InlineData(TwoPow255, TwoPow255, Overflow)]
    public void Add(string a, string b, string expected)
    {
        Check(expected, () => From(a) + From(b));
        Check(expected, () => checked(From(a) + From(b)));
        Check(expected, () => unchecked(From(a) + From(b)));
        Check(expected, () => From(b) + From(a));
    }

    [Theory]
    [InlineData("3", "2", "1")]
    [InlineData("0", "0", "0")]
    [InlineData(Max, Max, "0")]
    [InlineData("18446744073709551616", "1", "18446744073709551615")] // borrow from limb 1
    [InlineData(TwoPow128, "1", "340282366920938463463374607431768211455")]
    [InlineData("0", "1", Overflow)]
    [InlineData("1", "2", Overflow)]
    [InlineData(MaxMinus1, Max, Overflow)]
    public void Sub(string a, string b, string expected)
    {
        Check(expected, () => From(a) - From(b));
        Check(expected, () => checked(From(a) - From(b)));
        Check(expected, () => unchecked(From(a) - From(b)));
    }

    [Theory]
    [InlineData("0", Max, "0")]
    [InlineData("1", Max, Max)]
    [InlineData("6", "7", "42")]
    [InlineData("18446744073709551615", "18446744073709551615", "340282366920938463426481119284349108225")] // (2^64-1)^2
    [InlineData("340282366920938463463374607431768211455", "340282366920938463463374607431768211457", Max)] // (2^128-1)(2^128+1)
    [InlineData(TwoPow128, TwoPow128, Overflow)] // exactly 2^256
    [InlineData(TwoPow255, "2", Overflow)]
    [InlineData(Max, "2", Overflow)]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000", "1", TwoPow255)]
    [InlineData("57896044618658097711785492504343953926634992332820282019728792003956564819967", "2", MaxMinus1)] // (2^255-1)*2
    [InlineData("1000000000000000000", "1000000000000000000000000000", "1000000000000000000000000000000000000000000000")]
    public void Mul(string a, string b, string expected)
    {
        Check(expected, () => From(a) * From(b));
        Check(expected, () => From(b) * From(a));
        Check(expected, () => checked(From(a) * From(b)));
    }

    [Fact]
    public void MulDetectsOverflowInEveryDroppedLimbPosition()
    {
        // a_i * b_j with i + j = 4 lands exactly at 2^256.
        for (int i = 1; i < 4; i++)
        {
            UInt256 a = From(Pow2(64 * i));
            UInt256 b = From(Pow2(64 * (4 - i)));
            EvmAssert.Reverts(EvmAssert.Overflow, () => a * b);
            Assert.Equal(Pow2(255), ToBig(From(Pow2(64 * i)) * From(Pow2(255 - 64 * i))));
        }
    }

    [Theory]
    [InlineData("7", "2", "3", "1")]
    [InlineData("0", "5", "0", "0")]
    [InlineData("5", "7", "0", "5")]
    [InlineData(Max, "1", Max, "0")]
    [InlineData(Max, Max, "1", "0")]
    [InlineData(Max, "10", "11579208923731619542357098500868790785326998466564056403945758400791312963993", "5")]
    [InlineData(Max, "18446744073709551615", "6277101735386680764176071790128604879584176795969512275969", "0")] // (2^256-1)/(2^64-1) exact
    [InlineData(Max, TwoPow128, "340282366920938463463374607431768211455", "340282366920938463463374607431768211455")]
    [InlineData(Max, "340282366920938463463374607431768211457", "340282366920938463463374607431768211455", "0")]
    [InlineData(TwoPow255, "57896044618658097711785492504343953926634992332820282019728792003956564819967", "1", "1")]
    [InlineData("0x1000000000000000000000000000000000000000000000000", "0x100000000000000000000000000000001", "0xffffffffffffffff", "0xffffffffffffffff0000000000000001")] // general (Knuth) path
    [InlineData("1", "0", DivByZero, DivByZero)]
    [InlineData("0", "0", DivByZero, DivByZero)]
    [InlineData(Max, "0", DivByZero, DivByZero)]
    public void DivAndMod(string a, string b, string quotient, string remainder)
    {
        Check(quotient, () => From(a) / From(b));
        Check(remainder, () => From(a) % From(b));
        Check(quotient, () => UInt256.DivRem(From(a), From(b)).Quotient);
        Check(remainder, () => UInt256.DivRem(From(a), From(b)).Remainder);
    }

    [Theory]
    // Inputs for which Algorithm D's first quotient estimate is one too large after the two-limb
    // correction, so the add-back step runs (found with an independent Python transcription of Algorithm D).
    [InlineData("0x1000000000000000000000000000000000000000000000000", "0x100000000000000000000000000000001")]
    [InlineData("0x1000000000000000000000000000000000000000000000000", "0x800000000000000000000000000000000000000000000001")]
    [InlineData("0x1000000000000000000000000000000000000000000000000", "0x10000000000000000000000000000000000000001")]
    [InlineData("0x1000000000000000000000000000000000000000000000000", "0x80000000000000000000000000000000ffffffffffffffff")]
    public void KnuthAddBackStep(string a, string b)
    {
        Assert.Equal(Big(a) / Big(b), ToBig(From(a) / From(b)));
        Assert.Equal(Big(a) % Big(b), ToBig(From(a) % From(b)));
    }

    [Fact]
    public void IncrementAndDecrementAreChecked()
    {
        UInt256 v = From(Max);
        EvmAssert.Reverts(EvmAssert.Overflow, () => { var x = v; x++; return x; });
        EvmAssert.Reverts(EvmAssert.Overflow, () => { var x = v; checked { x++; } return x; });
        UInt256 z = UInt256.Zero;
        EvmAssert.Reverts(EvmAssert.Overflow, () => { var x = z; x--; return x; });
        EvmAssert.Reverts(EvmAssert.Overflow, () => { var x = z; checked { x--; } return x; });
        var y = From("18446744073709551615");
        y++;
        Assert.Equal(Big("18446744073709551616"), ToBig(y));
        y--;
        Assert.Equal(Big("18446744073709551615"), ToBig(y));
    }

    [Fact]
    public void NegationIsCheckedExceptForZero()
    {
        Assert.Equal(UInt256.Zero, -UInt256.Zero);
        EvmAssert.Reverts(EvmAssert.Overflow, () => -UInt256.One);
        Assert.Equal(Big(Max), ToBig(UInt256.WrappingNeg(UInt256.One)));
        Assert.Equal(Big("7"), ToBig(+From("7")));
    }

    [Theory]
    [InlineData(Max, "1", "0", MaxMinus1, Max)]
    [InlineData("0", "1", "1", Max, "0")]
    [InlineData(TwoPow128, TwoPow128, "680564733841876926926749214863536422912", "0", "0")]
    [InlineData(Max, Max, MaxMinus1, "0", "1")] // (2^256-1)^2 mod 2^256 = 1
    [InlineData("5", "3", "8", "2", "15")]
    public void WrappingVariantsReduceModulo2Pow256(string a, string b, string sum, string difference, string product)
    {
        Assert.Equal(Big(sum), ToBig(UInt256.WrappingAdd(From(a), From(b))));
        Assert.Equal(Big(difference), ToBig(UInt256.WrappingSub(From(a), From(b))));
        Assert.Equal(Big(product), ToBig(UInt256.WrappingMul(From(a), From(b))));
    }

    [Fact]
    public void WrappingSubUnderflowsToTwoComplement()
    {
        Assert.Equal(Big(MaxMinus1), ToBig(UInt256.WrappingSub(From("1"), From("3"))));
    }

    [Fact]
    public void ComparisonsAndOrdering()
    {
        UInt256[] ascending =
        [
            UInt256.Zero, UInt256.One, From("18446744073709551615"), From("18446744073709551616"),
            From(TwoPow128), From("0x10000000000000000000000000000000000000000000000000"), From(TwoPow255), From(MaxMinus1), From(Max),
        ];
        for (int i = 0; i < ascending.Length; i++)
        for (int j = 0; j < ascending.Length; j++)
        {
            UInt256 a = ascending[i], b = ascending[j];
            Assert.Equal(i < j, a < b);
            Assert.Equal(i <= j, a <= b);
            Assert.Equal(i > j, a > b);
            Assert.Equal(i >= j, a >= b);
            Assert.Equal(i == j, a == b);
            Assert.Equal(i != j, a != b);
            Assert.Equal(i == j, a.Equals(b));
            Assert.Equal(i == j, a.Equals((object)b));
            Assert.Equal(Math.Sign(i.CompareTo(j)), Math.Sign(a.CompareTo(b)));
            Assert.Equal(Math.Sign(i.CompareTo(j)), Math.Sign(a.CompareTo((object)b)));
            Assert.Equal(i <= j ? a : b, UInt256.Min(a, b));
            Assert.Equal(i >= j ? a : b, UInt256.Max(a, b));
        }
        Assert.Equal(1, UInt256.One.CompareTo(null));
        Assert.Throws<ArgumentException>(() => UInt256.One.CompareTo((object)1));
        Assert.False(UInt256.One.Equals((object)1UL));
    }

    [Fact]
    public void EqualValuesHashEqually()
    {
        Assert.Equal(From(TwoPow255).GetHashCode(), new UInt256(0x8000000000000000, 0, 0, 0).GetHashCode());
        var set = new HashSet<UInt256> { From("1"), From("1"), From(Max), UInt256.MaxValue, UInt256.Zero };
        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void Constants()
    {
        Assert.Equal(Big("0"), ToBig(UInt256.Zero));
        Assert.Equal(Big("1"), ToBig(UInt256.One));
        Assert.Equal(Big(Max), ToBig(UInt256.MaxValue));
        Assert.Equal(UInt256.Zero, UInt256.MinValue);
        Assert.True(UInt256.Zero.IsZero);
        Assert.False(From(TwoPow255).IsZero);
    }
}
