using System.Collections.ObjectModel;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Abi;

/// <summary>
/// One emitted event, exactly as the EVM's <c>LOG</c> records it: topics (topic 0 =
/// keccak256 of the signature, then one word per indexed argument) and data (the
/// <c>abi.encode</c> of the non-indexed arguments). Immutable, with value equality.
/// </summary>
/// <remarks>
/// The emitting contract's address is not part of the log here: the engine is one contract.
/// Build logs with <see cref="EventDefinition.Create"/>; the constructor is the low-level path.
/// </remarks>
public sealed class EventLog : IEquatable<EventLog>
{
    private readonly UInt256[] _topics;
    private readonly byte[] _data;

    /// <summary>Builds a log from a canonical signature, the indexed arguments' words and the encoded data.</summary>
    /// <param name="signature">Canonical event signature, e.g. <c>Transfer(address,address,uint256)</c>.</param>
    /// <param name="indexedWords">Topics 1..3: each indexed argument's 32-byte word (uint, <see cref="Evm.Address.ToUInt256"/>, bool as 0/1, bytes32).</param>
    /// <param name="data">The <c>abi.encode</c> of the non-indexed arguments; copied.</param>
    /// <exception cref="ArgumentException">The signature is not canonical, or there are more than 3 indexed words.</exception>
    public EventLog(string signature, ReadOnlySpan<UInt256> indexedWords, ReadOnlySpan<byte> data)
        : this(signature, WithTopic0(signature, indexedWords), data.ToArray(), description: null)
    {
    }

    internal EventLog(string signature, UInt256[] topics, byte[] data, string? description)
    {
        Signature = signature;
        _topics = topics;
        _data = data;
        Topics = new ReadOnlyCollection<UInt256>(topics);
        Description = description ?? $"{signature} topics=[{string.Join(", ", topics.Select(AbiFormat.WordHex))}] data={DataHex}";
    }

    private static UInt256[] WithTopic0(string signature, ReadOnlySpan<UInt256> indexedWords)
    {
        if (indexedWords.Length > 3)
            throw new ArgumentException($"An event has at most 3 indexed arguments; {signature} was given {indexedWords.Length}.", nameof(indexedWords));
        var topics = new UInt256[1 + indexedWords.Length];
        topics[0] = AbiSignature.Topic(signature);
        indexedWords.CopyTo(topics.AsSpan(1));
        return topics;
    }

    /// <summary>The canonical event signature.</summary>
    public string Signature { get; }

    /// <summary>The event name (the signature up to its parenthesis).</summary>
    public string Name => Signature[..Signature.IndexOf('(')];

    /// <summary>Topic 0 (keccak256 of <see cref="Signature"/>) followed by one word per indexed argument.</summary>
    public IReadOnlyList<UInt256> Topics { get; }

    /// <summary>The ABI encoding of the non-indexed arguments.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary><see cref="Data"/> as lower-case hex with a <c>0x</c> prefix.</summary>
    public string DataHex => AbiFormat.Hex(_data);

    /// <summary>A readable form, e.g. <c>Liquidate(id=0x.., repaidAssets=5)</c> for logs built from an <see cref="EventDefinition"/>.</summary>
    public string Description { get; }

    /// <summary>Same signature, topics and data (the description is not compared).</summary>
    public bool Equals(EventLog? other) =>
        other is not null
        && Signature == other.Signature
        && _topics.AsSpan().SequenceEqual(other._topics)
        && _data.AsSpan().SequenceEqual(other._data);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EventLog);

    /// <summary>A hash code that is the same in every process.</summary>
    public override int GetHashCode() => (_topics[0].U0.GetHashCode() * 31) ^ (_topics.Length * 7) ^ _data.Length;

    /// <summary>The <see cref="Description"/>.</summary>
    public override string ToString() => Description;
}
