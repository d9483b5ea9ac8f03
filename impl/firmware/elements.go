package firmware

import (
	"errors"
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// ErrBadElements: bytes that are not a sequence of canonical 32-byte
// big-endian field elements.
var ErrBadElements = errors.New("firmware: bad element bytes")

// MarshalElements encodes elements as consecutive 32-byte big-endian values
// (the byte form of an encoded image or a ciphertext on the wire and on disk).
func MarshalElements(elems []fr.Element) []byte {
	out := make([]byte, 0, len(elems)*fr.Bytes)
	for i := range elems {
		b := elems[i].Bytes()
		out = append(out, b[:]...)
	}
	return out
}

// UnmarshalElements inverts MarshalElements. It rejects a length that is not
// a multiple of 32 and any value not below n, so the encoding is unique.
func UnmarshalElements(b []byte) ([]fr.Element, error) {
	if len(b)%fr.Bytes != 0 {
		return nil, fmt.Errorf("%w: length %d is not a multiple of %d", ErrBadElements, len(b), fr.Bytes)
	}
	out := make([]fr.Element, len(b)/fr.Bytes)
	for i := range out {
		if err := out[i].SetBytesCanonical(b[i*fr.Bytes : (i+1)*fr.Bytes]); err != nil {
			return nil, fmt.Errorf("%w: element %d: %w", ErrBadElements, i, err)
		}
	}
	return out, nil
}
