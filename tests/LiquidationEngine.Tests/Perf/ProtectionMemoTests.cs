using System.Collections.Immutable;
using System.Numerics;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Throttling;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Perf;

/// <summary>
/// The protection's memos (window sums kept up to date by adds, an oracle's clear interval, a breaker's calm price
/// verdict) are derived values, never state: each is checked against an independent model, or against a market restored
/// from a snapshot (whose memos start empty) running the same operations.
/// </summary>
public sealed class ProtectionMemoTests(ITestOutputHelper output)
{
    private const ulong Seed = 0x5EED_0F_9E2F;

    // SplitMix64: deterministic, seeded, printed.
    private static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [Fact]
    public void Window_sum_with_interleaved_adds_matches_a_model_of_live_buckets_saturating()
    {
        output.WriteLine($"seed 0x{Seed:x}");
        BigInteger max = (BigInteger.One << 256) - 1;
        foreach (var options in new[] { new WindowOptions(3_600, 12), new WindowOptions(60, 1), new WindowOptions(600, 3) })
        {
            ulong rng = Seed;
            var window = new SlidingWindow(options);
            var adds = new List<(ulong Epoch, BigInteger Amount)>();
            ulong t = 1_700_000_000;
            for (int step = 0; step < 4_000; step++)
            {
                ulong r = Next(ref rng);
                t += (r % 8) switch { 0 or 1 or 2 => 0, 3 => 1, 4 => options.BucketSeconds - 1, 5 => options.BucketSeconds, 6 => options.WindowSeconds, _ => r % 700 };
                ulong epoch = t / options.BucketSeconds;
                if ((r >> 8) % 3 != 0)
                {
                    UInt256 amount = (r >> 16) % 50 == 0 ? UInt256.MaxValue - (UInt256)((r >> 24) % 3) : (UInt256)((r >> 24) % 1_000_000);
                    window.Add(t, amount);
                    adds.Add((epoch, (BigInteger)amount));
                }
                // Model: buckets saturate, the sum over live buckets saturates.
                BigInteger expected = adds.Where(a => epoch - a.Epoch < (ulong)options.BucketCount)
                    .GroupBy(a => a.Epoch).Select(g => BigInteger.Min(g.Aggregate(BigInteger.Zero, (s, a) => s + a.Amount), max))
                    .Aggregate(BigInteger.Zero, (s, v) => s + v);
                Assert.Equal(BigInteger.Min(expected, max), (BigInteger)window.Sum(t));
            }
        }
    }

    [Fact]
    public void Oracle_clear_interval_agrees_with_the_guards_themselves()
    {
        output.WriteLine($"seed 0x{Seed:x}");
        ulong rng = Seed;
        var options = new OracleGuardOptions { MaxPriceAgeSeconds = 100, GracePeriodSeconds = 40 };
        var monitor = new PriceMonitor(Weth, options);
        ulong t = 1_000;
        Assert.False(monitor.IsClearForLiquidation(t)); // no price yet
        for (int step = 0; step < 3_000; step++)
        {
            ulong r = Next(ref rng);
            t += (r % 6) switch { 0 => 0, 1 => 1, 2 => 39, 3 => 40, 4 => 100, _ => r % 250 };
            if ((r >> 8) % 4 == 0)
                monitor.Update(t, 1_000UL + (r >> 16) % 100);
            foreach (ulong at in new[] { t, t + 1, t + 40, t + 41, t + 99, t + 100, t + 101 })
            {
                bool passes;
                try
                {
                    monitor.EnsureLiquidationAllowed(at, belowEmergencyFloor: false);
                    passes = true;
                }
                catch (EvmRevertException)
                {
                    passes = false;
                }
                Assert.Equal(passes, monitor.IsClearForLiquidation(at));
            }
        }
        Assert.True(monitor.State.RecoveredAt != 0, "the sequence must include an outage and its grace period");
    }

    [Fact]
    public void A_long_lived_protected_market_matches_one_restored_from_its_snapshot_before_every_operation()
    {
        output.WriteLine($"seed 0x{Seed:x}");
        var breaker = new CircuitBreakerOptions
        {
            PriceFallBps = new(1_500UL, 1_400UL),
            StalenessSeconds = new(1_100UL, 1_000UL),
            VolatilityWad = new(8_000_000_000_000_000UL, 2_000_000_000_000_000UL), // a 10% move trips, calm after a few small ones
            LiquidationVelocityBps = new(30UL, 25UL),
            BreakDurationSeconds = 120,
        };
        var throttle = new ThrottleOptions { CapacityNotional = 5_000_0000_0000UL, RefillPerSecond = 2_0000_0000UL, MinimumLiquidationNotional = 1UL };
        var protection = new ProtectionOptions
        {
            EmergencyHealthFactorFloor = 500_000_000_000_000_000UL,
            Throttle = throttle,
            Breaker = breaker,
            Oracle = new OracleGuardOptions { MaxPriceAgeSeconds = 1_200, GracePeriodSeconds = 300 },
            Assets = ImmutableDictionary<Address, AssetProtectionOptions>.Empty.Add(Weth, new AssetProtectionOptions { Throttle = throttle, Breaker = breaker }),
        };
        Market market = AliceBorrowing(options: new MarketOptions { Protection = protection });
        UInt256 wethPrice = 1_400_0000_0000UL; // HF 0.96: liquidatable, above the emergency floor
        market.SetPrice(B(3), Weth, wethPrice);
        market.SetPrice(B(3), Usdc, UsdcPrice);
        market.SetPrice(B(3), Wbtc, WbtcPrice);
        ulong rng = Seed;
        ulong number = 4, time = B(3).Timestamp + 3_700; // the listing price's high has left the window
        market.SetPrice(new Block(number, time), Weth, wethPrice);
        market.SetPrice(new Block(number, time), Usdc, UsdcPrice);
        market.SetPrice(new Block(number, time), Wbtc, WbtcPrice);
        if (market.GetBreakerState(Address.Zero).State != CircuitState.Closed)
        {
            time += 120;
            market.EvaluateBreakers(new Block(++number, time));
        }
        int liquidations = 0, reverts = 0, states = 0;
        CircuitState last = CircuitState.Closed;
        var selectors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (int step = 0; step < 400; step++)
        {
            ulong r = Next(ref rng);
            time += (r % 7) switch { 0 or 1 => 0, 2 => 12, 3 => 60, 4 => 299, 5 => 301, _ => r % 400 };
            var block = new Block(++number, time);
            var twin = new Market(new MarketOptions());
            twin.Restore(market.CaptureState());
            Action<Market> op = ((r >> 8) % 5) switch
            {
                0 => m =>
                {
                    m.SetPrice(block, Weth, wethPrice);
                    m.SetPrice(block, Usdc, UsdcPrice);
                },
                1 => m =>
                {
                    m.SetPrice(block, Usdc, UsdcPrice);
                    m.SetPrice(block, Wbtc, WbtcPrice); // every guarded asset feeds the market breaker's staleness
                },
                2 => m => m.EvaluateBreakers(block),
                _ => m => liquidations += m.Liquidate(block, Keeper, Alice, Usdc, Weth, 20_000_000UL).DebtRepaid.IsZero ? 0 : 1,
            };
            if ((r >> 8) % 5 == 0)
                wethPrice = wethPrice < (UInt256)1_100_0000_0000UL || wethPrice > (UInt256)1_420_0000_0000UL ? 1_300_0000_0000UL // HF stays in [0.76, 0.98]
                    : ((r >> 16) % 4) switch { 0 => wethPrice * 94UL / 100UL, 1 => wethPrice * 106UL / 100UL, 2 => wethPrice * 103UL / 100UL, _ => wethPrice * 99UL / 100UL };
            string a = Outcome(market, op), b = Outcome(twin, op);
            if (a.StartsWith("0x", StringComparison.Ordinal)) reverts++;
            selectors[a[..Math.Min(10, a.Length)]] = selectors.GetValueOrDefault(a[..Math.Min(10, a.Length)]) + 1;
            Assert.Equal(b, a);
            Assert.Equal(twin.StateHash, market.StateHash);
            CircuitState now = market.GetBreakerState(Address.Zero).State;
            if (now != last) states++;
            last = now;
        }
        output.WriteLine(string.Join(", ", selectors.Select(kv => $"{kv.Key}: {kv.Value}")));
        output.WriteLine($"{liquidations / 2} liquidations, {reverts} reverts, {states} market breaker state changes");
        Assert.True(liquidations > 20 && reverts > 20 && states > 4, $"the sequence must exercise every path: {liquidations / 2} liquidations, {reverts} reverts, {states} state changes");
    }

    private static string Outcome(Market market, Action<Market> op)
    {
        try
        {
            op(market);
            return "ok";
        }
        catch (EvmRevertException e)
        {
            return e.RevertDataHex;
        }
    }
}
