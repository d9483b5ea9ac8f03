package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"

	"github.com/podnet/podnet/impl/channel"
)

// runDemoChannel is `podnet demo channel`: the three payment-channel constructions of
// seed 003 end to end on the embedded simulated chain (spec/channel.md).
func runDemoChannel(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("podnet demo channel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	slots := fs.Int("slots", 5, "slots bought per construction")
	deposit := fs.Int("deposit", 0, "deposit per channel, in slots (default 2×slots)")
	price := fs.String("price", "1000000000000", "price of one slot, in wei")
	tree := fs.Int("tree", 3, "client keys in construction 3's tree")
	dir := fs.String("dir", "", "directory for the parties' stores (default: a temporary one)")
	verbose := fs.Bool("v", false, "log every protocol step")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	p, ok := new(big.Int).SetString(*price, 10)
	if !ok || p.Sign() <= 0 {
		return fmt.Errorf("%w: --price %q is not a positive integer", errUsage, *price)
	}
	if *slots <= 0 || *tree <= 0 || *deposit < 0 {
		return fmt.Errorf("%w: --slots and --tree must be positive, --deposit not negative", errUsage)
	}
	var log *slog.Logger
	if *verbose {
		log = slog.New(slog.NewTextHandler(stderr, nil))
	}
	_, err := channel.RunDemo(ctx, stdout, channel.DemoOptions{
		Slots: *slots, DepositSlots: *deposit, Price: p, TreeSize: *tree, Dir: *dir, Logger: log,
	})
	return err
}
