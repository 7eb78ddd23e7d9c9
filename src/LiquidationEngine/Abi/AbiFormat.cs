using System.Globalization;
using System.Numerics;
using System.Text;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Abi;

/// <summary>Text forms used in readable messages; only on error and display paths, never in arithmetic.</summary>
internal static class AbiFormat
{
    /// <summary>UTF-8 that throws on lone surrogates instead of silently writing U+FFFD.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static string Decimal(UInt256 value)
    {
        Span<byte> word = stackalloc byte[32];
        value.WriteBigEndian(word);
        return new BigInteger(word, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }

    internal static string Hex(ReadOnlySpan<byte> bytes) =>
        string.Create(2 + 2 * bytes.Length, bytes.ToArray(), static (chars, data) =>
        {
            chars[0] = '0';
            chars[1] = 'x';
            for (int i = 0; i < data.Length; i++)
            {
                chars[2 + 2 * i] = "0123456789abcdef"[data[i] >> 4];
                chars[3 + 2 * i] = "0123456789abcdef"[data[i] & 0xF];
            }
        });

    internal static string WordHex(UInt256 word)
    {
        Span<byte> bytes = stackalloc byte[32];
        word.WriteBigEndian(bytes);
        return Hex(bytes);
    }

    /// <summary>A string in double quotes with quotes, backslashes and control characters escaped, as JSON writes it.</summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
