// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PodBid, BID_ARGS_LENGTH} from "./PodBid.sol";

/// @title UpdateFactory: publishes one PodBid per update (step Vendor_Publish).
/// @notice Each bid is an EIP-1167 minimal proxy of one PodBid implementation with the
/// bid's parameters appended to its runtime code. The fleet is committed to by its Merkle
/// root, so the deployment costs the same for every fleet size.
contract UpdateFactory {
    /// @notice lockType is neither 0 (hash lock) nor 1 (point lock).
    error BadLockType();
    /// @notice fleetSize is 0.
    error EmptyFleet();
    /// @notice fleetSize is above 2^32 (spec/suite.md: the fleet depth is at most 32).
    error FleetTooLarge();
    /// @notice expiry is not after the current block's timestamp.
    error ExpiryNotInFuture();
    /// @notice The deposit is 0 or not a multiple of fleetSize.
    error BadDeposit();
    /// @notice The clone could not be created.
    error DeployFailed();

    /// @notice A vendor published a bid for update updateId.
    event UpdatePublished(
        address indexed vendor,
        address indexed bid,
        bytes32 indexed updateId,
        bytes32 packageId,
        uint8 lockType,
        uint64 expiry
    );

    /// @notice The PodBid implementation every bid delegates to.
    address public immutable implementation;

    constructor() {
        implementation = address(new PodBid());
    }

    /// @notice Deploys a bid funded with msg.value, paying msg.value / fleetSize per device.
    /// @param updateId U_id, the update the bid pays deliveries of
    /// @param packageId P_id, the hash of the package distributors fetch
    /// @param lockType 0 hash lock (paper mode), 1 point lock
    /// @param expiry the last timestamp at which claims are accepted
    /// @param fleetRoot the fleet Merkle root (spec/suite.md section 9)
    /// @param fleetSize the number of devices, 1 <= N <= 2^32
    /// @return bid the new bid's address
    function publish(
        bytes32 updateId,
        bytes32 packageId,
        uint8 lockType,
        uint64 expiry,
        bytes32 fleetRoot,
        uint64 fleetSize
    ) external payable returns (address bid) {
        if (lockType > 1) revert BadLockType();
        if (fleetSize == 0) revert EmptyFleet();
        if (fleetSize > 1 << 32) revert FleetTooLarge();
        if (expiry <= block.timestamp) revert ExpiryNotInFuture();
        if (msg.value == 0 || msg.value % fleetSize != 0) revert BadDeposit();
        uint256 depth;
        assembly ("memory-safe") {
            depth := sub(256, clz(sub(fleetSize, 1))) // ceil(log2 N), 0 for N = 1
        }
        bytes memory code = abi.encodePacked(
            hex"61",
            uint16(45 + BID_ARGS_LENGTH),
            hex"3d81600a3d39f3", // init: copy the runtime below and return it
            hex"363d3d373d3d3d363d73",
            implementation,
            hex"5af43d82803e903d91602b57fd5bf3", // EIP-1167 runtime
            updateId,
            packageId,
            fleetRoot,
            msg.value / fleetSize,
            msg.sender,
            expiry,
            fleetSize,
            lockType,
            uint8(depth)
        );
        assembly ("memory-safe") {
            bid := create(callvalue(), add(code, 0x20), mload(code))
        }
        if (bid == address(0)) revert DeployFailed();
        emit UpdatePublished(msg.sender, bid, updateId, packageId, lockType, expiry);
    }
}
