using System.Text.Json;
using LiquidationEngine.Engine;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Eval;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Solvency.SolvencyKit;

namespace LiquidationEngine.Tests.Solvency;

/// <summary>The solvency ops of <c>engine.run</c> (spec/examples/solvency.jsonl: the README worked example).</summary>
public class EvalSolvencyTests
{
    private static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "spec", "examples", name);
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        throw new FileNotFoundException($"spec/examples/{name} not found above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void ExampleGivesTheCommittedOutputByteForByte() =>
        Assert.Equal(Example("solvency.expected.jsonl").TrimEnd('\n').Split('\n'), EvalHarness.Run(Example("solvency.jsonl")));

    [Fact]
    public void ExampleIsTheWorkedExample()
    {
        string[] lines = EvalHarness.Run(Example("solvency.jsonl"));
        JsonElement first = JsonDocument.Parse(lines[0]).RootElement;
        JsonElement report = first.GetProperty("results")[10].GetProperty("ok");
        Assert.Equal(("999023809524", "2476190476", "1000000000", "500000000", "976190476", "0"),
            (report.GetProperty("totalSupply").GetString(), report.GetProperty("badDebtRealized").GetString(), report.GetProperty("insuranceAbsorbed").GetString(),
             report.GetProperty("backstopAbsorbed").GetString(), report.GetProperty("lossSocialized").GetString(), report.GetProperty("surplus").GetString()));

        // the same operations through the API reach the same state hash
        Market market = Underwater();
        market.DepositInsurance(B(3), Treasury, Usdc, 1_000_000_000UL);
        market.SetBackstop(B(3), Usdc, Carol, 500_000_000UL);
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        Assert.Equal("0x" + market.StateHash.ToString("x64"), first.GetProperty("stateHash").GetString());

        JsonElement again = JsonDocument.Parse(lines[1]).RootElement.GetProperty("results");
        Assert.Equal(ErrorHex("NoBadDebt(address)", Alice), again[0].GetProperty("revert").GetString());
        Assert.Equal((WethFee - 1).ToString(), again[2].GetProperty("ok").GetProperty("insuranceFund").GetString());
    }
}
