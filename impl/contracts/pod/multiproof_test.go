package pod_test

import (
	"encoding/binary"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/contracts/pod"
	"github.com/podnet/podnet/impl/suite"
)

func TestMultiProof(t *testing.T) {
	devs := make([]common.Address, 10_000)
	for i := range devs {
		devs[i] = common.BytesToAddress(crypto.Keccak256(binary.BigEndian.AppendUint64(nil, uint64(i))))
	}
	tree, err := suite.NewFleetTree(devs)
	require.NoError(t, err)
	require.Equal(t, 14, tree.Depth())

	t.Run("one index is the single proof", func(t *testing.T) {
		for _, i := range []uint64{0, 1, 4097, 9999} {
			mp, err := pod.MultiProof(tree, []uint64{i})
			require.NoError(t, err)
			p, err := tree.Proof(i)
			require.NoError(t, err)
			require.Equal(t, p, mp)
		}
	})
	t.Run("contiguous indices share hashes", func(t *testing.T) {
		idx := make([]uint64, 100)
		for k := range idx {
			idx[k] = uint64(1 + k)
		}
		mp, err := pod.MultiProof(tree, idx)
		require.NoError(t, err)
		require.Len(t, mp, 12) // instead of 100 × 14
	})
	t.Run("rejects", func(t *testing.T) {
		tests := []struct {
			name string
			idx  []uint64
			want error
		}{
			{"empty", nil, pod.ErrInput},
			{"unsorted", []uint64{5, 3}, pod.ErrInput},
			{"duplicate", []uint64{5, 5}, pod.ErrInput},
			{"out of range", []uint64{10_000}, suite.ErrIndexRange},
		}
		for _, tc := range tests {
			_, err := pod.MultiProof(tree, tc.idx)
			require.ErrorIs(t, err, tc.want, tc.name)
		}
		_, err := pod.MultiProof(nil, []uint64{1})
		require.ErrorIs(t, err, pod.ErrInput)
	})
}
