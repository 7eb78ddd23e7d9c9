// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title BatchCaller
/// @notice Test-harness dispatcher: executes many calls against one twin in a single EVM message, so the
///         per-message overhead of the JS EVM is paid once per batch instead of once per case.
/// @dev Every case is still a real STATICCALL executed by the EVM; failures are captured with their exact
///      revert data instead of bubbling up. Run it with a very large gas limit: each call forwards 63/64.
contract BatchCaller {
    struct Result {
        bool success;
        bytes returnData;
    }

    function run(address target, bytes[] calldata calls) external view returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; ++i) {
            (bool success, bytes memory returnData) = target.staticcall(calls[i]);
            results[i] = Result(success, returnData);
        }
    }
}
