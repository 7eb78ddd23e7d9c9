using System.Collections.Immutable;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Risk;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Benchmarks.Engine;

/// <summary>
/// The health factor of an account with 4 collateral and 2 debt assets (interest accrued on every asset), against
/// a straightforward BigInteger implementation of the same rules, in the same run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineHealthFactorBenchmarks
{
    private Market _market = null!;
    private BigIntegerHealthFactor _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _market = EngineFixture.Build(events: null, debtScale: 1);
        _baseline = new BigIntegerHealthFactor(EngineFixture.Positions(_market));
        BigInteger engine = (BigInteger)_market.GetAccountData(EngineFixture.Alice).HealthFactor;
        if (engine != _baseline.HealthFactor())
            throw new InvalidOperationException($"engine HF {engine} != baseline {_baseline.HealthFactor()}");
    }

    [Benchmark(Baseline = true)]
    public BigInteger HealthFactorBigInteger() => _baseline.HealthFactor();

    [Benchmark]
    public UInt256 HealthFactorEngine() => _market.GetAccountData(EngineFixture.Alice).HealthFactor;
}

/// <summary>
/// Liquidate end to end (checks, quote, state update, events) on the same kind of account, with events delivered
/// as typed records or also ABI-encoded into EVM logs; and the keeper's quote of the largest liquidation.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineLiquidationBenchmarks
{
    private Market _liquidations = null!;
    private Market _protected = null!;

    /// <summary>Counts events without keeping them, so a long run does not grow a list.</summary>
    private sealed class CountingSink(bool encode) : IEventSink
    {
        public long Count;

        public void Emit(EngineEvent engineEvent)
        {
            if (encode) _ = engineEvent.ToLog();
            Count++;
        }
    }

    [Params(false, true)]
    public bool AbiEncodeEvents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _liquidations = EngineFixture.Build(new CountingSink(AbiEncodeEvents), debtScale: 1_000_000);
        _protected = EngineFixture.Build(new CountingSink(AbiEncodeEvents), debtScale: 1_000_000, EngineFixture.EveryProtection);
        if (!_liquidations.IsLiquidatable(EngineFixture.Alice) || !_protected.IsLiquidatable(EngineFixture.Alice))
            throw new InvalidOperationException("the liquidation account must be liquidatable");
    }

    [Benchmark]
    public LiquidationQuote QuoteMaxLiquidation() => _liquidations.GetMaxLiquidation(EngineFixture.Alice, EngineFixture.Usdc, EngineFixture.Weth);

    // 1 USDC of a ~10^12 USDC debt per call: the account stays liquidatable for the whole run.
    [Benchmark]
    public LiquidationResult Liquidate() =>
        _liquidations.Liquidate(EngineFixture.Now, EngineFixture.Keeper, EngineFixture.Alice, EngineFixture.Usdc, EngineFixture.Weth, 1_000_000UL);

    // The same liquidation with every protection component on (EngineFixture.EveryProtection): the wiring's cost.
    [Benchmark]
    public LiquidationResult LiquidateProtected() =>
        _protected.Liquidate(EngineFixture.Now, EngineFixture.Keeper, EngineFixture.Alice, EngineFixture.Usdc, EngineFixture.Weth, 1_000_000UL);
}

/// <summary>The benchmark market: 6 assets, an account with 4 collateral and 2 debt assets, below HF 1.</summary>
internal static class EngineFixture
{
    public static readonly Address Weth = Address.FromUInt256(0xE7E7), Wbtc = Address.FromUInt256(0xB7C0), Link = Address.FromUInt256(0x111C),
        Dai = Address.FromUInt256(0xDA10), Usdc = Address.FromUInt256(0x05DC), Usdt = Address.FromUInt256(0x05D7);
    public static readonly Address Alice = Address.FromUInt256(0xA11CE), Lender = Address.FromUInt256(0x1E), Keeper = Address.FromUInt256(0x4EE9);
    public static readonly Block Now = new(10, 1_700_000_120);


    /// <summary>
    /// Market and WETH throttles, market and WETH breakers reading all four metrics with the default velocity
    /// thresholds, oracle guards on every asset; the price thresholds sit above the fixture's crash, the buckets never
    /// run dry and the emergency floor is 0.5 (the account's HF is ~0.86), so each call takes the full non-bypass path
    /// and nothing trips.
    /// </summary>
    public static ProtectionOptions EveryProtection
    {
        get
        {
            var throttle = new ThrottleOptions { CapacityNotional = UInt256.MaxValue, RefillPerSecond = UInt256.MaxValue, MinimumLiquidationNotional = 1UL };
            var breaker = new CircuitBreakerOptions
            {
                PriceFallBps = new(9_000UL, 8_000UL),
                VolatilityWad = new(500_000_000_000_000_000UL, 100_000_000_000_000_000UL),
                PriceJumpToleranceRay = WadRayMath.Ray / 2UL,
            };
            return new ProtectionOptions
            {
                EmergencyHealthFactorFloor = 500_000_000_000_000_000UL,
                Throttle = throttle,
                Breaker = breaker,
                Oracle = new OracleGuardOptions(),
                Assets = ImmutableDictionary<Address, AssetProtectionOptions>.Empty.Add(Weth, new AssetProtectionOptions { Throttle = throttle, Breaker = breaker }),
            };
        }
    }

    public static Market Build(IEventSink? events, ulong debtScale, ProtectionOptions? protection = null)
    {
        var market = new Market(new MarketOptions { Protection = protection }, events);
        var b = new Block(1, 1_700_000_012);
        const AssetFlags both = AssetFlags.CollateralEnabled | AssetFlags.BorrowingEnabled;
        market.ListAsset(b, new AssetConfig(Weth, 18, new RiskParameters(8000, 8250, 10500, 1000, both)), 2000_0000_0000UL);
        market.ListAsset(b, new AssetConfig(Wbtc, 8, new RiskParameters(7000, 7500, 11000, 2000, both)), 60_000_0000_0000UL);
        market.ListAsset(b, new AssetConfig(Link, 18, new RiskParameters(6000, 7000, 10800, 1000, both)), 15_0000_0000UL);
        market.ListAsset(b, new AssetConfig(Dai, 18, new RiskParameters(7700, 8000, 10400, 1000, both)), 1_0000_0000UL);
        market.ListAsset(b, new AssetConfig(Usdc, 6, new RiskParameters(7500, 8000, 10400, 1000, both)), 1_0000_0000UL);
        market.ListAsset(b, new AssetConfig(Usdt, 6, new RiskParameters(7500, 8000, 10400, 1000, both)), 1_0000_0000UL);
        foreach (Address asset in new[] { Weth, Wbtc, Link, Dai, Usdc, Usdt })
            market.AccrueInterest(b, asset, UInt256.Parse("1053210987654321098765432109"), UInt256.Parse("1031234567890123456789012345"));

        UInt256 scale = debtScale;
        market.Supply(b, Lender, Usdc, UInt256.Parse("1000000000000000000000") * scale);
        market.Supply(b, Lender, Usdt, UInt256.Parse("1000000000000000000000") * scale);
        market.Supply(b, Alice, Weth, UInt256.Parse("10000000000000000000") * scale);  // 10 WETH  ($20 000)
        market.Supply(b, Alice, Wbtc, 25_000_000UL * scale);                             // 0.25 WBTC ($15 000)
        market.Supply(b, Alice, Link, UInt256.Parse("400000000000000000000") * scale);  // 400 LINK ($6 000)
        market.Supply(b, Alice, Dai, UInt256.Parse("5000000000000000000000") * scale);  // 5000 DAI
        market.Borrow(b, Alice, Usdc, 18_000_000_000UL * scale);                         // 18 000 USDC
        market.Borrow(b, Alice, Usdt, 11_000_000_000UL * scale);                         // 11 000 USDT
        market.SetPrice(new Block(2, 1_700_000_024), Weth, 1200_0000_0000UL);            // $41 000 -> $33 000 of collateral
        market.SetPrice(new Block(2, 1_700_000_024), Wbtc, 40_000_0000_0000UL);
        return market;
    }

    public static List<BigIntegerHealthFactor.Position> Positions(Market market)
    {
        EngineState state = market.CaptureState();
        var positions = new List<BigIntegerHealthFactor.Position>();
        foreach (var p in state.Accounts.Single(a => a.Account == Alice).Positions)
        {
            AssetState asset = state.Assets.Single(a => a.Config.Asset == p.Asset);
            positions.Add(new((BigInteger)p.ScaledSupply, (BigInteger)p.ScaledDebt, p.UsedAsCollateral, (BigInteger)asset.SupplyIndex,
                (BigInteger)asset.BorrowIndex, (BigInteger)asset.Price, asset.Config.Decimals, (int)asset.Config.Risk.LiquidationThresholdBps));
        }
        return positions;
    }
}
