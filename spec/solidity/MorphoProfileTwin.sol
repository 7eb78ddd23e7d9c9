// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Market, Position} from "@morpho-org/morpho-blue/src/interfaces/IMorpho.sol";
import {MathLib, WAD} from "@morpho-org/morpho-blue/src/libraries/MathLib.sol";
import {SharesMathLib} from "@morpho-org/morpho-blue/src/libraries/SharesMathLib.sol";
import {UtilsLib} from "@morpho-org/morpho-blue/src/libraries/UtilsLib.sol";
import {ErrorsLib} from "@morpho-org/morpho-blue/src/libraries/ErrorsLib.sol";
import {
    ORACLE_PRICE_SCALE,
    LIQUIDATION_CURSOR,
    MAX_LIQUIDATION_INCENTIVE_FACTOR
} from "@morpho-org/morpho-blue/src/libraries/ConstantsLib.sol";

/// @title MorphoProfileTwin
/// @notice Morpho Blue (@morpho-org/morpho-blue 1.0.0) liquidation arithmetic with the real MathLib, SharesMathLib,
///         UtilsLib, ErrorsLib, ConstantsLib and the Market/Position types imported from the package. Morpho.sol itself
///         pins `pragma solidity 0.8.19`, so its liquidate and _isHealthy bodies are reproduced here statement for
///         statement, on memory copies of the market and position instead of storage, without interest accrual
///         (the caller passes accrued totals), the oracle call (the price is an argument) and the transfers.
contract MorphoProfileTwin {
    using MathLib for uint256;
    using MathLib for uint128;
    using SharesMathLib for uint256;
    using UtilsLib for uint256;

    function _liquidationIncentiveFactor(uint256 lltv) internal pure returns (uint256) {
        return UtilsLib.min(MAX_LIQUIDATION_INCENTIVE_FACTOR, WAD.wDivDown(WAD - LIQUIDATION_CURSOR.wMulDown(WAD - lltv)));
    }

    /// @dev Morpho._isHealthy(marketParams, id, borrower, collateralPrice), with its two amounts exposed.
    function _health(Market memory market, Position memory position, uint256 collateralPrice, uint256 lltv)
        internal
        pure
        returns (bool, uint256 borrowed, uint256 maxBorrow)
    {
        borrowed = uint256(position.borrowShares).toAssetsUp(market.totalBorrowAssets, market.totalBorrowShares);
        maxBorrow = uint256(position.collateral).mulDivDown(collateralPrice, ORACLE_PRICE_SCALE).wMulDown(lltv);
        return (maxBorrow >= borrowed, borrowed, maxBorrow);
    }

    function liquidationIncentiveFactor(uint256 lltv) external pure returns (uint256) {
        return _liquidationIncentiveFactor(lltv);
    }

    function isHealthy(
        uint128 collateral,
        uint128 borrowShares,
        uint128 totalBorrowAssets,
        uint128 totalBorrowShares,
        uint256 collateralPrice,
        uint256 lltv
    ) external pure returns (bool, uint256, uint256) {
        Market memory market = Market(0, 0, totalBorrowAssets, totalBorrowShares, 0, 0);
        Position memory position = Position(0, borrowShares, collateral);
        return _health(market, position, collateralPrice, lltv);
    }

    struct LiquidateArgs {
        uint128 totalSupplyAssets;
        uint128 totalBorrowAssets;
        uint128 totalBorrowShares;
        uint128 collateral;
        uint128 borrowShares;
        uint256 collateralPrice;
        uint256 lltv;
        uint256 seizedAssets;
        uint256 repaidShares;
    }

    struct LiquidateResult {
        uint256 seizedAssets;
        uint256 repaidAssets;
        uint256 repaidShares;
        uint256 badDebtAssets;
        uint256 badDebtShares;
        uint256 totalSupplyAssets;
        uint256 totalBorrowAssets;
        uint256 totalBorrowShares;
        uint256 collateral;
        uint256 borrowShares;
    }

    function liquidate(LiquidateArgs calldata a) external pure returns (LiquidateResult memory r) {
        Market memory market = Market(a.totalSupplyAssets, 0, a.totalBorrowAssets, a.totalBorrowShares, 0, 0);
        Position memory position = Position(0, a.borrowShares, a.collateral);
        uint256 seizedAssets = a.seizedAssets;
        uint256 repaidShares = a.repaidShares;

        require(UtilsLib.exactlyOneZero(seizedAssets, repaidShares), ErrorsLib.INCONSISTENT_INPUT);
        {
            uint256 collateralPrice = a.collateralPrice;
            (bool healthy,,) = _health(market, position, collateralPrice, a.lltv);
            require(!healthy, ErrorsLib.HEALTHY_POSITION);

            uint256 incentiveFactor = _liquidationIncentiveFactor(a.lltv);
            if (seizedAssets > 0) {
                uint256 seizedAssetsQuoted = seizedAssets.mulDivUp(collateralPrice, ORACLE_PRICE_SCALE);
                repaidShares = seizedAssetsQuoted.wDivUp(incentiveFactor)
                    .toSharesUp(market.totalBorrowAssets, market.totalBorrowShares);
            } else {
                seizedAssets = repaidShares.toAssetsDown(market.totalBorrowAssets, market.totalBorrowShares)
                    .wMulDown(incentiveFactor).mulDivDown(ORACLE_PRICE_SCALE, collateralPrice);
            }
        }
        uint256 repaidAssets = repaidShares.toAssetsUp(market.totalBorrowAssets, market.totalBorrowShares);

        position.borrowShares -= repaidShares.toUint128();
        market.totalBorrowShares -= repaidShares.toUint128();
        market.totalBorrowAssets = UtilsLib.zeroFloorSub(market.totalBorrowAssets, repaidAssets).toUint128();

        position.collateral -= seizedAssets.toUint128();

        uint256 badDebtShares;
        uint256 badDebtAssets;
        if (position.collateral == 0) {
            badDebtShares = position.borrowShares;
            badDebtAssets = UtilsLib.min(
                market.totalBorrowAssets, badDebtShares.toAssetsUp(market.totalBorrowAssets, market.totalBorrowShares)
            );
            market.totalBorrowAssets -= badDebtAssets.toUint128();
            market.totalSupplyAssets -= badDebtAssets.toUint128();
            market.totalBorrowShares -= badDebtShares.toUint128();
            position.borrowShares = 0;
        }

        r = LiquidateResult(
            seizedAssets, repaidAssets, repaidShares, badDebtAssets, badDebtShares,
            market.totalSupplyAssets, market.totalBorrowAssets, market.totalBorrowShares,
            position.collateral, position.borrowShares
        );
    }
}
