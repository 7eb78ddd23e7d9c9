using LiquidationEngine.Abi;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

/// <summary>
/// Selectors and topics pinned to values computed outside .NET (keccak-256 of the canonical signatures by an
/// independent implementation, @noble/hashes), plus exact log bytes for an emitted event.
/// </summary>
public class EventsAndErrorsTests
{
    public static TheoryData<string, string> ErrorSelectors => new()
    {
        { "ZeroAssetAddress()", "c7ab31fb" },
        { "InvalidDecimals(address,uint8)", "f2353bd3" },
        { "InvalidLtv(address,uint256,uint256)", "7dd5f7ff" },
        { "InvalidLiquidationBonus(address,uint256)", "32b1acdb" },
        { "LiquidationCannotHeal(address,uint256,uint256)", "867fa20d" },
        { "InvalidProtocolFee(address,uint256)", "8d2b26dc" },
        { "InvalidFlags(address,uint256)", "61e51a74" },
        { "AssetAlreadyListed(address)", "99dd81ed" },
        { "AssetNotListed(address)", "d0957f1f" },
        { "TooManyAssets(uint256)", "04628a1c" },
        { "InvalidPrice(address,uint256)", "a8a6fcc1" },
        { "InvalidPriceDecimals(uint8)", "628a73d7" },
        { "InvalidCloseFactor(uint256)", "4b702be3" },
        { "InvalidFullCloseFactorHealthFactor(uint256)", "d789e051" },
        { "InvalidTargetHealthFactor(uint256)", "ad6f4003" },
        { "InvalidBonusRange(uint256,uint256)", "789c2ba5" },
        { "InvalidHealthFactorForMaxBonus(uint256)", "325d3d62" },
        { "BlockNumberDecreased(uint256,uint256)", "88e651bb" },
        { "TimestampDecreased(uint256,uint256)", "990ffba5" },
        { "ZeroAmount(address)", "5871e358" },
        { "AmountRoundsToZero(address,uint256)", "bb3df901" },
        { "AmountExceedsSupply(address,address,uint256,uint256)", "cf0dde9b" },
        { "AmountExceedsDebt(address,address,uint256,uint256)", "a4dea53f" },
        { "InsufficientCash(address,uint256,uint256)", "0c18bb40" },
        { "SupplyCapExceeded(address,uint256,uint256)", "904f4c05" },
        { "BorrowCapExceeded(address,uint256,uint256)", "0760acad" },
        { "BorrowingNotEnabled(address)", "6e3a558a" },
        { "CollateralNotEnabled(address)", "a733eac7" },
        { "NoSupplyBalance(address,address)", "3687b263" },
        { "HealthFactorTooLow(address,uint256)", "14c93656" },
        { "BorrowCapacityExceeded(address,uint256,uint256)", "0ef4a555" },
        { "BorrowIndexDecreased(address,uint256,uint256)", "347603c9" },
        { "SupplyIndexDecreased(address,uint256,uint256)", "4dad00a2" },
        { "NotLiquidatable(address,uint256)", "dfb34596" },
        { "CollateralNotSeizable(address,address)", "06669995" },
        { "NoDebtInAsset(address,address)", "bcb34def" },
    };

    public static TheoryData<string, string> EventTopics => new()
    {
        { "AssetListed(address,uint8,uint256)", "a668d7f27f7f9ca96f7d22b71d0191287d9ee4b5c3c402791c99befc254467b5" },
        { "RiskParametersSet(address,uint256,uint256,uint256,uint256,uint256,uint256,uint256)", "e23b3864c82079a01307aafff7238fa6f17b3e87f0b5503446623b624de8700b" },
        { "PriceSet(address,uint256,uint256)", "d9359f6744c286382115ed720fc5e2e5da40d7aa33113ed0f1a3a4557c87ae40" },
        { "Supply(address,address,uint256,uint256)", "69a3ea8e6d6819646fbf2b98e9e8dd6d9cd343852550621038b4d72e4aa6dd37" },
        { "Withdraw(address,address,uint256,uint256)", "f341246adaac6f497bc2a656f546ab9e182111d630394f0c57c710a59a2cb567" },
        { "Borrow(address,address,uint256,uint256)", "c1561b330e73faa7d5d1ac03c968d8f359b0191ccdb9cc002cf7d8eb6ae038cb" },
        { "Repay(address,address,uint256,uint256)", "e4a1ae657f49cb1fb1c7d3a94ae6093565c4c8c0e03de488f79c377c3c3a24e0" },
        { "UseAsCollateralSet(address,address,bool)", "c1fae35635c840ca693a2aef027f09f09f182cf651ba4b9a7cb017ecfae33cce" },
        { "InterestAccrued(address,uint256,uint256)", "4557e05caeefc19fe1b4badbbd2996f86791aa6e830e224dc79c20725c38b9c1" },
        { "LiquidationCall(address,address,address,address,uint256,uint256,uint256,uint256,uint256,uint256)", "98f392b469c14357df20e84e08afc01ef0b9290a884f1be3c06344895c2cafbf" },
    };

    [Theory]
    [MemberData(nameof(ErrorSelectors))]
    public void ErrorSelectorIsKeccakOfTheSignature(string signature, string selectorHex)
    {
        CustomError error = Assert.Single(EngineErrors.All, e => e.Signature == signature);
        Assert.Equal(Convert.ToUInt32(selectorHex, 16), error.Selector);
    }

    [Fact]
    public void EveryErrorIsPinned() => Assert.Equal(ErrorSelectors.Count + Solvency.InsuranceFundTests.ErrorSelectors.Count, EngineErrors.All.Count);

    [Fact]
    public void SelectorsAreDistinct() => Assert.Equal(EngineErrors.All.Count, EngineErrors.All.Select(e => e.Selector).Distinct().Count());

    [Theory]
    [MemberData(nameof(EventTopics))]
    public void EventTopic0IsKeccakOfTheSignature(string signature, string topicHex)
    {
        EventDefinition definition = Assert.Single(EngineEvents.All, e => e.Signature == signature);
        Assert.Equal(U("0x" + topicHex), definition.Topic0);
    }

    [Fact]
    public void EveryEventIsPinned() => Assert.Equal(EventTopics.Count + Solvency.InsuranceFundTests.EventTopics.Count, EngineEvents.All.Count);

    [Fact]
    public void LiquidationCallLogBytes()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        market.SetPrice(B(3), Weth, 1400_0000_0000UL);
        events.Clear();
        market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        EventLog log = events.Logs.Single();

        Assert.Equal(
            [U("0x98f392b469c14357df20e84e08afc01ef0b9290a884f1be3c06344895c2cafbf"), Weth.ToUInt256(), Usdc.ToUInt256(), Alice.ToUInt256()],
            log.Topics);
        string expectedData = "0x"
            + Word(Keeper)
            + Word(6_000_000_000UL)
            + Word(4_500_000_000_000_000_000UL)
            + Word(21_428_571_428_571_429UL)
            + Word(10500)
            + Word(962_500_000_000_000_000UL)
            + Word(1_058_750_000_000_000_000UL);
        Assert.Equal(expectedData, log.DataHex);
    }

    [Fact]
    public void EveryEventRoundTripsThroughItsLog()
    {
        var events = new EventRecorder();
        Market market = ListedMarket(events);
        market.ListAsset(B(1), DaiConfig, DaiPrice);
        market.SetPrice(B(1), Dai, 2);
        market.Supply(B(2), Bob, Usdc, 1_000_000_000_000UL);
        market.Supply(B(2), Alice, Weth, 10 * Wad);
        market.Borrow(B(2), Alice, Usdc, 12_000_000_000UL);
        market.Repay(B(2), Alice, Usdc, 1_000_000UL);
        market.AccrueInterest(B(2), Usdc, U(Ray + 1), U(Ray));
        market.SetUseAsCollateral(B(2), Bob, Usdc, false);
        market.Withdraw(B(2), Bob, Usdc, 1);
        market.SetPrice(B(3), Weth, 1000_0000_0000UL);
        market.Liquidate(B(3), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);

        // the death spiral at the end realises bad debt (BadDebtRealized, LossSocialized); the other solvency events round-trip in tests/Solvency
        string[] solvencyOnly = ["InsuranceAbsorbed", "BackstopAbsorbed", "AssetFrozen", "InsuranceDeposited", "InsuranceWithdrawn", "InsurancePolicySet", "BackstopSet"];
        Assert.Equal(EngineEvents.All.Select(e => e.Name).Except(solvencyOnly).Order(), events.Events.Select(e => e.Definition.Name).Distinct().Order());
        foreach (EngineEvent e in events.Events)
        {
            EventLog log = e.ToLog();
            Assert.Equal(e, EngineEvent.Decode(log));
            Assert.Equal(e.Definition.Topic0, log.Topics[0]);
        }
    }

    [Fact]
    public void RevertMessageNamesTheValues()
    {
        Market market = AliceBorrowing();
        var revert = Assert.Throws<Evm.EvmRevertException>(() => market.Withdraw(B(3), Alice, Weth, UInt256.MaxValue));
        Assert.Contains("HealthFactorTooLow", revert.Message);
        Assert.Contains(Alice.ToString(), revert.Message);
        Assert.Contains("below 1e18", revert.Message);
    }
}
