using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>
/// MakerDAO Liquidations 2.0 <c>Dog.bark</c> amounts (dss <c>src/dog.sol</c>), bit-exact with the deployed contract
/// (Solidity 0.6.12: overflow and division by zero revert with empty data). dss is not published as a package; this is
/// an independent implementation of its specified behaviour, checked in the EVM against our own Solidity twin.
/// </summary>
public static class MakerDog
{
    /// <summary>
    /// The amounts of <c>bark</c>, in its order of checks:
    /// <list type="number">
    /// <item><c>require(spot &gt; 0 &amp;&amp; ink * spot &lt; art * rate, "Dog/not-unsafe")</c>;</item>
    /// <item><c>require(Hole &gt; Dirt &amp;&amp; hole &gt; dirt, "Dog/liquidation-limit-hit")</c>;
    /// <c>room = min(Hole - Dirt, hole - dirt)</c>;</item>
    /// <item><c>dart = min(art, room * WAD / rate / chop)</c> (partial liquidation when room is short); if that leaves
    /// a remainder with <c>(art - dart) * rate &lt; dust</c>, the whole vault goes (<c>dart = art</c>), else
    /// <c>require(dart * rate &gt;= dust, "Dog/dusty-auction-from-partial-liquidation")</c>;</item>
    /// <item><c>dink = ink * dart / art</c>; <c>require(dink &gt; 0, "Dog/null-auction")</c>;
    /// <c>require(dart &lt;= 2^255 &amp;&amp; dink &lt;= 2^255, "Dog/overflow")</c>;</item>
    /// <item><c>due = dart * rate</c>, <c>tab = due * chop / WAD</c>, <c>Dirt += tab</c>, <c>dirt += tab</c>;</item>
    /// <item><c>Clipper.kick</c>: <c>require(tab &gt; 0, "Clipper/zero-tab")</c>; <c>coin = tip + wmul(tab, chip)</c>
    /// when either is non-zero.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// Not modelled: <c>live</c>, the Vat's own checks in <c>grab</c> (its int256 arithmetic rejects
    /// <c>dart * rate &gt;= 2^255</c>), the clipper's <c>stopped</c> level, and its starting price
    /// (<c>require(top &gt; 0, "Clipper/zero-top-price")</c>, checked before the reward).
    /// </remarks>
    /// <exception cref="EvmRevertException">The <c>Error(string)</c> reasons in <see cref="MakerLiq2Errors"/>, or empty
    /// revert data when a product or sum overflows or <c>chop == 0</c>.</exception>
    public static MakerBarkResult Bark(in MakerBarkInput input)
    {
        UInt256 art = input.Art, rate = input.Rate;
        if (input.Spot.IsZero || !(DssMath.Mul(input.Ink, input.Spot, "ink * spot") < DssMath.Mul(art, rate, "art * rate")))
            ProfileRevert.ThrowError(MakerLiq2Errors.NotUnsafe, $"vault is safe: ink {input.Ink} x spot {input.Spot} >= art {art} x rate {rate}");
        if (!(input.GlobalHole > input.GlobalDirt && input.IlkHole > input.IlkDirt))
            ProfileRevert.ThrowError(MakerLiq2Errors.LiquidationLimitHit,
                $"Hole {input.GlobalHole} vs Dirt {input.GlobalDirt}, ilk hole {input.IlkHole} vs dirt {input.IlkDirt}");
        UInt256 room = UInt256.Min(input.GlobalHole - input.GlobalDirt, input.IlkHole - input.IlkDirt);

        UInt256 dart = UInt256.Min(art,
            DssMath.Div(DssMath.Div(DssMath.Mul(room, DssMath.Wad, "room * WAD"), rate, "/ rate"), input.Chop, "/ chop"));
        if (art > dart)
        {
            if (DssMath.Mul(art - dart, rate, "(art - dart) * rate") < input.Dust)
                dart = art;
            else if (!(DssMath.Mul(dart, rate, "dart * rate") >= input.Dust))
                ProfileRevert.ThrowError(MakerLiq2Errors.DustyAuctionFromPartialLiquidation,
                    $"partial dart {dart} x rate {rate} < dust {input.Dust}");
        }

        UInt256 dink = DssMath.Mul(input.Ink, dart, "ink * dart") / art;
        if (dink.IsZero)
            ProfileRevert.ThrowError(MakerLiq2Errors.NullAuction, $"dink = ink {input.Ink} x dart {dart} / art {art} is 0");
        UInt256 half = UInt256.One << 255;
        if (!(dart <= half && dink <= half))
            ProfileRevert.ThrowError(MakerLiq2Errors.Overflow, $"dart {dart} or dink {dink} above 2^255");

        UInt256 due = DssMath.Mul(dart, rate, "due = dart * rate");
        UInt256 tab = DssMath.Mul(due, input.Chop, "due * chop") / DssMath.Wad;
        UInt256 globalDirt = DssMath.Add(input.GlobalDirt, tab, "Dirt + tab");
        UInt256 ilkDirt = DssMath.Add(input.IlkDirt, tab, "dirt + tab");

        if (tab.IsZero)
            ProfileRevert.ThrowError(MakerLiq2Errors.ZeroTab, $"tab = due {due} x chop {input.Chop} / WAD is 0");
        UInt256 coin = input.Tip.IsZero && input.Chip.IsZero
            ? UInt256.Zero
            : DssMath.Add(input.Tip, DssMath.Wmul(tab, input.Chip, "tab * chip"), "tip + wmul(tab, chip)");

        return new MakerBarkResult
        {
            Dink = dink, Dart = dart, Due = due, Tab = tab, Coin = coin, GlobalDirt = globalDirt, IlkDirt = ilkDirt,
        };
    }
}
