using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Markets;

/// <summary>
/// How much of an account's debt in one asset a single liquidation may repay. A closed set:
/// <see cref="FixedCloseFactor"/> (Aave V3 style) or <see cref="TargetHealthFactor"/> (Aave V4 style).
/// The formulas live in <see cref="Risk.LiquidationMath"/> and spec/SPEC.md.
/// </summary>
public abstract record CloseFactorPolicy
{
    // Internal abstract: only this assembly can derive, so the state encoding knows every kind.
    internal abstract byte Kind { get; }

    internal abstract UInt256 Parameter1 { get; }

    internal abstract UInt256 Parameter2 { get; }
}

/// <summary>
/// A fixed share of the debt asset's debt (default 50%), or all of it once the health factor is at or below
/// <see cref="FullCloseFactorHealthFactor"/> (default 0.95, WAD).
/// </summary>
public sealed record FixedCloseFactor : CloseFactorPolicy
{
    /// <summary>The share of the debt one liquidation may repay, bps; 1 to 10 000. Default 5 000.</summary>
    public uint CloseFactorBps { get; init; } = 5_000;

    /// <summary>At or below this health factor (WAD) the whole debt may be repaid; at most 1e18. Default 0.95e18.</summary>
    public UInt256 FullCloseFactorHealthFactor { get; init; } = 950_000_000_000_000_000UL;

    internal override byte Kind => 0;

    internal override UInt256 Parameter1 => CloseFactorBps;

    internal override UInt256 Parameter2 => FullCloseFactorHealthFactor;
}

/// <summary>
/// Repay just enough debt to bring the account back to <see cref="Target"/> (e.g. 1.05, WAD), capped by the
/// debt; sells less collateral into a falling market than a fixed 50%. When no repayment can reach the target
/// (the account's health factor is at or below (1 + bonus) x LT of the collateral), the whole debt may be repaid.
/// </summary>
public sealed record TargetHealthFactor : CloseFactorPolicy
{
    /// <summary>The health factor a liquidation aims for, WAD; at least 1e18 and at most 1e20. Default 1.05e18.</summary>
    public UInt256 Target { get; init; } = 1_050_000_000_000_000_000UL;

    internal override byte Kind => 1;

    internal override UInt256 Parameter1 => Target;

    internal override UInt256 Parameter2 => UInt256.Zero;
}
