using Xunit;
using LiquidationEngine.Tests.Eval;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>The profile ops' request validation in <c>liqengine eval</c>: every bad argument gets a clear error naming it.</summary>
public class ProfileEvalTests
{
    private static string Answer(string request) => Assert.Single(EvalHarness.Run(request + "\n"));

    [Theory]
    [InlineData("""{"id":1,"op":"aaveV3.userAccountData","args":["1","1"]}""",
        "aaveV3.userAccountData: takes 1 argument (n) then groups of 7 (collateralBalance, debtBalance, price, decimals, ltvBps, liquidationThresholdBps, usedAsCollateral); got 2.")]
    [InlineData("""{"id":1,"op":"aaveV3.userAccountData","args":["2","1","0","1","18","1","1","1"]}""",
        "aaveV3.userAccountData: args[0] (n) = 2 but 1 reserve(s) of 7 values follow (8 args in all).")]
    [InlineData("""{"id":1,"op":"aaveV3.userAccountData","args":["1","1","0","1","18","1","1","yes"]}""",
        "aaveV3.userAccountData: args[7] (usedAsCollateral[0]) = \"yes\" is not a flag; use \"0\" or \"1\".")]
    [InlineData("""{"id":1,"op":"aaveV3.userAccountData","args":["2","1","0","1","18","1","1","1","1","0","1","-6","1","1","1"]}""",
        "aaveV3.userAccountData: args[11] (decimals[1]) = \"-6\" is negative; uint256 values are 0 to 2^256-1.")]
    [InlineData("""{"id":1,"op":"aaveV3.liquidationQuote","args":["1","1","1","1","1","256","1","6","10500","0"]}""",
        "aaveV3.liquidationQuote: args[5] (collateralDecimals) = 256 is out of range: token decimals are 0 to 255 (Aave stores them in 8 bits).")]
    [InlineData("""{"id":1,"op":"aaveV3.liquidationQuote","args":["1","1","1","1","1","18","1","6","65536","0"]}""",
        "aaveV3.liquidationQuote: args[8] (liquidationBonusBps) = 65536 is out of range: basis points are 0 to 65535 (Aave stores them in 16 bits).")]
    [InlineData("""{"id":1,"op":"morphoBlue.isHealthy","args":["340282366920938463463374607431768211456","0","0","0","0","0"]}""",
        "morphoBlue.isHealthy: args[0] (collateral) = 340282366920938463463374607431768211456 is out of range: Morpho Blue stores it as uint128 (at most 2^128-1).")]
    [InlineData("""{"id":1,"op":"makerLiq2.take","args":["1"]}""",
        "makerLiq2.take: takes 10 arguments (tab, lot, top, price, dur, tail, cusp, amt, max, chost); got 1.")]
    public void Bad_profile_requests_get_clear_errors(string request, string message) =>
        Assert.Equal($"{{\"id\":1,\"error\":\"{message.Replace("\"", "\\\"")}\"}}", Answer(request));

    [Fact]
    public void User_account_data_takes_any_number_of_reserves()
    {
        Assert.Equal("""{"id":1,"ok":["0","0","0","0","115792089237316195423570985008687907853269984665640564039457584007913129639935","0"]}""",
            Answer("""{"id":1,"op":"aaveV3.userAccountData","args":["0"]}"""));
        // ETH collateral + USDC debt (see AaveV3ProfileTests): HF 1.65
        Assert.Equal("""{"id":2,"ok":["2000000000000","1000000000000","8000","8250","1650000000000000000","0"]}""",
            Answer("""{"id":2,"op":"aaveV3.userAccountData","args":["2","10000000000000000000","0","200000000000","18","8000","8250","1","0","10000000000","100000000","6","7500","8000","0"]}"""));
    }

    [Fact]
    public void Reverts_come_back_as_revert_data()
    {
        Assert.Equal("""{"id":3,"revert":"0x08c379a0000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000023435000000000000000000000000000000000000000000000000000000000000"}""",
            Answer("""{"id":3,"op":"aaveV3.liquidationQuote","args":["1000000000000000000","1","1","1","1","18","1","6","10500","0"]}"""));
    }
}
