using LiquidationEngine.Accounts;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Solvency;

/// <summary>
/// What realising one account's bad debt in one asset does to that asset (spec/SPEC.md section 6, "Waterfall").
/// <c>Debt = Insurance + Backstop + Socialized</c> exactly.
/// </summary>
/// <param name="Debt">The account's debt written off: ceil(scaledDebt x borrowIndex / 10^27), token units.</param>
/// <param name="Insurance">Absorbed by the asset's insurance fund: min(fund, debt).</param>
/// <param name="Backstop">Paid in by the backstop: min(capacity, what is left).</param>
/// <param name="Socialized">The uncovered rest, passed to the asset's suppliers.</param>
/// <param name="IndexBefore">Supply index before, RAY.</param>
/// <param name="IndexAfter">Supply index after, RAY (equal to <paramref name="IndexBefore"/> when nothing is socialised or the asset freezes).</param>
/// <param name="Freezes">The supply cannot carry the loss at a non-zero index: every supply balance is written off and the asset frozen.</param>
/// <param name="SupplyWrittenOff">When freezing: the total supply written off, token units.</param>
/// <param name="ReservesCharged">When freezing: the part of the loss above all supply charged to protocol reserves.</param>
/// <param name="SurplusCharged">When freezing: the part above supply and reserves, charged to the asset's surplus (never more than it holds).</param>
/// <param name="After">The asset's state after (the accounts' supplies are written off separately when <paramref name="Freezes"/>).</param>
internal readonly record struct WaterfallOutcome(
    UInt256 Debt,
    UInt256 Insurance,
    UInt256 Backstop,
    UInt256 Socialized,
    UInt256 IndexBefore,
    UInt256 IndexAfter,
    bool Freezes,
    UInt256 SupplyWrittenOff,
    UInt256 ReservesCharged,
    UInt256 SurplusCharged,
    AssetState After);

/// <summary>The bad-debt waterfall for one asset: pure, allocation-free, the same code for every caller.</summary>
internal static class Waterfall
{
    /// <summary>
    /// Plans writing off <paramref name="scaledDebt"/> (all of one account's scaled debt in the asset): insurance fund,
    /// then backstop, then suppliers. Socialisation cuts the supply index to floor((S - L) x 10^27 / scaledSupply), so
    /// total supply falls by at least L and by at most L + ceil(scaledSupply / 10^27); when that index would be 0 the
    /// asset freezes instead (no division by zero anywhere).
    /// </summary>
    /// <exception cref="Evm.EvmRevertException">Panic(0x11) when cash or a cumulative total would pass 2^256 - 1.</exception>
    public static WaterfallOutcome Plan(in AssetState asset, UInt256 scaledDebt)
    {
        AssetSolvency books = asset.Solvency;
        UInt256 debt = ScaledMath.DebtBalance(scaledDebt, asset.BorrowIndex);
        UInt256 insurance = UInt256.Min(books.InsuranceFund, debt);
        UInt256 backstop = UInt256.Min(books.BackstopCapacity, debt - insurance);
        UInt256 loss = debt - insurance - backstop;

        books = books with
        {
            InsuranceFund = books.InsuranceFund - insurance,
            BackstopCapacity = books.BackstopCapacity - backstop,
            BadDebtRealized = books.BadDebtRealized + debt,
            InsuranceAbsorbed = books.InsuranceAbsorbed + insurance,
            BackstopAbsorbed = books.BackstopAbsorbed + backstop,
            LossSocialized = books.LossSocialized + loss,
        };
        AssetState after = asset with
        {
            TotalScaledDebt = asset.TotalScaledDebt - scaledDebt,
            Cash = asset.Cash + backstop,
            Solvency = books,
        };
        UInt256 index = asset.SupplyIndex;
        if (loss.IsZero)
            return new WaterfallOutcome(debt, insurance, backstop, loss, index, index, false, default, default, default, after);

        UInt256 supply = asset.TotalSupply;
        // supply > loss implies scaled supply > 0; the cut index is below the old one (rounded down, and loss >= 1).
        UInt256 cutIndex = supply > loss
            ? FullMath.MulDiv(supply - loss, WadRayMath.Ray, asset.TotalScaledSupply, Rounding.Floor)
            : UInt256.Zero;
        if (!cutIndex.IsZero)
            return new WaterfallOutcome(debt, insurance, backstop, loss, index, cutIndex, false, default, default, default,
                after with { SupplyIndex = cutIndex });

        // Freeze: every supplier loses everything; a loss above all supply is charged to reserves, then to the surplus
        // (which always holds it: with supply and fund at 0, surplus = cash + debt - reserves >= 0).
        UInt256 beyondSupply = loss > supply ? loss - supply : UInt256.Zero;
        UInt256 reservesCharged = UInt256.Min(asset.Reserves, beyondSupply);
        return new WaterfallOutcome(debt, insurance, backstop, loss, index, index, true, supply, reservesCharged, beyondSupply - reservesCharged,
            after with
            {
                TotalScaledSupply = UInt256.Zero,
                Reserves = asset.Reserves - reservesCharged,
                Config = asset.Config with { Risk = asset.Config.Risk with { Flags = AssetFlags.None } },
            });
    }
}
