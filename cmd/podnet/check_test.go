package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestCheckCommand runs podnet check on small scopes: JSON shape, verdicts
// and exit paths.
func TestCheckCommand(t *testing.T) {
	small := []string{"--systems", "pod", "--distributors", "1", "--devices", "2", "--hub", "1", "--reveals", "1"}
	tests := []struct {
		name    string
		args    []string
		wantErr error
		caught  map[string]bool
	}{
		{"hashlock json", append([]string{"--json", "--mode", "hashlock"}, small...), nil,
			map[string]bool{"claimed_flag": true, "r_derivation": true, "lock_check": true, "signature_check": true,
				"membership_binding": true, "expiry_claim": true, "expiry_withdraw": true}},
		// With one device the deposit is one unit: a second claim cannot be
		// paid, so the claimed-flag mutant is not caught and check fails.
		{"one device", []string{"--json", "--systems", "pod", "--mode", "pointlock", "--distributors", "1", "--devices", "1", "--hub", "-1", "--reveals", "0"},
			errCheckFailed, map[string]bool{"claimed_flag": false}},
		{"passive", append([]string{"--json", "--mode", "hashlock", "--network", "passive"}, small[:8]...),
			errCheckFailed, map[string]bool{"signature_check": false, "expiry_withdraw": true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := runCheck(context.Background(), tc.args, &out, &errOut)
			if !errors.Is(err, tc.wantErr) && !(err == nil && tc.wantErr == nil) {
				t.Fatalf("err = %v, want %v (stderr %s)", err, tc.wantErr, errOut.String())
			}
			var doc checkOutput
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out.String())
			}
			if doc.States <= 0 || len(doc.Systems) != 1 || doc.OK != (tc.wantErr == nil) {
				t.Fatalf("states %d, systems %d, ok %v", doc.States, len(doc.Systems), doc.OK)
			}
			for name, holds := range doc.Properties {
				if !holds {
					t.Errorf("property %s fails", name)
				}
			}
			if len(doc.Properties) != 8 {
				t.Errorf("%d properties, want 8", len(doc.Properties))
			}
			for name, want := range tc.caught {
				if got, ok := doc.Mutants[name]; !ok || got != want {
					t.Errorf("mutant %s caught = %v (present %v), want %v", name, got, ok, want)
				}
			}
		})
	}
}

func TestCheckCommandText(t *testing.T) {
	var out, errOut bytes.Buffer
	args := []string{"--systems", "pod", "--mode", "hashlock", "--distributors", "1", "--devices", "2", "--hub", "-1", "--reveals", "0", "--traces"}
	if err := runCheck(context.Background(), args, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"pod_hashlock:", "executable_hashlock", "witness:", "Device_Install", "mutant claimed_flag", "caught by", "every property holds"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestCheckCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"--mode", "x"}, {"--network", "x"}, {"--devices", "9"}, {"extra"}, {"--nosuchflag"}, {"--systems", "x"}} {
		var out, errOut bytes.Buffer
		if err := runCheck(context.Background(), args, &out, &errOut); !errors.Is(err, errUsage) {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}
