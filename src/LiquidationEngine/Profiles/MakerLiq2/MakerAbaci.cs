using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MakerLiq2;

/// <summary>
/// The price curves of MakerDAO Liquidations 2.0 Dutch auctions (dss <c>src/abaci.sol</c>, Solidity 0.6.12): the
/// auction price after <c>dur</c> seconds from the starting price <c>top</c>, both RAY. Reverts carry empty data.
/// Independent implementation of the deployed contracts' behaviour (dss is not published as a package).
/// </summary>
public static class MakerAbaci
{
    /// <summary>
    /// <c>LinearDecrease.price(top, dur)</c>: 0 once <c>dur &gt;= tau</c>, else <c>rmul(top, mul(tau - dur, RAY) / tau)</c>,
    /// i.e. top x (tau - dur) / tau with the factor floored to a ray.
    /// </summary>
    /// <param name="top">Starting price, RAY.</param>
    /// <param name="dur">Seconds since the auction started.</param>
    /// <param name="tau">Seconds until the price reaches 0.</param>
    /// <exception cref="EvmRevertException">Empty revert data when a product overflows.</exception>
    public static UInt256 LinearDecrease(UInt256 top, UInt256 dur, UInt256 tau)
    {
        if (dur >= tau) return UInt256.Zero;
        return DssMath.Rmul(top, DssMath.Mul(tau - dur, DssMath.Ray, "(tau - dur) * RAY") / tau, "top * factor");
    }

    /// <summary>
    /// <c>StairstepExponentialDecrease.price(top, dur)</c>: <c>rmul(top, rpow(cut, dur / step, RAY))</c>, i.e. top x
    /// cut^(whole steps elapsed).
    /// </summary>
    /// <param name="top">Starting price, RAY.</param>
    /// <param name="dur">Seconds since the auction started.</param>
    /// <param name="cut">Per-step price factor, RAY (0.99e27 = 1% drop per step; at most 1e27 on chain).</param>
    /// <param name="step">Seconds per step.</param>
    /// <exception cref="EvmRevertException">Empty revert data when <paramref name="step"/> is 0, when <c>rpow</c>
    /// overflows (<see cref="MakerMath.Rpow"/>) or when the final product overflows.</exception>
    public static UInt256 StairstepExponentialDecrease(UInt256 top, UInt256 dur, UInt256 cut, UInt256 step) =>
        DssMath.Rmul(top, MakerMath.Rpow(cut, DssMath.Div(dur, step, "dur / step"), DssMath.Ray), "top * cut^n");

    /// <summary><c>ExponentialDecrease.price(top, dur)</c>: <c>rmul(top, rpow(cut, dur, RAY))</c>, i.e. top x cut^dur.</summary>
    /// <param name="top">Starting price, RAY.</param>
    /// <param name="dur">Seconds since the auction started.</param>
    /// <param name="cut">Per-second price factor, RAY (at most 1e27 on chain).</param>
    /// <exception cref="EvmRevertException">Empty revert data when <c>rpow</c> or the final product overflows.</exception>
    public static UInt256 ExponentialDecrease(UInt256 top, UInt256 dur, UInt256 cut) =>
        DssMath.Rmul(top, MakerMath.Rpow(cut, dur, DssMath.Ray), "top * cut^dur");
}
