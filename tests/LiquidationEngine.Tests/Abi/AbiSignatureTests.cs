using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

public sealed class AbiSignatureTests
{
    [Theory]
    [InlineData("transfer(address,uint256)", 0xa9059cbbu)] // ERC-20
    [InlineData("Panic(uint256)", 0x4e487b71u)]
    [InlineData("Error(string)", 0x08c379a0u)]
    [InlineData("baz(uint32,bool)", 0xcdcd77c0u)] // Solidity ABI spec examples
    [InlineData("bar(bytes3[2])", 0xfce353f6u)]
    [InlineData("sam(bytes,bool,uint256[])", 0xa5643bf2u)]
    [InlineData("f(uint256,uint32[],bytes10,bytes)", 0x8be65246u)]
    [InlineData("g(uint256[][],string[])", 0x2289b18cu)]
    [InlineData("ERC20InsufficientBalance(address,uint256,uint256)", 0xe450d38cu)] // OpenZeppelin 5 (IERC6093)
    [InlineData("OwnableUnauthorizedAccount(address)", 0x118cdaa7u)]
    public void Selector_matches_published_value(string signature, uint expected)
    {
        Assert.Equal(expected, AbiSignature.Selector(signature));
    }

    [Fact]
    public void Built_in_revert_selectors_agree_with_keccak()
    {
        Assert.Equal(EvmRevertException.PanicSelector, AbiSignature.Selector("Panic(uint256)"));
        Assert.Equal(EvmRevertException.ErrorSelector, AbiSignature.Selector("Error(string)"));
    }

    [Theory]
    [InlineData("Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    [InlineData("Approval(address,address,uint256)", "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925")]
    public void Topic_matches_published_value(string signature, string expected)
    {
        var bytes = new byte[32];
        AbiSignature.Topic(signature).WriteBigEndian(bytes);
        Assert.Equal(expected, Hex(bytes));
    }

    [Theory]
    [InlineData("transfer(address, uint256)", "a space at position 17")]
    [InlineData("transfer(address to,uint256)", "a space at position 16")]
    [InlineData("transfer (address,uint256)", "a space at position 8")]
    [InlineData("transfer(address\t,uint256)", "a space at position 16")]
    [InlineData("transfer(address,uint)", "'uint' is an alias: write uint256")]
    [InlineData("f(byte)", "write bytes1")]
    [InlineData("f(fixed)", "write fixed128x18")]
    [InlineData("transfer", "missing '('")]
    [InlineData("(uint256)", "does not start with a name")]
    [InlineData("1f(uint256)", "does not start with a name")]
    [InlineData("f(uint256", "missing ')'")]
    [InlineData("f(uint256,)", "missing type at position 10")]
    [InlineData("f(,uint256)", "missing type at position 2")]
    [InlineData("f(uint256))", "unexpected ')' at position 10")]
    [InlineData("f(uint7)", "'uint7' is not a canonical type")]
    [InlineData("f(uint264)", "'uint264' is not a canonical type")]
    [InlineData("f(uint08)", "'uint08' is not a canonical type")]
    [InlineData("f(bytes33)", "'bytes33' is not a canonical type")]
    [InlineData("f(bytes0)", "'bytes0' is not a canonical type")]
    [InlineData("f(Uint256)", "'Uint256' is not a canonical type")]
    [InlineData("f(uint256[)", "unclosed '['")]
    [InlineData("f(fixed128x81)", "'fixed128x81' is not a canonical type")]
    [InlineData("", "does not start with a name")]
    public void Non_canonical_signatures_are_rejected_naming_the_signature(string signature, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => AbiSignature.Selector(signature));
        Assert.Contains($"\"{signature}\"", ex.Message);
        Assert.Contains(fragment, ex.Message);
        Assert.Throws<ArgumentException>(() => AbiSignature.Topic(signature));
    }

    [Theory]
    [InlineData("f()")]
    [InlineData("f(int256,int8,uint8,bytes1,bytes32,function,fixed128x18,ufixed8x1)")]
    [InlineData("f((uint256,address)[],bytes)")]
    [InlineData("f(((uint256),())[3][])")]
    [InlineData("_$x9(string)")]
    public void Canonical_signatures_of_any_ABI_type_are_accepted(string signature)
    {
        Assert.Equal(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(signature))),
            AbiSignature.Selector(signature));
    }

    [Fact]
    public void Null_signature_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => AbiSignature.Selector(null!));
    }

    [Theory]
    [InlineData("uint256", AbiTypeKind.UInt, 256, false)]
    [InlineData("uint8", AbiTypeKind.UInt, 8, false)]
    [InlineData("uint160", AbiTypeKind.UInt, 160, false)]
    [InlineData("address", AbiTypeKind.Address, 0, false)]
    [InlineData("bool", AbiTypeKind.Bool, 0, false)]
    [InlineData("bytes1", AbiTypeKind.FixedBytes, 1, false)]
    [InlineData("bytes32", AbiTypeKind.FixedBytes, 32, false)]
    [InlineData("bytes", AbiTypeKind.Bytes, 0, true)]
    [InlineData("string", AbiTypeKind.String, 0, true)]
    [InlineData("address[]", AbiTypeKind.Array, 0, true)]
    [InlineData("bytes32[]", AbiTypeKind.Array, 0, true)]
    public void AbiType_parses_supported_canonical_names(string name, AbiTypeKind kind, int size, bool dynamic)
    {
        AbiType type = AbiType.Parse(name);
        Assert.Equal(kind, type.Kind);
        Assert.Equal(size, type.Size);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(name, type.CanonicalName);
        Assert.Equal(name, type.ToString());
        Assert.Equal(type, AbiType.Parse(name));
        Assert.Equal(type.GetHashCode(), AbiType.Parse(name).GetHashCode());
    }

    [Theory]
    [InlineData("uint", "alias")]
    [InlineData("int256", "not supported")]
    [InlineData("uint256[2]", "not supported")]
    [InlineData("uint256[][]", "not supported")]
    [InlineData("string[]", "not supported")]
    [InlineData("(uint256,bool)", "not supported")]
    [InlineData("fixed128x18", "not supported")]
    [InlineData("uint9", "not a canonical")]
    [InlineData("Address", "not a canonical")]
    [InlineData("uint256 ", "not a canonical")]
    public void AbiType_rejects_unsupported_or_non_canonical_names(string name, string fragment)
    {
        var ex = Assert.Throws<FormatException>(() => AbiType.Parse(name));
        Assert.Contains($"\"{name}\"", ex.Message);
        Assert.Contains(fragment, ex.Message);
        Assert.False(AbiType.TryParse(name, out _));
    }

    [Fact]
    public void AbiType_factories_check_their_ranges()
    {
        Assert.Same(AbiType.UInt256, AbiType.UInt(256));
        Assert.Same(AbiType.Bytes32, AbiType.FixedBytes(32));
        Assert.Equal("uint96", AbiType.UInt(96).CanonicalName);
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.UInt(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.UInt(264));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.FixedBytes(33));
        Assert.Throws<ArgumentException>(() => AbiType.ArrayOf(AbiType.String));
        Assert.Equal("bool[]", AbiType.ArrayOf(AbiType.Bool).CanonicalName);
    }

    [Fact]
    public void Topic_word_equals_keccak_as_uint256()
    {
        UInt256 topic = AbiSignature.Topic("Transfer(address,address,uint256)");
        UInt256 direct = Keccak256.HashToUInt256("Transfer(address,address,uint256)"u8);
        Assert.Equal(Hex(Word(direct)), Hex(Word(topic)));
    }

    private static byte[] Word(UInt256 value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return bytes;
    }
}
