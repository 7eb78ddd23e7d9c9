using LiquidationEngine.Accounts;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Engine;

/// <summary>
/// A lending market as a deterministic state machine whose operations behave like EVM transactions: each one
/// validates and computes everything first, then applies it and emits its events; or it throws
/// <see cref="EvmRevertException"/> with the exact ABI revert data and leaves the state (and
/// <see cref="StateHash"/>) bit-identical. The formulas, rounding directions and every revert are in
/// spec/SPEC.md, "Engine".
/// </summary>
/// <remarks>
/// Single-threaded by design, like the EVM: one operation at a time; use one market per thread or serialize
/// access. No operation reads a clock or iterates a hash order; the pure math types (<see cref="LiquidationMath"/>,
/// <see cref="AccountDataBuilder"/>) are thread-safe. There is no access control: the embedding protocol decides
/// who may call what.
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit]
public sealed partial class Market
{
    private readonly List<AssetState> _assets = [];
    private readonly Dictionary<Address, int> _assetIds = [];
    private readonly Dictionary<Address, Account> _accounts = [];
    private readonly IEventSink? _events;
    private MarketOptions _options;
    private Block _lastBlock;

    /// <summary>Creates an empty market.</summary>
    /// <param name="options">Market-wide settings; validated (reverts with a named error, e.g. <c>InvalidCloseFactor</c>).</param>
    /// <param name="events">Receives the events of successful operations; null to skip building them.</param>
    /// <exception cref="EvmRevertException">An option is invalid.</exception>
    public Market(MarketOptions options, IEventSink? events = null)
    {
        MarketRules.Validate(options);
        _protection = Protection.MarketProtection.Create(options.Protection);
        _options = options;
        _events = events;
    }

    /// <summary>The market-wide settings.</summary>
    public MarketOptions Options => _options;

    /// <summary>The block of the last successful operation (default before any).</summary>
    public Block LastBlock => _lastBlock;

    /// <summary>The listed assets' addresses, in listing order.</summary>
    public IEnumerable<Address> Assets => _assets.Select(a => a.Config.Asset);

    /// <summary>The state of a listed asset.</summary>
    /// <exception cref="EvmRevertException"><c>AssetNotListed</c>.</exception>
    public AssetState GetAsset(Address asset) => _assets[AssetId(asset)];

    /// <summary>An account's supply balance of an asset, token units (rounded down).</summary>
    /// <exception cref="EvmRevertException"><c>AssetNotListed</c>.</exception>
    public UInt256 GetSupplyBalance(Address account, Address asset)
    {
        int id = AssetId(asset);
        return ScaledMath.SupplyBalance(FindAccount(account)?.ScaledSupply(id) ?? UInt256.Zero, _assets[id].SupplyIndex);
    }

    /// <summary>An account's debt in an asset, token units (rounded up).</summary>
    /// <exception cref="EvmRevertException"><c>AssetNotListed</c>.</exception>
    public UInt256 GetDebtBalance(Address account, Address asset)
    {
        int id = AssetId(asset);
        return ScaledMath.DebtBalance(FindAccount(account)?.ScaledDebt(id) ?? UInt256.Zero, _assets[id].BorrowIndex);
    }

    /// <summary>Whether the account's supply of the asset counts as collateral.</summary>
    /// <exception cref="EvmRevertException"><c>AssetNotListed</c>.</exception>
    public bool IsUsedAsCollateral(Address account, Address asset)
    {
        int id = AssetId(asset);
        return FindAccount(account)?.UsesAsCollateral(id) ?? false;
    }

    /// <summary>The account's risk summary at current prices and indexes (health factor, totals, capacity). Allocation-free.</summary>
    public AccountData GetAccountData(Address account) => ComputeAccountData(FindAccount(account), default);

    /// <summary>True when the account's health factor is below 1e18.</summary>
    public bool IsLiquidatable(Address account) => GetAccountData(account).IsLiquidatable;

    /// <summary>
    /// The largest liquidation possible now in the pair: exactly what <see cref="Liquidate"/> with
    /// <c>debtToCover = uint256 max</c> would execute. Reverts exactly as that liquidation would.
    /// </summary>
    /// <exception cref="EvmRevertException">As <see cref="Liquidate"/> (e.g. <c>NotLiquidatable</c>).</exception>
    public LiquidationQuote GetMaxLiquidation(Address account, Address debtAsset, Address collateralAsset) =>
        PlanLiquidation(account, debtAsset, collateralAsset, UInt256.MaxValue).Quote;

    private int AssetId(Address asset) =>
        _assetIds.TryGetValue(asset, out int id) ? id : throw Revert.AssetNotListed(asset);

    private Account? FindAccount(Address account) => _accounts.GetValueOrDefault(account);

    private void CheckBlock(Block block)
    {
        if (block.Number < _lastBlock.Number)
            throw Revert.BlockNumberDecreased(_lastBlock.Number, block.Number);
        if (block.Timestamp < _lastBlock.Timestamp)
            throw Revert.TimestampDecreased(_lastBlock.Timestamp, block.Timestamp);
    }

    private Account GetOrAddAccount(Address account)
    {
        if (!_accounts.TryGetValue(account, out Account? found))
            _accounts.Add(account, found = new Account(_assets.Count));
        return found;
    }

    // Empty accounts leave the state, so the canonical encoding does not depend on history.
    private void DropIfEmpty(Address address, Account account)
    {
        if (account.IsEmpty) _accounts.Remove(address);
    }
}
