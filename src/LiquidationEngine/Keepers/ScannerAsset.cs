namespace LiquidationEngine.Keepers;

/// <summary>What <see cref="LiquidationScanner"/> needs to know about one asset (its terms as listed in the market).</summary>
/// <param name="Decimals">Token decimals (at most 36).</param>
/// <param name="LtvBps">LTV, bps (passed through to the health-factor code; it does not change the health factor).</param>
/// <param name="LiquidationThresholdBps">Liquidation threshold, bps.</param>
public readonly record struct ScannerAsset(byte Decimals, uint LtvBps, uint LiquidationThresholdBps);
