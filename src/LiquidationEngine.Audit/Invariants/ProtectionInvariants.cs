using System.Numerics;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Model;
using LiquidationEngine.Audit.Scripts;
using LiquidationEngine.Breakers;
using LiquidationEngine.Protection;

namespace LiquidationEngine.Audit.Invariants;

/// <summary>Whether a liquidation bypassed protection (HF below the emergency floor, SPEC 7.6.3).</summary>
internal static class Bypass
{
    public static bool Of(Step step, ProtectionOptions p) =>
        step.Liquidation is { } r && r.HealthFactorBefore < p.EmergencyHealthFactorFloor;
}

/// <summary>
/// INV-10: SPEC 7.1 bound: over any interval of length t, the non-bypass notional the market throttle let through is at
/// most C + r x t (C capacity, r refill per second), to the wei.
/// </summary>
public sealed class ThrottleBound : Invariant
{
    private readonly List<(ulong Time, BigInteger Notional)> _records = [];

    /// <inheritdoc/>
    public override string Id => "INV-10";

    /// <inheritdoc/>
    public override string Title => "throttle: notional <= C + r x t";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        if (config.Options.Protection is not { Throttle: { } t } p || step.Liquidation is not { } r || Bypass.Of(step, p)) return Verdict.Skip;
        ModelAsset d = Liq.Assets(step).Debt;
        _records.Add((step.Block.Timestamp, Ray.Ceil((BigInteger)r.DebtRepaid * d.Price, d.Unit)));
        BigInteger sum = 0, capacity = (BigInteger)t.CapacityNotional, rate = (BigInteger)t.RefillPerSecond;
        for (int k = _records.Count - 1; k >= 0; k--)
        {
            sum += _records[k].Notional;
            BigInteger bound = capacity + rate * (step.Block.Timestamp - _records[k].Time);
            if (sum > bound)
                return Verdict.Fail($"{sum} notional between t={_records[k].Time} and t={step.Block.Timestamp} exceeds C + r t = {bound}");
        }
        return Verdict.Pass;
    }
}

/// <summary>
/// INV-11: while the market breaker is Open (before its break has elapsed) or Isolated, no non-bypass liquidation and
/// no borrow succeeds when the configuration pauses them (SPEC 7.3.2).
/// </summary>
public sealed class BreakerPause : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-11";

    /// <inheritdoc/>
    public override string Title => "breaker: nothing paused gets through while Open";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        if (config.Options.Protection is not { Breaker: { } b } p || step.BreakerBefore is not { } s) return Verdict.Skip;
        bool open = s.State == CircuitState.Isolated || s.State == CircuitState.Open && step.Block.Timestamp < s.OpenUntil;
        bool paused = step.Op.Op switch
        {
            "liquidate" => b.PauseLiquidationsWhileOpen,
            "borrow" => b.PauseBorrowsWhileOpen,
            _ => false,
        };
        if (!open || !paused) return Verdict.Skip;
        bool through = step.Revert is null && !(step.Op.Op == "liquidate" && Bypass.Of(step, p));
        return Verdict.That(!through, () => $"{step.Op.Op} succeeded while the market breaker was {s.State} until {s.OpenUntil}");
    }
}

/// <summary>
/// INV-12: no stuck state: an evaluation at or after the end of a break never leaves the breaker Open with that
/// elapsed break; only the guardian isolates; a guardian reset closes (SPEC 7.3.1).
/// </summary>
public sealed class BreakerLiveness : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-12";

    /// <inheritdoc/>
    public override string Title => "breaker: no stuck state";

    /// <inheritdoc/>
    public override Verdict Check(Step step, AuditConfig config)
    {
        if (step.BreakerAfter is not { } after || step.BreakerBefore is not { } before || step.Revert is not null) return Verdict.Skip;
        ulong t = step.Block.Timestamp;
        if (after.State == CircuitState.Isolated && before.State != CircuitState.Isolated && step.Op.Op != "isolateBreaker")
            return Verdict.Fail($"{step.Op.Op} isolated the breaker");
        if (step.Op.Op == "resetBreaker" && after.State != CircuitState.Closed)
            return Verdict.Fail($"a guardian reset left the breaker {after.State}");
        if (step.Op.Op is "evaluateBreakers" or "advance" && after.State == CircuitState.Open && after.OpenUntil <= t)
            return Verdict.Fail($"an evaluation at t={t} left the breaker Open until {after.OpenUntil}");
        return Verdict.Pass;
    }
}
