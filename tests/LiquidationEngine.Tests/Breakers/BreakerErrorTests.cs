using LiquidationEngine.Abi;
using LiquidationEngine.Breakers;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Breakers.RevertHex;

namespace LiquidationEngine.Tests.Breakers;

/// <summary>The declared errors against selectors computed outside this code base (ethers), and the revert data and messages of the factories.</summary>
public class BreakerErrorTests
{
    public static TheoryData<string, string, string> Declarations() => new()
    {
        { nameof(BreakerErrors.LiquidationThrottled), "LiquidationThrottled(uint256,uint256)", LiquidationThrottled },
        { nameof(BreakerErrors.LiquidationBelowMinimum), "LiquidationBelowMinimum(uint256,uint256)", LiquidationBelowMinimum },
        { nameof(BreakerErrors.OracleStale), "OracleStale(address,uint256)", OracleStale },
        { nameof(BreakerErrors.OracleGracePeriod), "OracleGracePeriod(address,uint256)", OracleGracePeriod },
        { nameof(BreakerErrors.LiquidationsPaused), "LiquidationsPaused(address,uint8,uint256)", LiquidationsPaused },
        { nameof(BreakerErrors.BorrowsPaused), "BorrowsPaused(address,uint8,uint256)", BorrowsPaused },
        { nameof(BreakerErrors.InvalidBreakerTransition), "InvalidBreakerTransition(uint8,uint8)", InvalidBreakerTransition },
        { nameof(BreakerErrors.InvalidThrottleParameter), "InvalidThrottleParameter(string,uint256)", InvalidThrottleParameter },
        { nameof(BreakerErrors.InvalidBreakerParameter), "InvalidBreakerParameter(string,uint256)", InvalidBreakerParameter },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void SignaturesAndSelectorsArePinned(string field, string signature, string selector)
    {
        var error = (CustomError)typeof(BreakerErrors).GetField(field)!.GetValue(null)!;
        Assert.Equal(signature, error.Signature);
        Assert.Equal(selector, "0x" + error.Selector.ToString("x8"));
    }

    [Fact]
    public void EveryDeclaredErrorIsPinned() =>
        Assert.Equal(Declarations().Count(), typeof(BreakerErrors).GetFields().Length);

    [Fact]
    public void PausedErrorsCarryScopeStateAndEnd()
    {
        var asset = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        string scope = "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed".PadLeft(64, '0');
        EvmRevertException open = BreakerReverts.LiquidationsPaused(asset, new BreakerState(CircuitState.Open, 10, 1_810));
        Assert.Equal(LiquidationsPaused + scope + Word(1) + Word(1_810), open.RevertDataHex);
        Assert.Contains("Open", open.Message);

        EvmRevertException isolated = BreakerReverts.BorrowsPaused(Address.Zero, new BreakerState(CircuitState.Isolated, 10, 0));
        Assert.Equal(BorrowsPaused + Word(0) + Word(3) + Word(Max), isolated.RevertDataHex);
        Assert.Contains("market-wide", isolated.Message);
    }

    [Fact]
    public void MessagesExplainTheNumbers()
    {
        Assert.Contains("for 10 more second(s)", BreakerReverts.LiquidationThrottled(0UL, 10UL).Message);
        Assert.Contains("will not reach", BreakerReverts.LiquidationThrottled(0UL, UInt256.MaxValue).Message);
        Assert.StartsWith("LiquidationBelowMinimum(notional=99, minimum=100)", BreakerReverts.LiquidationBelowMinimum(99UL, 100UL).Message);
    }
}
