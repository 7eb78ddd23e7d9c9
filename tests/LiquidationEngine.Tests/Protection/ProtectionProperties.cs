using System.Collections.Immutable;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Protection.ProtectionKit;

namespace LiquidationEngine.Tests.Protection;

/// <summary>
/// FsCheck properties of the wiring, through engine operations only (fixed printed seed, PropertyCheck): the throttle
/// bound C + r x t on liquidations, no liquidation while a breaker is Open or Isolated except below the emergency floor,
/// no stuck state (calm metrics and time lead back to Closed), atomicity of every revert and determinism.
/// </summary>
public class ProtectionProperties(ITestOutputHelper output)
{
    private const ulong Start = 1_700_000_000;

    // ---- Throttle bound ----

    private sealed record Step(ulong Delay, ulong CoverUsdc);

    private sealed record BoundScript(ulong Capacity, ulong Rate, ulong Minimum, Step[] Steps)
    {
        public override string ToString() => $"C={Capacity} r={Rate} min={Minimum}; " + string.Join("; ", Steps.Select(s => s.ToString()));
    }

    private static readonly Gen<BoundScript> BoundGen =
        from capacityDollars in Gen.Choose(100, 20_000)
        from rateCents in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 5_000)))
        from minimumPermille in Gen.Choose(0, 1000)
        from n in Gen.Choose(1, 30)
        from steps in Gen.ArrayOf(
            from delay in Gen.Frequency((2, Gen.Constant(0)), (5, Gen.Choose(1, 600)))
            from cover in Gen.Frequency((2, Gen.Constant(-1)), (3, Gen.Choose(1, 30_000)))
            select new Step((ulong)delay, cover < 0 ? ulong.MaxValue : (ulong)cover * 1_000_000UL), n)
        let capacity = (ulong)capacityDollars * 100_000_000UL
        select new BoundScript(capacity, (ulong)rateCents * 1_000_000UL, capacity / 1000 * (ulong)minimumPermille, steps);

    /// <summary>
    /// A whale in the death spiral (HF 0.605 below bonus x LT = 0.866: every liquidation lowers it, so it stays
    /// liquidatable) and no emergency bypass: over every interval between two liquidations, the debt value repaid
    /// (USDC at $1 with 6 decimals: 100 base units per token unit, exact) is at most C + r x t.
    /// </summary>
    [Fact]
    public void ThrottleBoundHoldsThroughLiquidate()
    {
        int partial = 0, throttled = 0;
        PropertyCheck.Run(output, "protection.throttle-bound", BoundGen, script => CheckBound(script, ref partial, ref throttled), maxTest: 150);
        output.WriteLine($"{partial} partial fills, {throttled} throttled reverts");
        Assert.True(partial > 0 && throttled > 0, "the scripts never reached the throttle");
    }

    private static void CheckBound(BoundScript script, ref int partial, ref int throttled)
    {
        var protection = new ProtectionOptions { EmergencyHealthFactorFloor = UInt256.Zero, Throttle = Throttle(script.Capacity, script.Rate, script.Minimum) };
        var market = new Market(With(protection));
        market.ListAsset(At(Start), WethConfig, WethPrice);
        market.ListAsset(At(Start), UsdcConfig, UsdcPrice);
        market.Supply(At(Start), Bob, Usdc, 10_000_000_000_000UL);
        market.Supply(At(Start), Alice, Weth, U("1000000000000000000000")); // 1 000 WETH
        market.Borrow(At(Start), Alice, Usdc, 1_500_000_000_000UL);
        market.SetPrice(At(Start), Weth, 1100_0000_0000UL);

        ulong now = Start;
        var executed = new List<(ulong Time, BigInteger Notional)>();
        foreach (Step step in script.Steps)
        {
            now += step.Delay;
            UInt256 hash = market.StateHash;
            try
            {
                LiquidationResult r = market.Liquidate(At(now), Keeper, Alice, Usdc, Weth, step.CoverUsdc);
                executed.Add((now, Big(r.DebtRepaid) * 100));
                if (r.DebtRepaid < step.CoverUsdc && r.HealthFactorBefore <= 950_000_000_000_000_000UL) partial++; // 100% close factor: only the throttle cuts
            }
            catch (EvmRevertException e)
            {
                Assert.True(e.RevertDataHex.StartsWith("0xd3e95b27") || e.RevertDataHex.StartsWith("0x613e7cf5"), e.Message); // throttled or below minimum
                throttled++;
                Assert.Equal(hash, market.StateHash);
            }
        }
        for (int i = 0; i < executed.Count; i++)
        {
            BigInteger sum = 0;
            for (int j = i; j < executed.Count; j++)
            {
                sum += executed[j].Notional;
                BigInteger bound = script.Capacity + (BigInteger)script.Rate * (executed[j].Time - executed[i].Time);
                Assert.True(sum <= bound, $"{sum} liquidated in [{executed[i].Time}, {executed[j].Time}] > {bound}");
            }
        }
    }

    // ---- Random walks over every guarded operation ----

    private sealed record Op(int Kind, ulong Delay, int Value, int Account);

    private static readonly Gen<Op[]> WalkGen =
        from n in Gen.Choose(5, 40)
        from ops in Gen.ArrayOf(
            from kind in Gen.Frequency((4, Gen.Constant(0)), (5, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)),
                (2, Gen.Constant(5)), (2, Gen.Constant(6)), (1, Gen.Constant(7)))
            from delay in Gen.Frequency((2, Gen.Constant(0)), (4, Gen.Choose(1, 400)), (1, Gen.Choose(401, 5_000)))
            from value in Gen.Choose(0, 10_000)
            from account in Gen.Choose(0, 4)
            select new Op(kind, (ulong)delay, value, account), n)
        select ops;

    private static readonly Address[] Borrowers = [.. Enumerable.Range(0, 5).Select(i => Addr(0xC000 + (ulong)i))];

    private static ProtectionOptions WalkProtection => new()
    {
        Throttle = Throttle(2_000_000_000_000UL, 2_000_000_000UL, 10_000_000_000UL), // $20 000, $20/s, min $100
        Breaker = new CircuitBreakerOptions { LiquidationVelocityBps = new(200UL, 50UL) },  // the rest at their defaults
        Oracle = new OracleGuardOptions { MaxPriceAgeSeconds = 10_800, GracePeriodSeconds = 600 },
        Assets = ImmutableDictionary<Address, AssetProtectionOptions>.Empty.Add(Weth, new AssetProtectionOptions { Breaker = new CircuitBreakerOptions() }),
    };

    private static Market WalkMarket(EventRecorder events)
    {
        var market = new Market(With(WalkProtection), events);
        market.ListAsset(At(Start), WethConfig, WethPrice);
        market.ListAsset(At(Start), UsdcConfig, UsdcPrice);
        market.Supply(At(Start), Bob, Usdc, 10_000_000_000_000UL);
        for (int i = 0; i < Borrowers.Length; i++)
        {
            market.Supply(At(Start), Borrowers[i], Weth, 10 * Wad);
            market.Borrow(At(Start), Borrowers[i], Usdc, (12_000UL + 1_000UL * (ulong)i) * 1_000_000UL);
        }
        return market;
    }

    /// <summary>Runs one walk operation; a revert must leave the state hash unchanged. Returns the time after it.</summary>
    private static ulong Run(Market market, Op op, ulong now, Action<Address, EvmRevertException?>? onLiquidation = null)
    {
        now += op.Delay;
        Block block = At(now);
        UInt256 hash = market.StateHash;
        Address account = Borrowers[op.Account];
        try
        {
            switch (op.Kind)
            {
                case 0: market.SetPrice(block, Weth, (UInt256)(800UL + (ulong)op.Value % 1_400UL) * 1_0000_0000UL); break;
                case 1:
                    try
                    {
                        market.Liquidate(block, Keeper, account, Usdc, Weth, op.Value % 3 == 0 ? UInt256.MaxValue : (UInt256)((ulong)op.Value * 1_000_000UL));
                        onLiquidation?.Invoke(account, null);
                    }
                    catch (EvmRevertException e)
                    {
                        onLiquidation?.Invoke(account, e);
                        throw;
                    }
                    break;
                case 2: market.TripBreaker(block, op.Value % 2 == 0 ? Address.Zero : Weth); break;
                case 3: market.IsolateBreaker(block, op.Value % 2 == 0 ? Address.Zero : Weth); break;
                case 4: market.ResetBreaker(block, op.Value % 2 == 0 ? Address.Zero : Weth); break;
                case 5: market.EvaluateBreakers(block); break;
                case 6: market.Borrow(block, account, Usdc, (UInt256)((ulong)op.Value * 100_000UL + 1)); break;
                default: market.SetPrice(block, Usdc, (UInt256)(95_000_000UL + (ulong)op.Value % 10_000_000UL)); break;
            }
        }
        catch (EvmRevertException)
        {
            Assert.Equal(hash, market.StateHash);
        }
        return now;
    }

    [Fact]
    public void NoLiquidationWhileOpenExceptBelowTheEmergencyFloor()
    {
        int bypassed = 0, paused = 0;
        PropertyCheck.Run(output, "protection.open-blocks", WalkGen, ops => CheckOpenBlocks(ops, ref bypassed, ref paused), maxTest: 200);
        output.WriteLine($"{bypassed} emergency liquidations while held open, {paused} paused");
        Assert.True(bypassed > 0 && paused > 0, "the walks never liquidated while a breaker was open");
    }

    private static void CheckOpenBlocks(Op[] ops, ref int bypassed, ref int paused)
    {
        var events = new EventRecorder();
        Market market = WalkMarket(events);
        UInt256 floor = WalkProtection.EmergencyHealthFactorFloor;
        ulong now = Start;
        foreach (Op op in ops)
        {
            ulong at = now + op.Delay;
            // Held open at that time by the clock alone (a break not yet elapsed, or isolated), for a scope the liquidation depends on.
            bool held = IsHeld(market.GetBreakerState(Address.Zero), at) || IsHeld(market.GetBreakerState(Weth), at);
            UInt256 hf = market.GetAccountData(Borrowers[op.Account]).HealthFactor;
            bool executed = false, wasPaused = false;
            now = Run(market, op, now, (account, revert) =>
            {
                executed = revert is null;
                wasPaused = revert?.RevertDataHex.StartsWith("0x3d46696a") ?? false;
            });
            if (executed && held)
            {
                Assert.True(hf < floor, $"a liquidation of HF {hf} executed at {at} while a breaker was open");
                bypassed++;
            }
            if (wasPaused) paused++;
        }
    }

    private static bool IsHeld(BreakerState s, ulong at) => s.State == CircuitState.Isolated || (s.State == CircuitState.Open && at < s.OpenUntil);

    /// <summary>
    /// From wherever a walk leaves the breakers: the guardian resets Isolated ones (the only manual state), time passes
    /// (the velocity and price windows empty), calm price updates let the volatility decay and keep prices fresh, and
    /// one evaluation after a break duration closes every breaker.
    /// </summary>
    [Fact]
    public void CalmMetricsAndTimeLeadBackToClosed() => PropertyCheck.Run(output, "protection.back-to-closed", WalkGen, ops =>
    {
        var events = new EventRecorder();
        Market market = WalkMarket(events);
        ulong now = Start;
        foreach (Op op in ops) now = Run(market, op, now);

        now += 7_200;
        foreach (Address scope in (Address[])[Address.Zero, Weth])
            if (market.GetBreakerState(scope).State == CircuitState.Isolated)
                market.ResetBreaker(At(now), scope);
        for (int i = 0; i < 200; i++)
        {
            market.SetPrice(At(now), Weth, market.GetAsset(Weth).Price);
            market.SetPrice(At(now), Usdc, market.GetAsset(Usdc).Price);
        }
        market.EvaluateBreakers(At(now + 1_800));
        Assert.Equal(CircuitState.Closed, market.GetBreakerState(Address.Zero).State);
        Assert.Equal(CircuitState.Closed, market.GetBreakerState(Weth).State);
    }, maxTest: 100);

    [Fact]
    public void SameOperationsGiveTheSameStateHashAndEventBytes() => PropertyCheck.Run(output, "protection.determinism", WalkGen, ops =>
    {
        (UInt256 Hash, string[] Logs) Replay()
        {
            var events = new EventRecorder();
            Market market = WalkMarket(events);
            ulong now = Start;
            foreach (Op op in ops) now = Run(market, op, now);
            return (market.StateHash, [.. events.Events.Select(e => e.ToLog().ToString() + e.ToLog().DataHex)]);
        }
        (UInt256 hash, string[] logs) = Replay();
        (UInt256 again, string[] logsAgain) = Replay();
        Assert.Equal(hash, again);
        Assert.Equal(logs, logsAgain);
    }, maxTest: 50);
}
