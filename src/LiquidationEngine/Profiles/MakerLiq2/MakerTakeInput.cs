using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>The state and arguments of one <c>Clipper.take(id, amt, max, who, data)</c>.</summary>
public readonly struct MakerTakeInput
{
    /// <summary>The auction's remaining DAI target <c>sale.tab</c>, RAD.</summary>
    public UInt256 Tab { get; init; }

    /// <summary>The auction's remaining collateral <c>sale.lot</c>, WAD.</summary>
    public UInt256 Lot { get; init; }

    /// <summary>The auction's starting price <c>sale.top</c>, RAY.</summary>
    public UInt256 Top { get; init; }

    /// <summary>The current price <c>calc.price(top, dur)</c>, RAY (see <see cref="MakerAbaci"/>).</summary>
    public UInt256 Price { get; init; }

    /// <summary>Seconds since the auction (re)started, <c>block.timestamp - sale.tic</c>.</summary>
    public UInt256 Dur { get; init; }

    /// <summary>Seconds after which the auction must be redone, <c>clip.tail</c>.</summary>
    public UInt256 Tail { get; init; }

    /// <summary>Price drop (price / top, RAY) below which the auction must be redone, <c>clip.cusp</c>.</summary>
    public UInt256 Cusp { get; init; }

    /// <summary>The buyer's upper limit on collateral to buy, WAD.</summary>
    public UInt256 Amount { get; init; }

    /// <summary>The buyer's maximum acceptable price, RAY.</summary>
    public UInt256 MaxPrice { get; init; }

    /// <summary>The clipper's cached <c>chost = wmul(dust, chop)</c>, RAD (see <see cref="MakerClipper.Chost"/>).</summary>
    public UInt256 Chost { get; init; }
}
