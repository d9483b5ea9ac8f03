// Package check is a small, generic explicit-state model checker.
//
// A System describes a transition system: its initial states, the named
// transitions enabled in a state, and a canonical key per state. Run explores
// every state reachable from the initial states breadth-first, deduplicating
// states by a 128-bit hash of their canonical key ("state hashing"), and
// evaluates Properties on the way:
//
//   - Always: the predicate holds in every reachable state (safety);
//   - Sometimes: the predicate holds in at least one reachable state
//     (executability, Tamarin's exists-trace lemmas);
//   - AlwaysRecoverable: in every reachable state where When holds, a state
//     where Holds holds can be reached using only the transitions Via admits
//     (for example "the device can still obtain the update by its own steps").
//
// Because the search is breadth-first, each counterexample is a shortest
// trace of named steps from an initial state. A Spec bundles a system with its
// properties and with Mutants, seeded-bug variants of the system that the
// checker must catch (some property must fail on each of them). Spec values
// implement the non-generic Suite interface, so heterogeneous models can be
// run from one list (see package model/registry).
//
// The package has no I/O and no global state; cancellation goes through the
// context passed to Run and Check.
package check

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"strings"
	"time"
)

// Transition is one enabled step from a state.
type Transition[S any] struct {
	// Rule is the name of the rule that fires (for protocol models: the name
	// shared with the spec and the Tamarin theory, e.g. "Device_Commit").
	Rule string
	// Label describes this instance of the rule (its parameters); it is
	// printed in traces. Empty means Rule.
	Label string
	// Next is the successor state.
	Next S
}

// System is a transition system to explore.
type System[S any] interface {
	// Init returns the initial states.
	Init() []S
	// Next returns the transitions enabled in s. It must not modify s.
	Next(s S) []Transition[S]
	// Key returns a canonical encoding of s: two states are the same state
	// exactly when their keys are equal.
	Key(s S) string
}

// Kind says how a Property is evaluated.
type Kind int

const (
	// Always requires Holds in every reachable state.
	Always Kind = iota
	// Sometimes requires Holds in at least one reachable state.
	Sometimes
	// AlwaysRecoverable requires that from every reachable state where When
	// holds, a state where Holds holds is reachable through transitions that
	// Via admits (the empty path counts).
	AlwaysRecoverable
)

// String returns the name of the kind.
func (k Kind) String() string {
	switch k {
	case Always:
		return "always"
	case Sometimes:
		return "sometimes"
	case AlwaysRecoverable:
		return "always-recoverable"
	default:
		return fmt.Sprintf("kind(%d)", int(k))
	}
}

// Property is a named property of a System's reachable states.
type Property[S any] struct {
	// Name is the property's name (for protocol models: the Tamarin lemma).
	Name string
	// Doc is a one-line statement of the property.
	Doc string
	// Kind says how the property is evaluated.
	Kind Kind
	// Holds is the predicate (the goal for AlwaysRecoverable).
	Holds func(S) bool
	// When is the condition of an AlwaysRecoverable property; unused otherwise.
	When func(S) bool
	// Via admits the transitions an AlwaysRecoverable property may use to
	// reach its goal; unused otherwise.
	Via func(Transition[S]) bool
}

// Options bound a search. The zero value means no bounds and the default
// recovery bound.
type Options struct {
	// MaxStates stops the search after this many distinct states (0: no limit).
	MaxStates int
	// MaxDepth does not expand states at this depth or deeper (0: no limit).
	MaxDepth int
	// StopOnViolation ends the search at the first failing Always or
	// AlwaysRecoverable property (used for mutants).
	StopOnViolation bool
	// RecoverStates bounds the number of states explored by each local
	// search of an AlwaysRecoverable property (0: 10000).
	RecoverStates int
}

// Step is one step of a trace.
type Step struct {
	// Rule is the rule that fired.
	Rule string
	// Label is the rule instance.
	Label string
}

// Trace is a sequence of steps from an initial state.
type Trace []Step

// String prints the trace, one numbered step per line.
func (t Trace) String() string {
	var b strings.Builder
	for i, s := range t {
		l := s.Label
		if l == "" {
			l = s.Rule
		}
		fmt.Fprintf(&b, "%3d. %s\n", i+1, l)
	}
	return b.String()
}

// Rules returns the rule names of the trace in order.
func (t Trace) Rules() []string {
	out := make([]string, len(t))
	for i, s := range t {
		out[i] = s.Rule
	}
	return out
}

// PropertyResult is the verdict on one property.
type PropertyResult struct {
	// Name is the property's name.
	Name string
	// Kind is the property's kind.
	Kind Kind
	// Holds is the verdict within the explored states.
	Holds bool
	// Trace is a shortest counterexample when an Always or AlwaysRecoverable
	// property fails (for AlwaysRecoverable: the path to the state from
	// which the goal cannot be reached), or a shortest witness when a
	// Sometimes property holds.
	Trace Trace
	// Note explains a failure in words.
	Note string
}

// Result is the outcome of one search.
type Result struct {
	// States is the number of distinct reachable states found.
	States int
	// Transitions is the number of transitions explored (including those
	// leading to already known states).
	Transitions int
	// Depth is the length of the longest shortest path to a found state.
	Depth int
	// Complete is false when a bound (MaxStates, MaxDepth,
	// StopOnViolation) cut the search short.
	Complete bool
	// Properties holds one verdict per property, in the given order.
	Properties []PropertyResult
	// Elapsed is the wall time of the search.
	Elapsed time.Duration
}

// Property returns the verdict named name and whether it exists.
func (r Result) Property(name string) (PropertyResult, bool) {
	for _, p := range r.Properties {
		if p.Name == name {
			return p, true
		}
	}
	return PropertyResult{}, false
}

// AllHold reports whether every property holds.
func (r Result) AllHold() bool {
	for _, p := range r.Properties {
		if !p.Holds {
			return false
		}
	}
	return true
}

// ErrInvalidProperty is returned when a property lacks a function its kind
// needs, has no name, or shares its name with another property.
var ErrInvalidProperty = errors.New("check: invalid property")

// ErrNoInitialState is returned when a system has no initial state.
var ErrNoInitialState = errors.New("check: system has no initial state")

// stateHash is a 128-bit hash of a state's canonical key: two independent
// 64-bit hashes. With n states the probability that two distinct states
// collide (and one is wrongly pruned) is about n²/2^129.
type stateHash [2]uint64

// hasher hashes canonical keys with seeds fixed for one search.
type hasher struct{ s1, s2 maphash.Seed }

func newHasher() hasher { return hasher{maphash.MakeSeed(), maphash.MakeSeed()} }

func (h hasher) key(k string) stateHash {
	return stateHash{maphash.String(h.s1, k), maphash.String(h.s2, k)}
}

// node is the search record of one state: how it was first reached.
type node struct {
	parent int32 // -1 for initial states
	step   Step
}

type queued[S any] struct {
	s     S
	idx   int32
	depth int
}

func validate[S any](props []Property[S]) error {
	seen := map[string]bool{}
	for _, p := range props {
		if p.Name == "" {
			return fmt.Errorf("%w: empty name", ErrInvalidProperty)
		}
		if seen[p.Name] {
			return fmt.Errorf("%w: duplicate name %q", ErrInvalidProperty, p.Name)
		}
		seen[p.Name] = true
		if p.Holds == nil {
			return fmt.Errorf("%w: %q has no Holds", ErrInvalidProperty, p.Name)
		}
		switch p.Kind {
		case Always, Sometimes:
		case AlwaysRecoverable:
			if p.When == nil || p.Via == nil {
				return fmt.Errorf("%w: %q (always-recoverable) needs When and Via", ErrInvalidProperty, p.Name)
			}
		default:
			return fmt.Errorf("%w: %q has unknown kind %d", ErrInvalidProperty, p.Name, int(p.Kind))
		}
	}
	return nil
}

// Run explores the states of sys reachable from its initial states and
// evaluates props. It returns an error only for invalid input or when ctx is
// cancelled; failing properties are reported in the Result.
func Run[S any](ctx context.Context, sys System[S], props []Property[S], opts Options) (Result, error) {
	start := time.Now()
	if err := validate(props); err != nil {
		return Result{}, err
	}
	if opts.RecoverStates <= 0 {
		opts.RecoverStates = 10000
	}
	res := Result{Complete: true, Properties: make([]PropertyResult, len(props))}
	for i, p := range props {
		res.Properties[i] = PropertyResult{Name: p.Name, Kind: p.Kind, Holds: p.Kind != Sometimes}
	}
	decided := make([]bool, len(props)) // failure found (Always, Recoverable) or witness found (Sometimes)

	hs := newHasher()
	index := map[stateHash]int32{}
	var nodes []node
	var queue []queued[S]

	trace := func(i int32) Trace {
		var t Trace
		for i >= 0 {
			n := nodes[i]
			if n.parent < 0 {
				break
			}
			t = append(t, n.step)
			i = n.parent
		}
		for a, b := 0, len(t)-1; a < b; a, b = a+1, b-1 {
			t[a], t[b] = t[b], t[a]
		}
		return t
	}

	stop := false
	// visit evaluates the properties on a newly found state.
	visit := func(s S, idx int32) {
		for i, p := range props {
			if decided[i] {
				continue
			}
			switch p.Kind {
			case Always:
				if !p.Holds(s) {
					decided[i] = true
					res.Properties[i].Holds = false
					res.Properties[i].Trace = trace(idx)
					res.Properties[i].Note = "violated in the last state of the trace"
					if opts.StopOnViolation {
						stop = true
					}
				}
			case Sometimes:
				if p.Holds(s) {
					decided[i] = true
					res.Properties[i].Holds = true
					res.Properties[i].Trace = trace(idx)
				}
			case AlwaysRecoverable:
				if p.When(s) && !p.Holds(s) && !recoverable(sys, hs, p, s, opts.RecoverStates) {
					decided[i] = true
					res.Properties[i].Holds = false
					res.Properties[i].Trace = trace(idx)
					res.Properties[i].Note = "from the last state of the trace the goal cannot be reached by the admitted steps"
					if opts.StopOnViolation {
						stop = true
					}
				}
			}
		}
	}

	add := func(s S, parent int32, step Step, depth int) bool {
		h := hs.key(sys.Key(s))
		if _, ok := index[h]; ok {
			return false
		}
		idx := int32(len(nodes))
		index[h] = idx
		nodes = append(nodes, node{parent: parent, step: step})
		if depth > res.Depth {
			res.Depth = depth
		}
		queue = append(queue, queued[S]{s: s, idx: idx, depth: depth})
		visit(s, idx)
		return true
	}

	inits := sys.Init()
	if len(inits) == 0 {
		return Result{}, ErrNoInitialState
	}
	for _, s := range inits {
		add(s, -1, Step{}, 0)
	}
	for head := 0; head < len(queue) && !stop; head++ {
		if head%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return Result{}, fmt.Errorf("check: search cancelled after %d states: %w", len(nodes), err)
			}
		}
		q := queue[head]
		queue[head] = queued[S]{} // let the state be collected
		if opts.MaxDepth > 0 && q.depth >= opts.MaxDepth {
			res.Complete = false
			continue
		}
		for _, t := range sys.Next(q.s) {
			res.Transitions++
			if opts.MaxStates > 0 && len(nodes) >= opts.MaxStates {
				if _, ok := index[hs.key(sys.Key(t.Next))]; !ok {
					res.Complete = false
					stop = true
					break
				}
				continue
			}
			add(t.Next, q.idx, Step{Rule: t.Rule, Label: t.Label}, q.depth+1)
			if stop {
				break
			}
		}
	}
	if stop {
		res.Complete = false
	}
	res.States = len(nodes)
	res.Elapsed = time.Since(start)
	return res, nil
}

// recoverable searches from s, using only the transitions p.Via admits, for a
// state where p.Holds holds.
func recoverable[S any](sys System[S], hs hasher, p Property[S], s S, limit int) bool {
	seen := map[stateHash]bool{hs.key(sys.Key(s)): true}
	frontier := []S{s}
	for len(frontier) > 0 && len(seen) < limit {
		cur := frontier[len(frontier)-1]
		frontier = frontier[:len(frontier)-1]
		for _, t := range sys.Next(cur) {
			if !p.Via(t) {
				continue
			}
			if p.Holds(t.Next) {
				return true
			}
			h := hs.key(sys.Key(t.Next))
			if !seen[h] {
				seen[h] = true
				frontier = append(frontier, t.Next)
			}
		}
	}
	return false
}
