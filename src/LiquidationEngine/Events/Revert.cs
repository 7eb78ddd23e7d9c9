using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using E = LiquidationEngine.Events.EngineErrors;

namespace LiquidationEngine.Events;

/// <summary>
/// Builds the engine's reverts: the revert data of an <see cref="EngineErrors"/> error, and a message that names
/// the error, its argument values and, in words, what went wrong.
/// </summary>
internal static class Revert
{
    public static EvmRevertException ZeroAssetAddress() =>
        Raise(E.ZeroAssetAddress, "an asset's address (AssetConfig.Asset) must not be zero");

    public static EvmRevertException InvalidDecimals(Address asset, byte decimals) =>
        Raise(E.InvalidDecimals, $"token decimals (AssetConfig.Decimals) must be at most 36; got {decimals}", asset, decimals);

    public static EvmRevertException InvalidLtv(Address asset, uint ltvBps, uint thresholdBps) =>
        Raise(E.InvalidLtv, $"LtvBps ({ltvBps}) must be below LiquidationThresholdBps ({thresholdBps}), or both 0", asset, ltvBps, thresholdBps);

    public static EvmRevertException InvalidLiquidationBonus(Address asset, uint bonusBps) =>
        Raise(E.InvalidLiquidationBonus, $"LiquidationBonusBps is 10000 + premium and must be at least 10000; got {bonusBps}", asset, bonusBps);

    public static EvmRevertException LiquidationCannotHeal(Address asset, uint thresholdBps, uint bonusBps) =>
        Raise(E.LiquidationCannotHeal, $"LT {thresholdBps} bps x bonus {bonusBps} bps is at least 100%: no liquidation could ever raise a health factor", asset, thresholdBps, bonusBps);

    public static EvmRevertException InvalidProtocolFee(Address asset, uint feeBps) =>
        Raise(E.InvalidProtocolFee, $"ProtocolFeeBps must be at most 10000; got {feeBps}", asset, feeBps);

    public static EvmRevertException InvalidFlags(Address asset, uint flags) =>
        Raise(E.InvalidFlags, $"Flags has unknown bits (known: 1 = CollateralEnabled, 2 = BorrowingEnabled); got {flags}", asset, flags);

    public static EvmRevertException AssetAlreadyListed(Address asset) =>
        Raise(E.AssetAlreadyListed, $"asset {asset} is listed already", asset);

    public static EvmRevertException AssetNotListed(Address asset) =>
        Raise(E.AssetNotListed, $"asset {asset} is not listed in this market", asset);

    public static EvmRevertException TooManyAssets(int maxAssets) =>
        Raise(E.TooManyAssets, $"a market lists at most {maxAssets} assets", (ulong)maxAssets);

    public static EvmRevertException InvalidPrice(Address asset, UInt256 price) =>
        Raise(E.InvalidPrice, $"the price of {asset} must not be zero", asset, price);

    public static EvmRevertException InvalidPriceDecimals(byte priceDecimals) =>
        Raise(E.InvalidPriceDecimals, $"MarketOptions.PriceDecimals must be at most 36; got {priceDecimals}", priceDecimals);

    public static EvmRevertException InvalidCloseFactor(uint closeFactorBps) =>
        Raise(E.InvalidCloseFactor, $"FixedCloseFactor.CloseFactorBps must be 1 to 10000; got {closeFactorBps}", closeFactorBps);

    public static EvmRevertException InvalidFullCloseFactorHealthFactor(UInt256 healthFactor) =>
        Raise(E.InvalidFullCloseFactorHealthFactor, $"FixedCloseFactor.FullCloseFactorHealthFactor must be at most 1e18; got {healthFactor}", healthFactor);

    public static EvmRevertException InvalidTargetHealthFactor(UInt256 target) =>
        Raise(E.InvalidTargetHealthFactor, $"TargetHealthFactor.Target must be 1e18 to 100e18; got {target}", target);

    public static EvmRevertException InvalidBonusRange(uint minBonusBps, uint maxBonusBps) =>
        Raise(E.InvalidBonusRange, $"VariableBonus needs 10000 <= MinBonusBps ({minBonusBps}) <= MaxBonusBps ({maxBonusBps})", minBonusBps, maxBonusBps);

    public static EvmRevertException InvalidHealthFactorForMaxBonus(UInt256 healthFactor) =>
        Raise(E.InvalidHealthFactorForMaxBonus, $"VariableBonus.HealthFactorForMaxBonus must be below 1e18; got {healthFactor}", healthFactor);

    public static EvmRevertException BlockNumberDecreased(ulong last, ulong number) =>
        Raise(E.BlockNumberDecreased, $"block number {number} is before the last operation's block {last}", last, number);

    public static EvmRevertException TimestampDecreased(ulong last, ulong timestamp) =>
        Raise(E.TimestampDecreased, $"timestamp {timestamp} is before the last operation's timestamp {last}", last, timestamp);

    public static EvmRevertException ZeroAmount(Address asset, string parameter) =>
        Raise(E.ZeroAmount, $"{parameter} must not be zero", asset);

    public static EvmRevertException AmountRoundsToZero(Address asset, UInt256 amount, string what) =>
        Raise(E.AmountRoundsToZero, $"{amount} token units of {asset} {what} 0 scaled units at the current index", asset, amount);

    public static EvmRevertException AmountExceedsSupply(Address account, Address asset, UInt256 balance, UInt256 amount) =>
        Raise(E.AmountExceedsSupply, $"withdraw amount {amount} is above the supply balance {balance}", account, asset, balance, amount);

    public static EvmRevertException AmountExceedsDebt(Address account, Address asset, UInt256 debt, UInt256 amount) =>
        Raise(E.AmountExceedsDebt, $"repay amount {amount} is above the debt {debt}", account, asset, debt, amount);

    public static EvmRevertException InsufficientCash(Address asset, UInt256 cash, UInt256 amount) =>
        Raise(E.InsufficientCash, $"the market holds {cash} token units of {asset}; {amount} must leave", asset, cash, amount);

    public static EvmRevertException SupplyCapExceeded(Address asset, UInt256 cap, UInt256 totalAfter) =>
        Raise(E.SupplyCapExceeded, $"total supply would be {totalAfter}, above the cap {cap}", asset, cap, totalAfter);

    public static EvmRevertException BorrowCapExceeded(Address asset, UInt256 cap, UInt256 totalAfter) =>
        Raise(E.BorrowCapExceeded, $"total debt would be {totalAfter}, above the cap {cap}", asset, cap, totalAfter);

    public static EvmRevertException BorrowingNotEnabled(Address asset) =>
        Raise(E.BorrowingNotEnabled, $"borrowing of {asset} is not enabled", asset);

    public static EvmRevertException CollateralNotEnabled(Address asset) =>
        Raise(E.CollateralNotEnabled, $"{asset} cannot be enabled as collateral", asset);

    public static EvmRevertException NoSupplyBalance(Address account, Address asset) =>
        Raise(E.NoSupplyBalance, $"account {account} supplies no {asset}", account, asset);

    public static EvmRevertException HealthFactorTooLow(Address account, UInt256 healthFactorAfter) =>
        Raise(E.HealthFactorTooLow, $"the health factor would be {healthFactorAfter}, below 1e18", account, healthFactorAfter);

    public static EvmRevertException BorrowCapacityExceeded(Address account, UInt256 capacity, UInt256 debtAfter) =>
        Raise(E.BorrowCapacityExceeded, $"debt value would be {debtAfter}, above the borrow capacity {capacity} (base units)", account, capacity, debtAfter);

    public static EvmRevertException BorrowIndexDecreased(Address asset, UInt256 index, UInt256 newIndex) =>
        Raise(E.BorrowIndexDecreased, $"the borrow index may not decrease from {index} to {newIndex}", asset, index, newIndex);

    public static EvmRevertException SupplyIndexDecreased(Address asset, UInt256 index, UInt256 newIndex) =>
        Raise(E.SupplyIndexDecreased, $"the supply index may not decrease from {index} to {newIndex}", asset, index, newIndex);

    public static EvmRevertException NotLiquidatable(Address account, UInt256 healthFactor) =>
        Raise(E.NotLiquidatable, $"health factor {healthFactor} is not below 1e18", account, healthFactor);

    public static EvmRevertException CollateralNotSeizable(Address account, Address asset) =>
        Raise(E.CollateralNotSeizable, $"account {account} has no {asset} supply used as collateral", account, asset);

    public static EvmRevertException NoDebtInAsset(Address account, Address asset) =>
        Raise(E.NoDebtInAsset, $"account {account} owes no {asset}", account, asset);

    public static EvmRevertException NoBadDebt(Address account) =>
        Raise(E.NoBadDebt, $"account {account} owes nothing: there is no bad debt to realise (already realised?)", account);

    public static EvmRevertException CollateralRemaining(Address account, Address asset, UInt256 balance) =>
        Raise(E.CollateralRemaining, $"account {account} still supplies {balance} token units of {asset} with a non-zero value: liquidate it first", account, asset, balance);

    public static EvmRevertException InsuranceBelowFloor(Address asset, UInt256 fund, UInt256 floor, UInt256 amount) =>
        Raise(E.InsuranceBelowFloor, $"withdrawing {amount} would take the insurance fund of {asset} ({fund}) below its floor {floor}", asset, fund, floor, amount);

    public static EvmRevertException InvalidBackstop(Address asset, Address provider, UInt256 capacity) =>
        Raise(E.InvalidBackstop, $"a backstop capacity ({capacity}) needs a non-zero provider address; got {provider}", asset, provider, capacity);

    public static EvmRevertException InvalidFeeToReserves(Address asset, uint feeToReservesBps) =>
        Raise(E.InvalidFeeToReserves, $"feeToReservesBps must be at most 10000; got {feeToReservesBps}", asset, feeToReservesBps);

    private static EvmRevertException Raise(CustomError error, string explanation, params ReadOnlySpan<AbiValue> arguments)
    {
        EvmRevertException revert = error.Create(arguments);
        return new EvmRevertException(revert.RevertData.Span, $"{revert.Message}: {explanation}");
    }
}
