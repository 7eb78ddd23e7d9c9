using System.Numerics;
using LiquidationEngine.Audit.Model;
using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Audit.Scripts;

/// <summary>What one executed operation did: the engine before and after, the model before and after, the outcome.</summary>
public sealed class Step
{
    internal Step(int index, ScriptOp op, Block block, Market market, ReferenceModel before, ReferenceModel after)
    {
        Index = index;
        Op = op;
        Block = block;
        Market = market;
        ModelBefore = before;
        ModelAfter = after;
    }

    /// <summary>0-based position in the script.</summary>
    public int Index { get; }

    /// <summary>The operation.</summary>
    public ScriptOp Op { get; }

    /// <summary>The block it ran in.</summary>
    public Block Block { get; }

    /// <summary>The engine, after the operation.</summary>
    public Market Market { get; }

    /// <summary>The revert, or null when the operation succeeded.</summary>
    public EvmRevertException? Revert { get; internal set; }

    /// <summary>StateHash before the operation.</summary>
    public UInt256 HashBefore { get; internal set; }

    /// <summary>StateHash after the operation.</summary>
    public UInt256 HashAfter { get; internal set; }

    /// <summary>Number of events the operation emitted.</summary>
    public int EventCount => Events.Count;

    /// <summary>The EVM logs the operation emitted, in order.</summary>
    public IReadOnlyList<Abi.EventLog> Events { get; internal set; } = [];

    /// <summary>The liquidation's result, when a liquidation succeeded.</summary>
    public LiquidationResult? Liquidation { get; internal set; }

    /// <summary>The market breaker's state before the operation (null without a market breaker).</summary>
    public BreakerState? BreakerBefore { get; internal set; }

    /// <summary>The market breaker's state after the operation.</summary>
    public BreakerState? BreakerAfter { get; internal set; }

    internal ReferenceModel ModelBefore { get; }

    internal ReferenceModel ModelAfter { get; }

    /// <summary>For a liquidation: the model's (seized, fee) from the engine's repaid amount.</summary>
    internal (BigInteger Seized, BigInteger Fee) ModelSeize { get; set; }

    /// <summary>The success/revert line printed by replay.</summary>
    public string Outcome => Revert is null ? "ok" : $"revert {Revert.RevertDataHex[..Math.Min(10, Revert.RevertDataHex.Length)]} {Revert.Message}";
}
