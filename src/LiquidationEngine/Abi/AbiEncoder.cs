using System.Buffers.Binary;
using LiquidationEngine.Evm;
using Word = LiquidationEngine.FixedPoint.UInt256;

namespace LiquidationEngine.Abi;

/// <summary>
/// Builds <c>abi.encode(a1, ..., an)</c>: append the arguments in order, then read the bytes with
/// <see cref="ToArray"/> or <see cref="WriteTo"/>.
/// </summary>
/// <remarks>
/// <para>Follows the Solidity ABI specification's head/tail layout: each argument takes one 32-byte
/// head word; <c>bytes</c>, <c>string</c> and arrays put their offset (from the start of the
/// encoding) in the head and their length-prefixed, zero-padded data in the tail, in argument order.
/// The output is the canonical encoding that Solidity's <c>abi.encode</c> produces.</para>
/// <para>The encoder grows two internal buffers and otherwise allocates nothing until
/// <see cref="ToArray"/>; <see cref="Clear"/> makes it reusable. Not thread-safe.</para>
/// </remarks>
public sealed class AbiEncoder
{
    private const int WordSize = 32;

    private byte[] _head;
    private byte[] _tail;
    private int _headLength;
    private int _tailLength;
    private int[] _dynamicSlots = new int[4]; // head positions that hold tail-relative offsets until written out
    private int _dynamicCount;

    /// <summary>Creates an empty encoder.</summary>
    public AbiEncoder()
    {
        _head = new byte[8 * WordSize];
        _tail = new byte[8 * WordSize];
    }

    /// <summary>Number of arguments appended.</summary>
    public int Count => _headLength / WordSize;

    /// <summary>Length of the encoding in bytes (always a multiple of 32).</summary>
    public int Length => _headLength + _tailLength;

    /// <summary>Appends a <c>uint256</c>.</summary>
    public AbiEncoder UInt256(Word value)
    {
        value.WriteBigEndian(NextHeadWord());
        return this;
    }

    /// <summary>Appends a <c>uint&lt;bits&gt;</c> (same encoding as uint256, after checking the value fits).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not a multiple of 8 from 8 to 256, or the value does not fit.</exception>
    public AbiEncoder UInt(Word value, int bits)
    {
        AbiType type = AbiType.UInt(bits);
        if (!AbiValue.FitsBits(value, bits))
            throw new ArgumentOutOfRangeException(nameof(value), $"Argument {Count}: {AbiFormat.Decimal(value)} does not fit in {type.CanonicalName}.");
        return UInt256(value);
    }

    /// <summary>Appends an <c>address</c>.</summary>
    public AbiEncoder Address(Address value)
    {
        value.ToUInt256().WriteBigEndian(NextHeadWord());
        return this;
    }

    /// <summary>Appends a <c>bool</c>.</summary>
    public AbiEncoder Bool(bool value)
    {
        NextHeadWord()[WordSize - 1] = value ? (byte)1 : (byte)0;
        return this;
    }

    /// <summary>Appends a <c>bytes32</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not exactly 32 bytes.</exception>
    public AbiEncoder Bytes32(ReadOnlySpan<byte> value)
    {
        if (value.Length != WordSize)
            throw new ArgumentException($"Argument {Count}: bytes32 needs exactly 32 bytes; got {value.Length}.", nameof(value));
        return FixedBytes(value);
    }

    /// <summary>Appends a <c>bytes&lt;M&gt;</c> with M = <paramref name="value"/>.Length, left-aligned and zero-padded on the right.</summary>
    /// <exception cref="ArgumentException">The length is not from 1 to 32.</exception>
    public AbiEncoder FixedBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length is < 1 or > WordSize)
            throw new ArgumentException($"Argument {Count}: bytes<M> holds 1 to 32 bytes; got {value.Length}.", nameof(value));
        value.CopyTo(NextHeadWord());
        return this;
    }

    /// <summary>Appends a dynamic <c>bytes</c>.</summary>
    public AbiEncoder Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(BeginTail(value.Length, value.Length));
        return this;
    }

    /// <summary>Appends a <c>string</c>, encoded as UTF-8.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> has an unpaired surrogate, so it has no UTF-8 form.</exception>
    public AbiEncoder String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int byteCount;
        try
        {
            byteCount = AbiFormat.StrictUtf8.GetByteCount(value);
        }
        catch (System.Text.EncoderFallbackException ex)
        {
            throw new ArgumentException($"Argument {Count}: the string has an unpaired surrogate at index {ex.Index} and cannot be encoded as UTF-8.", nameof(value), ex);
        }
        AbiFormat.StrictUtf8.GetBytes(value, BeginTail(byteCount, byteCount));
        return this;
    }

    /// <summary>Appends a <c>uint256[]</c>.</summary>
    public AbiEncoder UInt256Array(ReadOnlySpan<Word> values)
    {
        Span<byte> data = BeginTail(values.Length, checked(values.Length * WordSize));
        for (int i = 0; i < values.Length; i++)
            values[i].WriteBigEndian(data.Slice(i * WordSize, WordSize));
        return this;
    }

    /// <summary>Appends an <c>address[]</c>.</summary>
    public AbiEncoder AddressArray(ReadOnlySpan<Address> values)
    {
        Span<byte> data = BeginTail(values.Length, checked(values.Length * WordSize));
        for (int i = 0; i < values.Length; i++)
            values[i].ToUInt256().WriteBigEndian(data.Slice(i * WordSize, WordSize));
        return this;
    }

    /// <summary>Appends <paramref name="value"/> encoded as <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">The value does not have the type's shape or does not fit it; the message names the argument.</exception>
    public AbiEncoder Value(AbiType type, AbiValue value)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (value.MismatchWith(type) is { } mismatch)
            throw new ArgumentException($"Argument {Count} ({type.CanonicalName}): {mismatch}.", nameof(value));
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                return Bytes(value.BytesPayload);
            case AbiTypeKind.String:
                return String(value.AsString());
            case AbiTypeKind.Array:
                ReadOnlySpan<AbiValue> elements = value.AsArray();
                Span<byte> data = BeginTail(elements.Length, checked(elements.Length * WordSize));
                for (int i = 0; i < elements.Length; i++)
                    elements[i].Word.WriteBigEndian(data.Slice(i * WordSize, WordSize));
                return this;
            default:
                // One-word types: the value already holds its exact head word.
                value.Word.WriteBigEndian(NextHeadWord());
                return this;
        }
    }

    /// <summary>Writes the encoding into the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Length"/>.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
            throw new ArgumentException($"The encoding is {Length} bytes; the destination has {destination.Length}.", nameof(destination));
        _head.AsSpan(0, _headLength).CopyTo(destination);
        _tail.AsSpan(0, _tailLength).CopyTo(destination[_headLength..]);
        // Offsets were recorded relative to the tail; the tail starts right after the head.
        for (int i = 0; i < _dynamicCount; i++)
        {
            Span<byte> slot = destination.Slice(_dynamicSlots[i], WordSize);
            BinaryPrimitives.WriteUInt64BigEndian(slot[24..], BinaryPrimitives.ReadUInt64BigEndian(slot[24..]) + (ulong)_headLength);
        }
    }

    /// <summary>Returns the encoding as a new array.</summary>
    public byte[] ToArray()
    {
        var result = new byte[Length];
        WriteTo(result);
        return result;
    }

    /// <summary>Removes all arguments, keeping the buffers for reuse.</summary>
    public void Clear()
    {
        _headLength = 0;
        _tailLength = 0;
        _dynamicCount = 0;
    }

    private Span<byte> NextHeadWord()
    {
        Grow(ref _head, _headLength + WordSize);
        Span<byte> word = _head.AsSpan(_headLength, WordSize);
        word.Clear();
        _headLength += WordSize;
        return word;
    }

    /// <summary>Writes the head offset and the tail's length word, zero-pads, and returns the span for <paramref name="dataLength"/> data bytes.</summary>
    private Span<byte> BeginTail(int lengthWord, int dataLength)
    {
        int padded = checked((dataLength + WordSize - 1) / WordSize * WordSize);
        int start = _tailLength;
        Grow(ref _tail, checked(start + WordSize + padded));

        Span<byte> head = NextHeadWord();
        BinaryPrimitives.WriteUInt64BigEndian(head[24..], (ulong)start);
        Grow(ref _dynamicSlots, _dynamicCount + 1);
        _dynamicSlots[_dynamicCount++] = _headLength - WordSize;

        Span<byte> tail = _tail.AsSpan(start, WordSize + padded);
        tail.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(tail[24..WordSize], (ulong)lengthWord);
        _tailLength = start + WordSize + padded;
        return tail.Slice(WordSize, dataLength);
    }

    private static void Grow<T>(ref T[] buffer, int needed)
    {
        if (needed > buffer.Length)
            System.Array.Resize(ref buffer, Math.Max(needed, 2 * buffer.Length));
    }
}
