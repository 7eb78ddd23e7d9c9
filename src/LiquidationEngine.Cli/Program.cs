using LiquidationEngine.Cli.Audit;
using LiquidationEngine.Cli.Eval;
using LiquidationEngine.Cli.Simulate;

namespace LiquidationEngine.Cli;

internal static class Program
{
    private const string Usage = """
        liqengine: the LiquidationEngine command-line tool

        Usage:
          liqengine eval              JSON-lines conformance oracle: one request per line on stdin,
                                      one response per line on stdout (see spec/SPEC.md, "eval").
          liqengine eval --list-ops   list the ops eval understands, with their arguments
          liqengine simulate [scenario.json] [--compare none,throttle,breakers,all] [--out DIR]
                             [--seed S] [--sweep key=v1,v2,...]... [--serial]
                                      cascade simulator (spec/SPEC.md section 8): runs the scenario (default: the
                                      embedded black-thursday scenario, 10,000 positions) under each protection set
                                      and prints a comparison table; --out writes CSV time series and report.html
          liqengine audit --config protocol.json [--runs N] [--seed S] [--max-ops M] [--out report.json]
                          [--script FILE]
                                      checks every invariant of spec/INVARIANTS.md on random operation sequences
                                      against your market; on a violation prints the minimal counterexample and
                                      writes it as a replayable script (exit 1); bad config: exit 2
          liqengine replay script.json
                                      re-executes a script and prints the state after each operation
          liqengine --version         print the tool version
          liqengine --help            print this text

        Example:
          echo '{"id":1,"op":"wadMul","args":["1500000000000000000","2000000000000000000"]}' | liqengine eval
          {"id":1,"ok":["3000000000000000000"]}
        """;

    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Length == 0 ? Console.Error : Console.Out).WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        switch (args[0])
        {
            case "--version":
                Console.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3));
                return 0;
            case "eval":
                if (args.Length == 2 && args[1] == "--list-ops")
                {
                    foreach (var op in EvalOps.Default.All)
                        Console.WriteLine(op.Describe());
                    return 0;
                }
                if (args.Length != 1)
                    return Fail($"eval takes no arguments except --list-ops; got '{string.Join(' ', args[1..])}'.");
                return EvalCommand.Run(Console.OpenStandardInput(), Console.OpenStandardOutput(), EvalOps.Default);
            case "simulate":
                return SimulateCommand.Run(args[1..], Console.Out, Console.Error);
            case "audit":
                return AuditCommand.Run(args[1..], Console.Out, Console.Error);
            case "replay":
                return ReplayCommand.Run(args[1..], Console.Out, Console.Error);
            default:
                return Fail($"unknown command '{args[0]}'. Run 'liqengine --help' for the list of commands.");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"liqengine: {message}");
        return 2;
    }
}
