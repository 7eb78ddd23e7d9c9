namespace LiquidationEngine.Cli.Eval;

/// <summary>The op table of <c>liqengine eval</c>. Each domain contributes its ops from its own file.</summary>
internal sealed class EvalOps
{
    private readonly Dictionary<string, EvalOp> _ops = new(StringComparer.Ordinal);

    /// <summary>Every op the tool ships, in a fresh table: engine sessions live as long as their table (one eval stream).</summary>
    public static EvalOps Default => new(FixedPointOps.All().Concat(ProfileOps.All()).Concat(new EngineOps().All()));

    public EvalOps(IEnumerable<EvalOp> ops)
    {
        foreach (EvalOp op in ops)
            if (!_ops.TryAdd(op.Name, op))
                throw new InvalidOperationException($"eval op '{op.Name}' is defined twice.");
    }

    public IEnumerable<EvalOp> All => _ops.Values.OrderBy(o => o.Name, StringComparer.Ordinal);

    public bool TryGet(string name, out EvalOp op) => _ops.TryGetValue(name, out op!);
}
