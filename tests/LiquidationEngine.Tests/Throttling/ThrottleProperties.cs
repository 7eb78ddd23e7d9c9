using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using LiquidationEngine.Throttling;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Breakers.RevertHex;

namespace LiquidationEngine.Tests.Throttling;

/// <summary>
/// Random liquidation scripts against the throttle, checked against an independent BigInteger model of the bucket
/// and against the bound: over any interval of length t, non-bypass notional through the bucket is at most
/// C + r x t, to the wei.
/// </summary>
public class ThrottleProperties(ITestOutputHelper output)
{
    private sealed record Config(BigInteger Capacity, BigInteger Rate, BigInteger Minimum);

    private sealed record Attempt(ulong Delay, BigInteger Requested, BigInteger AccountMaximum, bool Bypass, uint ScaleBps, int ExecutePermille);

    private sealed record Script(Config Config, Attempt[] Attempts)
    {
        public override string ToString() =>
            $"C={Config.Capacity} r={Config.Rate} min={Config.Minimum}; " + string.Join("; ", Attempts.Select(a => a.ToString()));
    }

    private static readonly Gen<Config> ConfigGen =
        from capacity in Gen.Frequency(
            (4, Gen.Choose(1, 5_000).Select(c => new BigInteger(c))),
            (1, Gen.Elements(BigInteger.One, U256.MaxBig, BigInteger.Pow(10, 30))))
        from rate in Gen.Frequency(
            (4, Gen.Choose(0, 300).Select(r => new BigInteger(r))),
            (1, Gen.Elements(BigInteger.Zero, U256.MaxBig, BigInteger.Pow(10, 40))))
        from minimumPermille in Gen.Choose(0, 1000)
        select new Config(capacity, rate, capacity * minimumPermille / 1000);

    private static Gen<Attempt> AttemptGen(Config config) =>
        from delay in Gen.Frequency((3, Gen.Constant(0UL)), (5, Gen.Choose(1, 60).Select(d => (ulong)d)), (1, Gen.Choose(61, 5_000).Select(d => (ulong)d)))
        from requested in Gen.Frequency(
            (3, Gen.Choose(0, 1000).Select(p => config.Capacity * p / 700)),
            (1, Gen.Choose(0, 200).Select(v => new BigInteger(v))),
            (1, Gen.Elements(config.Minimum, config.Minimum - 1 < 0 ? 0 : config.Minimum - 1, config.Capacity, config.Capacity + 1)))
        from accountMaximum in Gen.Frequency((3, Gen.Constant(U256.MaxBig)), (1, Gen.Constant(requested)), (1, Gen.Choose(0, 2000).Select(v => requested * v / 1000)))
        from bypass in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from scale in Gen.Frequency((5, Gen.Constant(10_000u)), (1, Gen.Elements(5_000u, 2_500u, 0u, 1u, 9_999u)))
        from execute in Gen.Frequency((4, Gen.Constant(1000)), (1, Gen.Choose(0, 999)))
        select new Attempt(delay, BigInteger.Min(requested, U256.MaxBig), BigInteger.Min(accountMaximum, U256.MaxBig), bypass, scale, execute);

    private static readonly Gen<Script> ScriptGen =
        from config in ConfigGen
        from n in Gen.Choose(1, 60)
        from attempts in Gen.ArrayOf(AttemptGen(config), n)
        select new Script(config, attempts);

    [Fact]
    public void ThrottleAgreesWithModelAndNeverExceedsCapacityPlusRefill() =>
        PropertyCheck.Run(output, "throttle.bound", ScriptGen, CheckScript, maxTest: 1500);

    private static void CheckScript(Script script)
    {
        Config c = script.Config;
        const ulong start = 1_700_000_000;
        var throttle = new LiquidationThrottle(new ThrottleOptions
        {
            CapacityNotional = U256.From(c.Capacity),
            RefillPerSecond = U256.From(c.Rate),
            MinimumLiquidationNotional = U256.From(c.Minimum),
        }, start);

        BigInteger level = c.Capacity; // the model
        ulong updatedAt = start, now = start;
        var executed = new List<(ulong Time, BigInteger Notional)>();

        foreach (Attempt a in script.Attempts)
        {
            now += a.Delay;
            BigInteger cap = c.Capacity * a.ScaleBps / 10_000;
            BigInteger available = BigInteger.Min(cap, level + c.Rate * (now - updatedAt));
            Assert.Equal(available, U256.ToBig(throttle.AvailableAt(now, a.ScaleBps)));

            string? expectedRevert = null;
            BigInteger allowed = a.Requested;
            if (!a.Bypass)
            {
                BigInteger minimum = BigInteger.Min(BigInteger.Min(c.Minimum, a.AccountMaximum), cap);
                BigInteger needed = BigInteger.Max(minimum, 1);
                if (a.Requested < minimum)
                    expectedRevert = Error(LiquidationBelowMinimum, a.Requested, minimum);
                else if (available < needed)
                {
                    BigInteger wait = needed > cap || c.Rate.IsZero ? Max : (needed - available + c.Rate - 1) / c.Rate;
                    expectedRevert = Error(LiquidationThrottled, available, wait);
                }
                else allowed = BigInteger.Min(a.Requested, available);
            }

            ThrottleQuote quote;
            try
            {
                quote = throttle.Quote(now, U256.From(a.Requested), U256.From(a.AccountMaximum), a.Bypass, a.ScaleBps);
            }
            catch (EvmRevertException ex)
            {
                Assert.Equal(expectedRevert, ex.RevertDataHex);
                continue;
            }
            Assert.Null(expectedRevert);
            Assert.Equal(allowed, U256.ToBig(quote.AllowedNotional));

            BigInteger done = allowed * a.ExecutePermille / 1000;
            throttle.Record(now, U256.From(done), a.Bypass, a.ScaleBps);
            level = available - BigInteger.Min(done, available);
            updatedAt = now;
            Assert.Equal(level, U256.ToBig(throttle.State.AvailableNotional));
            if (!a.Bypass) executed.Add((now, done));
        }

        for (int i = 0; i < executed.Count; i++)
        {
            BigInteger sum = 0;
            for (int j = i; j < executed.Count; j++)
            {
                sum += executed[j].Notional;
                BigInteger bound = c.Capacity + c.Rate * (executed[j].Time - executed[i].Time);
                Assert.True(sum <= bound, $"{sum} went through in [{executed[i].Time}, {executed[j].Time}], above C + r t = {bound}");
            }
        }
    }

    [Fact]
    public void TheBoundIsReachedExactly()
    {
        // Drain a full bucket, then take every refill: C + r * t exactly, not one wei more.
        var throttle = new LiquidationThrottle(new ThrottleOptions { CapacityNotional = 1000UL, RefillPerSecond = 7UL, MinimumLiquidationNotional = 7UL }, 0);
        BigInteger total = 0;
        for (ulong t = 0; t <= 100; t++)
        {
            ThrottleQuote q = throttle.Quote(t, U256.From(U256.MaxBig), UInt256.MaxValue, false);
            throttle.Record(t, q.AllowedNotional, false);
            total += U256.ToBig(q.AllowedNotional);
        }
        Assert.Equal(1000 + 7 * 100, total);
    }
}
