using LiquidationEngine.Abi;

namespace LiquidationEngine.Events;

/// <summary>
/// Every custom error the engine reverts with, declared once like Morpho Blue's ErrorsLib. Revert data is the
/// 4-byte selector (keccak256 of the canonical signature) followed by the ABI-encoded arguments; spec/SPEC.md
/// lists each with its selector and the operations that raise it. Use <see cref="CustomError.Matches"/> and
/// <see cref="CustomError.Decode"/> to read revert data.
/// </summary>
public static class EngineErrors
{
    // Configuration (ListAsset, SetRiskParameters, SetPrice).

    /// <summary>The asset address is zero.</summary>
    public static readonly CustomError ZeroAssetAddress = new("ZeroAssetAddress()");

    /// <summary>Token decimals above 36.</summary>
    public static readonly CustomError InvalidDecimals = new("InvalidDecimals(address asset, uint8 decimals)");

    /// <summary>LTV not below the liquidation threshold (both 0 is allowed: a non-collateral asset).</summary>
    public static readonly CustomError InvalidLtv = new("InvalidLtv(address asset, uint256 ltvBps, uint256 liquidationThresholdBps)");

    /// <summary>A liquidation bonus below 10 000 bps (a negative premium).</summary>
    public static readonly CustomError InvalidLiquidationBonus = new("InvalidLiquidationBonus(address asset, uint256 liquidationBonusBps)");

    /// <summary>LT x bonus at or above 100%: no liquidation of this collateral could ever raise a health factor.</summary>
    public static readonly CustomError LiquidationCannotHeal = new("LiquidationCannotHeal(address asset, uint256 liquidationThresholdBps, uint256 liquidationBonusBps)");

    /// <summary>A protocol fee above 10 000 bps.</summary>
    public static readonly CustomError InvalidProtocolFee = new("InvalidProtocolFee(address asset, uint256 protocolFeeBps)");

    /// <summary>Unknown bits in the asset flags.</summary>
    public static readonly CustomError InvalidFlags = new("InvalidFlags(address asset, uint256 flags)");

    /// <summary>The asset is listed already.</summary>
    public static readonly CustomError AssetAlreadyListed = new("AssetAlreadyListed(address asset)");

    /// <summary>The asset is not listed.</summary>
    public static readonly CustomError AssetNotListed = new("AssetNotListed(address asset)");

    /// <summary>The market lists its maximum number of assets already.</summary>
    public static readonly CustomError TooManyAssets = new("TooManyAssets(uint256 maxAssets)");

    /// <summary>A zero price.</summary>
    public static readonly CustomError InvalidPrice = new("InvalidPrice(address asset, uint256 price)");

    // Market options (the Market constructor).

    /// <summary>Price decimals above 36.</summary>
    public static readonly CustomError InvalidPriceDecimals = new("InvalidPriceDecimals(uint8 priceDecimals)");

    /// <summary>A fixed close factor of 0 or above 10 000 bps.</summary>
    public static readonly CustomError InvalidCloseFactor = new("InvalidCloseFactor(uint256 closeFactorBps)");

    /// <summary>A full-close-factor health factor above 1e18.</summary>
    public static readonly CustomError InvalidFullCloseFactorHealthFactor = new("InvalidFullCloseFactorHealthFactor(uint256 healthFactor)");

    /// <summary>A target health factor below 1e18 or above 100e18.</summary>
    public static readonly CustomError InvalidTargetHealthFactor = new("InvalidTargetHealthFactor(uint256 targetHealthFactor)");

    /// <summary>A variable bonus whose minimum is below 10 000 bps or above its maximum.</summary>
    public static readonly CustomError InvalidBonusRange = new("InvalidBonusRange(uint256 minBonusBps, uint256 maxBonusBps)");

    /// <summary>A variable bonus whose "health factor for max bonus" is not below 1e18.</summary>
    public static readonly CustomError InvalidHealthFactorForMaxBonus = new("InvalidHealthFactorForMaxBonus(uint256 healthFactor)");

    // Time.

    /// <summary>The block number is below the last successful operation's.</summary>
    public static readonly CustomError BlockNumberDecreased = new("BlockNumberDecreased(uint256 lastBlockNumber, uint256 blockNumber)");

    /// <summary>The timestamp is below the last successful operation's.</summary>
    public static readonly CustomError TimestampDecreased = new("TimestampDecreased(uint256 lastTimestamp, uint256 timestamp)");

    // Positions (Supply, Withdraw, Borrow, Repay, SetUseAsCollateral).

    /// <summary>A zero amount.</summary>
    public static readonly CustomError ZeroAmount = new("ZeroAmount(address asset)");

    /// <summary>An amount too small to move a single scaled unit at the current index.</summary>
    public static readonly CustomError AmountRoundsToZero = new("AmountRoundsToZero(address asset, uint256 amount)");

    /// <summary>A withdrawal above the account's supply balance (or of an empty balance).</summary>
    public static readonly CustomError AmountExceedsSupply = new("AmountExceedsSupply(address account, address asset, uint256 balance, uint256 amount)");

    /// <summary>A repayment above the account's debt (or of a zero debt).</summary>
    public static readonly CustomError AmountExceedsDebt = new("AmountExceedsDebt(address account, address asset, uint256 debt, uint256 amount)");

    /// <summary>The market holds fewer tokens than must leave it.</summary>
    public static readonly CustomError InsufficientCash = new("InsufficientCash(address asset, uint256 cash, uint256 amount)");

    /// <summary>The total supply would exceed the asset's supply cap.</summary>
    public static readonly CustomError SupplyCapExceeded = new("SupplyCapExceeded(address asset, uint256 supplyCap, uint256 totalSupplyAfter)");

    /// <summary>The total debt would exceed the asset's borrow cap.</summary>
    public static readonly CustomError BorrowCapExceeded = new("BorrowCapExceeded(address asset, uint256 borrowCap, uint256 totalDebtAfter)");

    /// <summary>Borrowing of the asset is not enabled.</summary>
    public static readonly CustomError BorrowingNotEnabled = new("BorrowingNotEnabled(address asset)");

    /// <summary>The asset cannot be enabled as collateral.</summary>
    public static readonly CustomError CollateralNotEnabled = new("CollateralNotEnabled(address asset)");

    /// <summary>The account has no supply of the asset to use (or stop using) as collateral.</summary>
    public static readonly CustomError NoSupplyBalance = new("NoSupplyBalance(address account, address asset)");

    /// <summary>The operation would leave the account's health factor below 1e18.</summary>
    public static readonly CustomError HealthFactorTooLow = new("HealthFactorTooLow(address account, uint256 healthFactorAfter)");

    /// <summary>The borrow would take the account's debt value above its LTV-based borrow capacity.</summary>
    public static readonly CustomError BorrowCapacityExceeded = new("BorrowCapacityExceeded(address account, uint256 borrowCapacityBase, uint256 debtAfterBase)");

    // Interest (AccrueInterest).

    /// <summary>A new borrow index below the current one.</summary>
    public static readonly CustomError BorrowIndexDecreased = new("BorrowIndexDecreased(address asset, uint256 borrowIndex, uint256 newBorrowIndex)");

    /// <summary>A new supply index below the current one.</summary>
    public static readonly CustomError SupplyIndexDecreased = new("SupplyIndexDecreased(address asset, uint256 supplyIndex, uint256 newSupplyIndex)");

    // Liquidation.

    /// <summary>The account's health factor is not below 1e18.</summary>
    public static readonly CustomError NotLiquidatable = new("NotLiquidatable(address account, uint256 healthFactor)");

    /// <summary>The account has no supply of the asset used as collateral.</summary>
    public static readonly CustomError CollateralNotSeizable = new("CollateralNotSeizable(address account, address asset)");

    /// <summary>The account owes nothing in the asset.</summary>
    public static readonly CustomError NoDebtInAsset = new("NoDebtInAsset(address account, address asset)");

    // Solvency (RealizeBadDebt, insurance fund, backstop: spec/SPEC.md section 6).

    /// <summary>The account owes nothing: no bad debt to realise (also a second realisation of the same account).</summary>
    public static readonly CustomError NoBadDebt = new("NoBadDebt(address account)");

    /// <summary>The account still supplies an asset with a non-zero value: liquidate it first.</summary>
    public static readonly CustomError CollateralRemaining = new("CollateralRemaining(address account, address asset, uint256 balance)");

    /// <summary>The insurance withdrawal would take the fund below its floor.</summary>
    public static readonly CustomError InsuranceBelowFloor = new("InsuranceBelowFloor(address asset, uint256 fund, uint256 floor, uint256 amount)");

    /// <summary>A backstop capacity without a provider (zero address).</summary>
    public static readonly CustomError InvalidBackstop = new("InvalidBackstop(address asset, address provider, uint256 capacity)");

    /// <summary>A protocol-fee share for reserves above 10 000 bps.</summary>
    public static readonly CustomError InvalidFeeToReserves = new("InvalidFeeToReserves(address asset, uint256 feeToReservesBps)");

    /// <summary>Every error above, in declaration order (for tooling and the spec's selector table).</summary>
    public static IReadOnlyList<CustomError> All { get; } =
    [
        ZeroAssetAddress, InvalidDecimals, InvalidLtv, InvalidLiquidationBonus, LiquidationCannotHeal, InvalidProtocolFee,
        InvalidFlags, AssetAlreadyListed, AssetNotListed, TooManyAssets, InvalidPrice,
        InvalidPriceDecimals, InvalidCloseFactor, InvalidFullCloseFactorHealthFactor, InvalidTargetHealthFactor,
        InvalidBonusRange, InvalidHealthFactorForMaxBonus,
        BlockNumberDecreased, TimestampDecreased,
        ZeroAmount, AmountRoundsToZero, AmountExceedsSupply, AmountExceedsDebt, InsufficientCash, SupplyCapExceeded,
        BorrowCapExceeded, BorrowingNotEnabled, CollateralNotEnabled, NoSupplyBalance, HealthFactorTooLow,
        BorrowCapacityExceeded,
        BorrowIndexDecreased, SupplyIndexDecreased,
        NotLiquidatable, CollateralNotSeizable, NoDebtInAsset,
        NoBadDebt, CollateralRemaining, InsuranceBelowFloor, InvalidBackstop, InvalidFeeToReserves,
    ];
}
