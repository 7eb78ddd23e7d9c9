namespace LiquidationEngine.Profiles.MorphoBlue;

/// <summary>
/// The Morpho Blue revert reasons the profile can produce, as <c>ErrorsLib.sol</c> of <c>@morpho-org/morpho-blue</c>
/// 1.0.0 defines them; Morpho reverts with <c>Error(reason)</c>.
/// </summary>
public static class MorphoBlueErrors
{
    /// <summary><c>INCONSISTENT_INPUT</c>: not exactly one of seizedAssets and repaidShares is zero.</summary>
    public const string InconsistentInput = "inconsistent input";

    /// <summary><c>HEALTHY_POSITION</c>: the position cannot be liquidated.</summary>
    public const string HealthyPosition = "position is healthy";

    /// <summary><c>MAX_UINT128_EXCEEDED</c>: an amount does not fit the uint128 storage fields.</summary>
    public const string MaxUint128Exceeded = "max uint128 exceeded";
}
