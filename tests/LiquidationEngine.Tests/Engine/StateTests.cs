using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

public class StateTests
{
    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    [Fact]
    public void EmptyMarketEncodingIsTheDocumentedWords()
    {
        var market = new Market(new MarketOptions());
        string expected = string.Concat(
            Word(1),                           // layout version
            Word(8), Word(0), Word(5000), Word(950_000_000_000_000_000UL), // price decimals; fixed close factor 50%, full at 0.95
            Word(0), Word(0), Word(0), Word(0), // fixed bonus (no parameters)
            Word(0),                           // dust threshold
            Word(0), Word(0),                  // last block number and timestamp
            Word(0),                           // assets
            Word(0));                          // accounts
        Assert.Equal(expected, Hex(market.CaptureState().Encode()));
        // keccak-256 of those 448 bytes, by an independent implementation (@noble/hashes)
        Assert.Equal(U("0x809bdd4c977bc62fe96bb2dfeb711e607f65466464e49108e5509e5e426413ba"), market.StateHash);
    }

    [Fact]
    public void AssetAndAccountWordsAreInTheDocumentedOrder()
    {
        var market = new Market(new MarketOptions());
        market.ListAsset(B(1), WethConfig, WethPrice);
        market.Supply(B(2), Alice, Weth, 5);
        string encoded = Hex(market.CaptureState().Encode());
        string asset = string.Concat(
            Word(Weth), Word(18), Word(8000), Word(8250), Word(10500), Word(1000), Word(3), Word(0), Word(0),
            Word(WethPrice), Word(U(Ray)), Word(U(Ray)), Word(5), Word(0), Word(5), Word(0));
        string account = string.Concat(Word(1), Word(Alice), Word(1), Word(0), Word(5), Word(0), Word(true));
        Assert.EndsWith(Word(2) + Word(1_700_000_024) + Word(1) + asset + account, encoded);
    }

    [Fact]
    public void HashDependsOnStateNotHistory()
    {
        Market a = ListedMarket();
        a.Supply(B(2), Alice, Weth, 3);
        a.Supply(B(2), Bob, Usdc, 7);
        a.Supply(B(2), Alice, Weth, 2);

        Market b = ListedMarket();
        b.Supply(B(2), Bob, Usdc, 1);
        b.Supply(B(2), Keeper, Wbtc, 9);
        b.Supply(B(2), Alice, Weth, 5);
        b.Supply(B(2), Bob, Usdc, 6);
        b.Withdraw(B(2), Keeper, Wbtc, UInt256.MaxValue); // Keeper leaves no trace

        Assert.Equal(a.StateHash, b.StateHash);
        Assert.Equal(a.CaptureState().Encode(), b.CaptureState().Encode());
        b.Supply(B(2), Bob, Usdc, 1);
        Assert.NotEqual(a.StateHash, b.StateHash);
    }

    [Fact]
    public void RestoreGoesBackExactlyAndReplaysIdentically()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        EngineState saved = market.CaptureState();

        market.SetPrice(B(3), Weth, 1400_0000_0000UL);
        LiquidationResult first = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue);
        UInt256 afterFirst = market.StateHash;
        var firstLogs = events.Logs.ToList();
        Assert.NotEqual(saved.Hash, afterFirst);

        market.Restore(saved);
        Assert.Equal(saved.Hash, market.StateHash);
        events.Clear();
        market.SetPrice(B(3), Weth, 1400_0000_0000UL);
        Assert.Equal(first, market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
        Assert.Equal(afterFirst, market.StateHash);
        Assert.Equal(firstLogs, events.Logs.ToList());
    }

    [Fact]
    public void RestoreIntoAFreshMarketWithOtherOptions()
    {
        Market source = AliceBorrowing();
        var target = new Market(new MarketOptions { PriceDecimals = 18 });
        target.Restore(source.CaptureState());
        Assert.Equal(source.StateHash, target.StateHash);
        Assert.Equal(source.Options, target.Options);
        Assert.Equal(source.GetAccountData(Alice), target.GetAccountData(Alice));
    }

    [Fact]
    public void SnapshotIsImmutable()
    {
        Market market = AliceBorrowing();
        EngineState saved = market.CaptureState();
        UInt256 hash = saved.Hash;
        market.Supply(B(3), Alice, Weth, 1);
        Assert.Equal(hash, saved.Hash);
        Assert.Equal(hash, LiquidationEngine.Abi.Keccak256.HashToUInt256(saved.Encode()));
        Assert.Equal(10 * Wad, (ulong)saved.Accounts.Single(a => a.Account == Alice).Positions.Single(p => p.Asset == Weth).ScaledSupply);
    }

    [Fact]
    public void OptionsAreInTheHash()
    {
        Assert.NotEqual(new Market(new MarketOptions()).StateHash, new Market(new MarketOptions { DustThresholdBase = 1 }).StateHash);
        Assert.NotEqual(new Market(new MarketOptions()).StateHash, new Market(new MarketOptions { CloseFactor = new TargetHealthFactor() }).StateHash);
        Assert.NotEqual(new Market(new MarketOptions()).StateHash, new Market(new MarketOptions { Bonus = new VariableBonus() }).StateHash);
    }
}
