package fuzz

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/podnet/podnet/impl/wire"
)

// plainTargets maps each fuzz target's name to the plain function it wraps.
func plainTargets(t *testing.T) map[string]func([]byte) error {
	t.Helper()
	m := map[string]func([]byte) error{
		"FuzzWireDecode":      WireDecode,
		"FuzzCBORCanonical":   CBORCanonical,
		"FuzzPackageMutation": PackageMutation,
		"FuzzG1Decode":        G1Decode,
		"FuzzScalarDecode":    ScalarDecode,
		"FuzzRecover":         SigRecover,
		"FuzzSign":            SignRecover,
		"FuzzVerifyFleet":     FleetVerify,
		"FuzzFirmwareDecode":  FirmwareDecode,
	}
	for _, d := range typedDecoders {
		typ := d.typ
		m["FuzzDecode"+typ.String()] = func(b []byte) error { return WireDecodeAs(typ, b) }
	}
	if fx, err := CachedZKFixture(); err == nil {
		m["FuzzParseProof"] = fx.ZKProof
		m["FuzzParseVerifyingKey"] = fx.ZKVerifyingKey
	}
	m["FuzzContractCalls"] = func(b []byte) error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		return sharedContractEnv(t).ContractCalls(ctx, b)
	}
	return m
}

// readCorpusFile reads a one-value []byte corpus file of the "go test fuzz v1" format.
func readCorpusFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || lines[0] != "go test fuzz v1" || !strings.HasPrefix(lines[1], "[]byte(") || !strings.HasSuffix(lines[1], ")") {
		return nil, errors.New("not a one-value []byte corpus file")
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// TestOpenCrashers re-runs the crashers under testdata/crashers/<Target>/: inputs that
// broke an invariant of code outside fuzz/ and are kept out of the seed corpus
// (testdata/fuzz/) until that code is fixed, because some of them exhaust memory. Run it
// with PODNET_FUZZ_CRASHERS=1; each crasher runs in a child process, and the test fails
// for every crasher that still fails. A fixed crasher moves to testdata/fuzz/<Target>/.
func TestOpenCrashers(t *testing.T) {
	if os.Getenv("PODNET_FUZZ_CRASHERS") != "1" {
		t.Skip("set PODNET_FUZZ_CRASHERS=1 to re-run the open crashers (testdata/crashers/README.md)")
	}
	files, err := filepath.Glob("testdata/crashers/Fuzz*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(strings.TrimPrefix(f, "testdata/crashers/"), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestRunCrasher$", "-test.count=1")
			cmd.Env = append(os.Environ(), "PODNET_FUZZ_CRASHER="+f)
			out, err := cmd.CombinedOutput()
			if err != nil {
				msg := string(out)
				if len(msg) > 600 {
					msg = msg[:600] + "..."
				}
				t.Errorf("still failing: %v\n%s", err, msg)
			}
		})
	}
}

// TestRunCrasher runs the one crasher named by PODNET_FUZZ_CRASHER (TestOpenCrashers'
// child process).
func TestRunCrasher(t *testing.T) {
	path := os.Getenv("PODNET_FUZZ_CRASHER")
	if path == "" {
		t.Skip("run by TestOpenCrashers")
	}
	b, err := readCorpusFile(path)
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Base(filepath.Dir(path))
	f, ok := plainTargets(t)[target]
	if !ok {
		t.Fatalf("no target %s", target)
	}
	check(t, f(b))
}

// TestPlainTargetsCoverEveryMessage: there is a typed target for every message type.
func TestPlainTargetsCoverEveryMessage(t *testing.T) {
	m := plainTargets(t)
	for typ := wire.TypeUpdateRequest; typ <= wire.TypeHubInstall; typ++ {
		if _, ok := m["FuzzDecode"+typ.String()]; !ok {
			t.Errorf("no fuzz target for %s", typ)
		}
	}
}
