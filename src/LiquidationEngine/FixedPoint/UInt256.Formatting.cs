using System.Globalization;
using System.Numerics;
using System.Text;

namespace LiquidationEngine.FixedPoint;

// Text output. Decimal ("D", "G" or none) and hex ("x", "X") are formatted natively and allocation-free
// into spans; other standard numeric formats go through BigInteger.
public readonly partial struct UInt256 : ISpanFormattable, IUtf8SpanFormattable
{
    private const int MaxDecimalDigits = 78; // 2^256 - 1 has 78 digits
    private const int MaxHexDigits = 64;
    private const ulong TenPow19 = 10_000_000_000_000_000_000; // the largest power of 10 that fits a limb

    /// <summary>The base-10 digits, as Solidity tooling prints a uint256 (e.g. <c>"115792089237316195423570985008687907853269984665640564039457584007913129639935"</c> for the max).</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the value. <c>null</c>, <c>""</c>, <c>"G"</c>, <c>"D"</c> (or <c>"Dn"</c>: at least n digits) give base-10;
    /// <c>"x"</c>/<c>"X"</c> (or <c>"xn"</c>) give lower/upper-case hex with no prefix. Other standard numeric formats
    /// (<c>"N"</c>, <c>"E"</c>, ...) are formatted as the equal <see cref="BigInteger"/> would be.
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider = null)
    {
        if (!TryParseFormat(format, out char kind, out int minDigits))
            return ToBigInteger().ToString(format, formatProvider);
        Span<char> digits = stackalloc char[MaxDecimalDigits];
        int count = kind == 'D' ? WriteDecimalDigits(digits) : WriteHexDigits(digits, upperCase: kind == 'X');
        if (minDigits <= count) return new string(digits[..count]);
        return string.Create(minDigits, (Value: this, Format: format), static (span, state) => state.Value.TryFormat(span, out _, state.Format));
    }

    /// <summary>Minimal lower-case hex with a <c>0x</c> prefix, as in JSON-RPC quantities: <c>"0x0"</c>, <c>"0xff"</c>.</summary>
    public string ToHexString()
    {
        Span<char> buffer = stackalloc char[MaxHexDigits + 2];
        buffer[0] = '0';
        buffer[1] = 'x';
        int digits = WriteHexDigits(buffer[2..], upperCase: false);
        return new string(buffer[..(digits + 2)]);
    }

    /// <summary>Formats into a character span (see <see cref="ToString(string?, IFormatProvider?)"/>); allocation-free for the decimal and hex formats.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        TryFormatCore(destination, out charsWritten, format, provider);

    /// <summary>Formats as UTF-8 bytes (see <see cref="ToString(string?, IFormatProvider?)"/>); allocation-free for the decimal and hex formats.</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        TryFormatCore(utf8Destination, out bytesWritten, format, provider);

    private bool TryFormatCore<TChar>(Span<TChar> destination, out int written, ReadOnlySpan<char> format, IFormatProvider? provider)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        written = 0;
        if (!TryParseFormat(format, out char kind, out int minDigits))
        {
            string text = ToBigInteger().ToString(format.ToString(), provider);
            return typeof(TChar) == typeof(char)
                ? CopyChars(text, destination, out written)
                : Encoding.UTF8.TryGetBytes(text, System.Runtime.InteropServices.MemoryMarshal.AsBytes(destination), out written);
        }

        Span<char> digits = stackalloc char[MaxDecimalDigits];
        int count = kind == 'D' ? WriteDecimalDigits(digits) : WriteHexDigits(digits, upperCase: kind == 'X');
        int padding = Math.Max(0, minDigits - count);
        if (destination.Length < padding + count) return false;
        destination[..padding].Fill(TChar.CreateTruncating('0'));
        for (int i = 0; i < count; i++) destination[padding + i] = TChar.CreateTruncating(digits[i]);
        written = padding + count;
        return true;
    }

    private static bool CopyChars<TChar>(string text, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        written = 0;
        if (text.Length > destination.Length) return false;
        for (int i = 0; i < text.Length; i++) destination[i] = TChar.CreateTruncating(text[i]);
        written = text.Length;
        return true;
    }

    /// <summary>Recognises the natively handled formats: empty, G (no precision), D[n], x[n], X[n].</summary>
    private static bool TryParseFormat(ReadOnlySpan<char> format, out char kind, out int minDigits)
    {
        kind = 'D';
        minDigits = 0;
        if (format.IsEmpty) return true;
        char letter = format[0];
        ReadOnlySpan<char> precision = format[1..];
        if (letter is 'G' or 'g') return precision.IsEmpty;
        if (letter is 'D' or 'd') kind = 'D';
        else if (letter is 'x' or 'X') kind = letter;
        else return false;
        if (precision.IsEmpty) return true;
        return int.TryParse(precision, NumberStyles.None, CultureInfo.InvariantCulture, out minDigits) && minDigits <= 999_999_999;
    }

    /// <summary>Writes the base-10 digits (no padding) to the start of a 78-char span; returns the count.</summary>
    private int WriteDecimalDigits(Span<char> buffer)
    {
        Span<char> reversed = stackalloc char[MaxDecimalDigits];
        int length = 0;
        UInt256 rest = this;
        while ((rest.U3 | rest.U2 | rest.U1) != 0)
        {
            rest = DecimalChunk.Divisor.DivRem(rest, out UInt256 remainder);
            ulong chunk = remainder.U0;
            for (int i = 0; i < 19; i++, chunk /= 10) reversed[length++] = (char)('0' + (int)(chunk % 10));
        }
        ulong last = rest.U0;
        do
        {
            reversed[length++] = (char)('0' + (int)(last % 10));
            last /= 10;
        } while (last != 0);
        for (int i = 0; i < length; i++) buffer[i] = reversed[length - 1 - i];
        return length;
    }

    /// <summary>Writes the minimal hex digits ("0" for zero) to the start of a 64-char span; returns the count.</summary>
    private int WriteHexDigits(Span<char> buffer, bool upperCase)
    {
        string alphabet = upperCase ? "0123456789ABCDEF" : "0123456789abcdef";
        int digits = Math.Max(1, (BitLength + 3) / 4);
        for (int i = 0; i < digits; i++)
        {
            int nibbleIndex = digits - 1 - i;
            ulong limb = nibbleIndex switch { < 16 => U0, < 32 => U1, < 48 => U2, _ => U3 };
            buffer[i] = alphabet[(int)((limb >> (nibbleIndex % 16 * 4)) & 0xF)];
        }
        return digits;
    }

    // Outside the struct: a static Divisor field in UInt256 (whose instance field is a UInt256) fails to load on .NET 8.
    private static class DecimalChunk
    {
        public static readonly Divisor Divisor = new(TenPow19); // 19 decimal digits per division
    }
}
