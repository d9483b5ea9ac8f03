// Package registry lists the models that `podnet check` runs and the Tamarin
// theories they mirror. To add a model, append its suites in Suites and its
// theory in Theories.
package registry

import (
	"fmt"

	"github.com/podnet/podnet/model/channel"
	"github.com/podnet/podnet/model/check"
	"github.com/podnet/podnet/model/pod"
)

// PodOptions select the scope of the proof-of-distribution model.
type PodOptions struct {
	// Modes are the lock modes to check (default: both).
	Modes []pod.Mode
	// Distributors, Devices, HubDevice and MaxReveals override the default
	// scope's fields when Override is set.
	Distributors, Devices, HubDevice, MaxReveals int
	// Override says whether the fields above replace the default scope's.
	Override bool
	// Network is the network semantics (default: Dolev-Yao).
	Network pod.Network
	// PodOnly leaves out the payment-channel systems.
	PodOnly bool
}

// PodScope returns the scope o selects for mode m.
func (o PodOptions) PodScope(m pod.Mode) pod.Scope {
	sc := pod.DefaultScope(m)
	if o.Override {
		sc.Distributors, sc.Devices, sc.HubDevice, sc.MaxReveals = o.Distributors, o.Devices, o.HubDevice, o.MaxReveals
	}
	sc.Network = o.Network
	return sc
}

// Suites returns the checkable systems `podnet check` runs, in order: the
// proof-of-distribution model in each selected lock mode, then (unless o.PodOnly)
// the payment-channel model in each of its three constructions.
func Suites(o PodOptions) ([]check.Suite, error) {
	modes := o.Modes
	if len(modes) == 0 {
		modes = []pod.Mode{pod.HashLock, pod.PointLock}
	}
	var out []check.Suite
	for _, m := range modes {
		sp, err := pod.Spec(o.PodScope(m))
		if err != nil {
			return nil, fmt.Errorf("registry: pod %s: %w", m, err)
		}
		out = append(out, sp)
	}
	if o.PodOnly {
		return out, nil
	}
	chs, err := channel.Specs()
	if err != nil {
		return nil, fmt.Errorf("registry: channel: %w", err)
	}
	out = append(out, chs...)
	return out, nil
}

// Theory is a Tamarin theory and the names its model uses.
type Theory struct {
	// File is the theory's file name in tamarin/, e.g. "pod_hashlock.spthy".
	File string
	// Rules are the model's rule names, which the theory must declare.
	Rules []string
	// Lemmas are the model's property names, which the theory must declare
	// as lemmas, executability first.
	Lemmas []string
}

// Theories returns every Tamarin theory of tamarin/ with its model's names.
func Theories() []Theory {
	return []Theory{
		{File: "pod_hashlock.spthy", Rules: pod.RuleNames(pod.HashLock), Lemmas: pod.LemmaNames(pod.HashLock)},
		{File: "pod_pointlock.spthy", Rules: pod.RuleNames(pod.PointLock), Lemmas: pod.LemmaNames(pod.PointLock)},
		{File: "channel.spthy", Rules: channel.RuleNames(), Lemmas: channel.LemmaNames()},
	}
}
