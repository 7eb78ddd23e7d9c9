using BenchmarkDotNet.Running;

namespace LiquidationEngine.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cpu")
            CpuTime.Run(args);
        else
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
