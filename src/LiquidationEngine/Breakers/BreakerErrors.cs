using System.Buffers.Binary;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Breakers;

/// <summary>
/// The custom errors of the throttles, breakers and oracle guards: revert data = the 4-byte selector
/// (keccak256 of the canonical signature) followed by the ABI-encoded arguments. spec/breakers.md lists each.
/// </summary>
/// <remarks>Interim encoding until the ABI codec's custom-error factory is available; the selectors are pinned by tests.</remarks>
internal static class BreakerErrors
{
    /// <summary><c>LiquidationThrottled(uint256 available, uint256 secondsUntilMinimum)</c>.</summary>
    public static EvmRevertException LiquidationThrottled(UInt256 available, UInt256 secondsUntilMinimum) =>
        Create(0xd3e95b27, $"LiquidationThrottled(available={available}, secondsUntilMinimum={secondsUntilMinimum}): the throttle holds less than the minimum liquidation",
            Word(available), Word(secondsUntilMinimum));

    /// <summary><c>LiquidationBelowMinimum(uint256 notional, uint256 minimum)</c>.</summary>
    public static EvmRevertException LiquidationBelowMinimum(UInt256 notional, UInt256 minimum) =>
        Create(0x613e7cf5, $"LiquidationBelowMinimum(notional={notional}, minimum={minimum}): a liquidation smaller than the minimum must take all the account allows",
            Word(notional), Word(minimum));

    /// <summary><c>InvalidBreakerTransition(uint8 from, uint8 to)</c>.</summary>
    public static EvmRevertException InvalidBreakerTransition(CircuitState from, CircuitState to) =>
        Create(0xe6d9ea69, $"InvalidBreakerTransition(from={(byte)from}, to={(byte)to}): the guardian cannot move a breaker from {from} to {to}",
            Word((byte)from), Word((byte)to));

    /// <summary><c>InvalidThrottleParameter(string field, uint256 value)</c>.</summary>
    public static EvmRevertException InvalidThrottleParameter(string field, UInt256 value, string rule) =>
        CreateWithString(0x447b6ec8, field, value, $"InvalidThrottleParameter(field=\"{field}\", value={value}): {rule}");

    /// <summary><c>InvalidBreakerParameter(string field, uint256 value)</c>.</summary>
    public static EvmRevertException InvalidBreakerParameter(string field, UInt256 value, string rule) =>
        CreateWithString(0xb18392b3, field, value, $"InvalidBreakerParameter(field=\"{field}\", value={value}): {rule}");

    private static UInt256 Word(UInt256 value) => value;

    private static EvmRevertException Create(uint selector, string message, params ReadOnlySpan<UInt256> words)
    {
        byte[] data = new byte[4 + 32 * words.Length];
        BinaryPrimitives.WriteUInt32BigEndian(data, selector);
        for (int i = 0; i < words.Length; i++)
            words[i].WriteBigEndian(data.AsSpan(4 + 32 * i, 32));
        return new EvmRevertException(data, message);
    }

    // abi.encode(string, uint256): head (offset 0x40, value), then length and the padded UTF-8 bytes.
    private static EvmRevertException CreateWithString(uint selector, string text, UInt256 value, string message)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        int padded = (utf8.Length + 31) / 32 * 32;
        byte[] data = new byte[4 + 32 * 3 + padded];
        BinaryPrimitives.WriteUInt32BigEndian(data, selector);
        ((UInt256)0x40u).WriteBigEndian(data.AsSpan(4, 32));
        value.WriteBigEndian(data.AsSpan(36, 32));
        ((UInt256)(uint)utf8.Length).WriteBigEndian(data.AsSpan(68, 32));
        utf8.CopyTo(data, 100);
        return new EvmRevertException(data, message);
    }
}
