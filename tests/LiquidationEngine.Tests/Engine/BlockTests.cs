using LiquidationEngine.Engine;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Engine;

/// <summary>Every operation takes an explicit block; neither its number nor its timestamp may go back.</summary>
public class BlockTests
{
    public static TheoryData<string> Operations => new()
    {
        "ListAsset", "SetRiskParameters", "SetPrice", "Supply", "Withdraw", "Borrow", "Repay", "SetUseAsCollateral", "AccrueInterest", "Liquidate",
    };

    // Each operation is valid at a good block (Alice is liquidatable after the price drop of block 10).
    private static void Run(Market market, string operation, Block block)
    {
        switch (operation)
        {
            case "ListAsset": market.ListAsset(block, DaiConfig, DaiPrice); break;
            case "SetRiskParameters": market.SetRiskParameters(block, Weth, WethConfig.Risk); break;
            case "SetPrice": market.SetPrice(block, Weth, WethPrice); break;
            case "Supply": market.Supply(block, Alice, Weth, 1); break;
            case "Withdraw": market.Withdraw(block, Bob, Usdc, 1); break;
            case "Borrow": market.Borrow(block, Bob, Weth, 1); break;
            case "Repay": market.Repay(block, Alice, Usdc, 1); break;
            case "SetUseAsCollateral": market.SetUseAsCollateral(block, Bob, Usdc, false); break;
            case "AccrueInterest": market.AccrueInterest(block, Weth, U(Ray), U(Ray)); break;
            case "Liquidate": market.Liquidate(block, Keeper, Alice, Usdc, Weth, 1_000_000UL); break;
            default: throw new ArgumentException(operation);
        }
    }

    private static Market Prepared()
    {
        Market market = AliceBorrowing();
        market.Supply(B(2), Bob, Weth, 10 * Wad);
        market.SetPrice(new Block(10, 2_000_000_000), Weth, 1400_0000_0000UL);
        return market;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EarlierBlockNumberReverts(string operation)
    {
        Market market = Prepared();
        AssertRevertsAtomically(market, ErrorHex("BlockNumberDecreased(uint256,uint256)", 10, 9),
            () => Run(market, operation, new Block(9, 2_000_000_000)));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EarlierTimestampReverts(string operation)
    {
        Market market = Prepared();
        AssertRevertsAtomically(market, ErrorHex("TimestampDecreased(uint256,uint256)", 2_000_000_000, 1_999_999_999),
            () => Run(market, operation, new Block(10, 1_999_999_999)));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void SameBlockAndLaterBlocksSucceedAndAreRecorded(string operation)
    {
        Market market = Prepared();
        Run(market, operation, new Block(10, 2_000_000_000));
        Assert.Equal(new Block(10, 2_000_000_000), market.LastBlock);
        Market later = Prepared();
        Run(later, operation, new Block(11, 2_000_000_012));
        Assert.Equal(new Block(11, 2_000_000_012), later.LastBlock);
    }

    [Fact]
    public void BlockNumberIsCheckedBeforeTimestamp()
    {
        Market market = Prepared();
        AssertRevertsAtomically(market, ErrorHex("BlockNumberDecreased(uint256,uint256)", 10, 0),
            () => market.SetPrice(new Block(0, 0), Weth, 1));
    }

    [Fact]
    public void ARevertDoesNotAdvanceTheLastBlock()
    {
        Market market = Prepared();
        Assert.Throws<Evm.EvmRevertException>(() => market.SetPrice(new Block(50, 3_000_000_000), Weth, 0));
        Assert.Equal(new Block(10, 2_000_000_000), market.LastBlock);
    }
}
