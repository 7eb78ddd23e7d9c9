using System.Text.Json;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Oracles;
using LiquidationEngine.Protection;
using LiquidationEngine.Risk;
using LiquidationEngine.Solvency;
using LiquidationEngine.Throttling;

namespace LiquidationEngine.Cli.Eval;

/// <summary>
/// <c>engine.run</c>: a sequence of engine operations against a fresh market or a named session kept for the
/// rest of the stream; per operation its events or its revert data, then the final state hash (spec/SPEC.md,
/// "Engine in eval"). Every operation is parsed before any runs, so a malformed request changes no session.
/// </summary>
internal sealed class EngineOps
{
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    private sealed class Session
    {
        public readonly EventRecorder Events = new();
        public Market Market;

        public Session() => Market = new Market(new MarketOptions(), Events);
    }

    // One parsed operation: runs against a session and writes its result object.
    private delegate void Command(Session session, Utf8JsonWriter writer);

    public IEnumerable<EvalOp> All()
    {
        yield return new EvalOp("engine.run", ["session?", "ops"], "the engine's operations (spec/SPEC.md, section 4)",
            _ => throw new InvalidOperationException("engine.run is structured"))
        { Structured = Run };
    }

    private Action<Utf8JsonWriter> Run(JsonElement request)
    {
        Fields.Only(request, "engine.run", "id", "op", "session", "ops");
        string? name = null;
        if (request.TryGetProperty("session", out JsonElement s))
            name = s.ValueKind == JsonValueKind.String ? s.GetString() : throw new EvalRequestException($"engine.run: \"session\" must be a string; got {s.GetRawText()}.");
        if (!request.TryGetProperty("ops", out JsonElement ops) || ops.ValueKind != JsonValueKind.Array)
            throw new EvalRequestException("engine.run: the request has no \"ops\" array.");
        var commands = new List<Command>();
        foreach (JsonElement op in ops.EnumerateArray())
            commands.Add(Parse(op, commands.Count));

        Session session = name is null ? new Session() : _sessions.TryGetValue(name, out Session? found) ? found : _sessions[name] = new Session();
        var results = new MemoryStream();
        using (var resultWriter = new Utf8JsonWriter(results))
        {
            resultWriter.WriteStartArray();
            foreach (Command command in commands)
            {
                session.Events.Clear();
                command(session, resultWriter);
            }
            resultWriter.WriteEndArray();
        }
        string stateHash = "0x" + session.Market.StateHash.ToString("x64");
        return writer =>
        {
            writer.WritePropertyName("results");
            writer.WriteRawValue(results.ToArray(), skipInputValidation: true);
            writer.WriteString("stateHash", stateHash);
        };
    }

    private static Command Parse(JsonElement op, int index)
    {
        if (op.ValueKind != JsonValueKind.Object || !op.TryGetProperty("op", out JsonElement kind) || kind.ValueKind != JsonValueKind.String)
            throw new EvalRequestException($"engine.run: ops[{index}] must be an object with an \"op\" string; got {op.GetRawText()}.");
        var f = new Fields(op, $"engine.run: ops[{index}] ({kind.GetString()})");
        switch (kind.GetString())
        {
            case "createMarket":
            {
                f.Allow("priceDecimals", "closeFactor", "closeFactorBps", "fullCloseFactorHealthFactor", "targetHealthFactor",
                    "bonus", "minBonusBps", "maxBonusBps", "healthFactorForMaxBonus", "dustThresholdBase", "protection");
                var fixedClose = new FixedCloseFactor();
                var variable = new VariableBonus();
                var options = new MarketOptions
                {
                    PriceDecimals = f.Byte("priceDecimals", 8),
                    CloseFactor = f.Choice("closeFactor", "fixed", "targetHealthFactor") == "fixed"
                        ? new FixedCloseFactor
                        {
                            CloseFactorBps = f.UInt("closeFactorBps", fixedClose.CloseFactorBps),
                            FullCloseFactorHealthFactor = f.Number("fullCloseFactorHealthFactor", fixedClose.FullCloseFactorHealthFactor),
                        }
                        : new TargetHealthFactor { Target = f.Number("targetHealthFactor", new TargetHealthFactor().Target) },
                    Bonus = f.Choice("bonus", "fixed", "variable") == "fixed"
                        ? new FixedBonus()
                        : new VariableBonus
                        {
                            MinBonusBps = f.UInt("minBonusBps", variable.MinBonusBps),
                            MaxBonusBps = f.UInt("maxBonusBps", variable.MaxBonusBps),
                            HealthFactorForMaxBonus = f.Number("healthFactorForMaxBonus", variable.HealthFactorForMaxBonus),
                        },
                    DustThresholdBase = f.Number("dustThresholdBase", UInt256.Zero),
                    Protection = f.Object("protection") is { } p ? ProtectionSpec.Parse(p, $"engine.run: ops[{index}] (createMarket).protection") : null,
                };
                return (session, w) => Execute(w, session, () => session.Market = new Market(options, session.Events));
            }
            case "listAsset":
            {
                f.Allow(["asset", "decimals", "price", .. RiskFields]);
                var config = new AssetConfig(f.Address("asset"), f.Byte("decimals"), Risk(f));
                UInt256 price = f.Number("price");
                return Transaction(f, (m, b) => m.ListAsset(b, config, price));
            }
            case "setRiskParameters":
            {
                f.Allow(["asset", .. RiskFields]);
                Address asset = f.Address("asset");
                RiskParameters risk = Risk(f);
                return Transaction(f, (m, b) => m.SetRiskParameters(b, asset, risk));
            }
            case "setPrice":
            {
                f.Allow("asset", "price");
                (Address asset, UInt256 price) = (f.Address("asset"), f.Number("price"));
                return Transaction(f, (m, b) => m.SetPrice(b, asset, price));
            }
            case "supply" or "withdraw" or "borrow" or "repay":
            {
                f.Allow("account", "asset", "amount");
                (Address account, Address asset, UInt256 amount) = (f.Address("account"), f.Address("asset"), f.Number("amount"));
                Func<Market, Block, UInt256> action = kind.GetString() switch
                {
                    "supply" => (m, b) => m.Supply(b, account, asset, amount),
                    "withdraw" => (m, b) => m.Withdraw(b, account, asset, amount),
                    "borrow" => (m, b) => m.Borrow(b, account, asset, amount),
                    _ => (m, b) => m.Repay(b, account, asset, amount),
                };
                return Transaction(f, (m, b) => action(m, b));
            }
            case "setUseAsCollateral":
            {
                f.Allow("account", "asset", "useAsCollateral");
                (Address account, Address asset, bool use) = (f.Address("account"), f.Address("asset"), f.Bool("useAsCollateral"));
                return Transaction(f, (m, b) => m.SetUseAsCollateral(b, account, asset, use));
            }
            case "accrueInterest":
            {
                f.Allow("asset", "borrowIndex", "supplyIndex");
                (Address asset, UInt256 borrow, UInt256 supply) = (f.Address("asset"), f.Number("borrowIndex"), f.Number("supplyIndex"));
                return Transaction(f, (m, b) => m.AccrueInterest(b, asset, borrow, supply));
            }
            case "liquidate":
            {
                f.Allow("liquidator", "account", "debtAsset", "collateralAsset", "debtToCover");
                (Address liquidator, Address account) = (f.Address("liquidator"), f.Address("account"));
                (Address debt, Address collateral, UInt256 cover) = (f.Address("debtAsset"), f.Address("collateralAsset"), f.Number("debtToCover"));
                return Transaction(f, (m, b) => m.Liquidate(b, liquidator, account, debt, collateral, cover));
            }
            case "tripBreaker" or "isolateBreaker" or "resetBreaker":
            {
                f.Allow("scope");
                Address scope = f.Address("scope");
                Action<Market, Block> action = kind.GetString() switch
                {
                    "tripBreaker" => (m, b) => m.TripBreaker(b, scope),
                    "isolateBreaker" => (m, b) => m.IsolateBreaker(b, scope),
                    _ => (m, b) => m.ResetBreaker(b, scope),
                };
                return Transaction(f, action);
            }
            case "evaluateBreakers":
                f.Allow();
                return Transaction(f, (m, b) => m.EvaluateBreakers(b));
            case "breakerState":
            {
                f.Allow("scope");
                Address scope = f.Address("scope");
                return (session, w) => View(w, session, () =>
                {
                    BreakerState b = session.Market.GetBreakerState(scope);
                    return [("state", (ulong)b.State), ("changedAt", b.ChangedAt), ("openUntil", b.OpenUntil)];
                });
            }
            case "realizeBadDebt":
            {
                f.Allow("account");
                Address account = f.Address("account");
                return Transaction(f, (m, b) => m.RealizeBadDebt(b, account));
            }
            case "depositInsurance":
            {
                f.Allow("from", "asset", "amount");
                (Address from, Address asset, UInt256 amount) = (f.Address("from"), f.Address("asset"), f.Number("amount"));
                return Transaction(f, (m, b) => m.DepositInsurance(b, from, asset, amount));
            }
            case "withdrawInsurance":
            {
                f.Allow("asset", "to", "amount");
                (Address asset, Address to, UInt256 amount) = (f.Address("asset"), f.Address("to"), f.Number("amount"));
                return Transaction(f, (m, b) => m.WithdrawInsurance(b, asset, to, amount));
            }
            case "setInsurancePolicy":
            {
                f.Allow("asset", "floor", "feeToReservesBps");
                (Address asset, UInt256 floor, uint share) = (f.Address("asset"), f.Number("floor", UInt256.Zero), f.UInt("feeToReservesBps", 0));
                return Transaction(f, (m, b) => m.SetInsurancePolicy(b, asset, floor, share));
            }
            case "setBackstop":
            {
                f.Allow("asset", "provider", "capacity");
                (Address asset, Address provider, UInt256 capacity) = (f.Address("asset"), f.Address("provider"), f.Number("capacity"));
                return Transaction(f, (m, b) => m.SetBackstop(b, asset, provider, capacity));
            }
            case "solvencyReport":
            {
                f.Allow("asset");
                Address asset = f.Address("asset");
                return (session, w) => View(w, session, () =>
                {
                    AssetSolvencyReport r = session.Market.GetSolvencyReport(asset);
                    return [("cash", r.Cash), ("totalDebt", r.TotalDebt), ("totalSupply", r.TotalSupply), ("insuranceFund", r.InsuranceFund),
                        ("reserves", r.Reserves), ("surplus", r.Surplus), ("shortfall", r.Shortfall), ("badDebtRealized", r.BadDebtRealized),
                        ("insuranceAbsorbed", r.InsuranceAbsorbed), ("backstopAbsorbed", r.BackstopAbsorbed), ("lossSocialized", r.LossSocialized),
                        ("supplyIndex", r.SupplyIndex), ("insuranceFloor", r.InsuranceFloor), ("backstopCapacity", r.BackstopCapacity)];
                });
            }
            case "accountData":
            {
                f.Allow("account");
                Address account = f.Address("account");
                return (session, w) => View(w, session, () =>
                {
                    AccountData d = session.Market.GetAccountData(account);
                    return [("totalCollateralBase", d.TotalCollateralBase), ("totalDebtBase", d.TotalDebtBase),
                        ("borrowCapacityBase", d.BorrowCapacityBase), ("thresholdWeightedCollateral", d.ThresholdWeightedCollateral),
                        ("averageLiquidationThresholdBps", d.AverageLiquidationThresholdBps), ("healthFactor", d.HealthFactor)];
                });
            }
            case "maxLiquidation":
            {
                f.Allow("account", "debtAsset", "collateralAsset");
                (Address account, Address debt, Address collateral) = (f.Address("account"), f.Address("debtAsset"), f.Address("collateralAsset"));
                return (session, w) => View(w, session, () =>
                {
                    LiquidationQuote q = session.Market.GetMaxLiquidation(account, debt, collateral);
                    return [("maxDebtToRepay", q.MaxDebtToRepay), ("debtRepaid", q.DebtRepaid), ("collateralSeized", q.CollateralSeized),
                        ("protocolFee", q.ProtocolFee), ("collateralToLiquidator", q.CollateralToLiquidator), ("liquidationBonusBps", q.LiquidationBonusBps)];
                });
            }
            default:
                throw new EvalRequestException($"engine.run: ops[{index}] has unknown op \"{kind.GetString()}\"; known: createMarket, listAsset, " +
                    "setRiskParameters, setPrice, supply, withdraw, borrow, repay, setUseAsCollateral, accrueInterest, liquidate, accountData, maxLiquidation, " +
                    "realizeBadDebt, depositInsurance, withdrawInsurance, setInsurancePolicy, setBackstop, solvencyReport, tripBreaker, isolateBreaker, " +
                    "resetBreaker, evaluateBreakers, breakerState.");
        }
    }

    private static readonly string[] RiskFields =
        ["ltvBps", "liquidationThresholdBps", "liquidationBonusBps", "protocolFeeBps", "collateralEnabled", "borrowingEnabled", "supplyCap", "borrowCap"];

    private static RiskParameters Risk(Fields f) => new(
        f.UInt("ltvBps"), f.UInt("liquidationThresholdBps"), f.UInt("liquidationBonusBps"), f.UInt("protocolFeeBps"),
        (f.Bool("collateralEnabled", false) ? AssetFlags.CollateralEnabled : 0) | (f.Bool("borrowingEnabled", false) ? AssetFlags.BorrowingEnabled : 0),
        f.Number("supplyCap", UInt256.Zero), f.Number("borrowCap", UInt256.Zero));

    // A state-changing operation at its "block"/"timestamp" (each defaults to the market's last block).
    private static Command Transaction(Fields f, Action<Market, Block> action)
    {
        ulong? number = f.OptionalULong("block"), timestamp = f.OptionalULong("timestamp");
        return (session, w) => Execute(w, session, () =>
        {
            Block last = session.Market.LastBlock;
            action(session.Market, new Block(number ?? last.Number, timestamp ?? last.Timestamp));
        });
    }

    private static void Execute(Utf8JsonWriter w, Session session, Action action, bool writeEvents = true)
    {
        w.WriteStartObject();
        try
        {
            action();
            if (!writeEvents) return;
            w.WriteStartArray("events");
            foreach (EngineEvent e in session.Events.Events)
            {
                Abi.EventLog log = e.ToLog();
                w.WriteStartObject();
                w.WriteString("name", log.Name);
                w.WriteStartArray("topics");
                foreach (UInt256 topic in log.Topics) w.WriteStringValue("0x" + topic.ToString("x64"));
                w.WriteEndArray();
                w.WriteString("data", log.DataHex);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        catch (EvmRevertException revert)
        {
            w.WriteString("revert", revert.RevertDataHex);
        }
        finally
        {
            w.WriteEndObject();
        }
    }

    private static void View(Utf8JsonWriter w, Session session, Func<(string Name, UInt256 Value)[]> view) => Execute(w, session, () =>
    {
        (string Name, UInt256 Value)[] values = view();
        w.WriteStartObject("ok");
        foreach ((string name, UInt256 value) in values) w.WriteString(name, value.ToString());
        w.WriteEndObject();
    }, writeEvents: false);

    /// <summary>
    /// The "protection" object of createMarket (spec/SPEC.md section 7.6.1): "emergencyHealthFactorFloor",
    /// "velocityWindowSeconds", "velocityBuckets", "throttle", "breaker", "oracle", and "assets" (an array of objects
    /// with "asset" and any of "throttle", "breaker", "oracle"). Omitted fields take the library's defaults.
    /// </summary>
    private static class ProtectionSpec
    {
        public static ProtectionOptions Parse(JsonElement o, string where)
        {
            Fields.Only(o, where, "emergencyHealthFactorFloor", "velocityWindowSeconds", "velocityBuckets", "throttle", "breaker", "oracle", "assets");
            var f = new Fields(o, where);
            var defaults = new ProtectionOptions();
            var assets = System.Collections.Immutable.ImmutableDictionary<Address, AssetProtectionOptions>.Empty;
            if (o.TryGetProperty("assets", out JsonElement list))
            {
                if (list.ValueKind != JsonValueKind.Array) throw new EvalRequestException($"{where}: \"assets\" must be an array.");
                int i = 0;
                foreach (JsonElement a in list.EnumerateArray())
                {
                    string at = $"{where}.assets[{i++}]";
                    if (a.ValueKind != JsonValueKind.Object) throw new EvalRequestException($"{at} must be an object.");
                    Fields.Only(a, at, "asset", "throttle", "breaker", "oracle");
                    var af = new Fields(a, at);
                    assets = assets.SetItem(af.Address("asset"), new AssetProtectionOptions
                    {
                        Throttle = Throttle(af.Object("throttle"), at + ".throttle"),
                        Breaker = Breaker(af.Object("breaker"), at + ".breaker"),
                        Oracle = Oracle(af.Object("oracle"), at + ".oracle"),
                    });
                }
            }
            return new ProtectionOptions
            {
                EmergencyHealthFactorFloor = f.Number("emergencyHealthFactorFloor", defaults.EmergencyHealthFactorFloor),
                VelocityWindow = new WindowOptions(f.ULong("velocityWindowSeconds", defaults.VelocityWindow.WindowSeconds), (int)f.UInt("velocityBuckets", (uint)defaults.VelocityWindow.BucketCount)),
                Throttle = Throttle(f.Object("throttle"), where + ".throttle"),
                Breaker = Breaker(f.Object("breaker"), where + ".breaker"),
                Oracle = Oracle(f.Object("oracle"), where + ".oracle"),
                Assets = assets,
            };
        }

        private static ThrottleOptions? Throttle(JsonElement? o, string where)
        {
            if (o is not { } e) return null;
            Fields.Only(e, where, "capacity", "refillPerSecond", "minimum");
            var f = new Fields(e, where);
            var d = new ThrottleOptions();
            return new ThrottleOptions
            {
                CapacityNotional = f.Number("capacity", d.CapacityNotional),
                RefillPerSecond = f.Number("refillPerSecond", d.RefillPerSecond),
                MinimumLiquidationNotional = f.Number("minimum", d.MinimumLiquidationNotional),
            };
        }

        private static CircuitBreakerOptions? Breaker(JsonElement? o, string where)
        {
            if (o is not { } e) return null;
            Fields.Only(e, where, "velocityTrip", "velocityReset", "priceFallTrip", "priceFallReset", "volatilityTrip", "volatilityReset",
                "stalenessTrip", "stalenessReset", "priceJumpToleranceRay", "breakDurationSeconds", "pauseLiquidationsWhileOpen",
                "openThrottleCapacityScaleBps", "halfOpenThrottleCapacityScaleBps", "pauseBorrowsWhileOpen", "borrowCapacityScaleBps");
            var f = new Fields(e, where);
            var d = new CircuitBreakerOptions();
            MetricThreshold T(string name, MetricThreshold fallback) => new(f.Number(name + "Trip", fallback.Trip), f.Number(name + "Reset", fallback.Reset));
            return new CircuitBreakerOptions
            {
                LiquidationVelocityBps = T("velocity", d.LiquidationVelocityBps),
                PriceFallBps = T("priceFall", d.PriceFallBps),
                VolatilityWad = T("volatility", d.VolatilityWad),
                StalenessSeconds = T("staleness", d.StalenessSeconds),
                PriceJumpToleranceRay = f.Number("priceJumpToleranceRay", d.PriceJumpToleranceRay),
                BreakDurationSeconds = f.ULong("breakDurationSeconds", d.BreakDurationSeconds),
                PauseLiquidationsWhileOpen = f.Bool("pauseLiquidationsWhileOpen", d.PauseLiquidationsWhileOpen),
                OpenThrottleCapacityScaleBps = f.UInt("openThrottleCapacityScaleBps", d.OpenThrottleCapacityScaleBps),
                HalfOpenThrottleCapacityScaleBps = f.UInt("halfOpenThrottleCapacityScaleBps", d.HalfOpenThrottleCapacityScaleBps),
                PauseBorrowsWhileOpen = f.Bool("pauseBorrowsWhileOpen", d.PauseBorrowsWhileOpen),
                BorrowCapacityScaleBps = f.UInt("borrowCapacityScaleBps", d.BorrowCapacityScaleBps),
            };
        }

        private static OracleGuardOptions? Oracle(JsonElement? o, string where)
        {
            if (o is not { } e) return null;
            Fields.Only(e, where, "maxPriceAgeSeconds", "gracePeriodSeconds", "priceWindowSeconds", "priceBuckets", "volatilityDecayWad");
            var f = new Fields(e, where);
            var d = new OracleGuardOptions();
            return new OracleGuardOptions
            {
                MaxPriceAgeSeconds = f.ULong("maxPriceAgeSeconds", d.MaxPriceAgeSeconds),
                GracePeriodSeconds = f.ULong("gracePeriodSeconds", d.GracePeriodSeconds),
                PriceWindow = new WindowOptions(f.ULong("priceWindowSeconds", d.PriceWindow.WindowSeconds), (int)f.UInt("priceBuckets", (uint)d.PriceWindow.BucketCount)),
                VolatilityDecayWad = f.Number("volatilityDecayWad", d.VolatilityDecayWad),
            };
        }
    }

    /// <summary>The named fields of one operation, parsed with errors that name the operation, the field and the value.</summary>
    private readonly struct Fields(JsonElement op, string where)
    {
        public static void Only(JsonElement obj, string where, params string[] names)
        {
            foreach (JsonProperty p in obj.EnumerateObject())
                if (Array.IndexOf(names, p.Name) < 0)
                    throw new EvalRequestException($"{where}: unknown field \"{p.Name}\"; fields: {string.Join(", ", names)}.");
        }

        public void Allow(params string[] names) => Only(op, where, ["op", "block", "timestamp", .. names]);

        public UInt256 Number(string name) => OptionalNumber(name) ?? throw Missing(name);

        public JsonElement? Object(string name)
        {
            if (!op.TryGetProperty(name, out JsonElement e)) return null;
            return e.ValueKind == JsonValueKind.Object ? e : throw Bad(name, e, "an object");
        }

        public ulong ULong(string name, ulong fallback) => OptionalULong(name) ?? fallback;

        public UInt256 Number(string name, UInt256 fallback) => OptionalNumber(name) ?? fallback;

        public UInt256? OptionalNumber(string name)
        {
            if (!op.TryGetProperty(name, out JsonElement e)) return null;
            string text = e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Bad(name, e, "a base-10 or 0x-hex string");
            return !text.StartsWith('-') && UInt256.TryParse(text, out UInt256 value) ? value : throw Bad(name, e, "an unsigned integer below 2^256");
        }

        public ulong? OptionalULong(string name)
        {
            UInt256? value = OptionalNumber(name);
            return value is not { } v ? null : v <= ulong.MaxValue ? (ulong)v : throw new EvalRequestException($"{where}: \"{name}\" = {v} does not fit 64 bits.");
        }

        public uint UInt(string name, uint? fallback = null)
        {
            UInt256 value = OptionalNumber(name) ?? fallback ?? throw Missing(name);
            return value <= uint.MaxValue ? (uint)(ulong)value : throw new EvalRequestException($"{where}: \"{name}\" = {value} does not fit 32 bits.");
        }

        public byte Byte(string name, byte? fallback = null)
        {
            UInt256 value = OptionalNumber(name) ?? fallback ?? throw Missing(name);
            return value <= byte.MaxValue ? (byte)(ulong)value : throw new EvalRequestException($"{where}: \"{name}\" = {value} does not fit 8 bits.");
        }

        public Address Address(string name)
        {
            if (!op.TryGetProperty(name, out JsonElement e)) throw Missing(name);
            return e.ValueKind == JsonValueKind.String && Evm.Address.TryParse(e.GetString(), out var a)
                ? a : throw Bad(name, e, "an address (0x and 40 hex digits; mixed case must be EIP-55)");
        }

        public bool Bool(string name, bool? fallback = null)
        {
            if (!op.TryGetProperty(name, out JsonElement e)) return fallback ?? throw Missing(name);
            return e.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw Bad(name, e, "true or false") };
        }

        public string Choice(string name, params string[] choices)
        {
            if (!op.TryGetProperty(name, out JsonElement e)) return choices[0];
            string? text = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return Array.IndexOf(choices, text) >= 0 ? text! : throw Bad(name, e, string.Join(" or ", choices.Select(c => $"\"{c}\"")));
        }

        private EvalRequestException Missing(string name) => new($"{where}: the field \"{name}\" is missing.");

        private EvalRequestException Bad(string name, JsonElement e, string expected) =>
            new($"{where}: \"{name}\" = {e.GetRawText()} is not {expected}.");
    }
}
