using System.Text.Json;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Cli.Eval;

/// <summary>The arguments of one request, with parsers that name the argument in every error.</summary>
internal readonly struct EvalArgs(EvalOp op, JsonElement args)
{
    public int Count => args.GetArrayLength();

    /// <summary>How errors name argument <paramref name="index"/>: <c>op: args[i] (name)</c>.</summary>
    public string Label(int index) => $"{op.Name}: args[{index}] ({op.ParameterName(index)})";

    /// <summary>The raw string at <paramref name="index"/>; every argument is a JSON string.</summary>
    public string String(int index)
    {
        JsonElement e = args[index];
        if (e.ValueKind != JsonValueKind.String)
            throw new EvalRequestException(
                $"{op.Name}: args[{index}] ({op.ParameterName(index)}) must be a JSON string (numbers are base-10 strings, e.g. \"123\"); got {e.GetRawText()}.");
        return e.GetString()!;
    }

    /// <summary>A uint256 in base 10 or 0x-hex; negative, fractional and oversize values are request errors.</summary>
    public UInt256 UInt256(int index)
    {
        string text = String(index);
        if (text.StartsWith('-'))
            throw new EvalRequestException($"{op.Name}: args[{index}] ({op.ParameterName(index)}) = \"{text}\" is negative; uint256 values are 0 to 2^256-1.");
        try
        {
            return FixedPoint.UInt256.Parse(text);
        }
        catch (OverflowException)
        {
            throw new EvalRequestException($"{op.Name}: args[{index}] ({op.ParameterName(index)}) = \"{Shorten(text)}\" is 2^256 or more; uint256 values are 0 to 2^256-1.");
        }
        catch (FormatException)
        {
            throw new EvalRequestException($"{op.Name}: args[{index}] ({op.ParameterName(index)}) = \"{Shorten(text)}\" is not a base-10 or 0x-hex unsigned integer.");
        }
    }

    /// <summary>One of a fixed set of literals, compared case-sensitively.</summary>
    public T Literal<T>(int index, IReadOnlyDictionary<string, T> choices)
    {
        string text = String(index);
        if (choices.TryGetValue(text, out T? value))
            return value;
        throw new EvalRequestException(
            $"{op.Name}: args[{index}] ({op.ParameterName(index)}) = \"{Shorten(text)}\" is not one of {string.Join(", ", choices.Keys.Select(k => $"\"{k}\""))}.");
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
