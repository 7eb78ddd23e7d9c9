using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Running;

/// <summary>The deterministic addresses of a run: assets, borrowers, the lender and the keeper.</summary>
internal static class SimAddress
{
    private const ulong AssetBase = 0xA55E7_0000, BorrowerBase = 0xB0_0000_0000;

    /// <summary>The stablecoin's funder.</summary>
    public static Address Lender { get; } = Address.FromUInt256(0x1E4DE4UL);

    /// <summary>The keeper that liquidates (one address stands for the competing bots).</summary>
    public static Address Keeper { get; } = Address.FromUInt256(0x6EE9E4UL);

    /// <summary>Asset <paramref name="index"/> (0 = the stablecoin).</summary>
    public static Address Asset(int index) => Address.FromUInt256((UInt256)(AssetBase + (ulong)index));

    /// <summary>Borrower <paramref name="index"/>.</summary>
    public static Address Borrower(int index) => Address.FromUInt256((UInt256)(BorrowerBase + (ulong)index));
}
