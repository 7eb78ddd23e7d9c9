namespace LiquidationEngine.Profiles.AaveV3;

/// <summary>
/// The Aave V3 error codes the profile can revert with, exactly as <c>Errors.sol</c> of <c>@aave/core-v3</c> 1.19.3
/// (v3.0) defines them. Aave reverts with <c>Error(code)</c>, e.g. <c>require(hf &lt; 1e18, '45')</c>.
/// </summary>
public static class AaveV3Errors
{
    /// <summary><c>HEALTH_FACTOR_NOT_BELOW_THRESHOLD = '45'</c>: the health factor is not below 1e18.</summary>
    public const string HealthFactorNotBelowThreshold = "45";

    /// <summary><c>SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER = '47'</c>: the user has no debt in the debt asset.</summary>
    public const string SpecifiedCurrencyNotBorrowedByUser = "47";
}
