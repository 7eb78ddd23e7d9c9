using LiquidationEngine.Abi;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using Xunit;

namespace LiquidationEngine.Tests.Engine;

/// <summary>The embedding example of README.md (Engine section), verbatim between the markers, so it keeps compiling and working.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void EmbeddingExample()
    {
        var log = new List<string>();
        void Print(string line) => log.Add(line);

        // README example: begin
        var events = new EventRecorder();
        var market = new Market(new MarketOptions
        {
            PriceDecimals = 8,                        // prices and values in 1e-8 USD
            CloseFactor = new TargetHealthFactor(),   // repay just enough to get back to HF 1.05
            DustThresholdBase = 100_0000_0000UL,      // never leave less than $100 of debt behind
        }, events);

        Address weth = Address.Parse("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
        Address usdc = Address.Parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
        Address alice = Address.Parse("0x00000000000000000000000000000000000a11ce");
        Address bob = Address.Parse("0x0000000000000000000000000000000000000b0b");
        Address keeper = Address.Parse("0x0000000000000000000000000000000000004ee9");
        const AssetFlags both = AssetFlags.CollateralEnabled | AssetFlags.BorrowingEnabled;

        var block = new Block(Number: 1, Timestamp: 1_700_000_000); // time is an input, never the clock
        market.ListAsset(block, new AssetConfig(weth, Decimals: 18, new RiskParameters(
            LtvBps: 8000, LiquidationThresholdBps: 8250, LiquidationBonusBps: 10500, ProtocolFeeBps: 1000, both)), price: 2000_0000_0000UL);
        market.ListAsset(block, new AssetConfig(usdc, Decimals: 6, new RiskParameters(
            LtvBps: 7500, LiquidationThresholdBps: 8000, LiquidationBonusBps: 10400, ProtocolFeeBps: 1000, both)), price: 1_0000_0000UL);

        market.Supply(block, bob, usdc, 1_000_000_000_000UL);              // 1 000 000 USDC of liquidity
        market.Supply(block, alice, weth, UInt256.Parse("10000000000000000000")); // 10 WETH, enabled as collateral
        market.Borrow(block, alice, usdc, 12_000_000_000UL);                // 12 000 USDC: HF 1.375

        block = new Block(2, 1_700_000_012);
        market.SetPrice(block, weth, 1400_0000_0000UL);                     // WETH falls to $1400: HF 0.9625
        if (market.IsLiquidatable(alice))
        {
            // A keeper's quote is the engine's own computation: what it quotes is what executes.
            LiquidationQuote quote = market.GetMaxLiquidation(alice, usdc, weth);
            LiquidationResult done = market.Liquidate(block, keeper, alice, usdc, weth, debtToCover: quote.DebtRepaid);
            Print($"repaid {done.DebtRepaid} USDC units, seized {done.CollateralSeized} WETH wei, HF {done.HealthFactorBefore} -> {done.HealthFactorAfter}");
        }

        try
        {
            market.Withdraw(block, alice, weth, UInt256.MaxValue);          // would leave HF below 1: reverts, changes nothing
        }
        catch (EvmRevertException revert) when (EngineErrors.HealthFactorTooLow.Matches(revert.RevertData.Span))
        {
            Print(revert.RevertDataHex);                                    // the exact bytes eth_call would return
        }

        foreach (EventLog evm in events.Logs)                               // ABI-encoded, as the EVM would log them
            Print($"{evm.Name} topics={evm.Topics.Count} data={evm.Data.Length} bytes");
        EngineState snapshot = market.CaptureState();                       // immutable; market.Restore(snapshot) goes back
        Print($"state hash 0x{market.StateHash:x64}");
        // README example: end

        Assert.Equal("repaid 5714285715 USDC units, seized 4285714286250000000 WETH wei, HF 962500000000000000 -> 1050000000020880681", log[0]);
        Assert.StartsWith("0x14c93656", log[1]); // HealthFactorTooLow(address,uint256)
        Assert.Contains(log, line => line.StartsWith("LiquidationCall topics=4 data=224 bytes", StringComparison.Ordinal));
        Assert.Equal(snapshot.Hash, market.StateHash);
        Assert.Equal($"state hash 0x{snapshot.Hash:x64}", log[^1]);
    }

    [Fact]
    public void TheReadmeShowsExactlyThisCode()
    {
        string source = File.ReadAllText(Find(Path.Combine("tests", "LiquidationEngine.Tests", "Engine", "ReadmeExampleTests.cs")));
        const string begin = "        // README example: begin\n", end = "        // README example: end";
        int from = source.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        string[] lines = source[from..source.IndexOf(end, from, StringComparison.Ordinal)].TrimEnd('\n').Split('\n');
        string code = string.Join('\n', lines.Select(line => line.Length >= 8 ? line[8..] : line.Trim()));
        Assert.Contains(code, File.ReadAllText(Find("README.md")).Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    private static string Find(string relative, bool optional = false)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path)) return path;
        }
        return optional ? null! : throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
