package suite

import (
	"encoding/binary"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func fleet(n int) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], uint64(i))
		out[i] = common.BytesToAddress(crypto.Keccak256(b[:])[12:])
	}
	return out
}

func TestFleetTreeByHand(t *testing.T) {
	devs := fleet(3)
	tree, err := NewFleetTree(devs)
	require.NoError(t, err)
	leaf := func(i int) [32]byte {
		b := append([]byte{0}, make([]byte, 8)...)
		binary.BigEndian.PutUint64(b[1:], uint64(i))
		var h [32]byte
		copy(h[:], crypto.Keccak256(append(b, devs[i][:]...)))
		return h
	}
	node := func(l, r [32]byte) [32]byte {
		var h [32]byte
		copy(h[:], crypto.Keccak256([]byte{1}, l[:], r[:]))
		return h
	}
	root := node(node(leaf(0), leaf(1)), node(leaf(2), [32]byte{}))
	require.Equal(t, root, tree.Root())
	require.Equal(t, 2, tree.Depth())
	require.Equal(t, uint64(3), tree.Size())
	p, err := tree.Proof(2)
	require.NoError(t, err)
	require.Equal(t, [][32]byte{{}, node(leaf(0), leaf(1))}, p)

	one, err := NewFleetTree(devs[:1])
	require.NoError(t, err)
	require.Equal(t, leaf(0), one.Root())
	require.Equal(t, 0, one.Depth())
	require.NoError(t, VerifyFleet(one.Root(), 1, 0, devs[0], nil))
}

func TestFleetProofsProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 70).Draw(rt, "n")
		devs := fleet(n)
		tree, err := NewFleetTree(devs)
		if err != nil {
			rt.Fatal(err)
		}
		root := tree.Root()
		for i := 0; i < n; i++ {
			p, err := tree.Proof(uint64(i))
			if err != nil {
				rt.Fatal(err)
			}
			if err := VerifyFleet(root, uint64(n), uint64(i), devs[i], p); err != nil {
				rt.Fatalf("index %d: %v", i, err)
			}
			for j := 0; j < n; j++ {
				if j == i {
					continue
				}
				// Every other index, with the device moved there or with its own device.
				if VerifyFleet(root, uint64(n), uint64(j), devs[i], p) == nil || VerifyFleet(root, uint64(n), uint64(j), devs[j], p) == nil {
					rt.Fatalf("proof of %d accepted for index %d", i, j)
				}
			}
		}
	})
}

func TestVerifyFleetRejects(t *testing.T) {
	devs := fleet(5)
	tree, err := NewFleetTree(devs)
	require.NoError(t, err)
	root := tree.Root()
	p3, err := tree.Proof(3)
	require.NoError(t, err)
	// An attacker presents an inner node as a leaf: index 1 at depth 2 with the sibling
	// list shortened; the fixed proof length and the leaf recomputation stop it.
	p0, err := tree.Proof(0)
	require.NoError(t, err)
	tests := []struct {
		name  string
		size  uint64
		index uint64
		dev   common.Address
		proof [][32]byte
		want  error
	}{
		{"index = size", 5, 5, devs[3], p3, ErrIndexRange},
		{"padding index", 5, 7, common.Address{}, p3, ErrIndexRange},
		{"size 0", 0, 0, devs[0], nil, ErrIndexRange},
		{"short proof", 5, 3, devs[3], p3[:2], ErrProofLength},
		{"long proof", 5, 3, devs[3], append(append([][32]byte{}, p3...), [32]byte{}), ErrProofLength},
		{"node as leaf", 5, 0, devs[0], p0[1:], ErrProofLength},
		{"wrong device", 5, 3, devs[2], p3, ErrProofMismatch},
		{"wrong size (depth kept)", 6, 3, devs[3], p3, nil},
		{"tampered sibling", 5, 3, devs[3], [][32]byte{{1}, p3[1], p3[2]}, ErrProofMismatch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := VerifyFleet(root, tc.size, tc.index, tc.dev, tc.proof)
			if tc.want == nil {
				require.NoError(t, err, "size is not bound into the root; the contract stores it beside the root")
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
	_, err = tree.Proof(5)
	require.ErrorIs(t, err, ErrIndexRange)
	_, err = NewFleetTree(nil)
	require.ErrorIs(t, err, ErrEmptyFleet)
}

// TestFleetTreeLarge builds a 2^17 + 3 device tree (O(N)) and checks a few proofs; the
// million-device build is BenchmarkFleetTree1M.
func TestFleetTreeLarge(t *testing.T) {
	n := 1<<17 + 3
	devs := fleet(n)
	tree, err := NewFleetTree(devs)
	require.NoError(t, err)
	require.Equal(t, 18, tree.Depth())
	for _, i := range []uint64{0, 1, 1 << 16, uint64(n - 1)} {
		p, err := tree.Proof(i)
		require.NoError(t, err)
		require.NoError(t, VerifyFleet(tree.Root(), uint64(n), i, devs[i], p))
	}
}

func BenchmarkFleetTree1M(b *testing.B) {
	devs := fleet(1_000_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tree, err := NewFleetTree(devs)
		if err != nil {
			b.Fatal(err)
		}
		if tree.Depth() != 20 {
			b.Fatal("depth")
		}
	}
}
