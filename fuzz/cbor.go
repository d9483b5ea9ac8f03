package fuzz

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"github.com/podnet/podnet/impl/wire"
)

// cborRef is an independent reference implementation of the podnet CBOR profile
// (spec/wire.md §2, §3 step 2–3), written from the spec and RFC 8949 for differential
// fuzzing of wire.CheckCanonical: it shares no code with impl/wire.
type cborRef struct {
	b   []byte
	pos int
}

// refErr is the reference's verdict: the error name of the first defect in encoding order,
// and other names an implementation may equally report where the spec leaves the order of
// two defects of one head open.
type refErr struct {
	name string
	alts []string
}

func refFail(name string, alts ...string) *refErr { return &refErr{name: name, alts: alts} }

func (e *refErr) allows(name string) bool {
	if e.name == name {
		return true
	}
	for _, a := range e.alts {
		if a == name {
			return true
		}
	}
	return false
}

// CBORReference returns "" when b is exactly one item of the profile, or the name of the
// error the profile requires ("Malformed", "NonCanonical", "Unsupported", "TooLarge",
// "TrailingBytes") and its admissible alternatives.
func CBORReference(b []byte) (string, []string) {
	if len(b) > wire.MaxMessageSize {
		return "TooLarge", nil
	}
	r := &cborRef{b: b}
	if e := r.item(1); e != nil {
		return e.name, e.alts
	}
	if r.pos != len(b) {
		return "TrailingBytes", nil
	}
	return "", nil
}

// head reads an initial byte and its argument; it checks well-formedness and the shortest
// form (NonCanonical) of the argument. ai 31 is returned with indef set.
func (r *cborRef) head() (major byte, ai byte, arg uint64, e *refErr) {
	if r.pos >= len(r.b) {
		return 0, 0, 0, refFail("Malformed")
	}
	ib := r.b[r.pos]
	r.pos++
	major, ai = ib>>5, ib&31
	switch {
	case ai < 24:
		return major, ai, uint64(ai), nil
	case ai >= 28 && ai <= 30:
		return major, ai, 0, refFail("Malformed")
	case ai == 31:
		return major, ai, 0, nil
	}
	n := 1 << (ai - 24)
	if len(r.b)-r.pos < n {
		return major, ai, 0, refFail("Malformed")
	}
	var buf [8]byte
	copy(buf[8-n:], r.b[r.pos:r.pos+n])
	r.pos += n
	arg = binary.BigEndian.Uint64(buf[:])
	if major == 7 { // simple values and floats have no "shortest argument" rule here
		return major, ai, arg, nil
	}
	var min uint64
	switch ai {
	case 24:
		min = 24
	case 25:
		min = 1 << 8
	case 26:
		min = 1 << 16
	case 27:
		min = 1 << 32
	}
	if arg < min {
		return major, ai, arg, refFail("NonCanonical")
	}
	return major, ai, arg, nil
}

// item checks one data item at nesting depth depth (the top-level item is at depth 1),
// reporting the first defect in encoding order (spec/wire.md §3, step 2).
func (r *cborRef) item(depth int) *refErr {
	major, ai, arg, e := r.head()
	if e != nil {
		// A tag, float or simple value whose argument is truncated or, for a simple
		// value below 32 in two bytes, not well-formed (RFC 8949 §3.3): its initial byte
		// is already outside the profile, so whether the first defect is Unsupported
		// (that byte) or Malformed (the argument) is a reading of the spec. Both are
		// admitted.
		if (major == 6 || major == 7) && (ai < 28 || ai > 30) {
			return refFail(e.name, "Unsupported", "Malformed")
		}
		if e.name == "NonCanonical" && (major == 4 || major == 5) && depth > wire.MaxDepth {
			return refFail("NonCanonical", "TooLarge")
		}
		return e
	}
	if ai == 31 {
		switch major {
		case 2, 3, 4, 5:
			if (major == 4 || major == 5) && depth > wire.MaxDepth {
				return refFail("NonCanonical", "TooLarge")
			}
			return refFail("NonCanonical") // indefinite length: well-formed, not deterministic
		default:
			return refFail("Malformed") // ai 31 on 0, 1, 6; a lone break
		}
	}
	switch major {
	case 0, 1:
		return nil
	case 2, 3:
		if uint64(len(r.b)-r.pos) < arg {
			return refFail("Malformed")
		}
		s := r.b[r.pos : r.pos+int(arg)]
		r.pos += int(arg)
		if major == 3 && !utf8.Valid(s) {
			return refFail("Malformed")
		}
		return nil
	case 4, 5:
		if depth > wire.MaxDepth {
			return refFail("TooLarge")
		}
		if e := r.elements(major, arg, depth); e != nil {
			return e
		}
		return nil
	case 6:
		return refFail("Unsupported")
	default: // 7
		switch {
		case ai == 20 || ai == 21:
			return nil
		case ai == 24 && arg < 32: // not well-formed (RFC 8949 §3.3), and outside the profile
			return refFail("Malformed", "Unsupported")
		}
		return refFail("Unsupported")
	}
}

// elements checks the arg elements of an array (major 4) or the arg pairs of a map.
func (r *cborRef) elements(major byte, arg uint64, depth int) *refErr {
	var prev []byte
	for k := uint64(0); k < arg; k++ {
		if major == 4 {
			if e := r.item(depth + 1); e != nil {
				return e
			}
			continue
		}
		start := r.pos
		if e := r.item(depth + 1); e != nil {
			return e
		}
		key := r.b[start:r.pos]
		if prev != nil && bytes.Compare(prev, key) >= 0 {
			return refFail("NonCanonical")
		}
		prev = key
		if e := r.item(depth + 1); e != nil {
			return e
		}
	}
	return nil
}

// CBORCanonical checks wire.CheckCanonical against the reference profile checker
// CBORReference: they accept the same inputs, and reject the others with the same error
// (or an admissible alternative).
func CBORCanonical(b []byte) error {
	err := wire.CheckCanonical(b)
	want, alts := CBORReference(b)
	got := wire.ErrorName(err)
	if err != nil {
		if e := exactlyOne("CheckCanonical", err, canonicalSentinels); e != nil {
			return e
		}
	}
	if got == want {
		return nil
	}
	if want != "" && got != "" && (&refErr{name: want, alts: alts}).allows(got) {
		return nil
	}
	if want == "" {
		return violated("CheckCanonical rejects %x (%v); the profile accepts it", b, err)
	}
	if got == "" {
		return violated("CheckCanonical accepts %x; the profile says %s", b, want)
	}
	return violated("CheckCanonical(%x) = %s; the profile says %s (or %v)", b, got, want, alts)
}
