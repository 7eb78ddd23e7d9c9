using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Invariants;
using LiquidationEngine.Audit.Running;
using LiquidationEngine.Audit.Scripts;
using LiquidationEngine.Evm;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Cli.Audit;

/// <summary>
/// <c>liqengine replay script.json</c>: re-executes a script (an audit counterexample or a hand-written one) and
/// prints the outcome and the state after each operation, checking every invariant. Exit 0 when all hold, 1 on a
/// violation, 2 on a bad script.
/// </summary>
internal static class ReplayCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count != 1 || args[0].StartsWith('-'))
        {
            stderr.WriteLine("liqengine replay: expected one argument, the script file (liqengine replay script.json)");
            return 2;
        }
        AuditScript script;
        try
        {
            script = AuditScript.Parse(AuditCommand.ReadFile(args[0]));
        }
        catch (AuditConfigException e)
        {
            stderr.WriteLine($"liqengine replay: {e.Message}");
            return 2;
        }

        CaseResult result;
        try
        {
            result = CaseRunner.Run(script.Config, script.Ops, onStep: step => Print(stdout, script.Config, step));
        }
        catch (AuditConfigException e)
        {
            stderr.WriteLine($"liqengine replay: {e.Message}");
            return 2;
        }
        if (result.Violation is { } v)
        {
            stdout.WriteLine($"VIOLATION {v}");
            return 1;
        }
        stdout.WriteLine($"{script.Ops.Length} operations, every invariant held.");
        return 0;
    }

    private static void Print(TextWriter stdout, AuditConfig config, Step step)
    {
        stdout.WriteLine($"{step.Index + 1,3}. {step.Op}: {step.Outcome}");
        if (step.Liquidation is { } r)
            stdout.WriteLine($"     repaid {r.DebtRepaid}, seized {r.CollateralSeized}, fee {r.ProtocolFee}, bonus {r.LiquidationBonusBps} bps, HF {r.HealthFactorBefore} -> {r.HealthFactorAfter}");
        foreach (AuditAsset a in config.Assets)
        {
            AssetState s = step.Market.GetAsset(a.Address);
            stdout.WriteLine($"     {a.Symbol,-6} price {s.Price} cash {s.Cash} supply {s.TotalSupply} debt {s.TotalDebt} reserves {s.Reserves} fund {s.Solvency.InsuranceFund} badDebt {s.Solvency.BadDebtRealized}");
        }
        for (int n = 1; n <= ScriptAccounts.Count; n++)
        {
            try
            {
                var d = step.Market.GetAccountData(ScriptAccounts.Of(n));
                if (d.TotalCollateralBase.IsZero && d.TotalDebtBase.IsZero) continue;
                string hf = d.TotalDebtBase.IsZero ? "max" : d.HealthFactor.ToString();
                stdout.WriteLine($"     account {n}: collateral {d.TotalCollateralBase} debt {d.TotalDebtBase} HF {hf}");
            }
            catch (EvmRevertException e)
            {
                stdout.WriteLine($"     account {n}: account data reverts ({e.RevertDataHex}): values beyond 2^256");
            }
        }
        stdout.WriteLine($"     stateHash 0x{step.HashAfter:x64}");
    }
}
