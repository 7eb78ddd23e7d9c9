using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using LiquidationEngine.Abi;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Evm;

/// <summary>
/// A 20-byte EVM account address, the twin of Solidity's <c>address</c> (an unsigned 160-bit value).
/// </summary>
/// <remarks>
/// <para>Text form: <c>0x</c> followed by 40 hex digits. <see cref="ToString"/> writes the EIP-55
/// mixed-case checksum form. <see cref="Parse"/> accepts all-lower-case and all-upper-case digits
/// as they are and verifies the EIP-55 checksum of mixed-case input.</para>
/// <para>Ordering is byte-wise (big-endian), which equals Solidity's numeric comparison of
/// <c>uint160(address)</c>; hash codes are deterministic across processes.</para>
/// </remarks>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Length = 20;

    private const int HexDigits = 2 * Length;

    // Big-endian pieces: bytes 0..3, 4..11 and 12..19, i.e. the limbs of uint160(address).
    private readonly uint _top;
    private readonly ulong _middle;
    private readonly ulong _bottom;

    private Address(uint top, ulong middle, ulong bottom)
    {
        _top = top;
        _middle = middle;
        _bottom = bottom;
    }

    /// <summary>Creates an address from its 20 bytes, most significant first.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not exactly 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"An address is 20 bytes; got {bytes.Length}.", nameof(bytes));
        _top = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        _middle = BinaryPrimitives.ReadUInt64BigEndian(bytes[4..]);
        _bottom = BinaryPrimitives.ReadUInt64BigEndian(bytes[12..]);
    }

    /// <summary>The zero address, <c>address(0)</c>.</summary>
    public static Address Zero => default;

    /// <summary>True for <c>address(0)</c>.</summary>
    public bool IsZero => (_top | _middle | _bottom) == 0;

    /// <summary>Writes the 20 bytes, most significant first, into the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 20 bytes.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
            throw new ArgumentException($"An address needs 20 bytes; the destination has {destination.Length}.", nameof(destination));
        BinaryPrimitives.WriteUInt32BigEndian(destination, _top);
        BinaryPrimitives.WriteUInt64BigEndian(destination[4..], _middle);
        BinaryPrimitives.WriteUInt64BigEndian(destination[12..], _bottom);
    }

    /// <summary>Returns <c>uint256(uint160(address))</c>, which is also the address's ABI word and its event topic.</summary>
    public UInt256 ToUInt256() => new(0, _top, _middle, _bottom);

    /// <summary>Returns <c>address(uint160(value))</c> for a value that fits 160 bits.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> has any of its upper 96 bits set
    /// (Solidity's ABI decoder rejects such a word as an address).</exception>
    public static Address FromUInt256(UInt256 value)
    {
        if (value.U3 != 0 || value.U2 > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), "An address is 160 bits; the value has some of its upper 96 bits set.");
        return new Address((uint)value.U2, value.U1, value.U0);
    }

    /// <summary>
    /// Parses <c>0x</c> followed by 40 hex digits. All-lower-case or all-upper-case digits are taken
    /// as they are; mixed case must carry a valid EIP-55 checksum.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an address or its mixed-case checksum is wrong; the message names the input.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParseCore(text, out Address address, out string? error))
            throw new FormatException(error);
        return address;
    }

    /// <summary>Like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Address address)
    {
        if (text is null)
        {
            address = default;
            return false;
        }
        return TryParseCore(text, out address, out _);
    }

    private static bool TryParseCore(string text, out Address address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (text.Length != 2 + HexDigits || !text.StartsWith("0x", StringComparison.Ordinal))
        {
            error = $"Address \"{text}\" is not \"0x\" followed by 40 hex digits (it has {text.Length} characters).";
            return false;
        }
        ReadOnlySpan<char> digits = text.AsSpan(2);
        Span<byte> bytes = stackalloc byte[Length];
        bool hasLower = false, hasUpper = false;
        for (int i = 0; i < HexDigits; i++)
        {
            char c = digits[i];
            int nibble = HexValue(c);
            if (nibble < 0)
            {
                error = $"Address \"{text}\" has a non-hex character '{c}' at position {i + 2}.";
                return false;
            }
            hasLower |= c is >= 'a' and <= 'f';
            hasUpper |= c is >= 'A' and <= 'F';
            bytes[i / 2] = (byte)((bytes[i / 2] << 4) | nibble);
        }
        address = new Address(bytes);
        if (hasLower && hasUpper)
        {
            Span<char> expected = stackalloc char[HexDigits];
            address.WriteChecksummedDigits(expected);
            if (!digits.SequenceEqual(expected))
            {
                // The expected form is deliberately not shown: copying it would defeat the checksum's typo protection.
                error = $"Address \"{text}\" has mixed case but an invalid EIP-55 checksum; check it for typos (all-lower-case input skips the check).";
                address = default;
                return false;
            }
        }
        error = null;
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Writes the 40 EIP-55 digits: a letter is upper-case when the matching nibble of keccak256(lower-case hex) is 8 or more.</summary>
    private void WriteChecksummedDigits(Span<char> destination)
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Span<byte> lowerHex = stackalloc byte[HexDigits];
        for (int i = 0; i < HexDigits; i++)
        {
            int nibble = (i & 1) == 0 ? bytes[i / 2] >> 4 : bytes[i / 2] & 0xF;
            lowerHex[i] = (byte)"0123456789abcdef"[nibble];
        }
        Span<byte> hash = stackalloc byte[Keccak256.HashSizeInBytes];
        Keccak256.Hash(lowerHex, hash);
        for (int i = 0; i < HexDigits; i++)
        {
            int hashNibble = (i & 1) == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0xF;
            char c = (char)lowerHex[i];
            destination[i] = c >= 'a' && hashNibble >= 8 ? (char)(c - ('a' - 'A')) : c;
        }
    }

    /// <summary>The EIP-55 checksummed form, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    public override string ToString() =>
        string.Create(2 + HexDigits, this, static (chars, address) =>
        {
            chars[0] = '0';
            chars[1] = 'x';
            address.WriteChecksummedDigits(chars[2..]);
        });

    /// <inheritdoc/>
    public bool Equals(Address other) => _top == other._top && _middle == other._middle && _bottom == other._bottom;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <summary>A hash code that is the same in every process (no per-process seed).</summary>
    public override int GetHashCode() => (_bottom ^ _middle ^ _top).GetHashCode();

    /// <summary>Byte-wise (numeric) order, as Solidity compares <c>uint160(address)</c>.</summary>
    public int CompareTo(Address other)
    {
        int c = _top.CompareTo(other._top);
        if (c != 0) return c;
        c = _middle.CompareTo(other._middle);
        return c != 0 ? c : _bottom.CompareTo(other._bottom);
    }

    /// <summary>True when both addresses have the same 20 bytes.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>True when the addresses differ in any byte.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
