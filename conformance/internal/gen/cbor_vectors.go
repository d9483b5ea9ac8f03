package gen

import (
	"encoding/binary"
	"encoding/hex"
	"strings"

	"github.com/podnet/podnet/conformance"
)

// RFC 8949 Appendix A examples in preferred serialisation inside the podnet profile.
var rfc8949Valid = []struct{ hex, what string }{
	{"00", "0"}, {"01", "1"}, {"0a", "10"}, {"17", "23"}, {"1818", "24"}, {"1819", "25"}, {"1864", "100"},
	{"1903e8", "1000"}, {"1a000f4240", "1000000"}, {"1b000000e8d4a51000", "1000000000000"},
	{"1bffffffffffffffff", "18446744073709551615"}, {"3bffffffffffffffff", "-18446744073709551616"},
	{"20", "-1"}, {"29", "-10"}, {"3863", "-100"}, {"3903e7", "-1000"}, {"f4", "false"}, {"f5", "true"},
	{"40", "h''"}, {"4401020304", "h'01020304'"}, {"60", `""`}, {"6161", `"a"`}, {"6449455446", `"IETF"`},
	{"62225c", `"\"\\"`}, {"62c3bc", `"\u00fc"`}, {"63e6b0b4", `"\u6c34"`}, {"64f0908591", `"\ud800\udd51"`},
	{"80", "[]"}, {"83010203", "[1, 2, 3]"}, {"8301820203820405", "[1, [2, 3], [4, 5]]"},
	{"98190102030405060708090a0b0c0d0e0f101112131415161718181819", "[1, 2, ..., 25]"},
	{"a0", "{}"}, {"a201020304", "{1: 2, 3: 4}"}, {"a26161016162820203", `{"a": 1, "b": [2, 3]}`},
	{"826161a161626163", `["a", {"b": "c"}]`}, {"a56161614161626142616361436164614461656145", `{"a": "A", ..., "e": "E"}`},
}

func cborProfile() (*conformance.File, error) {
	b := newBuilder("podnet-cbor-profile-v1", []string{
		"The CBOR profile of spec/wire.md §2: RFC 8949 core deterministic encoding without tags, floats and simple values other than false/true.",
		"cbor-canonical: input cbor (hex of one item); valid when the item is in the profile.",
	}, map[string]string{
		"RFC8949":      "an example of RFC 8949 Appendix A (preferred serialisation) or §4.2.1",
		"NonCanonical": "valid CBOR that is not core deterministic",
		"Unsupported":  "valid CBOR outside the podnet profile",
		"Malformed":    "not well-formed CBOR",
	})
	const s2 = "wire.md §2"
	in := func(x string) map[string]any { return map[string]any{"cbor": x} }
	for _, v := range rfc8949Valid {
		b.valid(conformance.OpCBORCanonical, "RFC 8949 Appendix A: "+v.what, s2, []string{"RFC8949"}, in(v.hex), nil)
	}
	// RFC 8949 §4.2.1: keys 10, 100, -1, "z", "aa", [100], [-1], false in this order.
	keys := []string{"0a", "1864", "20", "617a", "626161", "811864", "8120", "f4"}
	mapOf := func(ks []string) string {
		var sb strings.Builder
		sb.WriteString("a8")
		for i, k := range ks {
			sb.WriteString(k + hex.EncodeToString([]byte{byte(i)}))
		}
		return sb.String()
	}
	b.valid(conformance.OpCBORCanonical, "RFC 8949 §4.2.1 key order: 10, 100, -1, \"z\", \"aa\", [100], [-1], false", "wire.md §2 (RFC 8949 §4.2.1)", []string{"RFC8949"}, in(mapOf(keys)), nil)
	for _, sw := range [][2]int{{0, 1}, {2, 3}, {3, 4}, {6, 7}} {
		ks := append([]string(nil), keys...)
		ks[sw[0]], ks[sw[1]] = ks[sw[1]], ks[sw[0]]
		b.invalid(conformance.OpCBORCanonical, "RFC 8949 §4.2.1 key order with keys "+keys[sw[0]]+" and "+keys[sw[1]]+" swapped", "wire.md §2 (RFC 8949 §4.2.1)", "NonCanonical", []string{"RFC8949", "NonCanonical"}, in(mapOf(ks)))
	}
	nonCanonical := []struct{ hex, what string }{
		{"1800", "0 in two bytes"}, {"1817", "23 in two bytes"}, {"190018", "24 in three bytes"}, {"1a000000ff", "255 in five bytes"},
		{"1b00000000ffffffff", "2^32 - 1 in nine bytes"}, {"3800", "-1 in two bytes"}, {"5801ff", "byte string length 1 in two bytes"},
		{"780161", "text length 1 in two bytes"}, {"980101", "array length 1 in two bytes"}, {"b8010102", "map length 1 in two bytes"},
		{"a202000100", "map keys 2, 1 (unsorted)"}, {"a201000100", "duplicate key 1"}, {"a2616200616100", `keys "b", "a" (unsorted)`},
		{"a2616100186400", `key "a" before 100 (the encoding of 100 is shorter)`},
		{"5f42010243030405ff", "RFC 8949: indefinite byte string"}, {"7f657374726561646d696e67ff", "RFC 8949: indefinite text string"},
		{"9fff", "RFC 8949: indefinite empty array"}, {"bf61610161629f0203ffff", "RFC 8949: indefinite map"},
	}
	for _, v := range nonCanonical {
		fl := []string{"NonCanonical"}
		if strings.HasPrefix(v.what, "RFC") {
			fl = append(fl, "RFC8949")
		}
		b.invalid(conformance.OpCBORCanonical, v.what, s2, "NonCanonical", fl, in(v.hex))
	}
	unsupported := []struct{ hex, what string }{
		{"f93c00", "RFC 8949: half float 1.0"}, {"fb3ff199999999999a", "RFC 8949: double 1.1"}, {"f6", "RFC 8949: null"},
		{"f7", "RFC 8949: undefined"}, {"f0", "RFC 8949: simple(16)"}, {"c11a514b67b0", "RFC 8949: tag 1 (epoch date)"},
		{"c249010000000000000000", "RFC 8949: tag 2 (bignum)"},
	}
	for _, v := range unsupported {
		b.invalid(conformance.OpCBORCanonical, v.what, s2, "Unsupported", []string{"RFC8949", "Unsupported"}, in(v.hex))
	}
	malformed := []struct{ hex, what string }{
		{"", "empty input"}, {"19", "truncated argument"}, {"4401", "truncated byte string"}, {"8201", "truncated array"},
		{"1c", "reserved additional information 28"}, {"ff", "lone break"}, {"61ff", "text string not UTF-8"},
	}
	for _, v := range malformed {
		b.invalid(conformance.OpCBORCanonical, v.what, s2, "Malformed", []string{"Malformed"}, in(v.hex))
	}
	b.invalid(conformance.OpCBORCanonical, "two items (0, 0)", s2, "TrailingBytes", nil, in("0000"))
	b.invalid(conformance.OpCBORCanonical, "nine nested arrays", s2, "TooLarge", nil, in("818181818181818181"+"00"))
	return b.done()
}

// The helpers below edit canonical encodings produced by wire.Encode.

// itemEnd returns the offset just after the definite-length item at off.
func itemEnd(b []byte, off int) int {
	ib := b[off]
	major, info := ib>>5, ib&0x1f
	off++
	var arg uint64
	switch {
	case info < 24:
		arg = uint64(info)
	case info == 24:
		arg = uint64(b[off])
		off++
	case info == 25:
		arg = uint64(binary.BigEndian.Uint16(b[off:]))
		off += 2
	case info == 26:
		arg = uint64(binary.BigEndian.Uint32(b[off:]))
		off += 4
	case info == 27:
		arg = binary.BigEndian.Uint64(b[off:])
		off += 8
	}
	switch major {
	case 2, 3:
		return off + int(arg)
	case 4:
		for i := uint64(0); i < arg; i++ {
			off = itemEnd(b, off)
		}
	case 5:
		for i := uint64(0); i < 2*arg; i++ {
			off = itemEnd(b, off)
		}
	}
	return off
}

type kv struct{ k, v []byte }

// splitMap returns the entries of the canonical map b and the length of its head.
func splitMap(b []byte) []kv {
	off := 1
	switch b[0] & 0x1f {
	case 24:
		off = 2
	case 25:
		off = 3
	}
	var out []kv
	for off < len(b) {
		kEnd := itemEnd(b, off)
		vEnd := itemEnd(b, kEnd)
		out = append(out, kv{b[off:kEnd], b[kEnd:vEnd]})
		off = vEnd
	}
	return out
}

// head encodes a CBOR head in the shortest form.
func head(major byte, arg uint64) []byte {
	m := major << 5
	switch {
	case arg < 24:
		return []byte{m | byte(arg)}
	case arg <= 0xff:
		return []byte{m | 24, byte(arg)}
	case arg <= 0xffff:
		return binary.BigEndian.AppendUint16([]byte{m | 25}, uint16(arg))
	case arg <= 0xffffffff:
		return binary.BigEndian.AppendUint32([]byte{m | 26}, uint32(arg))
	}
	return binary.BigEndian.AppendUint64([]byte{m | 27}, arg)
}

func joinMap(entries []kv) []byte {
	out := head(5, uint64(len(entries)))
	for _, e := range entries {
		out = append(append(out, e.k...), e.v...)
	}
	return out
}

func keyBytes(k uint64) []byte { return head(0, k) }

// setField replaces (or inserts in order) the value of key k.
func setField(b []byte, k uint64, val []byte) []byte {
	es := splitMap(b)
	kb := keyBytes(k)
	for i, e := range es {
		if string(e.k) == string(kb) {
			es[i].v = val
			return joinMap(es)
		}
		if string(e.k) > string(kb) && len(e.k) >= len(kb) {
			es = append(es[:i], append([]kv{{kb, val}}, es[i:]...)...)
			return joinMap(es)
		}
	}
	return joinMap(append(es, kv{kb, val}))
}

func delField(b []byte, k uint64) []byte {
	es := splitMap(b)
	kb := keyBytes(k)
	out := es[:0]
	for _, e := range es {
		if string(e.k) != string(kb) {
			out = append(out, e)
		}
	}
	return joinMap(out)
}

func getField(b []byte, k uint64) []byte {
	for _, e := range splitMap(b) {
		if string(e.k) == string(keyBytes(k)) {
			return e.v
		}
	}
	return nil
}

func bstr(x []byte) []byte { return append(head(2, uint64(len(x))), x...) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
