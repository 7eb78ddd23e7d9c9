using System.Collections.Immutable;
using LiquidationEngine.Accounts;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Engine;

// Snapshot, restore and the state hash.
public sealed partial class Market
{
    /// <summary>keccak256 of the canonical state encoding (<see cref="EngineState.Encode"/>), a big-endian <c>bytes32</c>.
    /// Unchanged by any reverted operation; equal for equal states whatever their history.</summary>
    public UInt256 StateHash => CaptureState().Hash;

    /// <summary>An immutable snapshot of the whole state (options, last block, assets, non-empty accounts by address).</summary>
    public EngineState CaptureState()
    {
        var accounts = ImmutableArray.CreateBuilder<AccountState>(_accounts.Count);
        foreach ((Address address, Account account) in _accounts.OrderBy(pair => pair.Key))
        {
            var positions = ImmutableArray.CreateBuilder<AccountPosition>();
            for (int id = 0; id < _assets.Count; id++)
            {
                UInt256 supply = account.ScaledSupply(id);
                UInt256 debt = account.ScaledDebt(id);
                bool collateral = account.UsesAsCollateral(id);
                if (!supply.IsZero || !debt.IsZero || collateral)
                    positions.Add(new AccountPosition(_assets[id].Config.Asset, supply, debt, collateral));
            }
            accounts.Add(new AccountState(address, positions.ToImmutable()));
        }
        return new EngineState(_options, _lastBlock, [.. _assets], accounts.MoveToImmutable()) { Protection = _protection?.Clone() };
    }

    /// <summary>Replaces the whole state (options included) with a snapshot; the event sink stays.</summary>
    /// <param name="state">A snapshot from <see cref="CaptureState"/> of any market.</param>
    public void Restore(EngineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _options = state.Options;
        _protection = state.Protection?.Clone();
        _lastBlock = state.LastBlock;
        _assets.Clear();
        _assetIds.Clear();
        foreach (AssetState asset in state.Assets)
        {
            _assetIds.Add(asset.Config.Asset, _assets.Count);
            _assets.Add(asset);
        }
        _accounts.Clear();
        foreach (AccountState saved in state.Accounts)
        {
            var account = new Account(_assets.Count);
            foreach (AccountPosition position in saved.Positions)
            {
                int id = _assetIds[position.Asset];
                account.SetScaledSupply(id, position.ScaledSupply);
                account.SetScaledDebt(id, position.ScaledDebt);
                account.SetUseAsCollateral(id, position.UsedAsCollateral);
            }
            _accounts.Add(saved.Account, account);
        }
    }
}
