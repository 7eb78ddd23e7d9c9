using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Invariants;

namespace LiquidationEngine.Audit.Scripts;

/// <summary>
/// A replayable script: the audit configuration and the operations, as JSON (spec/SPEC.md section 9). Audit runs
/// write their minimal counterexample as one; <c>liqengine replay</c> executes it.
/// </summary>
/// <param name="Config">The market under audit.</param>
/// <param name="Ops">The operations, in order.</param>
/// <param name="Violation">What the audit found (informational; replay recomputes it).</param>
public sealed record AuditScript(AuditConfig Config, ImmutableArray<ScriptOp> Ops, Violation? Violation = null)
{
    /// <summary>The format tag written in every script.</summary>
    public const string Format = "liqengine-audit-script/1";

    // Readable JSON: no \u escapes for '>' or '\'' in the violation's text.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>Reads a script.</summary>
    /// <exception cref="AuditConfigException">Malformed JSON, an unknown field or operation, or a bad config (path-named).</exception>
    public static AuditScript Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new AuditConfigException("(root)", null, $"is not valid JSON: {e.Message}");
        }
        JsonFields s = JsonFields.Of(root, "");
        string format = s.String("format") ?? Format;
        if (format != Format) throw new AuditConfigException("format", format, $"must be \"{Format}\"");
        AuditConfig config;
        try
        {
            config = AuditConfigReader.Read(root!["config"] ?? throw new AuditConfigException("config", null, "is required"));
        }
        catch (AuditConfigException e) when (e.Field != "config")
        {
            throw new AuditConfigException("config." + e.Field, e.Value, e.Rule);
        }
        s.Section("config");
        _ = s.Section("violation");
        JsonArray ops = s.Array("ops") ?? throw new AuditConfigException("ops", null, "is required (an array of operations)");
        s.EnsureNoUnknownFields();
        var list = ImmutableArray.CreateBuilder<ScriptOp>(ops.Count);
        for (int i = 0; i < ops.Count; i++)
            list.Add(ReadOp(JsonFields.Of(ops[i], $"ops[{i}]")));
        return new AuditScript(config, list.MoveToImmutable());
    }

    private static ScriptOp ReadOp(JsonFields s)
    {
        string op = s.RequiredString("op");
        bool liquidate = op == "liquidate";
        var result = new ScriptOp(
            op,
            (int)s.UInt32("account", 0, 0, ScriptAccounts.Count, $"must be an account number from 1 to {ScriptAccounts.Count}"),
            (int)s.UInt32("liquidator", 0, 0, ScriptAccounts.Count, $"must be an account number from 1 to {ScriptAccounts.Count}"),
            liquidate ? s.String("debtAsset") : s.String("asset"),
            s.String("collateralAsset"),
            s.String("amount"),
            s.Bool("use", false),
            s.UInt64("seconds", 0),
            s.String("price"),
            s.String("borrowIndex"),
            s.String("supplyIndex"),
            s.UInt32("feeToReservesBps", 0));
        s.EnsureNoUnknownFields();
        return result;
    }

    /// <summary>The script as indented JSON, one operation per line.</summary>
    public string ToJson()
    {
        var text = new StringBuilder();
        text.Append("{\n  \"format\": \"").Append(Format).Append("\",\n");
        text.Append("  \"config\": ").Append(JsonNode.Parse(Config.Json)!.ToJsonString(Indented).Replace("\n", "\n  ", StringComparison.Ordinal)).Append(",\n");
        if (Violation is { } v)
        {
            var node = new JsonObject { ["id"] = v.Id, ["title"] = v.Title, ["step"] = v.StepIndex + 1, ["reason"] = v.Reason };
            text.Append("  \"violation\": ").Append(node.ToJsonString(Compact)).Append(",\n");
        }
        text.Append("  \"ops\": [\n");
        for (int i = 0; i < Ops.Length; i++)
            text.Append("    ").Append(OpJson(Ops[i])).Append(i + 1 < Ops.Length ? ",\n" : "\n");
        text.Append("  ]\n}\n");
        return text.ToString();
    }

    private static string OpJson(ScriptOp op)
    {
        var o = new JsonObject { ["op"] = op.Op };
        if (op.Account != 0) o["account"] = op.Account;
        if (op.Liquidator != 0) o["liquidator"] = op.Liquidator;
        if (op.Asset is not null) o[op.Op == "liquidate" ? "debtAsset" : "asset"] = op.Asset;
        if (op.CollateralAsset is not null) o["collateralAsset"] = op.CollateralAsset;
        if (op.Amount is not null) o["amount"] = op.Amount;
        if (op.Op == "setUseAsCollateral") o["use"] = op.Use;
        if (op.Seconds != 0) o["seconds"] = op.Seconds;
        if (op.Price is not null) o["price"] = op.Price;
        if (op.BorrowIndex is not null) o["borrowIndex"] = op.BorrowIndex;
        if (op.SupplyIndex is not null) o["supplyIndex"] = op.SupplyIndex;
        if (op.Op == "setInsurancePolicy") o["feeToReservesBps"] = op.FeeToReservesBps;
        return o.ToJsonString(Compact);
    }
}
