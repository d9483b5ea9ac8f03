package registry

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/podnet/podnet/model/pod"
)

const tamarinDir = "../../tamarin"

var (
	blockComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	lineComment  = regexp.MustCompile(`(?m)//.*$`)
	ruleDecl     = regexp.MustCompile(`(?m)^\s*rule\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\])?\s*:`)
	lemmaDecl    = regexp.MustCompile(`(?m)^\s*lemma\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\])?\s*:`)
)

func declared(re *regexp.Regexp, src string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(src, -1) {
		out = append(out, m[1])
	}
	return out
}

func diff(what string, model, theory []string) string {
	var b strings.Builder
	for _, n := range model {
		if !slices.Contains(theory, n) {
			fmt.Fprintf(&b, "  - %s (model only)\n", n)
		}
	}
	for _, n := range theory {
		if !slices.Contains(model, n) {
			fmt.Fprintf(&b, "  + %s (theory only)\n", n)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return what + " differ:\n" + b.String()
}

// TestEveryTheoryRegistered is the name-drift test over all of tamarin/:
// every .spthy file must be registered, and its rule and lemma names must be
// exactly its model's.
func TestEveryTheoryRegistered(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(tamarinDir, "*.spthy"))
	if err != nil {
		t.Fatal(err)
	}
	theories := map[string]Theory{}
	for _, th := range Theories() {
		theories[th.File] = th
	}
	for _, f := range files {
		base := filepath.Base(f)
		t.Run(base, func(t *testing.T) {
			th, ok := theories[base]
			if !ok {
				t.Fatalf("%s has no model in registry.Theories", base)
			}
			delete(theories, base)
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src := lineComment.ReplaceAllString(blockComment.ReplaceAllString(string(raw), ""), "")
			if d := diff("rules", th.Rules, declared(ruleDecl, src)); d != "" {
				t.Error(d)
			}
			if d := diff("lemmas", th.Lemmas, declared(lemmaDecl, src)); d != "" {
				t.Error(d)
			}
		})
	}
	for name := range theories {
		t.Errorf("registered theory %s missing from %s", name, tamarinDir)
	}
}

// TestSuitesSmallScope runs the registered suites, the pod ones in a small scope.
func TestSuitesSmallScope(t *testing.T) {
	suites, err := Suites(PodOptions{Override: true, Distributors: 1, Devices: 1, HubDevice: -1, MaxReveals: 0})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range suites {
		names = append(names, s.SuiteName())
		rep, err := s.Check(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Result.Complete || !rep.Result.AllHold() {
			t.Errorf("%s: complete %v, properties %+v", s.SuiteName(), rep.Result.Complete, rep.Result.Properties)
		}
	}
	if !slices.Equal(names, []string{"pod_hashlock", "pod_pointlock", "channel_client", "channel_delegated", "channel_tree"}) {
		t.Fatalf("suites %v", names)
	}
	podOnly, err := Suites(PodOptions{PodOnly: true})
	if err != nil || len(podOnly) != 2 {
		t.Fatalf("PodOnly: %d suites, err %v", len(podOnly), err)
	}
	if _, err := Suites(PodOptions{Override: true, Distributors: 0, Devices: 1, HubDevice: -1}); err == nil {
		t.Fatal("invalid scope accepted")
	}
	if sc := (PodOptions{}).PodScope(pod.PointLock); sc != pod.DefaultScope(pod.PointLock) {
		t.Fatalf("default scope %+v", sc)
	}
}
