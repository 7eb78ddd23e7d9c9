using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// A 256-bit unsigned integer with Solidity (&gt;= 0.8) checked semantics: the twin of <c>uint256</c>.
/// </summary>
/// <remarks>
/// <para>Arithmetic operators are always checked, whatever the C# <c>checked</c>/<c>unchecked</c>
/// context, exactly like Solidity &gt;= 0.8: overflow or underflow throws
/// <see cref="Evm.EvmRevertException"/> with <c>Panic(0x11)</c>, division or modulo by zero with
/// <c>Panic(0x12)</c>. Wrapping (modulo 2^256) arithmetic, as in an <c>unchecked</c> block or in
/// Yul, is available through the explicit <c>Wrapping*</c> methods.</para>
/// <para>Four 64-bit limbs, least significant first; no arithmetic path allocates.</para>
/// </remarks>
public readonly partial struct UInt256
{
    // Least significant limb first.
    internal readonly ulong U0;
    internal readonly ulong U1;
    internal readonly ulong U2;
    internal readonly ulong U3;

    /// <summary>Creates a value from its four 64-bit limbs, most significant first (as <see cref="UInt128"/>'s constructor takes upper then lower).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UInt256(ulong u3, ulong u2, ulong u1, ulong u0)
    {
        U0 = u0;
        U1 = u1;
        U2 = u2;
        U3 = u3;
    }

    /// <summary>0.</summary>
    public static UInt256 Zero => default;

    /// <summary>1.</summary>
    public static UInt256 One => new(0, 0, 0, 1);

    /// <summary>2^256 - 1, <c>type(uint256).max</c>.</summary>
    public static UInt256 MaxValue => new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    /// <summary>0, <c>type(uint256).min</c>.</summary>
    public static UInt256 MinValue => default;

    /// <summary>True when the value is 0.</summary>
    public bool IsZero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (U0 | U1 | U2 | U3) == 0;
    }

    /// <summary>Reads a 32-byte big-endian word (the ABI encoding of a uint256).</summary>
    /// <exception cref="ArgumentException">The span is not exactly 32 bytes long.</exception>
    public static UInt256 ReadBigEndian(ReadOnlySpan<byte> word)
    {
        if (word.Length != 32)
            throw new ArgumentException($"A uint256 word is 32 bytes; got {word.Length}.", nameof(word));
        return new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(word),
            BinaryPrimitives.ReadUInt64BigEndian(word[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(word[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(word[24..]));
    }

    /// <summary>Writes the value as a 32-byte big-endian word (the ABI encoding of a uint256); returns 32, the bytes written.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public int WriteBigEndian(Span<byte> destination)
    {
        if (destination.Length < 32)
            throw new ArgumentException($"A uint256 word needs 32 bytes; got {destination.Length}.", nameof(destination));
        BinaryPrimitives.WriteUInt64BigEndian(destination, U3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], U2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], U1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], U0);
        return 32;
    }

    /// <summary>Widens a 64-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(ulong value) => new(0, 0, 0, value);
}
