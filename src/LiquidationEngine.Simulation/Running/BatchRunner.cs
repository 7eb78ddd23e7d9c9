using LiquidationEngine.Simulation.Metrics;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Running;

/// <summary>One run to do: a scenario under a protection set.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Protection">The protection set.</param>
public readonly record struct RunJob(Scenario Scenario, ProtectionSet Protection);

/// <summary>
/// Runs many jobs, in parallel when allowed. Runs share nothing mutable (each builds its own market, pools and
/// streams from the immutable scenario), and results are stored by job index, so a parallel batch returns exactly
/// what a serial one does, in the same order.
/// </summary>
public static class BatchRunner
{
    /// <summary>Runs the jobs; results in job order.</summary>
    /// <param name="jobs">The runs.</param>
    /// <param name="maxParallelism">1 = serial; more runs that many at once (e.g. <see cref="Environment.ProcessorCount"/>).</param>
    /// <param name="onBlock">Called (from any thread) after every simulated block of any run; may be null.</param>
    public static RunResult[] Run(IReadOnlyList<RunJob> jobs, int maxParallelism, Action? onBlock = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);
        var results = new RunResult[jobs.Count];
        Action<int>? tick = onBlock is null ? null : _ => onBlock();
        if (maxParallelism == 1)
        {
            for (int i = 0; i < jobs.Count; i++)
                results[i] = Simulator.Run(jobs[i].Scenario, jobs[i].Protection, tick);
        }
        else
        {
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism },
                i => results[i] = Simulator.Run(jobs[i].Scenario, jobs[i].Protection, tick));
        }
        return results;
    }
}
