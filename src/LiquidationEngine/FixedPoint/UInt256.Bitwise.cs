using System.Numerics;
using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

// Bitwise operators, EVM shifts and bit counting.
public readonly partial struct UInt256
{
    /// <summary>Bitwise AND (EVM <c>and</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator &(UInt256 left, UInt256 right) =>
        new(left.U3 & right.U3, left.U2 & right.U2, left.U1 & right.U1, left.U0 & right.U0);

    /// <summary>Bitwise OR (EVM <c>or</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator |(UInt256 left, UInt256 right) =>
        new(left.U3 | right.U3, left.U2 | right.U2, left.U1 | right.U1, left.U0 | right.U0);

    /// <summary>Bitwise XOR (EVM <c>xor</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator ^(UInt256 left, UInt256 right) =>
        new(left.U3 ^ right.U3, left.U2 ^ right.U2, left.U1 ^ right.U1, left.U0 ^ right.U0);

    /// <summary>Bitwise NOT (EVM <c>not</c>): <c>2^256 - 1 - value</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator ~(UInt256 value) => new(~value.U3, ~value.U2, ~value.U1, ~value.U0);

    /// <summary>
    /// Left shift with EVM <c>shl</c> semantics: bits shifted past bit 255 are dropped and a count of 256 or more
    /// gives 0. Unlike C#'s primitive shifts, the count is NOT masked to its low 8 bits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shiftAmount"/> is negative (EVM shift counts are unsigned).</exception>
    public static UInt256 operator <<(UInt256 value, int shiftAmount) =>
        (uint)shiftAmount < 256 ? ShiftLeftCore(value, shiftAmount) : ShiftOutOfRange(shiftAmount);

    /// <summary>
    /// Logical right shift with EVM <c>shr</c> semantics: a count of 256 or more gives 0 (the count is not masked).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shiftAmount"/> is negative (EVM shift counts are unsigned).</exception>
    public static UInt256 operator >>(UInt256 value, int shiftAmount) =>
        (uint)shiftAmount < 256 ? ShiftRightCore(value, shiftAmount) : ShiftOutOfRange(shiftAmount);

    /// <summary><paramref name="value"/> &lt;&lt; <paramref name="shift"/> for a shift in [0, 256].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static UInt256 ShiftLeftCore(in UInt256 value, int shift)
    {
        int bits = shift & 63;
        // (x >> 1) >> (63 - bits) is x >> (64 - bits) without C#'s masking of the count: 0, not x, when bits == 0.
        ulong s0 = value.U0 << bits;
        ulong s1 = (value.U1 << bits) | (value.U0 >> 1 >> (63 - bits));
        ulong s2 = (value.U2 << bits) | (value.U1 >> 1 >> (63 - bits));
        ulong s3 = (value.U3 << bits) | (value.U2 >> 1 >> (63 - bits));
        return (shift >> 6) switch
        {
            0 => new UInt256(s3, s2, s1, s0),
            1 => new UInt256(s2, s1, s0, 0),
            2 => new UInt256(s1, s0, 0, 0),
            3 => new UInt256(s0, 0, 0, 0),
            _ => default,
        };
    }

    /// <summary><paramref name="value"/> &gt;&gt; <paramref name="shift"/> for a shift in [0, 256].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static UInt256 ShiftRightCore(in UInt256 value, int shift)
    {
        int bits = shift & 63;
        // (x << 1) << (63 - bits) is x << (64 - bits) without C#'s masking of the count: 0, not x, when bits == 0.
        ulong s0 = (value.U0 >> bits) | (value.U1 << 1 << (63 - bits));
        ulong s1 = (value.U1 >> bits) | (value.U2 << 1 << (63 - bits));
        ulong s2 = (value.U2 >> bits) | (value.U3 << 1 << (63 - bits));
        ulong s3 = value.U3 >> bits;
        return (shift >> 6) switch
        {
            0 => new UInt256(s3, s2, s1, s0),
            1 => new UInt256(0, s3, s2, s1),
            2 => new UInt256(0, 0, s3, s2),
            3 => new UInt256(0, 0, 0, s3),
            _ => default,
        };
    }

    /// <summary>Same as <c>&gt;&gt;</c>: the type is unsigned, so the logical and arithmetic right shifts coincide.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shiftAmount"/> is negative.</exception>
    public static UInt256 operator >>>(UInt256 value, int shiftAmount) => value >> shiftAmount;

    /// <summary>Number of leading zero bits (256 for zero).</summary>
    public static UInt256 LeadingZeroCount(UInt256 value) => (ulong)value.LeadingZeroBits;

    /// <summary>Number of trailing zero bits (256 for zero).</summary>
    public static UInt256 TrailingZeroCount(UInt256 value) => (ulong)value.TrailingZeroBits;

    /// <summary>Number of set bits.</summary>
    public static UInt256 PopCount(UInt256 value) =>
        (ulong)(BitOperations.PopCount(value.U0) + BitOperations.PopCount(value.U1)
            + BitOperations.PopCount(value.U2) + BitOperations.PopCount(value.U3));

    /// <summary>floor(log2(value)), the index of the highest set bit; 0 for 0 (as the BCL integer types).</summary>
    public static UInt256 Log2(UInt256 value) => value.IsZero ? Zero : (ulong)(255 - value.LeadingZeroBits);

    /// <summary>True when exactly one bit is set.</summary>
    public static bool IsPow2(UInt256 value) => !value.IsZero && (value & WrappingSub(value, One)).IsZero;

    /// <summary>Minimum number of bits needed to represent the value (0 for 0, 256 for values &gt;= 2^255).</summary>
    public int BitLength => 256 - LeadingZeroBits;

    internal int LeadingZeroBits
    {
        get
        {
            if (U3 != 0) return BitOperations.LeadingZeroCount(U3);
            if (U2 != 0) return 64 + BitOperations.LeadingZeroCount(U2);
            if (U1 != 0) return 128 + BitOperations.LeadingZeroCount(U1);
            return 192 + BitOperations.LeadingZeroCount(U0);
        }
    }

    internal int TrailingZeroBits
    {
        get
        {
            if (U0 != 0) return BitOperations.TrailingZeroCount(U0);
            if (U1 != 0) return 64 + BitOperations.TrailingZeroCount(U1);
            if (U2 != 0) return 128 + BitOperations.TrailingZeroCount(U2);
            return 192 + BitOperations.TrailingZeroCount(U3);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UInt256 ShiftOutOfRange(int shiftAmount) => shiftAmount < 0
        ? throw new ArgumentOutOfRangeException(nameof(shiftAmount), shiftAmount, "A uint256 shift count cannot be negative.")
        : Zero;
}
