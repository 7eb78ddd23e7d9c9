using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Invariants;
using LiquidationEngine.Audit.Scripts;

namespace LiquidationEngine.Audit.Running;

/// <summary>How an audit runs.</summary>
/// <param name="Runs">Number of random sequences.</param>
/// <param name="Seed">The FsCheck seed: the same seed, config and sizes give the same run.</param>
/// <param name="MaxOps">Longest sequence.</param>
public sealed record AuditSettings(int Runs = 200, ulong Seed = AuditSettings.DefaultSeed, int MaxOps = 60)
{
    /// <summary>The seed used unless told otherwise.</summary>
    public const ulong DefaultSeed = 20261122;
}

/// <summary>One row of the report: an invariant, how many steps it was checked on, and whether it held.</summary>
/// <param name="Id">Catalogue ID.</param>
/// <param name="Title">Title.</param>
/// <param name="Cases">Steps on which it applied (over the runs before the first violation).</param>
/// <param name="Held">False when violated.</param>
public sealed record InvariantRow(string Id, string Title, long Cases, bool Held);

/// <summary>The result of an audit.</summary>
/// <param name="Settings">How it ran.</param>
/// <param name="RunsCompleted">Sequences executed before a violation stopped the search (all of them on a pass).</param>
/// <param name="Rows">One row per invariant, in catalogue order.</param>
/// <param name="Counterexample">The minimal failing script, or null when every invariant held.</param>
public sealed record AuditReport(AuditSettings Settings, int RunsCompleted, ImmutableArray<InvariantRow> Rows, AuditScript? Counterexample)
{
    /// <summary>True when no invariant was violated.</summary>
    public bool Passed => Counterexample is null;
}

/// <summary>
/// Runs an audit: FsCheck generates operation sequences from the seed, each is executed against the engine and the
/// reference model with every invariant checked after every step, and a failure is shrunk by FsCheck to a minimal
/// sequence, returned as a replayable script. Tests and the CLI share this code path.
/// </summary>
public static class AuditRunner
{
    // Any odd constant is a valid SplitMix gamma; fixed so that the seed alone identifies a run.
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>Runs the audit.</summary>
    /// <param name="config">The market under audit.</param>
    /// <param name="settings">Runs, seed and sequence length.</param>
    /// <param name="progress">Called after each generated sequence with (done, total); not during shrinking.</param>
    /// <param name="catalogue">The invariants (default: the whole catalogue); tests pass sabotaged ones.</param>
    public static AuditReport Run(AuditConfig config, AuditSettings settings, Action<int, int>? progress = null, Func<IReadOnlyList<Invariant>>? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxOps, 1);
        catalogue ??= InvariantCatalogue.Create;
        IReadOnlyList<Invariant> names = catalogue();
        var cases = new long[names.Count];
        int done = 0;
        CaseResult? failure = null;

        Arbitrary<Intent[]> arbitrary = Arb.From(Intent.Sequences(config.Assets.Length, settings.MaxOps), Intent.Shrink);
        Property property = Prop.ForAll(arbitrary, intents =>
        {
            CaseResult result = CaseRunner.Run(config, intents, catalogue);
            if (failure is null)
            {
                for (int k = 0; k < cases.Length; k++) cases[k] += result.Applied[k];
                progress?.Invoke(++done, settings.Runs);
            }
            if (result.Violation is null) return true;
            failure = result; // FsCheck continues from each failing candidate: the last one is the minimal
            return false;
        });
        FsCheck.Config fsCheck = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(settings.Runs).WithQuietOnSuccess(true).WithReplay(settings.Seed, Gamma);
        try
        {
            property.Check(fsCheck);
        }
        catch (Exception) when (failure is not null)
        {
            // the violation is in `failure`; FsCheck's message repeats it as intents
        }

        Violation? v = failure?.Violation;
        var rows = names.Select((inv, k) => new InvariantRow(inv.Id, inv.Title, cases[k], v is null || v.Id != inv.Id)).ToImmutableArray();
        AuditScript? script = failure is null ? null : new AuditScript(config, failure.Ops, v);
        return new AuditReport(settings, done, rows, script);
    }
}
