package pod

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// tamarinDir is the folder of the Tamarin theories, relative to this package.
const tamarinDir = "../../tamarin"

var (
	blockComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	lineComment  = regexp.MustCompile(`(?m)//.*$`)
	ruleDecl     = regexp.MustCompile(`(?m)^\s*rule\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\])?\s*:`)
	lemmaDecl    = regexp.MustCompile(`(?m)^\s*lemma\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\])?\s*:`)
	theoryDecl   = regexp.MustCompile(`(?m)^\s*theory\s+([A-Za-z_][A-Za-z0-9_]*)\s*$`)
)

// theoryNames returns the theory name and the rule and lemma names declared in
// a .spthy text, comments removed, in order of appearance.
func theoryNames(src string) (theory string, rules, lemmas []string) {
	src = blockComment.ReplaceAllString(src, "")
	src = lineComment.ReplaceAllString(src, "")
	if m := theoryDecl.FindStringSubmatch(src); m != nil {
		theory = m[1]
	}
	for _, m := range ruleDecl.FindAllStringSubmatch(src, -1) {
		rules = append(rules, m[1])
	}
	for _, m := range lemmaDecl.FindAllStringSubmatch(src, -1) {
		lemmas = append(lemmas, m[1])
	}
	return theory, rules, lemmas
}

// nameDiff returns a readable diff of two name sets, or "" if they are equal.
func nameDiff(what string, model, theory []string) string {
	var onlyModel, onlyTheory []string
	for _, n := range model {
		if !slices.Contains(theory, n) {
			onlyModel = append(onlyModel, n)
		}
	}
	for _, n := range theory {
		if !slices.Contains(model, n) {
			onlyTheory = append(onlyTheory, n)
		}
	}
	if len(onlyModel) == 0 && len(onlyTheory) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s differ:\n", what)
	for _, n := range onlyModel {
		fmt.Fprintf(&b, "  - %s (model only)\n", n)
	}
	for _, n := range onlyTheory {
		fmt.Fprintf(&b, "  + %s (theory only)\n", n)
	}
	return b.String()
}

// TestTamarinNameDrift parses every tamarin/pod_*.spthy and fails when its rule or
// lemma names differ from the model's (RuleNames, LemmaNames), when a name
// is declared twice, or when the executability lemma is not first.
func TestTamarinNameDrift(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(tamarinDir, "pod_*.spthy"))
	if err != nil {
		t.Fatal(err)
	}
	modes := map[string]Mode{"pod_hashlock": HashLock, "pod_pointlock": PointLock}
	var seen []string
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".spthy")
		t.Run(base, func(t *testing.T) {
			mode, ok := modes[base]
			if !ok {
				t.Fatalf("%s: no pod model for this theory (known: pod_hashlock, pod_pointlock)", f)
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			theory, rules, lemmas := theoryNames(string(src))
			if theory != base {
				t.Errorf("theory name %q, want %q", theory, base)
			}
			for _, list := range [][]string{rules, lemmas} {
				s := append([]string(nil), list...)
				sort.Strings(s)
				for i := 1; i < len(s); i++ {
					if s[i] == s[i-1] {
						t.Errorf("%s declared twice", s[i])
					}
				}
			}
			if d := nameDiff("rules", RuleNames(mode), rules); d != "" {
				t.Error(d)
			}
			if d := nameDiff("lemmas", LemmaNames(mode), lemmas); d != "" {
				t.Error(d)
			}
			if len(lemmas) == 0 || lemmas[0] != ExecutableLemma(mode) {
				t.Errorf("first lemma %v, want %s", lemmas, ExecutableLemma(mode))
			}
		})
		seen = append(seen, base)
	}
	for name := range modes {
		if !slices.Contains(seen, name) {
			t.Errorf("theory %s.spthy missing from %s", name, tamarinDir)
		}
	}
}

// TestNameDiffParser checks the parser and the diff on a small theory.
func TestNameDiffParser(t *testing.T) {
	src := `theory T
begin
/* rule Commented_Out: */
// lemma commented_out:
rule A_B:
  [ Fr(~x) ] --> [ Out(~x) ]
rule C_D [color=#ffffff]:
  [ ] --> [ ]
lemma l1 [reuse]:
  "All #i. T ==> T"
lemma l2: exists-trace "T"
end`
	theory, rules, lemmas := theoryNames(src)
	if theory != "T" || !slices.Equal(rules, []string{"A_B", "C_D"}) || !slices.Equal(lemmas, []string{"l1", "l2"}) {
		t.Fatalf("parsed %q %v %v", theory, rules, lemmas)
	}
	if d := nameDiff("rules", []string{"A_B", "X"}, rules); !strings.Contains(d, "- X (model only)") || !strings.Contains(d, "+ C_D (theory only)") {
		t.Fatalf("diff %q", d)
	}
	if d := nameDiff("rules", rules, rules); d != "" {
		t.Fatalf("diff of equal sets %q", d)
	}
}
