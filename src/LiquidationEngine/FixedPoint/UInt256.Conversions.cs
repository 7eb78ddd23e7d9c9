using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

// Conversions to and from the BCL integer types. Widening is implicit; narrowing is explicit and
// throws OverflowException when the value does not fit (as BigInteger's explicit conversions do).
public readonly partial struct UInt256
{
    /// <summary>Widens an 8-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(byte value) => new(0, 0, 0, value);

    /// <summary>Widens a 16-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(ushort value) => new(0, 0, 0, value);

    /// <summary>Widens a 32-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(uint value) => new(0, 0, 0, value);

    /// <summary>Widens a 128-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(UInt128 value) => new(0, 0, (ulong)(value >> 64), (ulong)value);

    /// <summary>Converts a <see cref="BigInteger"/> in [0, 2^256).</summary>
    /// <exception cref="OverflowException">The value is negative or 2^256 or more; the message names it.</exception>
    public static explicit operator UInt256(BigInteger value) =>
        TryFromBigInteger(value, out UInt256 result)
            ? result
            : throw new OverflowException($"{value} is outside the uint256 range [0, 2^256 - 1].");

    /// <summary>Narrows to 64 bits.</summary>
    /// <exception cref="OverflowException">The value is 2^64 or more; the message names it.</exception>
    public static explicit operator ulong(UInt256 value) =>
        (value.U3 | value.U2 | value.U1) == 0 ? value.U0 : throw NarrowingOverflow(value, "ulong");

    /// <summary>Narrows to 128 bits.</summary>
    /// <exception cref="OverflowException">The value is 2^128 or more; the message names it.</exception>
    public static explicit operator UInt128(UInt256 value) =>
        (value.U3 | value.U2) == 0 ? new UInt128(value.U1, value.U0) : throw NarrowingOverflow(value, "UInt128");

    /// <summary>Converts to <see cref="BigInteger"/> (always exact; allocates). Same as <see cref="ToBigInteger"/>.</summary>
    public static explicit operator BigInteger(UInt256 value) => value.ToBigInteger();

    /// <summary>The equal non-negative <see cref="BigInteger"/> (allocates).</summary>
    public BigInteger ToBigInteger()
    {
        if ((U3 | U2 | U1) == 0) return U0;
        Span<byte> bytes = stackalloc byte[32];
        WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Converts a <see cref="BigInteger"/>; false when it is negative or 2^256 or more.</summary>
    public static bool TryFromBigInteger(BigInteger value, out UInt256 result)
    {
        result = default;
        if (value.Sign < 0 || value.GetByteCount(isUnsigned: true) > 32) return false;
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        value.TryWriteBytes(bytes, out int written, isUnsigned: true, isBigEndian: false);
        result = new UInt256(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static OverflowException NarrowingOverflow(UInt256 value, string target) =>
        new($"{value} does not fit a {target}.");
}
