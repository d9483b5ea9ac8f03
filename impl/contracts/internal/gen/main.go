// Command gen recompiles the Solidity sources of impl/contracts with the pinned solc-js and
// regenerates the artifacts and Go bindings. Run it through `go generate
// ./impl/contracts/...` (or `make contracts`), from the impl/contracts directory.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"

	"github.com/podnet/podnet/impl/contracts/internal/build"
)

func main() {
	root := flag.String("root", ".", "the impl/contracts directory")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *root); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, root string) error {
	files, err := build.Generate(ctx, root)
	if err != nil {
		return err
	}
	if err := build.Write(root, files); err != nil {
		return err
	}
	slog.Info("contracts generated", "files", len(files), "root", root)
	return nil
}
