// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {WadRayMath} from "@aave/core-v3/contracts/protocol/libraries/math/WadRayMath.sol";
import {PercentageMath} from "@aave/core-v3/contracts/protocol/libraries/math/PercentageMath.sol";

/// @title AaveMathTwin
/// @notice Exposes the real Aave V3 WadRayMath and PercentageMath (imported from @aave/core-v3, not copied).
/// @dev Those libraries guard overflow in assembly with `revert(0, 0)`, so their reverts carry EMPTY revert
///      data (not a Panic); the wrappers add nothing that could revert on their own.
contract AaveMathTwin {
    function wadMul(uint256 a, uint256 b) external pure returns (uint256) {
        return WadRayMath.wadMul(a, b);
    }

    function wadDiv(uint256 a, uint256 b) external pure returns (uint256) {
        return WadRayMath.wadDiv(a, b);
    }

    function rayMul(uint256 a, uint256 b) external pure returns (uint256) {
        return WadRayMath.rayMul(a, b);
    }

    function rayDiv(uint256 a, uint256 b) external pure returns (uint256) {
        return WadRayMath.rayDiv(a, b);
    }

    function rayToWad(uint256 a) external pure returns (uint256) {
        return WadRayMath.rayToWad(a);
    }

    function wadToRay(uint256 a) external pure returns (uint256) {
        return WadRayMath.wadToRay(a);
    }

    function percentMul(uint256 value, uint256 percentage) external pure returns (uint256) {
        return PercentageMath.percentMul(value, percentage);
    }

    function percentDiv(uint256 value, uint256 percentage) external pure returns (uint256) {
        return PercentageMath.percentDiv(value, percentage);
    }
}
