using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

public sealed class AbiValueTests
{
    private static readonly Address Alice = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    [Fact]
    public void Values_read_back_what_they_were_built_from()
    {
        Assert.Equal(AbiTypeKind.UInt, ((AbiValue)7UL).Kind);
        Assert.Equal(UInt256.MaxValue.U0, ((AbiValue)UInt256.MaxValue).AsUInt256().U0);
        Assert.Equal(Alice, ((AbiValue)Alice).AsAddress());
        Assert.True(((AbiValue)true).AsBool());
        Assert.False(((AbiValue)false).AsBool());
        Assert.Equal("héllo", ((AbiValue)"héllo").AsString());
        Assert.Equal([1, 2, 3], AbiValue.Bytes([1, 2, 3]).AsBytes());
        Assert.Equal([9, 8], AbiValue.FixedBytes([9, 8]).AsBytes());
        Assert.Equal(2, AbiValue.UInt256Array([1UL, 2UL]).AsArray().Length);
        Assert.Equal(Alice, AbiValue.AddressArray([Alice]).AsArray()[0].AsAddress());
        Assert.Equal(AbiTypeKind.UInt, default(AbiValue).Kind);
        Assert.True(default(AbiValue).AsUInt256().IsZero);
    }

    [Fact]
    public void Inputs_are_copied()
    {
        byte[] source = [1, 2, 3];
        AbiValue bytes = AbiValue.Bytes(source);
        source[0] = 99;
        byte[] read = bytes.AsBytes();
        read[1] = 99;
        Assert.Equal([1, 2, 3], bytes.AsBytes());
    }

    [Fact]
    public void Wrong_accessor_names_both_kinds()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ((AbiValue)5UL).AsAddress());
        Assert.Contains("The ABI value 5 has kind UInt; Address was asked for", ex.Message);
        Assert.Throws<InvalidOperationException>(() => ((AbiValue)true).AsUInt256());
        Assert.Throws<InvalidOperationException>(() => ((AbiValue)"x").AsBytes());
        Assert.Throws<InvalidOperationException>(() => ((AbiValue)"x").AsArray().Length.ToString());
        Assert.Throws<ArgumentNullException>(() => (AbiValue)(string)null!);
    }

    [Fact]
    public void Arrays_hold_one_word_values_of_one_shape()
    {
        Assert.Throws<ArgumentException>(() => AbiValue.Array("a", "b"));
        Assert.Throws<ArgumentException>(() => AbiValue.Array(1UL, true));
        Assert.Throws<ArgumentException>(() => AbiValue.Array(AbiValue.FixedBytes([1]), AbiValue.FixedBytes([1, 2])));
        Assert.Equal(0, AbiValue.Array().AsArray().Length);
        Assert.Throws<ArgumentException>(() => AbiValue.FixedBytes(new byte[33]));
        Assert.Throws<ArgumentException>(() => AbiValue.FixedBytes([]));
    }

    [Fact]
    public void ToString_is_readable()
    {
        Assert.Equal("115792089237316195423570985008687907853269984665640564039457584007913129639935", ((AbiValue)UInt256.MaxValue).ToString());
        Assert.Equal("0", default(AbiValue).ToString());
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ((AbiValue)Alice).ToString());
        Assert.Equal("true", ((AbiValue)true).ToString());
        Assert.Equal("0x0102", AbiValue.Bytes([1, 2]).ToString());
        Assert.Equal("0x00ff", AbiValue.FixedBytes([0, 255]).ToString());
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\"", ((AbiValue)"a\"b\\c\n\u0001").ToString());
        Assert.Equal("[1, 2]", AbiValue.Array(1UL, 2UL).ToString());
        Assert.Equal("[]", AbiValue.Array().ToString());
    }

    [Fact]
    public void Equality_compares_shape_and_contents()
    {
        Assert.Equal((AbiValue)5UL, (AbiValue)new UInt256(0, 0, 0, 5));
        Assert.NotEqual((AbiValue)1UL, (AbiValue)true);
        Assert.NotEqual((AbiValue)0UL, (AbiValue)Address.Zero);
        Assert.NotEqual(AbiValue.FixedBytes([1, 0]), AbiValue.FixedBytes([1]));
        Assert.Equal(AbiValue.Bytes([1, 2]), AbiValue.Bytes([1, 2]));
        Assert.NotEqual(AbiValue.Bytes([1, 2]), AbiValue.Bytes([1, 2, 0]));
        Assert.NotEqual(AbiValue.Bytes([1]), AbiValue.FixedBytes([1]));
        Assert.Equal((AbiValue)"é", (AbiValue)"é");
        Assert.NotEqual((AbiValue)"a", (AbiValue)"A");
        Assert.Equal(AbiValue.Array(1UL, 2UL), AbiValue.UInt256Array([1UL, 2UL]));
        Assert.NotEqual(AbiValue.Array(1UL, 2UL), AbiValue.Array(2UL, 1UL));
        Assert.True(AbiValue.Bytes([7]) == AbiValue.Bytes([7]));
        Assert.True(AbiValue.Bytes([7]) != AbiValue.Bytes([8]));
        Assert.Equal(AbiValue.Array(1UL).GetHashCode(), AbiValue.UInt256Array([1UL]).GetHashCode());
        Assert.False(((AbiValue)1UL).Equals("1"));
    }

    [Fact]
    public void Fixed_bytes_word_is_left_aligned()
    {
        byte[] word = new AbiEncoder().Value(AbiType.FixedBytes(2), AbiValue.FixedBytes([0xab, 0xcd])).ToArray();
        Assert.Equal("0xabcd" + new string('0', 60), Hex(word));
    }
}
