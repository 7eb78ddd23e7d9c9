using System.Globalization;
using System.Numerics;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Tests.Abi;

/// <summary>UInt256 from and to BigInteger, independent of UInt256's own parsing and formatting.</summary>
internal static class AbiTestValues
{
    public static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    public static UInt256 ToUInt256(BigInteger value)
    {
        if (value.Sign < 0 || value >= TwoTo256) throw new ArgumentOutOfRangeException(nameof(value), value, "not a uint256");
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return UInt256.ReadBigEndian(word);
    }

    public static BigInteger ToBigInteger(UInt256 value)
    {
        var word = new byte[32];
        value.WriteBigEndian(word);
        return new BigInteger(word, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Base-10, or 0x-hex as the eval protocol also accepts.</summary>
    public static UInt256 ParseUInt256(string text) =>
        ToUInt256(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
}
