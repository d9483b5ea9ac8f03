package channel

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/podnet/podnet/impl/suite"
)

// Kind is one of the three channel constructions of seed 003 (spec/channel.md §2).
type Kind uint8

// The three constructions.
const (
	// KindClient (construction 1, Client_Open): the client deposits for itself.
	KindClient Kind = 1
	// KindDelegated (construction 2, Owner_OpenDelegated): an owner deposits on behalf of
	// one client key (payment delegation).
	KindDelegated Kind = 2
	// KindTree (construction 3, Owner_OpenTree): an owner deposits for a Merkle root of
	// client keys (many-to-one).
	KindTree Kind = 3
)

// String implements fmt.Stringer.
func (k Kind) String() string {
	switch k {
	case KindClient:
		return "client"
	case KindDelegated:
		return "delegated"
	case KindTree:
		return "tree"
	default:
		return fmt.Sprintf("kind(%d)", uint8(k))
	}
}

// Domain is what a receipt is bound to besides its channel: the chain and the channel
// contract (the EIP-712 domain of spec/suite.md §7).
type Domain struct {
	ChainID  *big.Int
	Contract common.Address
}

// Terms are the immutable terms of one channel. The contract does not store them: it
// hashes them into the channel id (spec/channel.md §3), and every party keeps them.
type Terms struct {
	Kind   Kind
	Owner  common.Address // the depositor (the client itself in construction 1)
	Server common.Address // the access server that is paid
	// Client is the delegated client key (construction 2); zero otherwise.
	Client common.Address
	// Root and Size are the owner's tree of client keys (construction 3); zero otherwise.
	Root [32]byte
	Size uint64
	// Expiry is the Unix time from which the owner may take an unclosed deposit back.
	Expiry uint64
	// OpenBlock is the number of the block that opened the channel.
	OpenBlock uint64
}

// Key is the key word of the channel id: zero (construction 1), the left-padded client
// address (construction 2) or the tree root (construction 3).
func (t Terms) Key() [32]byte {
	var k [32]byte
	switch t.Kind {
	case KindDelegated:
		copy(k[12:], t.Client[:])
	case KindTree:
		k = t.Root
	}
	return k
}

// Packed is the terms word: kind << 192 | size << 128 | openBlock << 64 | expiry.
func (t Terms) Packed() *big.Int {
	var w [32]byte
	w[7] = byte(t.Kind)
	putUint64(w[8:16], t.Size)
	putUint64(w[16:24], t.OpenBlock)
	putUint64(w[24:32], t.Expiry)
	return new(big.Int).SetBytes(w[:])
}

// ID is the channel id: keccak256(owner ‖ server ‖ key ‖ terms), each a 32-byte word
// (the contract's channelId).
func (t Terms) ID() [32]byte {
	var buf [128]byte
	copy(buf[12:32], t.Owner[:])
	copy(buf[44:64], t.Server[:])
	k := t.Key()
	copy(buf[64:96], k[:])
	t.Packed().FillBytes(buf[96:128])
	var id [32]byte
	copy(id[:], crypto.Keccak256(buf[:]))
	return id
}

// Signer is the one key that signs receipts in constructions 1 (the owner) and 2 (the
// delegated client). Construction 3 has many, proven by Merkle membership.
func (t Terms) Signer() common.Address {
	if t.Kind == KindClient {
		return t.Owner
	}
	return t.Client
}

// Validate checks the terms' shape (not the chain): a known kind, non-zero parties and
// the fields each construction uses.
func (t Terms) Validate() error {
	if t.Owner == (common.Address{}) || t.Server == (common.Address{}) {
		return fmt.Errorf("terms: zero owner or server: %w", ErrBadParameter)
	}
	switch t.Kind {
	case KindClient:
		if t.Client != (common.Address{}) || t.Root != ([32]byte{}) || t.Size != 0 {
			return fmt.Errorf("terms: construction 1 carries no client key or tree: %w", ErrBadParameter)
		}
	case KindDelegated:
		if t.Client == (common.Address{}) || t.Root != ([32]byte{}) || t.Size != 0 {
			return fmt.Errorf("terms: construction 2 needs a client key and no tree: %w", ErrBadParameter)
		}
	case KindTree:
		if t.Client != (common.Address{}) || t.Size == 0 || t.Size > suite.MaxFleetSize {
			return fmt.Errorf("terms: construction 3 needs a tree of 1..2^32 keys and no client: %w", ErrBadParameter)
		}
	default:
		return fmt.Errorf("terms: %v: %w", t.Kind, ErrBadParameter)
	}
	return nil
}

// Receipt is a client's signature on the cumulative amount the server may take from a
// channel (EIP-712 Receipt(bytes32 channelId,uint256 cumulative), spec/suite.md §7).
// In construction 3 it carries the signer's leaf index and Merkle proof.
type Receipt struct {
	Channel    [32]byte
	Cumulative *big.Int
	Sig        [suite.SignatureSize]byte
	Index      uint64     // construction 3: the signer's leaf index
	Proof      [][32]byte // construction 3: the signer's membership proof
}

// Digest is the EIP-712 digest a client signs for (channel, cumulative) in domain d.
func (d Domain) Digest(channel [32]byte, cumulative *big.Int) [32]byte {
	return suite.ReceiptDigest(d.ChainID, d.Contract, channel, cumulative)
}

// SignReceipt signs the receipt (channel, cumulative) with key.
func SignReceipt(d Domain, key *ecdsa.PrivateKey, channel [32]byte, cumulative *big.Int) (Receipt, error) {
	if key == nil || cumulative == nil || cumulative.Sign() <= 0 || d.ChainID == nil {
		return Receipt{}, fmt.Errorf("sign receipt: nil key or non-positive amount: %w", ErrBadParameter)
	}
	sig, err := suite.Sign(key, d.Digest(channel, cumulative))
	if err != nil {
		return Receipt{}, fmt.Errorf("sign receipt: %w", err)
	}
	return Receipt{Channel: channel, Cumulative: new(big.Int).Set(cumulative), Sig: sig}, nil
}

// VerifyReceipt checks that r is a receipt for the channel of terms t in domain d,
// signed by the channel's client key (constructions 1 and 2) or by a member of the
// owner's tree at r.Index (construction 3), and returns the signer. It does not look at
// the amount.
func VerifyReceipt(d Domain, t Terms, r Receipt) (common.Address, error) {
	if r.Channel != t.ID() {
		return common.Address{}, fmt.Errorf("receipt for %x, channel is %x: %w", r.Channel[:4], t.ID(), ErrWrongChannel)
	}
	if r.Cumulative == nil || r.Cumulative.Sign() <= 0 {
		return common.Address{}, fmt.Errorf("receipt for nothing: %w", ErrWrongAmount)
	}
	signer, err := suite.Recover(d.Digest(r.Channel, r.Cumulative), r.Sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %w", ErrBadReceiptSignature, err)
	}
	switch t.Kind {
	case KindClient, KindDelegated:
		if signer != t.Signer() {
			return common.Address{}, fmt.Errorf("signed by %s, want %s: %w", signer, t.Signer(), ErrWrongSigner)
		}
	case KindTree:
		if err := suite.VerifyFleet(t.Root, t.Size, r.Index, signer, r.Proof); err != nil {
			return common.Address{}, fmt.Errorf("signer %s at index %d: %w: %w", signer, r.Index, ErrWrongSigner, err)
		}
	default:
		return common.Address{}, fmt.Errorf("terms: %v: %w", t.Kind, ErrBadParameter)
	}
	return signer, nil
}

// compactSig splits a 65-byte R‖S‖V signature into EIP-2098's (r, vs): vs is S with
// the recovery bit (V − 27) in its top bit. Sound because S ≤ n/2 < 2^255 (low-s).
func compactSig(sig [suite.SignatureSize]byte) (r, vs [32]byte) {
	copy(r[:], sig[:32])
	copy(vs[:], sig[32:64])
	if sig[64] == 28 {
		vs[0] |= 0x80
	}
	return r, vs
}

func putUint64(b []byte, v uint64) {
	for i := 7; i >= 0; i-- {
		b[i] = byte(v)
		v >>= 8
	}
}

// addressOf returns the Ethereum address of key.
func addressOf(key *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(key.PublicKey) }
