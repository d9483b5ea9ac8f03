// Package gen generates the conformance vectors from the implementation. Every valid
// vector's output is computed by the implementation (and, for EIP-712, cross-checked
// against go-ethereum's apitypes); every invalid vector is run through the implementation
// and generation fails unless it is rejected with the intended error. Inputs come from
// fixed seeds, so regenerating gives byte-identical files.
package gen

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/conformance"
)

// Version is written into every file as generatorVersion.
const Version = "podnet-gen/1"

// ErrGenerate reports a vector the implementation does not handle as intended.
var ErrGenerate = errors.New("gen: vector does not behave as intended")

// builder accumulates one file.
type builder struct {
	file   *conformance.File
	groups map[string]int
	native conformance.Native
	next   int
	err    error
}

func newBuilder(algorithm string, header []string, notes map[string]string) *builder {
	return &builder{
		file:   &conformance.File{Algorithm: algorithm, GeneratorVersion: Version, Header: header, Notes: notes},
		groups: map[string]int{},
	}
}

func (b *builder) add(op string, t conformance.Test) {
	b.next++
	t.TcID = b.next
	if t.Flags == nil {
		t.Flags = []string{}
	}
	gi, ok := b.groups[op]
	if !ok {
		gi = len(b.file.TestGroups)
		b.groups[op] = gi
		b.file.TestGroups = append(b.file.TestGroups, conformance.Group{Type: op})
	}
	b.file.TestGroups[gi].Tests = append(b.file.TestGroups[gi].Tests, t)
	b.file.NumberOfTests++
}

func (b *builder) run(op string, in map[string]any) conformance.Response {
	resp, err := b.native.Do(context.Background(), conformance.Request{Op: op, Input: in})
	if err != nil && b.err == nil {
		b.err = fmt.Errorf("%s: %w", op, err)
	}
	return resp
}

// valid adds a valid test whose output is computed by the implementation; want, when not
// nil, holds outputs known independently (a standard's vector, another implementation)
// that the implementation must reproduce.
func (b *builder) valid(op, comment, spec string, flags []string, in map[string]any, want map[string]any) {
	resp := b.run(op, in)
	if resp.Result != conformance.ResultValid {
		b.fail("%s %q: rejected with %s", op, comment, resp.Error)
		return
	}
	for k, v := range want {
		if conformance.Check(conformance.Test{Result: conformance.ResultValid, Output: map[string]any{k: v}}, resp, conformance.Options{}) != "" {
			b.fail("%s %q: output %s = %v, independently %v", op, comment, k, resp.Output[k], v)
		}
	}
	b.add(op, conformance.Test{Comment: comment, Spec: spec, Flags: flags, Input: in, Output: resp.Output, Result: conformance.ResultValid})
}

// invalid adds an invalid test and checks the implementation rejects it with errName.
func (b *builder) invalid(op, comment, spec, errName string, flags []string, in map[string]any) {
	resp := b.run(op, in)
	if resp.Result != conformance.ResultInvalid || resp.Error != errName {
		b.fail("%s %q: got %s/%s, want invalid/%s", op, comment, resp.Result, resp.Error, errName)
		return
	}
	b.add(op, conformance.Test{Comment: comment, Spec: spec, Flags: flags, Input: in, Result: conformance.ResultInvalid, Error: errName})
}

func (b *builder) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf("%w: %s: %s", ErrGenerate, b.file.Algorithm, fmt.Sprintf(format, args...))
	}
}

// seed returns n deterministic bytes for a label: keccak256 in counter mode.
func seed(label string, n int) []byte {
	out := make([]byte, 0, n+32)
	for i := uint32(0); len(out) < n; i++ {
		var c [4]byte
		binary.BigEndian.PutUint32(c[:], i)
		out = append(out, crypto.Keccak256([]byte("podnet/conformance/"+label), c[:])...)
	}
	return out[:n]
}

func seed32(label string) [32]byte {
	var b [32]byte
	copy(b[:], seed(label, 32))
	return b
}

func seedAddr(label string) common.Address { return common.BytesToAddress(seed(label, 20)) }

// Generate builds every vector file, sorted by name.
func Generate() ([]conformance.NamedFile, error) {
	makers := map[string]func() (*conformance.File, error){
		"r_derivation.json": rDerivation,
		"eip712.json":       eip712,
		"secp256k1.json":    secp256k1,
		"fleet.json":        fleet,
		"bn254.json":        bn254Vectors,
		"cbor_profile.json": cborProfile,
		"wire.json":         wireVectors,
		"firmware.json":     firmwareVectors,
	}
	names := make([]string, 0, len(makers))
	for n := range makers {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]conformance.NamedFile, 0, len(names))
	for _, n := range names {
		f, err := makers[n]()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		if err := f.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		out = append(out, conformance.NamedFile{Name: n, File: f})
	}
	return out, nil
}

func (b *builder) done() (*conformance.File, error) {
	if b.err != nil {
		return nil, b.err
	}
	return b.file, nil
}
