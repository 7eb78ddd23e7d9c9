using LiquidationEngine.FixedPoint;
using LiquidationEngine.Profiles.AaveV3;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Profiles.ProfileAssert;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>Aave V3 profile against hand-computed numbers (prices: USD with 8 decimals, as Aave's oracle).</summary>
public class AaveV3ProfileTests
{
    private static readonly AaveV3Reserve Eth10 = new()
    {
        CollateralBalance = U("10000000000000000000"), Price = U("200000000000"), Decimals = 18,
        LtvBps = 8000, LiquidationThresholdBps = 8250, UsedAsCollateral = true,
    };

    private static readonly AaveV3Reserve UsdcDebt10k = new() { DebtBalance = U("10000000000"), Price = U("100000000"), Decimals = 6, LtvBps = 7500, LiquidationThresholdBps = 8000 };

    [Fact]
    public void Account_data_of_eth_collateral_and_usdc_debt()
    {
        // 10 ETH x $2000 = $20,000 = 2e12 base; 10,000 USDC = 1e12 base; HF = 2e12 x 82.5% / 1e12 = 1.65
        AaveV3AccountData d = AaveV3Profile.UserAccountData([Eth10, UsdcDebt10k]);
        Equal("2000000000000", d.TotalCollateralBase);
        Equal("1000000000000", d.TotalDebtBase);
        Equal("8000", d.AvgLtvBps);
        Equal("8250", d.AvgLiquidationThresholdBps);
        Equal("1650000000000000000", d.HealthFactor);
        Assert.False(d.HasZeroLtvCollateral);
    }

    [Fact]
    public void Averages_are_weighted_by_collateral_value()
    {
        // + 1 WBTC (8 decimals) x $30,000 = 3e12 base at LTV 70% / LT 75%; 20,000 USDC debt.
        var wbtc = new AaveV3Reserve { CollateralBalance = U("100000000"), Price = U("3000000000000"), Decimals = 8, LtvBps = 7000, LiquidationThresholdBps = 7500, UsedAsCollateral = true };
        var usdc = UsdcDebt10k with { DebtBalance = U("20000000000") };
        AaveV3AccountData d = AaveV3Profile.UserAccountData([Eth10, wbtc, usdc]);
        Equal("5000000000000", d.TotalCollateralBase);
        Equal("2000000000000", d.TotalDebtBase);
        Equal("7400", d.AvgLtvBps);                    // (2e12 x 8000 + 3e12 x 7000) / 5e12
        Equal("7800", d.AvgLiquidationThresholdBps);   // (2e12 x 8250 + 3e12 x 7500) / 5e12
        Equal("1950000000000000000", d.HealthFactor);  // 5e12 x 78% / 2e12
    }

    [Fact]
    public void Values_floor_per_reserve_and_the_health_factor_rounds_half_up()
    {
        // collateral 3 wei x price 1 (0 decimals) at LT 50%: percentMul(3, 5000) = 2 (1.5 half up); debt 3:
        // wadDiv(2, 3) = (2e18 + 1) / 3 = 666666666666666667.
        var tiny = new AaveV3Reserve { CollateralBalance = 3, DebtBalance = 3, Price = 1, Decimals = 0, LtvBps = 4000, LiquidationThresholdBps = 5000, UsedAsCollateral = true };
        AaveV3AccountData d = AaveV3Profile.UserAccountData([tiny]);
        Equal("666666666666666667", d.HealthFactor);

        // 3 wei of an 18-decimal token at $0.5 (5e17 base units per token): 3 x 5e17 / 1e18 = 1.5 -> 1.
        var dust = new AaveV3Reserve { CollateralBalance = 3, Price = U("500000000000000000"), Decimals = 18, LtvBps = 1, LiquidationThresholdBps = 1, UsedAsCollateral = true };
        Equal("1", AaveV3Profile.UserAccountData([dust]).TotalCollateralBase);
    }

    [Fact]
    public void Only_enabled_collaterals_with_a_threshold_count_and_zero_ltv_is_flagged()
    {
        AaveV3AccountData notUsed = AaveV3Profile.UserAccountData([Eth10 with { UsedAsCollateral = false }, UsdcDebt10k]);
        Equal("0", notUsed.TotalCollateralBase);
        Equal("0", notUsed.AvgLiquidationThresholdBps);
        Equal("0", notUsed.HealthFactor); // percentMul(0, 0) wadDiv 1e12

        Equal("0", AaveV3Profile.UserAccountData([Eth10 with { LiquidationThresholdBps = 0 }]).TotalCollateralBase);

        AaveV3AccountData zeroLtv = AaveV3Profile.UserAccountData([Eth10 with { LtvBps = 0 }, UsdcDebt10k]);
        Assert.True(zeroLtv.HasZeroLtvCollateral);
        Equal("0", zeroLtv.AvgLtvBps);
        Equal("8250", zeroLtv.AvgLiquidationThresholdBps);
    }

    [Fact]
    public void No_debt_means_the_maximum_health_factor_and_no_reserves_mean_zeros()
    {
        Assert.Equal(UInt256.MaxValue, AaveV3Profile.UserAccountData([Eth10]).HealthFactor);
        AaveV3AccountData empty = AaveV3Profile.UserAccountData([]);
        Assert.Equal(UInt256.MaxValue, empty.HealthFactor);
        Equal("0", empty.TotalCollateralBase);
        Equal("0", empty.AvgLtvBps);
    }

    [Fact]
    public void The_token_unit_wraps_modulo_2_pow_256_from_78_decimals()
    {
        // unchecked 10 ** 78 = 10^78 - 8 x 2^256 (2^256 ~ 1.158e77), so a debt of exactly that many wei is worth 1.
        System.Numerics.BigInteger unit78 = System.Numerics.BigInteger.Pow(10, 78) - 8 * U256.Modulus;
        var reserve = new AaveV3Reserve { DebtBalance = U256.From(unit78), Price = 1, Decimals = 78 };
        Equal("1", AaveV3Profile.UserAccountData([reserve]).TotalDebtBase);
        Equal("0", AaveV3Profile.UserAccountData([reserve with { DebtBalance = U256.From(unit78 - 1) }]).TotalDebtBase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(77)]
    [InlineData(78)]
    [InlineData(255)]
    public void Token_unit_is_ten_to_the_decimals_modulo_2_pow_256(byte decimals) =>
        Assert.Equal(System.Numerics.BigInteger.Pow(10, decimals) % U256.Modulus, U256.ToBig(AaveV3Profile.TokenUnit(decimals)));

    [Fact]
    public void Account_data_overflows_revert_like_checked_solidity()
    {
        var huge = new AaveV3Reserve { CollateralBalance = U256.From(U256.Pow2(255)), Price = 2, Decimals = 0, LtvBps = 1, LiquidationThresholdBps = 1, UsedAsCollateral = true };
        EvmAssert.Reverts(EvmAssert.Overflow, () => AaveV3Profile.UserAccountData([huge]));
        var debt = new AaveV3Reserve { DebtBalance = U256.From(U256.Pow2(255)), Price = 2 };
        EvmAssert.Reverts(EvmAssert.Overflow, () => AaveV3Profile.UserAccountData([debt]));
        // (2^256 - 1) base of collateral x LT 2 bps overflows the weighted sum.
        var max = new AaveV3Reserve { CollateralBalance = UInt256.MaxValue, Price = 1, LtvBps = 1, LiquidationThresholdBps = 2, UsedAsCollateral = true };
        EvmAssert.Reverts(EvmAssert.Overflow, () => AaveV3Profile.UserAccountData([max]));
    }

    private static readonly AaveV3LiquidationInput EthUsdc = new()
    {
        HealthFactor = U("900000000000000000"), UserTotalDebt = U("10000000000"), DebtToCover = U("100000000000"),
        CollateralBalance = U("10000000000000000000"), CollateralPrice = U("200000000000"), CollateralDecimals = 18,
        DebtPrice = U("100000000"), DebtDecimals = 6, LiquidationBonusBps = 10500, ProtocolFeeBps = 1000,
    };

    [Fact]
    public void Quote_below_095_repays_the_whole_debt_with_bonus_and_fee()
    {
        // 10,000 USDC buys 5 ETH; +5% bonus = 5.25 ETH; fee = 10% of the 0.25 ETH bonus = 0.025 ETH.
        AaveV3LiquidationQuote q = AaveV3Profile.LiquidationQuote(EthUsdc);
        Equal("10000000000", q.ActualDebtToLiquidate);
        Equal("5225000000000000000", q.CollateralToLiquidator);
        Equal("10000000000", q.DebtAmountNeeded);
        Equal("25000000000000000", q.ProtocolFee);
        Equal("5250000000000000000", q.CollateralSeized);
    }

    [Theory]
    [InlineData("950000000001000000", "5000000000")]   // above 0.95: 50%
    [InlineData("950000000000000000", "10000000000")]  // exactly 0.95: 100%
    public void Close_factor_is_half_above_095(string healthFactor, string expectedDebt)
    {
        AaveV3LiquidationQuote q = AaveV3Profile.LiquidationQuote(EthUsdc with { HealthFactor = U(healthFactor), ProtocolFeeBps = 0 });
        Equal(expectedDebt, q.ActualDebtToLiquidate);
        Equal(expectedDebt, q.DebtAmountNeeded);
        Equal("0", q.ProtocolFee);
    }

    [Fact]
    public void Debt_to_cover_below_the_close_factor_is_taken_as_is()
    {
        AaveV3LiquidationQuote q = AaveV3Profile.LiquidationQuote(EthUsdc with { DebtToCover = U("1000000"), ProtocolFeeBps = 0 });
        Equal("1000000", q.ActualDebtToLiquidate);
        Equal("525000000000000", q.CollateralToLiquidator); // $1 / $2000 = 5e14 wei, x 1.05
    }

    [Fact]
    public void Quote_capped_by_the_collateral_balance_repays_less()
    {
        // 1 ETH only: debt needed = percentDiv(1 ETH in USDC = 2e9, 10500) = (2e13 + 5250) / 10500 = 1904761905;
        // bonus = 1e18 - percentDiv(1e18, 10500) = 1e18 - 952380952380952381; fee = percentMul(bonus, 1000) half up.
        AaveV3LiquidationQuote q = AaveV3Profile.LiquidationQuote(EthUsdc with { CollateralBalance = U("1000000000000000000") });
        Equal("10000000000", q.ActualDebtToLiquidate);
        Equal("1904761905", q.DebtAmountNeeded);
        Equal("4761904761904762", q.ProtocolFee);
        Equal("995238095238095238", q.CollateralToLiquidator);
    }

    [Fact]
    public void Quote_reverts_with_aave_error_codes_in_aave_order()
    {
        EvmAssert.Reverts(ErrorHex("45"), () => AaveV3Profile.LiquidationQuote(EthUsdc with { HealthFactor = U("1000000000000000000") }));
        EvmAssert.Reverts(ErrorHex("47"), () => AaveV3Profile.LiquidationQuote(EthUsdc with { UserTotalDebt = 0 }));
        // percentMul(userTotalDebt, closeFactor) runs before the health-factor check: its overflow wins.
        EvmAssert.Reverts(EvmAssert.EmptyRevert, () => AaveV3Profile.LiquidationQuote(EthUsdc with { HealthFactor = U("2000000000000000000"), UserTotalDebt = UInt256.MaxValue }));
    }

    [Fact]
    public void Quote_arithmetic_reverts_as_aave_arithmetic_does()
    {
        EvmAssert.Reverts(EvmAssert.DivisionByZero, () => AaveV3Profile.LiquidationQuote(EthUsdc with { CollateralPrice = 0 }));
        // a bonus below 100% with a fee: collateral - percentDiv(collateral, 9000) underflows.
        EvmAssert.Reverts(EvmAssert.Overflow, () => AaveV3Profile.LiquidationQuote(EthUsdc with { LiquidationBonusBps = 9000 }));
        // a zero bonus with a fee: percentDiv by 0 is Aave's bare revert.
        EvmAssert.Reverts(EvmAssert.EmptyRevert, () => AaveV3Profile.LiquidationQuote(EthUsdc with { LiquidationBonusBps = 0 }));
        EvmAssert.Reverts(EvmAssert.Overflow, () => AaveV3Profile.LiquidationQuote(EthUsdc with { DebtPrice = UInt256.MaxValue }));
    }

    [Fact]
    public void Error_hex_helper_matches_the_abi_encoding_of_error_45()
    {
        Assert.Equal(
            "0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "3435000000000000000000000000000000000000000000000000000000000000",
            ErrorHex("45"));
    }
}
