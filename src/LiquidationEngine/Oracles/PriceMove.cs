using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Oracles;

/// <summary>One price update, as the breakers' price-jump rule sees it; <c>default</c> means "no update in this evaluation".</summary>
/// <param name="Previous">The price before the update, base-currency units (0 when the asset had none).</param>
/// <param name="Current">The price the update set, base-currency units.</param>
public readonly record struct PriceMove(UInt256 Previous, UInt256 Current)
{
    /// <summary>True when this describes an update from an existing price.</summary>
    public bool HasPrevious => !Previous.IsZero;
}
