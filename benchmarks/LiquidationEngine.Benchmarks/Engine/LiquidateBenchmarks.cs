using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Benchmarks.Engine;

/// <summary>
/// Liquidate end to end (checks, quote, state update; no event sink), without protection and with every component on
/// (market and collateral throttles, market and asset breakers with all four metrics and the jump rule, oracle guards
/// on both assets), in the same run. The account is a whale in the death spiral, so every call liquidates 1 USDC and
/// it stays liquidatable for the whole run; the thresholds are set so nothing trips and the buckets never run dry,
/// which keeps each call on the full non-bypass path (quote, record, two breaker evaluations per scope).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LiquidateBenchmarks
{
    private static readonly Address Weth = Address.FromUInt256(0xE7E7), Usdc = Address.FromUInt256(0x05DC), Wbtc = Address.FromUInt256(0xB7C0);
    private static readonly Address Whale = Address.FromUInt256(0xA11CE), Lender = Address.FromUInt256(0xB0B), Keeper = Address.FromUInt256(0x4EE9);
    private static readonly Block At = new(10, 1_700_000_000);

    private Market _plain = null!;
    private Market _protected = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = Whaled(new MarketOptions());
        var breaker = new CircuitBreakerOptions
        {
            LiquidationVelocityBps = new(UInt256.MaxValue, 1UL),
            PriceFallBps = new(9_000UL, 8_000UL),
            VolatilityWad = new(500_000_000_000_000_000UL, 100_000_000_000_000_000UL),
            StalenessSeconds = new(7_200UL, 3_600UL),
            PriceJumpToleranceRay = WadRayMath.Ray / 2UL, // the set-up fall to 55% stays within it
        };
        var unlimited = new ThrottleOptions { CapacityNotional = UInt256.MaxValue, RefillPerSecond = UInt256.MaxValue, MinimumLiquidationNotional = 1UL };
        _protected = Whaled(new MarketOptions
        {
            Protection = new ProtectionOptions
            {
                EmergencyHealthFactorFloor = 500_000_000_000_000_000UL, // the whale (HF ~0.6) is above it: no bypass
                Throttle = unlimited,
                Breaker = breaker,
                Oracle = new OracleGuardOptions(),
                Assets = ImmutableDictionary<Address, AssetProtectionOptions>.Empty.Add(Weth, new AssetProtectionOptions { Throttle = unlimited, Breaker = breaker }),
            },
        });
    }

    private static Market Whaled(MarketOptions options)
    {
        var market = new Market(options);
        var both = AssetFlags.CollateralEnabled | AssetFlags.BorrowingEnabled;
        market.ListAsset(At, new AssetConfig(Weth, 18, new RiskParameters(8000, 8250, 10500, 1000, both)), 2000_0000_0000UL);
        market.ListAsset(At, new AssetConfig(Usdc, 6, new RiskParameters(7500, 8000, 10400, 1000, both)), 1_0000_0000UL);
        market.ListAsset(At, new AssetConfig(Wbtc, 8, new RiskParameters(7000, 7500, 11000, 2000, both)), 60_000_0000_0000UL);
        market.Supply(At, Lender, Usdc, UInt256.Parse("10000000000000000"));       // 10 000 000 000 USDC
        market.Supply(At, Whale, Weth, UInt256.Parse("1000000000000000000000000")); // 1 000 000 WETH
        market.Borrow(At, Whale, Usdc, UInt256.Parse("1500000000000000"));          // 1 500 000 000 USDC
        market.SetPrice(At, Weth, 1100_0000_0000UL);                                // HF 0.605 < bonus x LT
        return market;
    }

    [Benchmark(Baseline = true)]
    public UInt256 Liquidate() => _plain.Liquidate(At, Keeper, Whale, Usdc, Weth, 1_000_000UL).CollateralSeized;

    [Benchmark]
    public UInt256 LiquidateProtected() => _protected.Liquidate(At, Keeper, Whale, Usdc, Weth, 1_000_000UL).CollateralSeized;
}
