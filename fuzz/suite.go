package fuzz

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/big"

	secp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	decredecdsa "github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/suite"
)

// bn254P is the base-field modulus of BN254 (spec/suite.md §10).
var bn254P, _ = new(big.Int).SetString("21888242871839275222246405745257275088696311157297823662689037894645226208583", 10)

// g1Reference is the decision of spec/suite.md §10 for a G1 encoding, computed with
// big integers: the error DecodeG1 must return (nil to accept).
func g1Reference(b []byte) error {
	if len(b) != suite.G1Size {
		return suite.ErrBadLength
	}
	x := new(big.Int).SetBytes(b[:32])
	y := new(big.Int).SetBytes(b[32:])
	if x.Cmp(bn254P) >= 0 || y.Cmp(bn254P) >= 0 {
		return suite.ErrNonCanonical
	}
	if x.Sign() == 0 && y.Sign() == 0 {
		return suite.ErrInfinity
	}
	lhs := new(big.Int).Exp(y, big.NewInt(2), bn254P)
	rhs := new(big.Int).Exp(x, big.NewInt(3), bn254P)
	rhs.Add(rhs, big.NewInt(3)).Mod(rhs, bn254P)
	if lhs.Cmp(rhs) != 0 {
		return suite.ErrNotOnCurve
	}
	return nil
}

var g1Sentinels = []error{suite.ErrBadLength, suite.ErrNonCanonical, suite.ErrInfinity, suite.ErrNotOnCurve}

// G1Decode checks suite.DecodeG1 on b against the big-integer reference of spec/suite.md
// §10: the same decision with the same error, in the spec's order; an accepted point
// re-encodes to b and is on the curve.
func G1Decode(b []byte) error {
	p, err := suite.DecodeG1(b)
	want := g1Reference(b)
	if err != nil {
		if e := exactlyOne("DecodeG1", err, g1Sentinels); e != nil {
			return e
		}
		if !errors.Is(err, want) {
			return violated("DecodeG1(%x) = %v, the spec says %v", b, err, want)
		}
		return nil
	}
	if want != nil {
		return violated("DecodeG1 accepted %x, the spec says %v", b, want)
	}
	if enc := suite.EncodeG1(p); !bytes.Equal(enc[:], b) {
		return violated("DecodeG1(%x) re-encodes to %x", b, enc)
	}
	if !p.IsOnCurve() || !p.IsInSubGroup() || p.IsInfinity() {
		return violated("DecodeG1 accepted a point outside the group: %x", b)
	}
	return nil
}

// ScalarDecode checks suite.DecodeScalar on b: BadLength for a length other than 32,
// ScalarRange exactly for a value not below n, and an accepted scalar re-encodes to b.
func ScalarDecode(b []byte) error {
	s, err := suite.DecodeScalar(b)
	var want error
	switch {
	case len(b) != suite.ScalarSize:
		want = suite.ErrBadLength
	case new(big.Int).SetBytes(b).Cmp(suite.Order()) >= 0:
		want = suite.ErrScalarRange
	}
	if err != nil {
		if e := exactlyOne("DecodeScalar", err, []error{suite.ErrBadLength, suite.ErrScalarRange}); e != nil {
			return e
		}
		if !errors.Is(err, want) {
			return violated("DecodeScalar(%x) = %v, want %v", b, err, want)
		}
		return nil
	}
	if want != nil {
		return violated("DecodeScalar accepted %x, want %v", b, want)
	}
	if enc := suite.EncodeScalar(s); !bytes.Equal(enc[:], b) {
		return violated("DecodeScalar(%x) re-encodes to %x", b, enc)
	}
	return nil
}

var secpN = crypto.S256().Params().N

// SigRecover checks suite.SignatureFromBytes, suite.CheckSignature and suite.Recover on
// data = digest (32 bytes) || signature. SignatureFromBytes rejects a signature of another
// length than 65 with BadLength. For 65 bytes, the checks of spec/suite.md §8 are applied
// in order (BadV, BadSignature for R or S out of range, HighS) and the signer is
// recovered independently with decred's secp256k1 (go-ethereum uses libsecp256k1 when
// built with cgo): Recover must fail exactly when the reference does, with the same
// error, and return the same address otherwise.
func SigRecover(data []byte) error {
	if len(data) < 32 {
		return nil
	}
	var digest [32]byte
	copy(digest[:], data)
	raw := data[32:]
	sig, err := suite.SignatureFromBytes(raw)
	if len(raw) != suite.SignatureSize {
		if !errors.Is(err, suite.ErrBadLength) {
			return violated("SignatureFromBytes of %d bytes: %v", len(raw), err)
		}
		return nil
	}
	if err != nil || !bytes.Equal(sig[:], raw) {
		return violated("SignatureFromBytes of 65 bytes: %x, %v", sig, err)
	}

	// The reference.
	var want error
	var wantAddr common.Address
	r := new(big.Int).SetBytes(raw[:32])
	s := new(big.Int).SetBytes(raw[32:64])
	v := raw[64]
	switch {
	case v != 27 && v != 28:
		want = suite.ErrBadV
	case r.Sign() == 0 || r.Cmp(secpN) >= 0 || s.Sign() == 0 || s.Cmp(secpN) >= 0:
		want = suite.ErrBadSignature
	case s.Cmp(suite.Secp256k1HalfN()) > 0:
		want = suite.ErrHighS
	}
	checkWant := want
	if want == nil {
		compact := append([]byte{v}, raw[:64]...)
		pub, _, rerr := decredecdsa.RecoverCompact(compact, digest[:])
		if rerr != nil {
			want = suite.ErrBadSignature
		} else {
			wantAddr = common.BytesToAddress(crypto.Keccak256(pub.SerializeUncompressed()[1:])[12:])
		}
	}

	if cerr := suite.CheckSignature(sig); !errors.Is(cerr, checkWant) || (cerr == nil) != (checkWant == nil) {
		return violated("CheckSignature(%x) = %v, the spec says %v", raw, cerr, checkWant)
	}
	addr, err := suite.Recover(digest, sig)
	if err != nil {
		if e := exactlyOne("Recover", err, signatureSentinels); e != nil {
			return e
		}
		if !errors.Is(err, want) {
			return violated("Recover(%x, %x) = %v, the reference says %v", digest, raw, err, want)
		}
		return nil
	}
	if want != nil {
		return violated("Recover accepted (%x, %x), the reference says %v", digest, raw, want)
	}
	if addr != wantAddr {
		return violated("Recover(%x, %x) = %s, the reference recovers %s", digest, raw, addr, wantAddr)
	}
	return nil
}

// SignRecover checks suite.Sign on data = key (32 bytes) || digest (32 bytes): for a
// valid key the signature is deterministic, low-s with V ∈ {27, 28}, verifies with
// decred's implementation and recovers the key's address with suite.Recover.
func SignRecover(data []byte) error {
	if len(data) < 64 {
		return nil
	}
	key, err := crypto.ToECDSA(data[:32])
	if err != nil {
		return nil // not a valid secp256k1 scalar
	}
	var digest [32]byte
	copy(digest[:], data[32:64])
	sig, err := suite.Sign(key, digest)
	if err != nil {
		return violated("Sign with a valid key: %v", err)
	}
	again, err := suite.Sign(key, digest)
	if err != nil || again != sig {
		return violated("Sign is not deterministic: %x vs %x (%v)", sig, again, err)
	}
	if err := suite.CheckSignature(sig); err != nil {
		return violated("Sign produced a signature CheckSignature rejects: %x: %v", sig, err)
	}
	want := crypto.PubkeyToAddress(key.PublicKey)
	if got, err := suite.Recover(digest, sig); err != nil || got != want {
		return violated("Recover(Sign(k, d)) = %s, %v; want %s", got, err, want)
	}
	var rs, ss secp.ModNScalar
	rs.SetByteSlice(sig[:32])
	ss.SetByteSlice(sig[32:64])
	pub, err := secp.ParsePubKey(crypto.FromECDSAPub(&key.PublicKey))
	if err != nil {
		return violated("decred cannot parse the public key: %v", err)
	}
	if !decredecdsa.NewSignature(&rs, &ss).Verify(digest[:], pub) {
		return violated("decred rejects Sign's signature %x", sig)
	}
	return nil
}

// fleetPool is the pool of device addresses fleets are built from (duplicates allowed,
// so that one address may sit at several indices).
var fleetPool = func() []common.Address {
	out := make([]common.Address, 8)
	for i := range out {
		out[i] = common.BytesToAddress(crypto.Keccak256([]byte("podnet/fuzz/fleet"), []byte{byte(i)}))
	}
	return out
}()

// FleetVerify checks suite.VerifyFleet against a real tree. The input chooses a fleet of
// 1–70 devices from a pool of 8 addresses, the size the verifier is told, the index and
// device claimed, and a proof: an honest proof of some index, then truncated, extended or
// with bytes flipped. VerifyFleet must accept exactly when the claim is honest: index
// below both sizes, both sizes of the same depth, device equal to the fleet's device at
// index and the proof equal to the tree's proof for index. (Accepting anything else would
// need a keccak256 collision.) With the tree's own size the error must be the spec's, in
// its order: IndexRange, ProofLength, ProofMismatch.
func FleetVerify(data []byte) error {
	in := newReader(data)
	n := 1 + int(in.byte())%70
	devs := make([]common.Address, n)
	for i := range devs {
		devs[i] = fleetPool[in.byte()%byte(len(fleetPool))]
	}
	tree, err := suite.NewFleetTree(devs)
	if err != nil {
		return violated("NewFleetTree(%d devices): %v", n, err)
	}
	size := uint64(n)
	switch in.byte() % 8 {
	case 0:
		size = uint64(n) + uint64(in.byte()%4) // a verifier told a larger size
	case 1:
		size = uint64(n) - uint64(in.byte())%uint64(n) // a smaller one (never 0 here)
	case 2:
		size = in.uint64() // anything, including 0 and above 2^32
	}
	var index uint64
	if in.byte()%8 == 0 {
		index = in.uint64()
	} else {
		index = uint64(in.byte()) % (uint64(n) + 2)
	}
	device := fleetPool[in.byte()%byte(len(fleetPool))]
	if in.byte()%4 == 0 && index < uint64(n) {
		device = devs[index]
	}
	if in.byte()%16 == 0 {
		copy(device[:], in.bytes(20))
	}
	// The proof: the honest proof of index or of another index, then mutated.
	pi := index
	if in.byte()%4 == 0 {
		pi = uint64(in.byte()) % uint64(n)
	}
	var proof [][32]byte
	if pi < uint64(n) {
		if proof, err = tree.Proof(pi); err != nil {
			return violated("Proof(%d) of %d: %v", pi, n, err)
		}
	} else if _, err := tree.Proof(pi); !errors.Is(err, suite.ErrIndexRange) {
		return violated("Proof(%d) of %d: %v, want IndexRange", pi, n, err)
	}
	for k := in.byte() % 4; k > 0 && !in.empty(); k-- {
		switch in.byte() % 4 {
		case 0:
			if len(proof) > 0 {
				proof = proof[:len(proof)-1]
			}
		case 1:
			var h [32]byte
			copy(h[:], in.bytes(32))
			proof = append(proof, h)
		case 2:
			if len(proof) > 0 {
				j := int(in.byte()) % len(proof)
				proof[j][in.byte()%32] ^= 1 << (in.byte() % 8)
			}
		case 3:
			if len(proof) > 1 {
				j := int(in.byte()) % (len(proof) - 1)
				proof[j], proof[j+1] = proof[j+1], proof[j]
			}
		}
	}

	err = suite.VerifyFleet(tree.Root(), size, index, device, proof)
	honestProof, _ := tree.Proof(index)
	honest := index < uint64(n) && index < size && size <= suite.MaxFleetSize &&
		suite.FleetDepth(size) == tree.Depth() && device == devs[index] && equalProof(proof, honestProof)
	if err == nil {
		if !honest {
			return violated("VerifyFleet accepted a dishonest claim: n=%d size=%d index=%d device=%s proof=%x", n, size, index, device, proof)
		}
		return nil
	}
	if e := exactlyOne("VerifyFleet", err, []error{suite.ErrIndexRange, suite.ErrProofLength, suite.ErrProofMismatch, suite.ErrFleetTooLarge, suite.ErrEmptyFleet}); e != nil {
		return e
	}
	if honest {
		return violated("VerifyFleet rejected an honest claim (%v): n=%d index=%d", err, n, index)
	}
	if size == uint64(n) {
		var want error
		switch {
		case index >= size:
			want = suite.ErrIndexRange
		case len(proof) != tree.Depth():
			want = suite.ErrProofLength
		default:
			want = suite.ErrProofMismatch
		}
		if !errors.Is(err, want) {
			return violated("VerifyFleet = %v, the spec says %v (n=%d index=%d proof of %d)", err, want, n, index, len(proof))
		}
	}
	return nil
}

func equalProof(a, b [][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// reader hands out the fuzz input byte by byte; past the end it returns zeros, so that
// every input, however short, is a complete scenario.
type reader struct {
	b []byte
}

func newReader(b []byte) *reader { return &reader{b: b} }

func (r *reader) empty() bool { return len(r.b) == 0 }

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) bytes(n int) []byte {
	out := make([]byte, n)
	k := copy(out, r.b)
	r.b = r.b[k:]
	return out
}

func (r *reader) uint64() uint64 { return binary.BigEndian.Uint64(r.bytes(8)) }
