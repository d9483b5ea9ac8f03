package main

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestConformanceCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		check    func(t *testing.T, out string)
	}{
		{"embedded vectors, table", []string{"conformance"}, 0, func(t *testing.T, out string) {
			require.Contains(t, out, "wire.json")
			require.Regexp(t, `total\s+\d+\s+\d+\s+\d+\s+\d+\s+0\n`, out)
		}},
		{"directory, json", []string{"conformance", "--vectors", "../../conformance/vectors", "--json"}, 0, func(t *testing.T, out string) {
			var rep struct {
				Tests, Invalid, Failed int
			}
			require.NoError(t, json.Unmarshal([]byte(out), &rep))
			require.GreaterOrEqual(t, rep.Tests, 100)
			require.GreaterOrEqual(t, rep.Invalid, 30)
			require.Zero(t, rep.Failed)
		}},
		{"missing directory", []string{"conformance", "--vectors", t.TempDir()}, 1, nil},
		{"bad flag", []string{"conformance", "--nope"}, 2, nil},
		{"stray argument", []string{"conformance", "extra"}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tc.args, &out, &errb)
			require.Equal(t, tc.wantCode, code, errb.String())
			if tc.check != nil {
				tc.check(t, out.String())
			}
		})
	}
}
