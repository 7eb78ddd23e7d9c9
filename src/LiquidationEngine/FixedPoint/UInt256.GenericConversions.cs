using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

// INumberBase conversions (behind CreateChecked / CreateSaturating / CreateTruncating) to and from the primitive
// integers (char included), BigInteger, and the floating-point types and decimal.
//   Checked:    out of range throws OverflowException (as the primitives' CreateChecked does).
//   Saturating: clamps to the target's range; NaN becomes 0.
//   Truncating: integers keep the low bits (two's complement for negative sources: -1 becomes 2^256 - 1);
//               from floating point or decimal it saturates, as .NET's own truncating conversions from them do.
// Floating-point inputs are truncated toward zero first. To double/float/Half the result is the nearest value
// (BigInteger's conversion), which for float and Half may be +Infinity, as (float)UInt128.MaxValue is.
// The `(T)(object)x` casts below are on value types under typeof checks: the JIT removes the boxing.
public readonly partial struct UInt256
{
    private enum Conversion
    {
        Checked,
        Saturating,
        Truncating,
    }

    /// <summary>Converts any .NET number (primitive integers, <c>char</c>, <see cref="BigInteger"/>, floating point, decimal) exactly.</summary>
    /// <exception cref="OverflowException">The value is negative, NaN, infinite, or 2^256 or more (floating point is truncated toward zero first).</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TOther"/> is a type neither side knows how to convert.</exception>
    public static UInt256 CreateChecked<TOther>(TOther value) where TOther : INumberBase<TOther> =>
        TryConvertFrom(value, Conversion.Checked, out UInt256 result) || TOther.TryConvertToChecked(value, out result)
            ? result
            : throw ConversionNotSupported<TOther>();

    /// <summary>Converts any .NET number, clamping to [0, 2^256 - 1] (NaN gives 0).</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TOther"/> is a type neither side knows how to convert.</exception>
    public static UInt256 CreateSaturating<TOther>(TOther value) where TOther : INumberBase<TOther> =>
        TryConvertFrom(value, Conversion.Saturating, out UInt256 result) || TOther.TryConvertToSaturating(value, out result)
            ? result
            : throw ConversionNotSupported<TOther>();

    /// <summary>Converts any .NET number keeping its low 256 bits (two's complement: -1 gives 2^256 - 1); floating point and decimal saturate.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TOther"/> is a type neither side knows how to convert.</exception>
    public static UInt256 CreateTruncating<TOther>(TOther value) where TOther : INumberBase<TOther> =>
        TryConvertFrom(value, Conversion.Truncating, out UInt256 result) || TOther.TryConvertToTruncating(value, out result)
            ? result
            : throw ConversionNotSupported<TOther>();

    static bool INumberBase<UInt256>.TryConvertFromChecked<TOther>(TOther value, out UInt256 result) =>
        TryConvertFrom(value, Conversion.Checked, out result);

    static bool INumberBase<UInt256>.TryConvertFromSaturating<TOther>(TOther value, out UInt256 result) =>
        TryConvertFrom(value, Conversion.Saturating, out result);

    static bool INumberBase<UInt256>.TryConvertFromTruncating<TOther>(TOther value, out UInt256 result) =>
        TryConvertFrom(value, Conversion.Truncating, out result);

    static bool INumberBase<UInt256>.TryConvertToChecked<TOther>(UInt256 value, [MaybeNullWhen(false)] out TOther result) =>
        TryConvertTo(value, Conversion.Checked, out result);

    static bool INumberBase<UInt256>.TryConvertToSaturating<TOther>(UInt256 value, [MaybeNullWhen(false)] out TOther result) =>
        TryConvertTo(value, Conversion.Saturating, out result);

    static bool INumberBase<UInt256>.TryConvertToTruncating<TOther>(UInt256 value, [MaybeNullWhen(false)] out TOther result) =>
        TryConvertTo(value, Conversion.Truncating, out result);

    private static bool TryConvertFrom<TOther>(TOther value, Conversion mode, out UInt256 result)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(UInt256)) result = (UInt256)(object)value;
        else if (typeof(TOther) == typeof(byte)) result = (byte)(object)value;
        else if (typeof(TOther) == typeof(char)) result = (char)(object)value;
        else if (typeof(TOther) == typeof(ushort)) result = (ushort)(object)value;
        else if (typeof(TOther) == typeof(uint)) result = (uint)(object)value;
        else if (typeof(TOther) == typeof(ulong)) result = (ulong)(object)value;
        else if (typeof(TOther) == typeof(nuint)) result = (ulong)(nuint)(object)value;
        else if (typeof(TOther) == typeof(UInt128)) result = (UInt128)(object)value;
        else if (typeof(TOther) == typeof(sbyte)) result = FromSigned((sbyte)(object)value, mode);
        else if (typeof(TOther) == typeof(short)) result = FromSigned((short)(object)value, mode);
        else if (typeof(TOther) == typeof(int)) result = FromSigned((int)(object)value, mode);
        else if (typeof(TOther) == typeof(long)) result = FromSigned((long)(object)value, mode);
        else if (typeof(TOther) == typeof(nint)) result = FromSigned((nint)(object)value, mode);
        else if (typeof(TOther) == typeof(Int128)) result = FromSigned((Int128)(object)value, mode);
        else if (typeof(TOther) == typeof(BigInteger)) result = FromBigInteger((BigInteger)(object)value, mode);
        else if (typeof(TOther) == typeof(double)) result = FromFloatingPoint((double)(object)value, mode);
        else if (typeof(TOther) == typeof(float)) result = FromFloatingPoint((float)(object)value, mode);
        else if (typeof(TOther) == typeof(Half)) result = FromFloatingPoint((double)(Half)(object)value, mode);
        else if (typeof(TOther) == typeof(decimal)) result = FromBigInteger(new BigInteger((decimal)(object)value), mode == Conversion.Truncating ? Conversion.Saturating : mode);
        else
        {
            result = default;
            return false;
        }
        return true;
    }

    private static bool TryConvertTo<TOther>(UInt256 value, Conversion mode, [MaybeNullWhen(false)] out TOther result)
        where TOther : INumberBase<TOther>
    {
        object? converted =
            typeof(TOther) == typeof(UInt256) ? value
            : typeof(TOther) == typeof(byte) ? ToInteger<byte>(value, mode)
            : typeof(TOther) == typeof(char) ? ToInteger<char>(value, mode)
            : typeof(TOther) == typeof(ushort) ? ToInteger<ushort>(value, mode)
            : typeof(TOther) == typeof(uint) ? ToInteger<uint>(value, mode)
            : typeof(TOther) == typeof(ulong) ? ToInteger<ulong>(value, mode)
            : typeof(TOther) == typeof(nuint) ? ToInteger<nuint>(value, mode)
            : typeof(TOther) == typeof(UInt128) ? ToInteger<UInt128>(value, mode)
            : typeof(TOther) == typeof(sbyte) ? ToInteger<sbyte>(value, mode)
            : typeof(TOther) == typeof(short) ? ToInteger<short>(value, mode)
            : typeof(TOther) == typeof(int) ? ToInteger<int>(value, mode)
            : typeof(TOther) == typeof(long) ? ToInteger<long>(value, mode)
            : typeof(TOther) == typeof(nint) ? ToInteger<nint>(value, mode)
            : typeof(TOther) == typeof(Int128) ? ToInteger<Int128>(value, mode)
            : typeof(TOther) == typeof(BigInteger) ? value.ToBigInteger()
            : typeof(TOther) == typeof(double) ? (double)value.ToBigInteger() // at most ~1.16e77: always finite
            : typeof(TOther) == typeof(float) ? (float)value.ToBigInteger()
            : typeof(TOther) == typeof(Half) ? (Half)(double)value.ToBigInteger()
            : typeof(TOther) == typeof(decimal) ? ToDecimal(value, mode)
            : null;
        if (converted is null)
        {
            result = default;
            return false;
        }
        result = (TOther)converted;
        return true;
    }

    private static UInt256 FromSigned<T>(T value, Conversion mode)
        where T : IBinaryInteger<T>, ISignedNumber<T>
    {
        UInt128 low = UInt128.CreateTruncating(value); // two's complement, sign-extended to 128 bits
        if (!T.IsNegative(value)) return low;
        return mode switch
        {
            Conversion.Checked => throw ConversionOverflow(value),
            Conversion.Saturating => Zero,
            _ => new UInt256(ulong.MaxValue, ulong.MaxValue, (ulong)(low >> 64), (ulong)low),
        };
    }

    private static UInt256 FromBigInteger(BigInteger value, Conversion mode)
    {
        if (TryFromBigInteger(value, out UInt256 result)) return result;
        return mode switch
        {
            Conversion.Checked => throw ConversionOverflow(value),
            Conversion.Saturating => value.Sign < 0 ? Zero : MaxValue,
            _ => (UInt256)(value & ((BigInteger.One << 256) - 1)), // BigInteger's & is two's complement
        };
    }

    private static UInt256 FromFloatingPoint(double value, Conversion mode)
    {
        if (double.IsNaN(value))
            return mode == Conversion.Checked ? throw ConversionOverflow(value) : Zero;
        if (double.IsInfinity(value))
            return mode == Conversion.Checked ? throw ConversionOverflow(value) : value > 0 ? MaxValue : Zero;
        return FromBigInteger(new BigInteger(Math.Truncate(value)), mode == Conversion.Truncating ? Conversion.Saturating : mode);
    }

    private static T ToInteger<T>(UInt256 value, Conversion mode)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        // Every primitive target is at most 128 bits wide, so its truncation is that of the low 128 bits.
        T low = T.CreateTruncating(new UInt128(value.U1, value.U0));
        if (value.BitLength <= int.CreateTruncating(T.PopCount(T.MaxValue))) return low;
        return mode switch
        {
            Conversion.Checked => throw ConversionOverflow(value),
            Conversion.Saturating => T.MaxValue,
            _ => low,
        };
    }

    private static decimal ToDecimal(UInt256 value, Conversion mode)
    {
        BigInteger big = value.ToBigInteger();
        if (big <= new BigInteger(decimal.MaxValue)) return (decimal)big;
        return mode == Conversion.Checked ? throw ConversionOverflow(value) : decimal.MaxValue;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NotSupportedException ConversionNotSupported<TOther>() =>
        new($"No conversion between {typeof(TOther).Name} and {nameof(UInt256)}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static OverflowException ConversionOverflow<T>(T value) =>
        new($"{value} is outside the range of the target type of a checked uint256 conversion.");
}
