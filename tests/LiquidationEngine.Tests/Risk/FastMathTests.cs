using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace LiquidationEngine.Tests.Risk;

/// <summary>The engine's fast divisions agree with a BigInteger model, reverts included.</summary>
public class FastMathTests(ITestOutputHelper output)
{
    private static readonly Gen<BigInteger> Divisor64 = Gen.Frequency(
        (3, WordGen.BitLength(1, 64)),
        (1, Gen.Elements(BigInteger.One, BigInteger.One << 63, (BigInteger.One << 64) - 1, new BigInteger(3), new BigInteger(10))));

    private static readonly Gen<BigInteger> AnyDivisor = Gen.Frequency((3, Divisor64), (1, WordGen.NonZeroWord));

    private static string? Outcome(Func<UInt256> f)
    {
        try { return U256.ToBig(f()).ToString(); }
        catch (EvmRevertException e) { return e.RevertDataHex; }
    }

    private static string? Model(BigInteger x, BigInteger y, BigInteger d, bool up)
    {
        if (d.IsZero) return EvmAssert.DivisionByZero;
        BigInteger q = BigInteger.DivRem(x * y, d, out BigInteger r);
        if (up && !r.IsZero) q++;
        return q > U256.MaxBig ? EvmAssert.Overflow : q.ToString();
    }

    [Fact]
    public void MulDivPow10MatchesTheModel() =>
        PropertyCheck.Run(output, "engine.fastmath.pow10",
            Gen.Zip(Gen.Zip(WordGen.Word, WordGen.Word), Gen.Zip(Gen.Choose(0, 38), Gen.Elements(false, true))),
            t =>
            {
                ((BigInteger x, BigInteger y), (int k, bool up)) = t;
                Assert.Equal(Model(x, y, BigInteger.Pow(10, k), up), Outcome(() => FastMath.MulDivPow10(U256.From(x), U256.From(y), k, up)));
            }, maxTest: 5000);

    [Fact]
    public void MulDivMatchesTheModel() =>
        PropertyCheck.Run(output, "engine.fastmath.muldiv",
            Gen.Zip(Gen.Zip(WordGen.Word, WordGen.Word), Gen.Zip(AnyDivisor, Gen.Elements(false, true))),
            t =>
            {
                ((BigInteger x, BigInteger y), (BigInteger d, bool up)) = t;
                Assert.Equal(Model(x, y, d, up), Outcome(() => FastMath.MulDiv(U256.From(x), U256.From(y), U256.From(d), up)));
            }, maxTest: 5000);

    [Fact]
    public void MulSmallMatchesTheModel() =>
        PropertyCheck.Run(output, "engine.fastmath.mulsmall", Gen.Zip(WordGen.Word, WordGen.BitLength(0, 64)), t =>
        {
            (BigInteger x, BigInteger y) = t;
            BigInteger product = x * y;
            string expected = product > U256.MaxBig ? EvmAssert.Overflow : product.ToString();
            Assert.Equal(expected, Outcome(() => FastMath.MulSmall(U256.From(x), (ulong)y)));
        }, maxTest: 5000);

    [Fact]
    public void ScaledValueIsTwoRoundingsInARow() =>
        PropertyCheck.Run(output, "engine.fastmath.scaledvalue",
            Gen.Zip(Gen.Zip(WordGen.Word, WordGen.Word), Gen.Zip(WordGen.Word, Gen.Zip(Gen.Choose(0, 38), Gen.Elements(false, true)))),
            t =>
            {
                ((BigInteger scaled, BigInteger index), (BigInteger price, (int k, bool up))) = t;
                string? amount = Model(scaled, index, BigInteger.Pow(10, 27), up);
                string? expected = amount is null || amount.StartsWith("0x", StringComparison.Ordinal)
                    ? amount
                    : Model(BigInteger.Parse(amount), price, BigInteger.Pow(10, k), up);
                Assert.Equal(expected, Outcome(() => FastMath.ScaledValue(U256.From(scaled), U256.From(index), U256.From(price), k, up)));
            }, maxTest: 5000);

    [Fact]
    public void Sum256AddsAndMultipliesChecked() =>
        PropertyCheck.Run(output, "engine.fastmath.sum256",
            Gen.Zip(Gen.Zip(WordGen.Word, WordGen.Word), WordGen.BitLength(0, 64)),
            t =>
            {
                ((BigInteger a, BigInteger b), BigInteger f) = t;
                BigInteger product = b * f, total = a + product;
                string expected = product > U256.MaxBig || total > U256.MaxBig ? EvmAssert.Overflow : total.ToString();
                Assert.Equal(expected, Outcome(() =>
                {
                    var sum = new Sum256();
                    sum.Add(U256.From(a));
                    sum.AddProduct(U256.From(b), (ulong)f);
                    return sum.Value;
                }));
            }, maxTest: 5000);

    [Theory]
    [InlineData("0", "0", 27, false, "0")]
    [InlineData("1000000000000000000000000000", "1", 27, false, "1")]
    [InlineData("999999999999999999999999999", "1", 27, false, "0")]
    [InlineData("999999999999999999999999999", "1", 27, true, "1")]
    [InlineData("1000000000000000000000000001", "1", 27, true, "2")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "1", 0, false, "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "1", 1, true, "11579208923731619542357098500868790785326998466564056403945758400791312963994")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "10", 1, false, "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void PowerOfTenEdges(string x, string y, int k, bool up, string expected) =>
        Assert.Equal(expected, U256.ToBig(FastMath.MulDivPow10(U256.From(x), U256.From(y), k, up)).ToString());
}
