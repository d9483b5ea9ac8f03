package conformance_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/conformance"
	"github.com/podnet/podnet/conformance/internal/gen"
)

// TestMain lets the test binary act as a shim: with PODNET_CONFORMANCE_SHIM set it serves
// the native client (or a misbehaving one) on stdin/stdout instead of running tests.
func TestMain(m *testing.M) {
	switch os.Getenv("PODNET_CONFORMANCE_SHIM") {
	case "":
		os.Exit(m.Run())
	case "native":
		if err := conformance.Serve(context.Background(), os.Stdin, os.Stdout, conformance.Native{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	case "wrong-id":
		fmt.Fprintln(os.Stdout, `{"id": 999, "result": "valid"}`)
		os.Exit(0)
	case "silent":
		time.Sleep(time.Minute)
		os.Exit(0)
	}
}

func loadVectors(t *testing.T) []conformance.NamedFile {
	t.Helper()
	files, err := conformance.LoadDir("vectors")
	require.NoError(t, err)
	return files
}

// TestVectors is the acceptance test of the conformance suite: every valid vector is
// re-derived by this implementation, every invalid one rejected with its named error.
func TestVectors(t *testing.T) {
	files := loadVectors(t)
	rep, err := conformance.Run(context.Background(), files, conformance.Native{}, conformance.Options{})
	require.NoError(t, err)
	for _, f := range rep.Failures {
		t.Errorf("%s tcId %d (%s, %s): %s", f.File, f.TcID, f.Op, f.Comment, f.Reason)
	}
	require.Zero(t, rep.Failed)
	require.GreaterOrEqual(t, rep.Tests, 100)
	require.GreaterOrEqual(t, rep.Invalid, 30)
	t.Logf("%d files, %d tests (%d valid, %d invalid), %d passed", len(rep.Files), rep.Tests, rep.Valid, rep.Invalid, rep.Passed)
	ops := map[string]bool{}
	for _, f := range files {
		for _, g := range f.File.TestGroups {
			ops[g.Type] = true
		}
	}
	for _, op := range []string{conformance.OpRDerive, conformance.OpLock, conformance.OpDeliveryDigest, conformance.OpChallengeDigest,
		conformance.OpReceiptDigest, conformance.OpManifestDigest, conformance.OpSign, conformance.OpRecover, conformance.OpFleetRoot,
		conformance.OpFleetProof, conformance.OpFleetVerify, conformance.OpG1Decode, conformance.OpScalarDecode, conformance.OpPointLockCheck,
		conformance.OpCBORCanonical, conformance.OpWireDecode, conformance.OpFirmwareEncode, conformance.OpFirmwareDecode, conformance.OpCipher} {
		require.True(t, ops[op], "no vectors for %s", op)
	}
}

// TestVectorsUpToDate regenerates the vectors in memory and requires the committed files
// to be byte-identical (the generator is deterministic and the files are current).
func TestVectorsUpToDate(t *testing.T) {
	files, err := gen.Generate()
	require.NoError(t, err)
	onDisk, err := filepath.Glob(filepath.Join("vectors", "*.json"))
	require.NoError(t, err)
	require.Len(t, onDisk, len(files), "vector files on disk vs generated")
	for _, f := range files {
		want, err := f.File.Marshal()
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join("vectors", f.Name))
		require.NoError(t, err)
		require.True(t, bytes.Equal(want, got), "%s is stale: run go generate ./conformance/...", f.Name)
	}
}

// acceptAll is a broken client that accepts every input with no output.
type acceptAll struct{}

func (acceptAll) Do(_ context.Context, req conformance.Request) (conformance.Response, error) {
	return conformance.Response{ID: req.ID, Result: conformance.ResultValid}, nil
}

// wrongError rejects everything with one error name.
type wrongError struct{}

func (wrongError) Do(_ context.Context, req conformance.Request) (conformance.Response, error) {
	return conformance.Response{ID: req.ID, Result: conformance.ResultInvalid, Error: "Nope"}, nil
}

// TestRunnerIsNotVacuous: broken clients fail exactly the tests they should.
func TestRunnerIsNotVacuous(t *testing.T) {
	files := loadVectors(t)
	tests := []struct {
		name       string
		client     conformance.Client
		opts       conformance.Options
		wantFailed func(r *conformance.Report) int
	}{
		{"accept everything", acceptAll{}, conformance.Options{}, func(r *conformance.Report) int {
			// Every invalid test, and every valid test with an output to compare.
			n := r.Invalid
			for _, f := range files {
				for _, g := range f.File.TestGroups {
					for _, tc := range g.Tests {
						if tc.Result == conformance.ResultValid && len(tc.Output) > 0 {
							n++
						}
					}
				}
			}
			return n
		}},
		{"reject everything with a wrong name", wrongError{}, conformance.Options{}, func(r *conformance.Report) int { return r.Tests }},
		{"reject everything, any error accepted", wrongError{}, conformance.Options{AnyError: true}, func(r *conformance.Report) int { return r.Valid }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := conformance.Run(context.Background(), files, tc.client, tc.opts)
			require.NoError(t, err)
			require.Equal(t, tc.wantFailed(rep), rep.Failed)
		})
	}
}

func TestCheck(t *testing.T) {
	valid := conformance.Test{Result: conformance.ResultValid, Output: map[string]any{"digest": "ABcd", "list": []any{"01", "02"}}}
	invalid := conformance.Test{Result: conformance.ResultInvalid, Error: "HighS"}
	tests := []struct {
		name string
		t    conformance.Test
		resp conformance.Response
		opts conformance.Options
		pass bool
	}{
		{"same output, other case and 0x", valid, conformance.Response{Result: "valid", Output: map[string]any{"digest": "0xabCD", "list": []string{"01", "02"}}}, conformance.Options{}, true},
		{"other output", valid, conformance.Response{Result: "valid", Output: map[string]any{"digest": "abce", "list": []string{"01", "02"}}}, conformance.Options{}, false},
		{"missing output", valid, conformance.Response{Result: "valid", Output: map[string]any{"digest": "abcd"}}, conformance.Options{}, false},
		{"valid rejected", valid, conformance.Response{Result: "invalid", Error: "X"}, conformance.Options{}, false},
		{"invalid accepted", invalid, conformance.Response{Result: "valid"}, conformance.Options{}, false},
		{"wrong error", invalid, conformance.Response{Result: "invalid", Error: "BadV"}, conformance.Options{}, false},
		{"wrong error, any error", invalid, conformance.Response{Result: "invalid", Error: "BadV"}, conformance.Options{AnyError: true}, true},
		{"right error", invalid, conformance.Response{Result: "invalid", Error: "HighS"}, conformance.Options{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.pass, conformance.Check(tc.t, tc.resp, tc.opts) == "")
		})
	}
}

func shimArgv(t *testing.T, mode string) []string {
	t.Helper()
	t.Setenv("PODNET_CONFORMANCE_SHIM", mode)
	exe, err := os.Executable()
	require.NoError(t, err)
	return []string{exe}
}

// TestShimNative drives this implementation through the shim protocol (the test binary
// re-executed as the shim) and requires the same zero-failure result.
func TestShimNative(t *testing.T) {
	files := loadVectors(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	shim, err := conformance.StartShim(ctx, shimArgv(t, "native"), os.Stderr, nil)
	require.NoError(t, err)
	rep, err := conformance.Run(ctx, files, shim, conformance.Options{})
	require.NoError(t, err)
	require.NoError(t, shim.Close())
	require.Zero(t, rep.Failed)
	require.GreaterOrEqual(t, rep.Tests, 100)
}

func TestShimProtocolErrors(t *testing.T) {
	files := loadVectors(t)
	t.Run("wrong id", func(t *testing.T) {
		ctx := context.Background()
		shim, err := conformance.StartShim(ctx, shimArgv(t, "wrong-id"), nil, nil)
		require.NoError(t, err)
		_, err = conformance.Run(ctx, files, shim, conformance.Options{})
		require.ErrorIs(t, err, conformance.ErrShim)
		_ = shim.Close()
	})
	t.Run("silent shim times out", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		shim, err := conformance.StartShim(ctx, shimArgv(t, "silent"), nil, nil)
		require.NoError(t, err)
		_, err = conformance.Run(ctx, files, shim, conformance.Options{})
		require.ErrorIs(t, err, conformance.ErrShim)
		_ = shim.Close()
	})
	t.Run("no command", func(t *testing.T) {
		_, err := conformance.StartShim(context.Background(), nil, nil, nil)
		require.ErrorIs(t, err, conformance.ErrShim)
	})
}

func TestLoadDirRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string
	}{
		{"unknown field", `{"algorithm":"x","numberOfTests":0,"testGroups":[],"extra":1}`},
		{"count mismatch", `{"algorithm":"x","numberOfTests":1,"testGroups":[]}`},
		{"invalid without error", `{"algorithm":"x","numberOfTests":1,"notes":{},"testGroups":[{"type":"lock","tests":[{"tcId":1,"spec":"suite.md §6","flags":[],"input":{},"result":"invalid"}]}]}`},
		{"no spec", `{"algorithm":"x","numberOfTests":1,"notes":{},"testGroups":[{"type":"lock","tests":[{"tcId":1,"spec":"","flags":[],"input":{},"result":"valid"}]}]}`},
		{"flag without note", `{"algorithm":"x","numberOfTests":1,"notes":{},"testGroups":[{"type":"lock","tests":[{"tcId":1,"spec":"suite.md §6","flags":["F"],"input":{},"result":"valid"}]}]}`},
		{"duplicate tcId", `{"algorithm":"x","numberOfTests":2,"notes":{},"testGroups":[{"type":"lock","tests":[{"tcId":1,"spec":"suite.md §6","flags":[],"input":{},"result":"valid"},{"tcId":1,"spec":"suite.md §6","flags":[],"input":{},"result":"valid"}]}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sub := filepath.Join(dir, tc.name)
			require.NoError(t, os.MkdirAll(sub, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(sub, "v.json"), []byte(tc.content), 0o644))
			_, err := conformance.LoadDir(sub)
			require.ErrorIs(t, err, conformance.ErrBadVectors)
		})
	}
}
