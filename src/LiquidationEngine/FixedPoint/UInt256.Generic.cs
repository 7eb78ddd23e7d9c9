using System.Buffers.Binary;
using System.Numerics;

namespace LiquidationEngine.FixedPoint;

// .NET generic math. Differences from the primitive unsigned integers, all deliberate (EVM semantics):
// +, -, *, ++, -- and unary - are checked in every context and throw EvmRevertException Panic(0x11), / and %
// by zero throw Panic(0x12) (not OverflowException/DivideByZeroException); shift counts are not masked (>= 256
// gives 0) and negative counts throw. RotateLeft/RotateRight take the count modulo 256 like the primitives.
public readonly partial struct UInt256
    : IBinaryInteger<UInt256>, IUnsignedNumber<UInt256>, IMinMaxValue<UInt256>
{
    /// <summary>2^256 - 1: every bit set.</summary>
    static UInt256 IBinaryNumber<UInt256>.AllBitsSet => MaxValue;

    static UInt256 IAdditiveIdentity<UInt256, UInt256>.AdditiveIdentity => Zero;

    static UInt256 IMultiplicativeIdentity<UInt256, UInt256>.MultiplicativeIdentity => One;

    static int INumberBase<UInt256>.Radix => 2;

    /// <summary>Rotates left by <paramref name="rotateAmount"/> modulo 256 (as the primitive integers do).</summary>
    public static UInt256 RotateLeft(UInt256 value, int rotateAmount)
    {
        int amount = rotateAmount & 255;
        return amount == 0 ? value : (value << amount) | (value >> (256 - amount));
    }

    /// <summary>Rotates right by <paramref name="rotateAmount"/> modulo 256 (as the primitive integers do).</summary>
    public static UInt256 RotateRight(UInt256 value, int rotateAmount) => RotateLeft(value, 256 - (rotateAmount & 255));

    static UInt256 INumberBase<UInt256>.Abs(UInt256 value) => value;

    static bool INumberBase<UInt256>.IsCanonical(UInt256 value) => true;

    static bool INumberBase<UInt256>.IsComplexNumber(UInt256 value) => false;

    static bool INumberBase<UInt256>.IsEvenInteger(UInt256 value) => (value.U0 & 1) == 0;

    static bool INumberBase<UInt256>.IsFinite(UInt256 value) => true;

    static bool INumberBase<UInt256>.IsImaginaryNumber(UInt256 value) => false;

    static bool INumberBase<UInt256>.IsInfinity(UInt256 value) => false;

    static bool INumberBase<UInt256>.IsInteger(UInt256 value) => true;

    static bool INumberBase<UInt256>.IsNaN(UInt256 value) => false;

    static bool INumberBase<UInt256>.IsNegative(UInt256 value) => false;

    static bool INumberBase<UInt256>.IsNegativeInfinity(UInt256 value) => false;

    static bool INumberBase<UInt256>.IsNormal(UInt256 value) => !value.IsZero;

    static bool INumberBase<UInt256>.IsOddInteger(UInt256 value) => (value.U0 & 1) != 0;

    static bool INumberBase<UInt256>.IsPositive(UInt256 value) => true;

    static bool INumberBase<UInt256>.IsPositiveInfinity(UInt256 value) => false;

    static bool INumberBase<UInt256>.IsRealNumber(UInt256 value) => true;

    static bool INumberBase<UInt256>.IsSubnormal(UInt256 value) => false;

    static bool INumberBase<UInt256>.IsZero(UInt256 value) => value.IsZero;

    static UInt256 INumberBase<UInt256>.MaxMagnitude(UInt256 x, UInt256 y) => Max(x, y);

    static UInt256 INumberBase<UInt256>.MaxMagnitudeNumber(UInt256 x, UInt256 y) => Max(x, y);

    static UInt256 INumberBase<UInt256>.MinMagnitude(UInt256 x, UInt256 y) => Min(x, y);

    static UInt256 INumberBase<UInt256>.MinMagnitudeNumber(UInt256 x, UInt256 y) => Min(x, y);

    static UInt256 INumber<UInt256>.MaxNumber(UInt256 x, UInt256 y) => Max(x, y);

    static UInt256 INumber<UInt256>.MinNumber(UInt256 x, UInt256 y) => Min(x, y);

    static int INumber<UInt256>.Sign(UInt256 value) => value.IsZero ? 0 : 1;

    int IBinaryInteger<UInt256>.GetByteCount() => 32;

    int IBinaryInteger<UInt256>.GetShortestBitLength() => BitLength;

    bool IBinaryInteger<UInt256>.TryWriteBigEndian(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < 32)
        {
            bytesWritten = 0;
            return false;
        }
        bytesWritten = WriteBigEndian(destination);
        return true;
    }

    bool IBinaryInteger<UInt256>.TryWriteLittleEndian(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < 32) return false;
        BinaryPrimitives.WriteUInt64LittleEndian(destination, U0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], U1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], U2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], U3);
        bytesWritten = 32;
        return true;
    }

    // Any length; excess high-order bytes must be 0; a signed source with its sign bit set is negative and does not fit.
    static bool IBinaryInteger<UInt256>.TryReadBigEndian(ReadOnlySpan<byte> source, bool isUnsigned, out UInt256 value)
    {
        value = default;
        if (!isUnsigned && !source.IsEmpty && (sbyte)source[0] < 0) return false;
        while (source.Length > 32)
        {
            if (source[0] != 0) return false;
            source = source[1..];
        }
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        source.CopyTo(word[(32 - source.Length)..]);
        value = ReadBigEndian(word);
        return true;
    }

    static bool IBinaryInteger<UInt256>.TryReadLittleEndian(ReadOnlySpan<byte> source, bool isUnsigned, out UInt256 value)
    {
        value = default;
        if (!isUnsigned && !source.IsEmpty && (sbyte)source[^1] < 0) return false;
        while (source.Length > 32)
        {
            if (source[^1] != 0) return false;
            source = source[..^1];
        }
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        source.CopyTo(word);
        word.Reverse();
        value = ReadBigEndian(word);
        return true;
    }
}
