package conformance

import (
	"context"
	"fmt"
	"reflect"
	"strings"
)

// Options tune a run.
type Options struct {
	// AnyError accepts any rejection of an invalid test, not only the named error (for
	// clients that do not report podnet's error names).
	AnyError bool
}

// Failure describes one failed test.
type Failure struct {
	// File is the vector file.
	File string `json:"file"`
	// TcID is the test.
	TcID int `json:"tcId"`
	// Op is the operation.
	Op string `json:"op"`
	// Comment is the test's comment.
	Comment string `json:"comment"`
	// Reason says what differed.
	Reason string `json:"reason"`
}

// FileReport counts one file's results.
type FileReport struct {
	// File is the file's name.
	File string `json:"file"`
	// Algorithm is the file's algorithm.
	Algorithm string `json:"algorithm"`
	// Tests, Valid, Invalid, Passed and Failed count tests.
	Tests   int `json:"tests"`
	Valid   int `json:"valid"`
	Invalid int `json:"invalid"`
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
}

// Report is the result of a run.
type Report struct {
	// Files has one entry per vector file.
	Files []FileReport `json:"files"`
	// Tests, Valid, Invalid, Passed and Failed are the totals.
	Tests   int `json:"tests"`
	Valid   int `json:"valid"`
	Invalid int `json:"invalid"`
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	// Failures lists every failed test.
	Failures []Failure `json:"failures"`
}

// Run runs every test of files against client. A harness error (the client could not run
// a test) stops the run and is returned; a wrong answer is a failure in the report.
func Run(ctx context.Context, files []NamedFile, client Client, opts Options) (*Report, error) {
	rep := &Report{Failures: []Failure{}}
	id := 0
	for _, nf := range files {
		fr := FileReport{File: nf.Name, Algorithm: nf.File.Algorithm}
		for _, g := range nf.File.TestGroups {
			for _, t := range g.Tests {
				id++
				resp, err := client.Do(ctx, Request{ID: id, File: nf.Name, Op: g.Type, TcID: t.TcID, Input: t.Input})
				if err != nil {
					return rep, fmt.Errorf("%s tcId %d (%s): %w", nf.Name, t.TcID, g.Type, err)
				}
				fr.Tests++
				if t.Result == ResultValid {
					fr.Valid++
				} else {
					fr.Invalid++
				}
				if reason := Check(t, resp, opts); reason != "" {
					fr.Failed++
					rep.Failures = append(rep.Failures, Failure{File: nf.Name, TcID: t.TcID, Op: g.Type, Comment: t.Comment, Reason: reason})
				} else {
					fr.Passed++
				}
			}
		}
		rep.Files = append(rep.Files, fr)
		rep.Tests += fr.Tests
		rep.Valid += fr.Valid
		rep.Invalid += fr.Invalid
		rep.Passed += fr.Passed
		rep.Failed += fr.Failed
	}
	return rep, nil
}

// Check compares a response with a test and returns "" when it passes, else the reason.
func Check(t Test, resp Response, opts Options) string {
	switch t.Result {
	case ResultValid:
		if resp.Result != ResultValid {
			return fmt.Sprintf("valid input rejected (%s)", resp.Error)
		}
		for k, want := range t.Output {
			got, ok := resp.Output[k]
			if !ok {
				return fmt.Sprintf("output %q missing", k)
			}
			if !sameValue(want, got) {
				return fmt.Sprintf("output %q = %v, want %v", k, got, want)
			}
		}
		return ""
	default:
		if resp.Result != ResultInvalid {
			return fmt.Sprintf("invalid input accepted (want %s)", t.Error)
		}
		if !opts.AnyError && resp.Error != t.Error {
			return fmt.Sprintf("rejected with %s, want %s", resp.Error, t.Error)
		}
		return ""
	}
}

// sameValue compares output values after normalising: strings case-insensitively without
// a 0x prefix, lists element by element.
func sameValue(a, b any) bool {
	na, nb := normalise(a), normalise(b)
	return reflect.DeepEqual(na, nb)
}

func normalise(v any) any {
	switch x := v.(type) {
	case string:
		return strings.ToLower(strings.TrimPrefix(x, "0x"))
	case fmt.Stringer:
		return strings.ToLower(x.String())
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = normalise(s)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = normalise(s)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, s := range x {
			out[k] = normalise(s)
		}
		return out
	}
	return v
}
