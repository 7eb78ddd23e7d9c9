using System.Numerics;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static LiquidationEngine.Tests.Profiles.ProfileGen;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>
/// Every profile eval op against its independent <see cref="ProfileModels"/> model, through the same dispatcher
/// <c>liqengine eval</c> uses: values and exact revert data must agree. Seeds are fixed and printed (PropertyCheck).
/// </summary>
public class ProfilePropertyTests(ITestOutputHelper output)
{
    private const int Cases = 1500;

    /// <summary>Model and eval must agree on every case; the outcome kinds are printed, and a generator that
    /// rarely reaches the success path fails the test (it would prove little).</summary>
    private void Check(string op, Gen<BigInteger[]> args, Func<BigInteger[], BigInteger[]> model)
    {
        var kinds = new Dictionary<string, int>();
        PropertyCheck.Run(output, op, args, a =>
        {
            string expected = Model(model, a);
            Assert.Equal(expected, Eval(op, a));
            string kind = Kind(expected);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }, Cases);
        output.WriteLine(string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}")));
        Assert.True(kinds.GetValueOrDefault("ok") * 5 >= Cases, $"{op}: only {kinds.GetValueOrDefault("ok")} of {Cases} cases succeed");
    }

    /// <summary>"ok", "revert 0x", "revert Panic(0x11)" or "revert Error(reason)".</summary>
    private static string Kind(string outcome)
    {
        if (outcome.StartsWith("ok", StringComparison.Ordinal)) return "ok";
        string hex = outcome["revert 0x".Length..];
        if (hex.StartsWith("4e487b71", StringComparison.Ordinal)) return $"revert Panic(0x{hex[^2..]})";
        if (!hex.StartsWith("08c379a0", StringComparison.Ordinal)) return "revert 0x" + hex;
        int length = Convert.ToInt32(hex[(8 + 64)..(8 + 128)], 16);
        return $"revert Error({System.Text.Encoding.UTF8.GetString(Convert.FromHexString(hex.Substring(8 + 128, 2 * length)))})";
    }

    private static string Model(Func<BigInteger[], BigInteger[]> model, BigInteger[] args)
    {
        try
        {
            return "ok " + string.Join(",", model(args));
        }
        catch (ModelRevert revert)
        {
            return "revert " + revert.RevertDataHex;
        }
    }

    private static string Eval(string op, BigInteger[] args)
    {
        string request = JsonSerializer.Serialize(new { id = 0, op, args = args.Select(a => a.ToString()).ToArray() });
        using JsonDocument answer = JsonDocument.Parse(LiquidationEngine.Tests.Eval.EvalHarness.Run(request + "\n").Single());
        JsonElement r = answer.RootElement;
        return r.TryGetProperty("ok", out JsonElement ok) ? "ok " + string.Join(",", ok.EnumerateArray().Select(v => v.GetString()))
            : r.TryGetProperty("revert", out JsonElement revert) ? "revert " + revert.GetString()
            : "error " + r.GetProperty("error").GetString();
    }

    private static readonly Gen<BigInteger[]> Reserve = Args(Amount, Amount, UsdPrice, Decimals, Bps, Bps, Flag);

    [Fact]
    public void AaveUserAccountData() => Check("aaveV3.userAccountData",
        from n in Gen.Choose(0, 4)
        from reserves in Gen.ArrayOf(Reserve, n)
        select reserves.SelectMany(r => r).Prepend(n).ToArray(),
        ProfileModels.AaveUserAccountData);

    [Fact]
    public void AaveLiquidationQuote() => Check("aaveV3.liquidationQuote",
        Args(HealthFactor, Amount, Gen.Frequency((3, Amount), (1, Gen.Constant(WordGen.Max))), Amount, UsdPrice, Decimals, UsdPrice, Decimals,
            Gen.Frequency((4, Gen.Choose(10_000, 11_500).Select(i => new BigInteger(i))), (1, Bps)), Bps),
        ProfileModels.AaveLiquidationQuote);

    [Fact]
    public void MorphoIncentive() => Check("morphoBlue.liquidationIncentiveFactor", Args(Lltv), ProfileModels.MorphoIncentive);

    [Fact]
    public void MorphoIsHealthy() => Check("morphoBlue.isHealthy",
        Args(Uint128, Uint128, Uint128, Uint128, OraclePrice, Lltv), ProfileModels.MorphoIsHealthy);

    [Fact]
    public void MorphoLiquidate() => Check("morphoBlue.liquidate",
        from state in Gen.Frequency((3, ProfileScenarios.MorphoUnhealthy), (1, Args(Uint128, Uint128, Uint128, Uint128, Uint128, OraclePrice, Lltv)))
        from amounts in Gen.Frequency(
            (3, Amount.Select(s => new[] { s, BigInteger.Zero })),
            (3, Amount.Select(r => new[] { BigInteger.Zero, r })),
            (2, Gen.Constant(new[] { state[3], BigInteger.Zero })),       // seize all collateral: bad debt
            (2, Gen.Constant(new[] { BigInteger.Zero, state[4] })),       // repay all shares
            (1, Args(Amount, Amount)))
        select state.Concat(amounts).ToArray(),
        ProfileModels.MorphoLiquidate);

    private static readonly Gen<BigInteger> RadAmount = Gen.Frequency((4, Scaled(40, 55)), (1, Gen.Constant(BigInteger.Zero)), (1, WordGen.Word));

    [Fact]
    public void MakerBark() => Check("makerLiq2.bark", Gen.Frequency((3, ProfileScenarios.MakerVault), (1, Args(Scaled(15, 24), Scaled(15, 25), Gen.Frequency((4, Scaled(26, 27)), (1, WordGen.Word)), Scaled(26, 31),
            RadAmount, Gen.Frequency((4, Gen.Choose(1000, 1500).Select(i => i * BigInteger.Pow(10, 15))), (1, WordGen.Word)),
            RadAmount, RadAmount, RadAmount, RadAmount, RadAmount, Gen.Frequency((3, Scaled(12, 16)), (1, Gen.Constant(BigInteger.Zero)))))),
        ProfileModels.MakerBark);

    [Fact]
    public void MakerLinearDecrease() => Check("makerLiq2.linearDecrease", Args(Scaled(20, 33), Seconds, Seconds), ProfileModels.MakerLinear);

    [Fact]
    public void MakerStairstepExponentialDecrease() => Check("makerLiq2.stairstepExponentialDecrease",
        Args(Scaled(20, 33), Seconds, RayFraction, Gen.Frequency((4, Gen.Choose(0, 300).Select(i => new BigInteger(i))), (1, WordGen.Word))),
        ProfileModels.MakerStairstep);

    [Fact]
    public void MakerExponentialDecrease() => Check("makerLiq2.exponentialDecrease", Args(Scaled(20, 33), Seconds, RayFraction), ProfileModels.MakerExponential);

    [Fact]
    public void MakerTake() => Check("makerLiq2.take", Gen.Frequency((3, ProfileScenarios.MakerAuction),
        (1, Args(RadAmount, Scaled(15, 24), Scaled(26, 31), Scaled(25, 31), Seconds, Seconds, RayFraction, Scaled(15, 25), Scaled(25, 32), RadAmount))),
        ProfileModels.MakerTake);

    [Fact]
    public void MakerChost() => Check("makerLiq2.chost", Args(RadAmount, Scaled(17, 19)), ProfileModels.MakerChost);
}
