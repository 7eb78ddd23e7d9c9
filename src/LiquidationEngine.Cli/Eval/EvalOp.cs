namespace LiquidationEngine.Cli.Eval;

/// <summary>One eval op: its name, the names of its arguments, and what it computes.</summary>
/// <param name="Name">The op name as it appears in a request, e.g. <c>wadMul</c>.</param>
/// <param name="Parameters">Argument names, in order; their count is the op's arity.</param>
/// <param name="Twin">The Solidity function this op mirrors, for <c>--list-ops</c> and error messages.</param>
/// <param name="Invoke">Computes the op; returns the <c>ok</c> values or throws an EvmRevertException.</param>
internal sealed record EvalOp(string Name, string[] Parameters, string Twin, Func<EvalArgs, string[]> Invoke)
{
    /// <summary>
    /// Set for an op that takes named fields instead of <c>args</c> and answers with its own JSON fields instead of
    /// <c>ok</c>: given the whole request, it runs (or throws <see cref="EvalRequestException"/>) and returns what
    /// writes its answer's fields after <c>id</c>. <see cref="Invoke"/> is then unused.
    /// </summary>
    public Func<System.Text.Json.JsonElement, Action<System.Text.Json.Utf8JsonWriter>>? Structured { get; init; }

    public string Describe() => $"{Name}({string.Join(", ", Parameters)})  ~ {Twin}";
}

/// <summary>Thrown for a request that is malformed (not a revert): the stream answers with an error line.</summary>
internal sealed class EvalRequestException(string message) : Exception(message);
