namespace LiquidationEngine.Breakers;

/// <summary>What a breaker state does to the market. Combine the breakers a operation depends on with <see cref="Combine"/>.</summary>
/// <param name="LiquidationsPaused">Liquidations revert with <c>LiquidationsPaused</c> unless the account is below the emergency floor.</param>
/// <param name="ThrottleCapacityScaleBps">Scale of the throttle capacity, bps (10000 = unscaled).</param>
/// <param name="BorrowsPaused">New borrows revert with <c>BorrowsPaused</c>.</param>
/// <param name="BorrowCapacityScaleBps">Scale of the borrow capacity of new borrows (dynamic margin), bps (10000 = unscaled).</param>
public readonly record struct BreakerEffects(bool LiquidationsPaused, uint ThrottleCapacityScaleBps, bool BorrowsPaused, uint BorrowCapacityScaleBps)
{
    /// <summary>No effect: a Closed breaker.</summary>
    public static BreakerEffects None => new(false, BasisPoints.One, false, BasisPoints.One);

    /// <summary>The stricter of two effects: pauses add up, scales take the minimum.</summary>
    public static BreakerEffects Combine(in BreakerEffects a, in BreakerEffects b) => new(
        a.LiquidationsPaused || b.LiquidationsPaused,
        Math.Min(a.ThrottleCapacityScaleBps, b.ThrottleCapacityScaleBps),
        a.BorrowsPaused || b.BorrowsPaused,
        Math.Min(a.BorrowCapacityScaleBps, b.BorrowCapacityScaleBps));
}
