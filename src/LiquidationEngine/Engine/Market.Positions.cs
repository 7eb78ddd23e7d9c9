using LiquidationEngine.Accounts;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Engine;

// Account operations: supply, withdraw, borrow, repay, collateral switch.
public sealed partial class Market
{
    /// <summary>
    /// The account supplies <paramref name="amount"/> tokens (cash up) and receives floor(amount x 10^27 / supplyIndex)
    /// scaled supply. A first supply of a collateral-enabled asset also enables it as collateral. Emits
    /// <c>UseAsCollateralSet</c> (first supply only) then <c>Supply</c>.
    /// </summary>
    /// <returns>The scaled supply minted.</returns>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>ZeroAmount</c>,
    /// <c>AmountRoundsToZero</c>, <c>SupplyCapExceeded</c>, Panic(0x11).</exception>
    public UInt256 Supply(Block block, Address account, Address asset, UInt256 amount)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (amount.IsZero)
            throw Revert.ZeroAmount(asset, nameof(amount));
        AssetState state = _assets[id];
        UInt256 minted = ScaledMath.SupplyToMint(amount, state.SupplyIndex);
        if (minted.IsZero)
            throw Revert.AmountRoundsToZero(asset, amount, "mints");
        AssetState next = state with { TotalScaledSupply = state.TotalScaledSupply + minted, Cash = state.Cash + amount };
        UInt256 cap = state.Config.Risk.SupplyCap;
        if (!cap.IsZero && next.TotalSupply > cap)
            throw Revert.SupplyCapExceeded(asset, cap, next.TotalSupply);
        Account? holder = FindAccount(account);
        UInt256 scaled = holder?.ScaledSupply(id) ?? UInt256.Zero;
        bool enableCollateral = scaled.IsZero && state.Config.Risk.CollateralEnabled && !(holder?.UsesAsCollateral(id) ?? false);

        _lastBlock = block;
        _assets[id] = next;
        holder ??= GetOrAddAccount(account);
        holder.SetScaledSupply(id, scaled + minted);
        if (enableCollateral)
        {
            holder.SetUseAsCollateral(id, true);
            _events?.Emit(new UseAsCollateralSetEvent(asset, account, true));
        }
        _events?.Emit(new SupplyEvent(asset, account, amount, minted));
        return minted;
    }

    /// <summary>
    /// The account withdraws tokens (cash down), burning ceil(amount x 10^27 / supplyIndex) scaled supply (all of it
    /// for the whole balance). Emptying a collateral also disables it. Emits <c>UseAsCollateralSet</c> (when emptied
    /// collateral) then <c>Withdraw</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="account">The supplier.</param>
    /// <param name="asset">A listed asset.</param>
    /// <param name="amount">Token units; <see cref="UInt256.MaxValue"/> = the whole balance.</param>
    /// <returns>The token units withdrawn.</returns>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>ZeroAmount</c>, <c>AmountExceedsSupply</c>,
    /// <c>InsufficientCash</c>, <c>HealthFactorTooLow</c>.</exception>
    public UInt256 Withdraw(Block block, Address account, Address asset, UInt256 amount)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (amount.IsZero)
            throw Revert.ZeroAmount(asset, nameof(amount));
        AssetState state = _assets[id];
        Account? holder = FindAccount(account);
        UInt256 scaled = holder?.ScaledSupply(id) ?? UInt256.Zero;
        UInt256 balance = ScaledMath.SupplyBalance(scaled, state.SupplyIndex);
        UInt256 withdrawn = amount == UInt256.MaxValue ? balance : amount;
        if (balance.IsZero || withdrawn > balance)
            throw Revert.AmountExceedsSupply(account, asset, balance, amount);
        UInt256 burned = withdrawn == balance ? scaled : ScaledMath.SupplyToBurn(withdrawn, state.SupplyIndex);
        if (state.Cash < withdrawn)
            throw Revert.InsufficientCash(asset, state.Cash, withdrawn);
        UInt256 remaining = scaled - burned;
        bool usedAsCollateral = holder!.UsesAsCollateral(id);
        if (usedAsCollateral && !holder.DebtMask.IsEmpty)
        {
            AccountData after = ComputeAccountData(holder, PositionChange.Supply(id, remaining, useAsCollateral: true));
            if (after.IsLiquidatable)
                throw Revert.HealthFactorTooLow(account, after.HealthFactor);
        }
        bool disableCollateral = usedAsCollateral && remaining.IsZero;

        _lastBlock = block;
        _assets[id] = state with { TotalScaledSupply = state.TotalScaledSupply - burned, Cash = state.Cash - withdrawn };
        holder.SetScaledSupply(id, remaining);
        if (disableCollateral)
        {
            holder.SetUseAsCollateral(id, false);
            _events?.Emit(new UseAsCollateralSetEvent(asset, account, false));
        }
        DropIfEmpty(account, holder);
        _events?.Emit(new WithdrawEvent(asset, account, withdrawn, burned));
        return withdrawn;
    }

    /// <summary>
    /// The account borrows tokens (cash down) and owes ceil(amount x 10^27 / borrowIndex) more scaled debt. Emits <c>Borrow</c>.
    /// </summary>
    /// <returns>The scaled debt minted.</returns>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>ZeroAmount</c>, <c>BorrowingNotEnabled</c>,
    /// <c>InsufficientCash</c>, <c>BorrowCapExceeded</c>, then with protection <c>OracleStale</c>, <c>OracleGracePeriod</c>,
    /// <c>BorrowsPaused</c>; <c>HealthFactorTooLow</c>, <c>BorrowCapacityExceeded</c> (against the capacity scaled by a
    /// breaker's dynamic margin).</exception>
    public UInt256 Borrow(Block block, Address account, Address asset, UInt256 amount)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (amount.IsZero)
            throw Revert.ZeroAmount(asset, nameof(amount));
        AssetState state = _assets[id];
        if (!state.Config.Risk.BorrowingEnabled)
            throw Revert.BorrowingNotEnabled(asset);
        if (state.Cash < amount)
            throw Revert.InsufficientCash(asset, state.Cash, amount);
        UInt256 minted = ScaledMath.DebtToMint(amount, state.BorrowIndex);
        AssetState next = state with { TotalScaledDebt = state.TotalScaledDebt + minted, Cash = state.Cash - amount };
        UInt256 cap = state.Config.Risk.BorrowCap;
        if (!cap.IsZero && next.TotalDebt > cap)
            throw Revert.BorrowCapExceeded(asset, cap, next.TotalDebt);
        Account? holder = FindAccount(account);
        UInt256 scaledDebt = (holder?.ScaledDebt(id) ?? UInt256.Zero) + minted;
        if (_protection is not null)
            GuardBorrow(block.Timestamp, id, holder);
        AccountData after = ComputeAccountData(holder, PositionChange.Debt(id, scaledDebt));
        if (after.IsLiquidatable)
            throw Revert.HealthFactorTooLow(account, after.HealthFactor);
        UInt256 capacity = _protection is null ? after.BorrowCapacityBase : GuardedBorrowCapacity(after.BorrowCapacityBase);
        if (after.TotalDebtBase > capacity)
            throw Revert.BorrowCapacityExceeded(account, capacity, after.TotalDebtBase);

        _lastBlock = block;
        _assets[id] = next;
        (holder ?? GetOrAddAccount(account)).SetScaledDebt(id, scaledDebt);
        _events?.Emit(new BorrowEvent(asset, account, amount, minted));
        if (_protection is not null)
            ApplyBorrowGuard();
        return minted;
    }

    /// <summary>
    /// The account repays tokens (cash up), burning floor(amount x 10^27 / borrowIndex) scaled debt (all of it for the
    /// whole debt). Emits <c>Repay</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="account">The borrower (who pays).</param>
    /// <param name="asset">A listed asset.</param>
    /// <param name="amount">Token units; <see cref="UInt256.MaxValue"/> = the whole debt.</param>
    /// <returns>The token units repaid.</returns>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>ZeroAmount</c>, <c>AmountExceedsDebt</c>,
    /// <c>AmountRoundsToZero</c>.</exception>
    public UInt256 Repay(Block block, Address account, Address asset, UInt256 amount)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (amount.IsZero)
            throw Revert.ZeroAmount(asset, nameof(amount));
        AssetState state = _assets[id];
        Account? holder = FindAccount(account);
        UInt256 scaled = holder?.ScaledDebt(id) ?? UInt256.Zero;
        UInt256 debt = ScaledMath.DebtBalance(scaled, state.BorrowIndex);
        UInt256 repaid = amount == UInt256.MaxValue ? debt : amount;
        if (debt.IsZero || repaid > debt)
            throw Revert.AmountExceedsDebt(account, asset, debt, amount);
        UInt256 burned = repaid == debt ? scaled : ScaledMath.DebtToBurn(repaid, state.BorrowIndex);
        if (burned.IsZero)
            throw Revert.AmountRoundsToZero(asset, repaid, "burns");
        AssetState next = state with { TotalScaledDebt = state.TotalScaledDebt - burned, Cash = state.Cash + repaid };

        _lastBlock = block;
        _assets[id] = next;
        holder!.SetScaledDebt(id, scaled - burned);
        DropIfEmpty(account, holder);
        _events?.Emit(new RepayEvent(asset, account, repaid, burned));
        return repaid;
    }

    /// <summary>
    /// Chooses whether the account's supply of the asset counts as collateral. Setting the current value changes
    /// nothing and emits nothing. Otherwise emits <c>UseAsCollateralSet</c>.
    /// </summary>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>NoSupplyBalance</c>,
    /// <c>CollateralNotEnabled</c> (enabling), <c>HealthFactorTooLow</c> (disabling).</exception>
    public void SetUseAsCollateral(Block block, Address account, Address asset, bool useAsCollateral)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        Account? holder = FindAccount(account);
        UInt256 scaled = holder?.ScaledSupply(id) ?? UInt256.Zero;
        if (scaled.IsZero)
            throw Revert.NoSupplyBalance(account, asset);
        bool current = holder!.UsesAsCollateral(id);
        if (current != useAsCollateral)
        {
            if (useAsCollateral && !_assets[id].Config.Risk.CollateralEnabled)
                throw Revert.CollateralNotEnabled(asset);
            if (!useAsCollateral && !holder.DebtMask.IsEmpty)
            {
                AccountData after = ComputeAccountData(holder, PositionChange.Supply(id, scaled, useAsCollateral: false));
                if (after.IsLiquidatable)
                    throw Revert.HealthFactorTooLow(account, after.HealthFactor);
            }
        }

        _lastBlock = block;
        if (current == useAsCollateral) return;
        holder.SetUseAsCollateral(id, useAsCollateral);
        _events?.Emit(new UseAsCollateralSetEvent(asset, account, useAsCollateral));
    }
}
