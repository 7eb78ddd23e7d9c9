using System.Numerics;
using System.Text;

namespace LiquidationEngine.Tests.Breakers;

/// <summary>
/// Expected ABI revert data for the throttle, breaker and oracle errors, written by hand from the ABI spec so the
/// tests do not depend on the codec under test. Selectors are the first 4 bytes of keccak256 of the signature,
/// computed outside this repository's code (ethers <c>id(signature)</c>).
/// </summary>
internal static class RevertHex
{
    public const string LiquidationThrottled = "0xd3e95b27";      // LiquidationThrottled(uint256,uint256)
    public const string LiquidationBelowMinimum = "0x613e7cf5";   // LiquidationBelowMinimum(uint256,uint256)
    public const string OracleStale = "0x31cc1f73";               // OracleStale(address,uint256)
    public const string OracleGracePeriod = "0x144dbc11";         // OracleGracePeriod(address,uint256)
    public const string LiquidationsPaused = "0x3d46696a";        // LiquidationsPaused(address,uint8,uint256)
    public const string BorrowsPaused = "0xd7968827";             // BorrowsPaused(address,uint8,uint256)
    public const string InvalidBreakerTransition = "0xe6d9ea69";  // InvalidBreakerTransition(uint8,uint8)
    public const string InvalidThrottleParameter = "0x447b6ec8";  // InvalidThrottleParameter(string,uint256)
    public const string InvalidBreakerParameter = "0xb18392b3";   // InvalidBreakerParameter(string,uint256)

    public static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    /// <summary>A 32-byte word as 64 lower-case hex digits.</summary>
    public static string Word(BigInteger value)
    {
        string hex = value.ToString("x");
        if (hex.Length > 64 && hex[0] == '0') hex = hex[1..]; // BigInteger adds a sign nibble
        return hex.PadLeft(64, '0');
    }

    /// <summary>Selector followed by static words.</summary>
    public static string Error(string selector, params BigInteger[] words) => selector + string.Concat(words.Select(Word));

    /// <summary>Selector followed by abi.encode(string field, uint256 value).</summary>
    public static string FieldError(string selector, string field, BigInteger value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(field);
        string data = Convert.ToHexString(utf8).ToLowerInvariant();
        int padded = (utf8.Length + 31) / 32 * 64;
        return selector + Word(0x40) + Word(value) + Word(utf8.Length) + data.PadRight(padded, '0');
    }
}
