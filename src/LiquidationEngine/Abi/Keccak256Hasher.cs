using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Abi;

/// <summary>
/// Incremental Keccak-256: feed the input in pieces with <see cref="Append"/> and read the digest
/// with <see cref="Finish"/>. The digest equals <see cref="Keccak256.Hash(ReadOnlySpan{byte}, Span{byte})"/>
/// of the concatenated pieces, however the input is split.
/// </summary>
/// <remarks>
/// Meant for hashing a large structure canonically (for instance an engine state, word by word)
/// without building one buffer. One instance holds 336 bytes of state; appending and finishing
/// allocate nothing. Not thread-safe: use one instance per thread.
/// </remarks>
public sealed class Keccak256Hasher
{
    private readonly ulong[] _state = new ulong[Keccak256.StateLanes];
    private readonly byte[] _pending = new byte[Keccak256.RateInBytes];
    private int _pendingLength;

    /// <summary>Total number of bytes appended since creation or the last <see cref="Finish"/>/<see cref="Reset"/>.</summary>
    public long BytesAppended { get; private set; }

    /// <summary>Appends bytes to the input.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        BytesAppended += data.Length;
        if (_pendingLength > 0)
        {
            int take = Math.Min(Keccak256.RateInBytes - _pendingLength, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < Keccak256.RateInBytes)
                return;
            Keccak256.AbsorbBlock(_state, _pending);
            _pendingLength = 0;
        }
        while (data.Length >= Keccak256.RateInBytes)
        {
            Keccak256.AbsorbBlock(_state, data[..Keccak256.RateInBytes]);
            data = data[Keccak256.RateInBytes..];
        }
        data.CopyTo(_pending);
        _pendingLength = data.Length;
    }

    /// <summary>Appends a uint256 as its 32-byte big-endian ABI word.</summary>
    public void AppendWord(UInt256 value)
    {
        Span<byte> word = stackalloc byte[32];
        value.WriteBigEndian(word);
        Append(word);
    }

    /// <summary>
    /// Writes the digest of everything appended into the first 32 bytes of
    /// <paramref name="destination"/> and resets the hasher to empty input, ready for reuse.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public void Finish(Span<byte> destination)
    {
        Keccak256.CheckDestination(destination);
        Keccak256.AbsorbLastAndSqueeze(_state, _pending.AsSpan(0, _pendingLength), destination);
        Reset();
    }

    /// <summary>Like <see cref="Finish"/>, returning the digest as a word (<c>uint256(keccak256(input))</c>).</summary>
    public UInt256 FinishToUInt256()
    {
        Span<byte> digest = stackalloc byte[Keccak256.HashSizeInBytes];
        Finish(digest);
        return UInt256.ReadBigEndian(digest);
    }

    /// <summary>Discards everything appended so far.</summary>
    public void Reset()
    {
        Array.Clear(_state);
        _pendingLength = 0;
        BytesAppended = 0;
    }
}
