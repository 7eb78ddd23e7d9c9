using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>The Solidity twins against <see cref="ReferenceModel"/>, on inputs weighted toward each function's revert boundary.</summary>
public class TwinPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 4000;
    private static readonly BigInteger Max = WordGen.Max;
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18), Ray = BigInteger.Pow(10, 27), Ratio = BigInteger.Pow(10, 9);

    private static Gen<(BigInteger A, BigInteger B)> Pairs(params Gen<(BigInteger A, BigInteger B)>[] boundaries) =>
        Gen.Frequency(new[] { (2, WordGen.Pair) }.Concat(boundaries.Select(g => (3, g))).ToArray());

    /// <summary>Both sides' outcomes (value or exact revert data) must be equal.</summary>
    private static void Same(Func<BigInteger> model, Func<UInt256> actual) =>
        Assert.Equal(EvmOutcome.OfModel(model), EvmOutcome.Of(actual));

    [Fact]
    public void MulDivMatchesOpenZeppelin()
    {
        // d around the product's high half (overflow boundary), around product / max (rounding-overflow boundary), small, and 0.
        var gen =
            from x in WordGen.Word
            from y in WordGen.Word
            let product = x * y
            from d in Gen.Frequency(
                (3, WordGen.Word),
                (2, WordGen.Near(product >> 256, 2)),
                (2, WordGen.Near(product / Max, 2)),
                (1, Gen.Elements(BigInteger.Zero, BigInteger.One, new BigInteger(2))))
            from rounding in Gen.Choose(0, 3)
            select (X: x, Y: y, D: d, Rounding: rounding);
        PropertyCheck.Run(output, "FullMath.MulDiv", gen, t =>
            Same(() => ReferenceModel.MulDiv(t.X, t.Y, t.D, t.Rounding),
                () => FullMath.MulDiv(From(t.X), From(t.Y), From(t.D), (Rounding)t.Rounding)), 2 * Cases);
    }

    [Fact]
    public void WadMul() => PropertyCheck.Run(output, "WadRayMath.wadMul",
        Pairs(WordGen.OnQuotientBoundary(WordGen.AnyMagnitude, Max - Wad / 2)), t =>
            Same(() => ReferenceModel.WadMul(t.A, t.B), () => WadRayMath.WadMul(From(t.A), From(t.B))), Cases);

    [Fact]
    public void WadDiv() => PropertyCheck.Run(output, "WadRayMath.wadDiv",
        Pairs(WordGen.AroundThreshold(WordGen.AnyMagnitude, b => (Max - b / 2) / Wad)), t =>
            Same(() => ReferenceModel.WadDiv(t.A, t.B), () => WadRayMath.WadDiv(From(t.A), From(t.B))), Cases);

    [Fact]
    public void RayMul() => PropertyCheck.Run(output, "WadRayMath.rayMul",
        Pairs(WordGen.OnQuotientBoundary(WordGen.AnyMagnitude, Max - Ray / 2)), t =>
            Same(() => ReferenceModel.RayMul(t.A, t.B), () => WadRayMath.RayMul(From(t.A), From(t.B))), Cases);

    [Fact]
    public void RayDiv() => PropertyCheck.Run(output, "WadRayMath.rayDiv",
        Pairs(WordGen.AroundThreshold(WordGen.AnyMagnitude, b => (Max - b / 2) / Ray)), t =>
            Same(() => ReferenceModel.RayDiv(t.A, t.B), () => WadRayMath.RayDiv(From(t.A), From(t.B))), Cases);

    [Fact]
    public void RayToWadAndWadToRay()
    {
        var gen = Gen.Frequency(
            (2, WordGen.Word),
            (2, from k in WordGen.Word from d in Gen.Choose(-2, 2) select WordGen.Clip(k / Ratio * Ratio + Ratio / 2 + d)),
            (2, WordGen.Near(Max / Ratio, 3)));
        PropertyCheck.Run(output, "WadRayMath.rayToWad+wadToRay", gen, a =>
        {
            Same(() => ReferenceModel.RayToWad(a), () => WadRayMath.RayToWad(From(a)));
            Same(() => ReferenceModel.WadToRay(a), () => WadRayMath.WadToRay(From(a)));
        }, Cases);
    }

    [Fact]
    public void PercentMul() => PropertyCheck.Run(output, "PercentageMath.percentMul",
        Pairs(WordGen.OnQuotientBoundary(Gen.Frequency((1, WordGen.AnyMagnitude), (1, WordGen.BitLength(0, 16))), Max - 5000)), t =>
            Same(() => ReferenceModel.PercentMul(t.A, t.B), () => PercentageMath.PercentMul(From(t.A), From(t.B))), Cases);

    [Fact]
    public void PercentDiv() => PropertyCheck.Run(output, "PercentageMath.percentDiv",
        Pairs(WordGen.AroundThreshold(Gen.Frequency((1, WordGen.AnyMagnitude), (1, WordGen.BitLength(0, 16))), b => (Max - b / 2) / 10_000)), t =>
            Same(() => ReferenceModel.PercentDiv(t.A, t.B), () => PercentageMath.PercentDiv(From(t.A), From(t.B))), Cases);

    [Fact]
    public void MorphoMulDiv()
    {
        var gen =
            from xy in Pairs(WordGen.OnQuotientBoundary(WordGen.AnyMagnitude, Max))
            let product = xy.A * xy.B
            from d in Gen.Frequency(
                (3, WordGen.Word),
                (2, WordGen.Near(Max - product + 1, 2)), // x * y + (d - 1) crosses 2^256
                (1, Gen.Elements(BigInteger.Zero, BigInteger.One)))
            select (X: xy.A, Y: xy.B, D: d);
        PropertyCheck.Run(output, "MorphoMathLib.mulDivDown+mulDivUp", gen, t =>
        {
            Same(() => ReferenceModel.MulDivDown(t.X, t.Y, t.D), () => MorphoMathLib.MulDivDown(From(t.X), From(t.Y), From(t.D)));
            Same(() => ReferenceModel.MulDivUp(t.X, t.Y, t.D), () => MorphoMathLib.MulDivUp(From(t.X), From(t.Y), From(t.D)));
        }, Cases);
    }

    [Fact]
    public void MorphoWadHelpers()
    {
        var gen = Pairs(
            WordGen.OnQuotientBoundary(WordGen.AnyMagnitude, Max), // wMulDown: x * y near 2^256
            from x in WordGen.Near(Max / Wad, 2) from y in WordGen.Word select (x, y), // w*Div: x * WAD near 2^256
            from x in WordGen.Word from y in Gen.Elements(BigInteger.Zero, BigInteger.One, Wad) select (x, y));
        PropertyCheck.Run(output, "MorphoMathLib.wMulDown+wDivDown+wDivUp", gen, t =>
        {
            Same(() => ReferenceModel.WMulDown(t.A, t.B), () => MorphoMathLib.WMulDown(From(t.A), From(t.B)));
            Same(() => ReferenceModel.WDivDown(t.A, t.B), () => MorphoMathLib.WDivDown(From(t.A), From(t.B)));
            Same(() => ReferenceModel.WDivUp(t.A, t.B), () => MorphoMathLib.WDivUp(From(t.A), From(t.B)));
        }, Cases);
    }

    [Fact]
    public void Rpow()
    {
        var bases = Gen.Elements(BigInteger.Zero, BigInteger.One, 2, 10, 100, Wad, Ray, BigInteger.One << 64, BigInteger.One << 128);
        var gen =
            from b in Gen.Frequency((4, bases), (1, WordGen.Word))
            from x in Gen.Frequency(
                (3, WordGen.Word),
                (3, from d in WordGen.BitLength(0, 90) from up in Gen.Elements(true, false) select WordGen.Clip(up ? b + d : b - d)), // near 1.0
                (2, WordGen.Near(BigInteger.One << 128, 2)))
            from n in Gen.Frequency((3, Gen.Choose(0, 70).Select(i => new BigInteger(i))), (1, WordGen.Word), (1, WordGen.BitLength(0, 40)))
            select (X: x, N: n, B: b);
        PropertyCheck.Run(output, "MakerMath.rpow", gen, t =>
            Same(() => ReferenceModel.Rpow(t.X, t.N, t.B), () => MakerMath.Rpow(From(t.X), From(t.N), From(t.B))), Cases);
    }
}
