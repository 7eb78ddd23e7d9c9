using System.Numerics;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Solvency;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Solvency;

/// <summary>
/// Scenarios and an independent check of the accounting identity: every term recomputed in BigInteger from the raw
/// snapshot (account positions summed, indexes applied with explicit floor/ceil), never from the report itself.
/// </summary>
internal static class SolvencyKit
{
    public static readonly Address Carol = Addr(0xCA201);
    public static readonly Address Treasury = Addr(0x7EA5);
    public static readonly UInt256 RayU = U(Ray);

    /// <summary>
    /// The reference bad-debt case (engine tests' death spiral): Bob supplies 1 000 000 USDC, Alice 10 WETH and borrows
    /// 12 000 USDC; WETH falls to $1000. Liquidating the maximum seizes all 10 WETH for 9 523.809524 USDC and leaves
    /// 2 476.190476 USDC of debt with no collateral.
    /// </summary>
    public static Market Underwater(EventRecorder? events = null)
    {
        Market market = AliceBorrowing(events);
        market.SetPrice(B(3), Weth, 1000_0000_0000UL);
        events?.Clear();
        return market;
    }

    public const ulong BadDebt = 2_476_190_476UL;       // 12e9 - 9 523 809 524
    public const ulong Repaid = 9_523_809_524UL;        // ceil($10 000 / 1.05) in USDC units
    public const ulong WethFee = 47_619_047_619_047_619UL;

    public static LiquidationCallEvent DeathSpiralCall => new(
        Weth, Usdc, Alice, Keeper, Repaid, 10 * Wad, WethFee, 10500, 687_500_000_000_000_000UL, UInt256.MaxValue); // no debt left once realised

    public static BigInteger Ceil(BigInteger a, BigInteger b) => (a + b - 1) / b;

    /// <summary>
    /// Asserts the identity for every asset from the raw state: cash + debt = supply + fund + reserves + surplus with
    /// surplus = the BigInteger difference, which must be >= 0 unless <paramref name="allowShortfall"/>; the report
    /// shows exactly these terms; bad debt = insurance + backstop + socialised. Returns each asset's surplus.
    /// </summary>
    public static Dictionary<Address, BigInteger> AssertIdentity(Market market, bool allowShortfall = false)
    {
        var surpluses = new Dictionary<Address, BigInteger>();
        EngineState state = market.CaptureState();
        var reports = market.GetSolvencyReport();
        Assert.Equal(state.Assets.Length, reports.Length);
        for (int i = 0; i < state.Assets.Length; i++)
        {
            AssetState a = state.Assets[i];
            BigInteger scaledSupply = 0, scaledDebt = 0;
            foreach (AccountState account in state.Accounts)
                foreach (var p in account.Positions.Where(p => p.Asset == a.Config.Asset))
                {
                    scaledSupply += Big(p.ScaledSupply);
                    scaledDebt += Big(p.ScaledDebt);
                }
            Assert.Equal(scaledSupply, Big(a.TotalScaledSupply));
            Assert.Equal(scaledDebt, Big(a.TotalScaledDebt));
            BigInteger supply = scaledSupply * Big(a.SupplyIndex) / Ray;
            BigInteger debt = Ceil(scaledDebt * Big(a.BorrowIndex), Ray);
            BigInteger cash = Big(a.Cash), fund = Big(a.Solvency.InsuranceFund), reserves = Big(a.Reserves);
            BigInteger surplus = cash + debt - supply - fund - reserves;
            if (!allowShortfall)
                Assert.True(surplus >= 0, $"{a.Config.Asset}: negative surplus {surplus}");

            AssetSolvencyReport r = reports[i];
            Assert.Equal(a.Config.Asset, r.Asset);
            Assert.Equal((cash, debt, supply, fund, reserves), (Big(r.Cash), Big(r.TotalDebt), Big(r.TotalSupply), Big(r.InsuranceFund), Big(r.Reserves)));
            Assert.Equal(surplus >= 0 ? surplus : 0, Big(r.Surplus));
            Assert.Equal(surplus < 0 ? -surplus : 0, Big(r.Shortfall));
            Assert.Equal(Big(r.BadDebtRealized), Big(r.InsuranceAbsorbed) + Big(r.BackstopAbsorbed) + Big(r.LossSocialized));
            surpluses[a.Config.Asset] = surplus;
        }
        return surpluses;
    }
}
