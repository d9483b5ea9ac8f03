package fuzz

import (
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/podnet/podnet/conformance"
)

// VectorInputs returns the byte-string input key of every conformance vector of operation
// op (a group type such as conformance.OpWireDecode), valid and invalid alike, in file
// order. List inputs are concatenated. It is how the targets seed their corpora.
func VectorInputs(op, key string) ([][]byte, error) {
	files, err := conformance.EmbeddedVectors()
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, f := range files {
		for _, g := range f.File.TestGroups {
			if g.Type != op {
				continue
			}
			for _, t := range g.Tests {
				v, ok := t.Input[key]
				if !ok {
					continue
				}
				b, err := inputBytes(v)
				if err != nil {
					return nil, fmt.Errorf("fuzz: %s tcId %d input %q: %w", f.Name, t.TcID, key, err)
				}
				out = append(out, b)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("fuzz: no conformance vector of %s with input %q", op, key)
	}
	return out, nil
}

// VectorTests returns the tests of operation op, for targets that need several inputs of
// one vector.
func VectorTests(op string) ([]conformance.Test, error) {
	files, err := conformance.EmbeddedVectors()
	if err != nil {
		return nil, err
	}
	var out []conformance.Test
	for _, f := range files {
		for _, g := range f.File.TestGroups {
			if g.Type == op {
				out = append(out, g.Tests...)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("fuzz: no conformance vector of %s", op)
	}
	return out, nil
}

// HexInput decodes the byte-string input v of a vector (a hex string, or a list of them,
// concatenated).
func HexInput(v any) ([]byte, error) { return inputBytes(v) }

func inputBytes(v any) ([]byte, error) {
	switch x := v.(type) {
	case string:
		return hex.DecodeString(strings.TrimPrefix(x, "0x"))
	case []any:
		var out []byte
		for _, e := range x {
			b, err := inputBytes(e)
			if err != nil {
				return nil, err
			}
			out = append(out, b...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("not a hex string: %T", v)
}
