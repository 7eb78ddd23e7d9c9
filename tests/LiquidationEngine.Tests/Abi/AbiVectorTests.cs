using System.Buffers.Binary;
using System.Text.Json;
using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

/// <summary>
/// Replays spec/vectors/abi.json, produced by the Node conformance harness with ethers:
/// {"encode": [{"types", "values", "encoded"}], "selectors": [{"signature", "selector"}],
///  "topics": [{"signature", "topic"}], "keccak": [{"input", "hash"}]}.
/// </summary>
public sealed class AbiVectorTests(ITestOutputHelper output)
{
    [Fact]
    public void Committed_abi_vectors_replay()
    {
        string path = VectorFiles.Find("abi.json");
        output.WriteLine($"replaying {path}");
        Replay(File.ReadAllText(path));
    }

    [Fact]
    public void Replay_checks_a_fixture_in_the_same_shape()
    {
        // Values from the Solidity ABI spec's sam() example, EIP-55 and well-known selectors, so the replay code itself is exercised.
        const string fixture = """
        {
          "encode": [
            {"types": ["bytes", "bool", "uint256[]"], "values": ["0x64617665", true, ["1", "2", "3"]],
             "encoded": "0x0000000000000000000000000000000000000000000000000000000000000060000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000a0000000000000000000000000000000000000000000000000000000000000000464617665000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000003"},
            {"types": ["address", "string", "address[]", "uint8", "bytes32"],
             "values": ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "abc", [], "255", "0x0000000000000000000000000000000000000000000000000000000000000001"],
             "encoded": "0x0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed00000000000000000000000000000000000000000000000000000000000000a000000000000000000000000000000000000000000000000000000000000000e000000000000000000000000000000000000000000000000000000000000000ff0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000361626300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}
          ],
          "selectors": [{"signature": "transfer(address,uint256)", "selector": "0xa9059cbb"}],
          "topics": [{"signature": "Transfer(address,address,uint256)", "topic": "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"}],
          "keccak": [{"input": "0x616263", "hash": "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"}]
        }
        """;
        Replay(fixture);
    }

    [Fact]
    public void Replay_fails_on_a_wrong_encoding()
    {
        const string wrong = """
        {"encode": [{"types": ["uint256"], "values": ["1"], "encoded": "0x0000000000000000000000000000000000000000000000000000000000000002"}],
         "selectors": [{"signature": "transfer(address,uint256)", "selector": "0xa9059cbb"}],
         "topics": [{"signature": "Transfer(address,address,uint256)", "topic": "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"}],
         "keccak": [{"input": "0x", "hash": "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"}]}
        """;
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Replay(wrong));
    }

    private void Replay(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        int encodeCases = 0, selectorCases = 0, topicCases = 0, keccakCases = 0;

        foreach (JsonElement c in Section(root, "encode"))
        {
            string label = $"encode case {encodeCases}: {c}";
            AbiType[] types = c.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToArray();
            JsonElement[] jsonValues = c.GetProperty("values").EnumerateArray().ToArray();
            Assert.True(types.Length == jsonValues.Length, $"{label}: {types.Length} types but {jsonValues.Length} values");
            AbiValue[] values = types.Select((t, i) => ToValue(t, jsonValues[i], label)).ToArray();
            string expected = c.GetProperty("encoded").GetString()!.ToLowerInvariant();

            var encoder = new AbiEncoder();
            for (int i = 0; i < types.Length; i++) encoder.Value(types[i], values[i]);
            Assert.True(expected == Hex(encoder.ToArray()), $"{label}: encoded as {Hex(encoder.ToArray())}");

            var decoder = new AbiDecoder(Bytes(expected));
            for (int i = 0; i < types.Length; i++)
            {
                AbiValue decoded = decoder.Read(types[i]);
                Assert.True(values[i] == decoded, $"{label}: argument {i} decoded as {decoded}, expected {values[i]}");
            }
            encodeCases++;
        }

        foreach (JsonElement c in Section(root, "selectors"))
        {
            string signature = c.GetProperty("signature").GetString()!;
            uint expected = BinaryPrimitives.ReadUInt32BigEndian(Bytes(c.GetProperty("selector").GetString()!));
            Assert.True(expected == AbiSignature.Selector(signature), $"selector of {signature}: got 0x{AbiSignature.Selector(signature):x8}, expected 0x{expected:x8}");
            selectorCases++;
        }

        foreach (JsonElement c in Section(root, "topics"))
        {
            string signature = c.GetProperty("signature").GetString()!;
            var topic = new byte[32];
            AbiSignature.Topic(signature).WriteBigEndian(topic);
            Assert.True(c.GetProperty("topic").GetString()!.ToLowerInvariant() == Hex(topic), $"topic of {signature}: got {Hex(topic)}");
            topicCases++;
        }

        var hasher = new Keccak256Hasher();
        foreach (JsonElement c in Section(root, "keccak"))
        {
            byte[] input = Bytes(c.GetProperty("input").GetString()!);
            string expected = c.GetProperty("hash").GetString()!.ToLowerInvariant();
            Assert.True(expected == Hex(Keccak256.Hash(input)), $"keccak of {input.Length} bytes {Hex(input)}: got {Hex(Keccak256.Hash(input))}");
            // The incremental hasher, split at an arbitrary point, must agree too.
            hasher.Append(input.AsSpan(0, input.Length / 3));
            hasher.Append(input.AsSpan(input.Length / 3));
            var incremental = new byte[32];
            hasher.Finish(incremental);
            Assert.True(expected == Hex(incremental), $"incremental keccak of {input.Length} bytes: got {Hex(incremental)}");
            keccakCases++;
        }

        output.WriteLine($"abi vectors: {encodeCases} encode, {selectorCases} selector, {topicCases} topic, {keccakCases} keccak cases replayed.");
    }

    private static JsonElement.ArrayEnumerator Section(JsonElement root, string name)
    {
        Assert.True(root.TryGetProperty(name, out JsonElement section), $"abi vectors: missing section \"{name}\"");
        Assert.True(section.GetArrayLength() > 0, $"abi vectors: section \"{name}\" is empty");
        return section.EnumerateArray();
    }

    private static AbiValue ToValue(AbiType type, JsonElement json, string label)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                return AbiTestValues.ParseUInt256(json.GetString()!);
            case AbiTypeKind.Address:
                string text = json.GetString()!;
                Address address = Address.Parse(text);
                if (text[2..].Any(char.IsUpper) && text[2..].Any(char.IsLower))
                    Assert.True(text == address.ToString(), $"{label}: EIP-55 form {address} differs from {text}");
                return address;
            case AbiTypeKind.Bool:
                return json.GetBoolean();
            case AbiTypeKind.FixedBytes:
                byte[] fixedBytes = Bytes(json.GetString()!);
                Assert.True(fixedBytes.Length == type.Size, $"{label}: {type} value has {fixedBytes.Length} bytes");
                return AbiValue.FixedBytes(fixedBytes);
            case AbiTypeKind.Bytes:
                return AbiValue.Bytes(Bytes(json.GetString()!));
            case AbiTypeKind.String:
                return json.GetString()!;
            default:
                return AbiValue.Array(json.EnumerateArray().Select(e => ToValue(type.ElementType!, e, label)).ToArray());
        }
    }
}
