package check

import (
	"context"
	"fmt"
)

// Mutant is a seeded-bug variant of a system: typically the same model with
// one check switched off. The checker must catch it, that is find a failing
// property.
type Mutant[S any] struct {
	// Name identifies the mutant (for protocol models: the check it removes).
	Name string
	// Doc says what the mutant switches off.
	Doc string
	// System is the mutated system.
	System System[S]
}

// Spec bundles a system, its properties and its mutants.
type Spec[S any] struct {
	// Name identifies the checked system, e.g. "pod_hashlock".
	Name string
	// System is the system under check.
	System System[S]
	// Properties are evaluated on System and on every mutant.
	Properties []Property[S]
	// Mutants must each make some property fail.
	Mutants []Mutant[S]
	// Options bound the search of System; mutants are searched with the same
	// bounds and StopOnViolation set.
	Options Options
}

// MutantResult is the verdict on one mutant.
type MutantResult struct {
	// Name is the mutant's name.
	Name string
	// Caught reports whether some property failed on the mutant.
	Caught bool
	// By names the first failing property (empty when not caught).
	By string
	// Trace is the counterexample that catches the mutant.
	Trace Trace
	// States is the number of states explored until it was caught.
	States int
}

// Report is the outcome of checking a Spec.
type Report struct {
	// Name is the Spec's name.
	Name string
	// Result is the outcome on the unmutated system.
	Result Result
	// Mutants holds one verdict per mutant, in the given order.
	Mutants []MutantResult
}

// OK reports whether every property holds (on a complete search) and every
// mutant is caught.
func (r Report) OK() bool {
	if !r.Result.Complete || !r.Result.AllHold() {
		return false
	}
	for _, m := range r.Mutants {
		if !m.Caught {
			return false
		}
	}
	return true
}

// Suite is a checkable model whatever its state type; Spec implements it.
type Suite interface {
	// SuiteName returns the name of the checked system.
	SuiteName() string
	// Check runs the checker on the system and on every mutant.
	Check(ctx context.Context) (Report, error)
}

// SuiteName returns s.Name.
func (s Spec[S]) SuiteName() string { return s.Name }

// Check runs the checker on s.System with s.Properties, then on every mutant.
// A mutant is caught when an Always or AlwaysRecoverable property fails on
// it; Sometimes properties do not catch mutants (a mutant switches a check
// off, which only adds behaviour).
func (s Spec[S]) Check(ctx context.Context) (Report, error) {
	rep := Report{Name: s.Name}
	res, err := Run(ctx, s.System, s.Properties, s.Options)
	if err != nil {
		return rep, fmt.Errorf("check %s: %w", s.Name, err)
	}
	rep.Result = res
	for _, m := range s.Mutants {
		mr, err := s.CheckMutant(ctx, m)
		if err != nil {
			return rep, err
		}
		rep.Mutants = append(rep.Mutants, mr)
	}
	return rep, nil
}

// CheckMutant runs the checker on one mutant with s's properties and bounds,
// stopping at the first violation.
func (s Spec[S]) CheckMutant(ctx context.Context, m Mutant[S]) (MutantResult, error) {
	opts := s.Options
	opts.StopOnViolation = true
	res, err := Run(ctx, m.System, s.Properties, opts)
	if err != nil {
		return MutantResult{}, fmt.Errorf("check %s mutant %s: %w", s.Name, m.Name, err)
	}
	out := MutantResult{Name: m.Name, States: res.States}
	for _, p := range res.Properties {
		if p.Kind == Sometimes {
			continue
		}
		if !p.Holds {
			out.Caught, out.By, out.Trace = true, p.Name, p.Trace
			return out, nil
		}
	}
	return out, nil
}
