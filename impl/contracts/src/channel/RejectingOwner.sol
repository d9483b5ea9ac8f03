// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PodnetChannel} from "./PodnetChannel.sol";

/// @title RejectingOwner: a channel owner that refuses ether (for the tests; never
/// deployed in production). It opens a channel of construction 1 and later asks for its
/// refund, whose payment it rejects, so the contract must revert with TransferFailed.
contract RejectingOwner {
    /// @notice Opens a channel of construction 1 on c for server with msg.value.
    function open(PodnetChannel c, address server, uint64 expiry) external payable returns (bytes32) {
        return c.openClient{value: msg.value}(server, expiry);
    }

    /// @notice Asks c for the refund of the channel with these terms (key zero).
    function refund(PodnetChannel c, address server, uint256 terms) external {
        c.refund(server, bytes32(0), terms);
    }
}
