using System.Collections.ObjectModel;
using System.Text;

namespace LiquidationEngine.Abi;

/// <summary>
/// A parsed Solidity-style declaration such as <c>Liquidate(bytes32 indexed id, uint256 repaidAssets)</c>,
/// shared by <see cref="CustomError"/> and <see cref="EventDefinition"/>.
/// </summary>
internal sealed class AbiDeclaration
{
    private AbiDeclaration(string name, AbiParameter[] parameters)
    {
        Name = name;
        Parameters = parameters;
        Signature = name + "(" + string.Join(",", parameters.Select(p => p.Type.CanonicalName)) + ")";
        ReadOnlyParameters = new ReadOnlyCollection<AbiParameter>(parameters);
    }

    public string Name { get; }

    public string Signature { get; }

    public AbiParameter[] Parameters { get; }

    public IReadOnlyList<AbiParameter> ReadOnlyParameters { get; }

    /// <summary>Parses <c>Name(type [indexed] [name], ...)</c>; whitespace is free, types must be canonical and supported.</summary>
    /// <exception cref="ArgumentException">The declaration is malformed; the message names it and the problem.</exception>
    public static AbiDeclaration Parse(string declaration, string kind, bool allowIndexed)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        string text = declaration.Trim();
        int open = text.IndexOf('(');
        string name = open < 0 ? text : text[..open].TrimEnd();
        if (open < 0 || !text.EndsWith(')') || !IsIdentifier(name))
            throw Invalid(declaration, kind, "expected Name(type name, ...)");

        string inner = text[(open + 1)..^1];
        var parameters = new List<AbiParameter>();
        if (inner.Trim().Length > 0)
        {
            foreach (string part in inner.Split(','))
            {
                string[] words = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                bool indexed = words.Length > 1 && words[1] == "indexed";
                int nameIndex = indexed ? 2 : 1;
                if (words.Length == 0 || words.Length > nameIndex + 1)
                    throw Invalid(declaration, kind, $"parameter \"{part.Trim()}\" is not 'type [indexed] [name]'");
                if (indexed && !allowIndexed)
                    throw Invalid(declaration, kind, $"parameter \"{part.Trim()}\": only event parameters can be indexed");
                AbiType type;
                try
                {
                    type = AbiType.Parse(words[0]);
                }
                catch (FormatException ex)
                {
                    throw Invalid(declaration, kind, ex.Message.TrimEnd('.'));
                }
                string parameterName = words.Length > nameIndex ? words[nameIndex] : "";
                if (parameterName.Length > 0 && !IsIdentifier(parameterName))
                    throw Invalid(declaration, kind, $"\"{parameterName}\" is not a valid parameter name");
                if (parameterName.Length > 0 && parameters.Any(p => p.Name == parameterName))
                    throw Invalid(declaration, kind, $"parameter name \"{parameterName}\" is used twice");
                parameters.Add(new AbiParameter(parameterName, type, indexed));
            }
        }
        return new AbiDeclaration(name, [.. parameters]);
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && s.Select((c, i) => AbiSignature.IsIdentifierChar(c, i == 0)).All(ok => ok);

    private static ArgumentException Invalid(string declaration, string kind, string problem) =>
        new($"Invalid {kind} declaration \"{declaration}\": {problem}.", "declaration");

    /// <summary>Throws unless the arguments match the parameters in number and type; messages name the parameter.</summary>
    public void CheckArguments(ReadOnlySpan<AbiValue> arguments)
    {
        if (arguments.Length != Parameters.Length)
            throw new ArgumentException(
                $"{Name} takes {Parameters.Length} argument(s) ({string.Join(", ", Parameters.Select(p => p.ToString()))}); got {arguments.Length}.",
                nameof(arguments));
        for (int i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].MismatchWith(Parameters[i].Type) is { } mismatch)
                throw new ArgumentException($"{Name}: argument {Label(i)} ({Parameters[i].Type.CanonicalName}): {mismatch}.", nameof(arguments));
        }
    }

    /// <summary>The readable call form, e.g. <c>LiquidationThrottled(available=123, secondsUntilMinimum=4)</c>.</summary>
    public string Describe(ReadOnlySpan<AbiValue> arguments)
    {
        var sb = new StringBuilder(Name).Append('(');
        for (int i = 0; i < arguments.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            if (Parameters[i].Name.Length > 0) sb.Append(Parameters[i].Name).Append('=');
            sb.Append(arguments[i].ToString());
        }
        return sb.Append(')').ToString();
    }

    private string Label(int i) => Parameters[i].Name.Length > 0 ? $"'{Parameters[i].Name}'" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The declaration with canonical types, e.g. <c>Liquidate(bytes32 indexed id, uint256 repaidAssets)</c>.</summary>
    public override string ToString() => Name + "(" + string.Join(", ", Parameters.Select(p => p.ToString())) + ")";
}
