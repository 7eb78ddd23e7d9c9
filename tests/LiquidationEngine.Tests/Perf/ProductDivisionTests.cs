using System.Numerics;
using LiquidationEngine.FixedPoint;
using Xunit;

namespace LiquidationEngine.Tests.Perf;

/// <summary>The tabulated divisors of <see cref="ProductDivision"/> against their definitions, computed independently.</summary>
public sealed class ProductDivisionTests
{
    [Fact]
    public void Powers_of_five_are_normalised_and_their_reciprocals_are_floor_of_2_pow_128_minus_1_over_d_minus_2_pow_64()
    {
        for (int k = 0; k <= ProductDivision.MaxPowerOfTen; k++)
        {
            BigInteger five = BigInteger.Pow(5, k);
            BigInteger d = ProductDivision.NormalizedPowerOfFive(k);
            Assert.True(d >> 63 == 1, $"5^{k} normalised has its top bit set");
            Assert.True(d % five == 0 && BigInteger.IsPow2(d / five), $"5^{k} shifted left only");
            BigInteger expected = (BigInteger.Pow(2, 128) - 1) / d - BigInteger.Pow(2, 64);
            Assert.Equal(expected, (BigInteger)ProductDivision.PowerOfFiveReciprocal(k));
            Assert.Equal(expected, (BigInteger)Reciprocal.Of((ulong)d));
        }
    }
}
