using System.Text.Json;
using LiquidationEngine.Tests.Eval;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Protection.ProtectionKit;

namespace LiquidationEngine.Tests.Protection;

/// <summary><c>engine.run</c> with a protected market: createMarket's "protection" object and the guardian, evaluation and view ops.</summary>
public class EvalProtectionTests
{
    private const string Market = """
        {"op":"createMarket","protection":{"throttle":{"capacity":"400000000000","refillPerSecond":"100000000","minimum":"100000000000"},
          "breaker":{"velocityTrip":"0","velocityReset":"0","priceFallTrip":"0","priceFallReset":"0","volatilityTrip":"0","volatilityReset":"0","stalenessTrip":"0","stalenessReset":"0","priceJumpToleranceRay":"0"}}},
        {"op":"listAsset","block":"1","timestamp":"1700000012","asset":"0x000000000000000000000000000000000000e7e7","decimals":"18","price":"200000000000","ltvBps":"8000","liquidationThresholdBps":"8250","liquidationBonusBps":"10500","protocolFeeBps":"1000","collateralEnabled":true,"borrowingEnabled":true},
        {"op":"listAsset","asset":"0x00000000000000000000000000000000000005dc","decimals":"6","price":"100000000","ltvBps":"7500","liquidationThresholdBps":"8000","liquidationBonusBps":"10400","protocolFeeBps":"1000","collateralEnabled":true,"borrowingEnabled":true},
        {"op":"supply","block":"2","timestamp":"1700000024","account":"0x0000000000000000000000000000000000000b0b","asset":"0x00000000000000000000000000000000000005dc","amount":"1000000000000"},
        {"op":"supply","account":"0x00000000000000000000000000000000000a11ce","asset":"0x000000000000000000000000000000000000e7e7","amount":"10000000000000000000"},
        {"op":"borrow","account":"0x00000000000000000000000000000000000a11ce","asset":"0x00000000000000000000000000000000000005dc","amount":"12000000000"},
        {"op":"setPrice","block":"3","timestamp":"1700000036","asset":"0x000000000000000000000000000000000000e7e7","price":"140000000000"}
        """;

    private static JsonElement Run(string ops) =>
        JsonDocument.Parse(EvalHarness.Run(("{\"id\":1,\"op\":\"engine.run\",\"ops\":[" + Market + "," + ops + "]}").ReplaceLineEndings(""))[0]).RootElement;

    [Fact]
    public void ThrottledLiquidation_GuardianAndView()
    {
        JsonElement r = Run("""
            {"op":"liquidate","block":"4","timestamp":"1700000048","liquidator":"0x0000000000000000000000000000000000004ee9","account":"0x00000000000000000000000000000000000a11ce","debtAsset":"0x00000000000000000000000000000000000005dc","collateralAsset":"0x000000000000000000000000000000000000e7e7","debtToCover":"115792089237316195423570985008687907853269984665640564039457584007913129639935"},
            {"op":"tripBreaker","scope":"0x0000000000000000000000000000000000000000"},
            {"op":"breakerState","scope":"0x0000000000000000000000000000000000000000"},
            {"op":"resetBreaker","scope":"0x000000000000000000000000000000000000e7e7"},
            {"op":"evaluateBreakers","timestamp":"1700003648"}
            """);
        JsonElement results = r.GetProperty("results");
        JsonElement call = results[7].GetProperty("events")[0];
        Assert.Equal("LiquidationCall", call.GetProperty("name").GetString());
        Assert.StartsWith("0x" + Word(Keeper) + Word(4_000_000_000UL), call.GetProperty("data").GetString()); // the $4 000 bucket
        Assert.Equal("BreakerStateChanged", results[8].GetProperty("events")[0].GetProperty("name").GetString());
        JsonElement state = results[9].GetProperty("ok");
        Assert.Equal(("1", "1700000048", "1700001848"), (state.GetProperty("state").GetString(), state.GetProperty("changedAt").GetString(), state.GetProperty("openUntil").GetString()));
        Assert.Equal(NotConfigured(Weth), results[10].GetProperty("revert").GetString());
        // An hour later the break has elapsed and, every metric disabled, the breaker closes.
        JsonElement closing = results[11].GetProperty("events");
        Assert.Equal(2, closing.GetArrayLength());
    }

    [Fact]
    public void InvalidProtection_RevertsAtCreateMarket()
    {
        string line = EvalHarness.Run("""{"id":1,"op":"engine.run","ops":[{"op":"createMarket","protection":{"throttle":{"capacity":"0"}}}]}""")[0];
        Assert.StartsWith(ErrorHex("InvalidThrottleParameter(string,uint256)"), JsonDocument.Parse(line).RootElement.GetProperty("results")[0].GetProperty("revert").GetString());
    }
}
