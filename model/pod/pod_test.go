package pod

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/podnet/podnet/model/check"
)

// expectedCatch names, per mutant, the property that catches it first in the
// default scope (breadth-first, so with a shortest counterexample).
var expectedCatch = map[string]string{
	MutantClaimedFlag:       LemmaSinglePaymentDevice,
	MutantRDerivation:       LemmaPaymentToDeriverFrontrun,
	MutantLockCheck:         LemmaFairExchangeDevice,
	MutantSignatureCheck:    LemmaPaymentImpliesDeviceSigned,
	MutantMembershipBinding: LemmaPaymentImpliesDeviceSigned,
	MutantExpiryClaim:       LemmaRefundAfterExpiryVendor,
	MutantExpiryWithdraw:    LemmaRefundAfterExpiryVendor,
}

// TestDefaultScope checks both lock modes in the default scope: the state
// counts are pinned, every property holds, every mutant is caught.
func TestDefaultScope(t *testing.T) {
	tests := []struct {
		mode                       Mode
		states, transitions, depth int
	}{
		{HashLock, 67190, 261922, 28},
		{PointLock, 119067, 472638, 30},
	}
	for _, tc := range tests {
		t.Run(tc.mode.String(), func(t *testing.T) {
			spec, err := Spec(DefaultScope(tc.mode))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := spec.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			r := rep.Result
			t.Logf("%s: %d states, %d transitions, depth %d, %v", spec.Name, r.States, r.Transitions, r.Depth, r.Elapsed)
			if !r.Complete {
				t.Fatal("search incomplete")
			}
			if r.States != tc.states || r.Transitions != tc.transitions || r.Depth != tc.depth {
				t.Errorf("states/transitions/depth = %d/%d/%d, want %d/%d/%d", r.States, r.Transitions, r.Depth, tc.states, tc.transitions, tc.depth)
			}
			var names []string
			for _, p := range r.Properties {
				names = append(names, p.Name)
				if !p.Holds {
					t.Errorf("%s fails:\n%s", p.Name, p.Trace)
				}
			}
			if !slices.Equal(names, LemmaNames(tc.mode)) {
				t.Errorf("properties %v, want the lemmas %v", names, LemmaNames(tc.mode))
			}
			var muts []string
			for _, m := range rep.Mutants {
				muts = append(muts, m.Name)
				if !m.Caught {
					t.Errorf("mutant %s not caught", m.Name)
					continue
				}
				if m.By != expectedCatch[m.Name] {
					t.Errorf("mutant %s caught by %s, want %s:\n%s", m.Name, m.By, expectedCatch[m.Name], m.Trace)
				}
			}
			if !slices.Equal(muts, MutantNames()) {
				t.Errorf("mutants %v, want %v", muts, MutantNames())
			}
		})
	}
}

// TestMutantCounterexamples checks that each mutant's counterexample is the
// attack the removed check exists for, in a scope without key reveals.
func TestMutantCounterexamples(t *testing.T) {
	sc := Scope{Mode: HashLock, Distributors: 1, Devices: 2, HubDevice: -1, Checks: AllChecks()}
	spec, err := Spec(sc)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]string{
		// Index 0 is paid twice (here to E, which served the device itself).
		MutantClaimedFlag: {"Contract_Claim(E claims index 0", "Contract_Claim(E claims index 0"},
		// E copies D0's claim from the mempool and is paid for D0's r.
		MutantRDerivation: {"Distributor_Claim(D0", "Contract_Claim(E claims index 0, r h(pk(skD0),t0_0)"},
		// E pairs the lock the device signed for D0 with its own r.
		MutantLockCheck: {"Device_Commit(dev0 signs lock h(h(pk(skD0)", "Contract_Claim(E claims index 0, r h(pk(skE),tE), lock h(h(pk(skD0)"},
		// E is paid for a device that signed nothing.
		MutantSignatureCheck: {"Contract_Claim(E claims index 0"},
		// E signs with its own key, passed off as the device at index 0.
		MutantMembershipBinding: {"Contract_Claim(E claims index 0, as device pk(skE)"},
		// A claim after expiry.
		MutantExpiryClaim: {"Contract_Expire", "Contract_Claim("},
		// The vendor withdraws before expiry.
		MutantExpiryWithdraw: {"Vendor_Withdraw"},
	}
	for _, mu := range spec.Mutants {
		t.Run(mu.Name, func(t *testing.T) {
			res, err := spec.CheckMutant(context.Background(), mu)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Caught {
				t.Fatal("not caught")
			}
			text := res.Trace.String()
			last := 0
			for _, want := range tests[mu.Name] {
				i := strings.Index(text[last:], want)
				if i < 0 {
					t.Fatalf("counterexample lacks %q (in order):\n%s", want, text)
				}
				last += i + len(want)
			}
			if mu.Name == MutantExpiryClaim && strings.Contains(text, "Vendor_Withdraw") {
				t.Fatalf("counterexample withdraws:\n%s", text)
			}
		})
	}
}

// TestSmallScopes pins the state counts of smaller scopes, with and without
// the adversary's key reveals and the hub.
func TestSmallScopes(t *testing.T) {
	tests := []struct {
		name   string
		scope  Scope
		states int
	}{
		{"hashlock 1x1", Scope{Mode: HashLock, Distributors: 1, Devices: 1, HubDevice: -1, Checks: AllChecks()}, 63},
		{"pointlock 1x1", Scope{Mode: PointLock, Distributors: 1, Devices: 1, HubDevice: -1, Checks: AllChecks()}, 69},
		{"hashlock 1x1 hub reveal", Scope{Mode: HashLock, Distributors: 1, Devices: 1, HubDevice: 0, MaxReveals: 1, Checks: AllChecks()}, 265},
		{"hashlock 2x1 reveal", Scope{Mode: HashLock, Distributors: 2, Devices: 1, HubDevice: -1, MaxReveals: 1, Checks: AllChecks()}, 1166},
		{"pointlock 1x2 reveal", Scope{Mode: PointLock, Distributors: 1, Devices: 2, HubDevice: 1, MaxReveals: 1, Checks: AllChecks()}, 13388},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := New(tc.scope)
			if err != nil {
				t.Fatal(err)
			}
			r, err := check.Run(context.Background(), m, m.Properties(), check.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !r.Complete || !r.AllHold() {
				t.Fatalf("complete %v, all hold %v: %+v", r.Complete, r.AllHold(), r.Properties)
			}
			if r.States != tc.states {
				t.Errorf("states = %d, want %d", r.States, tc.states)
			}
		})
	}
}

// TestPassiveNetwork runs the default scope without an attacker: the
// properties still hold, but only the mutants an honest party can trigger are
// caught (a distributor mining its claim twice or late, a vendor withdrawing
// early); the other checks are exercised only by the Dolev-Yao adversary.
func TestPassiveNetwork(t *testing.T) {
	sc := DefaultScope(HashLock)
	sc.Network, sc.MaxReveals = Passive, 0
	spec, err := Spec(sc)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := spec.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Result.Complete || !rep.Result.AllHold() {
		t.Fatalf("passive network: %+v", rep.Result.Properties)
	}
	if rep.Result.States != 2780 {
		t.Errorf("states = %d, want %d", rep.Result.States, 2780)
	}
	want := map[string]bool{
		MutantClaimedFlag: true, MutantExpiryClaim: true, MutantExpiryWithdraw: true,
		MutantRDerivation: false, MutantLockCheck: false, MutantSignatureCheck: false, MutantMembershipBinding: false,
	}
	for _, m := range rep.Mutants {
		if m.Caught != want[m.Name] {
			t.Errorf("mutant %s caught = %v, want %v", m.Name, m.Caught, want[m.Name])
		}
	}
	sc.MaxReveals = 1
	if _, err := New(sc); !errors.Is(err, ErrScope) {
		t.Errorf("passive network with reveals: err = %v, want ErrScope", err)
	}
}

// ruleRecorder wraps the real model and records the rules it fires.
type ruleRecorder struct {
	*Model
	fired map[string]bool
}

func (r ruleRecorder) Next(s State) []check.Transition[State] {
	ts := r.Model.Next(s)
	for _, t := range ts {
		r.fired[t.Rule] = true
	}
	return ts
}

// TestEveryRuleFires checks that the transitions of the model carry exactly
// the rule names of RuleNames (those of the Tamarin theory) and that every
// rule fires somewhere in a small scope with a hub and two reveals, where
// every property holds.
func TestEveryRuleFires(t *testing.T) {
	for _, mode := range []Mode{HashLock, PointLock} {
		t.Run(mode.String(), func(t *testing.T) {
			sc := Scope{Mode: mode, Distributors: 1, Devices: 2, HubDevice: 1, MaxReveals: 2, Checks: AllChecks()}
			m, err := New(sc)
			if err != nil {
				t.Fatal(err)
			}
			rec := ruleRecorder{Model: m, fired: map[string]bool{}}
			res, err := check.Run(context.Background(), rec, m.Properties(), check.Options{})
			if err != nil {
				t.Fatal(err)
			}
			// Two reveals: every property must still hold.
			if !res.Complete || !res.AllHold() {
				t.Errorf("complete %v, properties %+v", res.Complete, res.Properties)
			}
			var fired []string
			for r := range rec.fired {
				fired = append(fired, r)
			}
			sort.Strings(fired)
			want := append([]string(nil), RuleNames(mode)...)
			sort.Strings(want)
			if !slices.Equal(fired, want) {
				t.Errorf("fired rules %v\nwant %v", fired, want)
			}
		})
	}
}

// TestExecutableTrace checks the shape of the executability witness.
func TestExecutableTrace(t *testing.T) {
	for _, mode := range []Mode{HashLock, PointLock} {
		t.Run(mode.String(), func(t *testing.T) {
			m, err := New(Scope{Mode: mode, Distributors: 1, Devices: 1, HubDevice: -1, Checks: AllChecks()})
			if err != nil {
				t.Fatal(err)
			}
			r, err := check.Run(context.Background(), m, m.Properties(), check.Options{})
			if err != nil {
				t.Fatal(err)
			}
			p, ok := r.Property(ExecutableLemma(mode))
			if !ok || !p.Holds {
				t.Fatalf("executability: %+v", p)
			}
			rules := p.Trace.Rules()
			for _, want := range []string{RuleDistributorOffer, RuleDeviceCheck, RuleDeviceCommit, RuleDistributorClaim, RuleContractClaim, RuleDeviceInstall} {
				if !slices.Contains(rules, want) {
					t.Errorf("witness %v lacks %s", rules, want)
				}
			}
			if rules[len(rules)-1] != RuleDeviceInstall {
				t.Errorf("witness ends with %s", rules[len(rules)-1])
			}
		})
	}
}

// TestSolvencyAndClaimed shows that paid_within_deposit has teeth: with both
// the claimed flag and the balance check off, payments exceed the deposit.
func TestSolvencyAndClaimed(t *testing.T) {
	sc := Scope{Mode: HashLock, Distributors: 1, Devices: 1, HubDevice: -1, Checks: AllChecks()}
	sc.Checks.Claimed, sc.Checks.Solvency = false, false
	m, err := New(sc)
	if err != nil {
		t.Fatal(err)
	}
	r, err := check.Run(context.Background(), m, m.Properties(), check.Options{MaxStates: 20000, StopOnViolation: true})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := r.Property(LemmaPaidWithinDeposit)
	if p.Holds {
		t.Fatal("paid_within_deposit holds without the claimed flag and the balance check")
	}
	if rules := p.Trace.Rules(); rules[len(rules)-1] != RuleContractClaim {
		t.Errorf("counterexample does not end with a claim: %v", rules)
	}
}

// TestPropertiesDetect applies each safety property to a reachable state
// altered in the one way the property forbids.
func TestPropertiesDetect(t *testing.T) {
	m, err := New(Scope{Mode: HashLock, Distributors: 1, Devices: 1, HubDevice: -1, Checks: AllChecks()})
	if err != nil {
		t.Fatal(err)
	}
	// Drive the honest run to the state after the distributor's offer.
	s := m.Init()[0]
	for _, rule := range []string{RuleSetupDistributor, RuleVendorPublish, RuleSetupFleet, RuleVendorSeed, RuleDistributorFetch,
		RuleDeviceRequest, RuleDistributorChallenge, RuleDeviceRespond, RuleDistributorOffer} {
		s = fire(t, m, s, rule)
	}
	props := map[string]check.Property[State]{}
	for _, p := range m.Properties() {
		props[p.Name] = p
	}
	pay := payment{idx: 0, payee: m.adv, r: m.rE(), lock: m.lockOf(m.rE())}
	tests := []struct {
		name  string
		alter func(State) State
	}{
		{LemmaKeySecrecyUntilReveal, func(s State) State { n := s.clone(); n.know = s.know.With(m.rOf(0, 0)); return n }},
		{LemmaSinglePaymentDevice, func(s State) State { n := s.clone(); n.pays = []payment{pay, pay}; return n }},
		{LemmaPaymentImpliesDeviceSigned, func(s State) State { n := s.clone(); n.pays = []payment{pay}; return n }},
		{LemmaPaymentToDeriverFrontrun, func(s State) State {
			n := s.clone()
			n.pays = []payment{{idx: 0, payee: m.adv, r: m.rOf(0, 0), lock: m.lockOf(m.rOf(0, 0))}}
			return n
		}},
		{LemmaRefundAfterExpiryVendor, func(s State) State { n := s.clone(); n.refunded = 1; n.balance = 0; return n }},
		{LemmaPaidWithinDeposit, func(s State) State { n := s.clone(); n.refunded = 1; n.pays = []payment{pay}; return n }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := props[tc.name]
			if !p.Holds(s) {
				t.Fatal("fails on the honest state")
			}
			if p.Holds(tc.alter(s)) {
				t.Fatal("holds on the altered state")
			}
		})
	}
}

func fire(t *testing.T, m *Model, s State, rule string) State {
	t.Helper()
	for _, tr := range m.Next(s) {
		if tr.Rule == rule {
			return tr.Next
		}
	}
	t.Fatalf("%s not enabled", rule)
	return s
}

func TestScopeValidate(t *testing.T) {
	ok := DefaultScope(HashLock)
	tests := []struct {
		name  string
		alter func(*Scope)
	}{
		{"mode", func(s *Scope) { s.Mode = 7 }},
		{"no distributor", func(s *Scope) { s.Distributors = 0 }},
		{"too many devices", func(s *Scope) { s.Devices = 5 }},
		{"hub out of range", func(s *Scope) { s.HubDevice = 2 }},
		{"negative reveals", func(s *Scope) { s.MaxReveals = -1 }},
		{"network", func(s *Scope) { s.Network = 9 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := ok
			tc.alter(&sc)
			if _, err := New(sc); !errors.Is(err, ErrScope) {
				t.Fatalf("err = %v, want ErrScope", err)
			}
		})
	}
	if _, err := New(ok); err != nil {
		t.Fatal(err)
	}
}
