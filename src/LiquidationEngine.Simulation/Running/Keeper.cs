using LiquidationEngine.Breakers;
using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using LiquidationEngine.Simulation.Amm;
using LiquidationEngine.Simulation.Scenarios;

namespace LiquidationEngine.Simulation.Running;

/// <summary>What keepers did in one block.</summary>
internal struct KeeperOutcome
{
    public int Liquidatable;
    public int Liquidations;
    public int Unprofitable;
    public int Throttled;
    public int Paused;
    public UInt256 Notional;
}

/// <summary>
/// The keepers of a run. Each block, for the liquidatable accounts worst first (up to the block's capacity of
/// liquidations): size the liquidation to maximise the keeper's profit after the pool's slippage (at most the largest
/// the engine allows), and take it if selling the collateral received into the pool repays the debt plus gas
/// (slippage and gas spikes can leave no profitable size: the zero-bid failure);
/// with a protection set, preview it with <c>Market.QuoteLiquidation</c> (the engine's throttle may cut it, its breaker
/// or oracle guard refuse it) and keep it only if still profitable; execute it with <c>Market.Liquidate</c> and sell
/// the collateral into the pool, so the next account sees the lower price. When a liquidation seizes an account's
/// last collateral the engine realises its remaining debt as bad debt (its waterfall); the keeper only re-reads the book.
/// </summary>
internal sealed class Keeper(SimulationWorld world)
{
    private readonly LiquidatableSet _set = new(world);
    private readonly UInt256[] _smallestProfitableDebt = new UInt256[world.Pools.Length];
    private readonly UInt256[] _optimalSale = new UInt256[world.Pools.Length];
    private readonly UInt256 _debtScale = SimUnits.Pow10(world.Scenario.Debt.Decimals);
    private readonly UInt256 _emergencyFloor = world.Scenario.Protections.EmergencyHealthFactorFloor;

    // What refused a liquidation earlier in this block (None: nothing yet). The engine's state cannot un-refuse within
    // a block (same timestamp: the throttle does not refill, the breaker does not close, the oracle does not update),
    // so a keeper does not resubmit to the other accounts the refusal applies to (see Preview).
    private Refusal _refusal;

    private enum Refusal { None, Throttled, Paused, Stale }

    public KeeperOutcome Act(int blockIndex, Block block)
    {
        _set.Update();
        var outcome = new KeeperOutcome { Liquidatable = _set.Count };
        _refusal = Refusal.None;
        UInt256 fixedCost = Tokens(world.Scenario.Keepers.GasCostAt(blockIndex), roundUp: true) + Tokens(world.Scenario.Keepers.MinProfit, roundUp: true);
        int profitableAssets = 0;
        for (int c = 0; c < world.Pools.Length; c++)
            profitableAssets += Reprice(c, fixedCost) ? 1 : 0;
        for (int i = 0; i < _set.Count && outcome.Liquidations < world.Scenario.Keepers.MaxLiquidationsPerBlock; i++)
        {
            if (profitableAssets == 0)
            {
                outcome.Unprofitable += _set.Count - i; // every listed account has debt and collateral (the engine realises the bad debt of emptied accounts, which leave the set)
                break;
            }
            int account = _set[i];
            int c = world.Positions[account].CollateralIndex;
            UInt256 debt = world.Scanner.GetDebt(account, 0);
            UInt256 size = debt < _smallestProfitableDebt[c] ? UInt256.Zero : ProfitableSize(account, _optimalSale[c], fixedCost);
            if (size.IsZero)
            {
                outcome.Unprofitable++;
                continue;
            }
            int before = outcome.Liquidations;
            TryLiquidate(account, size, block, fixedCost, ref outcome);
            if (outcome.Liquidations > before && !Reprice(c, fixedCost))
                profitableAssets--; // the sale moved the pool: the next account sees the new price
        }
        return outcome;
    }

    // Per unit of debt repaid, a keeper receives collateral worth LB = 1 + bonus x (1 - protocol fee share) at the
    // oracle price, and a sale returns at most the pool's spot price less the pool fee (getAmountOut never beats it).
    // So repaying r gains at most r x (num / den - 1), with num = (spot + 1) x (10^4 - poolFee) x LB (spot is rounded
    // down; LB rounded up, the bonus at its highest) and den = oracle x 10^8. The whole debt D is the most one
    // liquidation can repay, so D x (num - den) / den <= fixed costs F rules out every size: D < floor(F den / (num -
    // den)) + 1 is that test for integers. num <= den is the zero-bid failure: nothing is profitable at any size.
    private UInt256 SmallestProfitableDebt(int collateralIndex, UInt256 fixedCost)
    {
        CollateralSpec spec = world.Scenario.Collateral[collateralIndex];
        ConstantProductPool pool = world.Pools[collateralIndex];
        uint bonus = world.Scenario.Market.Options.Bonus is VariableBonus v ? Math.Max(v.MaxBonusBps, spec.LiquidationBonusBps) : spec.LiquidationBonusBps;
        ulong liquidatorBonus = SimUnits.BpsOne + (ulong)(bonus - SimUnits.BpsOne) * (SimUnits.BpsOne - spec.ProtocolFeeBps) / SimUnits.BpsOne + 1;
        UInt256 numerator = ((UInt256)pool.SpotPrice + UInt256.One) * (UInt256)((SimUnits.BpsOne - pool.FeeBps) * liquidatorBonus);
        UInt256 denominator = world.Scanner.GetPrice(1 + collateralIndex) * (UInt256)((ulong)SimUnits.BpsOne * SimUnits.BpsOne);
        return numerator <= denominator ? UInt256.MaxValue
            : FullMath.MulDiv(fixedCost, denominator, numerator - denominator, Rounding.Floor) + UInt256.One;
    }

    // Refreshes the asset's optimal sale and smallest profitable debt from the pool as it is now; false when no
    // account of the asset can be liquidated at a profit.
    private bool Reprice(int c, UInt256 fixedCost)
    {
        _optimalSale[c] = OptimalSale(c, fixedCost);
        _smallestProfitableDebt[c] = _optimalSale[c].IsZero ? UInt256.MaxValue : SmallestProfitableDebt(c, fixedCost);
        return !_optimalSale[c].IsZero;
    }

    // Alpha: the collateral a liquidation pays per debt token repaid, at most LB (10^cd / 10^dd) / oracle (LB = 1 +
    // the highest bonus x (1 - protocol fee share)); selling c returns P(c) = y g c / (x + g c) (g = 1 - pool fee). Per
    // block and asset the keeper's profit P(alpha s) - s peaks where x + g c = R = sqrt(A x y), A = alpha g, at
    // (sqrt(A y) - sqrt(x))^2 / A: the same for every account large enough to reach it. Returns the collateral to
    // sell at the peak, c* = (R - x) / g, or 0 when even the peak cannot pay the fixed costs F, i.e. when
    // sqrt(A y) <= sqrt(x) + sqrt(A F): then no account of the asset can be liquidated at a profit (the zero-bid
    // failure, slippage included). Roundings err towards trying; the exact check decides.
    private UInt256 OptimalSale(int collateralIndex, UInt256 fixedCost)
    {
        CollateralSpec spec = world.Scenario.Collateral[collateralIndex];
        ConstantProductPool pool = world.Pools[collateralIndex];
        uint bonus = world.Scenario.Market.Options.Bonus is VariableBonus v ? Math.Max(v.MaxBonusBps, spec.LiquidationBonusBps) : spec.LiquidationBonusBps;
        ulong liquidatorBonus = SimUnits.BpsOne + (ulong)(bonus - SimUnits.BpsOne) * (SimUnits.BpsOne - spec.ProtocolFeeBps) / SimUnits.BpsOne + 1;
        UInt256 g = SimUnits.BpsOne - pool.FeeBps;
        UInt256 numerator = (UInt256)liquidatorBonus * g * SimUnits.Pow10(spec.Decimals);
        UInt256 denominator = world.Scanner.GetPrice(1 + collateralIndex) * SimUnits.Pow10(world.Scenario.Debt.Decimals);
        UInt256 x = pool.ReserveCollateral;
        UInt256 left = IntegerSqrt.Ceil(FullMath.MulDiv(numerator, pool.ReserveDebt, denominator, Rounding.Ceil)) + UInt256.One;
        UInt256 right = IntegerSqrt.Floor(x) + IntegerSqrt.Floor(FullMath.MulDiv(numerator, fixedCost, denominator, Rounding.Floor));
        if (left <= right)
            return UInt256.Zero;
        UInt256 root = IntegerSqrt.Ceil(FullMath.MulDiv(numerator * x, pool.ReserveDebt, denominator, Rounding.Ceil));
        return root <= x ? UInt256.Zero : FullMath.MulDiv(root - x, SimUnits.BpsOne, g, Rounding.Ceil);
    }

    // The account's size: the repayment whose collateral is the asset's optimal sale, capped by the largest liquidation;
    // 0 unless the exact quote at that size, sold into the pool, repays the debt plus the fixed costs. At the cap the
    // cached largest quote is the exact one.
    private UInt256 ProfitableSize(int account, UInt256 optimalSale, UInt256 fixedCost)
    {
        LiquidationQuote largest = _set.MaxQuote(account);
        if (largest.DebtRepaid.IsZero || largest.CollateralToLiquidator.IsZero)
            return UInt256.Zero;
        ConstantProductPool pool = world.Pools[world.Positions[account].CollateralIndex];
        UInt256 size = FullMath.MulDiv(optimalSale, largest.DebtRepaid, largest.CollateralToLiquidator, Rounding.Floor);
        if (size >= largest.DebtRepaid)
            return pool.QuoteSellCollateral(largest.CollateralToLiquidator) > largest.DebtRepaid + fixedCost ? largest.DebtRepaid : UInt256.Zero;
        return !size.IsZero && IsProfitable(world.LiquidationInputsFor(account, size), world.Scenario.Market.Options, pool, fixedCost) ? size : UInt256.Zero;
    }

    private void TryLiquidate(int account, UInt256 size, Block block, UInt256 fixedCost, ref KeeperOutcome outcome)
    {
        int c = world.Positions[account].CollateralIndex;
        ConstantProductPool pool = world.Pools[c];
        if (world.Protection != ProtectionSet.None && !Preview(account, ref size, block, pool, fixedCost, ref outcome))
            return;
        LiquidationResult result = world.Market.Liquidate(block, SimAddress.Keeper, world.Accounts[account], world.DebtAsset, world.CollateralAssets[c], size);
        pool.SellCollateral(result.CollateralToLiquidator);
        world.Refresh(account);
        outcome.Liquidations++;
        outcome.Notional += Value(result.DebtRepaid);
    }

    // The engine's own preview, protection included: false (counted) when it refuses, or cuts the size to one that is
    // no longer profitable; otherwise size becomes what the engine will execute. After a refusal in this block, the
    // accounts it applies to are not submitted again: a stale oracle refuses everyone; a paused breaker, an empty
    // throttle and the grace period everyone at or above the emergency floor. (Reverts are exceptions here, and a
    // keeper resubmitting thousands of doomed transactions per block is not what keepers do.)
    private bool Preview(int account, ref UInt256 size, Block block, ConstantProductPool pool, UInt256 fixedCost, ref KeeperOutcome outcome)
    {
        if (_refusal == Refusal.Stale || (_refusal != Refusal.None && _set.HealthFactor(account) >= _emergencyFloor))
        {
            if (_refusal == Refusal.Throttled)
                outcome.Throttled++;
            else
                outcome.Paused++;
            return false;
        }
        LiquidationQuote quote;
        try
        {
            quote = world.Market.QuoteLiquidation(block, world.Accounts[account], world.DebtAsset,
                world.CollateralAssets[world.Positions[account].CollateralIndex], size);
        }
        catch (EvmRevertException e) when (BreakerErrors.LiquidationBelowMinimum.Matches(e.RevertData.Span))
        {
            outcome.Throttled++; // this request only
            return false;
        }
        catch (EvmRevertException e) when (BreakerErrors.LiquidationThrottled.Matches(e.RevertData.Span))
        {
            outcome.Throttled++;
            _refusal = Refusal.Throttled;
            return false;
        }
        catch (EvmRevertException e) when (BreakerErrors.OracleStale.Matches(e.RevertData.Span))
        {
            outcome.Paused++;
            _refusal = Refusal.Stale;
            return false;
        }
        catch (EvmRevertException e) when (BreakerErrors.LiquidationsPaused.Matches(e.RevertData.Span) || BreakerErrors.OracleGracePeriod.Matches(e.RevertData.Span))
        {
            outcome.Paused++;
            _refusal = Refusal.Paused;
            return false;
        }
        if (quote.DebtRepaid < size && pool.QuoteSellCollateral(quote.CollateralToLiquidator) <= quote.DebtRepaid + fixedCost)
        {
            outcome.Throttled++;
            return false;
        }
        size = quote.DebtRepaid;
        return true;
    }

    private static bool IsProfitable(in LiquidationInputs inputs, MarketOptions options, ConstantProductPool pool, UInt256 fixedCost)
    {
        LiquidationQuote quote = LiquidationMath.Quote(inputs, options);
        if (quote.DebtRepaid.IsZero || quote.CollateralToLiquidator.IsZero)
            return false;
        return pool.QuoteSellCollateral(quote.CollateralToLiquidator) > quote.DebtRepaid + fixedCost;
    }

    // Stablecoin tokens to base-currency value at 1 USD, rounded up (debt is valued up).
    private UInt256 Value(UInt256 tokens) => FullMath.MulDiv(tokens, SimUnits.PriceOne, _debtScale, Rounding.Ceil);

    private UInt256 Tokens(UInt256 value, bool roundUp) =>
        FullMath.MulDiv(value, _debtScale, SimUnits.PriceOne, roundUp ? Rounding.Ceil : Rounding.Floor);
}
