using System.Collections.Immutable;
using FsCheck.Fluent;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Running;
using LiquidationEngine.Audit.Scripts;
using LiquidationEngine.FixedPoint;
using Xunit;

namespace LiquidationEngine.Tests.Invariants;

/// <summary>Scripts: JSON round trip, replay gives the same state hashes, malformed scripts are named errors.</summary>
public class ReplayTests
{
    [Fact]
    public void AGeneratedScriptReplaysToTheSameStateHashes()
    {
        // Any sequence the generator produces, resolved to absolute operations, written and read back.
        Intent[] intents = Intent.Sequences(3, 60).Sample(50, new FsCheck.Rnd(2026UL, 0x9E3779B97F4A7C15UL), 1)[0];
        var first = new List<UInt256>();
        CaseResult run = CaseRunner.Run(AuditKit.Conservative, intents);
        Assert.Null(run.Violation);
        var script = new AuditScript(AuditKit.Conservative, run.Ops);
        CaseRunner.Run(script.Config, script.Ops, onStep: s => first.Add(s.HashAfter));

        AuditScript read = AuditScript.Parse(script.ToJson());
        Assert.Equal(script.Ops.ToArray(), read.Ops.ToArray());
        var second = new List<UInt256>();
        CaseRunner.Run(read.Config, read.Ops, onStep: s => second.Add(s.HashAfter));
        Assert.Equal(first, second);
        Assert.Equal(script.Ops.Length, first.Count);
        Assert.True(first.Distinct().Count() > 1, "the script changed nothing");
    }

    [Fact]
    public void TheCommittedCounterexampleStillReproducesTheViolation()
    {
        AuditScript script = AuditKit.Counterexample;
        CaseResult result = CaseRunner.Run(script.Config, script.Ops);
        Assert.Equal("INV-09", result.Violation?.Id);
        Assert.Equal(script.Ops.Length - 1, result.Violation!.StepIndex);
    }

    [Theory]
    [InlineData("""{"format":"other","config":{},"ops":[]}""", "format", "other")]
    [InlineData("""{"ops":[]}""", "config", null)]
    [InlineData("""{"config":{"assets":[{"symbol":"W","price":"0"}]},"ops":[]}""", "config.assets[0].price", "0")]
    [InlineData("""{"config":{"assets":[{"symbol":"W","price":"1"}]},"ops":[{"op":"supply","account":9}]}""", "ops[0].account", "9")]
    [InlineData("""{"config":{"assets":[{"symbol":"W","price":"1"}]},"ops":[{"op":"supply","acount":1}]}""", "ops[0].acount", "1")]
    [InlineData("""{"config":{"assets":[{"symbol":"W","price":"1"}]}}""", "ops", null)]
    public void MalformedScriptsNameTheField(string json, string field, string? value)
    {
        var e = Assert.Throws<AuditConfigException>(() => AuditScript.Parse(json));
        Assert.Equal(field, e.Field);
        Assert.Equal(value, e.Value);
    }

    [Fact]
    public void AnOperationOnAnUnknownAssetIsANamedError()
    {
        ImmutableArray<ScriptOp> ops = [new ScriptOp("supply", 1, Asset: "DOGE", Amount: "1")];
        var e = Assert.Throws<AuditConfigException>(() => CaseRunner.Run(AuditKit.Conservative, ops));
        Assert.Equal("asset", e.Field);
        Assert.Equal("DOGE", e.Value);
    }
}
