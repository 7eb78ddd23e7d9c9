using System.Text.Json.Nodes;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Protection;
using LiquidationEngine.Simulation.Positions;
using LiquidationEngine.Simulation.Scenarios;
using Xunit;

namespace LiquidationEngine.Tests.Simulation;

/// <summary>Scenario files: every error names the field (JSON path) and the value; protection fields map onto the engine's options.</summary>
public class ScenarioReaderTests
{
    private static ScenarioException Error(Action<JsonObject> edit) =>
        Assert.Throws<ScenarioException>(() => SimulationTestKit.ReadEdited(edit));

    [Fact]
    public void TheExampleReadsWithItsValues()
    {
        Scenario s = SimulationTestKit.Read();
        Assert.Equal("small-flash-crash", s.Name);
        Assert.Equal(600, s.Blocks);
        Assert.Equal(200_000_000_000UL, s.Collateral[0].Price);
        Assert.Equal((UInt256)100_000_000_000UL, s.Market.InsuranceFund); // 1000 USD
        Assert.Equal((UInt256)20_000_000_000_000UL, s.Protections.Throttle.CapacityNotional); // 200 000 USD
        Assert.Equal((UInt256)10_000_000_000UL, s.Protections.Throttle.RefillPerSecond); // 100 USD/s
        Assert.Equal((UInt256)10_000_000_000UL, s.Protections.Throttle.MinimumLiquidationNotional);
        Assert.Equal((UInt256)500UL, s.Protections.Breaker.LiquidationVelocityBps.Trip);
        Assert.Equal(UInt256.Parse("800000000000000000000000000"), s.Protections.Breaker.PriceJumpToleranceRay);
        Assert.Equal(3_900UL, s.Protections.Oracle.MaxPriceAgeSeconds);
        Assert.Equal(600UL, s.Protections.Oracle.GracePeriodSeconds);
        Assert.Equal((UInt256)900_000_000_000_000_000UL, s.Protections.EmergencyHealthFactorFloor);
    }

    [Theory]
    [InlineData("collateral[0].pool.feeBps", "10000")]
    [InlineData("collateral[0].ltvBps", "8250")]
    [InlineData("collateral[0].liquidationBonusBps", "9999")]
    [InlineData("blocks", "0")]
    [InlineData("keepers.gasSpikes[0].toBlock", "99")]
    public void OutOfRangeNumbersNameFieldAndValue(string path, string value)
    {
        var e = Error(root => Set(root, path, JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.StartsWith($"{path}: '{value}'", e.Message);
        Assert.Equal(path, e.Location);
    }

    [Theory]
    [InlineData("collateral[0].price", "12x")]
    [InlineData("protections.throttle.capacityNotional", "lots")]
    [InlineData("protections.breaker.volatilityWad", "sometimes")]
    [InlineData("collateral[0].path.preset", "black-friday")]
    [InlineData("market.closeFactor.kind", "linear")]
    public void BadTextNamesFieldAndValue(string path, string value)
    {
        var e = Error(root => Set(root, path, JsonValue.Create(value)));
        Assert.StartsWith($"{path}: '{value}'", e.Message);
    }

    [Fact]
    public void UnknownFieldsAreErrorsEvenOldNames()
    {
        // The protection fields are the engine's option names: the old capacityUsd is no longer accepted.
        var e = Error(root => root["protections"]!["throttle"]!["capacityUsd"] = "1");
        Assert.StartsWith("protections.throttle.capacityUsd: is not a known field", e.Message);
    }

    [Fact]
    public void EngineValidationIsReportedAtTheSection()
    {
        var e = Error(root => root["protections"]!["oracle"]!["volatilityDecayWad"] = "1.5");
        Assert.StartsWith("protections.oracle: is rejected by the engine", e.Message);
        Assert.Contains("VolatilityDecayWad", e.Message);
    }

    [Fact]
    public void WindowMustDivideIntoBuckets()
    {
        var e = Error(root => root["protections"]!["oracle"]!["priceWindow"]!["windowSeconds"] = 100);
        Assert.StartsWith("protections.oracle.priceWindow.windowSeconds: '100' must be a multiple of bucketCount (12)", e.Message);
    }

    [Fact]
    public void EmergencyFloorAboveOneIsRefused()
    {
        var e = Error(root => root["protections"]!["emergencyHealthFactorFloor"] = "1.01");
        Assert.StartsWith("protections.emergencyHealthFactorFloor: '1.01' must be at most 1", e.Message);
    }

    [Fact]
    public void InvalidJsonNamesTheLine()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("{\n \"name\": \"x\",\n oops\n}", "bad.json", null));
        Assert.StartsWith("bad.json line 3: is not valid JSON", e.Message);
    }

    [Fact]
    public void ProtectionSetsBuildTheEnginesOptions()
    {
        Scenario s = SimulationTestKit.Read();
        Address weth = LiquidationEngine.Simulation.Running.SimAddress.Asset(1);
        Assert.Null(s.Protections.For(ProtectionSet.None, [weth]));

        ProtectionOptions throttle = s.Protections.For(ProtectionSet.Throttle, [weth])!;
        Assert.Same(s.Protections.Throttle, throttle.Throttle);
        Assert.Null(throttle.Breaker);
        Assert.Empty(throttle.Assets);

        ProtectionOptions breakers = s.Protections.For(ProtectionSet.Breakers, [weth])!;
        Assert.Null(breakers.Throttle);
        Assert.Same(s.Protections.Breaker, breakers.Breaker);
        Assert.Same(s.Protections.Oracle, breakers.Assets[weth].Oracle);
        Assert.Null(breakers.Oracle); // the stablecoin has no guard

        ProtectionOptions all = s.Protections.For(ProtectionSet.All, [weth])!;
        Assert.NotNull(all.Throttle);
        Assert.NotNull(all.Breaker);
        Assert.Equal(s.Protections.EmergencyHealthFactorFloor, all.EmergencyHealthFactorFloor);
        Assert.Equal(s.Protections.VelocityWindow, all.VelocityWindow);
        all.Validate();
    }

    [Fact]
    public void PositionCsvImport()
    {
        PositionAsset[] assets = [new("WETH", 18), new("WBTC", 8)];
        PositionSpec[] book = PositionFile.ParseCsv("collateral,collateralAmount,debt\nWETH,1.5,1000\n# skip\nWBTC,0.00000001,0.000001\n", "book.csv", assets, 6);
        Assert.Equal(
            [new PositionSpec(0, UInt256.Parse("1500000000000000000"), 1_000_000_000UL), new PositionSpec(1, UInt256.One, UInt256.One)],
            book);
    }

    [Theory]
    [InlineData("collateral,collateralAmount,debt\nDOGE,1,1\n", "book.csv line 2, field 'collateral': 'DOGE'")]
    [InlineData("collateral,collateralAmount,debt\nWETH,1.5x,1\n", "book.csv line 2, field 'collateralAmount': '1.5x'")]
    [InlineData("collateral,collateralAmount,debt\nWETH,1,0.0000001\n", "book.csv line 2, field 'debt': '0.0000001'")]
    [InlineData("collateral,debt\nWETH,1\n", "book.csv line 1")]
    public void PositionCsvErrorsNameLineFieldAndValue(string text, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => PositionFile.ParseCsv(text, "book.csv", [new("WETH", 18)], 6));
        Assert.StartsWith(expected, e.Message);
    }

    // Sets a value at a path such as "collateral[0].pool.feeBps".
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        string[] parts = path.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? part : part[..bracket];
            bool last = i == parts.Length - 1;
            if (bracket < 0 && last)
            {
                node[name] = value;
                return;
            }
            JsonNode child = node[name]!;
            if (bracket >= 0)
            {
                int index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (last)
                {
                    child[index] = value;
                    return;
                }
                child = child[index]!;
            }
            node = child;
        }
    }
}
