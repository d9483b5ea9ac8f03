package suite

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// G1Size is the byte length of an encoded BN254 G1 point (spec/suite.md §10).
const G1Size = 64

// ScalarSize is the byte length of an encoded scalar (spec/suite.md §10).
const ScalarSize = 32

// EncodeG1 encodes a G1 point as x || y, each 32 bytes big-endian; infinity is (0, 0)
// (spec/suite.md §10).
func EncodeG1(p bn254.G1Affine) [G1Size]byte {
	var out [G1Size]byte
	x := p.X.Bytes()
	y := p.Y.Bytes()
	copy(out[:32], x[:])
	copy(out[32:], y[:])
	return out
}

// DecodeG1 decodes a 64-byte G1 point. It rejects a wrong length (ErrBadLength), a
// coordinate not below p (ErrNonCanonical), the point at infinity (ErrInfinity) and a point
// off the curve (ErrNotOnCurve). BN254 G1 has cofactor 1, so every point on the curve is in
// the prime-order group.
func DecodeG1(b []byte) (bn254.G1Affine, error) {
	var p bn254.G1Affine
	if len(b) != G1Size {
		return p, fmt.Errorf("G1 point of %d bytes, want %d: %w", len(b), G1Size, ErrBadLength)
	}
	var x, y fp.Element
	if err := x.SetBytesCanonical(b[:32]); err != nil {
		return p, fmt.Errorf("G1 x coordinate: %w", ErrNonCanonical)
	}
	if err := y.SetBytesCanonical(b[32:]); err != nil {
		return p, fmt.Errorf("G1 y coordinate: %w", ErrNonCanonical)
	}
	p.X, p.Y = x, y
	if p.IsInfinity() {
		return p, fmt.Errorf("G1 point: %w", ErrInfinity)
	}
	if !p.IsOnCurve() {
		return p, fmt.Errorf("G1 point: %w", ErrNotOnCurve)
	}
	return p, nil
}

// EncodeScalar encodes a scalar as 32 bytes big-endian (spec/suite.md §10).
func EncodeScalar(s fr.Element) [ScalarSize]byte {
	return s.Bytes()
}

// DecodeScalar decodes a 32-byte big-endian scalar, rejecting a wrong length
// (ErrBadLength) and a value not below n (ErrScalarRange).
func DecodeScalar(b []byte) (fr.Element, error) {
	var s fr.Element
	if len(b) != ScalarSize {
		return s, fmt.Errorf("scalar of %d bytes, want %d: %w", len(b), ScalarSize, ErrBadLength)
	}
	if err := s.SetBytesCanonical(b); err != nil {
		return s, fmt.Errorf("scalar: %w", ErrScalarRange)
	}
	return s, nil
}

// CheckPointLockOffer checks the point-lock relation c·G = K + S of spec/pod.md
// (Device_Commit, point-lock mode). It returns ErrInfinity for S or K at infinity and ErrPointRelation when the relation fails.
func CheckPointLockOffer(c fr.Element, k, s bn254.G1Affine) error {
	if k.IsInfinity() || s.IsInfinity() {
		return fmt.Errorf("point-lock offer: %w", ErrInfinity)
	}
	var lhs, rhs bn254.G1Affine
	cb := c.BigInt(new(big.Int))
	lhs.ScalarMultiplicationBase(cb)
	rhs.Add(&k, &s)
	if !lhs.Equal(&rhs) {
		return fmt.Errorf("point-lock offer: %w", ErrPointRelation)
	}
	return nil
}
