using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Solvency;

/// <summary>Where a liquidation's protocol fee (collateral tokens kept in the market) is booked.</summary>
internal static class FeeRouting
{
    /// <summary>
    /// Credits <paramref name="fee"/> of the asset's tokens: floor(fee x feeToReservesBps / 10 000) to protocol reserves,
    /// the rest (all of it by default) to the asset's insurance fund. Cash is not touched: the fee never leaves the market.
    /// </summary>
    /// <exception cref="Evm.EvmRevertException">Panic(0x11) when a balance would pass 2^256 - 1.</exception>
    public static AssetState Credit(in AssetState asset, UInt256 fee)
    {
        AssetSolvency books = asset.Solvency;
        UInt256 toReserves = books.FeeToReservesBps == 0
            ? UInt256.Zero
            : FullMath.MulDiv(fee, books.FeeToReservesBps, Risk.Bps.One, Rounding.Floor);
        return asset with
        {
            Reserves = asset.Reserves + toReserves,
            Solvency = books with { InsuranceFund = books.InsuranceFund + (fee - toReserves) },
        };
    }
}
