// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MakerRpow} from "./MakerRpow.sol";

/// @title MakerLiq2Twin
/// @notice Our twin of the amounts of MakerDAO Liquidations 2.0: Dog.bark (with the reward of the Clipper.kick it
///         calls), Clipper.take (with its status check), Clipper.upchost, and the abaci price curves.
/// @dev Reference: makerdao/dss src/dog.sol, src/clip.sol, src/abaci.sol (the deployed Liquidations 2.0 contracts,
///      compiled with Solidity 0.6.12). dss is not published as a package and is AGPL-3.0, so this file is NOT a copy:
///      it is an independent implementation of their specified, observable behaviour:
///      - amounts, rounding (floor divisions) and the order of checks are dss's;
///      - dss's add/sub/mul helpers fail through a message-less require and, before Solidity 0.8, a division by zero
///        is the INVALID opcode: both give EMPTY revert data, which is what every arithmetic failure here returns
///        (plain `revert()`); arithmetic outside those helpers wraps, as unchecked 0.6 code does;
///      - require reasons are dss's strings ("Dog/not-unsafe", "Clipper/needs-reset", ...);
///      - rpow is MakerRpow (whose equivalence to dss's assembly is tested separately).
///      Not reproduced: auth, live/stopped flags, the Vat and Vow calls and their own checks, auction bookkeeping.
contract MakerLiq2Twin {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant RAY = 1e27;

    // --- 0.6-style arithmetic: failures revert with empty data ---

    function _plus(uint256 x, uint256 y) private pure returns (uint256 z) {
        unchecked {
            z = x + y;
        }
        if (z < x) revert();
    }

    function _times(uint256 x, uint256 y) private pure returns (uint256 z) {
        unchecked {
            z = x * y;
        }
        if (y != 0 && z / y != x) revert();
    }

    function _over(uint256 x, uint256 y) private pure returns (uint256) {
        if (y == 0) revert(); // INVALID before Solidity 0.8
        return x / y;
    }

    function _lesser(uint256 x, uint256 y) private pure returns (uint256) {
        return y < x ? y : x;
    }

    // --- Dog.bark + Clipper.kick's keeper reward ---

    struct BarkArgs {
        uint256 ink;
        uint256 art;
        uint256 rate;
        uint256 spot;
        uint256 dust;
        uint256 chop;
        uint256 globalHole;
        uint256 globalDirt;
        uint256 ilkHole;
        uint256 ilkDirt;
        uint256 tip;
        uint256 chip;
    }

    struct BarkResult {
        uint256 dink;
        uint256 dart;
        uint256 due;
        uint256 tab;
        uint256 coin;
        uint256 globalDirt;
        uint256 ilkDirt;
    }

    function bark(BarkArgs calldata a) external pure returns (BarkResult memory r) {
        // Unsafe: the collateral's value at spot is below the debt.
        require(a.spot > 0 && _times(a.ink, a.spot) < _times(a.art, a.rate), "Dog/not-unsafe");
        require(a.globalHole > a.globalDirt && a.ilkHole > a.ilkDirt, "Dog/liquidation-limit-hit");
        uint256 room = _lesser(a.globalHole - a.globalDirt, a.ilkHole - a.ilkDirt);

        // Debt that fits the room once the penalty is added; a remainder below dust is not left behind.
        r.dart = _lesser(a.art, _over(_over(_times(room, WAD), a.rate), a.chop));
        if (a.art > r.dart) {
            if (_times(a.art - r.dart, a.rate) < a.dust) {
                r.dart = a.art;
            } else {
                require(_times(r.dart, a.rate) >= a.dust, "Dog/dusty-auction-from-partial-liquidation");
            }
        }

        r.dink = _times(a.ink, r.dart) / a.art; // art > 0 here: it made the vault unsafe
        require(r.dink > 0, "Dog/null-auction");
        require(r.dart <= 2 ** 255 && r.dink <= 2 ** 255, "Dog/overflow");

        r.due = _times(r.dart, a.rate);
        r.tab = _times(r.due, a.chop) / WAD;
        r.globalDirt = _plus(a.globalDirt, r.tab);
        r.ilkDirt = _plus(a.ilkDirt, r.tab);

        // Clipper.kick: the lot is dink > 0; the reward is paid only when tip or chip is set.
        require(r.tab > 0, "Clipper/zero-tab");
        if (a.tip > 0 || a.chip > 0) r.coin = _plus(a.tip, _times(r.tab, a.chip) / WAD);
    }

    // --- abaci ---

    function linearDecrease(uint256 top, uint256 dur, uint256 tau) external pure returns (uint256) {
        if (dur >= tau) return 0;
        return _times(top, _times(tau - dur, RAY) / tau) / RAY;
    }

    function stairstepExponentialDecrease(uint256 top, uint256 dur, uint256 cut, uint256 step)
        external
        pure
        returns (uint256)
    {
        return _times(top, MakerRpow.rpow(cut, _over(dur, step), RAY)) / RAY;
    }

    function exponentialDecrease(uint256 top, uint256 dur, uint256 cut) external pure returns (uint256) {
        return _times(top, MakerRpow.rpow(cut, dur, RAY)) / RAY;
    }

    // --- Clipper ---

    function chost(uint256 dust, uint256 chop) external pure returns (uint256) {
        return _times(dust, chop) / WAD;
    }

    struct TakeArgs {
        uint256 tab;
        uint256 lot;
        uint256 top;
        uint256 price;
        uint256 dur;
        uint256 tail;
        uint256 cusp;
        uint256 amt;
        uint256 max;
        uint256 chost;
    }

    struct TakeResult {
        uint256 slice;
        uint256 owe;
        uint256 tab;
        uint256 lot;
        uint256 dirtReleased;
    }

    function take(TakeArgs calldata a) external pure returns (TakeResult memory r) {
        // status(): expired, or fallen below cusp x top (the ratio only when not expired).
        bool done = a.dur > a.tail || _over(_times(a.price, RAY), a.top) < a.cusp;
        require(!done, "Clipper/needs-reset");
        require(a.max >= a.price, "Clipper/too-expensive");

        r.slice = _lesser(a.lot, a.amt);
        r.owe = _times(r.slice, a.price);
        if (r.owe > a.tab) {
            // Never collect more than the tab.
            r.owe = a.tab;
            r.slice = _over(r.owe, a.price);
        } else if (r.owe < a.tab && r.slice < a.lot) {
            // A partial purchase must leave at least chost of tab.
            if (a.tab - r.owe < a.chost) {
                require(a.tab > a.chost, "Clipper/no-partial-purchase");
                r.owe = a.tab - a.chost;
                r.slice = _over(r.owe, a.price);
            }
        }
        unchecked {
            r.tab = a.tab - r.owe;
            r.lot = a.lot - r.slice;
            r.dirtReleased = r.lot == 0 ? r.tab + r.owe : r.owe;
        }
    }
}
