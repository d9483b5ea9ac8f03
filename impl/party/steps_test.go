package party

import (
	"testing"

	"github.com/podnet/podnet/model/pod"
)

// TestStepNamesAreModelRules checks one name per protocol step: every step the parties
// time and log is a rule of the model (and so of the Tamarin theories, which the model's
// name-drift test ties to it).
func TestStepNamesAreModelRules(t *testing.T) {
	rules := map[string]bool{}
	for _, m := range []pod.Mode{pod.HashLock, pod.PointLock} {
		for _, r := range pod.RuleNames(m) {
			rules[r] = true
		}
	}
	seen := map[Step]bool{}
	for _, s := range AllSteps() {
		if seen[s] {
			t.Errorf("step %s listed twice", s)
		}
		seen[s] = true
		if !rules[string(s)] {
			t.Errorf("step %s is not a rule of model/pod", s)
		}
	}
}
