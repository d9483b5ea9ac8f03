package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/podnet/podnet/impl/channel"
	"io"
	"text/tabwriter"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/pod"
)

// gasSource measures one group of gas rows on its own embedded chain and may print notes
// for the readable table.
type gasSource struct {
	name string
	run  func(ctx context.Context) (rows []chain.GasRow, notes []string, err error)
}

// gasSources lists every group of rows of `podnet bench gas`, in output order. Add a
// contract's rows by appending its source here.
func gasSources(claimFleet uint64) []gasSource {
	return []gasSource{
		{name: "proof of distribution", run: func(ctx context.Context) ([]chain.GasRow, []string, error) {
			cfg := pod.DefaultGasConfig()
			cfg.ClaimFleet = claimFleet
			rep, err := pod.MeasureGas(ctx, cfg)
			if err != nil {
				return nil, nil, err
			}
			notes := []string{
				fmt.Sprintf("fork: %s", rep.Fork),
				fmt.Sprintf("claims: fleet of %d devices (tree depth %d, proof %d bytes); steady state: the device's bitmap word already holds a claim", rep.ClaimFleet, rep.ClaimDepth, 32*rep.ClaimDepth),
				fmt.Sprintf("deploy gas without the intrinsic 21,000 + calldata: %v (the totals differ only by the zero/nonzero bytes of fleetSize, root and deposit)", rep.DeployExecution),
				fmt.Sprintf("first claim in a 256-device bitmap word: +%d gas (once per 256 devices)", rep.FirstInWord),
			}
			return rep.Rows, notes, nil
		}},
		{name: "payment channels", run: channel.MeasureGas},
	}
}

// runBenchGas measures the gas of the contracts on the embedded chain (Osaka) and prints
// a table, or a JSON array of {"name", "gas"} rows with --json.
func runBenchGas(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench gas", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print a JSON array of {\"name\", \"gas\"} rows")
	claimFleet := fs.Uint64("claim-fleet", pod.DefaultGasConfig().ClaimFleet, "fleet size of the bid the claim rows are measured on")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	rows := []chain.GasRow{}
	var notes []string
	for _, src := range gasSources(*claimFleet) {
		r, n, err := src.run(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", src.name, err)
		}
		rows = append(rows, r...)
		notes = append(notes, n...)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "row\t      gas")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%9d\n", r.Name, r.Gas)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(stdout, n)
	}
	return nil
}
