using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Amm;
using Xunit;

namespace LiquidationEngine.Tests.Simulation;

/// <summary>Uniswap V2's getAmountOut/getAmountIn (UniswapV2Library), against values computed by hand.</summary>
public class ConstantProductMathTests
{
    [Fact]
    public void UniswapRouterTestValues()
    {
        // v2-periphery test/UniswapV2Router01.spec.ts: getAmountOut(2, 100, 100) = 1, getAmountIn(1, 100, 100) = 2.
        Assert.Equal((UInt256)1UL, ConstantProductMath.GetAmountOut(2UL, 100UL, 100UL, 30));
        Assert.Equal((UInt256)2UL, ConstantProductMath.GetAmountIn(1UL, 100UL, 100UL, 30));
    }

    [Fact]
    public void GetAmountOutHandComputed()
    {
        // 1000 x 9970 = 9 970 000; x 200 000 = 1 994 000 000 000; 100 000 x 10 000 + 9 970 000 = 1 009 970 000;
        // 1 994 000 000 000 / 1 009 970 000 = 1974.3 -> 1974.
        Assert.Equal((UInt256)1974UL, ConstantProductMath.GetAmountOut(1000UL, 100_000UL, 200_000UL, 30));
        // No fee: 1000 x 200 000 / (100 000 + 1000) = 1980.19 -> 1980.
        Assert.Equal((UInt256)1980UL, ConstantProductMath.GetAmountOut(1000UL, 100_000UL, 200_000UL, 0));
        // 1 WETH (1e18) into 1000 WETH / 2 000 000 USDC (6 decimals), 0.3%: 9970e18 x 2e12 / (1000e18 x 10 000 + 9970e18)
        // = 19 940e30 / 10 009 970e18 = 1 992 013 962.03 -> 1 992 013 962 (1992.013962 USDC).
        UInt256 weth = UInt256.Parse("1000000000000000000000"), usdc = 2_000_000_000_000UL;
        Assert.Equal((UInt256)1_992_013_962UL, ConstantProductMath.GetAmountOut(UInt256.Parse("1000000000000000000"), weth, usdc, 30));
    }

    [Fact]
    public void GetAmountInHandComputed()
    {
        // 100 000 x 1974 x 10 000 = 1 974 000 000 000; (200 000 - 1974) x 9970 = 1 974 319 220; floor = 999, + 1 = 1000.
        Assert.Equal((UInt256)1000UL, ConstantProductMath.GetAmountIn(1974UL, 100_000UL, 200_000UL, 30));
    }

    [Fact]
    public void RevertsAsUniswap()
    {
        var input = Assert.Throws<EvmRevertException>(() => ConstantProductMath.GetAmountOut(UInt256.Zero, 1UL, 1UL, 30));
        Assert.Contains("INSUFFICIENT_INPUT_AMOUNT", input.Message);
        Assert.StartsWith("0x08c379a0", input.RevertDataHex); // Error(string)
        var liquidity = Assert.Throws<EvmRevertException>(() => ConstantProductMath.GetAmountOut(1UL, UInt256.Zero, 1UL, 30));
        Assert.Contains("INSUFFICIENT_LIQUIDITY", liquidity.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConstantProductMath.GetAmountOut(1UL, 1UL, 1UL, 10_000));
    }
}
