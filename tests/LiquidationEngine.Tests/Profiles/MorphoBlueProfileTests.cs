using LiquidationEngine.FixedPoint;
using LiquidationEngine.Profiles.MorphoBlue;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Profiles.ProfileAssert;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>
/// Morpho Blue profile against hand-computed numbers. Market: WETH collateral (18 decimals), USDC loan (6 decimals),
/// LLTV 86%; oracle price = $2000 x 1e6 x 1e36 / 1e18 = 2e27; 1e12 USDC borrowed as 1e18 shares (1e6 per unit).
/// </summary>
public class MorphoBlueProfileTests
{
    private static readonly UInt256 Lltv86 = U("860000000000000000");
    private static readonly UInt256 Price2000 = U("2000000000000000000000000000");

    private static readonly MorphoBlueMarket Market = new()
    {
        TotalSupplyAssets = 2_000_000_000_000, TotalBorrowAssets = 1_000_000_000_000, TotalBorrowShares = 1_000_000_000_000_000_000,
    };

    // 1 WETH against 1.8e15 shares = 1800 USDC (toAssetsUp(1.8e15, 1e12, 1e18) = ceil(1.8e15 x (1e12 + 1) / (1e18 + 1e6))).
    private static readonly MorphoBluePosition Position = new() { Collateral = 1_000_000_000_000_000_000, BorrowShares = 1_800_000_000_000_000 };

    [Theory]
    [InlineData("860000000000000000", "1043841336116910229")]  // 1 / (1 - 0.3 x 0.14) = 1 / 0.958, floored
    [InlineData("945000000000000000", "1016776817488561260")]  // 1 / (1 - 0.3 x 0.055) = 1 / 0.9835
    [InlineData("500000000000000000", "1150000000000000000")]  // 1 / 0.85 = 1.176 -> capped at 1.15
    [InlineData("0", "1150000000000000000")]
    [InlineData("1000000000000000000", "1000000000000000000")]
    public void Liquidation_incentive_factor(string lltv, string expected) =>
        Equal(expected, MorphoBlueProfile.LiquidationIncentiveFactor(U(lltv)));

    [Fact]
    public void Incentive_factor_of_an_lltv_above_one_underflows() =>
        EvmAssert.Reverts(EvmAssert.Overflow, () => MorphoBlueProfile.LiquidationIncentiveFactor(U("1000000000000000001")));

    [Fact]
    public void Health_compares_debt_rounded_up_with_capacity_rounded_down()
    {
        MorphoBlueHealth h = MorphoBlueProfile.Health(Market, Position, Price2000, Lltv86);
        Equal("1800000000", h.Borrowed);
        Equal("1720000000", h.MaxBorrow); // $2000 x 86%
        Assert.False(h.IsHealthy);
        Assert.True(MorphoBlueProfile.Health(Market, Position with { BorrowShares = 1_720_000_000_000_000 }, Price2000, Lltv86).IsHealthy);
    }

    [Fact]
    public void Liquidate_by_seized_assets_rounds_the_repaid_shares_up()
    {
        // 0.5 WETH = 1000 USDC; / 1.0438... = 958.0000000000x -> wDivUp 958000001; shares x 1e6 (rounded up).
        MorphoBlueLiquidation l = MorphoBlueProfile.Liquidate(Market, Position, Price2000, Lltv86, U("500000000000000000"), 0);
        Equal("500000000000000000", l.SeizedAssets);
        Equal("958000001000000", l.RepaidShares);
        Equal("958000001", l.RepaidAssets);
        Equal("0", l.BadDebtAssets);
        Assert.Equal((UInt128)999_041_999_999, l.Market.TotalBorrowAssets);
        Assert.Equal((UInt128)999_041_999_999_000_000, l.Market.TotalBorrowShares);
        Assert.Equal((UInt128)2_000_000_000_000, l.Market.TotalSupplyAssets);
        Assert.Equal((UInt128)500_000_000_000_000_000, l.Position.Collateral);
        Assert.Equal((UInt128)841_999_999_000_000, l.Position.BorrowShares);
    }

    [Fact]
    public void Liquidate_by_repaid_shares_rounds_the_seized_assets_down()
    {
        // 9e14 shares = 900 USDC (down); x 1.0438... = 939.457202...; / $2000 = 0.469728601 WETH (down).
        MorphoBlueLiquidation l = MorphoBlueProfile.Liquidate(Market, Position, Price2000, Lltv86, 0, U("900000000000000"));
        Equal("469728601000000000", l.SeizedAssets);
        Equal("900000000", l.RepaidAssets);
        Equal("900000000000000", l.RepaidShares);
        Assert.Equal((UInt128)530_271_399_000_000_000, l.Position.Collateral);
    }

    [Fact]
    public void Seizing_all_collateral_realises_the_rest_as_bad_debt()
    {
        // At $1000 the whole WETH covers 958000001 USDC; the remaining 841999999 USDC of debt is bad debt,
        // taken off borrow and supply assets.
        UInt256 price1000 = U("1000000000000000000000000000");
        MorphoBlueLiquidation l = MorphoBlueProfile.Liquidate(Market, Position, price1000, Lltv86, U("1000000000000000000"), 0);
        Equal("958000001", l.RepaidAssets);
        Equal("841999999", l.BadDebtAssets);
        Equal("841999999000000", l.BadDebtShares);
        Assert.Equal((UInt128)1_999_158_000_001, l.Market.TotalSupplyAssets);
        Assert.Equal((UInt128)998_200_000_000, l.Market.TotalBorrowAssets);
        Assert.Equal((UInt128)998_200_000_000_000_000, l.Market.TotalBorrowShares);
        Assert.Equal(UInt128.Zero, l.Position.Collateral);
        Assert.Equal(UInt128.Zero, l.Position.BorrowShares);
    }

    [Fact]
    public void Liquidate_reverts_with_morpho_reasons()
    {
        EvmAssert.Reverts(ErrorHex("inconsistent input"), () => MorphoBlueProfile.Liquidate(Market, Position, Price2000, Lltv86, 1, 1));
        EvmAssert.Reverts(ErrorHex("inconsistent input"), () => MorphoBlueProfile.Liquidate(Market, Position, Price2000, Lltv86, 0, 0));
        EvmAssert.Reverts(ErrorHex("position is healthy"),
            () => MorphoBlueProfile.Liquidate(Market, Position, U("3000000000000000000000000000"), Lltv86, 1, 0));
        // Seizing more collateral than the position holds: the uint128 subtraction underflows.
        EvmAssert.Reverts(EvmAssert.Overflow, () => MorphoBlueProfile.Liquidate(Market, Position, Price2000, Lltv86, U("1000000000000000001"), 0));
        // Repaying more shares than the position has.
        EvmAssert.Reverts(EvmAssert.Overflow, () => MorphoBlueProfile.Liquidate(Market, Position, Price2000, Lltv86, 0, U("1800000000000001")));
        // 2^128 shares do not fit the uint128 fields.
        EvmAssert.Reverts(ErrorHex("max uint128 exceeded"),
            () => MorphoBlueProfile.Liquidate(Market, Position, Price2000, Lltv86, 0, U256.From(U256.Pow2(128))));
    }

    [Fact]
    public void Shares_math_uses_virtual_shares_and_assets()
    {
        Equal("1000000", MorphoSharesMathLib.ToSharesDown(1, 0, 0));   // 1 x (0 + 1e6) / (0 + 1)
        Equal("0", MorphoSharesMathLib.ToAssetsDown(999_999, 0, 0));   // 999999 x 1 / 1e6
        Equal("1", MorphoSharesMathLib.ToAssetsUp(1, 0, 0));           // ceil(1 / 1e6)
        Equal("333334", MorphoSharesMathLib.ToSharesUp(1, 2, 0));      // ceil(1e6 / 3)
    }
}
