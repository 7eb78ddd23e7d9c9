using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Accounts;

/// <summary>
/// Scaled balances (RAY indexes): balance = scaled x index / 10^27. Every rounding favours the protocol:
/// supply balances and minted supply round down, burned supply rounds up; debt balances and minted debt round up,
/// burned debt rounds down.
/// </summary>
internal static class ScaledMath
{
    private const int RayDecimals = 27;

    // Hot (every health factor): the RAY division takes the fast power-of-ten path.
    public static UInt256 SupplyBalance(UInt256 scaled, UInt256 supplyIndex) => FastMath.MulDivPow10(scaled, supplyIndex, RayDecimals, roundUp: false);

    public static UInt256 DebtBalance(UInt256 scaled, UInt256 borrowIndex) => FastMath.MulDivPow10(scaled, borrowIndex, RayDecimals, roundUp: true);

    public static UInt256 SupplyToMint(UInt256 amount, UInt256 supplyIndex) => FullMath.MulDiv(amount, WadRayMath.Ray, supplyIndex, Rounding.Floor);

    public static UInt256 SupplyToBurn(UInt256 amount, UInt256 supplyIndex) => FullMath.MulDiv(amount, WadRayMath.Ray, supplyIndex, Rounding.Ceil);

    public static UInt256 DebtToMint(UInt256 amount, UInt256 borrowIndex) => FullMath.MulDiv(amount, WadRayMath.Ray, borrowIndex, Rounding.Ceil);

    public static UInt256 DebtToBurn(UInt256 amount, UInt256 borrowIndex) => FullMath.MulDiv(amount, WadRayMath.Ray, borrowIndex, Rounding.Floor);
}
