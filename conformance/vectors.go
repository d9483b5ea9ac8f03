package conformance

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Results of a test.
const (
	ResultValid   = "valid"
	ResultInvalid = "invalid"
)

// ErrBadVectors reports a vector file that does not follow the schema of README.md.
var ErrBadVectors = errors.New("conformance: bad vector file")

// File is one vector file (Wycheproof layout).
type File struct {
	// Algorithm names what the file covers, e.g. "podnet-wire-v1".
	Algorithm string `json:"algorithm"`
	// GeneratorVersion identifies the generator that wrote the file.
	GeneratorVersion string `json:"generatorVersion"`
	// NumberOfTests is the number of tests over all groups.
	NumberOfTests int `json:"numberOfTests"`
	// Header says what the file is, in prose.
	Header []string `json:"header"`
	// Notes explains each flag used by the tests.
	Notes map[string]string `json:"notes"`
	// TestGroups holds the tests, grouped by operation.
	TestGroups []Group `json:"testGroups"`
}

// Group is a set of tests of one operation.
type Group struct {
	// Type is the operation every test of the group runs (README.md lists them).
	Type string `json:"type"`
	// Tests are the tests.
	Tests []Test `json:"tests"`
}

// Test is one vector.
type Test struct {
	// TcID is unique within the file.
	TcID int `json:"tcId"`
	// Comment says what the test checks.
	Comment string `json:"comment"`
	// Spec names the section of spec/ that the test covers, e.g. "suite.md §5".
	Spec string `json:"spec"`
	// Flags classify the test (explained in File.Notes).
	Flags []string `json:"flags"`
	// Input holds the operation's inputs: hex strings, decimal strings, lists of them.
	Input map[string]any `json:"input"`
	// Output holds the expected outputs of a valid test.
	Output map[string]any `json:"output,omitempty"`
	// Result is "valid" or "invalid".
	Result string `json:"result"`
	// Error is the expected error name of an invalid test.
	Error string `json:"error,omitempty"`
}

// NamedFile is a vector file with its base name.
type NamedFile struct {
	// Name is the file's base name, e.g. "wire.json".
	Name string
	// File is the parsed content.
	File *File
}

// Validate checks the schema: counts, unique ids, results, error names and spec fields.
func (f *File) Validate() error {
	n := 0
	seen := map[int]bool{}
	for _, g := range f.TestGroups {
		if g.Type == "" {
			return fmt.Errorf("%w: group without type", ErrBadVectors)
		}
		for _, t := range g.Tests {
			n++
			if seen[t.TcID] {
				return fmt.Errorf("%w: duplicate tcId %d", ErrBadVectors, t.TcID)
			}
			seen[t.TcID] = true
			if !strings.Contains(t.Spec, ".md") {
				return fmt.Errorf("%w: tcId %d names no spec section", ErrBadVectors, t.TcID)
			}
			switch t.Result {
			case ResultValid:
				if t.Error != "" {
					return fmt.Errorf("%w: valid tcId %d has an error", ErrBadVectors, t.TcID)
				}
			case ResultInvalid:
				if t.Error == "" {
					return fmt.Errorf("%w: invalid tcId %d names no error", ErrBadVectors, t.TcID)
				}
			default:
				return fmt.Errorf("%w: tcId %d result %q", ErrBadVectors, t.TcID, t.Result)
			}
			for _, fl := range t.Flags {
				if _, ok := f.Notes[fl]; !ok {
					return fmt.Errorf("%w: tcId %d flag %q has no note", ErrBadVectors, t.TcID, fl)
				}
			}
		}
	}
	if n != f.NumberOfTests {
		return fmt.Errorf("%w: numberOfTests %d, counted %d", ErrBadVectors, f.NumberOfTests, n)
	}
	return nil
}

// Marshal returns the canonical JSON of a file (two-space indent, sorted object keys,
// trailing newline), so that regenerating gives byte-identical files.
func (f *File) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("marshal %s: %w", f.Algorithm, err)
	}
	return append(b, '\n'), nil
}

// LoadDir reads and validates every *.json file of dir, sorted by name.
func LoadDir(dir string) ([]NamedFile, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%w: no *.json in %s", ErrBadVectors, dir)
	}
	sort.Strings(paths)
	out := make([]NamedFile, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading vectors: %w", err)
		}
		f, err := parseFile(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		out = append(out, NamedFile{Name: filepath.Base(p), File: f})
	}
	return out, nil
}
