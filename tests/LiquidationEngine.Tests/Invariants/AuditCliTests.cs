using LiquidationEngine.Cli.Audit;
using Xunit;

namespace LiquidationEngine.Tests.Invariants;

/// <summary><c>liqengine audit</c> and <c>liqengine replay</c>, run in memory: exit codes, table, counterexample file.</summary>
public sealed class AuditCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("liqengine-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AuditPassesTheConservativeExample()
    {
        string report = Path.Combine(_dir, "report.json");
        (int exit, string stdout, string stderr) = Audit("--config", AuditKit.PathOf("conservative.json"), "--runs", "40", "--seed", "5", "--out", report);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("INV-01     books equal the reference model", stdout, StringComparison.Ordinal);
        Assert.Equal(15, stdout.Split('\n').Count(l => l.StartsWith("INV-", StringComparison.Ordinal) && l.TrimEnd().EndsWith("pass", StringComparison.Ordinal)));
        Assert.Contains("all 15 invariants held over 40 runs.", stdout, StringComparison.Ordinal);
        Assert.Contains("\"passed\": true", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "conservative.counterexample.json")));
    }

    [Fact]
    public void AuditFindsThePlantedViolationAndReplayReproducesIt()
    {
        string script = Path.Combine(_dir, "cx.json");
        (int exit, string stdout, _) = Audit("--config", AuditKit.PathOf("aggressive.json"), "--runs", "100", "--script", script);
        Assert.Equal(1, exit);
        Assert.Contains("INV-09     liquidations above the healing floor heal", stdout, StringComparison.Ordinal);
        Assert.Contains("FAIL", stdout, StringComparison.Ordinal);
        Assert.Contains("VIOLATION INV-09", stdout, StringComparison.Ordinal);
        Assert.Contains($"replay it with: liqengine replay {script}", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(script));

        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(1, ReplayCommand.Run([script], output, errors));
        string replay = output.ToString();
        Assert.Contains("VIOLATION INV-09", replay, StringComparison.Ordinal);
        Assert.Contains("stateHash 0x", replay, StringComparison.Ordinal);
        Assert.Contains("liquidate by 4", replay, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayOfAPassingScriptExitsZero()
    {
        var output = new StringWriter();
        string path = Path.Combine(_dir, "ok.json");
        File.WriteAllText(path, """{"config":{"assets":[{"symbol":"W","price":"100000000","ltvBps":5000,"liquidationThresholdBps":6000}]},"ops":[{"op":"supply","account":1,"asset":"W","amount":"1000"},{"op":"withdraw","account":2,"asset":"W","amount":"1"}]}""");
        Assert.Equal(0, ReplayCommand.Run([path], output, new StringWriter()));
        Assert.Contains("  1. supply account 1 1000 W: ok", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  2. withdraw account 2 1 W: revert 0xcf0dde9b", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 operations, every invariant held.", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--runs", "5" }, "--config: is required")]
    [InlineData(new[] { "--config", "x.json", "--runs", "0" }, "--runs = 0: must be a whole number between 1 and")]
    [InlineData(new[] { "--config", "x.json", "--fast" }, "--fast: is not an option of audit")]
    [InlineData(new[] { "--config", "does-not-exist.json" }, "does-not-exist.json: cannot be read")]
    public void BadUsageExitsTwoWithANamedError(string[] args, string message)
    {
        (int exit, string stdout, string stderr) = Audit(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadConfigExitsTwoNamingFieldValueAndRule()
    {
        string path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, """{"assets":[{"symbol":"WETH","price":"1","ltvBps":9000,"liquidationThresholdBps":9600,"liquidationBonusBps":10500}]}""");
        (int exit, _, string stderr) = Audit("--config", path);
        Assert.Equal(2, exit);
        Assert.StartsWith("liqengine audit: assets[0].liquidationThresholdBps = 9600: is rejected by the engine: ", stderr, StringComparison.Ordinal);
        Assert.Contains("LiquidationCannotHeal", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayWithoutAScriptExitsTwo() => Assert.Equal(2, ReplayCommand.Run([], new StringWriter(), new StringWriter()));

    private static (int Exit, string Stdout, string Stderr) Audit(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AuditCommand.Run(args, stdout, stderr, progressOnTerminal: false);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
