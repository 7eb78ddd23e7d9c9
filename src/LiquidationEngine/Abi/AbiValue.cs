using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Abi;

/// <summary>
/// One argument value for the ABI: an unsigned integer, address, bool, <c>bytes&lt;M&gt;</c>,
/// <c>bytes</c>, <c>string</c> or an array of one-word values. Immutable.
/// </summary>
/// <remarks>
/// Values convert implicitly from <see cref="UInt256"/>, <see cref="ulong"/>, <see cref="Evm.Address"/>,
/// <see cref="bool"/> and <see cref="string"/>, so typed arguments can be passed straight to
/// <see cref="CustomError.Create"/> and <see cref="EventDefinition.Create"/>. An unsigned integer
/// carries no width: it is checked against the parameter's <c>uint&lt;M&gt;</c> when encoded.
/// <c>default(AbiValue)</c> is the unsigned integer 0.
/// </remarks>
public readonly struct AbiValue : IEquatable<AbiValue>
{
    private readonly UInt256 _word;   // UInt, Address (uint160), Bool (0/1), FixedBytes (left-aligned)
    private readonly object? _payload; // byte[] for Bytes, string for String, AbiValue[] for Array
    private readonly byte _size;       // M of bytes<M>

    private AbiValue(AbiTypeKind kind, UInt256 word, object? payload = null, byte size = 0)
    {
        Kind = kind;
        _word = word;
        _payload = payload;
        _size = size;
    }

    /// <summary>The shape of the value (<see cref="AbiTypeKind.UInt"/> for any unsigned integer).</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>An unsigned integer.</summary>
    public static implicit operator AbiValue(UInt256 value) => new(AbiTypeKind.UInt, value);

    /// <summary>An unsigned integer.</summary>
    public static implicit operator AbiValue(ulong value) => new(AbiTypeKind.UInt, value);

    /// <summary>An address.</summary>
    public static implicit operator AbiValue(Address value) => new(AbiTypeKind.Address, value.ToUInt256());

    /// <summary>A bool.</summary>
    public static implicit operator AbiValue(bool value) => new(AbiTypeKind.Bool, value ? 1UL : 0UL);

    /// <summary>A string (encoded as UTF-8).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator AbiValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(AbiTypeKind.String, default, value);
    }

    /// <summary>A <c>bytes&lt;M&gt;</c> value with M = <paramref name="value"/>.Length (1 to 32), e.g. a bytes32 id.</summary>
    /// <exception cref="ArgumentException">The length is not from 1 to 32.</exception>
    public static AbiValue FixedBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length is < 1 or > 32)
            throw new ArgumentException($"bytes<M> holds 1 to 32 bytes; got {value.Length}.", nameof(value));
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        value.CopyTo(word);
        return new(AbiTypeKind.FixedBytes, UInt256.ReadBigEndian(word), size: (byte)value.Length);
    }

    /// <summary>A dynamic <c>bytes</c> value (copied).</summary>
    public static AbiValue Bytes(ReadOnlySpan<byte> value) => new(AbiTypeKind.Bytes, default, value.ToArray());

    /// <summary>An array of one-word values (copied); all elements must have the same shape.</summary>
    /// <exception cref="ArgumentException">An element is dynamic, or the elements differ in shape.</exception>
    public static AbiValue Array(params ReadOnlySpan<AbiValue> elements)
    {
        for (int i = 0; i < elements.Length; i++)
        {
            if (elements[i].Kind is AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array)
                throw new ArgumentException($"Array element {i} is a {elements[i].Kind}; only one-word values can be array elements.", nameof(elements));
            if (elements[i].Kind != elements[0].Kind || elements[i]._size != elements[0]._size)
                throw new ArgumentException($"Array element {i} ({elements[i]}) differs in type from element 0 ({elements[0]}).", nameof(elements));
        }
        return new(AbiTypeKind.Array, default, elements.ToArray());
    }

    /// <summary>A <c>uint256[]</c> value.</summary>
    public static AbiValue UInt256Array(ReadOnlySpan<UInt256> values)
    {
        var elements = new AbiValue[values.Length];
        for (int i = 0; i < values.Length; i++) elements[i] = values[i];
        return new(AbiTypeKind.Array, default, elements);
    }

    /// <summary>An <c>address[]</c> value.</summary>
    public static AbiValue AddressArray(ReadOnlySpan<Address> values)
    {
        var elements = new AbiValue[values.Length];
        for (int i = 0; i < values.Length; i++) elements[i] = values[i];
        return new(AbiTypeKind.Array, default, elements);
    }

    /// <summary>The unsigned integer.</summary>
    /// <exception cref="InvalidOperationException">The value is not an unsigned integer.</exception>
    public UInt256 AsUInt256() => Expect(AbiTypeKind.UInt)._word;

    /// <summary>The address.</summary>
    /// <exception cref="InvalidOperationException">The value is not an address.</exception>
    public Address AsAddress() => Address.FromUInt256(Expect(AbiTypeKind.Address)._word);

    /// <summary>The bool.</summary>
    /// <exception cref="InvalidOperationException">The value is not a bool.</exception>
    public bool AsBool() => !Expect(AbiTypeKind.Bool)._word.IsZero;

    /// <summary>The bytes of a <c>bytes</c> or <c>bytes&lt;M&gt;</c> value (M bytes for the latter).</summary>
    /// <exception cref="InvalidOperationException">The value is neither.</exception>
    public byte[] AsBytes()
    {
        if (Kind == AbiTypeKind.Bytes) return ((byte[])_payload!).ToArray();
        var word = new byte[32];
        Expect(AbiTypeKind.FixedBytes)._word.WriteBigEndian(word);
        return word[.._size];
    }

    /// <summary>The string.</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public string AsString() => (string)Expect(AbiTypeKind.String)._payload!;

    /// <summary>The elements of an array.</summary>
    /// <exception cref="InvalidOperationException">The value is not an array.</exception>
    public ReadOnlySpan<AbiValue> AsArray() => (AbiValue[])Expect(AbiTypeKind.Array)._payload!;

    private AbiValue Expect(AbiTypeKind kind) =>
        Kind == kind ? this : throw new InvalidOperationException($"The ABI value {this} has kind {Kind}; {kind} was asked for.");

    /// <summary>The head word of a one-word value.</summary>
    internal UInt256 Word => _word;

    internal byte[] BytesPayload => (byte[])_payload!;

    /// <summary>Why this value cannot be encoded as <paramref name="type"/>, or null when it can.</summary>
    internal string? MismatchWith(AbiType type)
    {
        bool shapeMatches = Kind == type.Kind && (Kind != AbiTypeKind.FixedBytes || _size == type.Size);
        if (!shapeMatches)
            return $"{DescribeKind()} {this} cannot be encoded as {type.CanonicalName}";
        if (Kind == AbiTypeKind.UInt && type.Size < 256 && !FitsBits(_word, type.Size))
            return $"{this} does not fit in {type.CanonicalName}";
        if (Kind == AbiTypeKind.Array)
        {
            ReadOnlySpan<AbiValue> elements = (AbiValue[])_payload!;
            for (int i = 0; i < elements.Length; i++)
                if (elements[i].MismatchWith(type.ElementType!) is { } inner)
                    return $"element {i}: {inner}";
        }
        return null;
    }

    internal static bool FitsBits(UInt256 value, int bits)
    {
        // Limb i (U0 least significant) must be empty above bit (bits - 64 i).
        ReadOnlySpan<ulong> limbs = [value.U0, value.U1, value.U2, value.U3];
        for (int i = 0; i < 4; i++)
        {
            int allowed = bits - 64 * i;
            if (allowed >= 64) continue;
            if (allowed <= 0 ? limbs[i] != 0 : limbs[i] >> allowed != 0) return false;
        }
        return true;
    }

    private string DescribeKind() => Kind switch
    {
        AbiTypeKind.UInt => "unsigned integer",
        AbiTypeKind.FixedBytes => "bytes" + _size,
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Readable form: decimal integers, EIP-55 addresses, <c>true</c>/<c>false</c>, 0x-hex bytes, quoted strings, [a, b] arrays.</summary>
    public override string ToString() => Kind switch
    {
        AbiTypeKind.UInt => AbiFormat.Decimal(_word),
        AbiTypeKind.Address => Address.FromUInt256(_word).ToString(),
        AbiTypeKind.Bool => _word.IsZero ? "false" : "true",
        AbiTypeKind.FixedBytes => AbiFormat.Hex(AsBytes()),
        AbiTypeKind.Bytes => AbiFormat.Hex((byte[])_payload!),
        AbiTypeKind.String => AbiFormat.Quote((string)_payload!),
        _ => "[" + string.Join(", ", ((AbiValue[])_payload!).Select(e => e.ToString())) + "]",
    };

    /// <summary>Same shape and same contents.</summary>
    public bool Equals(AbiValue other)
    {
        if (Kind != other.Kind || _size != other._size || !SameWord(_word, other._word)) return false;
        return Kind switch
        {
            AbiTypeKind.Bytes => ((byte[])_payload!).AsSpan().SequenceEqual((byte[])other._payload!),
            AbiTypeKind.String => string.Equals((string)_payload!, (string)other._payload!, StringComparison.Ordinal),
            AbiTypeKind.Array => ((AbiValue[])_payload!).AsSpan().SequenceEqual((AbiValue[])other._payload!),
            _ => true,
        };
    }

    private static bool SameWord(UInt256 a, UInt256 b) => a.U0 == b.U0 && a.U1 == b.U1 && a.U2 == b.U2 && a.U3 == b.U3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AbiValue other && Equals(other);

    /// <summary>A hash code that is the same in every process.</summary>
    public override int GetHashCode()
    {
        int payload = _payload switch
        {
            byte[] bytes => bytes.Length,
            string text => text.Length,
            AbiValue[] elements => elements.Length,
            _ => 0,
        };
        return ((int)Kind * 397) ^ _size ^ (_word.U0 ^ _word.U1 ^ _word.U2 ^ _word.U3).GetHashCode() ^ (payload * 31);
    }

    /// <summary>Same shape and same contents.</summary>
    public static bool operator ==(AbiValue left, AbiValue right) => left.Equals(right);

    /// <summary>Different shape or contents.</summary>
    public static bool operator !=(AbiValue left, AbiValue right) => !left.Equals(right);
}
