using System.Numerics;
using FsCheck.Fluent;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Support.U256;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>The property harness must be able to fail: a wrong model is caught, with its seed and counterexample.</summary>
public class PropertyHarnessTests(ITestOutputHelper output)
{
    [Fact]
    public void AWrongModelIsCaughtWithSeedAndCounterexample()
    {
        // Deliberately wrong: claims wadMul rounds down. Half-up rounding differs on most inputs.
        var ex = Assert.Throws<PropertyFailedException>(() => PropertyCheck.Run(output, "harness.wrong-wadMul", WordGen.Pair, t =>
            Assert.Equal(
                EvmOutcome.OfModel(() => ReferenceModel.Sol.Div(ReferenceModel.Sol.Mul(t.A, t.B), BigInteger.Pow(10, 18))),
                EvmOutcome.Of(() => WadRayMath.WadMul(From(t.A), From(t.B)))), maxTest: 2000, seed: 7));
        Assert.Contains("LIQENGINE_PROPERTY_SEED=7", ex.Message);
        Assert.Contains("Original:", ex.Message); // FsCheck's counterexample
    }

    [Fact]
    public void AModelMissingARevertIsCaught()
    {
        // Deliberately wrong: mulDiv model without OpenZeppelin's overflow revert (a bare 512-bit quotient mod 2^256).
        var gen = from x in WordGen.FullWidth from y in WordGen.FullWidth select (x, y);
        Assert.Throws<PropertyFailedException>(() => PropertyCheck.Run(output, "harness.wrong-mulDiv", gen, t =>
            Assert.Equal(
                EvmOutcome.Ok(t.x * t.y % Modulus),
                EvmOutcome.Of(() => FullMath.MulDiv(From(t.x), From(t.y), UInt256.One, Rounding.Floor))), maxTest: 100, seed: 7));
    }

    [Fact]
    public void TheSameSeedReplaysTheSameCases()
    {
        var first = new List<BigInteger>();
        var second = new List<BigInteger>();
        PropertyCheck.Run(output, "harness.replay", WordGen.Word, first.Add, maxTest: 200, seed: 99);
        PropertyCheck.Run(output, "harness.replay", WordGen.Word, second.Add, maxTest: 200, seed: 99);
        Assert.True(first.Count >= 200); // more when LIQENGINE_PROPERTY_RUNS multiplies the count
        Assert.Equal(first, second);
        var other = new List<BigInteger>();
        PropertyCheck.Run(output, "harness.replay", WordGen.Word, other.Add, maxTest: 200, seed: 100);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void APassingPropertyPasses() =>
        PropertyCheck.Run(output, "harness.pass", Prop.ForAll(WordGen.WordArbitrary, v => v >= 0 && v <= WordGen.Max), maxTest: 500);
}
