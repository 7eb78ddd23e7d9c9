using LiquidationEngine.Abi;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Protection;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;
using static LiquidationEngine.Tests.Protection.ProtectionKit;

namespace LiquidationEngine.Tests.Protection;

/// <summary>The state encoding's protection section, snapshots, and the pinned event and error declarations.</summary>
public class ProtectionStateTests
{
    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    [Fact]
    public void WithoutProtection_TheEncodingAndHashAreLayoutVersion1()
    {
        var market = new Market(new MarketOptions { Protection = null });
        // keccak-256 of the 448-byte empty-market encoding, pinned by the engine's StateTests (@noble/hashes)
        Assert.Equal(U("0x809bdd4c977bc62fe96bb2dfeb711e607f65466464e49108e5509e5e426413ba"), market.StateHash);
        Assert.Equal(448, market.CaptureState().Encode().Length);
    }

    [Fact]
    public void WithProtection_TheSectionIsAppendedInTheDocumentedOrder()
    {
        var plain = new Market(new MarketOptions());
        var market = new Market(With(new ProtectionOptions { Throttle = Throttle(1_000UL, 7UL, 10UL) }));
        string expectedSection = string.Concat(
            Word(900_000_000_000_000_000UL), Word(3_600), Word(12), // floor; velocity window
            Word(1), Word(1_000), Word(7), Word(10),                 // market throttle options
            Word(0), Word(0),                                        // no market breaker, no oracle guards
            Word(0),                                                 // no per-asset options
            Word(1_000), Word(0),                                    // market throttle: level, updatedAt
            Word(0));                                                // listed assets
        Assert.Equal(Hex(plain.CaptureState().Encode()) + expectedSection, Hex(market.CaptureState().Encode()));
    }

    [Fact]
    public void ComponentStateIsInTheHash_AndSnapshotsRestoreIt()
    {
        var protection = new ProtectionOptions
        {
            Throttle = Throttle(400_000_000_000UL, 100_000_000UL, 100_000_000_000UL),
            Breaker = Quiet with { LiquidationVelocityBps = new(30UL, 1UL) }, // $4 000 of 1.014e14: 39 bps
            Oracle = new LiquidationEngine.Oracles.OracleGuardOptions(),
        };
        Market market = Crashed(1400, protection);
        EngineState saved = market.CaptureState();
        LiquidationResult first = market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue); // drains the bucket, trips the breaker
        Assert.Equal(CircuitState.Open, market.GetBreakerState(Address.Zero).State);
        UInt256 after = market.StateHash;
        Assert.NotEqual(saved.Hash, after);

        market.Restore(saved);
        Assert.Equal(saved.Hash, market.StateHash);
        Assert.Equal(CircuitState.Closed, market.GetBreakerState(Address.Zero).State);
        Assert.Equal(first, market.Liquidate(B(4), Keeper, Alice, Usdc, Weth, UInt256.MaxValue));
        Assert.Equal(after, market.StateHash);

        // The snapshot is a private copy: using the market did not change it.
        var other = new Market(new MarketOptions());
        other.Restore(saved);
        Assert.Equal(saved.Hash, other.StateHash);
    }

    [Fact]
    public void BreakerStateChanged_IsPinnedAndRoundTrips()
    {
        // keccak-256 of the canonical signature, computed outside this code base (@noble/hashes)
        Assert.Equal(U("0x3d831758edd70e7112ac6723d3cb97e360d5f96b3def830346d297d361ab315c"), ProtectionEvents.BreakerStateChanged.Topic0);
        var e = Transition(Weth, CircuitState.HalfOpen, CircuitState.Open, TransitionReason.Tripped, BreakerMetric.PriceFall | BreakerMetric.PriceJump, 12_345,
            velocity: 1, fall: 2_500, volatility: 3UL, staleness: 4);
        EventLog log = e.ToLog();
        Assert.Equal([ProtectionEvents.BreakerStateChanged.Topic0, Weth.ToUInt256()], log.Topics);
        Assert.Equal("0x" + Word(2) + Word(1) + Word(0) + Word(18) + Word(12_345) + Word(1) + Word(2_500) + Word(3) + Word(4), log.DataHex);
        Assert.Equal(e, EngineEvent.Decode(log));
    }

    [Fact]
    public void BreakerNotConfigured_IsPinned()
    {
        Assert.Equal(0xec42dc7eu, ProtectionErrors.BreakerNotConfigured.Selector); // computed outside this code base
        Assert.Equal(NotConfigured(Weth), ProtectionErrors.NotConfigured(Weth).RevertDataHex);
    }

    [Fact]
    public void InvalidProtectionOptions_RevertAtConstruction()
    {
        string floor = ErrorHex("InvalidBreakerParameter(string,uint256)"); // selector only; the string argument is dynamic
        EvmRevertException e = Assert.Throws<EvmRevertException>(() => new Market(With(new ProtectionOptions { EmergencyHealthFactorFloor = 1_000_000_000_000_000_001UL })));
        Assert.StartsWith(floor, e.RevertDataHex);
        Assert.Contains("EmergencyHealthFactorFloor", e.Message);
        EvmRevertException t = Assert.Throws<EvmRevertException>(() => new Market(With(new ProtectionOptions { Throttle = Throttle(0UL, 1UL, 0UL) })));
        Assert.StartsWith(ErrorHex("InvalidThrottleParameter(string,uint256)"), t.RevertDataHex);
    }
}
