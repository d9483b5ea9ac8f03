package fuzz

import (
	"testing"

	"github.com/podnet/podnet/impl/wire"
)

// addVectors adds the input key of every conformance vector of op to the seed corpus.
func addVectors(f *testing.F, op, key string) {
	f.Helper()
	ins, err := VectorInputs(op, key)
	if err != nil {
		f.Fatal(err)
	}
	for _, b := range ins {
		f.Add(b)
	}
}

// addMessages adds every wire vector message and the encoding of every sample message.
func addMessages(f *testing.F) {
	f.Helper()
	addVectors(f, "wire-decode", "message")
	msgs, err := SampleMessages()
	if err != nil {
		f.Fatal(err)
	}
	for _, m := range msgs {
		b, err := wire.Encode(m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// check fails the fuzz iteration on an invariant violation.
func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
