using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

public sealed class CustomErrorTests
{
    // Declared as the engine's Errors file would.
    private static readonly CustomError LiquidationThrottled = new("LiquidationThrottled(uint256 available, uint256 secondsUntilMinimum)");
    private static readonly CustomError InsufficientBalance = new("ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)");

    private static string W(string hexWord) => hexWord.PadLeft(64, '0');

    [Fact]
    public void Revert_data_is_selector_then_encoded_arguments_and_message_names_the_values()
    {
        EvmRevertException revert = LiquidationThrottled.Create(123UL, 4UL);
        // selector = keccak256("LiquidationThrottled(uint256,uint256)")[0..4], from an independent Keccak
        Assert.Equal("0xd3e95b27" + W("7b") + W("4"), revert.RevertDataHex);
        Assert.Equal("LiquidationThrottled(available=123, secondsUntilMinimum=4)", revert.Message);
        Assert.Null(revert.Panic);
        Assert.Equal(0xd3e95b27u, LiquidationThrottled.Selector);
        Assert.Equal("LiquidationThrottled(uint256,uint256)", LiquidationThrottled.Signature);
        Assert.Equal("LiquidationThrottled", LiquidationThrottled.Name);
    }

    [Fact]
    public void OpenZeppelin_error_matches_its_published_selector_and_layout()
    {
        Address sender = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        EvmRevertException revert = InsufficientBalance.Create(sender, 10UL, UInt256.MaxValue);
        Assert.Equal("0xe450d38c" + W("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed") + W("a") + new string('f', 64), revert.RevertDataHex);
        Assert.Equal(
            "ERC20InsufficientBalance(sender=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, balance=10, needed=115792089237316195423570985008687907853269984665640564039457584007913129639935)",
            revert.Message);
    }

    [Fact]
    public void Dynamic_and_unnamed_parameters_encode_and_describe()
    {
        var error = new CustomError("Rejected(string, bool flag, bytes32 id, uint8[] codes)");
        byte[] id = Enumerable.Repeat((byte)0xab, 32).ToArray();
        EvmRevertException revert = error.Create("no \"way\"", true, AbiValue.FixedBytes(id), AbiValue.Array(1UL, 255UL));
        Assert.Equal("Rejected(\"no \\\"way\\\"\", flag=true, id=0x" + string.Concat(Enumerable.Repeat("ab", 32)) + ", codes=[1, 255])", revert.Message);
        Assert.Equal(AbiSignature.Selector("Rejected(string,bool,bytes32,uint8[])"), error.Selector);
        string expected = "0x" + error.Selector.ToString("x8")
            + W("80") + W("1") + string.Concat(Enumerable.Repeat("ab", 32)) + W("c0")
            + W("8") + "6e6f202277617922".PadRight(64, '0')
            + W("2") + W("1") + W("ff");
        Assert.Equal(expected, revert.RevertDataHex);
    }

    [Fact]
    public void Decode_reads_the_arguments_back()
    {
        EvmRevertException revert = LiquidationThrottled.Create(123UL, 4UL);
        Assert.True(LiquidationThrottled.Matches(revert.RevertData.Span));
        Assert.False(InsufficientBalance.Matches(revert.RevertData.Span));
        AbiValue[] args = LiquidationThrottled.Decode(revert.RevertData.Span);
        Assert.Equal(new AbiValue[] { 123UL, 4UL }, args);

        var ex = Assert.Throws<FormatException>(() => InsufficientBalance.Decode(revert.RevertData.Span));
        Assert.Contains("ERC20InsufficientBalance(address,uint256,uint256)", ex.Message);
        Assert.Throws<FormatException>(() => LiquidationThrottled.Decode(revert.RevertData.Span[..40]));
        Assert.False(LiquidationThrottled.Matches([0xd3, 0xe9, 0x5b]));
    }

    [Fact]
    public void Wrong_arguments_are_rejected_naming_the_parameter()
    {
        var count = Assert.Throws<ArgumentException>(() => LiquidationThrottled.Create(1UL));
        Assert.Contains("LiquidationThrottled takes 2 argument(s) (uint256 available, uint256 secondsUntilMinimum); got 1", count.Message);
        var type = Assert.Throws<ArgumentException>(() => InsufficientBalance.Create(1UL, 2UL, 3UL));
        Assert.Contains("argument 'sender' (address): unsigned integer 1 cannot be encoded as address", type.Message);
        var small = new CustomError("TooBig(uint8 value)");
        var range = Assert.Throws<ArgumentException>(() => small.Create(256UL));
        Assert.Contains("argument 'value' (uint8): 256 does not fit in uint8", range.Message);
        Assert.Equal("0x" + small.Selector.ToString("x8") + W("ff"), small.Create(255UL).RevertDataHex);
    }

    [Theory]
    [InlineData("NoParens", "expected Name(type name, ...)")]
    [InlineData("Bad Name(uint256)", "expected Name(type name, ...)")]
    [InlineData("X(uint)", "alias")]
    [InlineData("X(int256 a)", "not supported")]
    [InlineData("X(uint256 indexed a)", "only event parameters can be indexed")]
    [InlineData("X(uint256 a b)", "is not 'type [indexed] [name]'")]
    [InlineData("X(uint256 a, uint256 a)", "\"a\" is used twice")]
    [InlineData("X(uint256 1a)", "\"1a\" is not a valid parameter name")]
    [InlineData("X(uint256,)", "is not 'type [indexed] [name]'")]
    [InlineData("Error(string)", "Error and Panic are built in")]
    [InlineData("Panic(uint256 code)", "Error and Panic are built in")]
    public void Malformed_declarations_are_rejected_naming_the_declaration(string declaration, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => new CustomError(declaration));
        Assert.Contains($"\"{declaration}\"", ex.Message);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Declarations_tolerate_spacing_and_print_canonically()
    {
        var error = new CustomError("  Unauthorized ( address   caller ,bytes32 role )  ");
        Assert.Equal("Unauthorized(address,bytes32)", error.Signature);
        Assert.Equal("Unauthorized(address caller, bytes32 role)", error.ToString());
        Assert.Equal(["address caller", "bytes32 role"], error.Parameters.Select(p => p.ToString()));
        Assert.Equal(AbiSignature.Selector("Unauthorized(address,bytes32)"), error.Selector);
        var none = new CustomError("Paused()");
        Assert.Equal("0x9e87fac8", none.Create().RevertDataHex); // keccak256("Paused()") starts 9e87fac8
        Assert.Equal("Paused()", none.Create().Message);
    }

    [Fact]
    public void ForCustomError_guards_built_in_selectors_and_word_alignment()
    {
        Assert.Throws<ArgumentException>(() => EvmRevertException.ForCustomError(EvmRevertException.PanicSelector, new byte[32], "x"));
        Assert.Throws<ArgumentException>(() => EvmRevertException.ForCustomError(EvmRevertException.ErrorSelector, new byte[32], "x"));
        Assert.Throws<ArgumentException>(() => EvmRevertException.ForCustomError(0x12345678, new byte[31], "x"));
        var revert = EvmRevertException.ForCustomError(0x12345678, new byte[32], "Custom(0)");
        Assert.Equal("0x12345678" + W("0"), revert.RevertDataHex);
        Assert.Equal("Custom(0)", revert.Message);
    }
}
