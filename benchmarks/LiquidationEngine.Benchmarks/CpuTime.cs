using System.Diagnostics;
using LiquidationEngine.Benchmarks.Engine;

namespace LiquidationEngine.Benchmarks;

/// <summary>
/// `-- cpu liquidate|healthfactor [rounds] [calls]`: process CPU time per call, best of the rounds, the two benchmarks of a
/// pair interleaved in one process. On a shared machine CPU time moves less than wall-clock medians (descheduled time is
/// not counted), so this settles ratios that short BenchmarkDotNet jobs leave open. Not a BenchmarkDotNet job.
/// </summary>
internal static class CpuTime
{
    public static void Run(string[] args)
    {
        string pair = args.Length > 1 ? args[1] : "liquidate";
        int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8;
        int calls = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        (string, Action)[] items;
        if (pair == "healthfactor")
        {
            var hf = new EngineHealthFactorBenchmarks();
            hf.Setup();
            items = [("HealthFactorBigInteger", () => hf.HealthFactorBigInteger()), ("HealthFactorEngine", () => hf.HealthFactorEngine())];
        }
        else
        {
            var liq = new EngineLiquidationBenchmarks { AbiEncodeEvents = false };
            liq.Setup();
            items = [("Liquidate", () => liq.Liquidate()), ("LiquidateProtected", () => liq.LiquidateProtected())];
        }
        var best = new double[items.Length];
        Array.Fill(best, double.MaxValue);
        foreach ((_, Action act) in items) Measure(act, calls / 4); // warm-up and tiering
        for (int r = 0; r < rounds; r++)
            for (int i = 0; i < items.Length; i++)
                best[i] = Math.Min(best[i], Measure(items[i].Item2, calls));
        Console.WriteLine($"load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        for (int i = 0; i < items.Length; i++)
            Console.WriteLine($"{items[i].Item1,-24} {best[i],10:F1} ns CPU/call  ratio {best[i] / best[0]:F3}");
    }

    private static double Measure(Action act, int calls)
    {
        using Process process = Process.GetCurrentProcess();
        TimeSpan start = process.TotalProcessorTime;
        for (int i = 0; i < calls; i++) act();
        process.Refresh();
        return (process.TotalProcessorTime - start).TotalMilliseconds * 1e6 / calls;
    }
}
