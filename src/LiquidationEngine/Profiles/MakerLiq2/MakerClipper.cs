using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>
/// MakerDAO Liquidations 2.0 <c>Clipper</c> amounts (dss <c>src/clip.sol</c>, Solidity 0.6.12): the redo status, the
/// amounts of <c>take</c> and the cached dust floor <c>chost</c>. Independent implementation of the deployed contract's
/// behaviour (dss is not published as a package); reverts from its arithmetic carry empty data.
/// </summary>
public static class MakerClipper
{
    /// <summary><c>upchost()</c>: <c>chost = wmul(dust, chop)</c>, the smallest tab a partial purchase may leave, RAD.</summary>
    /// <param name="dust">The ilk's <c>dust</c>, RAD.</param>
    /// <param name="chop">The ilk's liquidation penalty, WAD.</param>
    /// <exception cref="EvmRevertException">Empty revert data when <c>dust * chop</c> overflows.</exception>
    public static UInt256 Chost(UInt256 dust, UInt256 chop) => DssMath.Wmul(dust, chop, "dust * chop");

    /// <summary>
    /// <c>status(tic, top).done</c>: the auction must be redone when <c>dur &gt; tail</c> or, failing that, when
    /// <c>rdiv(price, top) &lt; cusp</c> (the <c>rdiv</c> is not evaluated when the first holds).
    /// </summary>
    /// <exception cref="EvmRevertException">Empty revert data when <c>price * RAY</c> overflows or <c>top == 0</c>.</exception>
    public static bool NeedsRedo(UInt256 top, UInt256 price, UInt256 dur, UInt256 tail, UInt256 cusp) =>
        dur > tail || DssMath.Rdiv(price, top, "price / top") < cusp;

    /// <summary>
    /// The amounts of <c>take</c>, in its order:
    /// <list type="number">
    /// <item><c>require(!done, "Clipper/needs-reset")</c> (<see cref="NeedsRedo"/>); <c>require(max &gt;= price, "Clipper/too-expensive")</c>;</item>
    /// <item><c>slice = min(lot, amt)</c>, <c>owe = slice * price</c>;</item>
    /// <item>if <c>owe &gt; tab</c>: <c>owe = tab</c>, <c>slice = owe / price</c>; else if <c>owe &lt; tab</c> and
    /// <c>slice &lt; lot</c> and <c>tab - owe &lt; chost</c>: <c>require(tab &gt; chost, "Clipper/no-partial-purchase")</c>,
    /// <c>owe = tab - chost</c>, <c>slice = owe / price</c>;</item>
    /// <item><c>tab -= owe</c>, <c>lot -= slice</c>, and the dog's dirt falls by <c>lot == 0 ? tab + owe : owe</c>.</item>
    /// </list>
    /// </summary>
    /// <remarks>Not modelled: the auction's existence, <c>stopped</c>, the re-entrancy lock, and the transfers.</remarks>
    /// <exception cref="EvmRevertException">The <c>Error(string)</c> reasons above, or empty revert data when a product
    /// overflows, <c>top == 0</c> in the status check, or <c>price == 0</c> where the slice is recomputed.</exception>
    public static MakerTakeResult Take(in MakerTakeInput input)
    {
        UInt256 price = input.Price, tab = input.Tab, lot = input.Lot;
        if (NeedsRedo(input.Top, price, input.Dur, input.Tail, input.Cusp))
            ProfileRevert.ThrowError(MakerLiq2Errors.NeedsReset,
                $"dur {input.Dur} > tail {input.Tail} or price {price} / top {input.Top} below cusp {input.Cusp}");
        if (!(input.MaxPrice >= price))
            ProfileRevert.ThrowError(MakerLiq2Errors.TooExpensive, $"price {price} above max {input.MaxPrice}");

        UInt256 slice = UInt256.Min(lot, input.Amount);
        UInt256 owe = DssMath.Mul(slice, price, "slice * price");
        if (owe > tab)
        {
            owe = tab;
            slice = DssMath.Div(owe, price, "owe / price");
        }
        else if (owe < tab && slice < lot && tab - owe < input.Chost)
        {
            if (!(tab > input.Chost))
                ProfileRevert.ThrowError(MakerLiq2Errors.NoPartialPurchase, $"tab {tab} <= chost {input.Chost}: only the whole lot can be bought");
            owe = tab - input.Chost;
            slice = DssMath.Div(owe, price, "owe / price");
        }

        UInt256 tabLeft = UInt256.WrappingSub(tab, owe);
        UInt256 lotLeft = UInt256.WrappingSub(lot, slice);
        return new MakerTakeResult
        {
            Slice = slice,
            Owe = owe,
            Tab = tabLeft,
            Lot = lotLeft,
            DirtReleased = lotLeft.IsZero ? UInt256.WrappingAdd(tabLeft, owe) : owe,
        };
    }
}
