package check_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/podnet/podnet/model/check"
)

// line is a system on 0..n: Inc moves right, Reset (if allowed) goes to 0,
// Trap (from 2, if enabled) jumps to -1, where nothing is enabled.
type line struct {
	n    int
	trap bool
}

func (l line) Init() []int      { return []int{0} }
func (l line) Key(s int) string { return strconv.Itoa(s) }
func (l line) Next(s int) []check.Transition[int] {
	var out []check.Transition[int]
	if s >= 0 && s < l.n {
		out = append(out, check.Transition[int]{Rule: "Inc", Next: s + 1})
	}
	if s > 0 {
		out = append(out, check.Transition[int]{Rule: "Reset", Next: 0})
	}
	if l.trap && s == 2 {
		out = append(out, check.Transition[int]{Rule: "Trap", Next: -1})
	}
	return out
}

func TestRunProperties(t *testing.T) {
	atMost := func(k int) func(int) bool { return func(s int) bool { return s <= k } }
	onlyInc := func(tr check.Transition[int]) bool { return tr.Rule == "Inc" }
	tests := []struct {
		name      string
		sys       line
		prop      check.Property[int]
		holds     bool
		traceLen  int
		wantRules []string
	}{
		{"always holds", line{n: 3}, check.Property[int]{Name: "p", Kind: check.Always, Holds: atMost(3)}, true, 0, nil},
		{"always fails with shortest trace", line{n: 3}, check.Property[int]{Name: "p", Kind: check.Always, Holds: atMost(1)}, false, 2, []string{"Inc", "Inc"}},
		{"sometimes witness", line{n: 3}, check.Property[int]{Name: "p", Kind: check.Sometimes, Holds: func(s int) bool { return s == 3 }}, true, 3, []string{"Inc", "Inc", "Inc"}},
		{"sometimes unmet", line{n: 3}, check.Property[int]{Name: "p", Kind: check.Sometimes, Holds: func(s int) bool { return s == 4 }}, false, 0, nil},
		{"recoverable holds", line{n: 3}, check.Property[int]{Name: "p", Kind: check.AlwaysRecoverable,
			When: func(s int) bool { return s >= 1 }, Holds: func(s int) bool { return s == 3 }, Via: onlyInc}, true, 0, nil},
		{"recoverable fails from trap", line{n: 3, trap: true}, check.Property[int]{Name: "p", Kind: check.AlwaysRecoverable,
			When: func(s int) bool { return s != 0 }, Holds: func(s int) bool { return s == 3 }, Via: onlyInc}, false, 3, []string{"Inc", "Inc", "Trap"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := check.Run(context.Background(), tc.sys, []check.Property[int]{tc.prop}, check.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Complete {
				t.Fatal("search incomplete")
			}
			p := res.Properties[0]
			if p.Holds != tc.holds {
				t.Fatalf("holds = %v, want %v", p.Holds, tc.holds)
			}
			if len(p.Trace) != tc.traceLen {
				t.Fatalf("trace %v, want length %d", p.Trace.Rules(), tc.traceLen)
			}
			for i, r := range tc.wantRules {
				if p.Trace[i].Rule != r {
					t.Fatalf("trace %v, want %v", p.Trace.Rules(), tc.wantRules)
				}
			}
		})
	}
}

func TestRunCounts(t *testing.T) {
	res, err := check.Run(context.Background(), line{n: 4, trap: true}, nil, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// states 0..4 and -1; transitions: Inc 4, Reset 4, Trap 1.
	if res.States != 6 || res.Transitions != 9 || res.Depth != 4 {
		t.Fatalf("states %d transitions %d depth %d, want 6 9 4", res.States, res.Transitions, res.Depth)
	}
}

func TestRunBounds(t *testing.T) {
	res, err := check.Run(context.Background(), line{n: 100}, nil, check.Options{MaxStates: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Complete || res.States != 10 {
		t.Fatalf("MaxStates: complete %v states %d, want false 10", res.Complete, res.States)
	}
	res, err = check.Run(context.Background(), line{n: 100}, nil, check.Options{MaxDepth: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Complete || res.States != 6 {
		t.Fatalf("MaxDepth: complete %v states %d, want false 6", res.Complete, res.States)
	}
}

func TestRunErrors(t *testing.T) {
	ok := func(int) bool { return true }
	tests := []struct {
		name  string
		props []check.Property[int]
	}{
		{"empty name", []check.Property[int]{{Kind: check.Always, Holds: ok}}},
		{"duplicate", []check.Property[int]{{Name: "a", Holds: ok}, {Name: "a", Holds: ok}}},
		{"no holds", []check.Property[int]{{Name: "a"}}},
		{"recoverable without via", []check.Property[int]{{Name: "a", Kind: check.AlwaysRecoverable, Holds: ok, When: ok}}},
		{"unknown kind", []check.Property[int]{{Name: "a", Kind: check.Kind(9), Holds: ok}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := check.Run(context.Background(), line{n: 2}, tc.props, check.Options{})
			if !errors.Is(err, check.ErrInvalidProperty) {
				t.Fatalf("err = %v, want ErrInvalidProperty", err)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := check.Run(ctx, line{n: 2}, nil, check.Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: err = %v", err)
	}
}

func TestMutantNotCaught(t *testing.T) {
	spec := check.Spec[int]{
		Name:       "line",
		System:     line{n: 3},
		Properties: []check.Property[int]{{Name: "bounded", Kind: check.Always, Holds: func(s int) bool { return s <= 5 }}},
		Mutants: []check.Mutant[int]{
			{Name: "harmless", System: line{n: 4}},
			{Name: "overflow", System: line{n: 6}},
		},
	}
	rep, err := spec.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() {
		t.Fatal("report OK with an uncaught mutant")
	}
	if rep.Mutants[0].Caught || !rep.Mutants[1].Caught || rep.Mutants[1].By != "bounded" {
		t.Fatalf("mutants %+v", rep.Mutants)
	}
}
