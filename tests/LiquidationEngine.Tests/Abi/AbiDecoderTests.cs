using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

public sealed class AbiDecoderTests
{
    private static string W(string hexWord) => hexWord.PadLeft(64, '0');

    [Fact]
    public void Decodes_the_spec_sam_arguments()
    {
        byte[] data = Bytes(
            W("60") + W("1") + W("a0") + W("4") + "6461766500000000000000000000000000000000000000000000000000000000"
            + W("3") + W("1") + W("2") + W("3"));
        var decoder = new AbiDecoder(data);
        Assert.Equal("dave"u8.ToArray(), decoder.ReadBytes());
        Assert.True(decoder.ReadBool());
        UInt256[] array = decoder.ReadUInt256Array();
        Assert.Equal(3, array.Length);
        Assert.Equal(3, decoder.ArgumentsRead);
        Assert.Equal(Hex(Bytes(W("2"))), Hex(Word(array[1])));
    }

    [Fact]
    public void Decodes_the_spec_f_arguments_by_type()
    {
        byte[] data = Bytes(
            W("123") + W("80") + "3132333435363738393000000000000000000000000000000000000000000000" + W("e0")
            + W("2") + W("456") + W("789") + W("d") + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");
        var decoder = new AbiDecoder(data);
        var decoded = new List<AbiValue>();
        foreach (string type in new[] { "uint256", "uint32[]", "bytes10", "bytes" })
            decoded.Add(decoder.Read(AbiType.Parse(type)));
        Assert.Equal(new AbiValue[]
        {
            0x123UL,
            AbiValue.Array(0x456UL, 0x789UL),
            AbiValue.FixedBytes("1234567890"u8),
            AbiValue.Bytes("Hello, world!"u8),
        }, decoded);
    }

    [Fact]
    public void Decodes_addresses_strings_and_fixed_bytes()
    {
        Address a = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        byte[] id = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();
        byte[] data = new AbiEncoder().Address(a).String("héllo").Bytes32(id).AddressArray([a, Address.Zero]).UInt(200, 8).ToArray();
        var decoder = new AbiDecoder(data);
        Assert.Equal(a, decoder.ReadAddress());
        Assert.Equal("héllo", decoder.ReadString());
        Assert.Equal(id, decoder.ReadBytes32());
        Assert.Equal([a, Address.Zero], decoder.ReadAddressArray());
        Assert.Equal(Hex(Word(200)), Hex(Word(decoder.ReadUInt(8))));
    }

    public static TheoryData<string, string, string> MalformedCases => new()
    {
        // data (hex), type to read, expected fragment of the message
        { W("1"), "uint256 uint256", "argument 1 (uint256): its head word at byte 32 lies past the end" },
        { "00", "uint256", "argument 0 (uint256): its head word at byte 0" },
        { W("100"), "uint8", "argument 0 (uint8): word 0x0000000000000000000000000000000000000000000000000000000000000100 has bits set above bit 7" },
        { W("2"), "bool", "argument 0 (bool): word 0x0000000000000000000000000000000000000000000000000000000000000002 is neither 0 nor 1" },
        { "01" + new string('0', 22) + "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "address", "argument 0 (address): word 0x01" },
        { "31323334353637383930" + "01" + new string('0', 42), "bytes10", "argument 0 (bytes10): word 0x3132333435363738393001" },
        { W("20"), "bytes", "argument 0 (bytes): offset 32 points past the end" },
        { W("ffffffffffffffffffffffffffffffff"), "string", "offset 340282366920938463463374607431768211455 points past the end" },
        { W("20") + W("21") + W("0"), "bytes", "length 33 at byte 32 needs more than the 32 bytes after it" },
        { W("20") + W("2") + W("1"), "uint256[]", "argument 0 (uint256[]): length 2 at byte 32 needs more than the 32 bytes after it" },
        { W("20") + W("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"), "uint256[]", "length 115792089237316195423570985008687907853269984665640564039457584007913129639935" },
        { W("20") + W("1") + W("2"), "bool[]", "argument 0 (bool[]), element 0: word" },
        { W("20") + W("2") + "ff" + new string('0', 62), "string", "argument 0 (string): the bytes are not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void Malformed_data_is_rejected_with_a_message_naming_the_argument(string hex, string types, string fragment)
    {
        byte[] data = Bytes(hex);
        var ex = Assert.Throws<FormatException>(() =>
        {
            var decoder = new AbiDecoder(data);
            foreach (string t in types.Split(' ')) decoder.Read(AbiType.Parse(t));
        });
        Assert.Contains(fragment, ex.Message);
        Assert.Contains($"({data.Length} bytes)", ex.Message);
    }

    [Fact]
    public void Typed_reads_apply_the_same_checks()
    {
        byte[] two = Bytes(W("2"));
        Assert.Throws<FormatException>(() => new AbiDecoder(two).ReadBool());
        Assert.Throws<FormatException>(() => new AbiDecoder(Bytes("ff" + new string('0', 62))).ReadAddress());
        Assert.Throws<FormatException>(() => new AbiDecoder(Bytes(W("20") + W("1") + "ff" + new string('0', 62))).ReadAddressArray());
        Assert.Throws<FormatException>(() => new AbiDecoder(Bytes(W("20"))).ReadUInt256Array());
        Assert.Throws<FormatException>(() => new AbiDecoder(Bytes("00ff" + new string('0', 60))).ReadFixedBytes(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AbiDecoder(two).ReadUInt(12));
    }

    [Fact]
    public void Trailing_bytes_are_allowed_and_offsets_need_not_be_canonical()
    {
        // The bytes' offset points past a gap word (0x40 instead of 0x20), as a hand-made encoder might produce.
        byte[] data = Bytes(W("40") + W("ffff") + W("3") + "6162630000000000000000000000000000000000000000000000000000000000" + W("99"));
        Assert.Equal("abc"u8.ToArray(), new AbiDecoder(data).ReadBytes());
    }

    private static byte[] Word(UInt256 value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return bytes;
    }
}
