using System.Text;
using System.Text.Json;
using LiquidationEngine.Cli.Eval;
using Xunit;

namespace LiquidationEngine.Tests.Conformance;

/// <summary>
/// Replays every EVM-produced vector in spec/vectors through the dispatcher <c>liqengine eval</c>
/// uses: the committed proof that each function agrees with its Solidity twin, no Node needed.
/// </summary>
public class VectorReplayTests
{
    private static readonly string VectorDirectory = Path.Combine(AppContext.BaseDirectory, "vectors");

    /// <summary>Every eval op: each must have committed EVM vectors (profile ops too, e.g. aaveV3.liquidationQuote.json).</summary>
    /// <remarks>Structured ops (the engine's <c>engine.run</c>) have no Solidity twin; the engine section of the spec and its own tests cover them.</remarks>
    public static TheoryData<string> Ops() => new(EvalOps.Default.All.Where(op => op.Structured is null).Select(op => op.Name));

    [Theory]
    [MemberData(nameof(Ops))]
    public void Every_committed_vector_agrees_with_the_EVM(string op)
    {
        string path = Path.Combine(VectorDirectory, op + ".json");
        Assert.True(File.Exists(path), $"no committed vectors for op '{op}' at spec/vectors/{op}.json");
        using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = file.RootElement;
        Assert.Equal(op, root.GetProperty("op").GetString());

        var requests = new StringBuilder();
        var expected = new List<string>();
        int index = 0;
        foreach (JsonElement c in root.GetProperty("cases").EnumerateArray())
        {
            requests.Append("{\"id\":").Append(index++).Append(",\"op\":\"").Append(op).Append("\",\"args\":")
                .Append(c.GetProperty("args").GetRawText()).Append("}\n");
            expected.Add(c.TryGetProperty("revert", out JsonElement revert)
                ? "revert " + revert.GetString()
                : "ok " + string.Join(",", c.GetProperty("ok").EnumerateArray().Select(v => v.GetString())));
        }
        Assert.True(expected.Count >= 100, $"{op}: only {expected.Count} committed cases");
        Assert.Contains(expected, e => e.StartsWith("ok ", StringComparison.Ordinal));

        string[] answers = Eval.EvalHarness.Run(requests.ToString());
        Assert.Equal(expected.Count, answers.Length);
        var mismatches = new List<string>();
        for (int i = 0; i < answers.Length; i++)
        {
            using JsonDocument answer = JsonDocument.Parse(answers[i]);
            JsonElement a = answer.RootElement;
            string actual = a.TryGetProperty("revert", out JsonElement r) ? "revert " + r.GetString()
                : a.TryGetProperty("ok", out JsonElement ok) ? "ok " + string.Join(",", ok.EnumerateArray().Select(v => v.GetString()))
                : "error " + a.GetProperty("error").GetString();
            if (actual != expected[i] && mismatches.Count < 10)
                mismatches.Add($"case {i} args {root.GetProperty("cases")[i].GetProperty("args").GetRawText()}: EVM {expected[i]}, ours {actual}");
        }
        Assert.True(mismatches.Count == 0, $"{op}: {mismatches.Count}+ mismatches against the EVM:\n" + string.Join("\n", mismatches));
    }
}
