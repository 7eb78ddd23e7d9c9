using LiquidationEngine.Engine;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Markets;

/// <summary>Market options are validated by the constructor (a deployment that reverts).</summary>
public class MarketOptionsTests
{
    private static void AssertRejected(MarketOptions options, string expectedHex) =>
        EvmAssert.Reverts(expectedHex, () => new Market(options));

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var options = new MarketOptions();
        Assert.Equal(8, options.PriceDecimals);
        var close = Assert.IsType<FixedCloseFactor>(options.CloseFactor);
        Assert.Equal(5000u, close.CloseFactorBps);
        Assert.Equal((UInt256)950_000_000_000_000_000UL, close.FullCloseFactorHealthFactor);
        Assert.IsType<FixedBonus>(options.Bonus);
        Assert.Equal(UInt256.Zero, options.DustThresholdBase);
        Assert.Equal((UInt256)1_050_000_000_000_000_000UL, new TargetHealthFactor().Target);
        var variable = new VariableBonus();
        Assert.Equal((10200u, 10800u), (variable.MinBonusBps, variable.MaxBonusBps));
        Assert.Equal((UInt256)900_000_000_000_000_000UL, variable.HealthFactorForMaxBonus);
        _ = new Market(options); // valid
    }

    [Fact]
    public void PriceDecimalsAbove36() =>
        AssertRejected(new MarketOptions { PriceDecimals = 37 }, ErrorHex("InvalidPriceDecimals(uint8)", 37));

    [Fact]
    public void PriceDecimals36IsAccepted() => _ = new Market(new MarketOptions { PriceDecimals = 36 });

    [Theory]
    [InlineData(0u)]
    [InlineData(10001u)]
    public void CloseFactorOutOfRange(uint bps) =>
        AssertRejected(new MarketOptions { CloseFactor = new FixedCloseFactor { CloseFactorBps = bps } }, ErrorHex("InvalidCloseFactor(uint256)", bps));

    [Fact]
    public void CloseFactorBoundsAreAccepted()
    {
        _ = new Market(new MarketOptions { CloseFactor = new FixedCloseFactor { CloseFactorBps = 1 } });
        _ = new Market(new MarketOptions { CloseFactor = new FixedCloseFactor { CloseFactorBps = 10000, FullCloseFactorHealthFactor = Wad } });
    }

    [Fact]
    public void FullCloseFactorHealthFactorAboveOne() =>
        AssertRejected(
            new MarketOptions { CloseFactor = new FixedCloseFactor { FullCloseFactorHealthFactor = Wad + 1 } },
            ErrorHex("InvalidFullCloseFactorHealthFactor(uint256)", Wad + 1));

    [Fact]
    public void TargetHealthFactorBelowOne() =>
        AssertRejected(
            new MarketOptions { CloseFactor = new TargetHealthFactor { Target = Wad - 1 } },
            ErrorHex("InvalidTargetHealthFactor(uint256)", Wad - 1));

    [Fact]
    public void TargetHealthFactorAbove100()
    {
        UInt256 tooHigh = U("100000000000000000001");
        AssertRejected(new MarketOptions { CloseFactor = new TargetHealthFactor { Target = tooHigh } }, ErrorHex("InvalidTargetHealthFactor(uint256)", tooHigh));
        _ = new Market(new MarketOptions { CloseFactor = new TargetHealthFactor { Target = U("100000000000000000000") } });
        _ = new Market(new MarketOptions { CloseFactor = new TargetHealthFactor { Target = Wad } });
    }

    [Theory]
    [InlineData(9999u, 10800u)]
    [InlineData(10500u, 10499u)]
    public void VariableBonusRange(uint min, uint max) =>
        AssertRejected(
            new MarketOptions { Bonus = new VariableBonus { MinBonusBps = min, MaxBonusBps = max } },
            ErrorHex("InvalidBonusRange(uint256,uint256)", min, max));

    [Fact]
    public void VariableBonusHealthFactorForMaxBonusMustBeBelowOne()
    {
        AssertRejected(
            new MarketOptions { Bonus = new VariableBonus { HealthFactorForMaxBonus = Wad } },
            ErrorHex("InvalidHealthFactorForMaxBonus(uint256)", Wad));
        _ = new Market(new MarketOptions { Bonus = new VariableBonus { MinBonusBps = 10000, MaxBonusBps = 10000, HealthFactorForMaxBonus = 0 } });
    }

    [Fact]
    public void NullPoliciesAreProgrammingErrors()
    {
        Assert.Throws<ArgumentNullException>(() => new Market(null!));
        Assert.Throws<ArgumentNullException>(() => new Market(new MarketOptions { CloseFactor = null! }));
        Assert.Throws<ArgumentNullException>(() => new Market(new MarketOptions { Bonus = null! }));
    }

    [Fact]
    public void RevertMessageNamesTheFieldAndValue()
    {
        var ex = Assert.Throws<Evm.EvmRevertException>(() => new Market(new MarketOptions { CloseFactor = new FixedCloseFactor { CloseFactorBps = 0 } }));
        Assert.Contains("CloseFactorBps", ex.Message);
        Assert.Contains("closeFactorBps=0", ex.Message);
    }
}
