package main

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// TestBenchZKUsage checks the flag validation of `podnet bench zk` (a real run
// sets up Groth16 keys and is exercised by running the command itself).
func TestBenchZKUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"unknown size", []string{"--sizes", "3KiB"}},
		{"unknown mode", []string{"--modes", "xorlock"}},
		{"no verify runs", []string{"--verify-runs", "0"}},
		{"stray argument", []string{"extra"}},
		{"unknown flag", []string{"--fast"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := runBenchZK(context.Background(), tc.args, &out, &errOut)
			if !errors.Is(err, errUsage) {
				t.Fatalf("got %v, want a usage error", err)
			}
			if out.Len() != 0 {
				t.Fatalf("printed %q on a usage error", out.String())
			}
		})
	}
}
