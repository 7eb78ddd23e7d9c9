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
    private readonly List<CollateralValue> _values = [];

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
        _values.Add(default);
    }

    /// <summary>
    /// floor(totalSupply x price / 10^decimals) of an asset whose supply can be collateral (LT &gt; 0), else 0, where
    /// totalSupply = floor(totalScaledSupply x supplyIndex / 1e27). Memoized on its inputs: a pure function, so the
    /// memo is not state (not encoded, not copied). A recomputation also records the value at half the scaled supply,
    /// the lower bound <see cref="CollateralValueLowerBound"/> serves while the supply stays above that.
    /// </summary>
    public UInt256 CollateralValueOf(int id, in Markets.AssetState asset, UInt256 price)
    {
        if (asset.Config.Risk.LiquidationThresholdBps == 0) return UInt256.Zero;
        ref readonly CollateralValue memo = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values)[id];
        if (memo.Known && memo.ScaledSupply == asset.TotalScaledSupply && memo.SupplyIndex == asset.SupplyIndex && memo.Price == price)
            return memo.Value;
        UInt256 value = Value(asset.TotalScaledSupply, asset, price);
        UInt256 half = asset.TotalScaledSupply >> 1;
        _values[id] = new CollateralValue(true, asset.TotalScaledSupply, asset.SupplyIndex, price, value, half, Value(half, asset, price));
        return value;
    }

    /// <summary>
    /// A lower bound of <see cref="CollateralValueOf"/>, exact when memoized: the value is non-decreasing in the scaled
    /// supply, so the value memoized at half a previous supply bounds it while the index and price are unchanged and the
    /// supply is still above that half. Enough to show that a velocity is below a threshold without a division.
    /// </summary>
    public UInt256 CollateralValueLowerBound(int id, in Markets.AssetState asset, UInt256 price)
    {
        if (asset.Config.Risk.LiquidationThresholdBps == 0) return UInt256.Zero;
        ref readonly CollateralValue memo = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values)[id];
        if (memo.Known && memo.SupplyIndex == asset.SupplyIndex && memo.Price == price)
        {
            if (memo.ScaledSupply == asset.TotalScaledSupply) return memo.Value;
            if (asset.TotalScaledSupply >= memo.HalfScaledSupply) return memo.HalfValue;
        }
        return CollateralValueOf(id, asset, price);
    }

    private static UInt256 Value(UInt256 scaledSupply, in Markets.AssetState asset, UInt256 price) =>
        Risk.Valuation.ValueDown(Accounts.ScaledMath.SupplyBalance(scaledSupply, asset.SupplyIndex), price, asset.Config.Decimals);

    private readonly record struct CollateralValue(
        bool Known, UInt256 ScaledSupply, UInt256 SupplyIndex, UInt256 Price, UInt256 Value, UInt256 HalfScaledSupply, UInt256 HalfValue);

    /// <summary>A deep copy (snapshots are immutable; a restored market gets its own copy). The value memo is not copied.</summary>
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
            copy._values.Add(default);
        }
        return copy;
    }
}
