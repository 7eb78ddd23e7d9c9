using LiquidationEngine.Accounts;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Engine;

// Liquidation: plan everything (checks, quote, burns, cash, health factor after), then apply.
public sealed partial class Market
{
    /// <summary>
    /// Liquidates an account whose health factor is below 1: the liquidator repays up to
    /// <paramref name="debtToCover"/> of its debt in <paramref name="debtAsset"/> (cash in) and receives the
    /// corresponding collateral plus bonus, minus the protocol fee, in <paramref name="collateralAsset"/> (cash out);
    /// the fee stays in the market, credited to the collateral asset's insurance fund (spec/SPEC.md section 6). Amounts are
    /// <see cref="LiquidationMath.Quote"/>'s. Emits <c>UseAsCollateralSet</c> (when the collateral is emptied) then
    /// <c>LiquidationCall</c>; when that seized the account's last collateral of non-zero value and debt remains, its bad
    /// debt is realised at the end, as by <see cref="RealizeBadDebt"/> (and with its events), and the health factor after
    /// is the uint256 maximum (no debt left).
    /// </summary>
    /// <param name="block">The block this operation executes in.</param>
    /// <param name="liquidator">Who pays the debt and receives the collateral.</param>
    /// <param name="account">The account liquidated.</param>
    /// <param name="debtAsset">The asset whose debt is repaid.</param>
    /// <param name="collateralAsset">The asset seized (may equal <paramref name="debtAsset"/>).</param>
    /// <param name="debtToCover">The most debt-asset tokens the liquidator will repay; <see cref="UInt256.MaxValue"/> = as much as allowed.</param>
    /// <exception cref="EvmRevertException">In this order: block errors, <c>AssetNotListed</c> (debt, then collateral),
    /// <c>ZeroAmount</c>, <c>NotLiquidatable</c>, <c>CollateralNotSeizable</c>, <c>NoDebtInAsset</c>,
    /// <c>AmountRoundsToZero</c>, <c>InsufficientCash</c>, Panic(0x11) (also from the bad-debt waterfall); then, with
    /// <see cref="MarketOptions.Protection"/> (spec/SPEC.md, "Throttles, circuit breakers and oracle guards"): <c>OracleStale</c>,
    /// <c>OracleGracePeriod</c>, <c>LiquidationsPaused</c>, <c>LiquidationBelowMinimum</c>, <c>LiquidationThrottled</c>.
    /// A throttle may fill the liquidation partially.</exception>
    public LiquidationResult Liquidate(Block block, Address liquidator, Address account, Address debtAsset, Address collateralAsset, UInt256 debtToCover)
    {
        CheckBlock(block);
        LiquidationPlan plan = _protection is null
            ? PlanLiquidation(account, debtAsset, collateralAsset, debtToCover)
            : PlanGuardedLiquidation(block.Timestamp, account, debtAsset, collateralAsset, debtToCover);
        (int, Solvency.WaterfallOutcome)[]? badDebt = PlanBadDebtAfter(plan);

        _lastBlock = block;
        _assets[plan.DebtId] = plan.DebtAssetAfter;
        _assets[plan.CollateralId] = plan.CollateralAssetAfter; // the same slot, fully updated, when the assets are equal
        Account holder = plan.Holder;
        holder.SetScaledDebt(plan.DebtId, plan.ScaledDebtAfter);
        holder.SetScaledSupply(plan.CollateralId, plan.ScaledSupplyAfter);
        bool emptied = plan.ScaledSupplyAfter.IsZero;
        if (emptied)
            holder.SetUseAsCollateral(plan.CollateralId, false);
        DropIfEmpty(account, holder);

        LiquidationQuote q = plan.Quote;
        UInt256 healthAfter = badDebt is null ? plan.HealthFactorAfter : UInt256.MaxValue; // all debt written off below
        var result = new LiquidationResult(
            q.DebtRepaid, q.CollateralSeized, q.ProtocolFee, q.CollateralToLiquidator, q.LiquidationBonusBps,
            plan.HealthFactorBefore, healthAfter);
        if (_events is not null)
        {
            if (emptied)
                _events.Emit(new UseAsCollateralSetEvent(collateralAsset, account, false));
            _events.Emit(new LiquidationCallEvent(
                collateralAsset, debtAsset, account, liquidator, q.DebtRepaid, q.CollateralSeized, q.ProtocolFee,
                q.LiquidationBonusBps, plan.HealthFactorBefore, healthAfter));
        }
        if (badDebt is not null)
            ApplyBadDebt(account, holder, badDebt);
        if (_protection is not null)
            ApplyLiquidationGuard(block.Timestamp);
        return result;
    }

    // Bad debt is realised at the end of the liquidation that seized the account's last collateral (as Morpho Blue does).
    private (int, Solvency.WaterfallOutcome)[]? PlanBadDebtAfter(in LiquidationPlan plan)
    {
        if (!plan.ScaledSupplyAfter.IsZero)
            return null;
        var pending = new PendingLiquidation(
            plan.DebtId, plan.ScaledDebtAfter, plan.DebtAssetAfter, plan.CollateralId, plan.ScaledSupplyAfter, plan.CollateralAssetAfter);
        AssetMask owed = plan.Holder.DebtMask;
        owed.Set(plan.DebtId, !plan.ScaledDebtAfter.IsZero);
        bool owes = !owed.IsEmpty;
        return owes && FindValuedSupply(plan.Holder, pending, out _) < 0 ? PlanBadDebt(plan.Holder, pending) : null;
    }

    private readonly record struct LiquidationPlan(
        int DebtId,
        int CollateralId,
        Account Holder,
        LiquidationQuote Quote,
        UInt256 ScaledDebtAfter,
        UInt256 ScaledSupplyAfter,
        AssetState DebtAssetAfter,
        AssetState CollateralAssetAfter,
        UInt256 HealthFactorBefore,
        UInt256 HealthFactorAfter);

    private LiquidationPlan PlanLiquidation(Address account, Address debtAsset, Address collateralAsset, UInt256 debtToCover)
    {
        int debtId = AssetId(debtAsset);
        int collateralId = AssetId(collateralAsset);
        if (debtToCover.IsZero)
            throw Revert.ZeroAmount(debtAsset, nameof(debtToCover));
        Account? holder = FindAccount(account);
        AccountData before = ComputeAccountData(holder, default);
        if (!before.IsLiquidatable)
            throw Revert.NotLiquidatable(account, before.HealthFactor);
        // HF < 1 implies debt, so the account exists.
        UInt256 scaledSupply = holder!.ScaledSupply(collateralId);
        if (scaledSupply.IsZero || !holder.UsesAsCollateral(collateralId))
            throw Revert.CollateralNotSeizable(account, collateralAsset);
        UInt256 scaledDebt = holder.ScaledDebt(debtId);
        if (scaledDebt.IsZero)
            throw Revert.NoDebtInAsset(account, debtAsset);

        AssetState debtState = _assets[debtId];
        AssetState collateralState = _assets[collateralId];
        RiskParameters collateralRisk = collateralState.Config.Risk;
        UInt256 debtBalance = ScaledMath.DebtBalance(scaledDebt, debtState.BorrowIndex);
        UInt256 collateralBalance = ScaledMath.SupplyBalance(scaledSupply, collateralState.SupplyIndex);
        var inputs = new LiquidationInputs(
            before, debtBalance, debtState.Price, debtState.Config.Decimals,
            collateralBalance, collateralState.Price, collateralState.Config.Decimals,
            collateralRisk.LiquidationThresholdBps, collateralRisk.LiquidationBonusBps, collateralRisk.ProtocolFeeBps,
            debtToCover);
        LiquidationQuote quote = LiquidationMath.Quote(inputs, _options);

        UInt256 debtBurned = quote.DebtRepaid == debtBalance ? scaledDebt : ScaledMath.DebtToBurn(quote.DebtRepaid, debtState.BorrowIndex);
        if (debtBurned.IsZero)
            throw Revert.AmountRoundsToZero(debtAsset, quote.DebtRepaid, "burns");
        UInt256 supplyBurned = quote.CollateralSeized == collateralBalance ? scaledSupply : ScaledMath.SupplyToBurn(quote.CollateralSeized, collateralState.SupplyIndex);

        // Debt side first: with one asset on both sides, the repayment is cash the payout can use.
        AssetState debtAfter = debtState with { TotalScaledDebt = debtState.TotalScaledDebt - debtBurned, Cash = debtState.Cash + quote.DebtRepaid };
        AssetState collateralBase = collateralId == debtId ? debtAfter : collateralState;
        if (collateralBase.Cash < quote.CollateralToLiquidator)
            throw Revert.InsufficientCash(collateralAsset, collateralBase.Cash, quote.CollateralToLiquidator);
        AssetState collateralAfter = Solvency.FeeRouting.Credit(collateralBase with
        {
            TotalScaledSupply = collateralBase.TotalScaledSupply - supplyBurned,
            Cash = collateralBase.Cash - quote.CollateralToLiquidator,
        }, quote.ProtocolFee);

        UInt256 scaledDebtAfter = scaledDebt - debtBurned;
        UInt256 scaledSupplyAfter = scaledSupply - supplyBurned;
        AccountData after = ComputeAccountData(holder, PositionChange.Both(collateralId, scaledSupplyAfter, true, debtId, scaledDebtAfter));
        return new LiquidationPlan(
            debtId, collateralId, holder, quote, scaledDebtAfter, scaledSupplyAfter,
            collateralId == debtId ? collateralAfter : debtAfter, collateralAfter,
            before.HealthFactor, after.HealthFactor);
    }
}
