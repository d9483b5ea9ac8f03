package wire

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf8"
)

// CBOR major types (RFC 8949 §3.1).
const (
	majorUint   = 0
	majorNegint = 1
	majorBytes  = 2
	majorText   = 3
	majorArray  = 4
	majorMap    = 5
	majorTag    = 6
	majorSimple = 7
)

// MaxDepth is the deepest nesting of arrays and maps a decoder accepts.
const MaxDepth = 8

// appendHead appends the initial byte and argument of an item in the shortest form
// (RFC 8949 §4.2.1, first rule).
func appendHead(b []byte, major byte, arg uint64) []byte {
	m := major << 5
	switch {
	case arg < 24:
		return append(b, m|byte(arg))
	case arg <= 0xff:
		return append(b, m|24, byte(arg))
	case arg <= 0xffff:
		return binary.BigEndian.AppendUint16(append(b, m|25), uint16(arg))
	case arg <= 0xffffffff:
		return binary.BigEndian.AppendUint32(append(b, m|26), uint32(arg))
	default:
		return binary.BigEndian.AppendUint64(append(b, m|27), arg)
	}
}

func appendUint(b []byte, v uint64) []byte { return appendHead(b, majorUint, v) }

func appendBytes(b []byte, v []byte) []byte {
	return append(appendHead(b, majorBytes, uint64(len(v))), v...)
}

func appendText(b []byte, v string) []byte {
	return append(appendHead(b, majorText, uint64(len(v))), v...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 0xf5)
	}
	return append(b, 0xf4)
}

// decodeConfig holds the decoder switches. The zero value is the conforming decoder; the
// lax switches exist only so that tests can build a mutant decoder and show that the
// conformance vectors catch it.
type decodeConfig struct {
	// laxShortest accepts non-shortest integers and lengths.
	laxShortest bool
	// laxKeyOrder accepts unsorted and duplicate map keys.
	laxKeyOrder bool
}

// scanner checks that its input is one well-formed item in the podnet CBOR profile:
// definite lengths, shortest-form arguments, map keys in bytewise lexicographic order of
// their encodings without duplicates, no tags, no floats, no simple values but false and
// true, valid UTF-8 text.
type scanner struct {
	b   []byte
	off int
	cfg decodeConfig
}

// head reads an initial byte and its argument.
func (s *scanner) head() (major byte, arg uint64, err error) {
	if s.off >= len(s.b) {
		return 0, 0, fmt.Errorf("%w: unexpected end of input at offset %d", ErrMalformed, s.off)
	}
	start := s.off
	ib := s.b[s.off]
	s.off++
	major = ib >> 5
	info := ib & 0x1f
	var size int
	switch {
	case info < 24:
		return major, uint64(info), nil
	case info == 24:
		size = 1
	case info == 25:
		size = 2
	case info == 26:
		size = 4
	case info == 27:
		size = 8
	case info == 31:
		if major >= majorBytes && major <= majorMap {
			return 0, 0, fmt.Errorf("%w: indefinite length at offset %d", ErrNonCanonical, start)
		}
		return 0, 0, fmt.Errorf("%w: break or reserved additional information 31 at offset %d", ErrMalformed, start)
	default:
		return 0, 0, fmt.Errorf("%w: reserved additional information %d at offset %d", ErrMalformed, info, start)
	}
	if major == majorSimple {
		// Floats (25, 26, 27) and one-byte simple values (24) are outside the profile.
		return 0, 0, fmt.Errorf("%w: float or extended simple value at offset %d", ErrUnsupported, start)
	}
	if len(s.b)-s.off < size {
		return 0, 0, fmt.Errorf("%w: truncated argument at offset %d", ErrMalformed, start)
	}
	switch size {
	case 1:
		arg = uint64(s.b[s.off])
	case 2:
		arg = uint64(binary.BigEndian.Uint16(s.b[s.off:]))
	case 4:
		arg = uint64(binary.BigEndian.Uint32(s.b[s.off:]))
	case 8:
		arg = binary.BigEndian.Uint64(s.b[s.off:])
	}
	s.off += size
	if !s.cfg.laxShortest {
		var min uint64
		switch size {
		case 1:
			min = 24
		case 2:
			min = 0x100
		case 4:
			min = 0x10000
		case 8:
			min = 0x100000000
		}
		if arg < min {
			return 0, 0, fmt.Errorf("%w: argument %d not in shortest form at offset %d", ErrNonCanonical, arg, start)
		}
	}
	return major, arg, nil
}

// item checks one item and returns its byte span.
func (s *scanner) item(depth int) ([]byte, error) {
	start := s.off
	major, arg, err := s.head()
	if err != nil {
		return nil, err
	}
	switch major {
	case majorUint, majorNegint:
	case majorBytes, majorText:
		if arg > uint64(len(s.b)-s.off) {
			return nil, fmt.Errorf("%w: string of %d bytes runs past the end at offset %d", ErrMalformed, arg, start)
		}
		if major == majorText && !utf8.Valid(s.b[s.off:s.off+int(arg)]) {
			return nil, fmt.Errorf("%w: text string is not UTF-8 at offset %d", ErrMalformed, start)
		}
		s.off += int(arg)
	case majorArray, majorMap:
		if depth >= MaxDepth {
			return nil, fmt.Errorf("%w: nesting deeper than %d at offset %d", ErrTooLarge, MaxDepth, start)
		}
		// No allocation depends on the count, and every element consumes at least one byte
		// or fails at the end of the input, so the loop is bounded by the input's length.
		// A count that cannot fit is reported where the input runs out, after any earlier
		// defect of the elements (spec/wire.md §3: the first defect in encoding order).
		var prevKey []byte
		for i := uint64(0); i < arg; i++ {
			if major == majorArray {
				if _, err := s.item(depth + 1); err != nil {
					return nil, err
				}
				continue
			}
			key, err := s.item(depth + 1)
			if err != nil {
				return nil, err
			}
			if i > 0 && !s.cfg.laxKeyOrder {
				switch c := bytes.Compare(prevKey, key); {
				case c == 0:
					return nil, fmt.Errorf("%w: duplicate map key at offset %d", ErrNonCanonical, s.off-len(key))
				case c > 0:
					return nil, fmt.Errorf("%w: map keys not in bytewise order at offset %d", ErrNonCanonical, s.off-len(key))
				}
			}
			prevKey = key
			if _, err := s.item(depth + 1); err != nil {
				return nil, err
			}
		}
	case majorTag:
		return nil, fmt.Errorf("%w: tag %d at offset %d", ErrUnsupported, arg, start)
	case majorSimple:
		if arg != 20 && arg != 21 {
			return nil, fmt.Errorf("%w: simple value %d at offset %d", ErrUnsupported, arg, start)
		}
	}
	return s.b[start:s.off], nil
}

// CheckCanonical reports whether b is exactly one CBOR item in the podnet profile of
// RFC 8949 core deterministic encoding (spec/wire.md §2). It returns nil or an error
// wrapping ErrMalformed, ErrNonCanonical, ErrUnsupported, ErrTooLarge or ErrTrailingBytes.
func CheckCanonical(b []byte) error {
	return checkCanonical(b, decodeConfig{})
}

func checkCanonical(b []byte, cfg decodeConfig) error {
	s := scanner{b: b, cfg: cfg}
	if _, err := s.item(0); err != nil {
		return err
	}
	if s.off != len(b) {
		return fmt.Errorf("%w: %d bytes after the item", ErrTrailingBytes, len(b)-s.off)
	}
	return nil
}
