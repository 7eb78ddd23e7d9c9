// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title OpenZeppelinMathTwin
/// @notice Exposes the real OpenZeppelin 5 Math.mulDiv with rounding (imported, not copied).
/// @dev The rounding mode travels as uint8 in OpenZeppelin 5's enum order:
///      0 = Floor, 1 = Ceil, 2 = Trunc, 3 = Expand (see Math.Rounding). Any other value reverts with
///      Panic(0x21) in the enum conversion; the harness never sends one.
contract OpenZeppelinMathTwin {
    function mulDiv(uint256 x, uint256 y, uint256 denominator, uint8 rounding) external pure returns (uint256) {
        return Math.mulDiv(x, y, denominator, Math.Rounding(rounding));
    }
}
