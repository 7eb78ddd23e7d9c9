using System.Collections.Immutable;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Invariants;
using LiquidationEngine.Audit.Scripts;
using LiquidationEngine.Evm;

namespace LiquidationEngine.Audit.Running;

/// <summary>The outcome of one sequence: the operations executed (resolved) and the first violation, if any.</summary>
/// <param name="Ops">Every operation executed, up to and including the violating one.</param>
/// <param name="Violation">The first invariant that failed, or null.</param>
/// <param name="Applied">Per invariant (catalogue order), how many steps it was checked on.</param>
public sealed record CaseResult(ImmutableArray<ScriptOp> Ops, Violation? Violation, int[] Applied);

/// <summary>Executes operations against engine + model, checking every invariant after every step.</summary>
public static class CaseRunner
{
    /// <summary>Runs generated intents (resolved one by one against the live market).</summary>
    public static CaseResult Run(AuditConfig config, IReadOnlyList<Intent> intents, Func<IReadOnlyList<Invariant>>? catalogue = null) =>
        Run(config, intents.Count, (x, i) => TryResolve(intents[i], x, config), catalogue);

    /// <summary>Runs a script's absolute operations.</summary>
    public static CaseResult Run(AuditConfig config, IReadOnlyList<ScriptOp> ops, Func<IReadOnlyList<Invariant>>? catalogue = null, Action<Step>? onStep = null) =>
        Run(config, ops.Count, (_, i) => ops[i], catalogue, onStep);

    private static CaseResult Run(AuditConfig config, int count, Func<ScriptExecutor, int, ScriptOp?> next, Func<IReadOnlyList<Invariant>>? catalogue, Action<Step>? onStep = null)
    {
        IReadOnlyList<Invariant> invariants = (catalogue ?? InvariantCatalogue.Create)();
        var applied = new int[invariants.Count];
        var executor = new ScriptExecutor(config);
        var ops = ImmutableArray.CreateBuilder<ScriptOp>(count);
        for (int i = 0; i < count; i++)
        {
            ScriptOp? op = next(executor, i);
            if (op is null) continue;
            ops.Add(op);
            Step step;
            try
            {
                step = executor.Apply(op, ops.Count - 1);
            }
            catch (Exception e) when (e is not AuditConfigException)
            {
                return new CaseResult(ops.ToImmutable(), new Violation("INV-13", "atomicity of reverts", ops.Count - 1,
                    $"{op} threw {e.GetType().Name} ({e.Message}) instead of succeeding or reverting with EvmRevertException"), applied);
            }
            onStep?.Invoke(step);
            for (int k = 0; k < invariants.Count; k++)
            {
                Verdict v = invariants[k].Check(step, config);
                if (!v.Applied) continue;
                applied[k]++;
                if (v.Failure is not null)
                    return new CaseResult(ops.ToImmutable(), new Violation(invariants[k].Id, invariants[k].Title, step.Index, v.Failure), applied);
            }
        }
        return new CaseResult(ops.ToImmutable(), null, applied);
    }

    internal static ScriptOp? TryResolve(Intent intent, ScriptExecutor x, AuditConfig config)
    {
        try
        {
            return IntentResolver.Resolve(intent, x, config);
        }
        catch (EvmRevertException)
        {
            return null; // a view reverted (e.g. a value beyond 2^256): nothing sensible to size; skip
        }
    }
}
