using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

// Equality and ordering.
public readonly partial struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>, IComparable
{
    /// <summary>True when both values are equal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(UInt256 left, UInt256 right) =>
        ((left.U0 ^ right.U0) | (left.U1 ^ right.U1) | (left.U2 ^ right.U2) | (left.U3 ^ right.U3)) == 0;

    /// <summary>True when the values differ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(UInt256 left, UInt256 right) => !(left == right);

    /// <summary>Unsigned less-than (EVM <c>lt</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(UInt256 left, UInt256 right)
    {
        // The borrow out of left - right is exactly left < right.
        SubCore(left, right, out ulong borrow);
        return borrow != 0;
    }

    /// <summary>Unsigned greater-than (EVM <c>gt</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(UInt256 left, UInt256 right) => right < left;

    /// <summary>Unsigned less-than-or-equal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <=(UInt256 left, UInt256 right) => !(right < left);

    /// <summary>Unsigned greater-than-or-equal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >=(UInt256 left, UInt256 right) => !(left < right);

    /// <inheritdoc/>
    public bool Equals(UInt256 other) => this == other;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is UInt256 other && this == other;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(U0, U1, U2, U3);

    /// <summary>Compares as unsigned integers: negative, zero or positive as this is less than, equal to or greater than <paramref name="other"/>.</summary>
    public int CompareTo(UInt256 other)
    {
        if (U3 != other.U3) return U3 < other.U3 ? -1 : 1;
        if (U2 != other.U2) return U2 < other.U2 ? -1 : 1;
        if (U1 != other.U1) return U1 < other.U1 ? -1 : 1;
        if (U0 != other.U0) return U0 < other.U0 ? -1 : 1;
        return 0;
    }

    /// <summary>Compares with another boxed <see cref="UInt256"/>; null sorts first.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither null nor a <see cref="UInt256"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        UInt256 other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a {nameof(UInt256)}, got {obj.GetType().Name}.", nameof(obj)),
    };
}
