using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Protection;

/// <summary>
/// The protection components of one market: the market scope and one scope per listed asset (by asset id). Holds
/// state only; <c>Market</c> (Market.Protection.cs) decides and applies. Single-threaded like the market.
/// </summary>
internal sealed class MarketProtection
{
    private readonly List<ProtectionScope> _assets = [];

    private MarketProtection(ProtectionOptions options)
    {
        Options = options;
        MarketScope = new ProtectionScope(Address.Zero, options.Throttle, options.Breaker, oracle: null, options.VelocityWindow);
    }

    public ProtectionOptions Options { get; }

    public ProtectionScope MarketScope { get; }

    public int AssetCount => _assets.Count;

    /// <summary>Validates the options and builds the components; null options give null (no protection at all).</summary>
    /// <exception cref="EvmRevertException"><c>InvalidBreakerParameter</c> or <c>InvalidThrottleParameter</c>.</exception>
    public static MarketProtection? Create(ProtectionOptions? options)
    {
        if (options is null) return null;
        options.Validate();
        return new MarketProtection(options);
    }

    public ProtectionScope Asset(int id) => _assets[id];

    /// <summary>The scope of a breaker: the market for the zero address, else a listed asset's (null when not listed).</summary>
    public ProtectionScope? Find(Address scope)
    {
        if (scope.IsZero) return MarketScope;
        foreach (ProtectionScope asset in _assets)
            if (asset.Scope == scope) return asset;
        return null;
    }

    /// <summary>Adds the scope of a newly listed asset (id = listing order) and feeds its oracle guard the listing price.</summary>
    public void AddAsset(Address asset, ulong timestamp, UInt256 price)
    {
        AssetProtectionOptions? o = Options.Assets.GetValueOrDefault(asset);
        var scope = new ProtectionScope(asset, o?.Throttle, o?.Breaker, o?.Oracle ?? Options.Oracle, Options.VelocityWindow);
        scope.Monitor?.Update(timestamp, price);
        _assets.Add(scope);
    }

    /// <summary>A deep copy (snapshots are immutable; a restored market gets its own copy).</summary>
    public MarketProtection Clone()
    {
        var copy = new MarketProtection(Options);
        MarketScope.CopyStateTo(copy.MarketScope);
        foreach (ProtectionScope asset in _assets)
        {
            AssetProtectionOptions? o = Options.Assets.GetValueOrDefault(asset.Scope);
            var target = new ProtectionScope(asset.Scope, o?.Throttle, o?.Breaker, o?.Oracle ?? Options.Oracle, Options.VelocityWindow);
            asset.CopyStateTo(target);
            copy._assets.Add(target);
        }
        return copy;
    }
}
