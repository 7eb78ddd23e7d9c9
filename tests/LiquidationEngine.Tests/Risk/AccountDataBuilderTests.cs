using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;
using LiquidationEngine.Tests.Support;
using Xunit;

namespace LiquidationEngine.Tests.Risk;

public class AccountDataBuilderTests
{
    private const ulong Wad = 1_000_000_000_000_000_000UL;

    [Fact]
    public void NoPositions_HealthFactorIsMaxAndEverythingZero()
    {
        AccountData data = new AccountDataBuilder().Build();
        Assert.Equal(UInt256.MaxValue, data.HealthFactor);
        Assert.Equal(UInt256.Zero, data.TotalCollateralBase);
        Assert.Equal(UInt256.Zero, data.TotalDebtBase);
        Assert.Equal(0u, data.AverageLiquidationThresholdBps);
        Assert.False(data.IsLiquidatable);
    }

    [Fact]
    public void OneCollateralOneDebt_HandComputed()
    {
        // 10 WETH at $2000 (8 price decimals) = 2e12; 12 000 USDC (6 decimals) at $1 = 1.2e12.
        var builder = new AccountDataBuilder();
        builder.AddCollateral(10 * Wad, 2000_0000_0000UL, 18, 8000, 8250);
        builder.AddDebt(12_000_000_000UL, 1_0000_0000UL, 6);
        AccountData data = builder.Build();

        Assert.Equal((UInt256)2_000_000_000_000UL, data.TotalCollateralBase);
        Assert.Equal((UInt256)1_200_000_000_000UL, data.TotalDebtBase);
        Assert.Equal((UInt256)1_600_000_000_000UL, data.BorrowCapacityBase);          // 2e12 x 80%
        Assert.Equal((UInt256)16_500_000_000_000_000UL, data.ThresholdWeightedCollateral); // 2e12 x 8250
        Assert.Equal(8250u, data.AverageLiquidationThresholdBps);
        Assert.Equal((UInt256)1_375_000_000_000_000_000UL, data.HealthFactor);          // 1.65e16 x 1e14 / 1.2e12
    }

    [Fact]
    public void CollateralValueRoundsDown_DebtValueRoundsUp()
    {
        // 1 wei of an 18-decimal token at $2000 is worth 2000e8 / 1e18 = 2e-7 base units.
        var builder = new AccountDataBuilder();
        builder.AddCollateral(1, 2000_0000_0000UL, 18, 8000, 8250);
        builder.AddDebt(1, 2000_0000_0000UL, 18);
        AccountData data = builder.Build();
        Assert.Equal(UInt256.Zero, data.TotalCollateralBase); // floor
        Assert.Equal(UInt256.One, data.TotalDebtBase);        // ceil
        Assert.Equal(UInt256.Zero, data.HealthFactor);
        Assert.True(data.IsLiquidatable);
    }

    [Fact]
    public void TwoCollateralsTwoDebts_AverageThresholdAndHealthFactorRoundDown()
    {
        // Collateral: 10 WETH ($20 000, LT 8250) and 0.01666667 WBTC (~$1000, LT 7500); debts in USDC and DAI.
        var builder = new AccountDataBuilder();
        builder.AddCollateral(10 * Wad, 2000_0000_0000UL, 18, 8000, 8250);   // 2 000 000 000 000
        builder.AddCollateral(1_666_667UL, 60_000_0000_0000UL, 8, 7000, 7500); // floor(1 666 667 x 6e12 / 1e8) = 100 000 020 000
        builder.AddDebt(700_000_000UL, 1_0000_0000UL, 6);                     // 70 000 000 000
        builder.AddDebt(1 * Wad / 3, 1_0000_0000UL, 18);                      // ceil(333..333 x 1e8 / 1e18) = 33 333 334
        AccountData data = builder.Build();

        Assert.Equal((UInt256)2_100_000_020_000UL, data.TotalCollateralBase);
        Assert.Equal((UInt256)70_033_333_334UL, data.TotalDebtBase);
        // W = 2e12 x 8250 + 100 000 020 000 x 7500 = 16 500 000 000 000 000 + 750 000 150 000 000 = 17 250 000 150 000 000
        Assert.Equal((UInt256)17_250_000_150_000_000UL, data.ThresholdWeightedCollateral);
        // capacity = floor((2e12 x 8000 + 100 000 020 000 x 7000) / 1e4) = floor(16 700 000 140 000 000 / 1e4)
        Assert.Equal((UInt256)1_670_000_014_000UL, data.BorrowCapacityBase);
        // average LT = floor(17 250 000 150 000 000 / 2 100 000 020 000) = 8214 (8214.2856...)
        Assert.Equal(8214u, data.AverageLiquidationThresholdBps);
        // HF = floor(17 250 000 150 000 000 x 1e14 / 70 033 333 334)
        Assert.Equal(U256.From("24631128248218647041"), data.HealthFactor);
    }

    [Fact]
    public void OverflowingSumRevertsWithPanic11()
    {
        var builder = new AccountDataBuilder();
        builder.AddCollateral(UInt256.MaxValue, 1, 0, 0, 1);
        Assert.Equal(EvmAssert.Overflow, Assert.Throws<Evm.EvmRevertException>(() => builder.AddCollateral(1, 1, 0, 0, 1)).RevertDataHex);
    }
}
