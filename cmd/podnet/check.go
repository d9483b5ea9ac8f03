package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/podnet/podnet/model/check"
	"github.com/podnet/podnet/model/pod"
	"github.com/podnet/podnet/model/registry"
)

// errCheckFailed is returned when a property fails, a mutant is not caught or
// a search is incomplete.
var errCheckFailed = errors.New("model check failed")

// checkSystem is one system's outcome in podnet check --json.
type checkSystem struct {
	Name        string          `json:"name"`
	States      int             `json:"states"`
	Transitions int             `json:"transitions"`
	Depth       int             `json:"depth"`
	Complete    bool            `json:"complete"`
	Seconds     float64         `json:"seconds"`
	Properties  map[string]bool `json:"properties"`
	Mutants     map[string]bool `json:"mutants"`
}

// checkOutput is the JSON document of podnet check --json. Properties and
// Mutants merge all systems: a name holds (is caught) only if it does in
// every system that has it.
type checkOutput struct {
	Properties map[string]bool `json:"properties"`
	Mutants    map[string]bool `json:"mutants"`
	States     int             `json:"states"`
	Systems    []checkSystem   `json:"systems"`
	OK         bool            `json:"ok"`
}

// runCheck runs the bounded model checker over the registered systems.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	mode := fs.String("mode", "both", "lock mode of the pod model: hashlock, pointlock or both")
	systems := fs.String("systems", "all", "which models: all (pod and payment channels) or pod")
	def := pod.DefaultScope(pod.HashLock)
	dists := fs.Int("distributors", def.Distributors, "honest distributors (the adversary is one more)")
	devs := fs.Int("devices", def.Devices, "fleet size")
	hub := fs.Int("hub", def.HubDevice, "fleet index of the device behind a hub (-1: none)")
	reveals := fs.Int("reveals", def.MaxReveals, "key reveals allowed per run")
	network := fs.String("network", "dolev-yao", "network semantics: dolev-yao (the adversary owns the network) or passive (lossy, duplicating, no attacker, no key reveals)")
	traces := fs.Bool("traces", false, "also print the executability witnesses and the mutants' counterexamples")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *network == "passive" && !set["reveals"] {
		*reveals = 0 // nobody to reveal keys to
	}
	opts := registry.PodOptions{Distributors: *dists, Devices: *devs, HubDevice: *hub, MaxReveals: *reveals}
	opts.Override = opts.Distributors != def.Distributors || opts.Devices != def.Devices ||
		opts.HubDevice != def.HubDevice || opts.MaxReveals != def.MaxReveals
	switch *network {
	case "dolev-yao":
	case "passive":
		opts.Network = pod.Passive
	default:
		return fmt.Errorf("%w: unknown network %q (want dolev-yao or passive)", errUsage, *network)
	}
	switch *mode {
	case "both":
	case "hashlock":
		opts.Modes = []pod.Mode{pod.HashLock}
	case "pointlock":
		opts.Modes = []pod.Mode{pod.PointLock}
	default:
		return fmt.Errorf("%w: unknown mode %q (want hashlock, pointlock or both)", errUsage, *mode)
	}
	switch *systems {
	case "all":
	case "pod":
		opts.PodOnly = true
	default:
		return fmt.Errorf("%w: unknown systems %q (want all or pod)", errUsage, *systems)
	}
	suites, err := registry.Suites(opts)
	if err != nil {
		if errors.Is(err, pod.ErrScope) {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		return err
	}
	out := checkOutput{Properties: map[string]bool{}, Mutants: map[string]bool{}, OK: true}
	for _, s := range suites {
		rep, err := s.Check(ctx)
		if err != nil {
			return fmt.Errorf("check: %w", err)
		}
		sys := summarize(rep)
		out.Systems = append(out.Systems, sys)
		out.States += sys.States
		for n, h := range sys.Properties {
			if prev, ok := out.Properties[n]; ok {
				h = h && prev
			}
			out.Properties[n] = h
		}
		for n, c := range sys.Mutants {
			if prev, ok := out.Mutants[n]; ok {
				c = c && prev
			}
			out.Mutants[n] = c
		}
		if !rep.OK() {
			out.OK = false
		}
		if !*asJSON {
			printReport(stdout, rep, *traces)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("check: %w", err)
		}
	} else {
		verdict := "every property holds and every mutant is caught"
		if !out.OK {
			verdict = "FAILED"
		}
		fmt.Fprintf(stdout, "check: %d systems, %d states in all: %s\n", len(out.Systems), out.States, verdict)
	}
	if !out.OK {
		return errCheckFailed
	}
	return nil
}

func summarize(rep check.Report) checkSystem {
	r := rep.Result
	sys := checkSystem{Name: rep.Name, States: r.States, Transitions: r.Transitions, Depth: r.Depth,
		Complete: r.Complete, Seconds: r.Elapsed.Round(time.Millisecond).Seconds(),
		Properties: map[string]bool{}, Mutants: map[string]bool{}}
	for _, p := range r.Properties {
		sys.Properties[p.Name] = p.Holds && r.Complete
	}
	for _, m := range rep.Mutants {
		sys.Mutants[m.Name] = m.Caught
	}
	return sys
}

func printReport(w io.Writer, rep check.Report, traces bool) {
	r := rep.Result
	fmt.Fprintf(w, "%s: %d states, %d transitions, depth %d, %s", rep.Name, r.States, r.Transitions, r.Depth, r.Elapsed.Round(time.Millisecond))
	if !r.Complete {
		fmt.Fprint(w, " (INCOMPLETE: a bound cut the search)")
	}
	fmt.Fprintln(w)
	for _, p := range r.Properties {
		verdict := "holds"
		if !p.Holds {
			verdict = "FAILS"
		}
		fmt.Fprintf(w, "  %-32s %-18s %s\n", p.Name, p.Kind, verdict)
		if !p.Holds && p.Kind != check.Sometimes {
			fmt.Fprintf(w, "    counterexample (%s):\n%s", p.Note, indent(p.Trace.String(), "    "))
		}
		if traces && p.Holds && p.Kind == check.Sometimes {
			fmt.Fprintf(w, "    witness:\n%s", indent(p.Trace.String(), "    "))
		}
	}
	for _, m := range rep.Mutants {
		if m.Caught {
			fmt.Fprintf(w, "  mutant %-25s caught by %s after %d states\n", m.Name, m.By, m.States)
			if traces {
				fmt.Fprint(w, indent(m.Trace.String(), "    "))
			}
		} else {
			fmt.Fprintf(w, "  mutant %-25s NOT CAUGHT (%d states)\n", m.Name, m.States)
		}
	}
}

func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString(prefix + l)
		}
	}
	return b.String()
}
