// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {WadRayMath} from "@aave/core-v3/contracts/protocol/libraries/math/WadRayMath.sol";
import {PercentageMath} from "@aave/core-v3/contracts/protocol/libraries/math/PercentageMath.sol";
import {Errors} from "@aave/core-v3/contracts/protocol/libraries/helpers/Errors.sol";

/// @title AaveProfileTwin
/// @notice The arithmetic of Aave V3 (v3.0 core, @aave/core-v3 1.19.3) account data and liquidation, with the real
///         WadRayMath, PercentageMath and Errors imported from the package. The function bodies reproduce, statement
///         for statement and in Aave's order, GenericLogic.calculateUserAccountData (no eMode) and
///         LiquidationLogic._calculateDebt, the amount checks of ValidationLogic.validateLiquidationCall and
///         LiquidationLogic._calculateAvailableCollateralToLiquidate, with storage reads and oracle calls replaced by
///         arguments. Not reproduced: eMode, reserve flags, the price oracle sentinel, the collateral-enabled check.
contract AaveProfileTwin {
    using WadRayMath for uint256;
    using PercentageMath for uint256;

    // LiquidationLogic / ValidationLogic constants (v3.0).
    uint256 internal constant DEFAULT_LIQUIDATION_CLOSE_FACTOR = 0.5e4;
    uint256 internal constant MAX_LIQUIDATION_CLOSE_FACTOR = 1e4;
    uint256 internal constant CLOSE_FACTOR_HF_THRESHOLD = 0.95e18;
    uint256 internal constant HEALTH_FACTOR_LIQUIDATION_THRESHOLD = 1e18;

    struct AccountVars {
        uint256 i;
        uint256 base;
        uint256 ltv;
        uint256 liquidationThreshold;
        uint256 assetPrice;
        uint256 assetUnit;
        uint256 userBalanceInBaseCurrency;
        uint256 totalCollateralInBaseCurrency;
        uint256 totalDebtInBaseCurrency;
        uint256 avgLtv;
        uint256 avgLiquidationThreshold;
        uint256 healthFactor;
        bool hasZeroLtvCollateral;
    }

    /// @param args the eval op's arguments: n, then per reserve (collateralBalance, debtBalance, price, decimals,
    ///        ltv, liquidationThreshold, usedAsCollateral).
    function userAccountData(uint256[] calldata args)
        external
        pure
        returns (uint256, uint256, uint256, uint256, uint256, bool)
    {
        require(args.length == 1 + 7 * args[0], "harness: args");
        AccountVars memory vars;
        for (vars.i = 0; vars.i < args[0]; vars.i++) {
            vars.base = 1 + 7 * vars.i;
            vars.assetPrice = args[vars.base + 2];
            vars.ltv = args[vars.base + 4];
            vars.liquidationThreshold = args[vars.base + 5];
            unchecked {
                vars.assetUnit = 10 ** args[vars.base + 3];
            }
            if (vars.liquidationThreshold != 0 && args[vars.base + 6] != 0) {
                // _getUserBalanceInBaseCurrency: balance * assetPrice, then an unchecked / assetUnit
                vars.userBalanceInBaseCurrency = args[vars.base] * vars.assetPrice;
                unchecked {
                    vars.userBalanceInBaseCurrency = vars.userBalanceInBaseCurrency / vars.assetUnit;
                }
                vars.totalCollateralInBaseCurrency += vars.userBalanceInBaseCurrency;
                if (vars.ltv != 0) {
                    vars.avgLtv += vars.userBalanceInBaseCurrency * vars.ltv;
                } else {
                    vars.hasZeroLtvCollateral = true;
                }
                vars.avgLiquidationThreshold += vars.userBalanceInBaseCurrency * vars.liquidationThreshold;
            }
            // _getUserDebtInBaseCurrency: assetPrice * userTotalDebt, then an unchecked / assetUnit
            vars.totalDebtInBaseCurrency += _debtInBaseCurrency(vars.assetPrice * args[vars.base + 1], vars.assetUnit);
        }
        unchecked {
            vars.avgLtv = vars.totalCollateralInBaseCurrency != 0 ? vars.avgLtv / vars.totalCollateralInBaseCurrency : 0;
            vars.avgLiquidationThreshold = vars.totalCollateralInBaseCurrency != 0
                ? vars.avgLiquidationThreshold / vars.totalCollateralInBaseCurrency
                : 0;
        }
        vars.healthFactor = (vars.totalDebtInBaseCurrency == 0)
            ? type(uint256).max
            : (vars.totalCollateralInBaseCurrency.percentMul(vars.avgLiquidationThreshold)).wadDiv(vars.totalDebtInBaseCurrency);
        return (
            vars.totalCollateralInBaseCurrency,
            vars.totalDebtInBaseCurrency,
            vars.avgLtv,
            vars.avgLiquidationThreshold,
            vars.healthFactor,
            vars.hasZeroLtvCollateral
        );
    }

    function _debtInBaseCurrency(uint256 userTotalDebt, uint256 assetUnit) private pure returns (uint256) {
        unchecked {
            return userTotalDebt / assetUnit;
        }
    }

    struct QuoteArgs {
        uint256 healthFactor;
        uint256 userTotalDebt;
        uint256 debtToCover;
        uint256 userCollateralBalance;
        uint256 collateralPrice;
        uint256 collateralDecimals;
        uint256 debtAssetPrice;
        uint256 debtAssetDecimals;
        uint256 liquidationBonus;
        uint256 liquidationProtocolFeePercentage;
    }

    struct AvailableCollateralToLiquidateLocalVars {
        uint256 maxCollateralToLiquidate;
        uint256 baseCollateral;
        uint256 bonusCollateral;
        uint256 collateralAssetUnit;
        uint256 debtAssetUnit;
        uint256 collateralAmount;
        uint256 debtAmountNeeded;
        uint256 liquidationProtocolFee;
    }

    /// @return actualDebtToLiquidate, collateral to the liquidator, debt amount needed, protocol fee.
    function liquidationQuote(QuoteArgs calldata a) external pure returns (uint256, uint256, uint256, uint256) {
        // _calculateDebt
        uint256 closeFactor = a.healthFactor > CLOSE_FACTOR_HF_THRESHOLD
            ? DEFAULT_LIQUIDATION_CLOSE_FACTOR
            : MAX_LIQUIDATION_CLOSE_FACTOR;
        uint256 maxLiquidatableDebt = a.userTotalDebt.percentMul(closeFactor);
        uint256 actualDebtToLiquidate = a.debtToCover > maxLiquidatableDebt ? maxLiquidatableDebt : a.debtToCover;

        // validateLiquidationCall (the amount checks)
        require(a.healthFactor < HEALTH_FACTOR_LIQUIDATION_THRESHOLD, Errors.HEALTH_FACTOR_NOT_BELOW_THRESHOLD);
        require(a.userTotalDebt != 0, Errors.SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER);

        // _calculateAvailableCollateralToLiquidate
        AvailableCollateralToLiquidateLocalVars memory vars;
        unchecked {
            vars.collateralAssetUnit = 10 ** a.collateralDecimals;
            vars.debtAssetUnit = 10 ** a.debtAssetDecimals;
        }
        vars.baseCollateral = ((a.debtAssetPrice * actualDebtToLiquidate * vars.collateralAssetUnit)) /
            (a.collateralPrice * vars.debtAssetUnit);
        vars.maxCollateralToLiquidate = vars.baseCollateral.percentMul(a.liquidationBonus);
        if (vars.maxCollateralToLiquidate > a.userCollateralBalance) {
            vars.collateralAmount = a.userCollateralBalance;
            vars.debtAmountNeeded = ((a.collateralPrice * vars.collateralAmount * vars.debtAssetUnit) /
                (a.debtAssetPrice * vars.collateralAssetUnit)).percentDiv(a.liquidationBonus);
        } else {
            vars.collateralAmount = vars.maxCollateralToLiquidate;
            vars.debtAmountNeeded = actualDebtToLiquidate;
        }
        if (a.liquidationProtocolFeePercentage != 0) {
            vars.bonusCollateral = vars.collateralAmount - vars.collateralAmount.percentDiv(a.liquidationBonus);
            vars.liquidationProtocolFee = vars.bonusCollateral.percentMul(a.liquidationProtocolFeePercentage);
            return (
                actualDebtToLiquidate,
                vars.collateralAmount - vars.liquidationProtocolFee,
                vars.debtAmountNeeded,
                vars.liquidationProtocolFee
            );
        } else {
            return (actualDebtToLiquidate, vars.collateralAmount, vars.debtAmountNeeded, 0);
        }
    }
}
