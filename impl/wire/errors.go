package wire

import "errors"

// Typed decoding errors (spec/wire.md §3). Every error of Decode wraps exactly one of them.
var (
	// ErrTooLarge reports an input above the size limit of its message type, or nesting
	// deeper than MaxDepth.
	ErrTooLarge = errors.New("wire: message too large")
	// ErrMalformed reports bytes that are not well-formed CBOR, or a CBOR item of the
	// wrong major type for its field.
	ErrMalformed = errors.New("wire: malformed CBOR")
	// ErrNonCanonical reports well-formed CBOR that is not in core deterministic encoding:
	// a non-shortest integer or length, an indefinite length, unsorted or duplicate map keys.
	ErrNonCanonical = errors.New("wire: non-canonical CBOR")
	// ErrUnsupported reports a CBOR feature outside the podnet profile: tags, floats and
	// simple values other than false and true.
	ErrUnsupported = errors.New("wire: unsupported CBOR item")
	// ErrTrailingBytes reports bytes after the single top-level item.
	ErrTrailingBytes = errors.New("wire: trailing bytes")
	// ErrUnknownVersion reports a protocol version other than Version.
	ErrUnknownVersion = errors.New("wire: unknown protocol version")
	// ErrUnknownType reports an unknown message type.
	ErrUnknownType = errors.New("wire: unknown message type")
	// ErrWrongType reports a valid message of another type than the one expected.
	ErrWrongType = errors.New("wire: unexpected message type")
	// ErrMissingField reports a required field that is absent.
	ErrMissingField = errors.New("wire: missing field")
	// ErrUnknownField reports a map key that the message type does not define.
	ErrUnknownField = errors.New("wire: unknown field")
	// ErrUnexpectedField reports a defined field that must be absent in this variant
	// (e.g. K in a hash-lock offer).
	ErrUnexpectedField = errors.New("wire: field not allowed here")
	// ErrBadLength reports a byte string or list of the wrong length.
	ErrBadLength = errors.New("wire: wrong length")
	// ErrFieldRange reports a value out of its range: a field element not below n, a point
	// off the curve, an enumeration value that is not defined.
	ErrFieldRange = errors.New("wire: field out of range")
	// ErrManifestMismatch reports a package index whose components disagree with its
	// signed manifest, or a manifest signature by another key than the vendor's.
	ErrManifestMismatch = errors.New("wire: package index does not match its manifest")
)

// errorNames lists the stable names of the typed errors, used by the conformance vectors.
func errorNames() []struct {
	err  error
	name string
} {
	return []struct {
		err  error
		name string
	}{
		{ErrTooLarge, "TooLarge"},
		{ErrMalformed, "Malformed"},
		{ErrNonCanonical, "NonCanonical"},
		{ErrUnsupported, "Unsupported"},
		{ErrTrailingBytes, "TrailingBytes"},
		{ErrUnknownVersion, "UnknownVersion"},
		{ErrUnknownType, "UnknownType"},
		{ErrWrongType, "WrongType"},
		{ErrMissingField, "MissingField"},
		{ErrUnknownField, "UnknownField"},
		{ErrUnexpectedField, "UnexpectedField"},
		{ErrBadLength, "BadLength"},
		{ErrFieldRange, "FieldRange"},
		{ErrManifestMismatch, "ManifestMismatch"},
	}
}

// ErrorName returns the stable name of the typed error that err wraps ("NonCanonical",
// "TrailingBytes", ...), "" for nil and "Other" for an error of no wire type.
func ErrorName(err error) string {
	if err == nil {
		return ""
	}
	for _, e := range errorNames() {
		if errors.Is(err, e.err) {
			return e.name
		}
	}
	return "Other"
}
