using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Markets;

/// <summary>
/// The governable risk parameters of one asset (everything of its configuration except its address and
/// token decimals). Basis points (bps) are parts of 10 000.
/// </summary>
/// <param name="LtvBps">Loan to value, bps: the share of the asset's collateral value that counts towards new borrowing. Below <paramref name="LiquidationThresholdBps"/> (or both 0).</param>
/// <param name="LiquidationThresholdBps">Liquidation threshold (LT), bps: the share of the collateral value that counts towards the health factor.</param>
/// <param name="LiquidationBonusBps">Liquidation bonus as 10 000 + premium, bps (10 500 = a 5% bonus), used by <see cref="FixedBonus"/>. At least 10 000; LT x bonus must stay below 100%.</param>
/// <param name="ProtocolFeeBps">The share of the bonus part of seized collateral that the protocol keeps, bps (at most 10 000).</param>
/// <param name="Flags">Collateral and borrowing switches.</param>
/// <param name="SupplyCap">Largest total supply of the asset, in token units (smallest units); 0 = no cap.</param>
/// <param name="BorrowCap">Largest total debt of the asset, in token units; 0 = no cap.</param>
public readonly record struct RiskParameters(
    uint LtvBps,
    uint LiquidationThresholdBps,
    uint LiquidationBonusBps,
    uint ProtocolFeeBps,
    AssetFlags Flags,
    UInt256 SupplyCap = default,
    UInt256 BorrowCap = default)
{
    /// <summary>True when accounts may enable the asset as collateral.</summary>
    public bool CollateralEnabled => (Flags & AssetFlags.CollateralEnabled) != 0;

    /// <summary>True when accounts may borrow the asset.</summary>
    public bool BorrowingEnabled => (Flags & AssetFlags.BorrowingEnabled) != 0;
}
