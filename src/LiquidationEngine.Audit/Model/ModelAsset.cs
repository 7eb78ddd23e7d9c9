using System.Numerics;

namespace LiquidationEngine.Audit.Model;

/// <summary>One asset of the reference model: the SPEC 4.1/6.1 state as plain BigIntegers.</summary>
internal sealed class ModelAsset
{
    public required string Symbol;
    public int Decimals;
    public BigInteger Unit, Price;
    public uint Ltv, Lt, Bonus, Fee;
    public bool CollateralEnabled, BorrowingEnabled;
    public BigInteger SupplyIndex = Ray.R, BorrowIndex = Ray.R;
    public BigInteger ScaledSupply, ScaledDebt, Cash, Reserves;
    public BigInteger Fund, FeeToReservesBps;
    public BigInteger BadDebt, InsuranceAbsorbed, BackstopAbsorbed, Socialized;
    public int Freezes;

    public BigInteger TotalSupply => ScaledSupply * SupplyIndex / Ray.R;

    public BigInteger TotalDebt => Ray.Ceil(ScaledDebt * BorrowIndex, Ray.R);

    /// <summary>SPEC 6.5: U = C + D - S - F - P (the surplus when non-negative).</summary>
    public BigInteger U => Cash + TotalDebt - TotalSupply - Fund - Reserves;

    public ModelAsset Clone() => (ModelAsset)MemberwiseClone();
}

/// <summary>Constants and rounding helpers of the model.</summary>
internal static class Ray
{
    public static readonly BigInteger R = BigInteger.Pow(10, 27);
    public static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    public static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    public static BigInteger Ceil(BigInteger a, BigInteger b) => (a + b - 1) / b;
}
