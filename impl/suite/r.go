package suite

import (
	"crypto/sha256"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// RDomain is the domain-separation tag of the derivation of r (spec/suite.md §5).
const RDomain = "podnet/r/v1"

// LockType says which lock a delivery uses (spec/suite.md §6).
type LockType uint8

const (
	// LockHash is paper mode: lock = SHA-256(r).
	LockHash LockType = 0
	// LockPoint is point-lock mode: lock = keccak256(Sx || Sy) with S = r·G.
	LockPoint LockType = 1
)

// String returns "hash" or "point".
func (l LockType) String() string {
	switch l {
	case LockHash:
		return "hash"
	case LockPoint:
		return "point"
	default:
		return fmt.Sprintf("LockType(%d)", uint8(l))
	}
}

// Order returns a fresh copy of n, the order of BN254 G1 and the modulus of Fr.
func Order() *big.Int { return fr.Modulus() }

// twoTo256ModN is 2^256 mod n, computed once per call to keep the package free of globals.
func twoTo256ModN(n *big.Int) *big.Int {
	v := new(big.Int).Lsh(big.NewInt(1), 256)
	return v.Mod(v, n)
}

// DeriveR derives the decryption key r for a distributor address and a 32-byte t by the
// wide reduction of spec/suite.md §5: r = (h0·2^256 + h1) mod n with
// h_b = keccak256("podnet/r/v1" || b || distributor || t). It returns ErrZeroKey when r = 0.
func DeriveR(distributor common.Address, t [32]byte) (*big.Int, error) {
	r, err := reduceWide(rHalf(0, distributor, t), rHalf(1, distributor, t))
	if err != nil {
		return nil, fmt.Errorf("deriving r for %s: %w", distributor, err)
	}
	return r, nil
}

// reduceWide returns (h0·2^256 + h1) mod n, or ErrZeroKey when that is zero.
func reduceWide(h0, h1 [32]byte) (*big.Int, error) {
	wide := new(big.Int).SetBytes(append(h0[:], h1[:]...))
	r := wide.Mod(wide, fr.Modulus())
	if r.Sign() == 0 {
		return nil, ErrZeroKey
	}
	return r, nil
}

// DeriveREVM computes r the way the contracts do (addmod/mulmod with operands below
// 2^256); it must equal DeriveR and exists so that the tests can check the two agree.
func DeriveREVM(distributor common.Address, t [32]byte) *big.Int {
	n := fr.Modulus()
	h0 := rHalf(0, distributor, t)
	h1 := rHalf(1, distributor, t)
	a := new(big.Int).SetBytes(h0[:])
	b := new(big.Int).SetBytes(h1[:])
	a.Mod(a, n)
	b.Mod(b, n)
	a.Mul(a, twoTo256ModN(n))
	a.Mod(a, n)
	a.Add(a, b)
	return a.Mod(a, n)
}

func rHalf(b byte, distributor common.Address, t [32]byte) [32]byte {
	buf := make([]byte, 0, 64)
	buf = append(buf, RDomain...)
	buf = append(buf, b)
	buf = append(buf, distributor[:]...)
	buf = append(buf, t[:]...)
	var h [32]byte
	copy(h[:], crypto.Keccak256(buf))
	return h
}

// RBytes encodes r as 32 bytes big-endian. r must be in [0, 2^256); larger values are
// truncated to their low 256 bits, which never happens for an r from DeriveR.
func RBytes(r *big.Int) [32]byte {
	var out [32]byte
	if r == nil {
		return out
	}
	r.FillBytes(out[:])
	return out
}

// RScalar returns r as an Fr element (r < n for every r from DeriveR).
func RScalar(r *big.Int) fr.Element {
	var e fr.Element
	e.SetBigInt(r)
	return e
}

// HashLock returns the paper-mode lock s = SHA-256(r) of the 32-byte big-endian r
// (spec/suite.md §5, §6).
func HashLock(r *big.Int) [32]byte {
	b := RBytes(r)
	return sha256.Sum256(b[:])
}

// PointLockPoint returns S = r·G on BN254 G1 (spec/suite.md §5).
func PointLockPoint(r *big.Int) bn254.G1Affine {
	var s bn254.G1Affine
	s.ScalarMultiplicationBase(r)
	return s
}

// PointLock returns the point-mode lock keccak256(Sx || Sy) (spec/suite.md §6).
func PointLock(s bn254.G1Affine) [32]byte {
	enc := EncodeG1(s)
	var out [32]byte
	copy(out[:], crypto.Keccak256(enc[:]))
	return out
}

// Lock returns the lock of r for the given lock type: HashLock for LockHash and
// PointLock(PointLockPoint(r)) for LockPoint. It rejects r = 0 (ErrZeroKey), r ≥ n or
// r < 0 (ErrScalarRange) and an unknown lock type (ErrLockType).
func Lock(lt LockType, r *big.Int) ([32]byte, error) {
	if r == nil {
		return [32]byte{}, fmt.Errorf("lock: %w", ErrNilKey)
	}
	if r.Sign() < 0 || r.Cmp(fr.Modulus()) >= 0 {
		return [32]byte{}, fmt.Errorf("lock: %w", ErrScalarRange)
	}
	if r.Sign() == 0 {
		return [32]byte{}, fmt.Errorf("lock: %w", ErrZeroKey)
	}
	switch lt {
	case LockHash:
		return HashLock(r), nil
	case LockPoint:
		return PointLock(PointLockPoint(r)), nil
	default:
		return [32]byte{}, fmt.Errorf("lock type %d: %w", uint8(lt), ErrLockType)
	}
}
