using System.Globalization;
using System.Numerics;
using System.Text;

namespace LiquidationEngine.FixedPoint;

// The canonical text forms: base-10 digits, or 0x/0X followed by hex digits; plus the NumberStyles
// parsing that INumberBase requires.
public readonly partial struct UInt256
{
    private const int MaxShownInputLength = 100;

    /// <summary>
    /// Parses the canonical text form of a uint256: base-10 digits (<c>"12345"</c>) or <c>0x</c>/<c>0X</c> followed by
    /// hex digits (<c>"0xff"</c>). Leading zeros are allowed; signs, whitespace anywhere, separators and anything else are not.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">Empty, a sign, whitespace or a non-digit; the message quotes the input.</exception>
    /// <exception cref="OverflowException">The value is 2^256 or more; the message quotes the input.</exception>
    public static UInt256 Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static UInt256 Parse(ReadOnlySpan<char> s)
    {
        ParseStatus status = TryParseCanonical(s, out UInt256 result);
        return status == ParseStatus.Ok ? result : throw ParseError(s.ToString(), status, null);
    }

    /// <summary>Parses the canonical text form (see <see cref="Parse(string)"/>); false on null, malformed or out-of-range input.</summary>
    public static bool TryParse(string? s, out UInt256 result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return TryParse(s.AsSpan(), out result);
    }

    /// <summary>Parses the canonical text form (see <see cref="Parse(string)"/>); false on malformed or out-of-range input.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out UInt256 result) =>
        TryParseCanonical(s, out result) == ParseStatus.Ok;

    /// <summary>Parses the canonical text form (see <see cref="Parse(string)"/>); <paramref name="provider"/> is ignored.</summary>
    public static UInt256 Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses the canonical text form (see <see cref="Parse(string)"/>); <paramref name="provider"/> is ignored.</summary>
    public static UInt256 Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses the canonical text form as UTF-8 (see <see cref="Parse(string)"/>); <paramref name="provider"/> is ignored.</summary>
    public static UInt256 Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider)
    {
        ParseStatus status = TryParseCanonical(utf8Text, out UInt256 result);
        return status == ParseStatus.Ok ? result : throw ParseError(Encoding.UTF8.GetString(utf8Text), status, null);
    }

    /// <summary>Parses the canonical text form (see <see cref="Parse(string)"/>); <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse(string? s, IFormatProvider? provider, out UInt256 result) => TryParse(s, out result);

    /// <summary>Parses the canonical text form (see <see cref="Parse(string)"/>); <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out UInt256 result) => TryParse(s, out result);

    /// <summary>Parses the canonical text form as UTF-8 (see <see cref="Parse(string)"/>); <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out UInt256 result) =>
        TryParseCanonical(utf8Text, out result) == ParseStatus.Ok;

    /// <summary>
    /// Parses with .NET number styles, as <see cref="UInt128"/> does: <see cref="NumberStyles.AllowHexSpecifier"/> and
    /// <see cref="NumberStyles.AllowBinarySpecifier"/> take bare digits (no <c>0x</c> prefix) with optional surrounding
    /// whitespace; other styles follow <see cref="BigInteger"/>'s parsing and then require [0, 2^256).
    /// </summary>
    /// <exception cref="FormatException">Not in the given style; the message quotes the input.</exception>
    /// <exception cref="OverflowException">Negative, or 2^256 or more; the message quotes the input.</exception>
    public static UInt256 Parse(string s, NumberStyles style, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    /// <inheritdoc cref="Parse(string, NumberStyles, IFormatProvider?)"/>
    public static UInt256 Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider)
    {
        ParseStatus status = TryParseStyled(s, style, provider, out UInt256 result);
        return status == ParseStatus.Ok ? result : throw ParseError(s.ToString(), status, style);
    }

    /// <summary>Parses with .NET number styles (see <see cref="Parse(string, NumberStyles, IFormatProvider?)"/>); false on failure.</summary>
    public static bool TryParse(string? s, NumberStyles style, IFormatProvider? provider, out UInt256 result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), style, provider, out result);
    }

    /// <summary>Parses with .NET number styles (see <see cref="Parse(string, NumberStyles, IFormatProvider?)"/>); false on failure.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out UInt256 result) =>
        TryParseStyled(s, style, provider, out result) == ParseStatus.Ok;

    internal enum ParseStatus
    {
        Ok,
        Empty,
        Invalid,
        Overflow,
    }

    internal static ParseStatus TryParseCanonical<TChar>(ReadOnlySpan<TChar> s, out UInt256 result)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (s.Length >= 2 && s[0] == TChar.CreateTruncating('0') && (s[1] == TChar.CreateTruncating('x') || s[1] == TChar.CreateTruncating('X')))
            return TryParseDigits(s[2..], 4, out result);
        return TryParseDecimal(s, out result);
    }

    /// <summary>Base-10 digits only, 19 at a time (the most that fit one limb).</summary>
    private static ParseStatus TryParseDecimal<TChar>(ReadOnlySpan<TChar> s, out UInt256 result)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        result = default;
        if (s.IsEmpty) return ParseStatus.Empty;
        UInt256 value = Zero;
        bool overflow = false;
        for (int start = 0; start < s.Length; start += 19)
        {
            ReadOnlySpan<TChar> chunk = s.Slice(start, Math.Min(19, s.Length - start));
            ulong chunkValue = 0, scale = 1;
            foreach (TChar ch in chunk)
            {
                uint digit = uint.CreateTruncating(ch) - '0';
                if (digit > 9) return ParseStatus.Invalid;
                chunkValue = chunkValue * 10 + digit;
                scale *= 10;
            }
            // Keep scanning after an overflow so that malformed input reports as malformed.
            if (!overflow) overflow = !TryMulAdd(ref value, scale, chunkValue);
        }
        if (overflow) return ParseStatus.Overflow;
        result = value;
        return ParseStatus.Ok;
    }

    /// <summary>Digits of a power-of-two radix (bitsPerDigit 1 = binary, 4 = hex), no prefix.</summary>
    private static ParseStatus TryParseDigits<TChar>(ReadOnlySpan<TChar> s, int bitsPerDigit, out UInt256 result)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        result = default;
        if (s.IsEmpty) return ParseStatus.Empty;
        UInt256 value = Zero;
        bool overflow = false;
        foreach (TChar ch in s)
        {
            int digit = DigitValue(uint.CreateTruncating(ch), bitsPerDigit);
            if (digit < 0) return ParseStatus.Invalid;
            if (value.U3 >> (64 - bitsPerDigit) != 0) overflow = true;
            if (!overflow) value = (value << bitsPerDigit) | (ulong)digit;
        }
        if (overflow) return ParseStatus.Overflow;
        result = value;
        return ParseStatus.Ok;
    }

    private static int DigitValue(uint ch, int bitsPerDigit) => ch switch
    {
        >= '0' and <= '1' => (int)(ch - '0'),
        >= '2' and <= '9' when bitsPerDigit == 4 => (int)(ch - '0'),
        >= 'a' and <= 'f' when bitsPerDigit == 4 => (int)(ch - 'a' + 10),
        >= 'A' and <= 'F' when bitsPerDigit == 4 => (int)(ch - 'A' + 10),
        _ => -1,
    };

    /// <summary>value = value * multiplier + addend; false (value unspecified) when the result reaches 2^256.</summary>
    private static bool TryMulAdd(ref UInt256 value, ulong multiplier, ulong addend)
    {
        ulong carry = addend;
        ulong r0 = Limbs.MulAdd(value.U0, multiplier, 0, ref carry);
        ulong r1 = Limbs.MulAdd(value.U1, multiplier, 0, ref carry);
        ulong r2 = Limbs.MulAdd(value.U2, multiplier, 0, ref carry);
        ulong r3 = Limbs.MulAdd(value.U3, multiplier, 0, ref carry);
        value = new UInt256(r3, r2, r1, r0);
        return carry == 0;
    }

    private static ParseStatus TryParseStyled(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out UInt256 result)
    {
        result = default;
        const NumberStyles whitespace = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        bool hex = (style & NumberStyles.AllowHexSpecifier) != 0, binary = (style & NumberStyles.AllowBinarySpecifier) != 0;
        if (hex || binary)
        {
            if ((style & ~(whitespace | NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0 || (hex && binary))
                throw new ArgumentException($"NumberStyles {style} combines a hex or binary specifier with other flags.", nameof(style));
            if ((style & NumberStyles.AllowLeadingWhite) != 0) s = s.TrimStart(NumberWhitespace);
            if ((style & NumberStyles.AllowTrailingWhite) != 0) s = s.TrimEnd(NumberWhitespace);
            return TryParseDigits(s, hex ? 4 : 1, out result);
        }

        // Decimal styles (signs, separators, exponents, currency...) are BigInteger's; only the range is ours.
        if (!BigInteger.TryParse(s, style, provider, out BigInteger big)) return ParseStatus.Invalid;
        return TryFromBigInteger(big, out result) ? ParseStatus.Ok : ParseStatus.Overflow;
    }

    // The characters NumberStyles.AllowLeadingWhite/AllowTrailingWhite permit: U+0009..U+000D and U+0020.
    private const string NumberWhitespace = "\t\n\v\f\r ";

    private static Exception ParseError(string input, ParseStatus status, NumberStyles? style)
    {
        string shown = input.Length <= MaxShownInputLength
            ? input
            : string.Concat(input.AsSpan(0, MaxShownInputLength), $"... ({input.Length} chars)");
        string expected = style is { } s
            ? $"an integer in NumberStyles {s}"
            : "base-10 digits or 0x followed by hex digits, with no sign, whitespace or separators";
        return status switch
        {
            ParseStatus.Empty => new FormatException($"Cannot parse \"{shown}\" as a uint256: no digits."),
            ParseStatus.Overflow => new OverflowException($"Cannot parse \"{shown}\" as a uint256: the value is outside [0, 2^256 - 1]."),
            _ => new FormatException($"Cannot parse \"{shown}\" as a uint256: expected {expected}."),
        };
    }
}
