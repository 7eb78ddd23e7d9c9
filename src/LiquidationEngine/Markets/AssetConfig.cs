using LiquidationEngine.Evm;

namespace LiquidationEngine.Markets;

/// <summary>The configuration of one asset (reserve) of a market.</summary>
/// <param name="Asset">The token's 20-byte address; never zero. Immutable once listed.</param>
/// <param name="Decimals">Token decimals (amounts are in units of 10^-decimals tokens); at most 36. Immutable once listed.</param>
/// <param name="Risk">The governable risk parameters (changed with <c>Market.SetRiskParameters</c>).</param>
public readonly record struct AssetConfig(Address Asset, byte Decimals, RiskParameters Risk);
