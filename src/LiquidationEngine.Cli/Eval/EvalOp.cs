namespace LiquidationEngine.Cli.Eval;

/// <summary>One eval op: its name, the names of its arguments, and what it computes.</summary>
/// <param name="Name">The op name as it appears in a request, e.g. <c>wadMul</c>.</param>
/// <param name="Parameters">Argument names, in order; their count is the op's arity unless <see cref="RepeatFrom"/> is set.</param>
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

    /// <summary>
    /// For a variadic op: <c>Parameters[RepeatFrom..]</c> is a group that follows the leading parameters any number of
    /// times (e.g. <c>n</c>, then n reserves of 7 values). The op itself checks that the count matches its own header.
    /// </summary>
    public int? RepeatFrom { get; init; }

    private int GroupSize => Parameters.Length - RepeatFrom.GetValueOrDefault();

    /// <summary>Whether a request may carry <paramref name="count"/> arguments.</summary>
    public bool AcceptsArgCount(int count) => RepeatFrom is int r
        ? count >= r && (count - r) % GroupSize == 0
        : count == Parameters.Length;

    /// <summary>The name of argument <paramref name="index"/>, e.g. <c>price[2]</c> for the third group's price.</summary>
    public string ParameterName(int index) => RepeatFrom is int r && index >= r
        ? $"{Parameters[r + (index - r) % GroupSize]}[{(index - r) / GroupSize}]"
        : Parameters[index];

    /// <summary>The accepted arguments in words, for error messages.</summary>
    public string Arity => RepeatFrom is int r
        ? $"{r} argument{(r == 1 ? "" : "s")} ({string.Join(", ", Parameters[..r])}) then groups of {GroupSize} ({string.Join(", ", Parameters[r..])})"
        : $"{Parameters.Length} argument{(Parameters.Length == 1 ? "" : "s")} ({string.Join(", ", Parameters)})";

    public string Describe() => RepeatFrom is int r
        ? $"{Name}({string.Join(", ", Parameters[..r])}, [{string.Join(", ", Parameters[r..])}] x n)  ~ {Twin}"
        : $"{Name}({string.Join(", ", Parameters)})  ~ {Twin}";
}

/// <summary>Thrown for a request that is malformed (not a revert): the stream answers with an error line.</summary>
internal sealed class EvalRequestException(string message) : Exception(message);
