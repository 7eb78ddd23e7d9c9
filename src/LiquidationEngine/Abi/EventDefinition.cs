using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Abi;

/// <summary>
/// A Solidity event, declared once and emitted with typed arguments: the twin of
/// <c>event Name(T1 indexed a, T2 b, ...)</c> and <c>emit Name(a, b, ...)</c>. Immutable; meant for
/// <c>static readonly</c> fields of one events class, like Morpho Blue's EventsLib.
/// </summary>
/// <remarks>
/// Up to 3 parameters may be <c>indexed</c>, and only one-word types (<c>uint&lt;M&gt;</c>,
/// <c>address</c>, <c>bool</c>, <c>bytes&lt;M&gt;</c>): Solidity would store the keccak256 of an
/// indexed <c>bytes</c>, <c>string</c> or array, which cannot be decoded back, so those are rejected.
/// Anonymous events are not supported.
/// </remarks>
/// <example>
/// <code>
/// internal static class Events
/// {
///     public static readonly EventDefinition Liquidate =
///         new("Liquidate(bytes32 indexed id, address indexed caller, address indexed borrower, uint256 repaidAssets, uint256 seizedAssets)");
/// }
///
/// EventLog log = Events.Liquidate.Create(AbiValue.FixedBytes(id), caller, borrower, repaidAssets, seizedAssets);
/// </code>
/// </example>
public sealed class EventDefinition
{
    private readonly AbiDeclaration _declaration;
    private readonly int _indexedCount;

    /// <summary>Declares an event from its Solidity-style declaration.</summary>
    /// <param name="declaration">Name and parameters, e.g. <c>"Transfer(address indexed from, address indexed to, uint256 value)"</c>; canonical types; names optional.</param>
    /// <exception cref="ArgumentException">The declaration is malformed, uses an unsupported type, indexes a dynamic type, or has more than 3 indexed parameters.</exception>
    public EventDefinition(string declaration)
    {
        _declaration = AbiDeclaration.Parse(declaration, "event", allowIndexed: true);
        foreach (AbiParameter p in _declaration.Parameters)
        {
            if (!p.IsIndexed) continue;
            if (p.Type.IsDynamic)
                throw new ArgumentException($"Invalid event declaration \"{declaration}\": indexed parameter \"{p}\" is dynamic; only one-word types can be indexed here (index a bytes32 hash instead).", nameof(declaration));
            _indexedCount++;
        }
        if (_indexedCount > 3)
            throw new ArgumentException($"Invalid event declaration \"{declaration}\": {_indexedCount} indexed parameters; an event has at most 3.", nameof(declaration));
        Topic0 = AbiSignature.Topic(_declaration.Signature);
    }

    /// <summary>The event name.</summary>
    public string Name => _declaration.Name;

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature => _declaration.Signature;

    /// <summary>Topic 0 of every log of this event: keccak256(<see cref="Signature"/>).</summary>
    public UInt256 Topic0 { get; }

    /// <summary>The declared parameters, in order.</summary>
    public IReadOnlyList<AbiParameter> Parameters => _declaration.ReadOnlyParameters;

    /// <summary>
    /// Builds the log for these arguments (in declaration order): indexed ones become topics 1..3,
    /// the others are ABI-encoded, in order, into the data.
    /// </summary>
    /// <exception cref="ArgumentException">The arguments do not match the parameters in number, type or range; the message names the parameter.</exception>
    public EventLog Create(params ReadOnlySpan<AbiValue> arguments)
    {
        _declaration.CheckArguments(arguments);
        var topics = new UInt256[1 + _indexedCount];
        topics[0] = Topic0;
        var data = new AbiEncoder();
        int topic = 1;
        for (int i = 0; i < arguments.Length; i++)
        {
            AbiParameter p = _declaration.Parameters[i];
            if (p.IsIndexed)
                topics[topic++] = arguments[i].Word; // a one-word value's topic is its ABI word
            else
                data.Value(p.Type, arguments[i]);
        }
        return new EventLog(Signature, topics, data.ToArray(), _declaration.Describe(arguments));
    }

    /// <summary>True when <paramref name="log"/> has this event's topic 0 and number of topics.</summary>
    public bool Matches(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        UInt256 topic0 = log.Topics[0];
        return log.Topics.Count == 1 + _indexedCount
            && topic0.U0 == Topic0.U0 && topic0.U1 == Topic0.U1 && topic0.U2 == Topic0.U2 && topic0.U3 == Topic0.U3;
    }

    /// <summary>Decodes all arguments of a log of this event, in declaration order.</summary>
    /// <exception cref="FormatException">The log is not of this event, or a topic or the data is malformed.</exception>
    public AbiValue[] Decode(EventLog log)
    {
        if (!Matches(log))
            throw new FormatException($"The log {log} is not a {Signature} log (topic 0 {AbiFormat.WordHex(Topic0)} and {1 + _indexedCount} topics).");
        var values = new AbiValue[_declaration.Parameters.Length];
        var data = new AbiDecoder(log.Data.Span);
        Span<byte> word = stackalloc byte[32];
        int topic = 1;
        for (int i = 0; i < values.Length; i++)
        {
            AbiType type = _declaration.Parameters[i].Type;
            if (_declaration.Parameters[i].IsIndexed)
            {
                // A topic is exactly the argument's head word, so the strict word decoder applies.
                log.Topics[topic++].WriteBigEndian(word);
                values[i] = new AbiDecoder(word).Read(type);
            }
            else
            {
                values[i] = data.Read(type);
            }
        }
        return values;
    }

    /// <summary>The declaration with canonical types.</summary>
    public override string ToString() => _declaration.ToString();
}
