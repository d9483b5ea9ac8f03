package suite

import (
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// MaxFleetSize bounds a fleet to 2^32 devices, so that the depth is at most 32.
const MaxFleetSize = 1 << 32

// MaxFleetDepth is the largest tree depth, the depth of a fleet of MaxFleetSize devices.
const MaxFleetDepth = 32

// FleetLeaf returns leaf_i = keccak256(0x00 || uint64be(i) || dev_i) (spec/suite.md §9).
func FleetLeaf(index uint64, device common.Address) [32]byte {
	var buf [29]byte
	buf[0] = 0x00
	binary.BigEndian.PutUint64(buf[1:9], index)
	copy(buf[9:], device[:])
	var out [32]byte
	copy(out[:], crypto.Keccak256(buf[:]))
	return out
}

// FleetNode returns keccak256(0x01 || left || right) (spec/suite.md §9).
func FleetNode(left, right [32]byte) [32]byte {
	var buf [65]byte
	buf[0] = 0x01
	copy(buf[1:33], left[:])
	copy(buf[33:], right[:])
	var out [32]byte
	copy(out[:], crypto.Keccak256(buf[:]))
	return out
}

// FleetDepth returns D = ceil(log2 size), 0 for size 1.
func FleetDepth(size uint64) int {
	if size <= 1 {
		return 0
	}
	return bits.Len64(size - 1)
}

// FleetTree is the vendor's Merkle commitment to its fleet (spec/suite.md §9). It keeps
// every level up to the last real node; the all-padding subtrees are the precomputed
// empty hashes, so building costs O(N) hashes and memory.
type FleetTree struct {
	size   uint64
	levels [][][32]byte // levels[0] = leaves, levels[depth] = {root}
	empty  [][32]byte   // empty[l] = root of an all-padding subtree of height l
}

// NewFleetTree builds the fleet tree of the devices, in index order. It returns
// ErrEmptyFleet for no devices and ErrFleetTooLarge above MaxFleetSize.
func NewFleetTree(devices []common.Address) (*FleetTree, error) {
	n := uint64(len(devices))
	if n == 0 {
		return nil, fmt.Errorf("fleet tree: %w", ErrEmptyFleet)
	}
	if n > MaxFleetSize {
		return nil, fmt.Errorf("fleet tree of %d devices: %w", n, ErrFleetTooLarge)
	}
	depth := FleetDepth(n)
	empty := make([][32]byte, depth+1)
	for l := 1; l <= depth; l++ {
		empty[l] = FleetNode(empty[l-1], empty[l-1])
	}
	levels := make([][][32]byte, depth+1)
	leaves := make([][32]byte, n)
	for i, d := range devices {
		leaves[i] = FleetLeaf(uint64(i), d)
	}
	levels[0] = leaves
	for l := 1; l <= depth; l++ {
		below := levels[l-1]
		width := (len(below) + 1) / 2
		cur := make([][32]byte, width)
		for j := 0; j < width; j++ {
			left := below[2*j]
			right := empty[l-1]
			if 2*j+1 < len(below) {
				right = below[2*j+1]
			}
			cur[j] = FleetNode(left, right)
		}
		levels[l] = cur
	}
	return &FleetTree{size: n, levels: levels, empty: empty}, nil
}

// Root returns the root of the tree.
func (t *FleetTree) Root() [32]byte { return t.levels[len(t.levels)-1][0] }

// Size returns N, the number of devices.
func (t *FleetTree) Size() uint64 { return t.size }

// Depth returns D = ceil(log2 N).
func (t *FleetTree) Depth() int { return len(t.levels) - 1 }

// Proof returns the D sibling hashes of device i, from the leaf up. It returns
// ErrIndexRange for i ≥ N.
func (t *FleetTree) Proof(i uint64) ([][32]byte, error) {
	if i >= t.size {
		return nil, fmt.Errorf("fleet proof for index %d of %d: %w", i, t.size, ErrIndexRange)
	}
	proof := make([][32]byte, t.Depth())
	idx := i
	for l := 0; l < t.Depth(); l++ {
		sib := idx ^ 1
		if sib < uint64(len(t.levels[l])) {
			proof[l] = t.levels[l][sib]
		} else {
			proof[l] = t.empty[l]
		}
		idx >>= 1
	}
	return proof, nil
}

// VerifyFleet checks that device is the device at index of the fleet with the given root
// and size. It recomputes the leaf from (index, device) and never accepts a leaf hash. It
// returns ErrIndexRange for index ≥ size (or size = 0), ErrProofLength when the proof is
// not exactly FleetDepth(size) hashes and ErrProofMismatch when the root differs.
func VerifyFleet(root [32]byte, size uint64, index uint64, device common.Address, proof [][32]byte) error {
	if size == 0 || size > MaxFleetSize || index >= size {
		return fmt.Errorf("fleet index %d of %d: %w", index, size, ErrIndexRange)
	}
	depth := FleetDepth(size)
	if len(proof) != depth {
		return fmt.Errorf("fleet proof of %d hashes, want %d: %w", len(proof), depth, ErrProofLength)
	}
	h := FleetLeaf(index, device)
	for l := 0; l < depth; l++ {
		if (index>>uint(l))&1 == 1 {
			h = FleetNode(proof[l], h)
		} else {
			h = FleetNode(h, proof[l])
		}
	}
	if h != root {
		return fmt.Errorf("fleet proof for index %d: %w", index, ErrProofMismatch)
	}
	return nil
}
