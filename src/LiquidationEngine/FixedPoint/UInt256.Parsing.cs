namespace LiquidationEngine.FixedPoint;

// The canonical text forms: base-10 digits, or 0x/0X followed by hex digits.
public readonly partial struct UInt256
{
    private const ulong TenPow19 = 10_000_000_000_000_000_000;
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
        return status == ParseStatus.Ok ? result : throw ParseError(s, status);
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

    internal enum ParseStatus
    {
        Ok,
        Empty,
        Invalid,
        Overflow,
    }

    internal static ParseStatus TryParseCanonical(ReadOnlySpan<char> s, out UInt256 result)
    {
        if (s.Length >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
            return TryParseDigits(s[2..], 4, out result);
        return TryParseDecimal(s, out result);
    }

    /// <summary>Base-10 digits only, 19 at a time (the most that fit one limb).</summary>
    internal static ParseStatus TryParseDecimal(ReadOnlySpan<char> s, out UInt256 result)
    {
        result = default;
        if (s.IsEmpty) return ParseStatus.Empty;
        UInt256 value = Zero;
        bool overflow = false;
        for (int start = 0; start < s.Length; start += 19)
        {
            ReadOnlySpan<char> chunk = s.Slice(start, Math.Min(19, s.Length - start));
            ulong chunkValue = 0, scale = 1;
            foreach (char ch in chunk)
            {
                uint digit = (uint)(ch - '0');
                if (digit > 9) return ParseStatus.Invalid;
                chunkValue = chunkValue * 10 + digit;
                scale *= 10;
            }
            // Keep scanning after an overflow so that a malformed input reports as malformed.
            if (!overflow) overflow = !TryMulAdd(ref value, scale, chunkValue);
        }
        if (overflow) return ParseStatus.Overflow;
        result = value;
        return ParseStatus.Ok;
    }

    /// <summary>Digits of a power-of-two radix (bitsPerDigit 1 = binary, 4 = hex), no prefix.</summary>
    internal static ParseStatus TryParseDigits(ReadOnlySpan<char> s, int bitsPerDigit, out UInt256 result)
    {
        result = default;
        if (s.IsEmpty) return ParseStatus.Empty;
        UInt256 value = Zero;
        bool overflow = false;
        foreach (char ch in s)
        {
            int digit = bitsPerDigit == 4 ? HexDigitValue(ch) : ch is '0' or '1' ? ch - '0' : -1;
            if (digit < 0) return ParseStatus.Invalid;
            if (value.U3 >> (64 - bitsPerDigit) != 0) overflow = true;
            if (!overflow) value = (value << bitsPerDigit) | (ulong)digit;
        }
        if (overflow) return ParseStatus.Overflow;
        result = value;
        return ParseStatus.Ok;
    }

    private static int HexDigitValue(char ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        >= 'a' and <= 'f' => ch - 'a' + 10,
        >= 'A' and <= 'F' => ch - 'A' + 10,
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

    internal static Exception ParseError(ReadOnlySpan<char> s, ParseStatus status)
    {
        string shown = s.Length <= MaxShownInputLength
            ? s.ToString()
            : string.Concat(s[..MaxShownInputLength], $"... ({s.Length} chars)");
        return status switch
        {
            ParseStatus.Empty => new FormatException($"Cannot parse \"{shown}\" as a uint256: no digits."),
            ParseStatus.Overflow => new OverflowException($"Cannot parse \"{shown}\" as a uint256: the value is 2^256 or more."),
            _ => new FormatException(
                $"Cannot parse \"{shown}\" as a uint256: expected base-10 digits or 0x followed by hex digits, with no sign, whitespace or separators."),
        };
    }
}
