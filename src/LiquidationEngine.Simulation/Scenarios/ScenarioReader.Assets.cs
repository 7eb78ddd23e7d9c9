using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LiquidationEngine.Simulation.Feeds;
using LiquidationEngine.Simulation.Paths;

namespace LiquidationEngine.Simulation.Scenarios;

// Collateral assets: engine parameters, reference path, pool, oracle.
public static partial class ScenarioReader
{
    private static ImmutableArray<CollateralSpec> ReadCollateral(JsonArray? array, string path, int blocks, string? baseDirectory)
    {
        if (array is null)
            return [new CollateralSpec()];
        if (array.Count is 0 or > 16)
            throw new ScenarioException(path, $"{array.Count} entries", "must list 1 to 16 collateral assets");
        var result = ImmutableArray.CreateBuilder<CollateralSpec>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            JsonSection s = JsonSection.Of(array[i], $"{path}[{i}]");
            var d = new CollateralSpec();
            string symbol = Symbol(s, "symbol", d.Symbol);
            if (result.Any(c => c.Symbol == symbol))
                throw new ScenarioException(s.Child("symbol"), symbol, "is used by another collateral asset");
            byte decimals = s.Byte("decimals", d.Decimals, 36);
            ulong price = s.Decimal("price", SimUnits.PriceDecimals, d.Price) is var p && p > ulong.MaxValue
                ? throw new ScenarioException(s.Child("price"), p.ToString(), "is too large") : (ulong)p;
            if (price == 0)
                throw new ScenarioException(s.Child("price"), "0", "must be positive");
            uint lt = s.UInt32("liquidationThresholdBps", d.LiquidationThresholdBps, 1, SimUnits.BpsOne);
            uint ltv = s.UInt32("ltvBps", d.LtvBps, 1, lt - 1);
            uint bonus = s.UInt32("liquidationBonusBps", d.LiquidationBonusBps, SimUnits.BpsOne, 2 * SimUnits.BpsOne);
            if ((ulong)lt * bonus >= (ulong)SimUnits.BpsOne * SimUnits.BpsOne)
                throw new ScenarioException(s.Child("liquidationBonusBps"), bonus.ToString(), $"times the liquidation threshold {lt} must stay below 100% (otherwise no liquidation can heal an account)");
            uint fee = s.UInt32("protocolFeeBps", d.ProtocolFeeBps, 0, SimUnits.BpsOne);
            PathSpec pathSpec = ReadPath(s.Section("path"), baseDirectory);
            PoolSpec pool = ReadPool(s.Section("pool"));
            OracleOptions oracle = ReadOracle(s.Section("oracle"), blocks);
            s.EnsureNoUnknownFields();
            result.Add(new CollateralSpec
            {
                Symbol = symbol, Decimals = decimals, Price = price, LtvBps = ltv, LiquidationThresholdBps = lt,
                LiquidationBonusBps = bonus, ProtocolFeeBps = fee, Path = pathSpec, Pool = pool, Oracle = oracle,
            });
        }
        return result.MoveToImmutable();
    }

    private static PathSpec ReadPath(JsonSection? s, string? baseDirectory)
    {
        var d = new PathSpec();
        if (s is null)
            return d;
        string? csv = s.String("csv");
        string? presetName = s.String("preset");
        if (csv is not null && presetName is not null)
            throw new ScenarioException(s.Child("csv"), csv, "and path.preset are exclusive: give one");
        PathPreset preset = d.Preset;
        if (presetName is not null)
        {
            preset = PathPreset.Find(presetName)
                ?? throw new ScenarioException(s.Child("preset"), presetName, $"is not a preset (expected one of {string.Join(", ", PathPreset.All.Select(p => p.Name))})");
        }
        uint scale = s.UInt32("scaleBps", d.ScaleBps, 0, 2 * SimUnits.BpsOne);
        uint noise = s.UInt32("noiseBps", d.NoiseBps, 0, PricePathBuilder.MaxNoiseBps);
        if (csv is null)
        {
            foreach (Keyframe k in preset.Keyframes)
            {
                if (SimUnits.BpsOne + ((long)k.RatioBps - SimUnits.BpsOne) * scale / SimUnits.BpsOne <= 0)
                    throw new ScenarioException(s.Child("scaleBps"), scale.ToString(), $"scales the preset '{preset.Name}' to a price of zero or less");
            }
        }
        ImmutableArray<PricePoint> points = csv is null ? [] : [.. PriceCsv.Parse(ReadFile(csv, baseDirectory, s.Child("csv")), csv)];
        s.EnsureNoUnknownFields();
        return new PathSpec { Preset = preset, ScaleBps = scale, NoiseBps = noise, Points = points, Source = csv ?? preset.Name };
    }

    private static PoolSpec ReadPool(JsonSection? s)
    {
        var d = new PoolSpec();
        if (s is null)
            return d;
        var result = new PoolSpec
        {
            DepthValue = s.Decimal("depthUsd", SimUnits.PriceDecimals, d.DepthValue),
            FeeBps = s.UInt32("feeBps", d.FeeBps, 0, 1_000),
            ArbitrageStrengthBps = s.UInt32("arbitrageStrengthBps", d.ArbitrageStrengthBps, 0, SimUnits.BpsOne),
        };
        if (result.DepthValue < SimUnits.PriceOne)
            throw new ScenarioException(s.Child("depthUsd"), FormatUsd(result.DepthValue), "must be at least 1 USD");
        s.EnsureNoUnknownFields();
        return result;
    }

    private static OracleOptions ReadOracle(JsonSection? s, int blocks)
    {
        var d = new OracleOptions();
        if (s is null)
            return d;
        var result = new OracleOptions
        {
            HeartbeatSeconds = s.UInt64("heartbeatSeconds", d.HeartbeatSeconds, 1, 30 * 86_400),
            DeviationBps = s.UInt32("deviationBps", d.DeviationBps, 0, SimUnits.BpsOne),
            LatencyBlocks = s.Int32("latencyBlocks", d.LatencyBlocks, 0, Math.Max(0, blocks - 1)),
            AmmWeightBps = s.UInt32("ammWeightBps", d.AmmWeightBps, 0, SimUnits.BpsOne),
        };
        s.EnsureNoUnknownFields();
        return result;
    }

    private static string FormatUsd(LiquidationEngine.FixedPoint.UInt256 value) => DecimalText.Format(value, SimUnits.PriceDecimals);
}
