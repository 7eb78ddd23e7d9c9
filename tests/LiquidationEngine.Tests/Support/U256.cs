using System.Numerics;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Tests.Support;

/// <summary>
/// Test-side bridges between <see cref="UInt256"/> and <see cref="BigInteger"/> that go through the 32-byte ABI word
/// only (<see cref="UInt256.ReadBigEndian"/>/<see cref="UInt256.WriteBigEndian"/>), so models and expectations never
/// depend on the parsing and conversion code under test.
/// </summary>
public static class U256
{
    /// <summary>2^256.</summary>
    public static readonly BigInteger Modulus = BigInteger.One << 256;

    /// <summary>2^256 - 1.</summary>
    public static readonly BigInteger MaxBig = Modulus - 1;

    /// <summary>The UInt256 equal to <paramref name="value"/>, which must be in [0, 2^256).</summary>
    public static UInt256 From(BigInteger value)
    {
        if (value.Sign < 0 || value > MaxBig) throw new ArgumentOutOfRangeException(nameof(value), value, "not a uint256");
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word[(32 - bytes.Length)..]);
        return UInt256.ReadBigEndian(word);
    }

    /// <summary>The UInt256 for a base-10 or 0x-hex literal, parsed by BigInteger.</summary>
    public static UInt256 From(string literal) => From(Big(literal));

    /// <summary>A BigInteger literal: base-10, or 0x-prefixed hex (always non-negative).</summary>
    public static BigInteger Big(string literal) =>
        literal.StartsWith("0x", StringComparison.Ordinal)
            ? BigInteger.Parse("0" + literal[2..], System.Globalization.NumberStyles.AllowHexSpecifier)
            : BigInteger.Parse(literal);

    /// <summary>The BigInteger equal to <paramref name="value"/>.</summary>
    public static BigInteger ToBig(UInt256 value)
    {
        Span<byte> word = stackalloc byte[32];
        value.WriteBigEndian(word);
        return new BigInteger(word, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>2^k.</summary>
    public static BigInteger Pow2(int k) => BigInteger.One << k;
}
