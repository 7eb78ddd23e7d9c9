using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

public sealed class EventTests
{
    // Declared as the engine's Events file would.
    private static readonly EventDefinition Transfer = new("Transfer(address indexed from, address indexed to, uint256 value)");
    private static readonly EventDefinition Liquidate = new(
        "Liquidate(bytes32 indexed id, address indexed caller, address indexed borrower, uint256 repaidAssets, uint256 repaidShares, uint256 seizedAssets, uint256 badDebtAssets, uint256 badDebtShares)");
    private static readonly EventDefinition Flagged = new("Flagged(address indexed account, bool flag, bytes32 indexed id, string note, uint8[] codes)");

    private static readonly Address Alice = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly Address Bob = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

    private static string W(string hexWord) => hexWord.PadLeft(64, '0');

    private static string[] TopicsHex(EventLog log) => log.Topics.Select(t =>
    {
        var bytes = new byte[32];
        t.WriteBigEndian(bytes);
        return Hex(bytes);
    }).ToArray();

    [Fact]
    public void Erc20_transfer_log_has_the_well_known_layout()
    {
        EventLog log = Transfer.Create(Alice, Bob, 1000UL);
        Assert.Equal(
            [
                "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
                "0x" + W("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
                "0x" + W("fb6916095ca1df60bb79ce92ce3ea74c37c5d359"),
            ],
            TopicsHex(log));
        Assert.Equal("0x" + W("3e8"), log.DataHex);
        Assert.Equal("Transfer(address,address,uint256)", log.Signature);
        Assert.Equal("Transfer", log.Name);
        Assert.Equal("Transfer(from=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, to=0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359, value=1000)", log.ToString());
    }

    [Fact]
    public void Morpho_style_liquidate_log()
    {
        byte[] id = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        EventLog log = Liquidate.Create(AbiValue.FixedBytes(id), Alice, Bob, 1UL, 2UL, 3UL, 0UL, UInt256.MaxValue);
        Assert.Equal(
            [
                // keccak256("Liquidate(bytes32,address,address,uint256,uint256,uint256,uint256,uint256)"), from an independent Keccak
                "0xa4946ede45d0c6f06a0f5ce92c9ad3b4751452d2fe0e25010783bcab57a67e41",
                Hex(id),
                "0x" + W("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
                "0x" + W("fb6916095ca1df60bb79ce92ce3ea74c37c5d359"),
            ],
            TopicsHex(log));
        Assert.Equal("0x" + W("1") + W("2") + W("3") + W("0") + new string('f', 64), log.DataHex);
    }

    [Fact]
    public void Indexed_parameters_need_not_come_first()
    {
        byte[] id = Enumerable.Repeat((byte)0xcd, 32).ToArray();
        EventLog log = Flagged.Create(Bob, true, AbiValue.FixedBytes(id), "hi", AbiValue.Array(7UL, 8UL));
        Assert.Equal(
            [
                // keccak256("Flagged(address,bool,bytes32,string,uint8[])")
                "0xc56657d2d2f0a3dfe9a605303341dbddc096be554cf39aa06e769027aba91738",
                "0x" + W("fb6916095ca1df60bb79ce92ce3ea74c37c5d359"),
                Hex(id),
            ],
            TopicsHex(log));
        // data = abi.encode(true, "hi", [7, 8])
        Assert.Equal("0x" + W("1") + W("60") + W("a0") + W("2") + "6869".PadRight(64, '0') + W("2") + W("7") + W("8"), log.DataHex);
        Assert.Equal($"Flagged(account={Bob}, flag=true, id=0x{string.Concat(Enumerable.Repeat("cd", 32))}, note=\"hi\", codes=[7, 8])", log.Description);
    }

    [Fact]
    public void Decode_returns_arguments_in_declaration_order()
    {
        byte[] id = Enumerable.Repeat((byte)0xcd, 32).ToArray();
        AbiValue[] arguments = [Bob, true, AbiValue.FixedBytes(id), "hi", AbiValue.Array(7UL, 8UL)];
        EventLog log = Flagged.Create(arguments);
        Assert.True(Flagged.Matches(log));
        Assert.False(Transfer.Matches(log));
        Assert.Equal(arguments, Flagged.Decode(log));
        Assert.Throws<FormatException>(() => Transfer.Decode(log));
    }

    [Fact]
    public void Decode_rejects_a_malformed_indexed_topic()
    {
        // A Transfer log whose 'from' topic has bits above 160: no Solidity emitter produces it.
        var bad = new EventLog("Transfer(address,address,uint256)", [UInt256.MaxValue, Bob.ToUInt256()], new byte[32]);
        var ex = Assert.Throws<FormatException>(() => Transfer.Decode(bad));
        Assert.Contains("upper 96 bits", ex.Message);
    }

    [Fact]
    public void Low_level_log_equals_the_definition_built_one()
    {
        EventLog built = Transfer.Create(Alice, Bob, 1000UL);
        var manual = new EventLog("Transfer(address,address,uint256)", [Alice.ToUInt256(), Bob.ToUInt256()], new AbiEncoder().UInt256(1000).ToArray());
        Assert.Equal(built, manual);
        Assert.Equal(built.GetHashCode(), manual.GetHashCode());
        Assert.True(built.Equals((object)manual));
        Assert.NotEqual(built, Transfer.Create(Alice, Bob, 1001UL));
        Assert.NotEqual(built, Transfer.Create(Bob, Alice, 1000UL));
        Assert.False(built.Equals(null));
        Assert.StartsWith("Transfer(address,address,uint256) topics=[0xddf252ad", manual.ToString());
    }

    [Fact]
    public void Low_level_log_checks_signature_and_topic_count()
    {
        Assert.Throws<ArgumentException>(() => new EventLog("Transfer(address,address,uint)", [], []));
        var ex = Assert.Throws<ArgumentException>(() => new EventLog("E(uint256,uint256,uint256,uint256)", [1UL, 2UL, 3UL, 4UL], []));
        Assert.Contains("at most 3 indexed", ex.Message);
    }

    [Fact]
    public void Topics_cannot_be_modified_through_the_list()
    {
        EventLog log = Transfer.Create(Alice, Bob, 1UL);
        Assert.False(log.Topics is UInt256[]);
        Assert.True(((ICollection<UInt256>)log.Topics).IsReadOnly);
    }

    [Theory]
    [InlineData("E(uint256 indexed a, uint256 indexed b, uint256 indexed c, uint256 indexed d)", "4 indexed parameters; an event has at most 3")]
    [InlineData("E(string indexed note)", "is dynamic")]
    [InlineData("E(uint256[] indexed values)", "is dynamic")]
    [InlineData("E(uint256 indexed)", "")] // indexed without a name is fine
    public void Declarations_enforce_indexing_rules(string declaration, string fragment)
    {
        if (fragment.Length == 0)
        {
            Assert.Equal(1, new EventDefinition(declaration).Create(5UL).Topics.Count - 1);
            return;
        }
        var ex = Assert.Throws<ArgumentException>(() => new EventDefinition(declaration));
        Assert.Contains($"\"{declaration}\"", ex.Message);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Wrong_arguments_are_rejected_naming_the_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => Transfer.Create(Alice, 5UL, 1UL));
        Assert.Contains("Transfer: argument 'to' (address)", ex.Message);
        Assert.Throws<ArgumentException>(() => Transfer.Create(Alice, Bob));
    }

    [Fact]
    public void Definition_exposes_its_declaration()
    {
        Assert.Equal("Transfer", Transfer.Name);
        Assert.Equal("Transfer(address,address,uint256)", Transfer.Signature);
        Assert.Equal("Transfer(address indexed from, address indexed to, uint256 value)", Transfer.ToString());
        Assert.Equal([true, true, false], Transfer.Parameters.Select(p => p.IsIndexed));
        Assert.Equal(AbiSignature.Topic("Transfer(address,address,uint256)"), Transfer.Topic0);
    }
}
