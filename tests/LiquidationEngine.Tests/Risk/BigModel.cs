using System.Numerics;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.Markets;
using LiquidationEngine.Tests.Support;

namespace LiquidationEngine.Tests.Risk;

/// <summary>An exact non-negative rational, for comparing health factors without rounding.</summary>
internal readonly record struct Q(BigInteger Num, BigInteger Den)
{
    public static Q Of(BigInteger num, BigInteger den) => new(num, den);

    public static Q operator +(Q a, Q b) => new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);

    public static Q operator -(Q a, Q b) => new(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);

    public static Q operator *(Q a, Q b) => new(a.Num * b.Num, a.Den * b.Den);

    public static Q operator /(Q a, Q b) => new(a.Num * b.Den, a.Den * b.Num);

    public static bool operator >(Q a, Q b) => a.Num * b.Den > b.Num * a.Den;

    public static bool operator <(Q a, Q b) => a.Num * b.Den < b.Num * a.Den;

    public static Q Max(Q a, Q b) => a > b ? a : b;

    public static implicit operator Q(BigInteger value) => new(value, BigInteger.One);
}

/// <summary>
/// An independent, straightforward BigInteger model of the account rules of spec/SPEC.md (balances from scaled
/// amounts, values, W = sum of value x LT, D, HF), read from an <see cref="EngineState"/> snapshot.
/// </summary>
internal static class BigModel
{
    public static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    public static BigInteger Big(LiquidationEngine.FixedPoint.UInt256 v) => U256.ToBig(v);

    public static BigInteger FloorDiv(BigInteger a, BigInteger b) => a / b;

    public static BigInteger CeilDiv(BigInteger a, BigInteger b) => (a + b - 1) / b;

    public static BigInteger Unit(int decimals) => BigInteger.Pow(10, decimals);

    /// <summary>(W = sum of collateral value x LT bps, D = sum of debt values) of one account.</summary>
    public static (BigInteger W, BigInteger D) Account(EngineState state, Address account)
    {
        BigInteger w = 0, d = 0;
        AccountState? saved = state.Accounts.FirstOrDefault(a => a.Account == account);
        if (saved is null) return (0, 0);
        foreach (var p in saved.Positions)
        {
            AssetState asset = state.Assets.Single(a => a.Config.Asset == p.Asset);
            BigInteger price = Big(asset.Price), unit = Unit(asset.Config.Decimals);
            if (p.UsedAsCollateral)
            {
                BigInteger amount = FloorDiv(Big(p.ScaledSupply) * Big(asset.SupplyIndex), Ray);
                w += FloorDiv(amount * price, unit) * asset.Config.Risk.LiquidationThresholdBps;
            }
            BigInteger debt = CeilDiv(Big(p.ScaledDebt) * Big(asset.BorrowIndex), Ray);
            d += CeilDiv(debt * price, unit);
        }
        return (w, d);
    }

    /// <summary>floor(W x 10^14 / D), or 2^256 - 1 without debt.</summary>
    public static BigInteger HealthFactor(BigInteger w, BigInteger d) => d.IsZero ? U256.MaxBig : w * BigInteger.Pow(10, 14) / d;
}
