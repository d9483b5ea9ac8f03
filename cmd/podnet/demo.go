package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	gnarklogger "github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/party"
)

// gethDevKey is the deterministic developer account of `geth --dev` (go-ethereum
// cmd/utils.DeveloperKey), funded at genesis.
const gethDevKey = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// runDemo is `podnet demo`: the proof-of-distribution protocol end to end in one process
// (spec/pod.md). `podnet demo channel` runs the payment-channel demo instead.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "channel" {
		return runDemoChannel(ctx, args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("podnet demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the summary as JSON on stdout")
	fwFile := fs.String("firmware", "", "firmware image to distribute (default: a generated 1000-byte image)")
	size := fs.Int("size", 1000, "size of the generated image in bytes")
	rpcURL := fs.String("rpc", "", "JSON-RPC endpoint of a node (default: the embedded simulated chain)")
	keyHex := fs.String("key", gethDevKey, "funded private key on --rpc (default: geth --dev's developer key)")
	devices := fs.Int("devices", 20, "number of devices")
	hub := fs.Int("hub", 5, "devices behind the hub")
	paper := fs.Int("paper", 5, "devices in the paper-mode (hash-lock) bid; the rest are in the point-lock bid")
	offline := fs.Int("offline", 1, "fleet members per bid that never show up (their share is refunded)")
	dists := fs.Int("distributors", 3, "number of distributors")
	batch := fs.Int("batch", 4, "claimBatch size")
	keyDir := fs.String("keys", defaultKeyDir(), "the vendor's key store (\"\" to run the setup every time)")
	dir := fs.String("dir", "", "directory for the parties' stores (default: a temporary one)")
	expiry := fs.Duration("expiry", 60*time.Second, "bid lifetime on --rpc (the embedded chain's clock is moved instead)")
	timeout := fs.Duration("timeout", 15*time.Minute, "give up after this long")
	verbose := fs.Bool("v", false, "log every party's records to stderr")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	if *devices <= 0 || *hub < 0 || *hub > *devices || *paper < 0 || *paper > *devices || *dists <= 0 || *offline < 0 {
		return fmt.Errorf("%w: need devices > 0, 0 <= hub, paper <= devices, distributors > 0, offline >= 0", errUsage)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	start := time.Now()
	opts := party.DemoOptions{
		ImageSize: *size, Devices: *devices, Hub: *hub, Paper: *paper, Offline: *offline,
		Distributors: *dists, BatchSize: *batch, KeyDir: *keyDir, Dir: *dir, Expiry: *expiry,
		Progress: stderr,
	}
	if *hub == 0 {
		opts.Hub = -1 // "none" (0 means the default)
	}
	if *paper == 0 {
		opts.Paper = -1
	}
	if *verbose {
		opts.Log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	} else {
		opts.Log = slog.New(party.NewProgressHandler(stderr, start))
		gnarklogger.Disable() // gnark's own per-proof logs; the progress lines replace them
	}
	if *fwFile != "" {
		img, err := os.ReadFile(*fwFile)
		if err != nil {
			return fmt.Errorf("read firmware: %w", err)
		}
		opts.Image = img
	}
	if *rpcURL != "" {
		key, err := crypto.HexToECDSA(strings.TrimPrefix(*keyHex, "0x"))
		if err != nil {
			return fmt.Errorf("%w: --key: %w", errUsage, err)
		}
		rc, err := chain.Dial(ctx, *rpcURL, key)
		if err != nil {
			return err
		}
		defer rc.Close()
		opts.Chain, opts.Funder = rc, key
	}
	sum, err := party.RunDemo(ctx, opts)
	if sum != nil {
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			if jerr := enc.Encode(sum); jerr != nil {
				return jerr
			}
		} else {
			printDemoReport(stdout, sum)
		}
	}
	return err
}

// defaultKeyDir is the vendor's key store: the user's cache directory.
func defaultKeyDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "podnet-keys")
	}
	return filepath.Join(d, "podnet", "keys")
}

func printDemoReport(w io.Writer, s *party.DemoSummary) {
	fmt.Fprintf(w, "\npodnet demo — proof of distribution, %s (%s)\n", s.Chain, s.Fork)
	fmt.Fprintf(w, "update: version %d, %d-byte image (size class %s), U_id %s…\n", s.Version, s.ImageBytes, s.SizeClass, s.UpdateID[:16])
	fmt.Fprintf(w, "bids: %s (paper mode), %s (point-lock)\n", bidOr(s.Bids, 0), bidOr(s.Bids, 1))
	fmt.Fprintf(w, "devices updated and verified: %d/%d (%d behind the hub); fleet commitments: %d\n",
		s.DevicesUpdated, s.DevicesTotal, s.DevicesViaHub, s.FleetSize)
	fmt.Fprintf(w, "claims paid: %d, double payments: %d\n", s.ClaimsPaid, s.DoublePayments)
	fmt.Fprintf(w, "deposit %s wei = paid %s + refunded %s: %v\n\n", s.DepositWei, s.PaidWei, s.RefundedWei, s.Balanced)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "distributor\taddress\tdevices served\tdevices paid\tclaims lost\tpaid (wei)\t")
	for _, d := range s.Distributors {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t\n", d.Name, d.Address[:10]+"…", d.Served, d.Paid, d.Lost, d.PaidWei)
	}
	_ = tw.Flush()

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "step\tcount\tmean (ms)\tmax (ms)\ttotal (ms)\t")
	for _, st := range s.Steps {
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.1f\t%.1f\t\n", st.Step, st.Count, st.MeanMS, st.MaxMS, st.TotalMS)
	}
	_ = tw.Flush()

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "transaction\tcount\tmean gas\tmin\tmax\tgas per device\t")
	for _, g := range s.Gas {
		per := ""
		if g.PerDevice > 0 {
			per = fmt.Sprint(g.PerDevice)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t\n", g.Kind, g.Count, g.Mean, g.Min, g.Max, per)
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "\nconstraints: %v; vendor key setup or load: %.1fs; total %.1fs\n", s.Constraints, s.SetupSeconds, s.ElapsedSeconds)
}

func bidOr(b []string, i int) string {
	if i < len(b) {
		return b[i]
	}
	return "-"
}
