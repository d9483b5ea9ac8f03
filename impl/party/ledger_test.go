package party

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"pgregory.net/rapid"

	"github.com/podnet/podnet/impl/contracts/pod"
	"github.com/podnet/podnet/impl/suite"
)

// MultiProof, built by a distributor from the devices' own proofs (it does not know the
// fleet), equals the multiproof built from the whole tree by impl/contracts/pod (which
// the contract tests check against claimBatch).
func TestMultiProofMatchesTree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 40).Draw(t, "n")
		fleet := make([]common.Address, n)
		for i := range fleet {
			fleet[i] = common.BytesToAddress([]byte{byte(i + 1), 0xaa})
		}
		tree, err := suite.NewFleetTree(fleet)
		if err != nil {
			t.Fatal(err)
		}
		var idx []uint64
		for i := range n {
			if rapid.Bool().Draw(t, "pick") {
				idx = append(idx, uint64(i))
			}
		}
		if len(idx) == 0 {
			idx = []uint64{uint64(rapid.IntRange(0, n-1).Draw(t, "one"))}
		}
		claims := make([]Claim, len(idx))
		for k, i := range idx {
			p, err := tree.Proof(i)
			if err != nil {
				t.Fatal(err)
			}
			claims[k] = Claim{Index: i, Device: fleet[i], FleetProof: p}
		}
		got, err := MultiProof(claims)
		if err != nil {
			t.Fatal(err)
		}
		want, err := pod.MultiProof(tree, idx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("indices %v: %d hashes, want %d", idx, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("indices %v: hash %d differs", idx, i)
			}
		}
	})
}
