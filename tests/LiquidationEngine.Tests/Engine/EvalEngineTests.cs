using System.Text.Json;
using LiquidationEngine.Cli.Eval;
using LiquidationEngine.Tests.Eval;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

/// <summary><c>engine.run</c> in <c>liqengine eval</c> (spec/SPEC.md, "Engine in eval").</summary>
public class EvalEngineTests
{
    private const string WethHex = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private const string UsdcHex = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private const string AliceHex = "0x00000000000000000000000000000000000a11ce";

    private static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "spec", "examples", name);
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        throw new FileNotFoundException($"spec/examples/{name} not found above {AppContext.BaseDirectory}");
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement;

    [Fact]
    public void ExampleGivesTheCommittedOutputByteForByte()
    {
        // Run on each target runtime (net8.0 and net10.0): same state hashes, events and reverts on both.
        string[] expected = Example("engine.expected.jsonl").TrimEnd('\n').Split('\n');
        Assert.Equal(expected, EvalHarness.Run(Example("engine.jsonl")));
    }

    [Fact]
    public void ExampleResultsAreTheHandComputedOnes()
    {
        string[] lines = EvalHarness.Run(Example("engine.jsonl"));
        // healthy: NotLiquidatable(alice, 1.375e18)
        Assert.Equal(ErrorHex("NotLiquidatable(address,uint256)", Alice, 1_375_000_000_000_000_000UL),
            Parse(lines[1]).GetProperty("results")[0].GetProperty("revert").GetString());
        // crash: the LiquidationCall of the 50% close factor at $1400 (Risk.LiquidationMathTests)
        JsonElement liquidation = Parse(lines[2]).GetProperty("results")[2].GetProperty("events")[0];
        Assert.Equal("LiquidationCall", liquidation.GetProperty("name").GetString());
        Assert.Equal("0x" + Word(Keeper) + Word(6_000_000_000UL) + Word(4_500_000_000_000_000_000UL) + Word(21_428_571_428_571_429UL)
            + Word(10500) + Word(962_500_000_000_000_000UL) + Word(1_058_750_000_000_000_000UL), liquidation.GetProperty("data").GetString());
        Assert.Equal("1058750000000000000", Parse(lines[2]).GetProperty("results")[3].GetProperty("ok").GetProperty("healthFactor").GetString());
        // fresh: LiquidationCannotHeal(0x..70ce, 9600, 10500); then InvalidCloseFactor(0); an empty default market's hash
        JsonElement fresh = Parse(lines[3]);
        Assert.Equal(ErrorHex("LiquidationCannotHeal(address,uint256,uint256)", Addr(0x70CE), 9600, 10500), fresh.GetProperty("results")[0].GetProperty("revert").GetString());
        Assert.Equal(ErrorHex("InvalidCloseFactor(uint256)", 0), fresh.GetProperty("results")[1].GetProperty("revert").GetString());
        Assert.Equal("0x809bdd4c977bc62fe96bb2dfeb711e607f65466464e49108e5509e5e426413ba", fresh.GetProperty("stateHash").GetString());
        Assert.StartsWith("{\"id\":\"bad\",\"error\":\"engine.run: ops[0] (supply): \\\"amount\\\" = \\\"-1\\\"", lines[4]);
    }

    [Fact]
    public void SessionsPersistWithinAStreamOnly()
    {
        const string list = $$"""{"id":1,"op":"engine.run","session":"s","ops":[{"op":"listAsset","asset":"{{WethHex}}","decimals":"18","price":"1","ltvBps":"0","liquidationThresholdBps":"0","liquidationBonusBps":"10000","protocolFeeBps":"0"}]}""";
        const string again = """{"id":2,"op":"engine.run","session":"s","ops":[]}""";
        const string other = """{"id":3,"op":"engine.run","session":"t","ops":[]}""";
        string[] lines = EvalHarness.Run(string.Join('\n', list, again, other));
        string listed = Parse(lines[0]).GetProperty("stateHash").GetString()!;
        Assert.Equal(listed, Parse(lines[1]).GetProperty("stateHash").GetString());
        Assert.NotEqual(listed, Parse(lines[2]).GetProperty("stateHash").GetString());
        // a new stream (a new op table) starts without sessions
        Assert.NotEqual(listed, Parse(EvalHarness.Run(again)[0]).GetProperty("stateHash").GetString());
    }

    [Theory]
    [InlineData("""{"op":"supply","account":"0x00000000000000000000000000000000000a11ce","asset":"0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"}""", "the field \\\"amount\\\" is missing")]
    [InlineData("""{"op":"supply","account":"0xabc","asset":"0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2","amount":"1"}""", "\\\"account\\\" = \\\"0xabc\\\" is not an address")]
    [InlineData("""{"op":"supply","acount":"0x00000000000000000000000000000000000a11ce"}""", "unknown field \\\"acount\\\"")]
    [InlineData("""{"op":"setUseAsCollateral","account":"0x00000000000000000000000000000000000a11ce","asset":"0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2","useAsCollateral":"true"}""", "is not true or false")]
    [InlineData("""{"op":"fly"}""", "unknown op \\\"fly\\\"")]
    [InlineData("""{"op":"setPrice","asset":"0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2","price":"1","block":"18446744073709551616"}""", "does not fit 64 bits")]
    public void MalformedOperationsAreRequestErrorsAndChangeNothing(string badOp, string message)
    {
        string good = $$"""{"op":"listAsset","asset":"{{WethHex}}","decimals":"18","price":"1","ltvBps":"0","liquidationThresholdBps":"0","liquidationBonusBps":"10000","protocolFeeBps":"0"}""";
        string[] lines = EvalHarness.Run(string.Join('\n',
            $$"""{"id":1,"op":"engine.run","session":"s","ops":[{{good}},{{badOp}}]}""",
            """{"id":2,"op":"engine.run","session":"s","ops":[]}""",
            """{"id":3,"op":"engine.run","ops":[]}"""));
        Assert.Contains(message, lines[0]);
        Assert.Contains("\"error\":", lines[0]);
        // the good first op did not run either: the session is still an empty market
        Assert.Equal(Parse(lines[2]).GetProperty("stateHash").GetString(), Parse(lines[1]).GetProperty("stateHash").GetString());
    }

    [Fact]
    public void OmittedBlockIsTheLastOne()
    {
        string[] lines = EvalHarness.Run($$"""{"id":1,"op":"engine.run","ops":[{"op":"listAsset","block":"7","timestamp":"70","asset":"{{UsdcHex}}","decimals":"6","price":"1","ltvBps":"0","liquidationThresholdBps":"0","liquidationBonusBps":"10000","protocolFeeBps":"0"},{"op":"setPrice","asset":"{{UsdcHex}}","price":"2"},{"op":"setPrice","block":"6","asset":"{{UsdcHex}}","price":"3"}]}""");
        JsonElement results = Parse(lines[0]).GetProperty("results");
        Assert.True(results[1].TryGetProperty("events", out _));
        Assert.Equal(ErrorHex("BlockNumberDecreased(uint256,uint256)", 7, 6), results[2].GetProperty("revert").GetString());
    }

    [Fact]
    public void FixedPointOpsAreUnchanged()
    {
        Assert.Equal(["{\"id\":1,\"ok\":[\"3000000000000000000\"]}"], EvalHarness.Run("""{"id": 1, "op": "wadMul", "args": ["1500000000000000000", "2000000000000000000"]}"""));
        Assert.True(EvalOps.Default.TryGet("engine.run", out _));
        Assert.Contains(AliceHex[2..], Word(Alice));
    }
}
