// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MathLib} from "@morpho-org/morpho-blue/src/libraries/MathLib.sol";

/// @title MorphoMathTwin
/// @notice Exposes the real Morpho Blue MathLib (imported from @morpho-org/morpho-blue, not copied).
/// @dev MathLib is plain checked Solidity: `(x * y + (d - 1)) / d` in mulDivUp means d == 0 reverts with
///      Panic(0x11) (the `d - 1` underflow), not Panic(0x12).
contract MorphoMathTwin {
    function mulDivDown(uint256 x, uint256 y, uint256 d) external pure returns (uint256) {
        return MathLib.mulDivDown(x, y, d);
    }

    function mulDivUp(uint256 x, uint256 y, uint256 d) external pure returns (uint256) {
        return MathLib.mulDivUp(x, y, d);
    }

    function wMulDown(uint256 x, uint256 y) external pure returns (uint256) {
        return MathLib.wMulDown(x, y);
    }

    function wDivDown(uint256 x, uint256 y) external pure returns (uint256) {
        return MathLib.wDivDown(x, y);
    }

    function wDivUp(uint256 x, uint256 y) external pure returns (uint256) {
        return MathLib.wDivUp(x, y);
    }
}
