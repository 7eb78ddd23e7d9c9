using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Amm;

/// <summary>Integer square roots (Newton's method from an over-estimate, which decreases monotonically to the floor).</summary>
internal static class IntegerSqrt
{
    /// <summary>floor(sqrt(<paramref name="value"/>)).</summary>
    public static UInt256 Floor(UInt256 value)
    {
        if (value <= UInt256.One)
            return value;
        // 2^ceil(bits/2) >= sqrt(value): a start above the root keeps every Newton step above it until the floor.
        UInt256 guess = UInt256.One << ((value.BitLength + 1) / 2);
        while (true)
        {
            UInt256 next = (guess + value / guess) >> 1;
            if (next >= guess)
                return guess;
            guess = next;
        }
    }

    /// <summary>ceil(sqrt(<paramref name="value"/>)).</summary>
    public static UInt256 Ceil(UInt256 value)
    {
        UInt256 root = Floor(value);
        return root * root == value ? root : root + UInt256.One;
    }
}
