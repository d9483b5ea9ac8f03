// Package firmware encodes firmware images into BN254 scalar-field elements and
// implements the native side of podnet's symmetric cryptography: the Poseidon2
// sponge that gives U_id and the ciphertext hash, and the Poseidon2 counter-mode
// cipher keyed by a scalar (spec/suite.md sections 1-4).
//
// Every function here has a bit-for-bit twin in the circuits of package
// impl/zk; the tests there check the agreement.
package firmware

import (
	"errors"
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// ChunkBytes is the number of image bytes carried by one field element.
// 31 bytes are below 2^248 < n, so every chunk is a canonical element.
const ChunkBytes = 31

// Errors returned by [ClassFor], [ClassByName], [Encode] and [Decode]. They are
// wrapped with context; test them with errors.Is.
var (
	// ErrTooLarge: the image does not fit the largest (or the requested) class.
	ErrTooLarge = errors.New("firmware: image too large for the size class")
	// ErrUnknownClass: no size class has this name or this element count.
	ErrUnknownClass = errors.New("firmware: unknown size class")
	// ErrBadLength: the length prefix is not a valid byte length for the class.
	ErrBadLength = errors.New("firmware: bad length prefix")
	// ErrBadChunk: a data element is not below 2^248.
	ErrBadChunk = errors.New("firmware: chunk out of range")
	// ErrBadPadding: a padding byte or a padding element is not zero.
	ErrBadPadding = errors.New("firmware: non-zero padding")
)

// Class is a size class: one circuit and one set of keys per (mode, class).
// A class holds images of at most Bytes bytes.
type Class struct {
	// Name is the human name, e.g. "64B", "1KiB", "64KiB", "1MiB".
	Name string
	// Bytes is the capacity of the class in bytes (a power of two).
	Bytes int
}

const (
	minClassLog = 6  // 64 B
	maxClassLog = 20 // 1 MiB
)

// Classes returns every size class, smallest first: powers of two from 64 B
// (for tests) to 1 MiB.
func Classes() []Class {
	out := make([]Class, 0, maxClassLog-minClassLog+1)
	for l := minClassLog; l <= maxClassLog; l++ {
		out = append(out, classOf(1<<l))
	}
	return out
}

func classOf(b int) Class {
	var name string
	switch {
	case b >= 1<<20:
		name = fmt.Sprintf("%dMiB", b>>20)
	case b >= 1<<10:
		name = fmt.Sprintf("%dKiB", b>>10)
	default:
		name = fmt.Sprintf("%dB", b)
	}
	return Class{Name: name, Bytes: b}
}

// ClassFor returns the smallest class whose capacity is at least n bytes.
func ClassFor(n int) (Class, error) {
	if n < 0 {
		return Class{}, fmt.Errorf("%w: negative length %d", ErrBadLength, n)
	}
	for _, c := range Classes() {
		if n <= c.Bytes {
			return c, nil
		}
	}
	return Class{}, fmt.Errorf("%w: %d bytes > %d", ErrTooLarge, n, 1<<maxClassLog)
}

// ClassByName returns the class with the given name (e.g. "16KiB").
func ClassByName(name string) (Class, error) {
	for _, c := range Classes() {
		if c.Name == name {
			return c, nil
		}
	}
	return Class{}, fmt.Errorf("%w: %q", ErrUnknownClass, name)
}

// classByElements returns the largest class whose encoding has exactly n
// elements. The smallest classes share an element count (64 B, 128 B and
// 256 B all encode to 15 elements) and then have identical encodings and
// circuits; Decode bounds the length by the largest of them.
func classByElements(n int) (Class, error) {
	var found Class
	for _, c := range Classes() {
		if c.Elements() == n {
			found = c
		}
	}
	if found.Bytes == 0 {
		return Class{}, fmt.Errorf("%w: no class has %d elements", ErrUnknownClass, n)
	}
	return found, nil
}

// DataElements is the number of 31-byte chunk elements the class can carry.
func (c Class) DataElements() int {
	return (c.Bytes + ChunkBytes - 1) / ChunkBytes
}

// Elements is the number of field elements of an encoded image of this class:
// one length element, the chunk elements, then zero elements up to a multiple
// of the sponge rate [Rate].
func (c Class) Elements() int {
	n := 1 + c.DataElements()
	return (n + Rate - 1) / Rate * Rate
}

// String returns the class name.
func (c Class) String() string { return c.Name }

// Encode encodes image into exactly c.Elements() field elements (spec/suite.md
// section 1): element 0 is the byte length; then 31-byte chunks read as
// big-endian integers, the last one zero-padded on the right; then zero
// elements up to the class size.
func Encode(image []byte, c Class) ([]fr.Element, error) {
	if cc, err := ClassByName(c.Name); err != nil || cc != c {
		return nil, fmt.Errorf("%w: %q of %d bytes is not in the class table", ErrUnknownClass, c.Name, c.Bytes)
	}
	if len(image) > c.Bytes {
		return nil, fmt.Errorf("%w: %d bytes > class %s", ErrTooLarge, len(image), c.Name)
	}
	out := make([]fr.Element, c.Elements())
	out[0].SetUint64(uint64(len(image)))
	var buf [32]byte
	for i := 0; i*ChunkBytes < len(image); i++ {
		clear(buf[:])
		copy(buf[1:], image[i*ChunkBytes:min(len(image), (i+1)*ChunkBytes)])
		out[1+i].SetBytes(buf[:])
	}
	return out, nil
}

// Decode inverts [Encode]. The element count must be that of a class; it
// rejects a length above the class capacity, a chunk of 2^248 or more and any
// non-zero padding byte or element, so that Decode(Encode(x)) = x and every
// accepted encoding is the unique encoding of its image.
func Decode(elems []fr.Element) ([]byte, error) {
	if len(elems) == 0 {
		return nil, fmt.Errorf("%w: empty encoding", ErrUnknownClass)
	}
	c, err := classByElements(len(elems))
	if err != nil {
		return nil, err
	}
	if !elems[0].IsUint64() || elems[0].Uint64() > uint64(c.Bytes) {
		return nil, fmt.Errorf("%w: %s exceeds class %s", ErrBadLength, elems[0].String(), c.Name)
	}
	n := int(elems[0].Uint64())
	nChunks := (n + ChunkBytes - 1) / ChunkBytes
	out := make([]byte, 0, nChunks*ChunkBytes)
	for i := 1; i <= nChunks; i++ {
		b := elems[i].Bytes()
		if b[0] != 0 {
			return nil, fmt.Errorf("%w: element %d", ErrBadChunk, i)
		}
		out = append(out, b[1:]...)
	}
	for j, v := range out[n:] {
		if v != 0 {
			return nil, fmt.Errorf("%w: byte %d of the last chunk", ErrBadPadding, n+j)
		}
	}
	for i := 1 + nChunks; i < len(elems); i++ {
		if !elems[i].IsZero() {
			return nil, fmt.Errorf("%w: element %d", ErrBadPadding, i)
		}
	}
	return out[:n:n], nil
}
