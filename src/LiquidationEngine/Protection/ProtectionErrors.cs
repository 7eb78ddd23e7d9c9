using LiquidationEngine.Abi;
using LiquidationEngine.Evm;

namespace LiquidationEngine.Protection;

/// <summary>
/// Errors of the protection wiring beyond those of the components (<see cref="Breakers.BreakerErrors"/>). Revert data
/// is the 4-byte selector followed by the ABI-encoded arguments; spec/SPEC.md section 7 lists each with its selector.
/// </summary>
public static class ProtectionErrors
{
    /// <summary>A guardian action on a scope without a breaker (the zero address is the market-wide breaker).</summary>
    public static readonly CustomError BreakerNotConfigured = new("BreakerNotConfigured(address scope)");

    internal static EvmRevertException NotConfigured(Address scope)
    {
        EvmRevertException revert = BreakerNotConfigured.Create(scope);
        string what = scope.IsZero ? "the market has no market-wide breaker" : $"asset {scope} has no breaker";
        return new EvmRevertException(revert.RevertData.Span, $"{revert.Message}: {what} (ProtectionOptions)");
    }
}
