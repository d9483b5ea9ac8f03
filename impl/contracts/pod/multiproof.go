package pod

import (
	"fmt"

	"github.com/podnet/podnet/impl/suite"
)

// MultiProof returns the fleet multiproof that PodBid.claimBatch verifies for the devices
// at indices (strictly increasing, each below tree.Size()). Level by level from the
// leaves up, the verifier pairs each node with the next node of the level when that is
// its sibling; otherwise it takes the next hash of the multiproof. The multiproof is
// those hashes in the order the verifier consumes them. For one index it is exactly
// tree.Proof(index).
func MultiProof(tree *suite.FleetTree, indices []uint64) ([][32]byte, error) {
	if tree == nil {
		return nil, fmt.Errorf("%w: nil fleet tree", ErrInput)
	}
	if len(indices) == 0 {
		return nil, fmt.Errorf("%w: no indices", ErrInput)
	}
	type node struct {
		idx uint64 // index of the node at the current level
		rep uint64 // a leaf under the node, whose single proof gives the node's siblings
	}
	level := make([]node, len(indices))
	proofs := make(map[uint64][][32]byte, len(indices))
	for k, i := range indices {
		if k > 0 && i <= indices[k-1] {
			return nil, fmt.Errorf("%w: indices not strictly increasing at %d", ErrInput, k)
		}
		p, err := tree.Proof(i)
		if err != nil {
			return nil, fmt.Errorf("pod: multiproof: %w", err)
		}
		proofs[i] = p
		level[k] = node{idx: i, rep: i}
	}
	var out [][32]byte
	for l := 0; l < tree.Depth(); l++ {
		next := level[:0:0]
		for k := 0; k < len(level); {
			n := level[k]
			if n.idx&1 == 0 && k+1 < len(level) && level[k+1].idx == n.idx+1 {
				k += 2
			} else {
				out = append(out, proofs[n.rep][l])
				k++
			}
			next = append(next, node{idx: n.idx >> 1, rep: n.rep})
		}
		level = next
	}
	return out, nil
}
