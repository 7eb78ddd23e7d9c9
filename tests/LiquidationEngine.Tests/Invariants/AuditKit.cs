using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Invariants;
using LiquidationEngine.Audit.Scripts;
using Xunit;

namespace LiquidationEngine.Tests.Invariants;

/// <summary>The committed audit examples (spec/examples/audit/*.json, copied to audit/ in the test output) and test helpers.</summary>
internal static class AuditKit
{
    public static string PathOf(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "audit", name);
        Assert.True(File.Exists(path), $"spec/examples/audit/{name} is missing from the test output.");
        return path;
    }

    public static AuditConfig Conservative => AuditConfigReader.Parse(File.ReadAllText(PathOf("conservative.json")));

    public static AuditConfig Aggressive => AuditConfigReader.Parse(File.ReadAllText(PathOf("aggressive.json")));

    public static AuditScript Counterexample => AuditScript.Parse(File.ReadAllText(PathOf("aggressive.counterexample.json")));
}

/// <summary>
/// Wraps an invariant and corrupts the step (engine view, model or outcome) before checking, on the steps
/// <paramref name="when"/> selects: shows that the checker can fail and reports its ID.
/// </summary>
internal sealed class Sabotaged(Invariant inner, Func<Step, bool> when, Action<Step> sabotage) : Invariant
{
    public override string Id => inner.Id;

    public override string Title => inner.Title;

    public override Verdict Check(Step step, AuditConfig config)
    {
        if (when(step)) sabotage(step);
        return inner.Check(step, config);
    }
}
