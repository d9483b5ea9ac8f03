package pod

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// This file is a small wellformedness lint for the pod theories, because
// tamarin-prover cannot run here: it checks what Tamarin's wellformedness
// check would reject or what would make a rule dead, with a parser just good
// enough for these theories.

// fact is one fact occurrence: its name, arity and persistence.
type fact struct {
	name       string
	arity      int
	persistent bool
}

// ruleFacts are the facts of one rule.
type ruleFacts struct {
	name                           string
	premises, actions, conclusions []fact
}

var (
	itemDecl = regexp.MustCompile(`(?m)^\s*(rule|lemma|restriction)\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\])?\s*:`)
	endDecl  = regexp.MustCompile(`(?m)^\s*end\s*$`)
	factUse  = regexp.MustCompile(`(!?)([A-Z][A-Za-z0-9_]*)\s*\(`)
)

// splitTop splits s at commas outside (), <> and quotes.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	quoted := false
	for i, c := range s {
		switch {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '<':
			depth++
		case c == ')' || c == '>':
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, s[start:])
	}
	return out
}

// parseFact parses "!Name(args)" into a fact.
func parseFact(s string) (fact, error) {
	s = strings.TrimSpace(s)
	m := factUse.FindStringSubmatchIndex(s)
	if m == nil || m[0] != 0 || !strings.HasSuffix(s, ")") {
		return fact{}, fmt.Errorf("not a fact: %q", s)
	}
	inner := s[m[1] : len(s)-1]
	return fact{name: s[m[4]:m[5]], persistent: m[3] > m[2], arity: len(splitTop(inner))}, nil
}

// groups returns the top-level [...] groups of a rule body.
func groups(body string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range body {
		switch c {
		case '[':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case ']':
			depth--
			if depth == 0 {
				out = append(out, body[start:i])
			}
		}
	}
	return out
}

// parseTheory returns the rules' facts and the action facts used in lemmas
// and restrictions.
func parseTheory(src string) ([]ruleFacts, []fact, error) {
	src = lineComment.ReplaceAllString(blockComment.ReplaceAllString(src, ""), "")
	if e := endDecl.FindStringIndex(src); e != nil {
		src = src[:e[0]]
	}
	locs := itemDecl.FindAllStringSubmatchIndex(src, -1)
	var rules []ruleFacts
	var formulaFacts []fact
	for i, l := range locs {
		end := len(src)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		kind, name, body := src[l[2]:l[3]], src[l[4]:l[5]], src[l[1]:end]
		if kind != "rule" {
			for _, m := range regexp.MustCompile(`([A-Z][A-Za-z0-9_]*)\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*@`).FindAllStringSubmatch(body, -1) {
				formulaFacts = append(formulaFacts, fact{name: m[1], arity: len(splitTop(m[2]))})
			}
			continue
		}
		g := groups(body)
		r := ruleFacts{name: name}
		var parts [3]string
		switch {
		case strings.Contains(body, "--[") && len(g) == 3:
			parts = [3]string{g[0], g[1], g[2]}
		case !strings.Contains(body, "--[") && len(g) == 2:
			parts = [3]string{g[0], "", g[1]}
		default:
			return nil, nil, fmt.Errorf("rule %s: cannot find premises, actions and conclusions", name)
		}
		for j, dst := range []*[]fact{&r.premises, &r.actions, &r.conclusions} {
			for _, f := range splitTop(parts[j]) {
				pf, err := parseFact(f)
				if err != nil {
					return nil, nil, fmt.Errorf("rule %s: %w", name, err)
				}
				*dst = append(*dst, pf)
			}
		}
		rules = append(rules, r)
	}
	return rules, formulaFacts, nil
}

// lintTheory returns the wellformedness problems of a theory.
func lintTheory(src string) ([]string, error) {
	rules, formulaFacts, err := parseTheory(src)
	if err != nil {
		return nil, err
	}
	var problems []string
	builtin := map[string]bool{"Fr": true, "In": true, "Out": true, "K": true}
	state := map[string]fact{}
	actions := map[string]fact{}
	produced := map[string]bool{}
	for _, r := range rules {
		for _, f := range append(append([]fact(nil), r.premises...), r.conclusions...) {
			if builtin[f.name] {
				continue
			}
			if prev, ok := state[f.name]; ok && prev != f {
				problems = append(problems, fmt.Sprintf("rule %s: fact %s used as %+v and as %+v", r.name, f.name, prev, f))
			}
			state[f.name] = f
		}
		for _, f := range r.conclusions {
			produced[f.name] = true
		}
		for _, f := range r.actions {
			if prev, ok := actions[f.name]; ok && prev != f {
				problems = append(problems, fmt.Sprintf("rule %s: action %s with arity %d and %d", r.name, f.name, prev.arity, f.arity))
			}
			actions[f.name] = f
		}
	}
	for name := range actions {
		if _, clash := state[name]; clash {
			problems = append(problems, fmt.Sprintf("%s is both an action and a state fact", name))
		}
	}
	for _, r := range rules {
		for _, f := range r.premises {
			if !builtin[f.name] && !produced[f.name] {
				problems = append(problems, fmt.Sprintf("rule %s: premise %s is produced by no rule (the rule is dead)", r.name, f.name))
			}
		}
	}
	for _, f := range formulaFacts {
		if builtin[f.name] {
			continue
		}
		a, ok := actions[f.name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("formula uses action %s that no rule has", f.name))
		case a.arity != f.arity:
			problems = append(problems, fmt.Sprintf("formula uses %s with arity %d, rules with %d", f.name, f.arity, a.arity))
		}
	}
	sort.Strings(problems)
	return problems, nil
}

func TestTheoryLint(t *testing.T) {
	for _, name := range []string{"pod_hashlock", "pod_pointlock"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(tamarinDir, name+".spthy"))
			if err != nil {
				t.Fatal(err)
			}
			problems, err := lintTheory(string(src))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

// TestTheoryLintFinds shows that the lint reports each kind of problem.
func TestTheoryLintFinds(t *testing.T) {
	src := `theory T
begin
rule A: [ Fr(~x) ] --[ Act(~x) ]-> [ St(~x, ~x), !P(~x) ]
rule B: [ St(x) , Ghost(x) ] --[ Act(x, x) ]-> [ P(x), Act(x) ]
lemma l: "All x #i. Other(x) @ #i ==> F"
lemma m: "All x #i. Act(x, x, x) @ #i ==> F"
end`
	problems, err := lintTheory(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"fact St used as", "premise Ghost is produced by no rule", "action Act with arity",
		"fact P used as", "action Other that no rule has", "uses Act with arity 3", "Act is both an action and a state fact"}
	joined := strings.Join(problems, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("lint did not report %q; got:\n%s", w, joined)
		}
	}
}
