using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Scripts;

namespace LiquidationEngine.Audit.Invariants;

/// <summary>
/// One entry of the invariant catalogue (spec/INVARIANTS.md), checked after every operation against the engine and
/// the reference model. An instance belongs to one run (some invariants keep history, e.g. the throttle's).
/// </summary>
public abstract class Invariant
{
    /// <summary>The catalogue ID, e.g. <c>INV-01</c>.</summary>
    public abstract string Id { get; }

    /// <summary>A short title.</summary>
    public abstract string Title { get; }

    /// <summary>Checks the invariant after <paramref name="step"/>.</summary>
    /// <returns>Whether it applied and held, applied and failed (with the reason), or did not apply.</returns>
    public abstract Verdict Check(Step step, AuditConfig config);
}

/// <summary>The outcome of one check.</summary>
/// <param name="Applied">False when the step says nothing about the invariant (e.g. a supply for a liquidation rule).</param>
/// <param name="Failure">Null when it held; otherwise what broke, with the numbers.</param>
public readonly record struct Verdict(bool Applied, string? Failure)
{
    /// <summary>Checked and held.</summary>
    public static Verdict Pass => new(true, null);

    /// <summary>Not applicable to this step.</summary>
    public static Verdict Skip => new(false, null);

    /// <summary>Checked and broken.</summary>
    public static Verdict Fail(string reason) => new(true, reason);

    /// <summary>Pass when <paramref name="condition"/>, else a failure with <paramref name="reason"/>.</summary>
    public static Verdict That(bool condition, Func<string> reason) => condition ? Pass : Fail(reason());
}

/// <summary>An invariant that failed at a step.</summary>
/// <param name="Id">The catalogue ID.</param>
/// <param name="Title">Its title.</param>
/// <param name="StepIndex">The 0-based index of the operation after which it failed.</param>
/// <param name="Reason">What broke.</param>
public sealed record Violation(string Id, string Title, int StepIndex, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Title}) violated after operation {StepIndex + 1}: {Reason}";
}
