using BenchmarkDotNet.Attributes;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Keepers;

namespace LiquidationEngine.Benchmarks.Keepers;

/// <summary>
/// The keeper fast path over 1,000,000 accounts x 4 assets right after a price move: <see cref="LiquidationScanner.Scan"/>
/// (vectorised pre-filter, exact confirmation) against <see cref="LiquidationScanner.ScanExact"/> (the exact scalar
/// loop over every account), in the same run. Each invocation first moves WETH's price (alternating -25% and back), so
/// each scan follows a price move; both return the same accounts (checked in setup).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScannerBenchmarks
{
    private const int Accounts = 1_000_000;
    private static readonly UInt256 Wad = 1_000_000_000_000_000_000UL;
    private static readonly UInt256 WethHigh = 200_000_000_000UL, WethLow = 150_000_000_000UL; // 2000 and 1500 USD

    private LiquidationScanner _scanner = null!;
    private bool _low;

    [GlobalSetup]
    public void Setup()
    {
        // USDC (6), WETH (18), WBTC (8), LINK (18): each account supplies one or two of the volatile assets and
        // borrows USDC, at health factors spread between 1.0 and 3 at the high price.
        _scanner = new LiquidationScanner(Accounts,
            [new ScannerAsset(6, 8_500, 9_000), new ScannerAsset(18, 8_000, 8_250), new ScannerAsset(8, 7_000, 7_500), new ScannerAsset(18, 6_000, 6_500)]);
        UInt256[] prices = [100_000_000UL, WethHigh, 6_000_000_000_000UL, 1_500_000_000UL];
        for (int a = 0; a < prices.Length; a++)
            _scanner.SetPrice(a, prices[a]);
        ulong state = 20_200_312;
        for (int i = 0; i < Accounts; i++)
        {
            int first = 1 + (int)(Next(ref state) % 3);
            int second = Next(ref state) % 2 == 0 ? 1 + (int)(Next(ref state) % 3) : 0;
            ulong valueUsd = 1_000 + Next(ref state) % 200_000;
            ulong hfPercent = 100 + Next(ref state) % 200;
            UInt256 weighted = UInt256.Zero;
            foreach (int a in second == 0 || second == first ? new[] { first } : new[] { first, second })
            {
                byte decimals = a == 2 ? (byte)8 : (byte)18;
                UInt256 amount = FullMath.MulDiv((UInt256)valueUsd * 100_000_000UL, Pow10(decimals), prices[a], Rounding.Floor);
                _scanner.SetAccount(i, a, amount, UInt256.Zero);
                weighted += (UInt256)valueUsd * (a == 1 ? 8_250UL : a == 2 ? 7_500UL : 6_500UL);
            }
            // debt (USDC, 6 decimals) = weighted value / HF
            _scanner.SetAccount(i, 0, UInt256.Zero, FullMath.MulDiv(weighted, 1_000_000UL * 100UL, (UInt256)(hfPercent * 10_000UL), Rounding.Floor));
        }
        _scanner.SetPrice(1, WethLow);
        int fast = _scanner.Scan(Wad).Length, exact = _scanner.ScanExact(Wad).Length;
        if (fast != exact || fast == 0)
            throw new InvalidOperationException($"Scan found {fast}, ScanExact {exact}");
        Console.WriteLine($"// after the move: {exact} of {Accounts} accounts liquidatable, {_scanner.LastCandidateCount} candidates");
    }

    [Benchmark(Baseline = true)]
    public int ExactScalarLoop() => _scanner.ScanExact(Move()).Length;

    [Benchmark]
    public int VectorisedScan() => _scanner.Scan(Move()).Length;

    // Alternates WETH between 1500 and 1600 USD: every scan follows a price move with about the same liquidatable set.
    private UInt256 Move()
    {
        _low = !_low;
        _scanner.SetPrice(1, _low ? WethLow : 160_000_000_000UL);
        return Wad;
    }

    private static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private static UInt256 Pow10(int n)
    {
        UInt256 r = UInt256.One;
        for (int i = 0; i < n; i++)
            r *= 10U;
        return r;
    }
}
