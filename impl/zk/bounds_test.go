package zk

import (
	"encoding/binary"
	"errors"
	"testing"
)

// TestParseRejectsHostileLengths checks that length prefixes are bounded before gnark
// allocates: without checkProofLayout / checkVerifyingKeyLayout these inputs make gnark
// allocate 2^30 points and the process dies.
func TestParseRejectsHostileLengths(t *testing.T) {
	proof := func(k uint32, extra int) []byte {
		b := make([]byte, 128+4+extra)
		binary.BigEndian.PutUint32(b[128:], k)
		return b
	}
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"commitment count 2^30", proof(1<<30, 32)},
		{"two commitments", proof(2, 3*32)},
		{"length does not match the count", proof(1, 32)},
		{"trailing byte", proof(0, 33)},
	} {
		t.Run("proof/"+tc.name, func(t *testing.T) {
			if _, err := ParseProof(tc.in); !errors.Is(err, ErrBadProof) {
				t.Fatalf("err = %v, want ErrBadProof", err)
			}
		})
	}

	vk := func(m Mode, k uint32, tail []byte) []byte {
		b := make([]byte, 13+288+4)
		copy(b, vkMagic[:])
		b[8] = byte(m)
		binary.BigEndian.PutUint32(b[9:], 64)
		binary.BigEndian.PutUint32(b[13+288:], k)
		return append(b, tail...)
	}
	compressedK := func(n int) []byte {
		b := make([]byte, 32*n)
		for i := 0; i < n; i++ {
			b[32*i] = 0x80
		}
		return b
	}
	u32 := func(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
	nbK := nbPublic(HashLock) + 1
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"K length 2^30", vk(HashLock, 1<<30, nil)},
		{"K length off by one", vk(HashLock, uint32(nbK+1), compressedK(nbK+1))},
		{"K truncated", vk(HashLock, uint32(nbK), compressedK(nbK-1))},
		{"K point uncompressed", vk(HashLock, uint32(nbK), make([]byte, 32*nbK))},
		{"committed lists 2^30", vk(HashLock, uint32(nbK), append(compressedK(nbK), u32(1<<30)...))},
		{"committed list of 2^30", vk(HashLock, uint32(nbK), append(append(compressedK(nbK), u32(1)...), u32(1<<30)...))},
		{"two commitment keys", vk(HashLock, uint32(nbK), append(append(compressedK(nbK), u32(0)...), u32(2)...))},
		{"oversize", make([]byte, MaxVerifyingKeySize+1)},
	} {
		t.Run("vk/"+tc.name, func(t *testing.T) {
			if _, err := ParseVerifyingKey(tc.in); !errors.Is(err, ErrBadKey) {
				t.Fatalf("err = %v, want ErrBadKey", err)
			}
		})
	}
}
