using System.Numerics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

/// <summary>
/// Random operation sequences, valid and invalid (zero and oversize amounts, unlisted assets, time going
/// backwards, zero prices, decreasing indexes, healthy accounts liquidated...): determinism and atomicity.
/// </summary>
public class EnginePropertyTests(ITestOutputHelper output)
{
    private static readonly Address[] Accounts = [Alice, Bob, Keeper];
    private static readonly Address[] Tokens = [Weth, Usdc, Wbtc, Addr(0xDEAD)]; // the last one is never listed

    internal sealed record Op(int Kind, int Account, int Asset, int Asset2, BigInteger Amount, int BlockStep, bool Flag);

    private static readonly Gen<Op> Ops =
        from kind in Gen.Choose(0, 9)
        from account in Gen.Choose(0, 2)
        from asset in Gen.Frequency((8, Gen.Choose(0, 2)), (1, Gen.Constant(3)))
        from asset2 in Gen.Choose(0, 2)
        from amount in Gen.Frequency(
            (1, Gen.Constant(BigInteger.Zero)),
            (1, Gen.Constant(U256.MaxBig)),
            (8, EngineGen.Magnitude(0, 22)))
        from step in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(-1)))
        from flag in Gen.Elements(false, true)
        select new Op(kind, account, asset, asset2, amount, step, flag);

    private static readonly Gen<Op[]> Sequences = Gen.ArrayOf(Ops).Resize(60);

    /// <summary>Runs one op; returns the event logs' hex or the revert data, and asserts atomicity on reverts.</summary>
    private static string Apply(Market market, EventRecorder events, ref Block block, Op op)
    {
        var next = new Block((ulong)Math.Max(0, (long)block.Number + op.BlockStep), (ulong)Math.Max(0, (long)block.Timestamp + 12 * op.BlockStep));
        Address account = Accounts[op.Account], asset = Tokens[op.Asset], other = Tokens[op.Asset2];
        UInt256 amount = U256.From(op.Amount);
        UInt256 hashBefore = market.StateHash;
        events.Clear();
        try
        {
            switch (op.Kind)
            {
                case 0: market.Supply(next, account, asset, amount); break;
                case 1: market.Withdraw(next, account, asset, amount); break;
                case 2: market.Borrow(next, account, asset, amount); break;
                case 3: market.Repay(next, account, asset, amount); break;
                case 4: market.SetUseAsCollateral(next, account, asset, op.Flag); break;
                case 5: market.SetPrice(next, asset, op.Flag ? amount : U256.From(op.Amount % 100_000_0000_0000 + 1)); break;
                case 6:
                    AssetState s = market.GetAsset(Tokens[op.Asset2]);
                    UInt256 step = U256.From(op.Amount % (BigInteger.Pow(10, 25)));
                    market.AccrueInterest(next, op.Asset == 3 ? asset : other, op.Flag ? s.BorrowIndex + step : s.BorrowIndex - UInt256.One, s.SupplyIndex + step / 2UL);
                    break;
                case 7: market.Liquidate(next, Keeper, account, asset, other, amount); break;
                case 8: market.SetRiskParameters(next, asset, market.GetAsset(other).Config.Risk with { ProtocolFeeBps = (uint)(op.Amount % 10_001) }); break;
                default: market.Liquidate(next, Keeper, account, other, asset, UInt256.MaxValue); break;
            }
            block = next;
            return string.Join(";", events.Logs.Select(l => string.Join(",", l.Topics.Select(t => t.ToString("x64"))) + ":" + l.DataHex));
        }
        catch (EvmRevertException revert)
        {
            Assert.Equal(hashBefore, market.StateHash); // atomic: a revert changes nothing
            Assert.Empty(events.Events);               // and emits nothing
            return "revert " + revert.RevertDataHex;
        }
    }

    private static (Market Market, EventRecorder Events) Fresh()
    {
        var events = new EventRecorder();
        Market market = AliceBorrowing(events);
        market.Supply(B(2), Bob, Weth, 5 * Wad);
        market.Supply(B(2), Keeper, Wbtc, 100_000_000UL);
        return (market, events);
    }

    [Fact]
    public void SameOperationsGiveTheSameStateHashesEventsAndReverts()
    {
        int cases = 0, reverts = 0, successes = 0;
        PropertyCheck.Run(output, "engine.determinism", Sequences, ops =>
        {
            cases++;
            (Market first, EventRecorder firstEvents) = Fresh();
            (Market second, EventRecorder secondEvents) = Fresh();
            Block firstBlock = first.LastBlock, secondBlock = second.LastBlock;
            foreach (Op op in ops)
            {
                string a = Apply(first, firstEvents, ref firstBlock, op);
                string b = Apply(second, secondEvents, ref secondBlock, op);
                Assert.Equal(a, b);
                Assert.Equal(first.StateHash, second.StateHash);
                if (a.StartsWith("revert", StringComparison.Ordinal)) reverts++; else successes++;
            }
            Assert.Equal(first.CaptureState().Encode(), second.CaptureState().Encode());
        }, maxTest: 150);
        output.WriteLine($"{successes} successful and {reverts} reverted operations compared");
        Assert.True(successes >= cases * 5 && reverts >= cases * 5, "both outcomes must be exercised");
    }

    [Fact]
    public void RevertsAreAtomicTotalsMatchTheAccountsAndRoundingFeedsTheSurplus()
    {
        var revertKinds = new HashSet<string>();
        PropertyCheck.Run(output, "engine.atomicity", Sequences, ops =>
        {
            (Market market, EventRecorder events) = Fresh();
            Block block = market.LastBlock;
            foreach (Op op in ops)
            {
                BigInteger[] surplusBefore = Surplus(market.CaptureState());
                string outcome = Apply(market, events, ref block, op); // asserts atomicity of each revert
                if (outcome.StartsWith("revert", StringComparison.Ordinal)) revertKinds.Add(outcome[7..Math.Min(outcome.Length, 17)]);
                EngineState after = market.CaptureState();
                AssertTotalsMatchAccounts(after);
                if (op.Kind != 6) // every operation but AccrueInterest rounds in the market's favour (spec/SPEC.md 4.1, books)
                    Assert.All(Surplus(after).Zip(surplusBefore), pair => Assert.True(pair.First >= pair.Second, $"surplus fell from {pair.Second} to {pair.First}"));
            }
        }, maxTest: 150);
        output.WriteLine($"{revertKinds.Count} distinct revert selectors seen: {string.Join(" ", revertKinds.Order())}");
        Assert.True(revertKinds.Count >= 12, "the random operations must reach many revert paths");
    }

    [Fact]
    public void SnapshotRestoreReplaysIdentically()
    {
        PropertyCheck.Run(output, "engine.snapshot-replay", Gen.Two(Sequences), pair =>
        {
            (Market market, EventRecorder events) = Fresh();
            Block block = market.LastBlock;
            foreach (Op op in pair.Item1) Apply(market, events, ref block, op);
            EngineState saved = market.CaptureState();
            Block savedBlock = block;
            var first = new StringBuilder();
            foreach (Op op in pair.Item2) first.Append(Apply(market, events, ref block, op)).Append('|');
            UInt256 end = market.StateHash;

            market.Restore(saved);
            Assert.Equal(saved.Hash, market.StateHash);
            block = savedBlock;
            var second = new StringBuilder();
            foreach (Op op in pair.Item2) second.Append(Apply(market, events, ref block, op)).Append('|');
            Assert.Equal(first.ToString(), second.ToString());
            Assert.Equal(end, market.StateHash);
        }, maxTest: 60);
    }

    // cash + total debt - total supply - reserves, per asset (may be negative after interest accrual).
    private static BigInteger[] Surplus(EngineState state) =>
        state.Assets.Select(a => U256.ToBig(a.Cash) + U256.ToBig(a.TotalDebt) - U256.ToBig(a.TotalSupply) - U256.ToBig(a.Reserves)).ToArray();

    private static void AssertTotalsMatchAccounts(EngineState state)
    {
        foreach (AssetState asset in state.Assets)
        {
            BigInteger supply = 0, debt = 0;
            foreach (AccountState account in state.Accounts)
                foreach (var p in account.Positions.Where(p => p.Asset == asset.Config.Asset))
                {
                    supply += U256.ToBig(p.ScaledSupply);
                    debt += U256.ToBig(p.ScaledDebt);
                }
            Assert.Equal(supply, U256.ToBig(asset.TotalScaledSupply));
            Assert.Equal(debt, U256.ToBig(asset.TotalScaledDebt));
        }
    }
}
