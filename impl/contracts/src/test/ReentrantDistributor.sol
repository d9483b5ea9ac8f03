// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PodBid} from "../PodBid.sol";

/// @title ReentrantDistributor: a malicious distributor for the tests (not deployed in
/// production). It claims from a bid and, when paid, tries to re-enter the bid.
contract ReentrantDistributor {
    /// @notice What the receive hook does: 0 re-enters claim with the same claim,
    /// 1 re-enters claimBatch with the same claim, 2 re-enters withdraw, 3 rejects the payment.
    uint8 public mode;
    /// @notice Number of payments received.
    uint256 public payments;
    /// @notice Total wei received.
    uint256 public received;
    /// @notice Whether a re-entrant call succeeded.
    bool public reentrySucceeded;
    /// @notice The revert data of the last failed re-entrant call.
    bytes public reentryError;

    PodBid private bid;
    PodBid.Claim private pending;
    bytes32[] private pendingProof;

    /// @notice Claims c on b, re-entering in the given mode when paid.
    function attack(PodBid b, PodBid.Claim calldata c, bytes32[] calldata proof, uint8 m) external {
        bid = b;
        pending = c;
        pendingProof = proof;
        mode = m;
        b.claim(c, proof);
    }

    receive() external payable {
        payments += 1;
        received += msg.value;
        if (mode == 3) revert("no payments, thanks");
        if (payments > 1) return;
        if (mode == 0) {
            try bid.claim(pending, pendingProof) {
                reentrySucceeded = true;
            } catch (bytes memory e) {
                reentryError = e;
            }
        } else if (mode == 1) {
            PodBid.Claim[] memory cs = new PodBid.Claim[](1);
            cs[0] = pending;
            try bid.claimBatch(cs, pendingProof) {
                reentrySucceeded = true;
            } catch (bytes memory e) {
                reentryError = e;
            }
        } else if (mode == 2) {
            try bid.withdraw() {
                reentrySucceeded = true;
            } catch (bytes memory e) {
                reentryError = e;
            }
        }
    }
}
