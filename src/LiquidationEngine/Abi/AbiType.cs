using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LiquidationEngine.Abi;

/// <summary>The shapes of Solidity ABI type this codec encodes and decodes.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint&lt;M&gt;</c>, M a multiple of 8 from 8 to 256.</summary>
    UInt,

    /// <summary><c>address</c>: a uint160 with its own text form.</summary>
    Address,

    /// <summary><c>bool</c>: the word 0 or 1.</summary>
    Bool,

    /// <summary><c>bytes&lt;M&gt;</c>, M from 1 to 32: left-aligned in its word.</summary>
    FixedBytes,

    /// <summary><c>bytes</c>: dynamic byte string.</summary>
    Bytes,

    /// <summary><c>string</c>: dynamic UTF-8 text.</summary>
    String,

    /// <summary><c>T[]</c>: dynamic array of a one-word (static) element type.</summary>
    Array,
}

/// <summary>
/// A Solidity ABI type in canonical spelling (<c>uint256</c>, <c>address</c>, <c>bool</c>,
/// <c>bytes32</c>, <c>bytes</c>, <c>string</c>, <c>uint256[]</c>, ...). Immutable.
/// </summary>
/// <remarks>
/// Supported: <c>uint&lt;M&gt;</c>, <c>address</c>, <c>bool</c>, <c>bytes&lt;M&gt;</c>, <c>bytes</c>,
/// <c>string</c> and <c>T[]</c> of any of the one-word types. Signed integers, fixed-size arrays,
/// nested arrays and tuples are rejected by <see cref="Parse"/> with a message saying so.
/// </remarks>
public sealed class AbiType : IEquatable<AbiType>
{
    private AbiType(AbiTypeKind kind, int size, AbiType? elementType, string canonicalName)
    {
        Kind = kind;
        Size = size;
        ElementType = elementType;
        CanonicalName = canonicalName;
    }

    /// <summary>The shape of the type.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Width in bits for <c>uint&lt;M&gt;</c>, length in bytes for <c>bytes&lt;M&gt;</c>, otherwise 0.</summary>
    public int Size { get; }

    /// <summary>The element type of a <c>T[]</c>; null for other kinds.</summary>
    public AbiType? ElementType { get; }

    /// <summary>The canonical name, as used in signatures (e.g. <c>uint256[]</c>).</summary>
    public string CanonicalName { get; }

    /// <summary>True for <c>bytes</c>, <c>string</c> and arrays, which are encoded as an offset in the head and data in the tail.</summary>
    public bool IsDynamic => Kind is AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array;

    /// <summary><c>uint256</c>.</summary>
    public static AbiType UInt256 { get; } = new(AbiTypeKind.UInt, 256, null, "uint256");

    /// <summary><c>address</c>.</summary>
    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, "address");

    /// <summary><c>bool</c>.</summary>
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, "bool");

    /// <summary><c>bytes32</c>.</summary>
    public static AbiType Bytes32 { get; } = new(AbiTypeKind.FixedBytes, 32, null, "bytes32");

    /// <summary><c>bytes</c>.</summary>
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, "bytes");

    /// <summary><c>string</c>.</summary>
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, "string");

    /// <summary><c>uint&lt;bits&gt;</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not a multiple of 8 from 8 to 256.</exception>
    public static AbiType UInt(int bits)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "uint<M> needs M a multiple of 8 from 8 to 256.");
        return bits == 256 ? UInt256 : new(AbiTypeKind.UInt, bits, null, "uint" + bits.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>bytes&lt;size&gt;</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not from 1 to 32.</exception>
    public static AbiType FixedBytes(int size)
    {
        if (size is < 1 or > 32)
            throw new ArgumentOutOfRangeException(nameof(size), size, "bytes<M> needs M from 1 to 32.");
        return size == 32 ? Bytes32 : new(AbiTypeKind.FixedBytes, size, null, "bytes" + size.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>element[]</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="element"/> is dynamic (nested dynamic arrays are not supported).</exception>
    public static AbiType ArrayOf(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.IsDynamic)
            throw new ArgumentException($"Arrays of {element.CanonicalName} are not supported: only arrays of one-word types.", nameof(element));
        return new(AbiTypeKind.Array, 0, element, element.CanonicalName + "[]");
    }

    /// <summary>Parses a canonical type name.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="canonicalName"/> is null.</exception>
    /// <exception cref="FormatException">The name is not canonical or not supported; the message says which and why.</exception>
    public static AbiType Parse(string canonicalName)
    {
        ArgumentNullException.ThrowIfNull(canonicalName);
        return TryParseCore(canonicalName, out AbiType? type, out string? error) ? type : throw new FormatException(error);
    }

    /// <summary>Like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? canonicalName, [NotNullWhen(true)] out AbiType? type)
    {
        type = null;
        return canonicalName is not null && TryParseCore(canonicalName, out type, out _);
    }

    private static bool TryParseCore(string name, [NotNullWhen(true)] out AbiType? type, [NotNullWhen(false)] out string? error)
    {
        type = null;
        error = null;
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            if (!TryParseCore(name[..^2], out AbiType? element, out error))
                return false;
            if (element.IsDynamic)
            {
                error = $"ABI type \"{name}\" is not supported: only arrays of one-word types (uint<M>, address, bool, bytes<M>).";
                return false;
            }
            type = ArrayOf(element);
            return true;
        }
        switch (name)
        {
            case "address": type = Address; return true;
            case "bool": type = Bool; return true;
            case "bytes": type = Bytes; return true;
            case "string": type = String; return true;
            case "uint" or "int" or "byte" or "fixed" or "ufixed":
                error = $"ABI type \"{name}\" is an alias, not canonical: write {CanonicalOfAlias(name)}.";
                return false;
        }
        if (AbiSignature.TryNumberAfter(name, "uint", out int bits) && bits is >= 8 and <= 256 && bits % 8 == 0)
        {
            type = UInt(bits);
            return true;
        }
        if (AbiSignature.TryNumberAfter(name, "bytes", out int size) && size is >= 1 and <= 32)
        {
            type = FixedBytes(size);
            return true;
        }
        error = name.StartsWith("int", StringComparison.Ordinal) || name.Contains('[') || name.StartsWith('(') || name.Contains("fixed", StringComparison.Ordinal)
            ? $"ABI type \"{name}\" is not supported by this codec (supported: uint<M>, address, bool, bytes<M>, bytes, string, and T[] of the one-word types)."
            : $"\"{name}\" is not a canonical ABI type name.";
        return false;
    }

    internal static string CanonicalOfAlias(string alias) => alias switch
    {
        "uint" => "uint256",
        "int" => "int256",
        "byte" => "bytes1",
        _ => alias + "128x18",
    };

    /// <inheritdoc/>
    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AbiType);

    /// <inheritdoc/>
    /// <remarks>Deterministic across processes (no per-process string hashing seed).</remarks>
    public override int GetHashCode() => ((int)Kind * 397) ^ Size ^ (ElementType is null ? 0 : ElementType.GetHashCode() * 31);

    /// <summary>The canonical name.</summary>
    public override string ToString() => CanonicalName;
}
