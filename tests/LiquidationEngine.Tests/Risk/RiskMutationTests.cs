using System.Numerics;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.Risk;

/// <summary>
/// Boundaries of the risk code that mutation testing showed unpinned: the liquidatable threshold itself, every power of
/// ten, and the scaled-balance entry points on both sides of their fast paths. Expected values by hand or from
/// <see cref="BigInteger"/>.
/// </summary>
public class RiskMutationTests
{
    private const ulong Wad = 1_000_000_000_000_000_000UL;
    private static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    [Fact]
    public void LiquidatableStrictlyBelowOne()
    {
        Assert.False(new AccountData(1, 1, 1, 1, Wad).IsLiquidatable);
        Assert.True(new AccountData(1, 1, 1, 1, Wad - 1).IsLiquidatable);
        Assert.False(new AccountData(1, 1, 1, 1, UInt256.MaxValue).IsLiquidatable);
    }

    [Fact]
    public void QuoteAtHealthFactorExactlyOneIsEmpty()
    {
        // Collateral worth 1e4 with LT 1e4 (100%) against a debt of 1e4: W x 1e14 / D = 1e18 exactly.
        var atOne = new AccountData(10_000, 10_000, 0, 100_000_000, Wad);
        var inputs = new LiquidationInputs(atOne, 10_000, 1, 0, 10_000, 1, 0, 10_000, 10_000, 0, UInt256.MaxValue);
        Assert.Equal(default, LiquidationMath.Quote(inputs, new MarketOptions()));
        LiquidationQuote below = LiquidationMath.Quote(inputs with { Account = atOne with { HealthFactor = Wad - 1 } }, new MarketOptions());
        // Fixed close factor 50% of 1e4, bonus 100%: 5 000 repaid for 5 000 seized, no fee.
        Assert.Equal((UInt256)5_000UL, below.DebtRepaid);
        Assert.Equal((UInt256)5_000UL, below.CollateralSeized);
    }

    [Fact]
    public void AverageThresholdIsTheFlooredRatio()
    {
        Assert.Equal(7_499u, new AccountData(3, 0, 0, 22_499, 0).AverageLiquidationThresholdBps); // 22 499 / 3 = 7499.67
        Assert.Equal(2u, new AccountData(UInt256.MaxValue / 2, 0, 0, UInt256.MaxValue, 0).AverageLiquidationThresholdBps);
        Assert.Equal((UInt256)2UL, new AccountData(0, 0, 29_999, 0, 0).BorrowCapacityBase);
    }

    [Fact]
    public void EveryPowerOfTenUpTo38()
    {
        for (int k = 0; k <= 38; k++)
            Assert.Equal(BigInteger.Pow(10, k), ToBig(Units.Pow10(k)));
        var above = Assert.Throws<ArgumentOutOfRangeException>(() => Units.Pow10(39));
        Assert.Equal("exponent", above.ParamName);
        Assert.Equal(39, above.ActualValue);
        Assert.Contains("above 38", above.Message);
    }

    public static TheoryData<string, string, string, int> ScaledCases => new()
    {
        // scaled, index (RAY), price, decimals: the fast path (all below their limits) ...
        { "10000000000000000000", "1100000000000000000000000000", "200000000000", 18 },
        { "3", "1333333333333333333333333333", "7", 0 },
        { "123456789", "1000000000000000000000000001", "99999999", 6 },
        // ... and past each limit: price of two limbs, decimals above 27, amount of three limbs, scaled of three limbs.
        { "10000000000000000000", "1100000000000000000000000000", "36893488147419103232", 18 },
        { "10000000000000000000", "1100000000000000000000000000", "200000000000", 30 },
        { "340282366920938463463374607431768211455", "340282366920938463463374607431768211455", "3", 8 },
        { "6277101735386680763835789423207666416102355444464034512896", "1000000000000000000000000000", "5", 2 },
    };

    [Theory]
    [MemberData(nameof(ScaledCases))]
    public void ScaledBalancesRoundTwiceTowardTheProtocol(string scaled, string index, string price, int decimals)
    {
        BigInteger s = Big(scaled), i = Big(index), p = Big(price), unit = BigInteger.Pow(10, decimals);
        BigInteger supplyValue = s * i / Ray * p / unit;
        BigInteger debtAmount = CeilDiv(s * i, Ray);
        BigInteger debtValue = CeilDiv(debtAmount * p, unit);

        var builder = new AccountDataBuilder();
        builder.AddScaledCollateral(From(s), From(i), From(p), (byte)decimals, 8000, 9000);
        builder.AddScaledDebt(From(s), From(i), From(p), (byte)decimals);
        AccountData data = builder.Build();
        Assert.Equal(supplyValue, ToBig(data.TotalCollateralBase));
        Assert.Equal(debtValue, ToBig(data.TotalDebtBase));
        Assert.Equal(supplyValue * 9000, ToBig(data.ThresholdWeightedCollateral));
        Assert.Equal(supplyValue * 8000, ToBig(data.LtvWeightedCollateral));
        Assert.Equal(debtValue.IsZero ? MaxBig : supplyValue * 9000 * BigInteger.Pow(10, 14) / debtValue, ToBig(data.HealthFactor));
    }

    [Fact]
    public void ValuationRoundsEachWay()
    {
        // 1 wei at price 1 with 1 decimal: 0.1 -> 0 down, 1 up; exact values do not round.
        Assert.Equal(UInt256.Zero, Valuation.ValueDown(1, 1, 1));
        Assert.Equal(UInt256.One, Valuation.ValueUp(1, 1, 1));
        Assert.Equal((UInt256)3UL, Valuation.ValueUp(30, 1, 1));
        Assert.Equal((UInt256)3UL, Valuation.ValueDown(30, 1, 1));
        // Inexact only in the 2^k part of 10^k (30 001 / 2 is not whole, 30 001 / 5 is not either) and only in the 5^k part.
        Assert.Equal((UInt256)4UL, Valuation.ValueUp(31, 1, 1));
        Assert.Equal((UInt256)1UL, Valuation.ValueUp(5, 1, 1)); // 5 / 10: 2 does not divide 5
        Assert.Equal((UInt256)1UL, Valuation.ValueUp(2, 1, 1)); // 2 / 10: 5 does not divide 2
        Assert.Equal((UInt256)1UL, Valuation.ValueUp(1, 1, 27));
        Assert.Equal(UInt256.One, Valuation.ValueUp(From(Ray), 1, 27));
        Assert.Equal((UInt256)2UL, Valuation.ValueUp(From(Ray + 1), 1, 27));
    }

    private static BigInteger CeilDiv(BigInteger a, BigInteger b) => (a + b - 1) / b;
}
