using System.Buffers.Binary;
using LiquidationEngine.Evm;

namespace LiquidationEngine.Abi;

/// <summary>
/// A Solidity custom error, declared once and raised with typed arguments: the twin of
/// <c>error Name(T1 a, ...)</c> and <c>revert Name(a, ...)</c>. Immutable; meant for
/// <c>static readonly</c> fields of one errors class, like Morpho Blue's ErrorsLib.
/// </summary>
/// <example>
/// <code>
/// internal static class Errors
/// {
///     public static readonly CustomError LiquidationThrottled =
///         new("LiquidationThrottled(uint256 available, uint256 secondsUntilMinimum)");
/// }
///
/// throw Errors.LiquidationThrottled.Create(available, secondsUntilMinimum);
/// // RevertData = selector("LiquidationThrottled(uint256,uint256)") ++ abi.encode(available, secondsUntilMinimum)
/// // Message    = "LiquidationThrottled(available=123, secondsUntilMinimum=4)"
/// </code>
/// </example>
public sealed class CustomError
{
    private readonly AbiDeclaration _declaration;

    /// <summary>Declares an error from its Solidity-style declaration, e.g. <c>"Unauthorized(address caller)"</c>.</summary>
    /// <param name="declaration">Name and parameters with canonical types; parameter names are optional and only used in messages.</param>
    /// <exception cref="ArgumentException">The declaration is malformed, uses an unsupported type, or redeclares the built-in <c>Error</c> or <c>Panic</c>.</exception>
    public CustomError(string declaration)
    {
        _declaration = AbiDeclaration.Parse(declaration, "custom error", allowIndexed: false);
        if (_declaration.Name is "Error" or "Panic")
            throw new ArgumentException($"Invalid custom error declaration \"{declaration}\": Error and Panic are built in; use EvmRevertException.ForError or ForPanic.", nameof(declaration));
        Selector = AbiSignature.Selector(_declaration.Signature);
    }

    /// <summary>The error name.</summary>
    public string Name => _declaration.Name;

    /// <summary>The canonical signature, e.g. <c>LiquidationThrottled(uint256,uint256)</c>.</summary>
    public string Signature => _declaration.Signature;

    /// <summary>The 4-byte selector that starts the revert data.</summary>
    public uint Selector { get; }

    /// <summary>The declared parameters, in order.</summary>
    public IReadOnlyList<AbiParameter> Parameters => _declaration.ReadOnlyParameters;

    /// <summary>
    /// Builds the revert for these arguments (to be thrown): revert data = selector ++ abi.encode(arguments),
    /// message = the error with its named argument values.
    /// </summary>
    /// <exception cref="ArgumentException">The arguments do not match the parameters in number, type or range; the message names the parameter.</exception>
    public EvmRevertException Create(params ReadOnlySpan<AbiValue> arguments)
    {
        _declaration.CheckArguments(arguments);
        var encoder = new AbiEncoder();
        for (int i = 0; i < arguments.Length; i++)
            encoder.Value(_declaration.Parameters[i].Type, arguments[i]);
        byte[] encoded = encoder.ToArray();
        return EvmRevertException.ForCustomError(Selector, encoded, _declaration.Describe(arguments));
    }

    /// <summary>True when <paramref name="revertData"/> starts with this error's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> revertData) =>
        revertData.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(revertData) == Selector;

    /// <summary>Decodes the arguments from revert data produced by this error.</summary>
    /// <exception cref="FormatException">The data does not start with this error's selector, or its arguments are malformed.</exception>
    public AbiValue[] Decode(ReadOnlySpan<byte> revertData)
    {
        if (!Matches(revertData))
            throw new FormatException($"The revert data {AbiFormat.Hex(revertData[..Math.Min(4, revertData.Length)])}... is not {Signature} (selector 0x{Selector:x8}).");
        var decoder = new AbiDecoder(revertData[4..]);
        var values = new AbiValue[_declaration.Parameters.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = decoder.Read(_declaration.Parameters[i].Type);
        return values;
    }

    /// <summary>The declaration with canonical types.</summary>
    public override string ToString() => _declaration.ToString();
}
