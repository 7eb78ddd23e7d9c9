using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>What <c>Dog.bark</c> (and the <c>Clipper.kick</c> it calls) moves.</summary>
public readonly struct MakerBarkResult
{
    /// <summary>Collateral sent to auction (the auction's <c>lot</c>), WAD.</summary>
    public UInt256 Dink { get; init; }

    /// <summary>Normalised debt taken from the vault, WAD.</summary>
    public UInt256 Dart { get; init; }

    /// <summary>Debt given to the vow, <c>dart * rate</c>, RAD.</summary>
    public UInt256 Due { get; init; }

    /// <summary>DAI the auction must raise, <c>due * chop / WAD</c>, RAD.</summary>
    public UInt256 Tab { get; init; }

    /// <summary>Keeper reward <c>tip + wmul(tab, chip)</c> (0 when both are 0), RAD.</summary>
    public UInt256 Coin { get; init; }

    /// <summary><c>dog.Dirt</c> after the call, RAD.</summary>
    public UInt256 GlobalDirt { get; init; }

    /// <summary><c>dog.ilks(ilk).dirt</c> after the call, RAD.</summary>
    public UInt256 IlkDirt { get; init; }
}
