using System.Text;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>Test-side helpers for the profiles, written against the ABI encoding itself.</summary>
internal static class ProfileAssert
{
    /// <summary>ABI revert data of <c>Error(string)</c>: 0x08c379a0, offset 0x20, length, UTF-8 bytes padded to 32.</summary>
    public static string ErrorHex(string reason)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(reason);
        var hex = new StringBuilder("0x08c379a0");
        hex.Append("20".PadLeft(64, '0')); // offset of the string: 0x20
        hex.Append(utf8.Length.ToString("x").PadLeft(64, '0'));
        string body = Convert.ToHexString(utf8).ToLowerInvariant();
        hex.Append(body.PadRight((utf8.Length + 31) / 32 * 64, '0'));
        return hex.ToString();
    }

    /// <summary>A UInt256 from a base-10 literal (parsed by BigInteger, not by the code under test).</summary>
    public static UInt256 U(string literal) => U256.From(literal);

    /// <summary>Asserts <paramref name="actual"/> equals the base-10 <paramref name="expected"/>.</summary>
    public static void Equal(string expected, UInt256 actual) => Assert.Equal(U256.Big(expected), U256.ToBig(actual));
}
