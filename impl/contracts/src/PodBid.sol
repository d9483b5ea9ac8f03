// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @dev Length of the immutable arguments appended to every bid clone's runtime code.
uint256 constant BID_ARGS_LENGTH = 166;

/// @title PodBid: one proof-of-distribution bid (spec/contracts.md, step Contract_Claim).
/// @notice A vendor's deposit for one update U_id, paid to distributors per device that
/// signed the delivery of the update's lock. Deployed by UpdateFactory as an EIP-1167
/// minimal proxy whose runtime code carries the bid's parameters after the 45 proxy bytes
/// ("clone with immutable arguments"), so a bid costs the same to deploy for every fleet
/// size and reads its parameters without cold storage loads.
/// @dev Immutable arguments (packed, at code offset 0x2d of the clone):
///   [0,32) updateId | [32,64) packageId | [64,96) fleetRoot | [96,128) reward per device
///   [128,148) vendor | [148,156) expiry (uint64) | [156,164) fleetSize (uint64)
///   [164] lockType (0 hash lock, 1 point lock) | [165] fleetDepth.
/// Storage: slot w (w = index >> 8) holds the claimed bits of indices 256w .. 256w+255,
/// bit (index & 255). The contract has no other storage.
contract PodBid {
    /// @notice One delivery claim: the device's fleet index and address, the distributor's
    /// t and the derived r, and the device's EIP-712 Delivery signature (R, S, V).
    struct Claim {
        uint64 index;
        address device;
        bytes32 t;
        uint256 r;
        bytes32 sigR;
        bytes32 sigS;
        uint8 sigV;
    }

    /// @notice The implementation itself was called, not a clone made by the factory.
    error NotAClone();
    /// @notice The bid's expiry has passed: no more claims.
    error Expired();
    /// @notice The claim's device index is not below the fleet size.
    error IndexOutOfRange();
    /// @notice The device at this index was already paid for (also within one batch).
    error AlreadyClaimed(uint256 index);
    /// @notice A batch's indices are not strictly increasing.
    error BatchNotSorted();
    /// @notice A batch without claims.
    error EmptyBatch();
    /// @notice r = 0 is never a key.
    error ZeroKey();
    /// @notice r is not DeriveR(msg.sender, t): the claim was made for another distributor.
    error RNotDerived();
    /// @notice The device signature does not recover to the claimed device.
    error BadSignature();
    /// @notice The device signature's S is above n/2 (malleable form).
    error HighS();
    /// @notice The fleet proof does not lead to the bid's fleet root.
    error NotInFleet();
    /// @notice The fleet proof has not exactly the number of hashes the indices need.
    error BadProofLength();
    /// @notice Only the vendor can withdraw.
    error NotVendor();
    /// @notice The vendor can withdraw only after expiry.
    error NotExpired();
    /// @notice The transfer to the caller failed.
    error PaymentFailed();

    /// @notice A device's delivery was paid; r is the key it needs (Device_Install).
    event KeyRevealed(uint256 indexed deviceIndex, address indexed device, uint256 r);
    /// @notice The vendor took back the rest of the deposit after expiry.
    event Withdrawn(address indexed vendor, uint256 amount);

    uint256 private constant GROUP_ORDER =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;
    /// @dev 2^256 mod GROUP_ORDER, for the wide reduction of r (spec/suite.md section 5).
    uint256 private constant TWO_256_MOD_N = 0x0e0a77c19a07df2f666ea36f7879462e36fc76959f60cd29ac96341c4ffffffb;
    uint256 private constant SECP256K1_HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;
    /// @dev "podnet/r/v1" in the top 11 bytes of a word.
    uint256 private constant R_TAG = 0x706f646e65742f722f7631000000000000000000000000000000000000000000;
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant NAME_HASH = keccak256("podnet-bid");
    bytes32 private constant VERSION_HASH = keccak256("1");
    bytes32 private constant DELIVERY_TYPEHASH = keccak256("Delivery(bytes32 updateId,bytes32 lock)");

    address private immutable implementation;

    constructor() {
        implementation = address(this);
    }

    // ---------------------------------------------------------------- Contract_Claim

    /// @notice Claims the payment for one delivered device (spec/contracts.md).
    /// @param c the claim
    /// @param proof the fleet Merkle proof: exactly fleetDepth sibling hashes from the leaf up
    function claim(Claim calldata c, bytes32[] calldata proof) external {
        // The checks and effects of _check and the proof walk of _verifyFleet for one
        // device, written out in assembly: a single claim is the latency-critical path.
        // The batch path (claimBatch) shares the semantics; the tests run every rejection
        // through both.
        address impl = implementation;
        bytes32 domainTypehash = DOMAIN_TYPEHASH;
        bytes32 nameHash = NAME_HASH;
        bytes32 versionHash = VERSION_HASH;
        bytes32 deliveryTypehash = DELIVERY_TYPEHASH;
        assembly {
            function fail(selector) {
                mstore(0x00, shl(224, selector))
                revert(0x00, 0x04)
            }
            if eq(address(), impl) { fail(0x3ce914e4) } // NotAClone()
            let m := mload(0x40)
            extcodecopy(address(), m, 0x2d, BID_ARGS_LENGTH)
            let meta := mload(add(m, 148))
            if gt(timestamp(), shr(192, meta)) { fail(0x203d82d8) } // Expired()
            let i := calldataload(c)
            if iszero(lt(i, and(shr(128, meta), 0xffffffffffffffff))) { fail(0x1390f2a1) } // IndexOutOfRange()
            let bit := shl(and(i, 0xff), 1)
            let word := sload(shr(8, i))
            if and(word, bit) {
                mstore(0x00, shl(224, 0xb3167bfa)) // AlreadyClaimed(uint256)
                mstore(0x04, i)
                revert(0x00, 0x24)
            }
            sstore(shr(8, i), or(word, bit))
            let r := calldataload(add(c, 0x60))
            if iszero(r) { fail(0xfbd849c6) } // ZeroKey()
            {
                let w := or(R_TAG, caller())
                mstore(0x00, w)
                mstore(0x20, calldataload(add(c, 0x40)))
                let h0 := keccak256(0x00, 0x40)
                mstore(0x00, or(w, shl(160, 1)))
                let h1 := keccak256(0x00, 0x40)
                if iszero(eq(r, addmod(mulmod(h0, TWO_256_MOD_N, GROUP_ORDER), h1, GROUP_ORDER))) {
                    fail(0x25dc8e63) // RNotDerived()
                }
            }
            // m+0xc0.. is scratch from here on (the arguments above it are consumed).
            let lock
            switch and(shr(120, meta), 0xff)
            case 0 {
                mstore(0x00, r)
                if iszero(staticcall(gas(), 0x02, 0x00, 0x20, 0x00, 0x20)) { revert(0, 0) }
                lock := mload(0x00)
            }
            default {
                mstore(add(m, 0xc0), 1)
                mstore(add(m, 0xe0), 2)
                mstore(add(m, 0x100), r)
                if iszero(staticcall(gas(), 0x07, add(m, 0xc0), 0x60, add(m, 0xc0), 0x40)) { revert(0, 0) }
                lock := keccak256(add(m, 0xc0), 0x40)
            }
            // EIP-712: digest = keccak256(0x1901 || domainSeparator || hashStruct(Delivery)).
            mstore(add(m, 0xc0), domainTypehash)
            mstore(add(m, 0xe0), nameHash)
            mstore(add(m, 0x100), versionHash)
            mstore(add(m, 0x120), chainid())
            mstore(add(m, 0x140), address())
            let ds := keccak256(add(m, 0xc0), 0xa0)
            mstore(add(m, 0xc0), deliveryTypehash)
            mstore(add(m, 0xe0), mload(m)) // updateId
            mstore(add(m, 0x100), lock)
            let sh := keccak256(add(m, 0xc0), 0x60)
            mstore(add(m, 0xc0), shl(240, 0x1901))
            mstore(add(m, 0xc2), ds)
            mstore(add(m, 0xe2), sh)
            mstore(add(m, 0xc0), keccak256(add(m, 0xc0), 0x42))
            mstore(add(m, 0xe0), calldataload(add(c, 0xc0))) // v
            mstore(add(m, 0x100), calldataload(add(c, 0x80))) // R
            let s := calldataload(add(c, 0xa0))
            mstore(add(m, 0x120), s)
            mstore(0x00, 0)
            let ok := staticcall(gas(), 0x01, add(m, 0xc0), 0x80, 0x00, 0x20)
            let signer := mul(mload(0x00), and(ok, eq(returndatasize(), 0x20)))
            let device := calldataload(add(c, 0x20))
            if or(iszero(signer), iszero(eq(signer, device))) { fail(0x5cd5d233) } // BadSignature()
            if gt(s, SECP256K1_HALF_N) { fail(0x63376d6d) } // HighS()
            mstore(0x00, r)
            log3(0x00, 0x20, 0x0d583ceb0f6be945768230063e6b6453c6b9342c31cdf902929a621ed7ce93ac, i, device) // KeyRevealed
            // Fleet membership: the leaf from (i, device), then exactly depth siblings.
            let depth := and(shr(112, meta), 0xff)
            if iszero(eq(proof.length, depth)) { fail(0xc82db074) } // BadProofLength()
            mstore(0x00, or(shl(184, i), shl(24, device)))
            let h := keccak256(0x00, 29)
            mstore8(add(m, 0xc0), 1)
            {
                // Branch-free walk: bit j of i puts the running hash right (1) or left (0).
                let base := add(m, 0xc1)
                let j := i
                for {
                    let pp := proof.offset
                    let pend := add(pp, shl(5, depth))
                } lt(pp, pend) { pp := add(pp, 0x20) } {
                    let b := shl(5, and(j, 1))
                    mstore(add(base, b), h)
                    mstore(sub(add(base, 0x20), b), calldataload(pp))
                    h := keccak256(add(m, 0xc0), 0x41)
                    j := shr(1, j)
                }
            }
            if iszero(eq(h, mload(add(m, 64)))) { fail(0x1ce90db6) } // NotInFleet()
            if iszero(call(gas(), caller(), mload(add(m, 96)), 0, 0, 0, 0)) { fail(0xf499da20) } // PaymentFailed()
        }
    }

    /// @notice Claims the payments for several devices in one transaction, paid in one
    /// transfer after all state updates.
    /// @param cs the claims, by strictly increasing index
    /// @param proof the fleet multiproof for the indices of cs (spec/contracts.md)
    function claimBatch(Claim[] calldata cs, bytes32[] calldata proof) external {
        (bytes32 uid, bytes32 root, uint256 reward_, uint256 meta) = _args();
        if (block.timestamp > meta >> 192) revert Expired();
        if (cs.length == 0) revert EmptyBatch();
        uint256[] memory idx = new uint256[](cs.length);
        bytes32[] memory leaves = new bytes32[](cs.length);
        _checkAll(cs, uid, meta, idx, leaves);
        _verifyFleet(idx, leaves, proof, (meta >> 112) & 0xff, root);
        _pay(reward_ * cs.length);
    }

    /// @dev _check for every claim of a batch, collecting indices and leaves.
    function _checkAll(
        Claim[] calldata cs,
        bytes32 uid,
        uint256 meta,
        uint256[] memory idx,
        bytes32[] memory leaves
    ) private {
        bytes32 ds = _domainSeparator();
        uint256 next = 0;
        for (uint256 k = 0; k < cs.length; ++k) {
            (uint256 i, bytes32 leaf) = _check(cs[k], uid, ds, meta, next);
            idx[k] = i;
            leaves[k] = leaf;
            next = i + 1;
        }
    }

    /// @dev The per-device checks and effects, in the normative order; returns the index
    /// and the leaf recomputed from (index, device). `next` is the lowest index allowed
    /// (previous index + 1 in a batch). meta packs expiry | fleetSize | lockType | depth.
    function _check(Claim calldata c, bytes32 uid, bytes32 ds, uint256 meta, uint256 next)
        private
        returns (uint256 i, bytes32 leaf)
    {
        i = _mark(c, meta, next);
        uint256 r = _key(c);
        bytes32 lock = (meta >> 120) & 0xff == 0 ? _hashLock(r) : _pointLock(r);
        address device = _device(c, _digest(ds, uid, lock));
        emit KeyRevealed(i, device, r);
        leaf = _leaf(i, device);
    }

    /// @dev Index range, not yet claimed, batch order; then sets the claimed bit.
    function _mark(Claim calldata c, uint256 meta, uint256 next) private returns (uint256 i) {
        uint256 word;
        uint256 bit;
        assembly ("memory-safe") {
            i := calldataload(c)
            bit := shl(and(i, 0xff), 1)
        }
        if (i >= (meta >> 128) & 0xffffffffffffffff) revert IndexOutOfRange();
        assembly ("memory-safe") {
            word := sload(shr(8, i))
        }
        if (word & bit != 0) revert AlreadyClaimed(i);
        if (i < next) revert BatchNotSorted();
        assembly ("memory-safe") {
            sstore(shr(8, i), or(word, bit))
        }
    }

    /// @dev r != 0 and r = DeriveR(msg.sender, t).
    function _key(Claim calldata c) private view returns (uint256 r) {
        bytes32 t;
        assembly ("memory-safe") {
            r := calldataload(add(c, 0x60))
            t := calldataload(add(c, 0x40))
        }
        if (r == 0) revert ZeroKey();
        if (r != _deriveR(msg.sender, t)) revert RNotDerived();
    }

    /// @dev The device signature over digest recovers to the claimed device, with low s.
    function _device(Claim calldata c, bytes32 digest) private view returns (address device) {
        address signer;
        uint256 s;
        assembly ("memory-safe") {
            device := calldataload(add(c, 0x20))
            s := calldataload(add(c, 0xa0))
            let p := mload(0x40)
            mstore(p, digest)
            mstore(add(p, 0x20), calldataload(add(c, 0xc0)))
            mstore(add(p, 0x40), calldataload(add(c, 0x80)))
            mstore(add(p, 0x60), s)
            mstore(0x00, 0)
            let ok := staticcall(gas(), 0x01, p, 0x80, 0x00, 0x20)
            signer := mul(mload(0x00), and(ok, eq(returndatasize(), 0x20)))
        }
        if (signer == address(0) || signer != device) revert BadSignature();
        if (s > SECP256K1_HALF_N) revert HighS();
    }

    // ---------------------------------------------------------------- Vendor_Withdraw

    /// @notice The vendor takes back the whole remaining balance after expiry.
    function withdraw() external {
        address v = address(uint160(_word(128) >> 96));
        if (msg.sender != v) revert NotVendor();
        if (block.timestamp <= _word(148) >> 192) revert NotExpired();
        uint256 amount = address(this).balance;
        emit Withdrawn(msg.sender, amount);
        _pay(amount);
    }

    // ---------------------------------------------------------------- views

    /// @notice The update U_id this bid pays deliveries of.
    function updateId() external view returns (bytes32 v) {
        v = bytes32(_word(0));
    }

    /// @notice The package hash P_id distributors fetch.
    function packageId() external view returns (bytes32 v) {
        v = bytes32(_word(32));
    }

    /// @notice The fleet Merkle root (spec/suite.md section 9).
    function fleetRoot() external view returns (bytes32 v) {
        v = bytes32(_word(64));
    }

    /// @notice The payment per delivered device: deposit / fleetSize.
    function reward() external view returns (uint256 v) {
        v = _word(96);
    }

    /// @notice The vendor that published the bid.
    function vendor() external view returns (address v) {
        v = address(uint160(_word(128) >> 96));
    }

    /// @notice The last timestamp at which claims are accepted.
    function expiry() external view returns (uint64 v) {
        v = uint64(_word(148) >> 192);
    }

    /// @notice The number of devices N in the fleet.
    function fleetSize() external view returns (uint64 v) {
        v = uint64(_word(156) >> 192);
    }

    /// @notice 0 for the hash lock (paper mode), 1 for the point lock.
    function lockType() external view returns (uint8 v) {
        v = uint8(_word(164) >> 248);
    }

    /// @notice The fleet tree depth D = ceil(log2 N), the length of a single proof.
    function fleetDepth() external view returns (uint8 v) {
        v = uint8(_word(165) >> 248);
    }

    /// @notice Whether the device at index has been paid for.
    function isClaimed(uint256 index) external view returns (bool) {
        uint256 word;
        assembly ("memory-safe") {
            word := sload(shr(8, index))
        }
        return word & (1 << (index & 0xff)) != 0;
    }

    /// @notice The EIP-712 domain separator of this bid.
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparator();
    }

    /// @notice The EIP-712 digest a device signs for the delivery of lock.
    function deliveryDigest(bytes32 lock) external view returns (bytes32) {
        return _digest(_domainSeparator(), bytes32(_word(0)), lock);
    }

    /// @notice r = DeriveR(distributor, t) (spec/suite.md section 5).
    function deriveR(address distributor, bytes32 t) external pure returns (uint256) {
        return _deriveR(distributor, t);
    }

    /// @notice The lock of r under this bid's lock type (spec/suite.md section 6).
    function lockOf(uint256 r) external view returns (bytes32) {
        return uint8(_word(164) >> 248) == 0 ? _hashLock(r) : _pointLock(r);
    }

    /// @notice The fleet leaf of (index, device) (spec/suite.md section 9).
    function leafOf(uint64 index, address device) external pure returns (bytes32) {
        return _leaf(index, device);
    }

    // ---------------------------------------------------------------- internals

    /// @dev Reads the clone's immutable arguments: updateId, fleetRoot, reward and the word
    /// at offset 148 (expiry in bits 255..192, fleetSize 191..128, lockType 127..120,
    /// depth 119..112).
    function _args() private view returns (bytes32 uid, bytes32 root, uint256 reward_, uint256 meta) {
        if (address(this) == implementation) revert NotAClone();
        assembly ("memory-safe") {
            let m := mload(0x40)
            extcodecopy(address(), m, 0x2d, BID_ARGS_LENGTH)
            uid := mload(m)
            root := mload(add(m, 64))
            reward_ := mload(add(m, 96))
            meta := mload(add(m, 148))
        }
    }

    /// @dev The 32 bytes of the immutable arguments at offset off (zero-padded past the end).
    function _word(uint256 off) private view returns (uint256 w) {
        if (address(this) == implementation) revert NotAClone();
        assembly ("memory-safe") {
            mstore(0x00, 0)
            let len := sub(BID_ARGS_LENGTH, off)
            if gt(len, 32) { len := 32 }
            extcodecopy(address(), 0x00, add(0x2d, off), len)
            w := mload(0x00)
        }
    }

    function _domainSeparator() private view returns (bytes32 d) {
        bytes32 th = DOMAIN_TYPEHASH;
        bytes32 nh = NAME_HASH;
        bytes32 vh = VERSION_HASH;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, th)
            mstore(add(m, 0x20), nh)
            mstore(add(m, 0x40), vh)
            mstore(add(m, 0x60), chainid())
            mstore(add(m, 0x80), address())
            d := keccak256(m, 0xa0)
        }
    }

    /// @dev r = (keccak(tag||0x00||a||t) * 2^256 + keccak(tag||0x01||a||t)) mod n.
    function _deriveR(address a, bytes32 t) private pure returns (uint256 r) {
        assembly ("memory-safe") {
            let w := or(R_TAG, a)
            mstore(0x00, w)
            mstore(0x20, t)
            let h0 := keccak256(0x00, 0x40)
            mstore(0x00, or(w, shl(160, 1)))
            let h1 := keccak256(0x00, 0x40)
            r := addmod(mulmod(h0, TWO_256_MOD_N, GROUP_ORDER), h1, GROUP_ORDER)
        }
    }

    /// @dev lock = SHA-256(r) (paper mode), the precompile at 0x02.
    function _hashLock(uint256 r) private view returns (bytes32 s) {
        assembly ("memory-safe") {
            mstore(0x00, r)
            if iszero(staticcall(gas(), 0x02, 0x00, 0x20, 0x00, 0x20)) { revert(0, 0) }
            s := mload(0x00)
        }
    }

    /// @dev lock = keccak256(Sx || Sy) with S = r*G, G = (1, 2), the ecMul precompile at 0x07.
    function _pointLock(uint256 r) private view returns (bytes32 l) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 1)
            mstore(add(m, 0x20), 2)
            mstore(add(m, 0x40), r)
            if iszero(staticcall(gas(), 0x07, m, 0x60, m, 0x40)) { revert(0, 0) }
            l := keccak256(m, 0x40)
        }
    }

    /// @dev The EIP-712 digest of Delivery(updateId, lock) under domain separator ds.
    function _digest(bytes32 ds, bytes32 uid, bytes32 lock) private pure returns (bytes32 d) {
        bytes32 th = DELIVERY_TYPEHASH;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, th)
            mstore(add(m, 0x20), uid)
            mstore(add(m, 0x40), lock)
            let sh := keccak256(m, 0x60)
            mstore(m, shl(240, 0x1901))
            mstore(add(m, 0x02), ds)
            mstore(add(m, 0x22), sh)
            d := keccak256(m, 0x42)
        }
    }

    /// @dev leaf = keccak256(0x00 || uint64be(index) || device), 29 bytes.
    function _leaf(uint256 index, address device) private pure returns (bytes32 l) {
        assembly ("memory-safe") {
            mstore(0x00, or(shl(184, index), shl(24, device)))
            l := keccak256(0x00, 29)
        }
    }

    /// @dev Verifies the fleet multiproof of the leaves at strictly increasing indices idx.
    /// Level by level from the leaves up, each node is hashed with its sibling: the next
    /// node of the level when that is its sibling, else the next hash of proof. The proof
    /// must be consumed exactly and the last node must be the root.
    function _verifyFleet(
        uint256[] memory idx,
        bytes32[] memory leaves,
        bytes32[] calldata proof,
        uint256 depth,
        bytes32 root
    ) private pure {
        bool ok;
        bool lengthOk;
        assembly ("memory-safe") {
            let m := mload(0x40)
            let cnt := mload(idx)
            let ip := add(idx, 0x20)
            let hp := add(leaves, 0x20)
            let pp := proof.offset
            let pend := add(pp, shl(5, proof.length))
            for { let level := 0 } lt(level, depth) { level := add(level, 1) } {
                let w := 0
                for { let k := 0 } lt(k, cnt) {} {
                    let j := mload(add(ip, shl(5, k)))
                    let h := mload(add(hp, shl(5, k)))
                    let left := h
                    let right := 0
                    switch and(j, 1)
                    case 0 {
                        let k1 := add(k, 1)
                        let paired := 0
                        if lt(k1, cnt) { paired := eq(mload(add(ip, shl(5, k1))), add(j, 1)) }
                        switch paired
                        case 1 {
                            right := mload(add(hp, shl(5, k1)))
                            k := add(k, 2)
                        }
                        default {
                            right := calldataload(pp)
                            pp := add(pp, 0x20)
                            k := k1
                        }
                    }
                    default {
                        left := calldataload(pp)
                        pp := add(pp, 0x20)
                        right := h
                        k := add(k, 1)
                    }
                    mstore8(m, 1)
                    mstore(add(m, 0x01), left)
                    mstore(add(m, 0x21), right)
                    mstore(add(ip, shl(5, w)), shr(1, j))
                    mstore(add(hp, shl(5, w)), keccak256(m, 0x41))
                    w := add(w, 1)
                }
                cnt := w
            }
            lengthOk := eq(pp, pend)
            ok := and(eq(cnt, 1), eq(mload(hp), root))
        }
        if (!lengthOk) revert BadProofLength();
        if (!ok) revert NotInFleet();
    }

    /// @dev Sends amount to the caller, forwarding all gas and copying no return data.
    function _pay(uint256 amount) private {
        bool ok;
        assembly ("memory-safe") {
            ok := call(gas(), caller(), amount, 0, 0, 0, 0)
        }
        if (!ok) revert PaymentFailed();
    }
}
