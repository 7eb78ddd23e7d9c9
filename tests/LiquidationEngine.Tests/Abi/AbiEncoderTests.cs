using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

/// <summary>Known answers from the worked examples of the Solidity ABI specification ("Examples", "Use of Dynamic Types").</summary>
public sealed class AbiEncoderTests
{
    // baz(uint32 x, bool y) called with (69, true)
    private const string SpecBaz = """
        0xcdcd77c0
        0000000000000000000000000000000000000000000000000000000000000045
        0000000000000000000000000000000000000000000000000000000000000001
        """;

    // bar(bytes3[2]) called with ["abc", "def"]: a static array is encoded like a tuple of its elements.
    private const string SpecBar = """
        0xfce353f6
        6162630000000000000000000000000000000000000000000000000000000000
        6465660000000000000000000000000000000000000000000000000000000000
        """;

    // sam(bytes, bool, uint256[]) called with ("dave", true, [1, 2, 3])
    private const string SpecSam = """
        0xa5643bf2
        0000000000000000000000000000000000000000000000000000000000000060
        0000000000000000000000000000000000000000000000000000000000000001
        00000000000000000000000000000000000000000000000000000000000000a0
        0000000000000000000000000000000000000000000000000000000000000004
        6461766500000000000000000000000000000000000000000000000000000000
        0000000000000000000000000000000000000000000000000000000000000003
        0000000000000000000000000000000000000000000000000000000000000001
        0000000000000000000000000000000000000000000000000000000000000002
        0000000000000000000000000000000000000000000000000000000000000003
        """;

    // f(uint256, uint32[], bytes10, bytes) called with (0x123, [0x456, 0x789], "1234567890", "Hello, world!")
    private const string SpecF = """
        0x8be65246
        0000000000000000000000000000000000000000000000000000000000000123
        0000000000000000000000000000000000000000000000000000000000000080
        3132333435363738393000000000000000000000000000000000000000000000
        00000000000000000000000000000000000000000000000000000000000000e0
        0000000000000000000000000000000000000000000000000000000000000002
        0000000000000000000000000000000000000000000000000000000000000456
        0000000000000000000000000000000000000000000000000000000000000789
        000000000000000000000000000000000000000000000000000000000000000d
        48656c6c6f2c20776f726c642100000000000000000000000000000000000000
        """;

    internal static byte[] Calldata(string signature, AbiEncoder arguments)
    {
        uint selector = AbiSignature.Selector(signature);
        byte[] args = arguments.ToArray();
        return [(byte)(selector >> 24), (byte)(selector >> 16), (byte)(selector >> 8), (byte)selector, .. args];
    }

    [Fact]
    public void Spec_baz_with_fluent_encoder()
    {
        var args = new AbiEncoder().UInt(69, 32).Bool(true);
        Assert.Equal(Hex(Bytes(SpecBaz)), Hex(Calldata("baz(uint32,bool)", args)));
    }

    [Fact]
    public void Spec_bar_static_array_as_its_elements()
    {
        var args = new AbiEncoder().FixedBytes("abc"u8).FixedBytes("def"u8);
        Assert.Equal(Hex(Bytes(SpecBar)), Hex(Calldata("bar(bytes3[2])", args)));
    }

    [Fact]
    public void Spec_sam_with_fluent_encoder()
    {
        var args = new AbiEncoder().Bytes("dave"u8).Bool(true).UInt256Array([1UL, 2UL, 3UL]);
        Assert.Equal(Hex(Bytes(SpecSam)), Hex(Calldata("sam(bytes,bool,uint256[])", args)));
    }

    [Fact]
    public void Spec_sam_with_typed_values()
    {
        var args = new AbiEncoder()
            .Value(AbiType.Parse("bytes"), AbiValue.Bytes("dave"u8))
            .Value(AbiType.Parse("bool"), true)
            .Value(AbiType.Parse("uint256[]"), AbiValue.Array(1UL, 2UL, 3UL));
        Assert.Equal(Hex(Bytes(SpecSam)), Hex(Calldata("sam(bytes,bool,uint256[])", args)));
    }

    [Fact]
    public void Spec_f_with_typed_values()
    {
        var args = new AbiEncoder()
            .Value(AbiType.UInt256, 0x123UL)
            .Value(AbiType.Parse("uint32[]"), AbiValue.Array(0x456UL, 0x789UL))
            .Value(AbiType.Parse("bytes10"), AbiValue.FixedBytes("1234567890"u8))
            .Value(AbiType.Bytes, AbiValue.Bytes("Hello, world!"u8));
        Assert.Equal(Hex(Bytes(SpecF)), Hex(Calldata("f(uint256,uint32[],bytes10,bytes)", args)));
    }

    [Fact]
    public void Spec_f_with_fluent_encoder()
    {
        var args = new AbiEncoder().UInt256(0x123).UInt256Array([0x456UL, 0x789UL]).FixedBytes("1234567890"u8).Bytes("Hello, world!"u8);
        Assert.Equal(Hex(Bytes(SpecF)), Hex(Calldata("f(uint256,uint32[],bytes10,bytes)", args)));
    }

    [Fact]
    public void Error_string_revert_data_is_selector_plus_encoded_string()
    {
        byte[] expected = Bytes("""
            0x08c379a0
            0000000000000000000000000000000000000000000000000000000000000020
            0000000000000000000000000000000000000000000000000000000000000003
            6162630000000000000000000000000000000000000000000000000000000000
            """);
        Assert.Equal(Hex(expected), EvmRevertException.ForError("abc").RevertDataHex);
        Assert.Equal(Hex(expected), Hex(Calldata("Error(string)", new AbiEncoder().String("abc"))));
        // A multi-byte UTF-8 reason: the length is in bytes, not chars ("é" is c3 a9).
        Assert.Equal(Hex(Calldata("Error(string)", new AbiEncoder().String("né"))), EvmRevertException.ForError("né").RevertDataHex);
        Assert.Equal("0x0000000000000000000000000000000000000000000000000000000000000003", Hex(new AbiEncoder().String("né").ToArray().AsSpan(32, 32)));
    }

    [Fact]
    public void Panic_revert_data_is_selector_plus_code_word()
    {
        Assert.Equal(
            Hex(Calldata("Panic(uint256)", new AbiEncoder().UInt256(0x11))),
            EvmRevertException.ForPanic(PanicCode.ArithmeticOverflow).RevertDataHex);
    }

    [Fact]
    public void Empty_and_word_sized_dynamic_values_have_no_extra_padding()
    {
        Assert.Equal(
            "0x" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000000",
            Hex(new AbiEncoder().Bytes([]).ToArray()));
        Assert.Equal(
            "0x" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000000",
            Hex(new AbiEncoder().String("").ToArray()));
        Assert.Equal(
            "0x" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000000",
            Hex(new AbiEncoder().AddressArray([]).ToArray()));
        byte[] thirtyTwo = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        byte[] encoded = new AbiEncoder().Bytes(thirtyTwo).ToArray();
        Assert.Equal(96, encoded.Length);
        Assert.Equal(thirtyTwo, encoded[64..]);
        byte[] thirtyThree = [.. thirtyTwo, 0xFF];
        Assert.Equal(128, new AbiEncoder().Bytes(thirtyThree).Length);
    }

    [Fact]
    public void Address_is_left_padded_uint160()
    {
        Address a = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        Assert.Equal("0x0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed", Hex(new AbiEncoder().Address(a).ToArray()));
        Assert.Equal(
            "0x" + "0000000000000000000000000000000000000000000000000000000000000020"
                 + "0000000000000000000000000000000000000000000000000000000000000002"
                 + "0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
                 + "0000000000000000000000000000000000000000000000000000000000000000",
            Hex(new AbiEncoder().AddressArray([a, Address.Zero]).ToArray()));
    }

    [Fact]
    public void Two_dynamic_arguments_get_successive_offsets()
    {
        // (string "one", string "three"): heads 0x40 and 0x80, tails in argument order.
        Assert.Equal(Hex(Bytes("""
            0000000000000000000000000000000000000000000000000000000000000040
            0000000000000000000000000000000000000000000000000000000000000080
            0000000000000000000000000000000000000000000000000000000000000003
            6f6e650000000000000000000000000000000000000000000000000000000000
            0000000000000000000000000000000000000000000000000000000000000005
            7468726565000000000000000000000000000000000000000000000000000000
            """)), Hex(new AbiEncoder().String("one").String("three").ToArray()));
    }

    [Fact]
    public void Out_of_range_and_wrong_shape_values_are_rejected_naming_the_argument()
    {
        var encoder = new AbiEncoder().Bool(true);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => encoder.UInt(256, 8));
        Assert.Contains("Argument 1", ex.Message);
        Assert.Contains("256 does not fit in uint8", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.UInt(1, 7));
        Assert.Throws<ArgumentException>(() => encoder.Bytes32(new byte[31]));
        Assert.Throws<ArgumentException>(() => encoder.FixedBytes(new byte[33]));
        Assert.Throws<ArgumentException>(() => encoder.FixedBytes([]));
        var surrogate = Assert.Throws<ArgumentException>(() => encoder.String("a\ud800b"));
        Assert.Contains("index 1", surrogate.Message);

        var shape = Assert.Throws<ArgumentException>(() => encoder.Value(AbiType.Address, 5UL));
        Assert.Contains("Argument 1 (address)", shape.Message);
        var range = Assert.Throws<ArgumentException>(() => encoder.Value(AbiType.Parse("uint8[]"), AbiValue.Array(1UL, 300UL)));
        Assert.Contains("element 1: 300 does not fit in uint8", range.Message);
        Assert.Throws<ArgumentException>(() => encoder.Value(AbiType.Parse("bytes4"), AbiValue.FixedBytes(new byte[3])));
        Assert.Equal(1, encoder.Count); // failed appends leave nothing behind
    }

    [Fact]
    public void Largest_values_of_each_width_fit()
    {
        var max8 = new AbiEncoder().UInt(255, 8).ToArray();
        Assert.Equal(0xFF, max8[31]);
        var max160 = new UInt256(0, uint.MaxValue, ulong.MaxValue, ulong.MaxValue);
        Assert.Equal(32, new AbiEncoder().UInt(max160, 160).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AbiEncoder().UInt(new UInt256(0, 1UL << 32, 0, 0), 160));
        Assert.Equal(32, new AbiEncoder().UInt(UInt256.MaxValue, 256).Length);
    }

    [Fact]
    public void Clear_reuses_and_WriteTo_checks_the_destination()
    {
        var encoder = new AbiEncoder().String("abc").UInt256(7);
        encoder.Clear();
        Assert.Equal(0, encoder.Length);
        encoder.UInt256(7).String("abc");
        Assert.Equal(2, encoder.Count);
        Assert.Equal(128, encoder.Length);
        Assert.Throws<ArgumentException>(() => encoder.WriteTo(new byte[127]));
        var big = new byte[130];
        encoder.WriteTo(big);
        Assert.Equal(encoder.ToArray(), big[..128]);
        Assert.Equal(0x40, big[63]); // offset of the string
    }

    [Fact]
    public void Many_arguments_grow_the_buffers()
    {
        var encoder = new AbiEncoder();
        for (int i = 0; i < 100; i++) encoder.UInt256((ulong)i).Bytes(new byte[i]);
        byte[] encoded = encoder.ToArray();
        // Argument 199 is the last bytes (99 zero bytes): its offset points at its length word.
        int offset = (int)(encoded[199 * 32 + 30] << 8 | encoded[199 * 32 + 31]);
        Assert.Equal(99, encoded[offset + 31]);
        Assert.Equal(encoded.Length, offset + 32 + 128);
    }

    [Fact]
    public void Static_words_encode_without_allocating()
    {
        var encoder = new AbiEncoder();
        var destination = new byte[256];
        Address a = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        encoder.UInt256(1).Address(a).Bool(true).UInt256Array([1UL, 2UL]).WriteTo(destination); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            encoder.Clear();
            encoder.UInt256(1).Address(a).Bool(true).UInt256Array([1UL, 2UL]).WriteTo(destination);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
