using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LiquidationEngine.Evm;

/// <summary>
/// The one revert type of the library: an operation reverted exactly as the EVM would, and
/// <see cref="RevertData"/> holds the bytes an <c>eth_call</c> would return for it.
/// </summary>
/// <remarks>
/// Shapes of revert data: empty (a bare <c>revert()</c>), <c>Panic(uint256)</c> =
/// <c>0x4e487b71</c> followed by the 32-byte code, <c>Error(string)</c> = <c>0x08c379a0</c>
/// followed by the ABI-encoded string, or a custom error: its 4-byte selector followed by its
/// ABI-encoded arguments. State is never changed by an operation that throws this.
/// </remarks>
public sealed class EvmRevertException : Exception
{
    /// <summary>Selector of <c>Panic(uint256)</c>.</summary>
    public const uint PanicSelector = 0x4e487b71;

    /// <summary>Selector of <c>Error(string)</c>.</summary>
    public const uint ErrorSelector = 0x08c379a0;

    private readonly byte[] _revertData;

    /// <summary>Creates a revert with the given ABI revert data and a human-readable message.</summary>
    /// <param name="revertData">The exact bytes the EVM would return; copied.</param>
    /// <param name="message">A readable description naming the values involved.</param>
    public EvmRevertException(ReadOnlySpan<byte> revertData, string message)
        : base(message)
    {
        _revertData = revertData.ToArray();
    }

    /// <summary>The exact ABI revert data, byte for byte as <c>eth_call</c> returns it.</summary>
    public ReadOnlyMemory<byte> RevertData => _revertData;

    /// <summary>The revert data as lower-case hex with a <c>0x</c> prefix (<c>"0x"</c> when empty).</summary>
    public string RevertDataHex => "0x" + Convert.ToHexString(_revertData).ToLowerInvariant();

    /// <summary>The panic code when this is a <c>Panic(uint256)</c> revert with a code that fits a byte; otherwise null.</summary>
    public PanicCode? Panic
    {
        get
        {
            if (_revertData.Length != 36 || BinaryPrimitives.ReadUInt32BigEndian(_revertData) != PanicSelector)
                return null;
            for (int i = 4; i < 35; i++)
                if (_revertData[i] != 0) return null;
            return (PanicCode)_revertData[35];
        }
    }

    /// <summary>Builds the revert data of <c>Panic(code)</c>.</summary>
    public static EvmRevertException ForPanic(PanicCode code)
    {
        Span<byte> data = stackalloc byte[36];
        data.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(data, PanicSelector);
        data[35] = (byte)code;
        return new EvmRevertException(data, $"Panic(0x{(byte)code:x2}): {Describe(code)}");
    }

    /// <summary>Builds the revert data of a bare <c>revert()</c> (no data).</summary>
    public static EvmRevertException Empty(string reason) => new(ReadOnlySpan<byte>.Empty, $"revert() with no data: {reason}");

    /// <summary>Builds the revert data of <c>Error(string)</c> (a <c>require</c> with a reason string).</summary>
    public static EvmRevertException ForError(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(reason);
        int padded = (utf8.Length + 31) / 32 * 32;
        byte[] data = new byte[4 + 32 + 32 + padded];
        BinaryPrimitives.WriteUInt32BigEndian(data, ErrorSelector);
        data[4 + 31] = 0x20; // offset of the string
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(4 + 32 + 24), (ulong)utf8.Length);
        utf8.CopyTo(data, 4 + 64);
        return new EvmRevertException(data, $"Error(\"{reason}\")");
    }

    /// <summary>
    /// Builds the revert data of a custom error: its 4-byte <paramref name="selector"/> followed by
    /// <paramref name="encodedArguments"/> (the <c>abi.encode</c> of its arguments). Prefer declaring the
    /// error once as an <see cref="Abi.CustomError"/>, which computes both and writes the message.
    /// </summary>
    /// <param name="selector">The first 4 bytes of keccak256 of the error's canonical signature.</param>
    /// <param name="encodedArguments">The ABI encoding of the arguments; copied.</param>
    /// <param name="message">A readable description naming the error and its argument values.</param>
    /// <exception cref="ArgumentException"><paramref name="selector"/> is that of <c>Panic(uint256)</c> or
    /// <c>Error(string)</c> (use <see cref="ForPanic"/> or <see cref="ForError"/>), or the arguments are not whole 32-byte words.</exception>
    public static EvmRevertException ForCustomError(uint selector, ReadOnlySpan<byte> encodedArguments, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (selector is PanicSelector or ErrorSelector)
            throw new ArgumentException($"Selector 0x{selector:x8} is the built-in Panic(uint256) or Error(string); use ForPanic or ForError.", nameof(selector));
        if (encodedArguments.Length % 32 != 0)
            throw new ArgumentException($"ABI-encoded arguments are whole 32-byte words; got {encodedArguments.Length} bytes.", nameof(encodedArguments));
        byte[] data = new byte[4 + encodedArguments.Length];
        BinaryPrimitives.WriteUInt32BigEndian(data, selector);
        encodedArguments.CopyTo(data.AsSpan(4));
        return new EvmRevertException(data, message);
    }

    /// <summary>Throws <c>Panic(0x11)</c>: checked arithmetic overflowed or underflowed.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowOverflow() => throw ForPanic(PanicCode.ArithmeticOverflow);

    /// <summary>Throws <c>Panic(0x12)</c>: division or modulo by zero.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowDivisionByZero() => throw ForPanic(PanicCode.DivisionByZero);

    /// <summary>Throws a bare <c>revert()</c> with no data.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowEmpty(string reason) => throw Empty(reason);

    private static string Describe(PanicCode code) => code switch
    {
        PanicCode.Assert => "assertion failed",
        PanicCode.ArithmeticOverflow => "arithmetic overflow or underflow",
        PanicCode.DivisionByZero => "division or modulo by zero",
        PanicCode.InvalidEnumValue => "invalid enum value",
        PanicCode.ArrayOutOfBounds => "array index out of bounds",
        _ => "panic",
    };
}
