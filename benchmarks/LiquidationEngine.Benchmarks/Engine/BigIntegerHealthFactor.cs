using System.Numerics;

namespace LiquidationEngine.Benchmarks.Engine;

/// <summary>
/// The baseline: a straightforward BigInteger implementation of the engine's health-factor rules (spec/SPEC.md):
/// balance = scaled x index / 1e27 (supply down, debt up), value = amount x price / 10^decimals (collateral down,
/// debt up), HF = floor(sum(value x LT) x 1e14 / sum(debt value)).
/// </summary>
internal sealed class BigIntegerHealthFactor
{
    private static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    public sealed record Position(BigInteger ScaledSupply, BigInteger ScaledDebt, bool Collateral, BigInteger SupplyIndex, BigInteger BorrowIndex,
        BigInteger Price, int Decimals, int LiquidationThresholdBps);

    private readonly List<Position> _positions;

    public BigIntegerHealthFactor(List<Position> positions) => _positions = positions;

    public BigInteger HealthFactor()
    {
        BigInteger weighted = BigInteger.Zero, debt = BigInteger.Zero;
        foreach (Position p in _positions)
        {
            BigInteger unit = BigInteger.Pow(10, p.Decimals);
            if (p.Collateral && !p.ScaledSupply.IsZero)
            {
                BigInteger amount = p.ScaledSupply * p.SupplyIndex / Ray;
                weighted += amount * p.Price / unit * p.LiquidationThresholdBps;
            }
            if (!p.ScaledDebt.IsZero)
            {
                BigInteger amount = CeilDiv(p.ScaledDebt * p.BorrowIndex, Ray);
                debt += CeilDiv(amount * p.Price, unit);
            }
        }
        return debt.IsZero ? (BigInteger.One << 256) - 1 : weighted * BigInteger.Pow(10, 14) / debt;
    }

    private static BigInteger CeilDiv(BigInteger a, BigInteger b) => (a + b - 1) / b;
}
