using System.Numerics;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Model;
using LiquidationEngine.Audit.Scripts;

namespace LiquidationEngine.Audit.Invariants;

/// <summary>INV-13: a reverted operation leaves the StateHash unchanged and emits no event (and the model is not applied).</summary>
public sealed class Atomicity : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-13";

    /// <inheritdoc/>
    public override string Title => "atomicity of reverts";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        if (step.Revert is null) return Verdict.Skip;
        return Verdict.That(step.HashAfter == step.HashBefore && step.EventCount == 0,
            () => $"{step.Op} reverted ({step.Revert.RevertDataHex}) but the StateHash moved from {step.HashBefore:x} to {step.HashAfter:x} or {step.EventCount} events were emitted");
    }
}

/// <summary>
/// INV-14: determinism: a second market fed the same operations has the same StateHash and the same event bytes
/// after every operation.
/// </summary>
public sealed class Determinism : Invariant
{
    private ScriptExecutor? _twin;

    /// <inheritdoc/>
    public override string Id => "INV-14";

    /// <inheritdoc/>
    public override string Title => "determinism: same operations, same hash and events";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        _twin ??= new ScriptExecutor(config);
        Step twin = _twin.Apply(step.Op, step.Index);
        if (twin.HashAfter != step.HashAfter)
            return Verdict.Fail($"the twin market's StateHash is {twin.HashAfter:x}, the audited one's {step.HashAfter:x}");
        return Verdict.That(twin.Events.SequenceEqual(step.Events) && (twin.Revert?.RevertDataHex == step.Revert?.RevertDataHex),
            () => "the twin market emitted different event bytes or revert data");
    }
}

/// <summary>
/// INV-15: no value from nothing: for every actor and asset, tokens received from the market - tokens paid in +
/// balance held (supply - debt) never exceeds what it was entitled to: supply interest credited (less losses
/// socialised), collateral received as liquidator, debt repaid for it by liquidators (against its collateral), debt
/// written off as bad debt. Any rounding in an actor's favour
/// breaks it.
/// </summary>
public sealed class NoValueFromNothing : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-15";

    /// <inheritdoc/>
    public override string Title => "no value from nothing";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        ReferenceModel m = step.ModelAfter;
        for (int n = 1; n <= ScriptAccounts.Count; n++)
        {
            for (int i = 0; i < m.Assets.Count; i++)
            {
                BigInteger position = m.External.GetValueOrDefault((n, i)) + m.SupplyBalance(n, i) - m.DebtBalance(n, i);
                BigInteger entitled = m.Entitled.GetValueOrDefault((n, i));
                if (position > entitled)
                    return Verdict.Fail($"account {n} holds {position} {m.Assets[i].Symbol} net of what it paid in, above the {entitled} it is entitled to");
            }
        }
        return Verdict.Pass;
    }
}
