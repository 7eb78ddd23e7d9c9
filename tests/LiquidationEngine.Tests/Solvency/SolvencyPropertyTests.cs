using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Tests.Engine;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Solvency.SolvencyKit;

namespace LiquidationEngine.Tests.Solvency;

/// <summary>
/// Random populations of lenders and borrowers pushed through random price crashes, interest, liquidations, explicit
/// realisations and insurance operations. After every step: the identity from the raw state (BigInteger), an
/// event-driven model of every term (<see cref="SolvencyModel"/>: waterfall order, realised = covered to the wei), the
/// surplus moving only within its stated per-operation bound, no supplier's balance rising, untouched assets unchanged,
/// reverts atomic; and the whole run replayed on a second market gives the same hashes and logs (determinism).
/// </summary>
public class SolvencyPropertyTests(ITestOutputHelper output)
{
    private static readonly Address[] Tokens = [Weth, Usdc, Wbtc, Dai];
    private static readonly byte[] Decimals = [18, 6, 8, 18];
    private static readonly BigInteger[] Prices = [2000_0000_0000, 1_0000_0000, 60_000_0000_0000, 1_0000_0000];
    private static readonly Address[] Lenders = [Addr(0x1E01), Addr(0x1E02)];
    private static readonly Address[] Borrowers = [Addr(0xB001), Addr(0xB002), Addr(0xB003), Addr(0xB004), Addr(0xB005)];

    internal sealed record Position(int Collateral, BigInteger Dollars, int Collateral2, BigInteger Dollars2, int Debt, int Permille, int Debt2, int Permille2);

    internal sealed record Step(int Kind, int Account, int Asset, int Asset2, int Permille, BigInteger Dollars);

    internal sealed record Scenario(BigInteger[] Liquidity, BigInteger[] Funds, BigInteger[] Backstops, Position[] Positions, Step[] Steps);

    private static readonly Gen<BigInteger> Dollars = EngineGen.Magnitude(1, 6);

    private static readonly Gen<Position> Positions =
        from c in Gen.Choose(0, 2)
        from d in Dollars
        from c2 in Gen.Choose(0, 3) // 3: no second collateral
        from d2 in Dollars
        from debt in Gen.Frequency((3, Gen.Choose(1, 1)), (2, Gen.Choose(3, 3)), (1, Gen.Choose(0, 0)), (1, Gen.Choose(2, 2)))
        from p in Gen.Choose(700, 999)
        from debt2 in Gen.Choose(0, 4) // 4: no second debt
        from p2 in Gen.Choose(100, 400)
        select new Position(c, d, c2, d2, debt, p, debt2, p2);

    private static readonly Gen<Step> Steps =
        from kind in Gen.Frequency(
            (5, Gen.Constant(0)), (1, Gen.Constant(1)), (12, Gen.Constant(2)), (2, Gen.Constant(3)), (2, Gen.Constant(4)),
            (1, Gen.Constant(5)), (2, Gen.Constant(6)), (1, Gen.Constant(7)), (4, Gen.Constant(8)), (3, Gen.Constant(9)))
        from account in Gen.Choose(0, Borrowers.Length - 1)
        from asset in Gen.Choose(0, 3)
        from asset2 in Gen.Choose(0, 3)
        from permille in Gen.Choose(0, 999)
        from dollars in Dollars
        select new Step(kind, account, asset, asset2, permille, dollars);

    private static readonly Gen<Scenario> Scenarios =
        from liquidity in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(BigInteger.Zero)), (4, EngineGen.Magnitude(4, 7))), 4)
        from funds in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(BigInteger.Zero)), (3, EngineGen.Magnitude(1, 5))), 4)
        from backstops in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(BigInteger.Zero)), (1, EngineGen.Magnitude(1, 4))), 4)
        from n in Gen.Choose(2, Borrowers.Length)
        from positions in Gen.ArrayOf(Positions, n)
        from steps in Gen.ArrayOf(Steps).Resize(40)
        select new Scenario(liquidity, funds, backstops, positions, steps);

    private static UInt256 Tokens_(int asset, BigInteger dollars, BigInteger? price = null) =>
        U(dollars * Prices[3] * BigInteger.Pow(10, Decimals[asset]) / (price ?? Prices[asset]));

    /// <summary>Runs one action as a transaction; on revert asserts atomicity and returns false.</summary>
    private static bool Try(Market market, EventRecorder events, Action action)
    {
        UInt256 before = market.StateHash;
        int count = events.Events.Count;
        try
        {
            action();
            return true;
        }
        catch (EvmRevertException)
        {
            Assert.Equal(before, market.StateHash);
            Assert.Equal(count, events.Events.Count);
            return false;
        }
    }

    private static (Market Market, EventRecorder Events) Setup(Scenario s)
    {
        var events = new EventRecorder();
        var market = new Market(new MarketOptions(), events);
        market.ListAsset(B(1), WethConfig, WethPrice);
        market.ListAsset(B(1), UsdcConfig, UsdcPrice);
        market.ListAsset(B(1), WbtcConfig, WbtcPrice);
        market.ListAsset(B(1), DaiConfig, DaiPrice);
        for (int i = 0; i < 4; i++)
        {
            if (!s.Liquidity[i].IsZero) market.Supply(B(2), Lenders[i % 2], Tokens[i], Tokens_(i, s.Liquidity[i]));
            if (!s.Funds[i].IsZero) market.DepositInsurance(B(2), Treasury, Tokens[i], Tokens_(i, s.Funds[i]));
            if (!s.Backstops[i].IsZero) market.SetBackstop(B(2), Tokens[i], Carol, Tokens_(i, s.Backstops[i]));
        }
        for (int b = 0; b < s.Positions.Length; b++)
        {
            Position p = s.Positions[b];
            Address who = Borrowers[b];
            market.Supply(B(2), who, Tokens[p.Collateral], Tokens_(p.Collateral, p.Dollars));
            if (p.Collateral2 < 3) market.Supply(B(2), who, Tokens[p.Collateral2], Tokens_(p.Collateral2, p.Dollars2));
            Borrow(market, events, who, p.Debt, p.Permille);
            if (p.Debt2 < 4) Borrow(market, events, who, p.Debt2, p.Permille2);
        }
        return (market, events);
    }

    // Borrows a share of the remaining capacity (and of the cash): some fail (caps, rounding) and change nothing.
    private static void Borrow(Market market, EventRecorder events, Address who, int asset, int permille)
    {
        var data = market.GetAccountData(who);
        if (data.BorrowCapacityBase <= data.TotalDebtBase) return;
        BigInteger room = Big(data.BorrowCapacityBase - data.TotalDebtBase) * permille / 1000;
        BigInteger amount = BigInteger.Min(room * BigInteger.Pow(10, Decimals[asset]) / Big(market.GetAsset(Tokens[asset]).Price),
            Big(market.GetAsset(Tokens[asset]).Cash) * 9 / 10);
        if (amount > 0) Try(market, events, () => market.Borrow(market.LastBlock, who, Tokens[asset], U(amount)));
    }

    private static void Run(Market market, EventRecorder events, Step step)
    {
        Block block = new(market.LastBlock.Number + 1, market.LastBlock.Timestamp + 12);
        // mostly accounts that still owe something: the interesting ones
        Address[] owing = Borrowers.Where(b => market.GetAccountData(b).TotalDebtBase > UInt256.Zero).ToArray();
        Address who = owing.Length > 0 && step.Permille % 4 != 0 ? owing[step.Account % owing.Length] : Borrowers[step.Account], asset = Tokens[step.Asset];
        AssetState state = market.GetAsset(asset);
        switch (step.Kind)
        {
            case 0: // crash one of the account's collateral prices by 5% to 98%
                Address crashed = Pick(Tokens.Where(t => market.IsUsedAsCollateral(who, t)), step.Asset);
                AssetState c = market.GetAsset(crashed);
                market.SetPrice(block, crashed, UInt256.Max(UInt256.One, U(Big(c.Price) * (1000 - step.Permille / 20 * 19 - 50) / 1000)));
                break;
            case 1: // a debt price jumps up to 2x
                market.SetPrice(block, asset, U(Big(state.Price) * (1000 + step.Permille) / 1000));
                break;
            case 2: // liquidate one of the account's debts against one of its collaterals: the maximum, or a share of the debt
                Address debt = Pick(Tokens.Where(t => !market.GetDebtBalance(who, t).IsZero), step.Asset);
                Address seize = Pick(Tokens.Where(t => market.IsUsedAsCollateral(who, t)), step.Asset2);
                UInt256 cover = step.Permille < 600 ? UInt256.MaxValue : U(BigInteger.Max(1, Big(market.GetDebtBalance(who, debt)) * (step.Permille - 599) / 400));
                market.Liquidate(block, Keeper, who, debt, seize, cover);
                break;
            case 3: market.RealizeBadDebt(block, who); break;
            case 4: market.DepositInsurance(block, Treasury, asset, Tokens_(step.Asset, step.Dollars)); break;
            case 5: market.WithdrawInsurance(block, asset, Treasury, U(BigInteger.Max(1, Big(state.Solvency.WithdrawableInsurance) * step.Permille / 999))); break;
            case 6: market.SetBackstop(block, asset, step.Permille < 100 ? Address.Zero : Carol, step.Permille < 100 ? UInt256.Zero : Tokens_(step.Asset, step.Dollars)); break;
            case 7: market.SetInsurancePolicy(block, asset, Tokens_(step.Asset, step.Dollars / 10), (uint)(step.Permille * 10 % 10_001)); break;
            case 8: // interest: the borrow index grows up to 50%; suppliers get part of it
                UInt256 borrowIndex = U(Big(state.BorrowIndex) * (2000 + step.Permille) / 2000);
                UInt256 supplyGrowth = U(Big(state.SupplyIndex) * step.Permille / 20_000 * Big(state.TotalDebt) / BigInteger.Max(1, Big(state.TotalSupply)));
                UInt256 supplyIndex = step.Asset2 == 0 ? state.SupplyIndex : UInt256.Min(state.SupplyIndex + supplyGrowth, state.SupplyIndex * 2UL);
                market.AccrueInterest(block, asset, borrowIndex, supplyIndex);
                break;
            default: // a lender leaves with what the cash allows
                Address lender = Lenders[step.Account % 2];
                UInt256 balance = market.GetSupplyBalance(lender, asset);
                market.Withdraw(block, lender, asset, UInt256.Min(balance, state.Cash) == balance ? UInt256.MaxValue : state.Cash);
                break;
        }
    }

    private static Address Pick(IEnumerable<Address> choices, int n)
    {
        Address[] all = choices.ToArray();
        return all.Length == 0 ? Tokens[n] : all[n % all.Length];
    }

    [Fact]
    public void IdentityWaterfallOrderAndDeterminismThroughCrashes()
    {
        var totals = new SolvencyModel();
        int cases = 0, steps = 0, reverted = 0;
        PropertyCheck.Run(output, "solvency.waterfall", Scenarios, s =>
        {
            cases++;
            (Market market, EventRecorder events) = Setup(s);
            (Market twin, EventRecorder twinEvents) = Setup(s);
            var model = new SolvencyModel();
            model.Apply(events.Events);
            model.AssertMatches(market.CaptureState());
            Dictionary<Address, BigInteger> surplus = AssertIdentity(market, allowShortfall: true);
            foreach (Step step in s.Steps)
            {
                steps++;
                EngineState before = market.CaptureState();
                events.Clear();
                twinEvents.Clear();
                bool ok = Try(market, events, () => Run(market, events, step));
                bool twinOk = Try(twin, twinEvents, () => Run(twin, twinEvents, step));
                Assert.Equal(ok, twinOk);
                Assert.Equal(market.StateHash, twin.StateHash);
                Assert.Equal(events.Logs.Select(l => l.ToString()), twinEvents.Logs.Select(l => l.ToString()));
                if (!ok) { reverted++; continue; }

                model.Apply(events.Events);
                model.AssertMatches(market.CaptureState());
                Dictionary<Address, BigInteger> next = AssertIdentity(market, allowShortfall: true);
                AssertStep(before, market, step, events.Events, surplus, next);
                surplus = next;
            }
            totals.Cuts += model.Cuts; totals.Freezes += model.Freezes; totals.InsuranceSteps += model.InsuranceSteps;
            totals.BackstopSteps += model.BackstopSteps; totals.Realizations += model.Realizations; totals.OrderChecks += model.OrderChecks;
        }, maxTest: 250);
        output.WriteLine($"{cases} populations, {steps} steps ({reverted} reverted): {totals.Realizations} realisations, " +
            $"{totals.InsuranceSteps} insurance, {totals.BackstopSteps} backstop, {totals.Cuts} index cuts, {totals.Freezes} freezes");
        Assert.True(totals.Realizations * 4 >= cases && totals.InsuranceSteps * 5 >= cases && totals.BackstopSteps * 20 >= cases
            && totals.Cuts * 10 >= cases && totals.Freezes >= 1, "every waterfall step must be exercised");
    }

    /// <summary>
    /// Per step: the surplus of each asset moves by at least 0 (less only by a freeze's surplus charge) and, except for
    /// AccrueInterest, by at most 2 + 2 ceil(supplyIndex / 1e27) + 2 ceil(borrowIndex / 1e27) + ceil(scaledSupply / 1e27)
    /// (spec/SPEC.md section 6); a shortfall can come only from AccrueInterest; liquidations and realisations leave assets
    /// no event names untouched and raise no supply balance.
    /// </summary>
    private static void AssertStep(EngineState before, Market market, Step step, IReadOnlyList<EngineEvent> events,
        Dictionary<Address, BigInteger> surplusBefore, Dictionary<Address, BigInteger> surplusAfter)
    {
        EngineState after = market.CaptureState();
        var charged = events.OfType<AssetFrozenEvent>().ToDictionary(f => f.Asset, f => Big(f.SurplusCharged));
        for (int i = 0; i < before.Assets.Length; i++)
        {
            AssetState a = before.Assets[i], b = after.Assets[i];
            Address asset = a.Config.Asset;
            BigInteger delta = surplusAfter[asset] - surplusBefore[asset];
            if (step.Kind == 8)
            {
                if (surplusAfter[asset] < 0) Assert.True(delta < 0, "only AccrueInterest can create a shortfall");
                continue;
            }
            Assert.True(delta >= -charged.GetValueOrDefault(asset), $"{asset}: surplus fell by {-delta}");
            BigInteger bound = 2 + 2 * Ceil(BigInteger.Max(Big(a.SupplyIndex), Big(b.SupplyIndex)), Ray)
                + 2 * Ceil(BigInteger.Max(Big(a.BorrowIndex), Big(b.BorrowIndex)), Ray) + Ceil(Big(a.TotalScaledSupply), Ray);
            Assert.True(delta <= bound, $"{asset}: surplus rose by {delta}, above the bound {bound}");
        }
        if (step.Kind is not (2 or 3)) return;

        var named = new HashSet<Address>();
        foreach (EngineEvent e in events)
            switch (e)
            {
                case LiquidationCallEvent l: named.Add(l.DebtAsset); named.Add(l.CollateralAsset); break;
                case BadDebtRealizedEvent r: named.Add(r.Asset); break;
            }
        for (int i = 0; i < before.Assets.Length; i++)
            if (!named.Contains(before.Assets[i].Config.Asset))
                Assert.Equal(before.Assets[i], after.Assets[i]);
        foreach (AccountState account in before.Accounts)
            foreach (var p in account.Positions)
            {
                BigInteger was = Big(p.ScaledSupply) * Big(before.Assets.Single(x => x.Config.Asset == p.Asset).SupplyIndex) / Ray;
                BigInteger now = Big(market.GetSupplyBalance(account.Account, p.Asset));
                Assert.True(now <= was, $"{account.Account}'s {p.Asset} supply rose from {was} to {now}");
            }
    }
}
