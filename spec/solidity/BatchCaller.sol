// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title BatchCaller
/// @notice Test-harness dispatcher: executes many calls against one twin in a single EVM message, so the
///         per-message overhead of the JS EVM is paid once per batch instead of once per case.
/// @dev Every case is still a real STATICCALL executed by the EVM, its failure captured with its exact revert
///      data instead of bubbling up. The loop is in assembly with a packed, non-ABI layout because in a
///      step-by-step JS interpreter the dispatcher's own opcodes cost as much as the calls they dispatch
///      (an ABI `(bool,bytes)[]` version ran about 3x slower). Run it with a very large gas limit: each call
///      gets 63/64 of what is left.
///
///      Calldata (no selector): the target address as one 32-byte word, then for each case a 32-byte length
///      followed by that many calldata bytes, unpadded.
///      Return data: for each case a 32-byte header (bit 255 = success, low bits = return data length)
///      followed by the return or revert data, zero-padded to a multiple of 32 bytes.
contract BatchCaller {
    fallback() external {
        assembly {
            let target := calldataload(0)
            let end := calldatasize()
            let out := 0
            for { let p := 32 } lt(p, end) {} {
                let len := calldataload(p)
                // The case's calldata is staged where its result will go: the call consumes it first.
                calldatacopy(out, add(p, 32), len)
                let ok := staticcall(gas(), target, out, len, 0, 0)
                let size := returndatasize()
                let padded := and(add(size, 31), not(31))
                mstore(add(out, padded), 0) // zero the last data word's padding (the header slot if empty)
                mstore(out, or(shl(255, ok), size))
                returndatacopy(add(out, 32), 0, size)
                out := add(out, add(32, padded))
                p := add(p, add(32, len))
            }
            return(0, out)
        }
    }
}
