using System.Numerics;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.Risk;

/// <summary>
/// The fast paths of the risk arithmetic on every combination of structured limbs (0, 1, 2^63 - 1, 2^63, 2^64 - 1),
/// where each carry between limbs is taken, against <see cref="BigInteger"/>; deterministic, so the carries do not
/// depend on how many random cases a property run draws. Plus the quote's argument checks and its capping boundary.
/// </summary>
public class FastMathMutationTests
{
    private static readonly ulong[] Limbs = [0, 1, (1UL << 63) - 1, 1UL << 63, ulong.MaxValue];

    private static IEnumerable<BigInteger> TwoLimbValues() =>
        from high in Limbs from low in Limbs select ((BigInteger)high << 64) | low;

    private static readonly int[] Exponents = [0, 1, 6, 8, 18, 19, 27];

    private static string Outcome(Func<UInt256> f)
    {
        try { return ToBig(f()).ToString(); }
        catch (EvmRevertException e) { return e.RevertDataHex; }
    }

    private static string Div(BigInteger n, BigInteger d, bool up)
    {
        BigInteger q = BigInteger.DivRem(n, d, out BigInteger r);
        if (up && !r.IsZero) q++;
        return q > MaxBig ? EvmAssert.Overflow : q.ToString();
    }

    [Fact]
    public void MulDivPow10AndMulDivOnStructuredLimbs()
    {
        BigInteger[] divisors = [1, 3, 10, (BigInteger.One << 63) + 1, ulong.MaxValue, (BigInteger.One << 32) + 1, 0xFFFF_FFFF];
        foreach (BigInteger x in TwoLimbValues())
        foreach (BigInteger y in TwoLimbValues())
        foreach (bool up in new[] { false, true })
        {
            foreach (int k in Exponents)
                Assert.Equal(Div(x * y, BigInteger.Pow(10, k), up), Outcome(() => FastMath.MulDivPow10(From(x), From(y), k, up)));
            foreach (BigInteger d in divisors)
                Assert.Equal(Div(x * y, d, up), Outcome(() => FastMath.MulDiv(From(x), From(y), From(d), up)));
        }
    }

    [Fact]
    public void MulSmallAndSum256OnStructuredLimbs()
    {
        foreach (BigInteger x in TwoLimbValues())
        foreach (ulong f in Limbs)
        {
            Assert.Equal((x * f).ToString(), Outcome(() => FastMath.MulSmall(From(x), f)));
            BigInteger wide = x << 64 | x; // four limbs: the product may overflow
            BigInteger product = wide * f;
            Assert.Equal(product > MaxBig ? EvmAssert.Overflow : product.ToString(), Outcome(() =>
            {
                var sum = new Sum256();
                sum.AddProduct(From(wide), f);
                return sum.Value;
            }));
        }
    }

    [Fact]
    public void ScaledValueOnStructuredLimbs()
    {
        BigInteger ray = BigInteger.Pow(10, 27);
        foreach (BigInteger amount in TwoLimbValues())
        foreach (ulong price in Limbs)
        foreach (int k in Exponents)
        foreach (bool up in new[] { false, true })
        {
            // index = RAY: the first rounding is exact and the amount is the scaled balance itself.
            string expected = Div(amount * price, BigInteger.Pow(10, k), up);
            Assert.Equal(expected, Outcome(() => FastMath.ScaledValue(From(amount), From(ray), price, k, up)));
        }
    }

    [Fact]
    public void MulDivByZeroIsPanic12()
    {
        EvmAssert.Reverts(EvmAssert.DivisionByZero, () => FastMath.MulDiv(5, 7, UInt256.Zero, roundUp: false));
        EvmAssert.Reverts(EvmAssert.DivisionByZero, () => FastMath.MulDiv(5, 7, UInt256.Zero, roundUp: true));
    }

    [Fact]
    public void NullPolicyArgumentsAreNamed()
    {
        var inputs = new LiquidationInputs(new AccountData(1, 1, 1, 1, 1), 1, 1, 0, 1, 1, 0, 8000, 10500, 0, 1);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => LiquidationMath.Quote(inputs, null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => LiquidationMath.MaxDebtToRepay(inputs, null!, 10500)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => LiquidationMath.BonusBps(null!, 1, 10500)).ParamName);
    }

    [Fact]
    public void SeizingExactlyTheWholeBalanceIsNotCapped()
    {
        // Debt 1e4 at price 1 (HF 0.4: all of it may go), collateral at price 1, bonus 100%: covering 5 000 seizes exactly the 5 000 held.
        var account = new AccountData(5_000, 10_000, 0, 40_000_000, 400_000_000_000_000_000UL);
        var inputs = new LiquidationInputs(account, 10_000, 1, 0, 5_000, 1, 0, 8000, 10_000, 0, 5_000);
        LiquidationQuote q = LiquidationMath.Quote(inputs, new MarketOptions());
        Assert.False(q.CollateralCapped);
        Assert.Equal((UInt256)5_000UL, q.CollateralSeized);
        Assert.Equal((UInt256)5_000UL, q.DebtRepaid);
        LiquidationQuote short1 = LiquidationMath.Quote(inputs with { CollateralBalance = 4_999 }, new MarketOptions());
        Assert.True(short1.CollateralCapped);
        Assert.Equal((UInt256)4_999UL, short1.DebtRepaid);
    }
}
