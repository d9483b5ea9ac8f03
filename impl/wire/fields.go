package wire

import (
	"fmt"
	"sort"
)

// mapEnc accumulates the entries of a CBOR map with unsigned integer keys and encodes
// them in ascending key order, which for shortest-form unsigned keys is the bytewise order
// of RFC 8949 §4.2.1.
type mapEnc struct {
	keys []uint64
	vals [][]byte
}

func (m *mapEnc) add(key uint64, val []byte) {
	m.keys = append(m.keys, key)
	m.vals = append(m.vals, val)
}

func (m *mapEnc) uint(key, v uint64)         { m.add(key, appendUint(nil, v)) }
func (m *mapEnc) bytes(key uint64, v []byte) { m.add(key, appendBytes(nil, v)) }
func (m *mapEnc) text(key uint64, v string)  { m.add(key, appendText(nil, v)) }
func (m *mapEnc) bool(key uint64, v bool)    { m.add(key, appendBool(nil, v)) }

// list adds an array of byte strings.
func (m *mapEnc) list(key uint64, items [][]byte) {
	b := appendHead(nil, majorArray, uint64(len(items)))
	for _, it := range items {
		b = appendBytes(b, it)
	}
	m.add(key, b)
}

func (m *mapEnc) encode() []byte {
	idx := make([]int, len(m.keys))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return m.keys[idx[a]] < m.keys[idx[b]] })
	out := appendHead(nil, majorMap, uint64(len(m.keys)))
	for _, i := range idx {
		out = appendUint(out, m.keys[i])
		out = append(out, m.vals[i]...)
	}
	return out
}

// fields is a decoded CBOR map with unsigned integer keys; its values are byte spans of
// items that the scanner has already checked.
type fields struct {
	what string
	cfg  decodeConfig
	vals map[uint64][]byte
	used map[uint64]bool
}

// parseMap splits a checked map item into its entries.
func parseMap(what string, raw []byte, cfg decodeConfig) (*fields, error) {
	s := scanner{b: raw, cfg: cfg}
	major, n, err := s.head()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if major != majorMap {
		return nil, fmt.Errorf("%s: %w: want a map, got major type %d", what, ErrMalformed, major)
	}
	f := &fields{what: what, cfg: cfg, vals: make(map[uint64][]byte, n), used: make(map[uint64]bool, n)}
	for i := uint64(0); i < n; i++ {
		kmaj, key, err := s.head()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if kmaj != majorUint {
			return nil, fmt.Errorf("%s: %w: map key of major type %d, want unsigned integer", what, ErrMalformed, kmaj)
		}
		val, err := s.item(1)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		f.vals[key] = val
	}
	return f, nil
}

func (f *fields) get(key uint64, name string) ([]byte, error) {
	v, ok := f.vals[key]
	if !ok {
		return nil, fmt.Errorf("%s: %w: %s (key %d)", f.what, ErrMissingField, name, key)
	}
	f.used[key] = true
	return v, nil
}

func (f *fields) has(key uint64) bool {
	_, ok := f.vals[key]
	return ok
}

// forbid reports ErrUnexpectedField when key is present.
func (f *fields) forbid(key uint64, name, why string) error {
	if f.has(key) {
		return fmt.Errorf("%s: %w: %s (key %d) %s", f.what, ErrUnexpectedField, name, key, why)
	}
	return nil
}

// done reports ErrUnknownField for any key that no getter consumed.
func (f *fields) done() error {
	keys := make([]uint64, 0)
	for k := range f.vals {
		if !f.used[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		return fmt.Errorf("%s: %w: key %d", f.what, ErrUnknownField, keys[0])
	}
	return nil
}

func (f *fields) head(key uint64, name string, want byte) (uint64, *scanner, error) {
	raw, err := f.get(key, name)
	if err != nil {
		return 0, nil, err
	}
	s := &scanner{b: raw, cfg: f.cfg}
	major, arg, err := s.head()
	if err != nil {
		return 0, nil, fmt.Errorf("%s.%s: %w", f.what, name, err)
	}
	if major != want {
		return 0, nil, fmt.Errorf("%s.%s: %w: major type %d, want %d", f.what, name, ErrMalformed, major, want)
	}
	return arg, s, nil
}

func (f *fields) uint(key uint64, name string) (uint64, error) {
	v, _, err := f.head(key, name, majorUint)
	return v, err
}

func (f *fields) bool(key uint64, name string) (bool, error) {
	raw, err := f.get(key, name)
	if err != nil {
		return false, err
	}
	switch {
	case len(raw) == 1 && raw[0] == 0xf4:
		return false, nil
	case len(raw) == 1 && raw[0] == 0xf5:
		return true, nil
	default:
		return false, fmt.Errorf("%s.%s: %w: want a boolean", f.what, name, ErrMalformed)
	}
}

func (f *fields) bytes(key uint64, name string, max int) ([]byte, error) {
	n, s, err := f.head(key, name, majorBytes)
	if err != nil {
		return nil, err
	}
	if n > uint64(max) {
		return nil, fmt.Errorf("%s.%s: %w: %d bytes, at most %d", f.what, name, ErrTooLarge, n, max)
	}
	return append([]byte(nil), s.b[s.off:]...), nil
}

func (f *fields) fixed(key uint64, name string, dst []byte) error {
	n, s, err := f.head(key, name, majorBytes)
	if err != nil {
		return err
	}
	if n != uint64(len(dst)) {
		return fmt.Errorf("%s.%s: %w: %d bytes, want %d", f.what, name, ErrBadLength, n, len(dst))
	}
	copy(dst, s.b[s.off:])
	return nil
}

func (f *fields) text(key uint64, name string, max int) (string, error) {
	n, s, err := f.head(key, name, majorText)
	if err != nil {
		return "", err
	}
	if n > uint64(max) {
		return "", fmt.Errorf("%s.%s: %w: %d bytes, at most %d", f.what, name, ErrTooLarge, n, max)
	}
	return string(s.b[s.off:]), nil
}

// list decodes an array of byte strings of exactly size bytes each, with at most max
// elements.
func (f *fields) list(key uint64, name string, size, max int) ([][]byte, error) {
	n, s, err := f.head(key, name, majorArray)
	if err != nil {
		return nil, err
	}
	if n > uint64(max) {
		return nil, fmt.Errorf("%s.%s: %w: %d elements, at most %d", f.what, name, ErrBadLength, n, max)
	}
	out := make([][]byte, 0, n)
	for i := uint64(0); i < n; i++ {
		major, l, err := s.head()
		if err != nil {
			return nil, fmt.Errorf("%s.%s[%d]: %w", f.what, name, i, err)
		}
		if major != majorBytes {
			return nil, fmt.Errorf("%s.%s[%d]: %w: major type %d, want a byte string", f.what, name, i, ErrMalformed, major)
		}
		if l != uint64(size) {
			return nil, fmt.Errorf("%s.%s[%d]: %w: %d bytes, want %d", f.what, name, i, ErrBadLength, l, size)
		}
		out = append(out, s.b[s.off:s.off+size])
		s.off += size
	}
	return out, nil
}

// mapList decodes an array of maps, with at most max elements.
func (f *fields) mapList(key uint64, name string, max int) ([]*fields, error) {
	n, s, err := f.head(key, name, majorArray)
	if err != nil {
		return nil, err
	}
	if n > uint64(max) {
		return nil, fmt.Errorf("%s.%s: %w: %d elements, at most %d", f.what, name, ErrBadLength, n, max)
	}
	out := make([]*fields, 0, n)
	for i := uint64(0); i < n; i++ {
		raw, err := s.item(1)
		if err != nil {
			return nil, fmt.Errorf("%s.%s[%d]: %w", f.what, name, i, err)
		}
		sub, err := parseMap(fmt.Sprintf("%s.%s[%d]", f.what, name, i), raw, f.cfg)
		if err != nil {
			return nil, err
		}
		out = append(out, sub)
	}
	return out, nil
}

func (f *fields) submap(key uint64, name string) (*fields, error) {
	raw, err := f.get(key, name)
	if err != nil {
		return nil, err
	}
	return parseMap(f.what+"."+name, raw, f.cfg)
}
