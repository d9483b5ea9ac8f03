package gen

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/conformance"
)

// TestBuilderRefusesMislabelledVectors: the generator cannot write a vector that the
// implementation does not handle as labelled.
func TestBuilderRefusesMislabelledVectors(t *testing.T) {
	valid := map[string]any{"scalar": be32(order())} // n: rejected with ScalarRange
	tests := []struct {
		name string
		do   func(b *builder)
	}{
		{"invalid input labelled valid", func(b *builder) {
			b.valid(conformance.OpScalarDecode, "n", "suite.md §10", nil, valid, nil)
		}},
		{"invalid input with the wrong error", func(b *builder) {
			b.invalid(conformance.OpScalarDecode, "n", "suite.md §10", "BadLength", nil, valid)
		}},
		{"valid input labelled invalid", func(b *builder) {
			b.invalid(conformance.OpScalarDecode, "1", "suite.md §10", "ScalarRange", nil, map[string]any{"scalar": h(make([]byte, 32))})
		}},
		{"output differs from an independent value", func(b *builder) {
			b.valid(conformance.OpScalarDecode, "0", "suite.md §10", nil, map[string]any{"scalar": h(make([]byte, 32))}, map[string]any{"scalar": "01"})
		}},
		{"unknown operation", func(b *builder) {
			b.valid("no-such-op", "x", "suite.md §10", nil, map[string]any{}, nil)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder("test", nil, map[string]string{})
			tc.do(b)
			_, err := b.done()
			require.Error(t, err)
		})
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate()
	require.NoError(t, err)
	b, err := Generate()
	require.NoError(t, err)
	require.Equal(t, len(a), len(b))
	for i := range a {
		ab, err := a[i].File.Marshal()
		require.NoError(t, err)
		bb, err := b[i].File.Marshal()
		require.NoError(t, err)
		require.Equal(t, string(ab), string(bb), a[i].Name)
	}
}
