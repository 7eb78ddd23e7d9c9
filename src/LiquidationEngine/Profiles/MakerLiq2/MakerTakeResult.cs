using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>What one <c>Clipper.take</c> moves and leaves.</summary>
public readonly struct MakerTakeResult
{
    /// <summary>Collateral bought, WAD.</summary>
    public UInt256 Slice { get; init; }

    /// <summary>DAI paid, RAD.</summary>
    public UInt256 Owe { get; init; }

    /// <summary>The auction's DAI target after the purchase, RAD. When 0 with collateral left, the rest returns to the vault owner.</summary>
    public UInt256 Tab { get; init; }

    /// <summary>The auction's collateral after the purchase, WAD. When 0 the auction ends.</summary>
    public UInt256 Lot { get; init; }

    /// <summary>DAI released from the dog's <c>Dirt</c>/<c>dirt</c> (<c>dog.digs</c>): the whole original tab when the lot is gone, else <see cref="Owe"/>, RAD.</summary>
    public UInt256 DirtReleased { get; init; }
}
