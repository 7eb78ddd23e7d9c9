using System.Text.Json.Nodes;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Breakers;
using LiquidationEngine.Markets;
using Xunit;

namespace LiquidationEngine.Tests.Invariants;

/// <summary>The audit configuration reader: defaults, and errors naming the field, the value and the rule.</summary>
public class AuditConfigTests
{
    private const string Minimal = """{"assets":[{"symbol":"WETH","price":"200000000000","ltvBps":8000,"liquidationThresholdBps":8250,"liquidationBonusBps":10500}]}""";

    [Fact]
    public void MinimalConfigTakesTheDocumentedDefaults()
    {
        AuditConfig c = AuditConfigReader.Parse(Minimal);
        Assert.Equal(8, c.Options.PriceDecimals);
        Assert.Equal(new FixedCloseFactor(), c.Options.CloseFactor);
        Assert.Equal(new FixedBonus(), c.Options.Bonus);
        Assert.Null(c.Options.Protection);
        AuditAsset a = Assert.Single(c.Assets);
        Assert.Equal(18, a.Config.Decimals);
        Assert.Equal(AssetFlags.CollateralEnabled | AssetFlags.BorrowingEnabled, a.Config.Risk.Flags);
        Assert.Equal(0u, a.Config.Risk.ProtocolFeeBps);
        Assert.Equal(AuditRequirements.Default, c.Requirements);
    }

    [Fact]
    public void ExamplesReadAsWritten()
    {
        AuditConfig c = AuditKit.Conservative;
        Assert.Equal(["WETH", "USDC", "WBTC"], c.Assets.Select(a => a.Symbol));
        Assert.Equal(new MetricThreshold(2500UL, 1000UL), c.Options.Protection!.Breaker!.LiquidationVelocityBps);
        Assert.Equal(600UL, c.Options.Protection.Breaker.BreakDurationSeconds);
        Assert.Equal(9500u, AuditKit.Aggressive.Assets[0].Config.Risk.LiquidationThresholdBps);
    }

    [Theory]
    // the reader's own rules
    [InlineData("""{"assets":[]}""", "assets", "0 entries", "1 to 8 assets")]
    [InlineData("""{"market":{"priceDecimals":37},"assets":[]}""", "market.priceDecimals", "37", "between 0 and 36")]
    [InlineData("""{"market":{"closeFactor":{"kind":"dutch"}},"assets":[]}""", "market.closeFactor.kind", "dutch", "\"fixed\" or \"targetHealthFactor\"")]
    [InlineData("""{"market":{"closeFactor":{"kind":"fixed","closeFactorBps":0}},"assets":[]}""", "market.closeFactor.closeFactorBps", "0", "InvalidCloseFactor")]
    [InlineData("""{"market":{"closeFactor":{"kind":"targetHealthFactor","target":"900000000000000000"}},"assets":[]}""", "market.closeFactor.target", "900000000000000000", "between 1e18 and 100e18")]
    [InlineData("""{"market":{"bonus":{"kind":"variable","minBonusBps":10500,"maxBonusBps":10400}},"assets":[]}""", "market.bonus.maxBonusBps", "10400", "at least minBonusBps (10500)")]
    [InlineData("""{"market":{"dustThreshold":"5"},"assets":[]}""", "market.dustThreshold", "\"5\"", "not a known field")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"0"}]}""", "assets[0].price", "0", "must be positive")]
    [InlineData("""{"assets":[{"symbol":"WETH"}]}""", "assets[0].price", null, "is required")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1e8"}]}""", "assets[0].price", "1e8", "not a whole number")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1","decimals":40}]}""", "assets[0].decimals", "40", "between 0 and 36")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1"},{"symbol":"WETH","price":"1"}]}""", "assets[1].symbol", "WETH", "unique")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1","address":"0x12"}]}""", "assets[0].address", "0x12", "40 hex digits")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1","ltvBps":10001}]}""", "assets[0].ltvBps", "10001", "between 0 and 10000")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1","liquidationBonusBps":9999}]}""", "assets[0].liquidationBonusBps", "9999", "at least 10000 bps")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1","collateral":"yes"}]}""", "assets[0].collateral", "\"yes\"", "true or false")]
    [InlineData("""{"protection":{"breaker":{"velocityTrip":300,"velocityReset":300}},"assets":[{"symbol":"W","price":"1"}]}""", "protection.breaker.velocityReset", "300", "0 < reset < trip (300)")]
    [InlineData("""{"protection":{"throttle":{"capacity":"10","minimum":"11"}},"assets":[{"symbol":"W","price":"1"}]}""", "protection.throttle.minimum", "11", "must not exceed the capacity (10)")]
    [InlineData("""{"protection":{"throttle":{"capacity":"0"}},"assets":[{"symbol":"W","price":"1"}]}""", "protection.throttle.capacity", "0", "must be positive")]
    [InlineData("""{"requirements":{"healingHealthFactor":"2000000000000000000"}},"assets":[]}""", "(root)", null, "not valid JSON")]
    [InlineData("""{"requirements":{"healingHealthFactor":"2000000000000000000"},"assets":[{"symbol":"W","price":"1"}]}""", "requirements.healingHealthFactor", "2000000000000000000", "at most 1e18")]
    // the engine's rules (SPEC 4.2), reported at the field the auditor wrote
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1","ltvBps":8500,"liquidationThresholdBps":8000}]}""", "assets[0].ltvBps", "8500", "InvalidLtv")]
    [InlineData("""{"assets":[{"symbol":"WETH","price":"1","ltvBps":9000,"liquidationThresholdBps":9600,"liquidationBonusBps":10500}]}""", "assets[0].liquidationThresholdBps", "9600", "LiquidationCannotHeal")]
    [InlineData("""{"market":{"bonus":{"kind":"variable","maxBonusBps":10600}},"assets":[{"symbol":"W","price":"1","ltvBps":9000,"liquidationThresholdBps":9500}]}""", "assets[0].liquidationThresholdBps", "9500", "LiquidationCannotHeal")]
    public void BadConfigNamesFieldValueAndRule(string json, string field, string? value, string rule)
    {
        var e = Assert.Throws<AuditConfigException>(() => AuditConfigReader.Parse(json));
        Assert.Equal(field, e.Field);
        Assert.Equal(value, e.Value);
        Assert.Contains(rule, e.Rule, StringComparison.Ordinal);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigJsonRoundTripsThroughAScript()
    {
        AuditConfig c = AuditKit.Conservative;
        AuditConfig again = AuditConfigReader.Read(JsonNode.Parse(c.Json));
        Assert.Equal(c.Options, again.Options);
        Assert.Equal(c.Assets.ToArray(), again.Assets.ToArray());
    }
}
