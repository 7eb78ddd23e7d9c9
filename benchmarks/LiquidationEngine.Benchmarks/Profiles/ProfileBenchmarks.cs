using BenchmarkDotNet.Attributes;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Profiles.AaveV3;
using LiquidationEngine.Profiles.MakerLiq2;
using LiquidationEngine.Profiles.MorphoBlue;

namespace LiquidationEngine.Benchmarks.Profiles;

/// <summary>
/// One profile quote per call, with the same inputs as the EVM measurement in spec/conformance/bench-profiles.mjs
/// (the keeper scenarios of the profile tests). Target: 0 bytes allocated, and at least 1,000x faster than the EVM.
/// </summary>
[MemoryDiagnoser]
public class ProfileBenchmarks
{
    private static UInt256 U(string s) => UInt256.Parse(s);

    private readonly AaveV3Reserve[] _reserves =
    [
        new() { CollateralBalance = U("1000000000000000000"), Price = U("200000000000"), Decimals = 18, LtvBps = 8000, LiquidationThresholdBps = 8250, UsedAsCollateral = true },
        new() { CollateralBalance = U("5000000"), Price = U("3000000000000"), Decimals = 8, LtvBps = 7000, LiquidationThresholdBps = 7500, UsedAsCollateral = true },
        new() { DebtBalance = U("3000000000"), Price = U("100000000"), Decimals = 6, LtvBps = 7500, LiquidationThresholdBps = 8000 },
    ];

    private readonly AaveV3LiquidationInput _aaveQuote = new()
    {
        HealthFactor = U("924933333333333333"), UserTotalDebt = U("3000000000"), DebtToCover = UInt256.MaxValue,
        CollateralBalance = U("5000000"), CollateralPrice = U("3000000000000"), CollateralDecimals = 8,
        DebtPrice = U("100000000"), DebtDecimals = 6, LiquidationBonusBps = 11000, ProtocolFeeBps = 1000,
    };

    private readonly MorphoBlueMarket _market = new()
    {
        TotalSupplyAssets = 2_000_000_000_000, TotalBorrowAssets = 1_000_000_000_000, TotalBorrowShares = 1_000_000_000_000_000_000,
    };

    private readonly MorphoBluePosition _position = new() { Collateral = 1_000_000_000_000_000_000, BorrowShares = 1_800_000_000_000_000 };
    private readonly UInt256 _price = U("2000000000000000000000000000"), _lltv = U("860000000000000000"), _seized = U("500000000000000000");

    private readonly MakerBarkInput _vault = new()
    {
        Ink = U("10000000000000000000"), Art = U("15000000000000000000000"), Rate = U("1050000000000000000000000000"),
        Spot = U("1000000000000000000000000000000"), Dust = U("10000000000000000000000000000000000000000000000000"),
        Chop = U("1130000000000000000"), GlobalHole = U("100000000000000000000000000000000000000000000000000000"),
        IlkHole = U("12000000000000000000000000000000000000000000000000"), Tip = U("300000000000000000000000000000000000000000000000"),
        Chip = U("1000000000000000"),
    };

    private readonly MakerTakeInput _auction = new()
    {
        Tab = U("10000000000000000000000000000000000000000000000000"), Lot = U("10000000000000000000"),
        Top = U("2000000000000000000000000000000"), Price = U("1500000000000000000000000000000"), Dur = 600, Tail = 7200,
        Cusp = U("400000000000000000000000000"), Amount = U("6000000000000000000"), MaxPrice = U("1600000000000000000000000000000"),
        Chost = U("1130000000000000000000000000000000000000000000000"),
    };

    private readonly UInt256 _top = U("100000000000000000000000000000"), _cut = U("999000000000000000000000000"), _dur = 3_600;

    [Benchmark] public AaveV3AccountData AaveUserAccountData() => AaveV3Profile.UserAccountData(_reserves);

    [Benchmark] public AaveV3LiquidationQuote AaveLiquidationQuote() => AaveV3Profile.LiquidationQuote(_aaveQuote);

    [Benchmark] public MorphoBlueLiquidation MorphoLiquidate() => MorphoBlueProfile.Liquidate(_market, _position, _price, _lltv, _seized, UInt256.Zero);

    [Benchmark] public MakerBarkResult MakerBark() => MakerDog.Bark(_vault);

    [Benchmark] public MakerTakeResult MakerTake() => MakerClipper.Take(_auction);

    [Benchmark] public UInt256 MakerExponentialDecrease() => MakerAbaci.ExponentialDecrease(_top, _dur, _cut);
}
