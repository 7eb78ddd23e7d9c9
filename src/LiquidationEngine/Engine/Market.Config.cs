using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Engine;

// Governance and oracle operations: listing, risk parameters, prices, interest indexes.
public sealed partial class Market
{
    /// <summary>
    /// Lists an asset with its first price; both indexes start at 1 (10^27). Emits <c>AssetListed</c> then
    /// <c>RiskParametersSet</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="config">Address, decimals and risk parameters (validated: spec/SPEC.md "Configuration rules").</param>
    /// <param name="price">Base-currency units per whole token; not 0.</param>
    /// <exception cref="EvmRevertException">In this order: <c>BlockNumberDecreased</c>, <c>TimestampDecreased</c>,
    /// <c>AssetAlreadyListed</c>, <c>TooManyAssets</c>, a configuration error, <c>InvalidPrice</c>.</exception>
    public void ListAsset(Block block, AssetConfig config, UInt256 price)
    {
        CheckBlock(block);
        if (_assetIds.ContainsKey(config.Asset))
            throw Revert.AssetAlreadyListed(config.Asset);
        if (_assets.Count >= MarketOptions.MaxAssets)
            throw Revert.TooManyAssets(MarketOptions.MaxAssets);
        MarketRules.ValidateListing(config, _options);
        if (price.IsZero)
            throw Revert.InvalidPrice(config.Asset, price);

        _lastBlock = block;
        _assetIds.Add(config.Asset, _assets.Count);
        _assets.Add(new AssetState(config, price, WadRayMath.Ray, WadRayMath.Ray, default, default, default, default));
        _protection?.AddAsset(config.Asset, block.Timestamp, price);
        _events?.Emit(new AssetListedEvent(config.Asset, config.Decimals, price));
        _events?.Emit(new RiskParametersSetEvent(config.Asset, config.Risk));
    }

    /// <summary>
    /// Replaces an asset's risk parameters. Existing positions are valued with the new parameters at once
    /// (this can make accounts liquidatable; the embedding protocol's governance decides). Emits <c>RiskParametersSet</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="asset">A listed asset.</param>
    /// <param name="risk">The new parameters (validated as at listing).</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, a configuration error.</exception>
    public void SetRiskParameters(Block block, Address asset, RiskParameters risk)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        MarketRules.ValidateRisk(asset, risk, _options);

        _lastBlock = block;
        AssetState state = _assets[id];
        _assets[id] = state with { Config = state.Config with { Risk = risk } };
        _events?.Emit(new RiskParametersSetEvent(asset, risk));
    }

    /// <summary>
    /// Sets an asset's price. Emits <c>PriceSet</c> with the old and new price. With protection, the asset's oracle
    /// guard records it and the market and asset breakers judge it (price jump, fall, volatility), emitting
    /// <c>BreakerStateChanged</c> after <c>PriceSet</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="asset">A listed asset.</param>
    /// <param name="price">Base-currency units per whole token; not 0.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>InvalidPrice</c>.</exception>
    public void SetPrice(Block block, Address asset, UInt256 price)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (price.IsZero)
            throw Revert.InvalidPrice(asset, price);
        if (_protection is not null)
            GuardPrice(block.Timestamp, id, price);

        _lastBlock = block;
        AssetState state = _assets[id];
        _assets[id] = state with { Price = price };
        _events?.Emit(new PriceSetEvent(asset, state.Price, price));
        if (_protection is not null)
            ApplyPriceGuard(block.Timestamp, id, price);
    }

    /// <summary>
    /// Moves an asset's interest indexes forward (the embedding protocol's rate model computes them). Balances
    /// follow at once: supply = scaled x supplyIndex / 10^27 (down), debt = scaled x borrowIndex / 10^27 (up).
    /// The difference between debt growth and supply growth shows in the asset's books as surplus (spec/SPEC.md).
    /// Emits <c>InterestAccrued</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="asset">A listed asset.</param>
    /// <param name="newBorrowIndex">RAY; not below the current borrow index.</param>
    /// <param name="newSupplyIndex">RAY; not below the current supply index.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>BorrowIndexDecreased</c>,
    /// <c>SupplyIndexDecreased</c>, Panic(0x11) when the asset's totals would no longer fit 256 bits.</exception>
    public void AccrueInterest(Block block, Address asset, UInt256 newBorrowIndex, UInt256 newSupplyIndex)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        AssetState state = _assets[id];
        if (newBorrowIndex < state.BorrowIndex)
            throw Revert.BorrowIndexDecreased(asset, state.BorrowIndex, newBorrowIndex);
        if (newSupplyIndex < state.SupplyIndex)
            throw Revert.SupplyIndexDecreased(asset, state.SupplyIndex, newSupplyIndex);
        AssetState next = state with { BorrowIndex = newBorrowIndex, SupplyIndex = newSupplyIndex };
        _ = next.TotalDebt;   // each account's balance is at most the total: if the totals fit, every balance does
        _ = next.TotalSupply;

        _lastBlock = block;
        _assets[id] = next;
        _events?.Emit(new InterestAccruedEvent(asset, newBorrowIndex, newSupplyIndex));
    }
}
