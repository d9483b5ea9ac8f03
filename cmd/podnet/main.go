// Command podnet is the one CLI of the podnet reference implementation:
// the demo, the benchmarks, the model checker and the conformance runner.
//
//	podnet demo [channel] [flags]   run the end-to-end demo on the embedded chain
//	podnet bench gas|zk [flags]     measure gas or proving cost
//	podnet check [--json]           run the bounded model checker
//	podnet conformance [flags]      check vectors against this or another client
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
)

// command is one subcommand of the CLI.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// errUsage marks a command-line error; the process exits with status 2.
var errUsage = errors.New("usage")

func commands() map[string]command {
	return map[string]command{
		"demo":        {"run the end-to-end demo (podnet demo channel: the payment channels)", runDemo},
		"bench":       {"benchmarks: podnet bench gas|zk [--json]", runBench},
		"check":       {"run the bounded model checker over the default scope", runCheck},
		"conformance": {"check the conformance vectors", runConformance},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "podnet: unknown command %q\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	if err := c.run(ctx, args[1:], stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "podnet %s: %v\n", args[0], err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: podnet <command> [flags]")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, cmds[n].summary)
	}
}

// runBench dispatches podnet bench gas|zk.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: podnet bench gas|zk [flags]", errUsage)
	}
	switch args[0] {
	case "gas":
		return runBenchGas(ctx, args[1:], stdout, stderr)
	case "zk":
		return runBenchZK(ctx, args[1:], stdout, stderr)
	default:
		return fmt.Errorf("%w: unknown benchmark %q (want gas or zk)", errUsage, args[0])
	}
}
