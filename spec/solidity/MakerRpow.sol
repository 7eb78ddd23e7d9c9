// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title MakerRpow
/// @notice Twin of MakerDAO's fixed-point power `rpow(x, n, base)`: x^n in `base` units (base = 10^27 for
///         rays), rounding every intermediate product half-up.
/// @dev Reference: makerdao/dss, src/jug.sol, function `rpow`, at commit
///      018f9663a8e0c5d428b38c7d10e85404b2e86d23 (src/abaci.sol's "optimized version from dss PR #78" is
///      semantically identical). dss is not published on npm and is AGPL-3.0, so this file is NOT a copy: it
///      is an independent re-implementation of the same algorithm that keeps every observable behaviour:
///      - x^0 = base for every x (including 0^0); 0^n = 0 for n > 0;
///      - square-and-multiply over the bits of n, from the least significant one, starting from
///        z = (n odd ? x : base); each step is x = round(x * x), then z = round(z * x) when the bit is set,
///        where round(p) = (p + base / 2) / base;
///      - every product overflow and every `p + base / 2` overflow reverts with EMPTY revert data
///        (dss uses `revert(0, 0)`), checked in the same places: the square before the multiply;
///      - base == 0 does not revert: the EVM's DIV by zero yields 0, so every rounded product is 0.
///      The harness checks this twin against the original assembly case by case when the original is at hand.
library MakerRpow {
    function rpow(uint256 x, uint256 n, uint256 base) internal pure returns (uint256 z) {
        if (n == 0) return base;
        if (x == 0) return 0;
        uint256 half = base / 2;
        z = n % 2 == 1 ? x : base;
        for (n /= 2; n != 0; n /= 2) {
            x = _mulRound(x, x, half, base);
            if (n % 2 == 1) z = _mulRound(z, x, half, base);
        }
    }

    /// @dev (a * b + half) / base with dss's overflow checks and the EVM's x / 0 == 0.
    function _mulRound(uint256 a, uint256 b, uint256 half, uint256 base) private pure returns (uint256) {
        unchecked {
            uint256 product = a * b;
            if (b != 0 && product / b != a) revert();
            uint256 rounded = product + half;
            if (rounded < product) revert();
            return base == 0 ? 0 : rounded / base;
        }
    }
}

/// @title MakerRpowTwin
/// @notice External wrapper so the harness can call MakerRpow.rpow.
contract MakerRpowTwin {
    function rpow(uint256 x, uint256 n, uint256 base) external pure returns (uint256) {
        return MakerRpow.rpow(x, n, base);
    }
}
