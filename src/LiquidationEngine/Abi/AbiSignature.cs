using System.Buffers.Binary;
using System.Text;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Abi;

/// <summary>
/// Function selectors, error selectors and event topics from canonical signatures such as
/// <c>transfer(address,uint256)</c>.
/// </summary>
/// <remarks>
/// A canonical signature is the name followed by the parenthesised, comma-separated canonical
/// parameter types: no spaces, no parameter names, no <c>indexed</c>, no aliases (<c>uint256</c>,
/// not <c>uint</c>); tuples are written <c>(T1,T2)</c>. Any other form would silently hash to a
/// different selector, so it is rejected with a message naming the signature.
/// </remarks>
public static class AbiSignature
{
    /// <summary>The 4-byte selector: the first 4 bytes of keccak256(signature), big-endian.</summary>
    /// <exception cref="ArgumentException"><paramref name="signature"/> is not canonical.</exception>
    public static uint Selector(string signature)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashSizeInBytes];
        HashCanonical(signature, hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    /// <summary>An event's topic 0: keccak256(signature) as a word.</summary>
    /// <exception cref="ArgumentException"><paramref name="signature"/> is not canonical.</exception>
    public static UInt256 Topic(string signature)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashSizeInBytes];
        HashCanonical(signature, hash);
        return UInt256.ReadBigEndian(hash);
    }

    private static void HashCanonical(string signature, Span<byte> hash)
    {
        EnsureCanonical(signature);
        Keccak256.Hash(Encoding.ASCII.GetBytes(signature), hash);
    }

    /// <summary>Throws unless <paramref name="signature"/> is a canonical signature.</summary>
    internal static void EnsureCanonical(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        int position = 0;
        int space = signature.AsSpan().IndexOfAny(" \t\r\n");
        string? problem = space >= 0 ? $"a space at position {space}" : Name(signature, ref position) ?? TypeList(signature, ref position);
        if (problem is null && position != signature.Length)
            problem = $"unexpected '{signature[position]}' at position {position}";
        if (problem is not null)
            throw new ArgumentException(
                $"\"{signature}\" is not a canonical signature ({problem}); write name(type1,type2) with canonical types, no spaces and no parameter names.",
                nameof(signature));
    }

    private static string? Name(string s, ref int position)
    {
        int start = position;
        while (position < s.Length && IsIdentifierChar(s[position], position == start)) position++;
        return position == start ? "it does not start with a name" : null;
    }

    internal static bool IsIdentifierChar(char c, bool first) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or '$' || (!first && c is >= '0' and <= '9');

    // "(" [type ("," type)*] ")"
    private static string? TypeList(string s, ref int position)
    {
        if (position >= s.Length || s[position] != '(')
            return position >= s.Length ? "missing '('" : $"unexpected '{s[position]}' at position {position}";
        position++;
        if (position < s.Length && s[position] == ')')
        {
            position++;
            return null;
        }
        while (true)
        {
            string? problem = Type(s, ref position);
            if (problem is not null) return problem;
            if (position >= s.Length) return "missing ')'";
            char c = s[position++];
            if (c == ')') return null;
            if (c != ',') return $"unexpected '{c}' at position {position - 1}";
        }
    }

    // (tuple | elementary) ("[" digits? "]")*
    private static string? Type(string s, ref int position)
    {
        int start = position;
        if (position < s.Length && s[position] == '(')
        {
            if (TypeList(s, ref position) is { } problem) return problem;
        }
        else
        {
            while (position < s.Length && char.IsAsciiLetterOrDigit(s[position])) position++;
            string elementary = s[start..position];
            if (!IsCanonicalElementary(elementary))
                return elementary.Length == 0
                    ? $"missing type at position {start}"
                    : elementary is "uint" or "int" or "byte" or "fixed" or "ufixed"
                        ? $"'{elementary}' is an alias: write {AbiType.CanonicalOfAlias(elementary)}"
                        : $"'{elementary}' is not a canonical type";
        }
        while (position < s.Length && s[position] == '[')
        {
            int digitsStart = ++position;
            while (position < s.Length && char.IsAsciiDigit(s[position])) position++;
            if (position >= s.Length || s[position] != ']') return $"unclosed '[' at position {digitsStart - 1}";
            position++;
        }
        return null;
    }

    private static bool IsCanonicalElementary(string t)
    {
        if (t is "address" or "bool" or "string" or "bytes" or "function") return true;
        if (TryNumberAfter(t, "uint", out int m) || TryNumberAfter(t, "int", out m)) return m is >= 8 and <= 256 && m % 8 == 0;
        if (TryNumberAfter(t, "bytes", out m)) return m is >= 1 and <= 32;
        string fixedPart = t.StartsWith("ufixed", StringComparison.Ordinal) ? t[6..] : t.StartsWith("fixed", StringComparison.Ordinal) ? t[5..] : "";
        int x = fixedPart.IndexOf('x');
        return x > 0
            && TryNumberAfter(fixedPart[..x], "", out m) && m is >= 8 and <= 256 && m % 8 == 0
            && TryNumberAfter(fixedPart[(x + 1)..], "", out int n) && n is >= 1 and <= 80;
    }

    /// <summary>Reads the 1 to 3 decimal digits after <paramref name="prefix"/>; a leading zero is not canonical ("uint08").</summary>
    internal static bool TryNumberAfter(string t, string prefix, out int value)
    {
        value = 0;
        if (!t.StartsWith(prefix, StringComparison.Ordinal) || t.Length == prefix.Length || t.Length > prefix.Length + 3 || t[prefix.Length] == '0')
            return false;
        for (int i = prefix.Length; i < t.Length; i++)
        {
            if (!char.IsAsciiDigit(t[i])) return false;
            value = value * 10 + (t[i] - '0');
        }
        return true;
    }
}
