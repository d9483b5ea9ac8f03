package fuzz

import (
	"testing"
)

// TestCBORReferenceVectors: the reference checker itself passes the CBOR profile vectors.
func TestCBORReferenceVectors(t *testing.T) {
	tests, err := VectorTests("cbor-canonical")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		b, err := HexInput(tc.Input["cbor"])
		if err != nil {
			t.Fatal(err)
		}
		got, _ := CBORReference(b)
		if got != tc.Error {
			t.Errorf("tcId %d (%s): reference says %q, vector says %q", tc.TcID, tc.Comment, got, tc.Error)
		}
	}
}

// FuzzCBORCanonical: wire.CheckCanonical against the reference profile checker
// (CBORCanonical).
func FuzzCBORCanonical(f *testing.F) {
	addVectors(f, "cbor-canonical", "cbor")
	addMessages(f)
	f.Fuzz(func(t *testing.T, b []byte) { check(t, CBORCanonical(b)) })
}
