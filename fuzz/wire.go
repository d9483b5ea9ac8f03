package fuzz

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"reflect"
	"unicode/utf8"

	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/wire"
)

// ErrInvariant is wrapped by every error the checks of this package return: an invariant
// of the code under test does not hold for the input. Any other outcome (nil) means the
// input was handled correctly, whether it was accepted or rejected.
var ErrInvariant = errors.New("fuzz: invariant violated")

func violated(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvariant}, args...)...)
}

// wireSentinels are the typed errors of package wire (spec/wire.md §3).
var wireSentinels = []error{
	wire.ErrTooLarge, wire.ErrMalformed, wire.ErrNonCanonical, wire.ErrUnsupported,
	wire.ErrTrailingBytes, wire.ErrUnknownVersion, wire.ErrUnknownType, wire.ErrWrongType,
	wire.ErrMissingField, wire.ErrUnknownField, wire.ErrUnexpectedField, wire.ErrBadLength,
	wire.ErrFieldRange, wire.ErrManifestMismatch,
}

// exactlyOne reports an error unless err wraps exactly one of allowed.
func exactlyOne(what string, err error, allowed []error) error {
	n := 0
	for _, s := range allowed {
		if errors.Is(err, s) {
			n++
		}
	}
	if n != 1 {
		return violated("%s: error wraps %d of the allowed typed errors: %v", what, n, err)
	}
	return nil
}

// canonicalSentinels are the errors wire.CheckCanonical may return.
var canonicalSentinels = []error{
	wire.ErrMalformed, wire.ErrNonCanonical, wire.ErrUnsupported, wire.ErrTooLarge, wire.ErrTrailingBytes,
}

// decodeSentinels are the errors wire.Decode may return: every wire error except
// WrongType (only the typed decoders) and ManifestMismatch (only Verify).
var decodeSentinels = []error{
	wire.ErrTooLarge, wire.ErrMalformed, wire.ErrNonCanonical, wire.ErrUnsupported,
	wire.ErrTrailingBytes, wire.ErrUnknownVersion, wire.ErrUnknownType, wire.ErrMissingField,
	wire.ErrUnknownField, wire.ErrUnexpectedField, wire.ErrBadLength, wire.ErrFieldRange,
}

// typedDecoder is one of the DecodeX functions of package wire.
type typedDecoder struct {
	typ    wire.MsgType
	decode func([]byte) (wire.Message, error)
}

func td[T wire.Message](typ wire.MsgType, f func([]byte) (T, error)) typedDecoder {
	return typedDecoder{typ, func(b []byte) (wire.Message, error) {
		m, err := f(b)
		if err != nil {
			return nil, err
		}
		return m, nil
	}}
}

// typedDecoders lists every typed decoder of package wire, by message type.
var typedDecoders = []typedDecoder{
	td(wire.TypeUpdateRequest, wire.DecodeUpdateRequest),
	td(wire.TypeChallenge, wire.DecodeChallenge),
	td(wire.TypeChallengeResponse, wire.DecodeChallengeResponse),
	td(wire.TypeOffer, wire.DecodeOffer),
	td(wire.TypeDelivery, wire.DecodeDelivery),
	td(wire.TypeError, wire.DecodeError),
	td(wire.TypePackageIndex, wire.DecodePackageIndex),
	td(wire.TypeBlobRequest, wire.DecodeBlobRequest),
	td(wire.TypeBlobChunk, wire.DecodeBlobChunk),
	td(wire.TypeHubSignRequest, wire.DecodeHubSignRequest),
	td(wire.TypeHubSignResponse, wire.DecodeHubSignResponse),
	td(wire.TypeHubInstall, wire.DecodeHubInstall),
}

// WireDecode checks wire.Decode on b (spec/wire.md §2, §3):
//   - it never panics, and a rejection wraps exactly one typed error of the decoder;
//   - wire.CheckCanonical agrees: it rejects b exactly when Decode rejects it in steps
//     1–3, with the same error name (the decoder applies the profile first);
//   - an accepted b is canonical: Encode(Decode(b)) = b and Decode(Encode(m)) = m, the
//     typed decoder of m's type returns the same message and every other typed decoder
//     reports WrongType; the message's own invariants hold (checkMessage).
func WireDecode(b []byte) error {
	m, err := wire.Decode(b)
	cerr := wire.CheckCanonical(b)
	if cerr != nil {
		if e := exactlyOne("CheckCanonical", cerr, canonicalSentinels); e != nil {
			return e
		}
	}
	if err != nil {
		if e := exactlyOne("Decode", err, decodeSentinels); e != nil {
			return e
		}
		if cerr != nil && len(b) <= wire.MaxMessageSize && wire.ErrorName(cerr) != wire.ErrorName(err) {
			return violated("CheckCanonical says %s, Decode says %s (%v) for %x", wire.ErrorName(cerr), wire.ErrorName(err), err, b)
		}
		return nil
	}
	if cerr != nil {
		return violated("Decode accepted %x, which CheckCanonical rejects: %v", b, cerr)
	}
	return checkMessage(b, m)
}

// WireDecodeAs checks the typed decoder of typ on b: it agrees with wire.Decode (the same
// error name for an invalid b; WrongType exactly when b is a valid message of another
// type; the same message otherwise), and an accepted b satisfies the invariants of
// WireDecode.
func WireDecodeAs(typ wire.MsgType, b []byte) error {
	var d *typedDecoder
	for i := range typedDecoders {
		if typedDecoders[i].typ == typ {
			d = &typedDecoders[i]
		}
	}
	if d == nil {
		return fmt.Errorf("fuzz: no typed decoder for message type %d", typ)
	}
	m, err := d.decode(b)
	gm, gerr := wire.Decode(b)
	if err != nil {
		allowed := append(append([]error{}, decodeSentinels...), wire.ErrWrongType)
		if e := exactlyOne(fmt.Sprintf("Decode%s", typ), err, allowed); e != nil {
			return e
		}
		switch {
		case gerr == nil && gm.Type() == typ:
			return violated("Decode%s rejects (%v) a message Decode accepts: %x", typ, err, b)
		case gerr == nil && !errors.Is(err, wire.ErrWrongType):
			return violated("Decode%s: a valid %s gives %v, want WrongType", typ, gm.Type(), err)
		case gerr != nil && wire.ErrorName(err) != wire.ErrorName(gerr):
			return violated("Decode%s says %s, Decode says %s for %x", typ, wire.ErrorName(err), wire.ErrorName(gerr), b)
		}
		return nil
	}
	if gerr != nil {
		return violated("Decode%s accepts what Decode rejects (%v): %x", typ, gerr, b)
	}
	if m.Type() != typ {
		return violated("Decode%s returned a %s", typ, m.Type())
	}
	return checkMessage(b, m)
}

// checkMessage checks an accepted message m decoded from b.
func checkMessage(b []byte, m wire.Message) error {
	enc, err := wire.Encode(m)
	if err != nil {
		return violated("decoded %s does not encode: %v", m.Type(), err)
	}
	if !bytes.Equal(enc, b) {
		return violated("accepted a non-canonical %s: %x re-encodes to %x", m.Type(), b, enc)
	}
	if len(b) > m.Type().SizeLimit() {
		return violated("accepted a %s of %d bytes, above its limit %d", m.Type(), len(b), m.Type().SizeLimit())
	}
	again, err := wire.Decode(enc)
	if err != nil {
		return violated("re-encoded %s does not decode: %v", m.Type(), err)
	}
	if !reflect.DeepEqual(again, m) {
		return violated("Decode(Encode(m)) != m for %s: %+v vs %+v", m.Type(), again, m)
	}
	for _, d := range typedDecoders {
		tm, err := d.decode(b)
		if d.typ == m.Type() {
			if err != nil || !reflect.DeepEqual(tm, m) {
				return violated("Decode%s disagrees with Decode: %v", d.typ, err)
			}
		} else if !errors.Is(err, wire.ErrWrongType) {
			return violated("Decode%s on a valid %s: %v, want WrongType", d.typ, m.Type(), err)
		}
	}
	switch x := m.(type) {
	case *wire.ChallengeResponse:
		if len(x.FleetProof) > wire.MaxFleetProof {
			return violated("fleet proof of %d hashes", len(x.FleetProof))
		}
	case *wire.Offer:
		return checkOffer(x)
	case *wire.Error:
		if x.Code < wire.CodeMalformed || x.Code > wire.CodeInternal || len(x.Text) > wire.MaxErrorText || !utf8.ValidString(x.Text) {
			return violated("accepted error message code %d text %q", x.Code, x.Text)
		}
	case *wire.PackageIndex:
		return checkPackageIndex(b, x)
	case *wire.BlobRequest:
		if x.Length < 1 || x.Length > wire.MaxChunkData {
			return violated("accepted blob request length %d", x.Length)
		}
	case *wire.BlobChunk:
		if len(x.Data) > wire.MaxChunkData {
			return violated("accepted blob chunk of %d bytes", len(x.Data))
		}
	case *wire.HubSignRequest:
		if _, err := x.Digest(); err != nil {
			return violated("accepted hub sign request has no digest: %v", err)
		}
		if x.Purpose == wire.PurposeDelivery && x.LockType > suite.LockPoint {
			return violated("accepted hub sign request with lock type %d", x.LockType)
		}
	case *wire.HubInstall:
		if len(x.Image) > wire.MaxImageSize {
			return violated("accepted hub install image of %d bytes", len(x.Image))
		}
	}
	return nil
}

// checkOffer: the lock is the one of the lock type, points are valid, K and c only in
// point-lock mode, the manifest verifies or fails with a typed error.
func checkOffer(o *wire.Offer) error {
	if len(o.Ciphertext) < 1 || len(o.Ciphertext) > wire.MaxCiphertextElems || len(o.Proof) < 1 || len(o.Proof) > wire.MaxProofSize {
		return violated("offer with %d ciphertext elements, %d proof bytes", len(o.Ciphertext), len(o.Proof))
	}
	lock := o.Lock()
	switch o.LockType {
	case suite.LockHash:
		if lock != o.HashLock {
			return violated("hash-lock offer: Lock() %x != s %x", lock, o.HashLock)
		}
	case suite.LockPoint:
		for _, p := range []struct {
			name string
			enc  [suite.G1Size]byte
		}{{"S", suite.EncodeG1(o.S)}, {"K", suite.EncodeG1(o.K)}} {
			if _, err := suite.DecodeG1(p.enc[:]); err != nil {
				return violated("point-lock offer with invalid %s: %v", p.name, err)
			}
		}
		if lock != suite.PointLock(o.S) {
			return violated("point-lock offer: Lock() differs from PointLock(S)")
		}
		// The relation c·G = K + S is the device's check, not the decoder's; it must not
		// panic and must fail with its typed error when it fails.
		if err := suite.CheckPointLockOffer(o.C, o.K, o.S); err != nil && !errors.Is(err, suite.ErrPointRelation) {
			return violated("CheckPointLockOffer: untyped error %v", err)
		}
	default:
		return violated("accepted offer with lock type %d", o.LockType)
	}
	return checkManifestVerify(&o.Manifest)
}

// signatureSentinels are the errors of suite.Recover.
var signatureSentinels = []error{suite.ErrBadV, suite.ErrBadSignature, suite.ErrHighS}

func checkManifestVerify(s *wire.SignedManifest) error {
	err := s.Verify()
	if err == nil {
		who, rerr := suite.Recover(suite.ManifestDigest(s.Manifest), s.Signature)
		if rerr != nil || who != s.Manifest.Vendor {
			return violated("manifest verifies but its signature recovers %s, %v (vendor %s)", who, rerr, s.Manifest.Vendor)
		}
		return nil
	}
	return exactlyOne("SignedManifest.Verify", err, append([]error{wire.ErrManifestMismatch}, signatureSentinels...))
}

// checkPackageIndex: P_id is the SHA-256 of the bytes, kind i sits at position i, Verify
// fails only with typed errors and accepts only a consistent index.
func checkPackageIndex(b []byte, x *wire.PackageIndex) error {
	pid, err := wire.PackageID(x)
	if err != nil || pid != sha256.Sum256(b) {
		return violated("PackageID %x, %v; SHA-256 of the encoding %x", pid, err, sha256.Sum256(b))
	}
	if len(x.Components) != wire.NumComponents {
		return violated("package index with %d components", len(x.Components))
	}
	for i, c := range x.Components {
		if c.Kind != wire.ComponentKind(i) {
			return violated("component %d has kind %d", i, c.Kind)
		}
		if got, ok := x.Component(wire.ComponentKind(i)); !ok || got != c {
			return violated("Component(%d) = %+v, %v", i, got, ok)
		}
	}
	err = x.Verify()
	if err != nil {
		return exactlyOne("PackageIndex.Verify", err, append([]error{wire.ErrManifestMismatch}, signatureSentinels...))
	}
	man := x.Manifest.Manifest
	img := x.Components[wire.ComponentImage]
	if img.Hash != man.ImageSHA256 || img.Length != man.ImageLength ||
		x.Components[wire.ComponentVerifyingKeyHashlock].Hash != man.VKHashHashlock ||
		x.Components[wire.ComponentVerifyingKeyPointlock].Hash != man.VKHashPointlock {
		return violated("PackageIndex.Verify accepts components that differ from the manifest")
	}
	return checkManifestVerify(&x.Manifest)
}
