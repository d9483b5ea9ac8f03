package suite

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// SignatureSize is the byte length of a signature R || S || V (spec/suite.md §8).
const SignatureSize = 65

// secp256k1N is the order of secp256k1.
func secp256k1N() *big.Int {
	n, _ := new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)
	return n
}

// Secp256k1HalfN returns n/2 of secp256k1, the largest S accepted (spec/suite.md §8).
func Secp256k1HalfN() *big.Int {
	return new(big.Int).Rsh(secp256k1N(), 1)
}

// Sign signs a 32-byte digest with RFC 6979 deterministic ECDSA over secp256k1 and
// returns R || S || V with low S and V ∈ {27, 28}.
func Sign(key *ecdsa.PrivateKey, digest [32]byte) ([SignatureSize]byte, error) {
	var out [SignatureSize]byte
	if key == nil {
		return out, fmt.Errorf("sign: %w", ErrNilKey)
	}
	sig, err := crypto.Sign(digest[:], key)
	if err != nil {
		return out, fmt.Errorf("sign: %w: %w", ErrBadSignature, err)
	}
	copy(out[:], sig)
	out[64] += 27
	if err := CheckSignature(out); err != nil {
		return [SignatureSize]byte{}, fmt.Errorf("sign produced a non-canonical signature: %w", err)
	}
	return out, nil
}

// CheckSignature checks the form of a signature without recovering: V ∈ {27, 28}
// (ErrBadV), 0 < R < n and 0 < S < n (ErrBadSignature) and S ≤ n/2 (ErrHighS).
func CheckSignature(sig [SignatureSize]byte) error {
	if v := sig[64]; v != 27 && v != 28 {
		return fmt.Errorf("signature V = %d: %w", v, ErrBadV)
	}
	n := secp256k1N()
	r := new(big.Int).SetBytes(sig[:32])
	s := new(big.Int).SetBytes(sig[32:64])
	if r.Sign() == 0 || r.Cmp(n) >= 0 {
		return fmt.Errorf("signature R out of range: %w", ErrBadSignature)
	}
	if s.Sign() == 0 || s.Cmp(n) >= 0 {
		return fmt.Errorf("signature S out of range: %w", ErrBadSignature)
	}
	if s.Cmp(Secp256k1HalfN()) > 0 {
		return fmt.Errorf("signature: %w", ErrHighS)
	}
	return nil
}

// Recover returns the address that signed digest, after CheckSignature. A signature that
// is well formed but recovers no key yields ErrBadSignature.
func Recover(digest [32]byte, sig [SignatureSize]byte) (common.Address, error) {
	if err := CheckSignature(sig); err != nil {
		return common.Address{}, err
	}
	raw := make([]byte, SignatureSize)
	copy(raw, sig[:])
	raw[64] -= 27
	pub, err := crypto.SigToPub(digest[:], raw)
	if err != nil {
		return common.Address{}, fmt.Errorf("recover: %w: %w", ErrBadSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// SignatureFromBytes copies a 65-byte slice into a signature array (ErrBadLength
// otherwise).
func SignatureFromBytes(b []byte) ([SignatureSize]byte, error) {
	var out [SignatureSize]byte
	if len(b) != SignatureSize {
		return out, fmt.Errorf("signature of %d bytes, want %d: %w", len(b), SignatureSize, ErrBadLength)
	}
	copy(out[:], b)
	return out, nil
}
