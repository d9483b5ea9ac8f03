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
	"strings"
	"text/tabwriter"

	"github.com/podnet/podnet/conformance"
)

// errConformanceFailed reports a run with failing vectors.
var errConformanceFailed = errors.New("conformance vectors failed")

// runConformance implements
//
//	podnet conformance [--vectors DIR] [--json] [--shim CMD] [--any-error]
//	podnet conformance --serve
//
// It runs every vector against this implementation, or against another client started as
// CMD and driven over the JSON-lines shim protocol of conformance/README.md, and prints
// pass/fail counts per file. --serve makes this binary the shim: it answers requests on
// stdin/stdout.
func runConformance(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("conformance", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("vectors", "", "directory of vector files (default: the vectors built into this binary)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	shimCmd := fs.String("shim", "", "command of another client speaking the shim protocol (split on spaces)")
	anyError := fs.Bool("any-error", false, "accept any rejection of an invalid vector, not only the named error")
	serve := fs.Bool("serve", false, "act as a shim: answer vector requests on stdin/stdout with this implementation")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *serve {
		return conformance.Serve(ctx, os.Stdin, stdout, conformance.Native{})
	}
	var files []conformance.NamedFile
	var err error
	if *dir != "" {
		files, err = conformance.LoadDir(*dir)
	} else {
		files, err = conformance.EmbeddedVectors()
	}
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	var client conformance.Client = conformance.Native{}
	clientName := "podnet (native)"
	if *shimCmd != "" {
		shim, err := conformance.StartShim(ctx, strings.Fields(*shimCmd), stderr, logger)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := shim.Close(); cerr != nil {
				logger.Warn("shim did not exit cleanly", "err", cerr)
			}
		}()
		client = shim
		clientName = *shimCmd
	}
	rep, err := conformance.Run(ctx, files, client, conformance.Options{AnyError: *anyError})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Client string `json:"client"`
			*conformance.Report
		}{clientName, rep}); err != nil {
			return fmt.Errorf("writing report: %w", err)
		}
	} else {
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "client: %s\n", clientName)
		fmt.Fprintln(tw, "FILE\tALGORITHM\tTESTS\tVALID\tINVALID\tPASSED\tFAILED")
		for _, f := range rep.Files {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\n", f.File, f.Algorithm, f.Tests, f.Valid, f.Invalid, f.Passed, f.Failed)
		}
		fmt.Fprintf(tw, "total\t\t%d\t%d\t%d\t%d\t%d\n", rep.Tests, rep.Valid, rep.Invalid, rep.Passed, rep.Failed)
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("writing report: %w", err)
		}
		for _, f := range rep.Failures {
			fmt.Fprintf(stdout, "FAIL %s tcId %d (%s): %s: %s\n", f.File, f.TcID, f.Op, f.Comment, f.Reason)
		}
	}
	if rep.Failed > 0 {
		return fmt.Errorf("%w: %d of %d", errConformanceFailed, rep.Failed, rep.Tests)
	}
	return nil
}
