package wire_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/conformance"
	"github.com/podnet/podnet/impl/wire"
)

// TestConformanceCatchesNonCanonicalMutants runs the conformance vectors against decoders
// with one canonical-form check removed and requires the suite to report failures, each
// of them a non-canonical input that the mutant accepted. The conforming decoder passes
// the same vectors (conformance.TestVectors).
func TestConformanceCatchesNonCanonicalMutants(t *testing.T) {
	files, err := conformance.LoadDir("../../conformance/vectors")
	require.NoError(t, err)
	mutants := []struct {
		name   string
		client conformance.Native
		// minimum number of failures the mutant must cause
		min int
	}{
		{"shortest-form check removed", conformance.Native{WireDecode: wire.DecodeLaxShortest, CheckCanonical: wire.CheckCanonicalLaxShortest}, 10},
		{"key-order and duplicate-key check removed", conformance.Native{WireDecode: wire.DecodeLaxKeyOrder, CheckCanonical: wire.CheckCanonicalLaxKeyOrder}, 5},
	}
	for _, m := range mutants {
		t.Run(m.name, func(t *testing.T) {
			rep, err := conformance.Run(context.Background(), files, m.client, conformance.Options{})
			require.NoError(t, err)
			require.GreaterOrEqual(t, rep.Failed, m.min, "the vectors must catch the mutant")
			for _, f := range rep.Failures {
				require.Contains(t, []string{"cbor_profile.json", "wire.json"}, f.File)
				require.True(t, strings.HasPrefix(f.Reason, "invalid input accepted (want NonCanonical)"), "%s tcId %d: %s", f.File, f.TcID, f.Reason)
			}
			t.Logf("mutant %q: %d of %d vectors fail", m.name, rep.Failed, rep.Tests)
		})
	}
	// The conforming decoder, for contrast.
	rep, err := conformance.Run(context.Background(), files, conformance.Native{}, conformance.Options{})
	require.NoError(t, err)
	require.Zero(t, rep.Failed)
}
