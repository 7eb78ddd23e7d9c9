using System.Collections.Immutable;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Audit.Config;

/// <summary>
/// The auditor's market: engine options (with protection), the assets with their listing prices and risk
/// parameters, and the audit's own requirements. Read with <see cref="AuditConfigReader"/>; schema in spec/SPEC.md
/// section 9.
/// </summary>
/// <param name="Options">The market options passed to <c>new Market</c>.</param>
/// <param name="Assets">The assets, listed in this order at block 1.</param>
/// <param name="Requirements">What the auditor requires beyond the engine's own guarantees.</param>
/// <param name="Json">The configuration as canonical JSON (embedded in counterexample scripts).</param>
public sealed record AuditConfig(MarketOptions Options, ImmutableArray<AuditAsset> Assets, AuditRequirements Requirements, string Json)
{
    /// <summary>The asset with the given symbol.</summary>
    /// <exception cref="AuditConfigException">No such symbol.</exception>
    public int IndexOf(string symbol)
    {
        for (int i = 0; i < Assets.Length; i++)
            if (Assets[i].Symbol == symbol) return i;
        throw new AuditConfigException("asset", symbol, $"is not one of the configured assets ({string.Join(", ", Assets.Select(a => a.Symbol))})");
    }
}

/// <summary>One configured asset.</summary>
/// <param name="Symbol">Short name used in scripts and reports.</param>
/// <param name="Config">Address, decimals and risk parameters, as listed.</param>
/// <param name="Price">Listing price, base currency per whole token with the market's price decimals.</param>
public sealed record AuditAsset(string Symbol, AssetConfig Config, UInt256 Price)
{
    /// <summary>The asset's address.</summary>
    public Address Address => Config.Asset;
}

/// <summary>Requirements an auditor sets on top of the engine's guarantees (section 9 of the SPEC).</summary>
/// <param name="HealingHealthFactor">
/// WAD. INV-09: every liquidation of an account whose health factor is at least this must raise it (outside the
/// rounding band of SPEC 4.6). Parameters with LT x bonus at or above it fail. Default 0.9e18.
/// </param>
public sealed record AuditRequirements(UInt256 HealingHealthFactor)
{
    /// <summary>The defaults.</summary>
    public static AuditRequirements Default => new(900_000_000_000_000_000UL);
}
