using System.Text;
using LiquidationEngine.Cli.Eval;

namespace LiquidationEngine.Tests.Eval;

/// <summary>Runs <c>liqengine eval</c>'s stream loop in memory.</summary>
internal static class EvalHarness
{
    public static string[] Run(string input) => Run(input, EvalOps.Default);

    public static string[] Run(string input, EvalOps ops)
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var stdout = new MemoryStream();
        int exit = EvalCommand.Run(stdin, stdout, ops);
        if (exit != 0) throw new InvalidOperationException($"eval exited with {exit}");
        string text = Encoding.UTF8.GetString(stdout.ToArray());
        return text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
    }
}
