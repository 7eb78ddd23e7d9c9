namespace LiquidationEngine.Tests.Abi;

/// <summary>Hex helpers for the ABI tests (independent of the code under test).</summary>
internal static class AbiTestHex
{
    /// <summary>Parses hex with an optional 0x prefix; whitespace and newlines are ignored so spec listings paste as they are.</summary>
    public static byte[] Bytes(string hex)
    {
        string compact = string.Concat(hex.Where(c => !char.IsWhiteSpace(c)));
        if (compact.StartsWith("0x", StringComparison.Ordinal)) compact = compact[2..];
        return Convert.FromHexString(compact);
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexString(bytes).ToLowerInvariant();
}
