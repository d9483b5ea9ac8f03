package pod

import "testing"

func TestDerivable(t *testing.T) {
	k, r, u, sk := Atom("k"), Atom("r"), Atom("U"), Atom("sk")
	tests := []struct {
		name  string
		know  []*Term
		term  *Term
		want  bool
		learn bool // whether the term ends up stored by analysis
	}{
		{"atom unknown", nil, k, false, false},
		{"atom known", []*Term{k}, k, true, true},
		{"hash of known", []*Term{r}, Hash(r), true, false},
		{"hash not inverted", []*Term{Hash(r)}, r, false, false},
		{"point not inverted", []*Term{Pt(r)}, r, false, false},
		{"pk not inverted", []*Term{Pk(sk)}, sk, false, false},
		{"ciphertext closed", []*Term{SEnc(k, u)}, u, false, false},
		{"ciphertext opened with key", []*Term{SEnc(k, u), k}, u, true, true},
		{"key learnt after ciphertext", []*Term{SEnc(k, u), Add(k, r), r}, u, true, true},
		{"sum minus summand", []*Term{Add(k, r), r}, k, true, true},
		{"sum minus other summand", []*Term{Add(k, r), k}, r, true, true},
		{"sum alone", []*Term{Add(k, r)}, k, false, false},
		{"signature reveals message", []*Term{Sign(sk, Tuple("m", u))}, u, true, true},
		{"signature not forged", []*Term{u}, Sign(sk, u), false, false},
		{"signature with key", []*Term{u, sk}, Sign(sk, u), true, false},
		{"tuple projection", []*Term{Tuple("t", k, r)}, r, true, true},
		{"proof with witness", []*Term{r, u}, Proof(SEnc(r, u), Hash(r)), true, false},
		{"proof without witness", []*Term{SEnc(r, u), Hash(r), u}, Proof(SEnc(r, u), Hash(r)), false, false},
		{"proof of wrong lock", []*Term{r, u, k}, Proof(SEnc(r, u), Hash(k)), false, false},
		{"proof0 with witness", []*Term{k, u}, Proof0(SEnc(k, u), Pt(k)), true, false},
		{"proof0 without witness", []*Term{SEnc(k, u), Pt(k), u}, Proof0(SEnc(k, u), Pt(k)), false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			kn := Knowledge{}.With(tc.know...)
			if got := kn.Derivable(tc.term); got != tc.want {
				t.Fatalf("Derivable(%s) = %v, want %v (knowledge %s)", tc.term, got, tc.want, kn.Key())
			}
			if got := kn.Has(tc.term); got != tc.learn {
				t.Fatalf("Has(%s) = %v, want %v (knowledge %s)", tc.term, got, tc.learn, kn.Key())
			}
		})
	}
}

func TestKnowledgeImmutable(t *testing.T) {
	a := Knowledge{}.With(Atom("a"))
	b := a.With(Atom("b"))
	if a.Has(Atom("b")) || !b.Has(Atom("a")) || !b.Has(Atom("b")) {
		t.Fatalf("a = %s, b = %s", a.Key(), b.Key())
	}
	if c := b.With(Atom("a")); c.Key() != b.Key() {
		t.Fatalf("adding a known term changed the knowledge: %s", c.Key())
	}
	// Canonical: the order of learning does not matter.
	x := Knowledge{}.With(Atom("x"), Atom("y"))
	y := Knowledge{}.With(Atom("y")).With(Atom("x"))
	if x.Key() != y.Key() {
		t.Fatalf("%s != %s", x.Key(), y.Key())
	}
}
