package conformance

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed vectors/*.json
var embedded embed.FS

// EmbeddedVectors returns the vector files compiled into the binary (the content of
// conformance/vectors at build time), validated and sorted by name.
func EmbeddedVectors() ([]NamedFile, error) {
	names, err := fs.Glob(embedded, "vectors/*.json")
	if err != nil {
		return nil, fmt.Errorf("embedded vectors: %w", err)
	}
	sort.Strings(names)
	out := make([]NamedFile, 0, len(names))
	for _, n := range names {
		b, err := embedded.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("embedded vectors: %w", err)
		}
		f, err := parseFile(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path.Base(n), err)
		}
		out = append(out, NamedFile{Name: path.Base(n), File: f})
	}
	return out, nil
}

// parseFile decodes and validates one vector file.
func parseFile(b []byte) (*File, error) {
	var f File
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadVectors, err)
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return &f, nil
}
