using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Audit.Config;

/// <summary>
/// Reads an audit configuration (schema: spec/SPEC.md section 9). Every error names the field by its JSON path, the
/// value and the rule: the reader's own rules (types, ranges, unknown fields) and the engine's configuration rules
/// (SPEC 4.2, 7.x), which it checks by building the market and listing the assets exactly as a run does.
/// </summary>
public static partial class AuditConfigReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads a configuration from JSON text.</summary>
    /// <exception cref="AuditConfigException">The text is not valid JSON or breaks a rule.</exception>
    public static AuditConfig Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new AuditConfigException("(root)", null, $"is not valid JSON: {e.Message}");
        }
        return Read(root);
    }

    /// <summary>Reads a configuration from a parsed JSON node (also the <c>config</c> of a script).</summary>
    /// <exception cref="AuditConfigException">The configuration breaks a rule.</exception>
    public static AuditConfig Read(JsonNode? root)
    {
        JsonFields s = JsonFields.Of(root, "");
        MarketOptions options = ReadMarket(s.Section("market"));
        options = options with { Protection = ReadProtection(s.Section("protection")) };
        ImmutableArray<AuditAsset> assets = ReadAssets(s.Array("assets") ?? throw new AuditConfigException("assets", null, "is required (at least one asset)"), options.PriceDecimals);
        AuditRequirements requirements = ReadRequirements(s.Section("requirements"));
        s.EnsureNoUnknownFields();
        CheckWithEngine(options, assets);
        return new AuditConfig(options, assets, requirements, root!.ToJsonString());
    }

    private static MarketOptions ReadMarket(JsonFields? s)
    {
        var d = new MarketOptions();
        if (s is null) return d;
        var options = new MarketOptions
        {
            PriceDecimals = (byte)s.UInt32("priceDecimals", d.PriceDecimals, 0, 36, "must be between 0 and 36 (SPEC 4.2)"),
            CloseFactor = ReadCloseFactor(s.Section("closeFactor")),
            Bonus = ReadBonus(s.Section("bonus")),
            DustThresholdBase = s.Word("dustThresholdBase", UInt256.Zero),
        };
        s.EnsureNoUnknownFields();
        Engine("market", null, () => _ = new Market(options with { Protection = null }));
        return options;
    }

    private static CloseFactorPolicy ReadCloseFactor(JsonFields? s)
    {
        if (s is null) return new FixedCloseFactor();
        string kind = s.String("kind") ?? "fixed";
        CloseFactorPolicy policy;
        switch (kind)
        {
            case "fixed":
                var f = new FixedCloseFactor();
                policy = new FixedCloseFactor
                {
                    CloseFactorBps = s.UInt32("closeFactorBps", f.CloseFactorBps, 1, 10_000, "must be between 1 and 10000 bps (SPEC 4.2, InvalidCloseFactor)"),
                    FullCloseFactorHealthFactor = s.Word("fullCloseFactorHealthFactor", f.FullCloseFactorHealthFactor, UInt256.Zero, Wad,
                        "must be at most 1e18 (SPEC 4.2, InvalidFullCloseFactorHealthFactor)"),
                };
                break;
            case "targetHealthFactor":
                policy = new TargetHealthFactor
                {
                    Target = s.Word("target", new TargetHealthFactor().Target, Wad, Wad * 100UL,
                        "must be between 1e18 and 100e18 (SPEC 4.2, InvalidTargetHealthFactor)"),
                };
                break;
            default:
                throw new AuditConfigException(s.Child("kind"), kind, "must be \"fixed\" or \"targetHealthFactor\"");
        }
        s.EnsureNoUnknownFields();
        return policy;
    }

    private static BonusPolicy ReadBonus(JsonFields? s)
    {
        if (s is null) return new FixedBonus();
        string kind = s.String("kind") ?? "fixed";
        BonusPolicy policy;
        switch (kind)
        {
            case "fixed":
                policy = new FixedBonus();
                break;
            case "variable":
                var d = new VariableBonus();
                uint min = s.UInt32("minBonusBps", d.MinBonusBps, 10_000, uint.MaxValue, "must be at least 10000 (100% of the debt repaid; SPEC 4.2)");
                uint max = s.UInt32("maxBonusBps", d.MaxBonusBps, min, uint.MaxValue, $"must be at least minBonusBps ({min}) (SPEC 4.2, InvalidBonusRange)");
                policy = new VariableBonus
                {
                    MinBonusBps = min,
                    MaxBonusBps = max,
                    HealthFactorForMaxBonus = s.Word("healthFactorForMaxBonus", d.HealthFactorForMaxBonus, UInt256.Zero, Wad - UInt256.One,
                        "must be below 1e18 (SPEC 4.2, InvalidHealthFactorForMaxBonus)"),
                };
                break;
            default:
                throw new AuditConfigException(s.Child("kind"), kind, "must be \"fixed\" or \"variable\"");
        }
        s.EnsureNoUnknownFields();
        return policy;
    }

    private static ImmutableArray<AuditAsset> ReadAssets(JsonArray array, byte priceDecimals)
    {
        if (array.Count is 0 or > 8)
            throw new AuditConfigException("assets", $"{array.Count} entries", "must list 1 to 8 assets");
        var assets = ImmutableArray.CreateBuilder<AuditAsset>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            JsonFields s = JsonFields.Of(array[i], $"assets[{i}]");
            string symbol = s.RequiredString("symbol");
            if (symbol.Length is 0 or > 16 || !symbol.All(char.IsAsciiLetterOrDigit))
                throw new AuditConfigException(s.Child("symbol"), symbol, "must be 1 to 16 ASCII letters or digits");
            if (assets.Any(a => a.Symbol == symbol))
                throw new AuditConfigException(s.Child("symbol"), symbol, "is used by an earlier asset: symbols must be unique");
            string? text = s.String("address");
            Address address = Address.FromUInt256((UInt256)(0xA55E7000UL + (ulong)i));
            if (text is not null && !Address.TryParse(text, out address))
                throw new AuditConfigException(s.Child("address"), text, "must be 0x followed by 40 hex digits (EIP-55 when mixed case)");
            byte decimals = (byte)s.UInt32("decimals", 18, 0, 36, "must be between 0 and 36 (SPEC 4.1)");
            UInt256 price = s.RequiredWord("price", UInt256.One, null, $"must be positive: base currency per whole token with {priceDecimals} price decimals");
            uint ltv = s.UInt32("ltvBps", 0, 0, 10_000, "must be between 0 and 10000 bps");
            uint lt = s.UInt32("liquidationThresholdBps", 0, 0, 10_000, "must be between 0 and 10000 bps");
            uint bonus = s.UInt32("liquidationBonusBps", 10_000, 10_000, uint.MaxValue, "must be at least 10000 bps (10000 + premium; SPEC 4.2, InvalidLiquidationBonus)");
            uint fee = s.UInt32("protocolFeeBps", 0, 0, 10_000, "must be between 0 and 10000 bps (SPEC 4.2, InvalidProtocolFee)");
            AssetFlags flags = (s.Bool("collateral", lt > 0) ? AssetFlags.CollateralEnabled : 0) | (s.Bool("borrowing", true) ? AssetFlags.BorrowingEnabled : 0);
            var risk = new RiskParameters(ltv, lt, bonus, fee, flags, s.Word("supplyCap", UInt256.Zero), s.Word("borrowCap", UInt256.Zero));
            s.EnsureNoUnknownFields();
            assets.Add(new AuditAsset(symbol, new AssetConfig(address, decimals, risk), price));
        }
        return assets.MoveToImmutable();
    }

    private static AuditRequirements ReadRequirements(JsonFields? s)
    {
        AuditRequirements d = AuditRequirements.Default;
        if (s is null) return d;
        var requirements = new AuditRequirements(s.Word("healingHealthFactor", d.HealingHealthFactor, UInt256.Zero, Wad, "must be a health factor of at most 1e18 (WAD)"));
        s.EnsureNoUnknownFields();
        return requirements;
    }

    // The engine's own validation, run as a run starts; its revert names the rule, the reader names the field.
    private static void CheckWithEngine(MarketOptions options, ImmutableArray<AuditAsset> assets)
    {
        Market market = null!;
        Engine("protection", null, () => market = new Market(options));
        for (int i = 0; i < assets.Length; i++)
        {
            AuditAsset a = assets[i];
            try
            {
                market.ListAsset(new Block(1, 1), a.Config, a.Price);
            }
            catch (EvmRevertException e)
            {
                (string field, string value) = AssetField(e.Message, a);
                throw new AuditConfigException($"assets[{i}].{field}", value, $"is rejected by the engine: {e.Message}");
            }
        }
    }

    private static (string Field, string Value) AssetField(string message, AuditAsset a)
    {
        RiskParameters r = a.Config.Risk;
        if (message.Contains("LiquidationCannotHeal", StringComparison.Ordinal)) return ("liquidationThresholdBps", $"{r.LiquidationThresholdBps}");
        if (message.Contains("InvalidLtv", StringComparison.Ordinal)) return ("ltvBps", $"{r.LtvBps}");
        if (message.Contains("InvalidLiquidationBonus", StringComparison.Ordinal)) return ("liquidationBonusBps", $"{r.LiquidationBonusBps}");
        if (message.Contains("InvalidProtocolFee", StringComparison.Ordinal)) return ("protocolFeeBps", $"{r.ProtocolFeeBps}");
        if (message.Contains("InvalidDecimals", StringComparison.Ordinal)) return ("decimals", $"{a.Config.Decimals}");
        if (message.Contains("InvalidPrice", StringComparison.Ordinal)) return ("price", $"{a.Price}");
        return ("address", a.Address.ToString());
    }

    private static void Engine(string field, string? value, Action build)
    {
        try
        {
            build();
        }
        catch (EvmRevertException e)
        {
            throw new AuditConfigException(field, value, $"is rejected by the engine: {e.Message}");
        }
    }

    private static UInt256 Wad => WadRayMath.Wad;
}
