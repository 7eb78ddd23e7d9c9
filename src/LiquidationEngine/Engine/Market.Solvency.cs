using System.Collections.Immutable;
using LiquidationEngine.Accounts;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using LiquidationEngine.Solvency;

namespace LiquidationEngine.Engine;

// Solvency: bad-debt realisation through the waterfall, the insurance fund, the backstop, the solvency report
// (spec/SPEC.md section 6). Planned on the stored state, or on a liquidation's planned state, before anything is applied.
public sealed partial class Market
{
    /// <summary>
    /// Realises the bad debt of an account that owes something but supplies nothing of non-zero value: for every asset
    /// it owes (in listing order) its whole debt is written off and covered by the asset's insurance fund, then its
    /// backstop, then its suppliers (spec/SPEC.md section 6). Anyone may call it. Emits per asset <c>BadDebtRealized</c>, then
    /// <c>InsuranceAbsorbed</c>, <c>BackstopAbsorbed</c>, <c>LossSocialized</c> (each when non-zero), and, when the
    /// suppliers cannot carry the loss, <c>UseAsCollateralSet</c> for each supplier using it, <c>RiskParametersSet</c>
    /// and <c>AssetFrozen</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="account">The account whose bad debt is realised.</param>
    /// <returns>One entry per debt asset, in listing order.</returns>
    /// <exception cref="EvmRevertException">In this order: block errors, <c>NoBadDebt</c> (also on a second call),
    /// <c>CollateralRemaining</c>, Panic(0x11).</exception>
    public ImmutableArray<BadDebtRealization> RealizeBadDebt(Block block, Address account)
    {
        CheckBlock(block);
        Account? holder = FindAccount(account);
        if (holder is null || holder.DebtMask.IsEmpty)
            throw Revert.NoBadDebt(account);
        int valued = FindValuedSupply(holder, PendingLiquidation.None, out UInt256 balance);
        if (valued >= 0)
            throw Revert.CollateralRemaining(account, _assets[valued].Config.Asset, balance);
        (int Id, WaterfallOutcome Outcome)[] plan = PlanBadDebt(holder, PendingLiquidation.None);

        _lastBlock = block;
        return ApplyBadDebt(account, holder, plan);
    }

    /// <summary>Anyone pays tokens into an asset's insurance fund (cash and fund up). Emits <c>InsuranceDeposited</c>.</summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="from">Who pays.</param>
    /// <param name="asset">A listed asset: the fund covers bad debt in this asset only.</param>
    /// <param name="amount">Token units.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>ZeroAmount</c>, Panic(0x11).</exception>
    public void DepositInsurance(Block block, Address from, Address asset, UInt256 amount)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (amount.IsZero)
            throw Revert.ZeroAmount(asset, nameof(amount));
        AssetState state = _assets[id];
        AssetSolvency books = state.Solvency with { InsuranceFund = state.Solvency.InsuranceFund + amount };
        AssetState next = state with { Cash = state.Cash + amount, Solvency = books };

        _lastBlock = block;
        _assets[id] = next;
        _events?.Emit(new InsuranceDepositedEvent(asset, from, amount, books.InsuranceFund));
    }

    /// <summary>
    /// Governance takes tokens out of an asset's insurance fund (cash and fund down), never below the fund's floor.
    /// Emits <c>InsuranceWithdrawn</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="asset">A listed asset.</param>
    /// <param name="to">Who receives the tokens.</param>
    /// <param name="amount">Token units; at most the fund above its floor and the cash the market holds.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>ZeroAmount</c>, <c>InsuranceBelowFloor</c>,
    /// <c>InsufficientCash</c> (the fund's tokens are lent out).</exception>
    public void WithdrawInsurance(Block block, Address asset, Address to, UInt256 amount)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (amount.IsZero)
            throw Revert.ZeroAmount(asset, nameof(amount));
        AssetState state = _assets[id];
        AssetSolvency books = state.Solvency;
        if (amount > books.WithdrawableInsurance)
            throw Revert.InsuranceBelowFloor(asset, books.InsuranceFund, books.InsuranceFloor, amount);
        if (state.Cash < amount)
            throw Revert.InsufficientCash(asset, state.Cash, amount);
        books = books with { InsuranceFund = books.InsuranceFund - amount };

        _lastBlock = block;
        _assets[id] = state with { Cash = state.Cash - amount, Solvency = books };
        _events?.Emit(new InsuranceWithdrawnEvent(asset, to, amount, books.InsuranceFund));
    }

    /// <summary>
    /// Governance sets an asset's insurance policy: the floor below which the fund cannot be withdrawn (it may exceed
    /// the fund) and the share of liquidation protocol fees kept as reserves instead (default 0: all to the fund).
    /// Emits <c>InsurancePolicySet</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="asset">A listed asset.</param>
    /// <param name="floor">Token units.</param>
    /// <param name="feeToReservesBps">At most 10 000.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>InvalidFeeToReserves</c>.</exception>
    public void SetInsurancePolicy(Block block, Address asset, UInt256 floor, uint feeToReservesBps)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (feeToReservesBps > Bps.One)
            throw Revert.InvalidFeeToReserves(asset, feeToReservesBps);

        _lastBlock = block;
        AssetState state = _assets[id];
        _assets[id] = state with { Solvency = state.Solvency with { InsuranceFloor = floor, FeeToReservesBps = feeToReservesBps } };
        _events?.Emit(new InsurancePolicySetEvent(asset, floor, feeToReservesBps));
    }

    /// <summary>
    /// Governance records a backstop for an asset: <paramref name="provider"/> commits to pay in up to
    /// <paramref name="capacity"/> tokens to cover bad debt the insurance fund cannot (replacing any earlier commitment;
    /// capacity 0 removes it). The engine models the payment as cash in when the backstop absorbs; pulling the tokens from
    /// the provider is the embedder's job. Emits <c>BackstopSet</c>.
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="asset">A listed asset.</param>
    /// <param name="provider">The committed provider; non-zero when <paramref name="capacity"/> is.</param>
    /// <param name="capacity">Token units.</param>
    /// <exception cref="EvmRevertException">Block errors, <c>AssetNotListed</c>, <c>InvalidBackstop</c>.</exception>
    public void SetBackstop(Block block, Address asset, Address provider, UInt256 capacity)
    {
        CheckBlock(block);
        int id = AssetId(asset);
        if (!capacity.IsZero && provider == Address.Zero)
            throw Revert.InvalidBackstop(asset, provider, capacity);

        _lastBlock = block;
        AssetState state = _assets[id];
        _assets[id] = state with { Solvency = state.Solvency with { BackstopProvider = provider, BackstopCapacity = capacity } };
        _events?.Emit(new BackstopSetEvent(asset, provider, capacity));
    }

    /// <summary>Every listed asset's books, in listing order: each term of the accounting identity (spec/SPEC.md section 6).</summary>
    public ImmutableArray<AssetSolvencyReport> GetSolvencyReport()
    {
        var reports = ImmutableArray.CreateBuilder<AssetSolvencyReport>(_assets.Count);
        foreach (AssetState asset in _assets)
            reports.Add(AssetSolvencyReport.Of(asset));
        return reports.MoveToImmutable();
    }

    /// <summary>One asset's books.</summary>
    /// <exception cref="EvmRevertException"><c>AssetNotListed</c>.</exception>
    public AssetSolvencyReport GetSolvencyReport(Address asset) => AssetSolvencyReport.Of(_assets[AssetId(asset)]);

    /// <summary>A planned liquidation laid over the stored state (ids -1: nothing pending).</summary>
    private readonly record struct PendingLiquidation(
        int DebtId, UInt256 ScaledDebt, AssetState DebtAsset, int CollateralId, UInt256 ScaledSupply, AssetState CollateralAsset)
    {
        public static PendingLiquidation None => new(-1, default, default, -1, default, default);
    }

    private AssetState AssetAt(int id, in PendingLiquidation pending) =>
        id == pending.CollateralId ? pending.CollateralAsset : id == pending.DebtId ? pending.DebtAsset : _assets[id];

    /// <summary>The first asset (listing order) the account supplies with a non-zero value (rounded down), or -1.</summary>
    private int FindValuedSupply(Account holder, in PendingLiquidation pending, out UInt256 balance)
    {
        AssetMask supplied = holder.SupplyMask;
        if (pending.CollateralId >= 0)
            supplied.Set(pending.CollateralId, !pending.ScaledSupply.IsZero);
        for (int id = supplied.PopLowest(); id >= 0; id = supplied.PopLowest())
        {
            AssetState asset = AssetAt(id, pending);
            UInt256 scaled = id == pending.CollateralId ? pending.ScaledSupply : holder.ScaledSupply(id);
            balance = ScaledMath.SupplyBalance(scaled, asset.SupplyIndex);
            if (!Valuation.ValueDown(balance, asset.Price, asset.Config.Decimals).IsZero)
                return id;
        }
        balance = UInt256.Zero;
        return -1;
    }

    /// <summary>The waterfall of every asset the account owes (listing order), computed without changing anything.</summary>
    private (int Id, WaterfallOutcome Outcome)[] PlanBadDebt(Account holder, in PendingLiquidation pending)
    {
        AssetMask owed = holder.DebtMask;
        if (pending.DebtId >= 0)
            owed.Set(pending.DebtId, !pending.ScaledDebt.IsZero);
        var plan = new List<(int, WaterfallOutcome)>();
        for (int id = owed.PopLowest(); id >= 0; id = owed.PopLowest())
        {
            UInt256 scaled = id == pending.DebtId ? pending.ScaledDebt : holder.ScaledDebt(id);
            plan.Add((id, Waterfall.Plan(AssetAt(id, pending), scaled)));
        }
        return [.. plan];
    }

    private ImmutableArray<BadDebtRealization> ApplyBadDebt(Address account, Account holder, (int Id, WaterfallOutcome Outcome)[] plan)
    {
        var results = ImmutableArray.CreateBuilder<BadDebtRealization>(plan.Length);
        foreach ((int id, WaterfallOutcome o) in plan)
        {
            AssetState after = o.After;
            Address asset = after.Config.Asset;
            _assets[id] = after;
            holder.SetScaledDebt(id, UInt256.Zero);
            _events?.Emit(new BadDebtRealizedEvent(account, asset, o.Debt));
            if (!o.Insurance.IsZero)
                _events?.Emit(new InsuranceAbsorbedEvent(asset, o.Insurance, after.Solvency.InsuranceFund));
            if (!o.Backstop.IsZero)
                _events?.Emit(new BackstopAbsorbedEvent(asset, after.Solvency.BackstopProvider, o.Backstop, after.Solvency.BackstopCapacity));
            if (!o.Socialized.IsZero)
                _events?.Emit(new LossSocializedEvent(asset, o.Socialized, o.IndexBefore, o.IndexAfter));
            if (o.Freezes)
            {
                WriteOffSupplies(id, asset);
                _events?.Emit(new RiskParametersSetEvent(asset, after.Config.Risk));
                _events?.Emit(new AssetFrozenEvent(asset, o.SupplyWrittenOff, o.ReservesCharged, o.SurplusCharged));
            }
            results.Add(new BadDebtRealization(asset, o.Debt, o.Insurance, o.Backstop, o.Socialized, o.IndexBefore, o.IndexAfter, o.Freezes));
        }
        DropIfEmpty(account, holder);
        return results.MoveToImmutable();
    }

    // A freeze: every supply balance of the asset goes to 0 (the asset's total is zeroed by the waterfall), by address.
    private void WriteOffSupplies(int id, Address asset)
    {
        foreach ((Address address, Account supplier) in _accounts.Where(p => !p.Value.ScaledSupply(id).IsZero).OrderBy(p => p.Key).ToList())
        {
            supplier.SetScaledSupply(id, UInt256.Zero);
            if (supplier.UsesAsCollateral(id))
            {
                supplier.SetUseAsCollateral(id, false);
                _events?.Emit(new UseAsCollateralSetEvent(asset, address, false));
            }
            DropIfEmpty(address, supplier);
        }
    }
}
