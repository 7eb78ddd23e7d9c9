// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title CheckedMathTwin
/// @notice Twins of the engine's checked uint256 operators: plain Solidity 0.8 arithmetic, so overflow and
///         underflow revert with Panic(0x11) and division/modulo by zero with Panic(0x12).
contract CheckedMathTwin {
    function add(uint256 a, uint256 b) external pure returns (uint256) {
        return a + b;
    }

    function sub(uint256 a, uint256 b) external pure returns (uint256) {
        return a - b;
    }

    function mul(uint256 a, uint256 b) external pure returns (uint256) {
        return a * b;
    }

    function div(uint256 a, uint256 b) external pure returns (uint256) {
        return a / b;
    }

    function mod(uint256 a, uint256 b) external pure returns (uint256) {
        return a % b;
    }
}
