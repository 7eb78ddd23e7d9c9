using System.Text;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Abi;

/// <summary>
/// Reads <c>abi.decode(data, (T1, ..., Tn))</c>: call one Read method per argument, in order.
/// </summary>
/// <remarks>
/// As strict as Solidity's ABI decoder (v2): a <c>uint&lt;M&gt;</c> word with bits above M, an
/// address word with any of its upper 96 bits set, a bool other than 0 or 1, or a
/// <c>bytes&lt;M&gt;</c> with non-zero padding is rejected, and every offset and length must lie
/// inside the data. Offsets are taken from the start of <c>data</c> (for revert data or calldata,
/// pass the bytes after the 4-byte selector). Trailing bytes are allowed, as in Solidity.
/// Malformed data throws <see cref="FormatException"/> naming the argument and the problem.
/// </remarks>
public ref struct AbiDecoder
{
    private const int WordSize = 32;
    private readonly ReadOnlySpan<byte> _data;
    private int _argument;

    /// <summary>Starts decoding <paramref name="data"/> at its first argument.</summary>
    public AbiDecoder(ReadOnlySpan<byte> data)
    {
        _data = data;
        _argument = 0;
    }

    /// <summary>Number of arguments read so far.</summary>
    public readonly int ArgumentsRead => _argument;

    /// <summary>Reads a <c>uint256</c>.</summary>
    public UInt256 ReadUInt256() => ReadUInt(256);

    /// <summary>Reads a <c>uint&lt;bits&gt;</c>, rejecting a word with bits above <paramref name="bits"/>.</summary>
    public UInt256 ReadUInt(int bits)
    {
        AbiType type = AbiType.UInt(bits);
        UInt256 value = UIntAt(NextHead(type), type, -1);
        _argument++;
        return value;
    }

    /// <summary>Reads an <c>address</c>.</summary>
    public Address ReadAddress()
    {
        Address value = AddressAt(NextHead(AbiType.Address), -1);
        _argument++;
        return value;
    }

    /// <summary>Reads a <c>bool</c>.</summary>
    public bool ReadBool()
    {
        bool value = BoolAt(NextHead(AbiType.Bool), -1);
        _argument++;
        return value;
    }

    /// <summary>Reads a <c>bytes32</c>.</summary>
    public byte[] ReadBytes32() => ReadFixedBytes(32);

    /// <summary>Reads a <c>bytes&lt;size&gt;</c>, returning its <paramref name="size"/> bytes.</summary>
    public byte[] ReadFixedBytes(int size)
    {
        AbiType type = AbiType.FixedBytes(size);
        byte[] value = FixedBytesAt(NextHead(type), type, -1);
        _argument++;
        return value;
    }

    /// <summary>Reads a dynamic <c>bytes</c>.</summary>
    public byte[] ReadBytes()
    {
        byte[] value = _data.Slice(Tail(AbiType.Bytes, 1, out int length), length).ToArray();
        _argument++;
        return value;
    }

    /// <summary>Reads a <c>string</c>, rejecting bytes that are not valid UTF-8.</summary>
    public string ReadString()
    {
        ReadOnlySpan<byte> utf8 = _data.Slice(Tail(AbiType.String, 1, out int length), length);
        string value;
        try
        {
            value = AbiFormat.StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw Malformed(AbiType.String, -1, "the bytes are not valid UTF-8", ex);
        }
        _argument++;
        return value;
    }

    /// <summary>Reads a <c>uint256[]</c>.</summary>
    public UInt256[] ReadUInt256Array()
    {
        AbiType type = AbiType.ArrayOf(AbiType.UInt256);
        int start = Tail(type, WordSize, out int count);
        var values = new UInt256[count];
        for (int i = 0; i < count; i++) values[i] = UIntAt(start + i * WordSize, AbiType.UInt256, i);
        _argument++;
        return values;
    }

    /// <summary>Reads an <c>address[]</c>.</summary>
    public Address[] ReadAddressArray()
    {
        AbiType type = AbiType.ArrayOf(AbiType.Address);
        int start = Tail(type, WordSize, out int count);
        var values = new Address[count];
        for (int i = 0; i < count; i++) values[i] = AddressAt(start + i * WordSize, i);
        _argument++;
        return values;
    }

    /// <summary>Reads an argument of any supported <paramref name="type"/>.</summary>
    public AbiValue Read(AbiType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes: return AbiValue.Bytes(ReadBytes());
            case AbiTypeKind.String: return ReadString();
            case AbiTypeKind.Array:
                int start = Tail(type, WordSize, out int count);
                var elements = new AbiValue[count];
                for (int i = 0; i < count; i++) elements[i] = StaticAt(start + i * WordSize, type.ElementType!, i);
                _argument++;
                return AbiValue.Array(elements);
            default:
                AbiValue value = StaticAt(NextHead(type), type, -1);
                _argument++;
                return value;
        }
    }

    private readonly AbiValue StaticAt(int position, AbiType type, int element) => type.Kind switch
    {
        AbiTypeKind.UInt => UIntAt(position, type, element),
        AbiTypeKind.Address => AddressAt(position, element),
        AbiTypeKind.Bool => BoolAt(position, element),
        _ => AbiValue.FixedBytes(FixedBytesAt(position, type, element)),
    };

    private readonly UInt256 WordAt(int position) => UInt256.ReadBigEndian(_data.Slice(position, WordSize));

    private readonly UInt256 UIntAt(int position, AbiType type, int element)
    {
        UInt256 value = WordAt(position);
        if (!AbiValue.FitsBits(value, type.Size))
            throw Malformed(type, element, $"word {AbiFormat.WordHex(value)} has bits set above bit {type.Size - 1}");
        return value;
    }

    private readonly Address AddressAt(int position, int element)
    {
        UInt256 word = WordAt(position);
        if (!AbiValue.FitsBits(word, 160))
            throw Malformed(AbiType.Address, element, $"word {AbiFormat.WordHex(word)} has some of its upper 96 bits set");
        return Address.FromUInt256(word);
    }

    private readonly bool BoolAt(int position, int element)
    {
        UInt256 word = WordAt(position);
        if (!AbiValue.FitsBits(word, 1))
            throw Malformed(AbiType.Bool, element, $"word {AbiFormat.WordHex(word)} is neither 0 nor 1");
        return !word.IsZero;
    }

    private readonly byte[] FixedBytesAt(int position, AbiType type, int element)
    {
        ReadOnlySpan<byte> word = _data.Slice(position, WordSize);
        if (word[type.Size..].ContainsAnyExcept((byte)0))
            throw Malformed(type, element, $"word {AbiFormat.Hex(word)} has non-zero bytes after its first {type.Size}");
        return word[..type.Size].ToArray();
    }

    /// <summary>Position of the next head word, checked to lie inside the data.</summary>
    private readonly int NextHead(AbiType type)
    {
        long position = (long)_argument * WordSize;
        if (position + WordSize > _data.Length)
            throw Malformed(type, -1, $"its head word at byte {position} lies past the end of the data");
        return (int)position;
    }

    /// <summary>
    /// Follows a dynamic argument's offset; returns where its data starts and its length word
    /// (elements or bytes), checked so that length × <paramref name="elementSize"/> bytes fit.
    /// </summary>
    private readonly int Tail(AbiType type, int elementSize, out int length)
    {
        UInt256 offsetWord = WordAt(NextHead(type));
        if (!AbiValue.FitsBits(offsetWord, 31) || (long)offsetWord.U0 + WordSize > _data.Length)
            throw Malformed(type, -1, $"offset {AbiFormat.Decimal(offsetWord)} points past the end of the data");
        int offset = (int)offsetWord.U0;
        UInt256 lengthWord = WordAt(offset);
        long available = _data.Length - (offset + WordSize);
        if (!AbiValue.FitsBits(lengthWord, 31) || (long)lengthWord.U0 * elementSize > available)
            throw Malformed(type, -1, $"length {AbiFormat.Decimal(lengthWord)} at byte {offset} needs more than the {available} bytes after it");
        length = (int)lengthWord.U0;
        return offset + WordSize;
    }

    private readonly FormatException Malformed(AbiType type, int element, string problem, Exception? inner = null)
    {
        // Element problems are reported against the array (T[]) and the element index.
        string where = element < 0 ? $"({type.CanonicalName})" : $"({type.CanonicalName}[]), element {element}";
        return new FormatException($"Malformed ABI data ({_data.Length} bytes): argument {_argument} {where}: {problem}.", inner);
    }
}
