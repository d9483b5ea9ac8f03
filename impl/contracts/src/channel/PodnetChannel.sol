// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title PodnetChannel: one-way payment channels paying an access server (spec/channel.md)
/// @notice One contract holds every channel. A channel pays one access server from a
/// deposit against the single latest cumulative receipt signed by a client key:
///  - construction 1 (Client_Open): the client deposits for itself;
///  - construction 2 (Owner_OpenDelegated): an owner deposits on behalf of one client key;
///  - construction 3 (Owner_OpenTree): an owner deposits for a Merkle root of client keys
///    (the fleet tree of spec/suite.md section 9), any of which may sign the receipt.
/// Server_Close pays `cumulative` to the server and leaves the rest to the owner, who
/// takes it with Owner_Refund at once; an unclosed channel is refunded after its expiry.
/// @dev Gas: a channel is one storage slot. Its immutable terms (owner, server, client
/// key or root, expiry, tree size, opening block, construction) are not stored: they are
/// hashed into the channel id, and close/refund pass them again as calldata. The slot holds
/// the amount the owner is owed (the deposit while open, the remainder once closed) and a
/// closed flag; Owner_Refund deletes it (a gas refund). The opening block is part of the
/// id and a slot is only deleted in a later block (a refund after close requires a later
/// block, a refund after expiry a later timestamp), so an id is never reused: a settled
/// channel cannot be reopened and no receipt replays across channels.
contract PodnetChannel {
    /// @notice Construction 1: the client deposited for itself.
    uint8 public constant KIND_CLIENT = 1;
    /// @notice Construction 2: an owner deposited on behalf of one client key.
    uint8 public constant KIND_DELEGATED = 2;
    /// @notice Construction 3: an owner deposited for a Merkle root of client keys.
    uint8 public constant KIND_TREE = 3;

    /// @dev Bit 255 of a channel slot: the channel was closed by its server.
    uint256 private constant CLOSED = 1 << 255;
    /// @dev Low 128 bits of a channel slot: what the owner is owed.
    uint256 private constant OWED_MASK = type(uint128).max;
    /// @dev secp256k1 n / 2: the largest accepted S (spec/suite.md section 8).
    uint256 private constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;
    /// @dev keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")
    bytes32 private constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    /// @dev keccak256("Receipt(bytes32 channelId,uint256 cumulative)") (spec/suite.md section 7)
    bytes32 private constant RECEIPT_TYPEHASH = keccak256("Receipt(bytes32 channelId,uint256 cumulative)");
    /// @dev The largest fleet-tree size (spec/suite.md section 9: depth at most 32).
    uint256 private constant MAX_TREE_SIZE = 1 << 32;

    /// @dev The domain separator for the chain id the contract was deployed on.
    bytes32 private immutable cachedDomainSeparator;
    /// @dev The chain id cachedDomainSeparator was computed for.
    uint256 private immutable cachedChainId;

    /// @notice Channel state by channel id: CLOSED flag | amount owed to the owner.
    mapping(bytes32 id => uint256 state) public channels;

    // No events (gas: a LOG2 costs 1,381 gas, 3.5% of a close): the opener learns the id from
    // channelId and the block of its transaction and hands the terms to the server
    // off-chain; every party reads a channel's state with channels(id).

    /// @notice The deposit is zero.
    error ZeroDeposit();
    /// @notice The deposit does not fit in 128 bits.
    error DepositTooLarge();
    /// @notice The server or the client key is the zero address.
    error ZeroAddress();
    /// @notice The expiry is not after the current block's timestamp.
    error ExpiryNotInFuture();
    /// @notice Construction 3 with an empty tree or one above 2^32 keys.
    error BadTreeSize();
    /// @notice A channel with these terms was already opened in this block.
    error ChannelExists();
    /// @notice No channel has these terms (never opened, or settled and deleted).
    error UnknownChannel();
    /// @notice The channel was already closed.
    error ChannelClosed();
    /// @notice Refund of a closed channel in the block that opened it.
    error SameBlock();
    /// @notice The terms name another construction than the entry point serves.
    error WrongKind();
    /// @notice A receipt for nothing.
    error ZeroCumulative();
    /// @notice The receipt's cumulative amount exceeds the deposit.
    error OverDeposit();
    /// @notice The receipt's S is above n/2.
    error HighS();
    /// @notice The receipt's signature recovers no key.
    error InvalidSignature();
    /// @notice The receipt was not signed by the channel's client key.
    error WrongSigner();
    /// @notice Construction 3: the leaf index is not below the tree size.
    error IndexOutOfRange();
    /// @notice Construction 3: the proof does not have exactly ceil(log2 size) hashes.
    error BadProofLength();
    /// @notice Construction 3: the signer is not in the tree at that index.
    error NotMember();
    /// @notice Refund of an open channel before its expiry.
    error NotExpired();
    /// @notice A payment could not be sent.
    error TransferFailed();

    constructor() {
        cachedChainId = block.chainid;
        cachedDomainSeparator = _domainSeparator();
    }

    // ------------------------------------------------------------------ open

    /// @notice Client_Open (construction 1): the sender deposits msg.value for itself; it is
    /// both the owner and the client key, and the key word of its id is zero.
    /// @return id the channel id, channelId(sender, server, 0, terms)
    function openClient(address server, uint64 expiry) external payable returns (bytes32 id) {
        return _open(server, bytes32(0), expiry, 0, KIND_CLIENT);
    }

    /// @notice Owner_OpenDelegated (construction 2): the sender deposits msg.value on behalf
    /// of the client key `client` (payment delegation).
    function openDelegated(address server, address client, uint64 expiry) external payable returns (bytes32 id) {
        if (client == address(0)) revert ZeroAddress();
        return _open(server, bytes32(uint256(uint160(client))), expiry, 0, KIND_DELEGATED);
    }

    /// @notice Owner_OpenTree (construction 3): the sender deposits msg.value for the
    /// client keys committed to by the fleet-tree root `root` of `size` keys.
    function openTree(address server, bytes32 root, uint64 size, uint64 expiry)
        external
        payable
        returns (bytes32 id)
    {
        if (size == 0 || size > MAX_TREE_SIZE) revert BadTreeSize();
        return _open(server, root, expiry, size, KIND_TREE);
    }

    function _open(address server, bytes32 key, uint64 expiry, uint64 size, uint8 kind) private returns (bytes32 id) {
        if (msg.value == 0) revert ZeroDeposit();
        if (msg.value > OWED_MASK) revert DepositTooLarge();
        if (server == address(0)) revert ZeroAddress();
        if (expiry <= block.timestamp) revert ExpiryNotInFuture();
        id = channelId(msg.sender, server, key, packTerms(expiry, uint64(block.number), size, kind));
        if (channels[id] != 0) revert ChannelExists();
        channels[id] = msg.value;
    }

    // ------------------------------------------------------------------ close

    /// @notice Server_Close for constructions 1 and 2: the sender (the server) closes the
    /// channel with the single latest receipt `(cumulative, r, vs)` (EIP-2098 compact
    /// signature) and is paid `cumulative`. `client` is the delegated client key
    /// (construction 2) or zero (construction 1, where the owner signs).
    function close(address owner, address client, uint256 terms, uint256 cumulative, bytes32 r, bytes32 vs)
        external
    {
        uint8 kind = uint8(terms >> 192);
        if (kind != (client == address(0) ? KIND_CLIENT : KIND_DELEGATED)) revert WrongKind();
        bytes32 id = channelId(owner, msg.sender, bytes32(uint256(uint160(client))), terms);
        if (_recover(id, cumulative, r, vs) != (client == address(0) ? owner : client)) revert WrongSigner();
        _settle(id, cumulative);
    }

    /// @notice Server_Close for construction 3: as close, with the signer's leaf `index`
    /// and Merkle `proof` in the owner's tree `root`.
    function closeTree(
        address owner,
        bytes32 root,
        uint256 terms,
        uint256 cumulative,
        bytes32 r,
        bytes32 vs,
        uint256 index,
        bytes32[] calldata proof
    ) external {
        if (uint8(terms >> 192) != KIND_TREE) revert WrongKind();
        bytes32 id = channelId(owner, msg.sender, root, terms);
        address signer = _recover(id, cumulative, r, vs);
        _verifyMember(root, uint64(terms >> 128), index, signer, proof);
        _settle(id, cumulative);
    }

    function _settle(bytes32 id, uint256 cumulative) private {
        uint256 state = channels[id];
        if (state == 0) revert UnknownChannel();
        if (state & CLOSED != 0) revert ChannelClosed();
        if (cumulative == 0) revert ZeroCumulative();
        if (cumulative > state) revert OverDeposit();
        unchecked {
            channels[id] = CLOSED | (state - cumulative);
        }
        _pay(msg.sender, cumulative);
    }

    // ------------------------------------------------------------------ refund

    /// @notice Owner_Refund: the sender (the owner; the client itself in construction 1,
    /// with key zero) takes back what it is owed: the remainder at once after a close, the
    /// whole deposit after the expiry of a channel that was never closed.
    function refund(address server, bytes32 key, uint256 terms) external {
        bytes32 id = channelId(msg.sender, server, key, terms);
        uint256 state = channels[id];
        if (state == 0) revert UnknownChannel();
        if (state & CLOSED == 0) {
            if (block.timestamp < uint64(terms)) revert NotExpired();
        } else if (block.number <= uint64(terms >> 64)) {
            revert SameBlock();
        }
        uint256 amount = state & OWED_MASK;
        delete channels[id];
        _pay(msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    /// @notice The channel id: keccak256(abi.encode(owner, server, key, terms)), where key is
    /// the client address (left-padded) or the tree root.
    function channelId(address owner, address server, bytes32 key, uint256 terms) public pure returns (bytes32 id) {
        assembly ("memory-safe") {
            let p := mload(0x40)
            mstore(p, owner)
            mstore(add(p, 0x20), server)
            mstore(add(p, 0x40), key)
            mstore(add(p, 0x60), terms)
            id := keccak256(p, 0x80)
        }
    }

    /// @notice terms = kind << 192 | size << 128 | openBlock << 64 | expiry.
    function packTerms(uint64 expiry, uint64 openBlock, uint64 size, uint8 kind) public pure returns (uint256) {
        return (uint256(kind) << 192) | (uint256(size) << 128) | (uint256(openBlock) << 64) | uint256(expiry);
    }

    /// @notice The EIP-712 domain separator of this contract on the current chain.
    function domainSeparator() public view returns (bytes32) {
        return block.chainid == cachedChainId ? cachedDomainSeparator : _domainSeparator();
    }

    /// @notice The EIP-712 digest a client signs: Receipt(bytes32 channelId,uint256 cumulative).
    function receiptDigest(bytes32 id, uint256 cumulative) public view returns (bytes32 digest) {
        bytes32 ds = domainSeparator();
        bytes32 th = RECEIPT_TYPEHASH;
        assembly ("memory-safe") {
            let p := mload(0x40)
            mstore(p, th)
            mstore(add(p, 0x20), id)
            mstore(add(p, 0x40), cumulative)
            let sh := keccak256(p, 0x60)
            mstore(p, 0x1901)
            mstore(add(p, 0x20), ds)
            mstore(add(p, 0x40), sh)
            digest := keccak256(add(p, 0x1e), 0x42)
        }
    }

    // ------------------------------------------------------------------ internals

    function _domainSeparator() private view returns (bytes32) {
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("podnet-channel"), keccak256("1"), block.chainid, address(this))
        );
    }

    /// @dev Recovers the signer of the receipt (id, cumulative) from the EIP-2098 compact
    /// signature (r, vs): s = vs with its top bit cleared, v = 27 + top bit.
    function _recover(bytes32 id, uint256 cumulative, bytes32 r, bytes32 vs) private view returns (address signer) {
        uint256 s = uint256(vs) & ((1 << 255) - 1);
        if (s > HALF_N) revert HighS();
        uint8 v = uint8(uint256(vs) >> 255) + 27;
        signer = ecrecover(receiptDigest(id, cumulative), v, r, bytes32(s));
        if (signer == address(0)) revert InvalidSignature();
    }

    /// @dev The fleet-tree membership check of spec/suite.md section 9: the leaf is
    /// recomputed from (index, signer), never taken from the caller.
    function _verifyMember(bytes32 root, uint64 size, uint256 index, address signer, bytes32[] calldata proof)
        private
        pure
    {
        if (index >= size) revert IndexOutOfRange();
        uint256 depth;
        while ((uint256(1) << depth) < size) {
            unchecked {
                ++depth;
            }
        }
        if (proof.length != depth) revert BadProofLength();
        bytes32 h = keccak256(abi.encodePacked(bytes1(0x00), uint64(index), signer));
        for (uint256 i; i < depth;) {
            bytes32 sib = proof[i];
            h = (index >> i) & 1 == 1
                ? keccak256(abi.encodePacked(bytes1(0x01), sib, h))
                : keccak256(abi.encodePacked(bytes1(0x01), h, sib));
            unchecked {
                ++i;
            }
        }
        if (h != root) revert NotMember();
    }

    /// @dev Sends amount to `to` with all the gas left, copying no return data.
    function _pay(address to, uint256 amount) private {
        bool ok;
        assembly ("memory-safe") {
            ok := call(gas(), to, amount, 0, 0, 0, 0)
        }
        if (!ok) revert TransferFailed();
    }
}
