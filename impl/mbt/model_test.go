package mbt

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/podnet/podnet/model/check"
	"github.com/podnet/podnet/model/pod"
)

// modelDriver drives model/pod step by step: it fires, among the transitions Next
// enables, the one of a given rule whose label starts with a given prefix. Labels are
// the model's own trace labels (model/pod/model.go), so the test and the model checker
// speak of the same steps.
type modelDriver struct {
	m     *pod.Model
	s     pod.State
	props []check.Property[pod.State]
	fired []string // every transition fired, in order (printed on failure)
}

func newModelDriver(sc pod.Scope) (*modelDriver, error) {
	m, err := pod.New(sc)
	if err != nil {
		return nil, err
	}
	md := &modelDriver{m: m, s: m.Init()[0]}
	for _, p := range m.Properties() {
		if p.Kind == check.Always {
			md.props = append(md.props, p)
		}
	}
	return md, nil
}

// fire fires the enabled transition of rule whose label starts with prefix and reports
// whether there was one.
func (md *modelDriver) fire(rule, prefix string) bool {
	for _, t := range md.m.Next(md.s) {
		if t.Rule == rule && strings.HasPrefix(t.Label, prefix) {
			md.s = t.Next
			md.fired = append(md.fired, t.Label)
			return true
		}
	}
	return false
}

// enabled reports whether a transition of rule with a label starting with prefix is
// enabled, without firing it.
func (md *modelDriver) enabled(rule, prefix string) bool {
	for _, t := range md.m.Next(md.s) {
		if t.Rule == rule && strings.HasPrefix(t.Label, prefix) {
			return true
		}
	}
	return false
}

// setup fires the model's deterministic opening: the setup steps (distributor keys,
// Vendor_Publish, the fleet), Vendor_Seed, and each distributor's Distributor_Fetch and,
// in point-lock mode, Distributor_Prepare — what the real world does before the first
// drawn action.
func (md *modelDriver) setup() error {
	for {
		ts := md.m.Next(md.s)
		if len(ts) != 1 || !isSetupRule(ts[0].Rule) {
			break
		}
		md.s = ts[0].Next
		md.fired = append(md.fired, ts[0].Label)
	}
	if !md.fire(pod.RuleVendorSeed, "Vendor_Seed(V)") {
		return fmt.Errorf("model: Vendor_Seed not enabled")
	}
	for d := 0; d < md.m.Scope().Distributors; d++ {
		if !md.fire(pod.RuleDistributorFetch, fmt.Sprintf("Distributor_Fetch(D%d)", d)) {
			return fmt.Errorf("model: Distributor_Fetch(D%d) not enabled", d)
		}
		if md.m.Scope().Mode == pod.PointLock && !md.fire(pod.RuleDistributorPrepare, fmt.Sprintf("Distributor_Prepare(D%d)", d)) {
			return fmt.Errorf("model: Distributor_Prepare(D%d) not enabled", d)
		}
	}
	return nil
}

func isSetupRule(r string) bool {
	return r == pod.RuleSetupDistributor || r == pod.RuleVendorPublish || r == pod.RuleSetupFleet
}

// violated returns the names of the model's safety properties that fail in the current
// state: the driver must only ever reach states the model checker also reaches.
func (md *modelDriver) violated() []string {
	var out []string
	for _, p := range md.props {
		if !p.Holds(md.s) {
			out = append(out, p.Name)
		}
	}
	return out
}

// Symbolic terms of the model, built with its own constructors so that they print
// exactly as in its labels.

// rTerm is r = H(pk_payer, t) for the named payer ("D0", "D1", "E") and t atom.
func rTerm(payer, t string) *pod.Term {
	sk := "skE"
	if payer != "E" {
		sk = "sk" + payer
	}
	return pod.Hash(pod.Pk(pod.Atom(sk)), pod.Atom(t))
}

// tAtom is the name of distributor d's t for fleet index i ("t0_1").
func tAtom(d, i int) string { return "t" + strconv.Itoa(d) + "_" + strconv.Itoa(i) }

// lockTerm is the lock of r in mode m.
func lockTerm(m pod.Mode, r *pod.Term) *pod.Term {
	if m == pod.PointLock {
		return pod.Pt(r)
	}
	return pod.Hash(r)
}

// claimPrefix is the label prefix of the model's Contract_Claim by caller for index i
// with key r (and, when asDevice is not empty, a caller-chosen device address).
func claimPrefix(m pod.Mode, caller string, i int, asDevice string, r *pod.Term) string {
	as := ""
	if asDevice != "" {
		as = ", as device " + asDevice
	}
	return fmt.Sprintf("Contract_Claim(%s claims index %d%s, r %s, lock %s)", caller, i, as, r, lockTerm(m, r))
}

// Device and session phases of the model (model/pod/model.go).
const (
	phaseIdle      = 0
	phaseCommitted = 4
	phaseInstalled = 5
	sessPosted     = 3
)

// modelPay is one payment of the model.
type modelPay struct {
	idx   int
	payee string // "D0", "D1", "E"
	r     string // the symbolic r, e.g. "h(pk(skD0),t0_1)"
}

// modelObs is the observable part of a model state.
type modelObs struct {
	expired  bool
	balance  int // deposit units left in the bid
	refunded int
	revDev   []bool
	claimed  []bool
	sess     []int // per (distributor, index): d*devices + i
	devPhase []int
	pays     []modelPay
}

// observe reads the observable part of the model state from its canonical key
// (pod.Model.Key): model/pod keeps its state fields unexported, and the key is its one
// complete, stable rendering. The layout is checked on every read: a change of the key's
// format fails the test loudly instead of comparing garbage.
func (md *modelDriver) observe() (modelObs, error) {
	sc := md.m.Scope()
	nd, nv := sc.Distributors, sc.Devices
	f := strings.SplitN(md.m.Key(md.s), "|", 14)
	if len(f) != 14 {
		return modelObs{}, fmt.Errorf("model key has %d fields, want 14", len(f))
	}
	var o modelObs
	flags := f[1]
	var bs []bool
	for len(flags) > 0 {
		switch {
		case strings.HasPrefix(flags, "true"):
			bs, flags = append(bs, true), flags[4:]
		case strings.HasPrefix(flags, "false"):
			bs, flags = append(bs, false), flags[5:]
		default:
			return modelObs{}, fmt.Errorf("model key flags %q", f[1])
		}
	}
	if len(bs) != 3 {
		return modelObs{}, fmt.Errorf("model key flags %q", f[1])
	}
	o.expired = bs[1]
	var err error
	if o.balance, err = strconv.Atoi(f[2]); err != nil {
		return modelObs{}, fmt.Errorf("model key balance: %w", err)
	}
	if o.refunded, err = strconv.Atoi(f[3]); err != nil {
		return modelObs{}, fmt.Errorf("model key refunded: %w", err)
	}
	bits := func(s string, n int) ([]bool, error) {
		if len(s) != n {
			return nil, fmt.Errorf("model key bit field %q, want %d bits", s, n)
		}
		out := make([]bool, n)
		for i := range s {
			out[i] = s[i] == '1'
		}
		return out, nil
	}
	if o.revDev, err = bits(f[7], nv); err != nil {
		return modelObs{}, err
	}
	if o.claimed, err = bits(f[9], nv); err != nil {
		return modelObs{}, err
	}
	if len(f[10]) != nd*nv {
		return modelObs{}, fmt.Errorf("model key sessions %q", f[10])
	}
	for _, c := range f[10] {
		o.sess = append(o.sess, int(c-'0'))
	}
	for _, d := range strings.Split(strings.TrimSuffix(f[11], ";"), ";") {
		ph, _, ok := strings.Cut(d, "/")
		p, err := strconv.Atoi(ph)
		if !ok || err != nil {
			return modelObs{}, fmt.Errorf("model key device %q", d)
		}
		o.devPhase = append(o.devPhase, p)
	}
	if len(o.devPhase) != nv {
		return modelObs{}, fmt.Errorf("model key has %d devices, want %d", len(o.devPhase), nv)
	}
	if f[12] != "" {
		for _, p := range strings.Split(strings.TrimSuffix(f[12], ";"), ";") {
			parts := strings.Split(p, "/")
			if len(parts) != 4 {
				return modelObs{}, fmt.Errorf("model key payment %q", p)
			}
			idx, err1 := strconv.Atoi(parts[0])
			payee, err2 := strconv.Atoi(parts[1])
			if err1 != nil || err2 != nil {
				return modelObs{}, fmt.Errorf("model key payment %q", p)
			}
			name := "E"
			if payee < nd {
				name = "D" + strconv.Itoa(payee)
			}
			o.pays = append(o.pays, modelPay{idx: idx, payee: name, r: parts[2]})
		}
	}
	// The deposit is one unit per device: what is left, paid and refunded adds up.
	if o.balance+len(o.pays)+o.refunded != nv {
		return modelObs{}, fmt.Errorf("model key: balance %d + %d payments + refund %d != deposit %d", o.balance, len(o.pays), o.refunded, nv)
	}
	return o, nil
}
