using System.Numerics;

namespace LiquidationEngine.Audit.Model;

/// <summary>One account of the reference model: scaled balances and collateral flags per asset.</summary>
internal sealed class ModelAccount(int assets)
{
    public BigInteger[] Supply = new BigInteger[assets];
    public BigInteger[] Debt = new BigInteger[assets];
    public bool[] Collateral = new bool[assets];

    public bool IsEmpty => Supply.All(s => s.IsZero) && Debt.All(d => d.IsZero) && !Collateral.Any(c => c);

    public ModelAccount Clone() => new(0) { Supply = (BigInteger[])Supply.Clone(), Debt = (BigInteger[])Debt.Clone(), Collateral = (bool[])Collateral.Clone() };
}
