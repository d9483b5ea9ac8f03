package contracts_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/contracts/internal/build"
)

// TestGeneratedFilesUpToDate recompiles every source with the pinned solc and checks that
// the committed artifacts and bindings are byte-identical. It needs node and
// impl/contracts/node_modules (`make npm`).
func TestGeneratedFilesUpToDate(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	fresh, err := build.Generate(ctx, ".")
	require.NoError(t, err, "regenerating the contracts (run `make npm` first)")
	committed, err := build.Existing(".")
	require.NoError(t, err)

	names := func(m map[string][]byte) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	require.Equal(t, names(fresh), names(committed), "generated file set differs: run `make contracts`")
	for p, want := range fresh {
		require.Equal(t, string(want), string(committed[p]), "%s is stale: run `make contracts`", p)
	}
}

func TestPinnedSolcIsExact(t *testing.T) {
	v, err := build.PinnedSolc(".")
	require.NoError(t, err)
	require.Regexp(t, `^\d+\.\d+\.\d+$`, v)
}
