using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Simulation.Positions;

namespace LiquidationEngine.Simulation.Scenarios;

// Positions (generated or imported) and keepers.
public static partial class ScenarioReader
{
    private static (PositionGeneratorOptions, ImmutableArray<PositionSpec>) ReadPositions(
        JsonSection? s, ImmutableArray<CollateralSpec> collateral, DebtAssetSpec debt, string? baseDirectory)
    {
        var d = new PositionGeneratorOptions();
        if (s is null)
        {
            CheckBorrowable(d.MinHealthFactorBps, collateral, "positions.healthFactor.min");
            return (d, []);
        }
        string? file = s.String("file");
        if (file is not null)
        {
            foreach (string other in new[] { "count", "minValueUsd", "maxValueUsd", "healthFactor", "collateralWeights" })
            {
                if (s.Has(other))
                    throw new ScenarioException(s.Child(other), null, "cannot be combined with positions.file (imported positions are used as they are)");
            }
            s.EnsureNoUnknownFields();
            PositionAsset[] assets = [.. collateral.Select(c => new PositionAsset(c.Symbol, c.Decimals))];
            PositionSpec[] imported = PositionFile.Parse(ReadFile(file, baseDirectory, s.Child("file")), file, assets, debt.Decimals);
            if (imported.Length == 0)
                throw new ScenarioException(s.Child("file"), file, "holds no positions");
            return (d, [.. imported]);
        }

        int count = s.Int32("count", d.Count, 1, 10_000_000);
        UInt256 min = s.Decimal("minValueUsd", SimUnits.PriceDecimals, d.MinValue);
        UInt256 max = s.Decimal("maxValueUsd", SimUnits.PriceDecimals, d.MaxValue);
        if (min < SimUnits.PriceOne)
            throw new ScenarioException(s.Child("minValueUsd"), FormatUsd(min), "must be at least 1 USD");
        if (max < min)
            throw new ScenarioException(s.Child("maxValueUsd"), FormatUsd(max), $"must be at least minValueUsd ({FormatUsd(min)})");
        if (max > (UInt256)1_000_000_000_000UL * SimUnits.PriceOne)
            throw new ScenarioException(s.Child("maxValueUsd"), FormatUsd(max), "must be at most 1000000000000 USD");
        uint minHf = d.MinHealthFactorBps, maxHf = d.MaxHealthFactorBps;
        HealthFactorShape shape = d.Shape;
        JsonSection? hf = s.Section("healthFactor");
        if (hf is not null)
        {
            minHf = HealthFactorBps(hf, "min", minHf);
            maxHf = HealthFactorBps(hf, "max", maxHf);
            if (maxHf < minHf)
                throw new ScenarioException(hf.Child("max"), DecimalText.Format(maxHf, 4), $"must be at least healthFactor.min ({DecimalText.Format(minHf, 4)})");
            string? shapeText = hf.String("shape");
            shape = shapeText switch
            {
                null => shape,
                "uniform" => HealthFactorShape.Uniform,
                "skew-low" => HealthFactorShape.SkewLow,
                _ => throw new ScenarioException(hf.Child("shape"), shapeText, "is not a shape (expected uniform or skew-low)"),
            };
            hf.EnsureNoUnknownFields();
        }
        CheckBorrowable(minHf, collateral, "positions.healthFactor.min");
        ImmutableArray<uint> weights = [];
        JsonArray? w = s.Array("collateralWeights");
        if (w is not null)
        {
            if (w.Count != collateral.Length)
                throw new ScenarioException(s.Child("collateralWeights"), w.ToJsonString(), $"must have one weight per collateral asset ({collateral.Length})");
            weights = [.. w.Select((node, i) => (uint)JsonSection.Whole(node, $"{s.Child("collateralWeights")}[{i}]", 0, 1_000_000))];
            if (weights.All(x => x == 0))
                throw new ScenarioException(s.Child("collateralWeights"), w.ToJsonString(), "must not be all zero");
        }
        s.EnsureNoUnknownFields();
        return (new PositionGeneratorOptions
        {
            Count = count, MinValue = min, MaxValue = max, MinHealthFactorBps = minHf, MaxHealthFactorBps = maxHf, Shape = shape,
            CollateralWeights = weights,
        }, []);
    }

    private static uint HealthFactorBps(JsonSection s, string field, uint fallback)
    {
        UInt256 value = s.Decimal(field, 4, fallback);
        if (value < SimUnits.BpsOne || value > 100 * SimUnits.BpsOne)
            throw new ScenarioException(s.Child(field), DecimalText.Format(value, 4), "must be between 1 and 100");
        return (uint)(ulong)value;
    }

    // A generated position borrows debt = value x LT / HF, which the engine allows only up to value x LTV.
    private static void CheckBorrowable(uint minHealthFactorBps, ImmutableArray<CollateralSpec> collateral, string field)
    {
        foreach (CollateralSpec c in collateral)
        {
            if ((ulong)minHealthFactorBps * c.LtvBps < (ulong)c.LiquidationThresholdBps * SimUnits.BpsOne)
                throw new ScenarioException(field, DecimalText.Format(minHealthFactorBps, 4),
                    $"is below LT / LTV of {c.Symbol} ({c.LiquidationThresholdBps} / {c.LtvBps}): the engine would refuse such a borrow");
        }
    }

    private static KeeperOptions ReadKeepers(JsonSection? s, int blocks)
    {
        var d = new KeeperOptions();
        if (s is null)
            return d;
        UInt256 gas = s.Decimal("gasCostUsd", SimUnits.PriceDecimals, d.GasCost);
        var spikes = ImmutableArray.CreateBuilder<GasSpike>();
        JsonArray? array = s.Array("gasSpikes");
        for (int i = 0; array is not null && i < array.Count; i++)
        {
            JsonSection g = JsonSection.Of(array[i], $"{s.Child("gasSpikes")}[{i}]");
            int from = g.Int32("fromBlock", 0, 0, blocks - 1);
            int to = g.Int32("toBlock", blocks - 1, 0, blocks - 1);
            if (to < from)
                throw new ScenarioException(g.Child("toBlock"), to.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be at least fromBlock ({from})");
            if (!g.Has("gasCostUsd"))
                throw new ScenarioException(g.Child("gasCostUsd"), null, "is missing");
            spikes.Add(new GasSpike(from, to, g.Decimal("gasCostUsd", SimUnits.PriceDecimals, UInt256.Zero)));
            g.EnsureNoUnknownFields();
        }
        var result = new KeeperOptions
        {
            GasCost = gas,
            GasSpikes = spikes.ToImmutable(),
            MinProfit = s.Decimal("minProfitUsd", SimUnits.PriceDecimals, d.MinProfit),
            MaxLiquidationsPerBlock = s.Int32("maxLiquidationsPerBlock", d.MaxLiquidationsPerBlock, 1, 100_000),
        };
        s.EnsureNoUnknownFields();
        return result;
    }
}
