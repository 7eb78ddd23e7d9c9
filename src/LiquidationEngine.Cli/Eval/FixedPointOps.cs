using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Cli.Eval;

/// <summary>The fixed-point ops of eval, each the twin of a named Solidity function (spec/SPEC.md).</summary>
internal static class FixedPointOps
{
    private static readonly Dictionary<string, Rounding> Roundings = new(StringComparer.Ordinal)
    {
        ["floor"] = Rounding.Floor,
        ["ceil"] = Rounding.Ceil,
        ["trunc"] = Rounding.Trunc,
        ["expand"] = Rounding.Expand,
    };

    public static IEnumerable<EvalOp> All()
    {
        yield return Binary("add", "a + b (checked uint256)", static (a, b) => a + b);
        yield return Binary("sub", "a - b (checked uint256)", static (a, b) => a - b);
        yield return Binary("mul", "a * b (checked uint256)", static (a, b) => a * b);
        yield return Binary("div", "a / b (checked uint256)", static (a, b) => a / b);
        yield return Binary("mod", "a % b (checked uint256)", static (a, b) => a % b);

        yield return new EvalOp("mulDiv", ["x", "y", "denominator", "rounding"], "OpenZeppelin 5 Math.mulDiv(x, y, denominator, rounding)",
            static a => [FullMath.MulDiv(a.UInt256(0), a.UInt256(1), a.UInt256(2), a.Literal(3, Roundings)).ToString()]);

        yield return Binary("wadMul", "Aave V3 WadRayMath.wadMul", WadRayMath.WadMul);
        yield return Binary("wadDiv", "Aave V3 WadRayMath.wadDiv", WadRayMath.WadDiv);
        yield return Binary("rayMul", "Aave V3 WadRayMath.rayMul", WadRayMath.RayMul);
        yield return Binary("rayDiv", "Aave V3 WadRayMath.rayDiv", WadRayMath.RayDiv);
        yield return Unary("rayToWad", "Aave V3 WadRayMath.rayToWad", WadRayMath.RayToWad);
        yield return Unary("wadToRay", "Aave V3 WadRayMath.wadToRay", WadRayMath.WadToRay);
        yield return Binary("percentMul", "Aave V3 PercentageMath.percentMul", PercentageMath.PercentMul, "value", "percentage");
        yield return Binary("percentDiv", "Aave V3 PercentageMath.percentDiv", PercentageMath.PercentDiv, "value", "percentage");

        yield return Ternary("mulDivDown", "Morpho Blue MathLib.mulDivDown", MorphoMathLib.MulDivDown);
        yield return Ternary("mulDivUp", "Morpho Blue MathLib.mulDivUp", MorphoMathLib.MulDivUp);
        yield return Binary("wMulDown", "Morpho Blue MathLib.wMulDown", MorphoMathLib.WMulDown, "x", "y");
        yield return Binary("wDivDown", "Morpho Blue MathLib.wDivDown", MorphoMathLib.WDivDown, "x", "y");
        yield return Binary("wDivUp", "Morpho Blue MathLib.wDivUp", MorphoMathLib.WDivUp, "x", "y");

        yield return new EvalOp("rpow", ["x", "n", "base"], "MakerDAO dss rpow(x, n, base)",
            static a => [MakerMath.Rpow(a.UInt256(0), a.UInt256(1), a.UInt256(2)).ToString()]);
    }

    private static EvalOp Unary(string name, string twin, Func<UInt256, UInt256> f) =>
        new(name, ["a"], twin, a => [f(a.UInt256(0)).ToString()]);

    private static EvalOp Binary(string name, string twin, Func<UInt256, UInt256, UInt256> f, string x = "a", string y = "b") =>
        new(name, [x, y], twin, a => [f(a.UInt256(0), a.UInt256(1)).ToString()]);

    private static EvalOp Ternary(string name, string twin, Func<UInt256, UInt256, UInt256, UInt256> f) =>
        new(name, ["x", "y", "d"], twin, a => [f(a.UInt256(0), a.UInt256(1), a.UInt256(2)).ToString()]);
}
