package pod

import (
	"sort"
	"strings"
)

// Op is the function symbol at the root of a Term.
type Op uint8

// The function symbols of the term algebra. Constructors the adversary can
// apply to terms it knows: Hash, SEnc, Sign, Pk, Pt, Add, Tuple. Proof and
// Proof0 are zero-knowledge proofs: the adversary can build one only if it
// knows the witness. Destructors (applied by Knowledge's analysis): tuple
// projection, decryption with a known key, reading a signed message, and
// subtraction of a known summand from Add (c − r = k).
const (
	OpAtom   Op = iota // a name: a key, a nonce, the update
	OpHash             // Hash(x, ...): keccak/SHA-256, one-way
	OpSEnc             // SEnc(k, m): symmetric encryption of m under k
	OpSign             // Sign(sk, m): signature; reveals m
	OpPk               // Pk(sk): public key (Ethereum address) of sk
	OpPt               // Pt(x): the point x·G; x cannot be recovered
	OpAdd              // Add(k, r): the scalar k + r; knowing one summand gives the other
	OpTuple            // Tuple(tag, ...): a message
	OpProof            // Proof(Û, s): the paper's per-device proof ∃r: H(r) = s ∧ Û = SEnc(r, U)
	OpProof0           // Proof0(Û, K): point-lock mode's proof ∃k: k·G = K ∧ Û = SEnc(k, U)
)

// Term is an immutable symbolic term. Terms are compared by their canonical
// string (Key).
type Term struct {
	op   Op
	name string // atom name or tuple tag
	args []*Term
	key  string
}

func mk(op Op, name string, args ...*Term) *Term {
	var b strings.Builder
	switch op {
	case OpAtom:
		return &Term{op: op, name: name, key: name}
	case OpHash:
		b.WriteString("h(")
	case OpSEnc:
		b.WriteString("senc(")
	case OpSign:
		b.WriteString("sign(")
	case OpPk:
		b.WriteString("pk(")
	case OpPt:
		b.WriteString("pt(")
	case OpAdd:
		b.WriteString("add(")
	case OpTuple:
		b.WriteString("<" + name)
		for _, a := range args {
			b.WriteString(",")
			b.WriteString(a.key)
		}
		b.WriteString(">")
		return &Term{op: op, name: name, args: args, key: b.String()}
	case OpProof:
		b.WriteString("proof(")
	case OpProof0:
		b.WriteString("proof0(")
	}
	for i, a := range args {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(a.key)
	}
	b.WriteString(")")
	return &Term{op: op, args: args, key: b.String()}
}

// Atom returns the name n.
func Atom(n string) *Term { return mk(OpAtom, n) }

// Hash returns Hash(xs...).
func Hash(xs ...*Term) *Term { return mk(OpHash, "", xs...) }

// SEnc returns the encryption of m under k.
func SEnc(k, m *Term) *Term { return mk(OpSEnc, "", k, m) }

// Sign returns the signature of m under sk.
func Sign(sk, m *Term) *Term { return mk(OpSign, "", sk, m) }

// Pk returns the public key of sk.
func Pk(sk *Term) *Term { return mk(OpPk, "", sk) }

// Pt returns the point x·G.
func Pt(x *Term) *Term { return mk(OpPt, "", x) }

// Add returns the scalar k + r.
func Add(k, r *Term) *Term { return mk(OpAdd, "", k, r) }

// Tuple returns the message tag(xs...).
func Tuple(tag string, xs ...*Term) *Term { return mk(OpTuple, tag, xs...) }

// Proof returns the paper mode proof for ciphertext enc and hash lock s.
func Proof(enc, s *Term) *Term { return mk(OpProof, "", enc, s) }

// Proof0 returns the point-lock mode proof for ciphertext enc and K = k·G.
func Proof0(enc, bigK *Term) *Term { return mk(OpProof0, "", enc, bigK) }

// Key returns the canonical string of t.
func (t *Term) Key() string { return t.key }

// String returns the canonical string of t.
func (t *Term) String() string { return t.key }

// Op returns the root symbol of t.
func (t *Term) Op() Op { return t.op }

// Arg returns the i-th argument of t.
func (t *Term) Arg(i int) *Term { return t.args[i] }

// Equal reports whether t and u are the same term.
func (t *Term) Equal(u *Term) bool { return t == u || (t != nil && u != nil && t.key == u.key) }

// Knowledge is the adversary's knowledge: a set of terms closed under the
// destructors (analysis). Whether a term can be built from it is decided by
// Derivable (synthesis), so constructible terms are never stored. A
// Knowledge value is immutable: With returns a new one.
type Knowledge struct {
	terms []*Term // sorted by key, no duplicates
}

// Has reports whether t is in k (without synthesis).
func (k Knowledge) Has(t *Term) bool {
	i := sort.Search(len(k.terms), func(i int) bool { return k.terms[i].key >= t.key })
	return i < len(k.terms) && k.terms[i].key == t.key
}

// Terms returns the stored terms in canonical order.
func (k Knowledge) Terms() []*Term { return k.terms }

// Key returns a canonical encoding of k.
func (k Knowledge) Key() string {
	var b strings.Builder
	for _, t := range k.terms {
		b.WriteString(t.key)
		b.WriteByte(';')
	}
	return b.String()
}

// Derivable reports whether the adversary can produce t from k.
func (k Knowledge) Derivable(t *Term) bool {
	if k.Has(t) {
		return true
	}
	switch t.op {
	case OpAtom:
		return false
	case OpProof:
		// The prover must know the witness r with Û = SEnc(r, U') and s = H(r).
		enc, s := t.args[0], t.args[1]
		return enc.op == OpSEnc && s.op == OpHash && len(s.args) == 1 && s.args[0].Equal(enc.args[0]) &&
			k.Derivable(enc.args[0]) && k.Derivable(enc.args[1])
	case OpProof0:
		enc, bigK := t.args[0], t.args[1]
		return enc.op == OpSEnc && bigK.op == OpPt && bigK.args[0].Equal(enc.args[0]) &&
			k.Derivable(enc.args[0]) && k.Derivable(enc.args[1])
	}
	for _, a := range t.args {
		if !k.Derivable(a) {
			return false
		}
	}
	return true
}

// With returns k extended by ts and closed under analysis.
func (k Knowledge) With(ts ...*Term) Knowledge {
	terms := k.terms
	owned := false
	queue := append([]*Term(nil), ts...)
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		i := sort.Search(len(terms), func(i int) bool { return terms[i].key >= t.key })
		if i < len(terms) && terms[i].key == t.key {
			continue
		}
		if !owned {
			terms = append(make([]*Term, 0, len(terms)+len(ts)+4), terms...)
			owned = true
		}
		terms = append(terms, nil)
		copy(terms[i+1:], terms[i:])
		terms[i] = t
		cur := Knowledge{terms: terms}
		queue = append(queue, analyse(cur, t)...)
		// Learning t may open a ciphertext or a sum learnt before.
		for _, u := range terms {
			if u.op == OpSEnc || u.op == OpAdd {
				for _, v := range analyse(cur, u) {
					if !cur.Has(v) {
						queue = append(queue, v)
					}
				}
			}
		}
	}
	return Knowledge{terms: terms}
}

// analyse returns what one destructor step extracts from t given k.
func analyse(k Knowledge, t *Term) []*Term {
	switch t.op {
	case OpTuple:
		return t.args
	case OpSign:
		return []*Term{t.args[1]}
	case OpSEnc:
		if k.Derivable(t.args[0]) {
			return []*Term{t.args[1]}
		}
	case OpAdd:
		// c − r = k and c − k = r.
		if k.Derivable(t.args[1]) {
			return []*Term{t.args[0]}
		}
		if k.Derivable(t.args[0]) {
			return []*Term{t.args[1]}
		}
	case OpProof, OpProof0:
		return t.args
	}
	return nil
}
