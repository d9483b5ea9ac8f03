package channel

import (
	"context"
	"errors"
	"os"
	"regexp"
	"slices"
	"testing"
)

// expectedCatch names, per mutant, the property that catches it first (breadth-first:
// with a shortest counterexample).
var expectedCatch = map[string]string{
	MutantServerChannelBinding:   LemmaNoReceiptReplay,
	MutantServerNextSlot:         LemmaActuationPaidServer,
	MutantServerDeposit:          LemmaActuationPaidServer,
	MutantServerMargin:           LemmaActuationPaidServer,
	MutantContractDeposit:        LemmaPaidWithinDeposit,
	MutantContractChannelBinding: LemmaNoReceiptReplay,
	MutantContractSigner:         LemmaPaidEqualsHighest,
	MutantContractCloseOnce:      LemmaCloseOnce,
	MutantContractPaysReceipt:    LemmaPaidEqualsHighest,
	MutantContractRefundExpiry:   LemmaRefundAfterExpiry,
	MutantDeviceCounter:          LemmaActuationPaidDevice,
	MutantClientOneSlot:          LemmaBoundedLossSlot,
}

// TestDefaultScopes checks the three constructions in their default scopes: the state
// counts are pinned, every property holds, every mutant is caught by the expected
// property.
func TestDefaultScopes(t *testing.T) {
	tests := []struct {
		kind                       Kind
		states, transitions, depth int
	}{
		{Client, 12334, 41058, 24},
		{Delegated, 12334, 41058, 24},
		{Tree, 154280, 571180, 25},
	}
	for _, tc := range tests {
		t.Run(tc.kind.String(), func(t *testing.T) {
			spec, err := Spec(DefaultScope(tc.kind))
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
			if !slices.Equal(names, LemmaNames()) {
				t.Errorf("properties %v, want %v", names, LemmaNames())
			}
			var muts []string
			for _, m := range rep.Mutants {
				muts = append(muts, m.Name)
				if !m.Caught {
					t.Errorf("mutant %s not caught", m.Name)
					continue
				}
				if want := expectedCatch[m.Name]; m.By != want {
					t.Errorf("mutant %s caught by %s, want %s:\n%s", m.Name, m.By, want, m.Trace)
				}
			}
			if !slices.Equal(muts, MutantNames()) {
				t.Errorf("mutants %v, want %v", muts, MutantNames())
			}
			if !rep.OK() {
				t.Error("report not OK")
			}
		})
	}
}

// TestExecutableTrace: the witness of executable_channel is an honest run through the
// protocol steps.
func TestExecutableTrace(t *testing.T) {
	spec, err := Spec(DefaultScope(Delegated))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := spec.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p, ok := rep.Result.Property(LemmaExecutable)
	if !ok || !p.Holds {
		t.Fatal("executable_channel does not hold")
	}
	want := []string{RuleSetupDevice, RuleOwnerOpenDelegated, RuleClientPay, RuleServerGrant, RuleDeviceActuate, RuleServerClose, RuleOwnerRefund}
	if got := p.Trace.Rules(); !slices.Equal(got, want) {
		t.Errorf("witness %v, want %v\n%s", got, want, p.Trace)
	}
}

// TestScopeValidate rejects scopes out of bounds.
func TestScopeValidate(t *testing.T) {
	bad := []Scope{
		{Kind: 0, Deposit: 2, Window: 2, MaxPasswords: 5},
		{Kind: Client, Deposit: 0, Window: 2, MaxPasswords: 5},
		{Kind: Client, Deposit: 2, Window: 0, MaxPasswords: 5},
		{Kind: Client, Deposit: 2, Window: 2, MaxPasswords: 99},
	}
	for _, sc := range bad {
		if _, err := New(sc); !errors.Is(err, ErrScope) {
			t.Errorf("scope %+v: err %v, want ErrScope", sc, err)
		}
	}
}

// TestNamesMatchTamarin: the rule and lemma names of tamarin/channel.spthy are exactly
// the model's, in the same order.
func TestNamesMatchTamarin(t *testing.T) {
	src, err := os.ReadFile("../../tamarin/channel.spthy")
	if err != nil {
		t.Fatal(err)
	}
	find := func(kw string) []string {
		re := regexp.MustCompile(`(?m)^` + kw + `\s+([A-Za-z0-9_]+)\s*(\[[^\]]*\])?\s*:`)
		var out []string
		for _, m := range re.FindAllSubmatch(src, -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	if got := find("rule"); !slices.Equal(got, RuleNames()) {
		t.Errorf("tamarin rules %v, want %v", got, RuleNames())
	}
	if got := find("lemma"); !slices.Equal(got, LemmaNames()) {
		t.Errorf("tamarin lemmas %v, want %v", got, LemmaNames())
	}
}

// TestSpecs: `podnet check` gets the three constructions, named channel_<kind>.
func TestSpecs(t *testing.T) {
	suites, err := Specs()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range suites {
		names = append(names, s.SuiteName())
	}
	if want := []string{"channel_client", "channel_delegated", "channel_tree"}; !slices.Equal(names, want) {
		t.Errorf("suites %v, want %v", names, want)
	}
}
