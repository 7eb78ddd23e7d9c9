using LiquidationEngine.Abi;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Solvency.SolvencyKit;

namespace LiquidationEngine.Tests.Solvency;

/// <summary>Insurance deposits and withdrawals, the floor, the backstop setting; every revert atomic; declarations pinned.</summary>
public class InsuranceFundTests
{
    private static readonly Evm.Address Unlisted = Addr(0xDEAD);

    [Fact]
    public void DepositAndWithdrawAboveTheFloor()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.DepositInsurance(B(2), Treasury, Usdc, 1_000_000_000UL);
        market.DepositInsurance(B(2), Carol, Usdc, 1UL);
        market.SetInsurancePolicy(B(2), Usdc, 600_000_000UL, 0);
        market.WithdrawInsurance(B(3), Usdc, Treasury, 400_000_001UL); // exactly down to the floor
        Assert.Equal<EngineEvent>(
        [
            new InsuranceDepositedEvent(Usdc, Treasury, 1_000_000_000UL, 1_000_000_000UL),
            new InsuranceDepositedEvent(Usdc, Carol, 1UL, 1_000_000_001UL),
            new InsurancePolicySetEvent(Usdc, 600_000_000UL, 0),
            new InsuranceWithdrawnEvent(Usdc, Treasury, 400_000_001UL, 600_000_000UL),
        ], events.Events);
        Assert.Equal(((UInt256)600_000_000UL, (UInt256)600_000_000UL), (market.GetAsset(Usdc).Cash, market.GetAsset(Usdc).Solvency.InsuranceFund));
        Assert.Equal(0, AssertIdentity(market)[Usdc]);
        AssertRevertsAtomically(market, ErrorHex("InsuranceBelowFloor(address,uint256,uint256,uint256)", Usdc, 600_000_000UL, 600_000_000UL, 1UL),
            () => market.WithdrawInsurance(B(3), Usdc, Treasury, 1UL), events);
    }

    [Fact]
    public void FloorAboveTheFundBlocksEveryWithdrawal()
    {
        Market market = ListedMarket();
        market.DepositInsurance(B(2), Treasury, Weth, 5UL);
        market.SetInsurancePolicy(B(2), Weth, 9UL, 0);
        Assert.Equal(UInt256.Zero, market.GetAsset(Weth).Solvency.WithdrawableInsurance);
        AssertRevertsAtomically(market, ErrorHex("InsuranceBelowFloor(address,uint256,uint256,uint256)", Weth, 5UL, 9UL, 1UL),
            () => market.WithdrawInsurance(B(3), Weth, Treasury, 1UL));
    }

    [Fact]
    public void LentOutFundCannotBeWithdrawn()
    {
        Market market = AliceBorrowing();
        market.DepositInsurance(B(3), Treasury, Weth, Wad);
        market.Borrow(B(3), Bob, Weth, 11 * Wad); // all 11 WETH of cash, backed by Bob's USDC
        AssertRevertsAtomically(market, ErrorHex("InsufficientCash(address,uint256,uint256)", Weth, 0UL, Wad),
            () => market.WithdrawInsurance(B(3), Weth, Treasury, Wad));
    }

    [Fact]
    public void InvalidInputsRevertAtomically()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.DepositInsurance(B(2), Treasury, Usdc, 10UL);
        events.Clear();
        AssertRevertsAtomically(market, ErrorHex("ZeroAmount(address)", Usdc), () => market.DepositInsurance(B(2), Treasury, Usdc, 0UL), events);
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.DepositInsurance(B(2), Treasury, Unlisted, 1UL), events);
        AssertRevertsAtomically(market, ErrorHex("TimestampDecreased(uint256,uint256)", 1_700_000_024UL, 1_700_000_023UL),
            () => market.DepositInsurance(new Block(2, 1_700_000_023UL), Treasury, Usdc, 1UL), events);
        AssertRevertsAtomically(market, Support.EvmAssert.Overflow, () => market.DepositInsurance(B(2), Treasury, Usdc, UInt256.MaxValue), events);
        AssertRevertsAtomically(market, ErrorHex("ZeroAmount(address)", Usdc), () => market.WithdrawInsurance(B(2), Usdc, Treasury, 0UL), events);
        AssertRevertsAtomically(market, ErrorHex("InsuranceBelowFloor(address,uint256,uint256,uint256)", Usdc, 10UL, 0UL, 11UL),
            () => market.WithdrawInsurance(B(2), Usdc, Treasury, 11UL), events);
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.WithdrawInsurance(B(2), Unlisted, Treasury, 1UL), events);
        AssertRevertsAtomically(market, ErrorHex("InvalidFeeToReserves(address,uint256)", Usdc, 10_001UL),
            () => market.SetInsurancePolicy(B(2), Usdc, 0UL, 10_001), events);
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.SetInsurancePolicy(B(2), Unlisted, 0UL, 0), events);
        AssertRevertsAtomically(market, ErrorHex("InvalidBackstop(address,address,uint256)", Usdc, Evm.Address.Zero, 1UL),
            () => market.SetBackstop(B(2), Usdc, Evm.Address.Zero, 1UL), events);
        AssertRevertsAtomically(market, ErrorHex("AssetNotListed(address)", Unlisted), () => market.SetBackstop(B(2), Unlisted, Carol, 1UL), events);
        AssertRevertsAtomically(market, ErrorHex("BlockNumberDecreased(uint256,uint256)", 2UL, 1UL), () => market.SetBackstop(B(1), Usdc, Carol, 1UL), events);
    }

    [Fact]
    public void BackstopCanBeReplacedAndRemoved()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.SetBackstop(B(2), Usdc, Carol, 7UL);
        market.SetBackstop(B(2), Usdc, Evm.Address.Zero, 0UL);
        Assert.Equal<EngineEvent>([new BackstopSetEvent(Usdc, Carol, 7UL), new BackstopSetEvent(Usdc, Evm.Address.Zero, 0UL)], events.Events);
        Assert.True(market.GetAsset(Usdc).Solvency.IsDefault);
    }

    [Fact]
    public void SolvencyStateIsEncodedOnlyWhenPresent()
    {
        Market plain = ListedMarket(), touched = ListedMarket();
        touched.SetBackstop(B(1), Wbtc, Carol, 3UL);
        Assert.NotEqual(plain.StateHash, touched.StateHash);
        string hex = Convert.ToHexString(touched.CaptureState().Encode()).ToLowerInvariant();
        string section = Word(1) + Word(2) + Word(0) + Word(0) + Word(0) + Word(Carol) + Word(3) + Word(0) + Word(0) + Word(0) + Word(0);
        Assert.EndsWith(Word(0) + section, hex); // no accounts, then one asset (id 2) with solvency words
        Assert.Equal(Convert.ToHexString(plain.CaptureState().Encode()).ToLowerInvariant(), hex[..^section.Length]);

        touched.SetBackstop(B(1), Wbtc, Evm.Address.Zero, 0UL);
        Assert.Equal(plain.StateHash, touched.StateHash); // back to nothing: the same state, the same hash
        var restored = new Market(new LiquidationEngine.Markets.MarketOptions());
        touched.SetBackstop(B(1), Wbtc, Carol, 3UL);
        restored.Restore(touched.CaptureState());
        Assert.Equal(touched.StateHash, restored.StateHash);
    }

    public static TheoryData<string, string> ErrorSelectors => new()
    {
        // keccak-256 by an independent implementation (@noble/hashes)
        { "NoBadDebt(address)", "0e7c89db" },
        { "CollateralRemaining(address,address,uint256)", "c7589bf3" },
        { "InsuranceBelowFloor(address,uint256,uint256,uint256)", "51d60b98" },
        { "InvalidBackstop(address,address,uint256)", "896dc8ac" },
        { "InvalidFeeToReserves(address,uint256)", "902efce9" },
    };

    public static TheoryData<string, string> EventTopics => new()
    {
        { "BadDebtRealized(address,address,uint256)", "4cd08ab42d2483db44080471c09f220970a46acc9ae6f94fc3c357d16116c338" },
        { "InsuranceAbsorbed(address,uint256,uint256)", "5f31648b457445978ebe11f919acb2a02c124bc1f2226de6bd9ad924e6621f21" },
        { "BackstopAbsorbed(address,address,uint256,uint256)", "a529e85e2bdcdfe605c0ec036b09fbb252d06aac5cd2c4fe88f7dedb5bf7170e" },
        { "LossSocialized(address,uint256,uint256,uint256)", "062cafc5473126401c3f84f9820d161cbe1f9fdedb6ffe7ca8eaaeebe30b12f5" },
        { "AssetFrozen(address,uint256,uint256,uint256)", "cfbfc15c5fa5b1751dc25518a0709b03caa36a32478e48fb1f784fbb09bba673" },
        { "InsuranceDeposited(address,address,uint256,uint256)", "b8307b41f5399404306de8b9e0a036249bf957f7d77222f1b624be300b5bdac2" },
        { "InsuranceWithdrawn(address,address,uint256,uint256)", "20dd9ba381aa774a27129ee0669c973771106b4491b01c573b569c4fd7cf0739" },
        { "InsurancePolicySet(address,uint256,uint256)", "f13f964945bc2e6d5d545560ebaa3f870afdbbb6cdbf292727ad3ace707c5674" },
        { "BackstopSet(address,address,uint256)", "becf6425fd044452ea51450cfa6b02ea53aab14316121dea5face72688cd6df5" },
    };

    [Theory]
    [MemberData(nameof(ErrorSelectors))]
    public void ErrorSelectorIsKeccakOfTheSignature(string signature, string selectorHex) =>
        Assert.Equal(Convert.ToUInt32(selectorHex, 16), Assert.Single(EngineErrors.All, e => e.Signature == signature).Selector);

    [Theory]
    [MemberData(nameof(EventTopics))]
    public void EventTopic0IsKeccakOfTheSignature(string signature, string topicHex) =>
        Assert.Equal(U("0x" + topicHex), Assert.Single(EngineEvents.All, e => e.Signature == signature).Topic0);

    [Fact]
    public void EverySolvencyEventRoundTripsThroughItsLog()
    {
        EngineEvent[] all =
        [
            new BadDebtRealizedEvent(Alice, Usdc, 1UL),
            new InsuranceAbsorbedEvent(Usdc, 2UL, 3UL),
            new BackstopAbsorbedEvent(Usdc, Carol, 4UL, 5UL),
            new LossSocializedEvent(Usdc, 6UL, RayU, 7UL),
            new AssetFrozenEvent(Usdc, 8UL, 9UL, 10UL),
            new InsuranceDepositedEvent(Usdc, Treasury, 11UL, 12UL),
            new InsuranceWithdrawnEvent(Usdc, Treasury, 13UL, 14UL),
            new InsurancePolicySetEvent(Usdc, 15UL, 16),
            new BackstopSetEvent(Usdc, Carol, 17UL),
        ];
        Assert.Equal(EventTopics.Count, all.Length);
        foreach (EngineEvent e in all)
        {
            EventLog log = e.ToLog();
            Assert.Equal(e, EngineEvent.Decode(log));
        }
        // BackstopAbsorbed: asset and provider indexed, amount and capacity in the data
        EventLog backstop = all[2].ToLog();
        Assert.Equal([U("0xa529e85e2bdcdfe605c0ec036b09fbb252d06aac5cd2c4fe88f7dedb5bf7170e"), Usdc.ToUInt256(), Carol.ToUInt256()], backstop.Topics);
        Assert.Equal("0x" + Word(4) + Word(5), backstop.DataHex);
    }

    [Fact]
    public void RevertMessagesNameTheValues()
    {
        Market market = AliceBorrowing();
        var revert = Assert.Throws<Evm.EvmRevertException>(() => market.RealizeBadDebt(B(3), Alice));
        Assert.Contains("CollateralRemaining", revert.Message);
        Assert.Contains("10000000000000000000", revert.Message);
        Assert.Contains("liquidate it first", revert.Message);
    }
}
