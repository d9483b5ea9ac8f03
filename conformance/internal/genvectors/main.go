// Command genvectors writes the conformance vectors (go generate ./conformance/...).
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/podnet/podnet/conformance/internal/gen"
)

func main() {
	out := flag.String("out", "vectors", "directory to write the vector files into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genvectors:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	files, err := gen.Generate()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	total, invalid := 0, 0
	for _, f := range files {
		b, err := f.File.Marshal()
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), b, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.Name, err)
		}
		for _, g := range f.File.TestGroups {
			for _, t := range g.Tests {
				total++
				if t.Result == "invalid" {
					invalid++
				}
			}
		}
	}
	slog.Info("vectors written", "dir", dir, "files", len(files), "tests", total, "invalid", invalid)
	return nil
}
