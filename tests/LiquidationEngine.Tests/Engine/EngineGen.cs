using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace LiquidationEngine.Tests.Engine;

/// <summary>Generators shared by the engine's properties (run with <see cref="Support.PropertyCheck"/>).</summary>
internal static class EngineGen
{
    /// <summary>An integer m x 10^e with m in [1, 999] and e in [minExponent, maxExponent]: spreads over magnitudes.</summary>
    public static Gen<BigInteger> Magnitude(int minExponent, int maxExponent) =>
        from m in Gen.Choose(1, 999)
        from e in Gen.Choose(minExponent, maxExponent)
        select m * BigInteger.Pow(10, e);
}
