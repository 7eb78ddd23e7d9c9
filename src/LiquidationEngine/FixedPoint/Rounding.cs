namespace LiquidationEngine.FixedPoint;

/// <summary>
/// Rounding direction of a division, the twin of OpenZeppelin 5 <c>Math.Rounding</c> (same members, same order,
/// same underlying values). For the unsigned values of this library <see cref="Floor"/> and <see cref="Trunc"/>
/// both round toward zero, and <see cref="Ceil"/> and <see cref="Expand"/> both round away from zero
/// (OpenZeppelin's <c>unsignedRoundsUp(r)</c> is <c>uint8(r) % 2 == 1</c>).
/// </summary>
public enum Rounding
{
    /// <summary>Toward negative infinity (toward zero for unsigned values).</summary>
    Floor = 0,

    /// <summary>Toward positive infinity (away from zero for unsigned values).</summary>
    Ceil = 1,

    /// <summary>Toward zero.</summary>
    Trunc = 2,

    /// <summary>Away from zero.</summary>
    Expand = 3,
}
