namespace LiquidationEngine.Markets;

/// <summary>Switches of a listed asset. Encoded as a <c>uint256</c> bit field in events and in the state encoding.</summary>
[Flags]
public enum AssetFlags : uint
{
    /// <summary>No capability: the asset can only be supplied and withdrawn.</summary>
    None = 0,

    /// <summary>Bit 0: accounts may use supplies of the asset as collateral (new enabling only; existing use stays).</summary>
    CollateralEnabled = 1,

    /// <summary>Bit 1: accounts may borrow the asset.</summary>
    BorrowingEnabled = 2,
}
