package wire

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"unicode/utf8"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"

	"github.com/podnet/podnet/impl/suite"
)

// Version is the protocol version carried in key 0 of every message (spec/wire.md §3).
const Version = 1

// Size limits (spec/wire.md §5).
const (
	// MaxMessageSize is the largest encoded message of any type; a decoder rejects a
	// longer input before parsing it.
	MaxMessageSize = 4 << 20
	// MaxSmallMessage bounds every message that carries no bulk data.
	MaxSmallMessage = 4 << 10
	// MaxPackageIndexSize bounds a PackageIndex.
	MaxPackageIndexSize = 64 << 10
	// MaxCiphertextElems bounds the ciphertext of an Offer (the largest size class, 1 MiB,
	// has 33,840 elements).
	MaxCiphertextElems = 1 << 16
	// MaxProofSize bounds the opaque Groth16 proof of an Offer.
	MaxProofSize = 8 << 10
	// MaxChunkData bounds the data of one BlobChunk and the length of a BlobRequest.
	MaxChunkData = 1 << 20
	// MaxImageSize bounds the image of a HubInstall (the capacity of the largest class).
	MaxImageSize = 1 << 20
	// MaxErrorText bounds the text of an Error message, in bytes of UTF-8.
	MaxErrorText = 256
	// MaxFleetProof bounds the sibling list of a ChallengeResponse.
	MaxFleetProof = suite.MaxFleetDepth
)

// Common keys of every message.
const (
	keyVersion = 0
	keyType    = 1
)

// MsgType is the message type carried in key 1 (spec/wire.md §4).
type MsgType uint64

// The message types.
const (
	TypeUpdateRequest     MsgType = 1
	TypeChallenge         MsgType = 2
	TypeChallengeResponse MsgType = 3
	TypeOffer             MsgType = 4
	TypeDelivery          MsgType = 5
	TypeError             MsgType = 6
	TypePackageIndex      MsgType = 7
	TypeBlobRequest       MsgType = 8
	TypeBlobChunk         MsgType = 9
	TypeHubSignRequest    MsgType = 10
	TypeHubSignResponse   MsgType = 11
	TypeHubInstall        MsgType = 12
)

type typeInfo struct {
	name  string
	limit int
	make  func() Message
}

func typeTable(t MsgType) (typeInfo, bool) {
	switch t {
	case TypeUpdateRequest:
		return typeInfo{"UpdateRequest", MaxSmallMessage, func() Message { return new(UpdateRequest) }}, true
	case TypeChallenge:
		return typeInfo{"Challenge", MaxSmallMessage, func() Message { return new(Challenge) }}, true
	case TypeChallengeResponse:
		return typeInfo{"ChallengeResponse", MaxSmallMessage, func() Message { return new(ChallengeResponse) }}, true
	case TypeOffer:
		return typeInfo{"Offer", MaxMessageSize, func() Message { return new(Offer) }}, true
	case TypeDelivery:
		return typeInfo{"Delivery", MaxSmallMessage, func() Message { return new(Delivery) }}, true
	case TypeError:
		return typeInfo{"Error", MaxSmallMessage, func() Message { return new(Error) }}, true
	case TypePackageIndex:
		return typeInfo{"PackageIndex", MaxPackageIndexSize, func() Message { return new(PackageIndex) }}, true
	case TypeBlobRequest:
		return typeInfo{"BlobRequest", MaxSmallMessage, func() Message { return new(BlobRequest) }}, true
	case TypeBlobChunk:
		return typeInfo{"BlobChunk", MaxChunkData + MaxSmallMessage, func() Message { return new(BlobChunk) }}, true
	case TypeHubSignRequest:
		return typeInfo{"HubSignRequest", MaxSmallMessage, func() Message { return new(HubSignRequest) }}, true
	case TypeHubSignResponse:
		return typeInfo{"HubSignResponse", MaxSmallMessage, func() Message { return new(HubSignResponse) }}, true
	case TypeHubInstall:
		return typeInfo{"HubInstall", MaxImageSize + MaxSmallMessage, func() Message { return new(HubInstall) }}, true
	}
	return typeInfo{}, false
}

// String returns the message type's name, as in spec/wire.md.
func (t MsgType) String() string {
	if ti, ok := typeTable(t); ok {
		return ti.name
	}
	return fmt.Sprintf("MsgType(%d)", uint64(t))
}

// SizeLimit returns the largest encoding accepted for messages of type t (0 if unknown).
func (t MsgType) SizeLimit() int {
	ti, _ := typeTable(t)
	return ti.limit
}

// MsgTypeByName returns the type with the given name.
func MsgTypeByName(name string) (MsgType, bool) {
	for t := TypeUpdateRequest; t <= TypeHubInstall; t++ {
		if t.String() == name {
			return t, true
		}
	}
	return 0, false
}

// Message is one protocol message. The set of implementations is closed: the types of
// this package.
type Message interface {
	// Type returns the message type.
	Type() MsgType
	encodeFields(m *mapEnc) error
	decodeFields(f *fields) error
}

// Encode returns the canonical encoding of m, after checking every field as Decode
// would; it returns the same typed errors for a message that Decode would reject.
func Encode(m Message) ([]byte, error) {
	if m == nil {
		return nil, fmt.Errorf("encode: %w: nil message", ErrMissingField)
	}
	var enc mapEnc
	enc.uint(keyVersion, Version)
	enc.uint(keyType, uint64(m.Type()))
	if err := m.encodeFields(&enc); err != nil {
		return nil, fmt.Errorf("encode %s: %w", m.Type(), err)
	}
	b := enc.encode()
	if len(b) > m.Type().SizeLimit() {
		return nil, fmt.Errorf("encode %s: %w: %d bytes, at most %d", m.Type(), ErrTooLarge, len(b), m.Type().SizeLimit())
	}
	return b, nil
}

// Decode decodes one message. It rejects, in this order (spec/wire.md §3): an input above
// MaxMessageSize (ErrTooLarge), bytes that are not one canonical item of the profile
// (ErrMalformed, ErrNonCanonical, ErrUnsupported, ErrTooLarge for nesting), trailing bytes
// (ErrTrailingBytes), a non-map or a missing version or type (ErrMalformed,
// ErrMissingField), a version other than Version (ErrUnknownVersion), an unknown type
// (ErrUnknownType), an input above the type's limit (ErrTooLarge), then the fields
// (ErrMissingField, ErrUnknownField, ErrUnexpectedField, ErrBadLength, ErrFieldRange).
func Decode(b []byte) (Message, error) {
	return decodeWith(b, decodeConfig{})
}

func decodeWith(b []byte, cfg decodeConfig) (Message, error) {
	if len(b) > MaxMessageSize {
		return nil, fmt.Errorf("decode: %w: %d bytes, at most %d", ErrTooLarge, len(b), MaxMessageSize)
	}
	if err := checkCanonical(b, cfg); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	f, err := parseMap("message", b, cfg)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	v, err := f.uint(keyVersion, "v")
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if v != Version {
		return nil, fmt.Errorf("decode: %w: %d", ErrUnknownVersion, v)
	}
	t, err := f.uint(keyType, "type")
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	ti, ok := typeTable(MsgType(t))
	if !ok {
		return nil, fmt.Errorf("decode: %w: %d", ErrUnknownType, t)
	}
	if len(b) > ti.limit {
		return nil, fmt.Errorf("decode %s: %w: %d bytes, at most %d", ti.name, ErrTooLarge, len(b), ti.limit)
	}
	f.what = ti.name
	m := ti.make()
	if err := m.decodeFields(f); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if err := f.done(); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return m, nil
}

// decodeAs decodes b and checks that it is a message of type T.
func decodeAs[T Message](b []byte, want MsgType) (T, error) {
	var zero T
	m, err := Decode(b)
	if err != nil {
		return zero, err
	}
	x, ok := m.(T)
	if !ok {
		return zero, fmt.Errorf("decode: %w: got %s, want %s", ErrWrongType, m.Type(), want)
	}
	return x, nil
}

// fieldErr wraps a suite decoding error into the wire error a decoder reports: a wrong
// length is ErrBadLength, every other defect of a point or scalar is ErrFieldRange.
func fieldErr(what string, err error) error {
	if errors.Is(err, suite.ErrBadLength) {
		return fmt.Errorf("%s: %w: %w", what, ErrBadLength, err)
	}
	return fmt.Errorf("%s: %w: %w", what, ErrFieldRange, err)
}

func enumErr(what string, v uint64) error {
	return fmt.Errorf("%s: %w: %d", what, ErrFieldRange, v)
}

// ---------------------------------------------------------------------------------------
// Device_Request

// UpdateRequest is sent by a device in Device_Request: it asks for the update U_id of a
// bid.
type UpdateRequest struct {
	// Bid is the bid contract's address.
	Bid common.Address
	// UpdateID is U_id.
	UpdateID [32]byte
	// Device is the device's address.
	Device common.Address
}

// Type returns TypeUpdateRequest.
func (*UpdateRequest) Type() MsgType { return TypeUpdateRequest }

func (m *UpdateRequest) encodeFields(e *mapEnc) error {
	e.bytes(2, m.Bid[:])
	e.bytes(3, m.UpdateID[:])
	e.bytes(4, m.Device[:])
	return nil
}

func (m *UpdateRequest) decodeFields(f *fields) error {
	return firstErr(f.fixed(2, "bid", m.Bid[:]), f.fixed(3, "updateId", m.UpdateID[:]), f.fixed(4, "device", m.Device[:]))
}

// DecodeUpdateRequest decodes an UpdateRequest (ErrWrongType for another valid message).
func DecodeUpdateRequest(b []byte) (*UpdateRequest, error) {
	return decodeAs[*UpdateRequest](b, TypeUpdateRequest)
}

// firstErr returns the first non-nil error. Getters run in key order, so the error
// reported is the one of the lowest defective key.
func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// ---------------------------------------------------------------------------------------
// Distributor_Challenge

// Challenge is sent by a distributor in Distributor_Challenge.
type Challenge struct {
	// Nonce is a fresh random 32-byte nonce.
	Nonce [32]byte
	// Distributor is the distributor's address, bound into the device's response.
	Distributor common.Address
}

// Type returns TypeChallenge.
func (*Challenge) Type() MsgType { return TypeChallenge }

func (m *Challenge) encodeFields(e *mapEnc) error {
	e.bytes(2, m.Nonce[:])
	e.bytes(3, m.Distributor[:])
	return nil
}

func (m *Challenge) decodeFields(f *fields) error {
	return firstErr(f.fixed(2, "nonce", m.Nonce[:]), f.fixed(3, "distributor", m.Distributor[:]))
}

// DecodeChallenge decodes a Challenge.
func DecodeChallenge(b []byte) (*Challenge, error) { return decodeAs[*Challenge](b, TypeChallenge) }

// ---------------------------------------------------------------------------------------
// Device_Respond

// ChallengeResponse is sent by a device in Device_Respond.
type ChallengeResponse struct {
	// Device is the device's address.
	Device common.Address
	// FleetIndex is the device's index in the fleet tree.
	FleetIndex uint64
	// FleetProof is the sibling list of spec/suite.md §9 (at most MaxFleetProof hashes).
	FleetProof [][32]byte
	// Signature signs suite.ChallengeDigest(chainId, bid, nonce, distributor).
	Signature [suite.SignatureSize]byte
}

// Type returns TypeChallengeResponse.
func (*ChallengeResponse) Type() MsgType { return TypeChallengeResponse }

func (m *ChallengeResponse) encodeFields(e *mapEnc) error {
	if len(m.FleetProof) > MaxFleetProof {
		return fmt.Errorf("fleetProof: %w: %d hashes, at most %d", ErrBadLength, len(m.FleetProof), MaxFleetProof)
	}
	e.bytes(2, m.Device[:])
	e.uint(3, m.FleetIndex)
	items := make([][]byte, len(m.FleetProof))
	for i := range m.FleetProof {
		items[i] = m.FleetProof[i][:]
	}
	e.list(4, items)
	e.bytes(5, m.Signature[:])
	return nil
}

func (m *ChallengeResponse) decodeFields(f *fields) error {
	if err := f.fixed(2, "device", m.Device[:]); err != nil {
		return err
	}
	var err error
	if m.FleetIndex, err = f.uint(3, "fleetIndex"); err != nil {
		return err
	}
	proof, err := f.list(4, "fleetProof", 32, MaxFleetProof)
	if err != nil {
		return err
	}
	m.FleetProof = make([][32]byte, len(proof))
	for i, p := range proof {
		copy(m.FleetProof[i][:], p)
	}
	return f.fixed(5, "signature", m.Signature[:])
}

// DecodeChallengeResponse decodes a ChallengeResponse.
func DecodeChallengeResponse(b []byte) (*ChallengeResponse, error) {
	return decodeAs[*ChallengeResponse](b, TypeChallengeResponse)
}

// ---------------------------------------------------------------------------------------
// Vendor manifest (nested in Offer and PackageIndex)

// SignedManifest is the vendor's manifest with its EIP-712 signature
// (suite.ManifestDigest).
type SignedManifest struct {
	// Manifest is the signed content.
	Manifest suite.Manifest
	// Signature is the vendor's signature over suite.ManifestDigest(Manifest).
	Signature [suite.SignatureSize]byte
}

// Verify checks that the signature is valid and by Manifest.Vendor. It returns the
// suite's signature errors or ErrManifestMismatch for another signer.
func (s *SignedManifest) Verify() error {
	who, err := suite.Recover(suite.ManifestDigest(s.Manifest), s.Signature)
	if err != nil {
		return fmt.Errorf("manifest signature: %w", err)
	}
	if who != s.Manifest.Vendor {
		return fmt.Errorf("%w: manifest signed by %s, vendor is %s", ErrManifestMismatch, who, s.Manifest.Vendor)
	}
	return nil
}

func (s *SignedManifest) encode() []byte {
	var me mapEnc
	m := &s.Manifest
	me.uint(0, m.ChainID)
	me.bytes(1, m.Vendor[:])
	me.uint(2, m.FwVersion)
	me.bytes(3, m.UpdateID[:])
	me.bytes(4, m.ImageSHA256[:])
	me.uint(5, m.ImageLength)
	me.uint(6, uint64(m.SizeClass))
	me.bytes(7, m.VKHashHashlock[:])
	me.bytes(8, m.VKHashPointlock[:])
	var se mapEnc
	se.add(0, me.encode())
	se.bytes(1, s.Signature[:])
	return se.encode()
}

func (s *SignedManifest) decode(f *fields) error {
	mf, err := f.submap(0, "manifest")
	if err != nil {
		return err
	}
	m := &s.Manifest
	if m.ChainID, err = mf.uint(0, "chainId"); err != nil {
		return err
	}
	if err := mf.fixed(1, "vendor", m.Vendor[:]); err != nil {
		return err
	}
	if m.FwVersion, err = mf.uint(2, "fwVersion"); err != nil {
		return err
	}
	if err := firstErr(mf.fixed(3, "updateId", m.UpdateID[:]), mf.fixed(4, "imageSha256", m.ImageSHA256[:])); err != nil {
		return err
	}
	if m.ImageLength, err = mf.uint(5, "imageLength"); err != nil {
		return err
	}
	class, err := mf.uint(6, "sizeClass")
	if err != nil {
		return err
	}
	if class > 0xffffffff {
		return enumErr(mf.what+".sizeClass", class)
	}
	m.SizeClass = uint32(class)
	if err := firstErr(mf.fixed(7, "vkHashHashlock", m.VKHashHashlock[:]), mf.fixed(8, "vkHashPointlock", m.VKHashPointlock[:])); err != nil {
		return err
	}
	if err := mf.done(); err != nil {
		return err
	}
	if err := f.fixed(1, "signature", s.Signature[:]); err != nil {
		return err
	}
	return f.done()
}

// ---------------------------------------------------------------------------------------
// Distributor_Offer

// Offer is sent by a distributor in Distributor_Offer. The device never learns r before
// Contract_Claim: the offer carries the lock (s, or S = r·G), and neither r nor t (the
// device knows the distributor's address from the Challenge, so t would give it r).
// Map key 3 is reserved and rejected as an unknown field (spec/errata.md E16).
type Offer struct {
	// LockType is suite.LockHash (paper mode) or suite.LockPoint.
	LockType suite.LockType
	// HashLock is s = SHA-256(r) (LockHash only).
	HashLock [32]byte
	// S is r·G (LockPoint only).
	S bn254.G1Affine
	// K is k·G, the distributor's per-update key commitment (LockPoint only).
	K bn254.G1Affine
	// C is k + r mod n (LockPoint only).
	C fr.Element
	// Ciphertext is Enc(U, key): the per-device ciphertext in paper mode, the shared Û in
	// point-lock mode. Each element is below n.
	Ciphertext []fr.Element
	// Proof is the serialised Groth16 proof (opaque here, at most MaxProofSize bytes).
	Proof []byte
	// Manifest is the vendor's signed manifest.
	Manifest SignedManifest
}

// Type returns TypeOffer.
func (*Offer) Type() MsgType { return TypeOffer }

// Lock returns the 32-byte lock the device signs (spec/suite.md §6).
func (m *Offer) Lock() [32]byte {
	if m.LockType == suite.LockPoint {
		return suite.PointLock(m.S)
	}
	return m.HashLock
}

func (m *Offer) encodeFields(e *mapEnc) error {
	if len(m.Ciphertext) == 0 || len(m.Ciphertext) > MaxCiphertextElems {
		return fmt.Errorf("ciphertext: %w: %d elements, want 1..%d", ErrBadLength, len(m.Ciphertext), MaxCiphertextElems)
	}
	if len(m.Proof) == 0 || len(m.Proof) > MaxProofSize {
		return fmt.Errorf("proof: %w: %d bytes, want 1..%d", ErrBadLength, len(m.Proof), MaxProofSize)
	}
	e.uint(2, uint64(m.LockType))
	switch m.LockType {
	case suite.LockHash:
		e.bytes(4, m.HashLock[:])
	case suite.LockPoint:
		if m.S.IsInfinity() || !m.S.IsOnCurve() || m.K.IsInfinity() || !m.K.IsOnCurve() {
			return fmt.Errorf("S or K: %w: not a finite point on the curve", ErrFieldRange)
		}
		s := suite.EncodeG1(m.S)
		k := suite.EncodeG1(m.K)
		c := suite.EncodeScalar(m.C)
		e.bytes(4, s[:])
		e.bytes(5, k[:])
		e.bytes(6, c[:])
	default:
		return enumErr("lockType", uint64(m.LockType))
	}
	items := make([][]byte, len(m.Ciphertext))
	for i := range m.Ciphertext {
		b := m.Ciphertext[i].Bytes()
		items[i] = b[:]
	}
	e.list(7, items)
	e.bytes(8, m.Proof)
	e.add(9, m.Manifest.encode())
	return nil
}

func (m *Offer) decodeFields(f *fields) error {
	lt, err := f.uint(2, "lockType")
	if err != nil {
		return err
	}
	if lt > uint64(suite.LockPoint) {
		return enumErr("Offer.lockType", lt)
	}
	m.LockType = suite.LockType(lt)
	switch m.LockType {
	case suite.LockHash:
		if err := f.fixed(4, "lock", m.HashLock[:]); err != nil {
			return err
		}
		if err := firstErr(f.forbid(5, "K", "in a hash-lock offer"), f.forbid(6, "c", "in a hash-lock offer")); err != nil {
			return err
		}
	case suite.LockPoint:
		var sb, kb [suite.G1Size]byte
		var cb [suite.ScalarSize]byte
		if err := firstErr(f.fixed(4, "lock", sb[:]), f.fixed(5, "K", kb[:]), f.fixed(6, "c", cb[:])); err != nil {
			return err
		}
		if m.S, err = suite.DecodeG1(sb[:]); err != nil {
			return fieldErr("Offer.lock", err)
		}
		if m.K, err = suite.DecodeG1(kb[:]); err != nil {
			return fieldErr("Offer.K", err)
		}
		if m.C, err = suite.DecodeScalar(cb[:]); err != nil {
			return fieldErr("Offer.c", err)
		}
	}
	ct, err := f.list(7, "ciphertext", 32, MaxCiphertextElems)
	if err != nil {
		return err
	}
	if len(ct) == 0 {
		return fmt.Errorf("Offer.ciphertext: %w: empty", ErrBadLength)
	}
	m.Ciphertext = make([]fr.Element, len(ct))
	for i, c := range ct {
		if m.Ciphertext[i], err = suite.DecodeScalar(c); err != nil {
			return fieldErr(fmt.Sprintf("Offer.ciphertext[%d]", i), err)
		}
	}
	if m.Proof, err = f.bytes(8, "proof", MaxProofSize); err != nil {
		return err
	}
	if len(m.Proof) == 0 {
		return fmt.Errorf("Offer.proof: %w: empty", ErrBadLength)
	}
	mf, err := f.submap(9, "manifest")
	if err != nil {
		return err
	}
	return m.Manifest.decode(mf)
}

// DecodeOffer decodes an Offer.
func DecodeOffer(b []byte) (*Offer, error) { return decodeAs[*Offer](b, TypeOffer) }

// ---------------------------------------------------------------------------------------
// Device_Commit

// Delivery is sent by a device in Device_Commit.
type Delivery struct {
	// Signature signs suite.DeliveryDigest(chainId, bid, U_id, lock).
	Signature [suite.SignatureSize]byte
}

// Type returns TypeDelivery.
func (*Delivery) Type() MsgType { return TypeDelivery }

func (m *Delivery) encodeFields(e *mapEnc) error {
	e.bytes(2, m.Signature[:])
	return nil
}

func (m *Delivery) decodeFields(f *fields) error { return f.fixed(2, "signature", m.Signature[:]) }

// DecodeDelivery decodes a Delivery.
func DecodeDelivery(b []byte) (*Delivery, error) { return decodeAs[*Delivery](b, TypeDelivery) }

// ---------------------------------------------------------------------------------------
// Error

// ErrorCode is the reason of a refusal (spec/wire.md §4.6).
type ErrorCode uint64

// The error codes.
const (
	CodeMalformed     ErrorCode = 1 // the peer's message did not decode
	CodeUnknownUpdate ErrorCode = 2 // no such bid or update here
	CodeNotInFleet    ErrorCode = 3 // fleet membership proof rejected
	CodeBadSignature  ErrorCode = 4 // a signature did not verify
	CodeAlreadyServed ErrorCode = 5 // this device was already served or paid for this bid
	CodeBadOffer      ErrorCode = 6 // the device rejected the offer (manifest, proof or lock)
	CodeBusy          ErrorCode = 7 // try again later
	CodeTimeout       ErrorCode = 8 // the exchange took too long
	CodeInternal      ErrorCode = 9 // the sender failed
	maxErrorCode                = CodeInternal
)

// Error is a typed refusal, sent instead of the expected message.
type Error struct {
	// Code says why.
	Code ErrorCode
	// Text is a human-readable explanation (at most MaxErrorText bytes of UTF-8).
	Text string
}

// Type returns TypeError.
func (*Error) Type() MsgType { return TypeError }

func (m *Error) encodeFields(e *mapEnc) error {
	if m.Code == 0 || m.Code > maxErrorCode {
		return enumErr("code", uint64(m.Code))
	}
	if len(m.Text) > MaxErrorText {
		return fmt.Errorf("text: %w: %d bytes, at most %d", ErrTooLarge, len(m.Text), MaxErrorText)
	}
	if !utf8.ValidString(m.Text) {
		return fmt.Errorf("text: %w: not UTF-8", ErrMalformed)
	}
	e.uint(2, uint64(m.Code))
	e.text(3, m.Text)
	return nil
}

func (m *Error) decodeFields(f *fields) error {
	c, err := f.uint(2, "code")
	if err != nil {
		return err
	}
	if c == 0 || c > uint64(maxErrorCode) {
		return enumErr("Error.code", c)
	}
	m.Code = ErrorCode(c)
	m.Text, err = f.text(3, "text", MaxErrorText)
	return err
}

// DecodeError decodes an Error message.
func DecodeError(b []byte) (*Error, error) { return decodeAs[*Error](b, TypeError) }

// ---------------------------------------------------------------------------------------
// Vendor_Seed / Distributor_Fetch

// ComponentKind names a package component.
type ComponentKind uint64

// The component kinds, in the order a PackageIndex lists them.
const (
	ComponentImage                 ComponentKind = 0
	ComponentProvingKeyHashlock    ComponentKind = 1
	ComponentProvingKeyPointlock   ComponentKind = 2
	ComponentVerifyingKeyHashlock  ComponentKind = 3
	ComponentVerifyingKeyPointlock ComponentKind = 4
	// NumComponents is the number of components of a package.
	NumComponents = 5
)

// Component is one content-addressed part of a package.
type Component struct {
	// Kind says what the component is; a PackageIndex lists kind i at position i.
	Kind ComponentKind
	// Hash is SHA-256 of the component's bytes, its content address.
	Hash [32]byte
	// Length is the component's length in bytes.
	Length uint64
}

// PackageIndex is the root of a package: the signed manifest and the content addresses of
// the components. P_id = SHA-256(Encode(index)).
type PackageIndex struct {
	// Manifest is the vendor's signed manifest.
	Manifest SignedManifest
	// Components lists exactly NumComponents components, kind i at position i.
	Components []Component
}

// Type returns TypePackageIndex.
func (*PackageIndex) Type() MsgType { return TypePackageIndex }

func (m *PackageIndex) checkComponents() error {
	if len(m.Components) != NumComponents {
		return fmt.Errorf("PackageIndex.components: %w: %d components, want %d", ErrBadLength, len(m.Components), NumComponents)
	}
	for i, c := range m.Components {
		if c.Kind != ComponentKind(i) {
			return enumErr(fmt.Sprintf("PackageIndex.components[%d].kind", i), uint64(c.Kind))
		}
	}
	return nil
}

func (m *PackageIndex) encodeFields(e *mapEnc) error {
	if err := m.checkComponents(); err != nil {
		return err
	}
	e.add(2, m.Manifest.encode())
	b := appendHead(nil, majorArray, uint64(len(m.Components)))
	for _, c := range m.Components {
		var ce mapEnc
		ce.uint(0, uint64(c.Kind))
		ce.bytes(1, c.Hash[:])
		ce.uint(2, c.Length)
		b = append(b, ce.encode()...)
	}
	e.add(3, b)
	return nil
}

func (m *PackageIndex) decodeFields(f *fields) error {
	mf, err := f.submap(2, "manifest")
	if err != nil {
		return err
	}
	if err := m.Manifest.decode(mf); err != nil {
		return err
	}
	cs, err := f.mapList(3, "components", NumComponents)
	if err != nil {
		return err
	}
	m.Components = make([]Component, len(cs))
	for i, cf := range cs {
		k, err := cf.uint(0, "kind")
		if err != nil {
			return err
		}
		m.Components[i].Kind = ComponentKind(k)
		if err := cf.fixed(1, "hash", m.Components[i].Hash[:]); err != nil {
			return err
		}
		if m.Components[i].Length, err = cf.uint(2, "length"); err != nil {
			return err
		}
		if err := cf.done(); err != nil {
			return err
		}
	}
	return m.checkComponents()
}

// Component returns the component of the given kind.
func (m *PackageIndex) Component(k ComponentKind) (Component, bool) {
	for _, c := range m.Components {
		if c.Kind == k {
			return c, true
		}
	}
	return Component{}, false
}

// Verify checks what Distributor_Fetch checks on an index: the manifest signature is the
// vendor's, the image component is the manifest's image (hash and length) and the
// verifying-key components are the manifest's verifying keys. It returns
// ErrManifestMismatch or the suite's signature errors.
func (m *PackageIndex) Verify() error {
	if err := m.Manifest.Verify(); err != nil {
		return err
	}
	if err := m.checkComponents(); err != nil {
		return err
	}
	man := m.Manifest.Manifest
	img := m.Components[ComponentImage]
	if img.Hash != man.ImageSHA256 || img.Length != man.ImageLength {
		return fmt.Errorf("%w: image component differs from the manifest", ErrManifestMismatch)
	}
	if m.Components[ComponentVerifyingKeyHashlock].Hash != man.VKHashHashlock {
		return fmt.Errorf("%w: hash-lock verifying key differs from the manifest", ErrManifestMismatch)
	}
	if m.Components[ComponentVerifyingKeyPointlock].Hash != man.VKHashPointlock {
		return fmt.Errorf("%w: point-lock verifying key differs from the manifest", ErrManifestMismatch)
	}
	return nil
}

// PackageID returns P_id = SHA-256 of the canonical encoding of the index.
func PackageID(m *PackageIndex) ([32]byte, error) {
	b, err := Encode(m)
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(b), nil
}

// DecodePackageIndex decodes a PackageIndex.
func DecodePackageIndex(b []byte) (*PackageIndex, error) {
	return decodeAs[*PackageIndex](b, TypePackageIndex)
}

// BlobRequest asks for Length bytes at Offset of the blob with SHA-256 Hash (a component,
// or the encoded PackageIndex itself, whose hash is P_id).
type BlobRequest struct {
	// Hash is the blob's SHA-256.
	Hash [32]byte
	// Offset is the first byte wanted.
	Offset uint64
	// Length is the number of bytes wanted, 1..MaxChunkData.
	Length uint64
}

// Type returns TypeBlobRequest.
func (*BlobRequest) Type() MsgType { return TypeBlobRequest }

func (m *BlobRequest) encodeFields(e *mapEnc) error {
	if m.Length == 0 || m.Length > MaxChunkData {
		return fmt.Errorf("length: %w: %d, want 1..%d", ErrFieldRange, m.Length, MaxChunkData)
	}
	e.bytes(2, m.Hash[:])
	e.uint(3, m.Offset)
	e.uint(4, m.Length)
	return nil
}

func (m *BlobRequest) decodeFields(f *fields) error {
	if err := f.fixed(2, "hash", m.Hash[:]); err != nil {
		return err
	}
	var err error
	if m.Offset, err = f.uint(3, "offset"); err != nil {
		return err
	}
	if m.Length, err = f.uint(4, "length"); err != nil {
		return err
	}
	if m.Length == 0 || m.Length > MaxChunkData {
		return fmt.Errorf("BlobRequest.length: %w: %d, want 1..%d", ErrFieldRange, m.Length, MaxChunkData)
	}
	return nil
}

// DecodeBlobRequest decodes a BlobRequest.
func DecodeBlobRequest(b []byte) (*BlobRequest, error) {
	return decodeAs[*BlobRequest](b, TypeBlobRequest)
}

// BlobChunk carries Data at Offset of the blob with SHA-256 Hash. The receiver checks the
// hash over the reassembled blob.
type BlobChunk struct {
	// Hash is the blob's SHA-256.
	Hash [32]byte
	// Offset is the position of Data in the blob.
	Offset uint64
	// Data is at most MaxChunkData bytes (empty past the end of the blob).
	Data []byte
}

// Type returns TypeBlobChunk.
func (*BlobChunk) Type() MsgType { return TypeBlobChunk }

func (m *BlobChunk) encodeFields(e *mapEnc) error {
	if len(m.Data) > MaxChunkData {
		return fmt.Errorf("data: %w: %d bytes, at most %d", ErrTooLarge, len(m.Data), MaxChunkData)
	}
	e.bytes(2, m.Hash[:])
	e.uint(3, m.Offset)
	e.bytes(4, m.Data)
	return nil
}

func (m *BlobChunk) decodeFields(f *fields) error {
	if err := f.fixed(2, "hash", m.Hash[:]); err != nil {
		return err
	}
	var err error
	if m.Offset, err = f.uint(3, "offset"); err != nil {
		return err
	}
	m.Data, err = f.bytes(4, "data", MaxChunkData)
	return err
}

// DecodeBlobChunk decodes a BlobChunk.
func DecodeBlobChunk(b []byte) (*BlobChunk, error) { return decodeAs[*BlobChunk](b, TypeBlobChunk) }

// ---------------------------------------------------------------------------------------
// Hub mode

// HubPurpose says what a hub asks a constrained device to sign.
type HubPurpose uint64

// The purposes.
const (
	// PurposeChallenge asks for suite.ChallengeDigest(chainId, bid, nonce, distributor).
	PurposeChallenge HubPurpose = 0
	// PurposeDelivery asks for suite.DeliveryDigest(chainId, bid, updateId, lock).
	PurposeDelivery HubPurpose = 1
)

// HubSignRequest is sent by a hub to a constrained device over the trusted local link
// (Hub_Check): the inputs of the digest to sign and, for a delivery, the hub's own
// verification result.
type HubSignRequest struct {
	// ChainID is the chain id of the EIP-712 domain.
	ChainID uint64
	// Bid is the bid contract (the verifying contract of the domain).
	Bid common.Address
	// Purpose selects the digest.
	Purpose HubPurpose
	// Nonce is the distributor's challenge nonce (PurposeChallenge only).
	Nonce [32]byte
	// Distributor is the distributor's address (PurposeChallenge only).
	Distributor common.Address
	// UpdateID is U_id (PurposeDelivery only).
	UpdateID [32]byte
	// LockType is the lock type of the offer (PurposeDelivery only).
	LockType suite.LockType
	// Lock is the 32-byte lock (PurposeDelivery only).
	Lock [32]byte
	// FwVersion is the manifest's version, for the device's rollback check
	// (PurposeDelivery only).
	FwVersion uint64
	// Verified is true when the hub checked the manifest, the proof and the lock
	// (PurposeDelivery only); a device MUST NOT sign when it is false.
	Verified bool
}

// Type returns TypeHubSignRequest.
func (*HubSignRequest) Type() MsgType { return TypeHubSignRequest }

// Digest returns the digest the device is asked to sign.
func (m *HubSignRequest) Digest() ([32]byte, error) {
	chain := new(big.Int).SetUint64(m.ChainID)
	switch m.Purpose {
	case PurposeChallenge:
		return suite.ChallengeDigest(chain, m.Bid, m.Nonce, m.Distributor), nil
	case PurposeDelivery:
		return suite.DeliveryDigest(chain, m.Bid, m.UpdateID, m.Lock), nil
	}
	return [32]byte{}, enumErr("purpose", uint64(m.Purpose))
}

func (m *HubSignRequest) encodeFields(e *mapEnc) error {
	e.uint(2, m.ChainID)
	e.bytes(3, m.Bid[:])
	e.uint(4, uint64(m.Purpose))
	switch m.Purpose {
	case PurposeChallenge:
		e.bytes(5, m.Nonce[:])
		e.bytes(6, m.Distributor[:])
	case PurposeDelivery:
		if m.LockType > suite.LockPoint {
			return enumErr("lockType", uint64(m.LockType))
		}
		e.bytes(7, m.UpdateID[:])
		e.uint(8, uint64(m.LockType))
		e.bytes(9, m.Lock[:])
		e.uint(10, m.FwVersion)
		e.bool(11, m.Verified)
	default:
		return enumErr("purpose", uint64(m.Purpose))
	}
	return nil
}

func (m *HubSignRequest) decodeFields(f *fields) error {
	var err error
	if m.ChainID, err = f.uint(2, "chainId"); err != nil {
		return err
	}
	if err := f.fixed(3, "bid", m.Bid[:]); err != nil {
		return err
	}
	p, err := f.uint(4, "purpose")
	if err != nil {
		return err
	}
	m.Purpose = HubPurpose(p)
	switch m.Purpose {
	case PurposeChallenge:
		if err := firstErr(f.fixed(5, "nonce", m.Nonce[:]), f.fixed(6, "distributor", m.Distributor[:])); err != nil {
			return err
		}
		for k := uint64(7); k <= 11; k++ {
			if err := f.forbid(k, "delivery field", "in a challenge request"); err != nil {
				return err
			}
		}
	case PurposeDelivery:
		if err := firstErr(f.forbid(5, "nonce", "in a delivery request"), f.forbid(6, "distributor", "in a delivery request")); err != nil {
			return err
		}
		if err := f.fixed(7, "updateId", m.UpdateID[:]); err != nil {
			return err
		}
		lt, err := f.uint(8, "lockType")
		if err != nil {
			return err
		}
		if lt > uint64(suite.LockPoint) {
			return enumErr("HubSignRequest.lockType", lt)
		}
		m.LockType = suite.LockType(lt)
		if err := f.fixed(9, "lock", m.Lock[:]); err != nil {
			return err
		}
		if m.FwVersion, err = f.uint(10, "fwVersion"); err != nil {
			return err
		}
		if m.Verified, err = f.bool(11, "verified"); err != nil {
			return err
		}
	default:
		return enumErr("HubSignRequest.purpose", p)
	}
	return nil
}

// DecodeHubSignRequest decodes a HubSignRequest.
func DecodeHubSignRequest(b []byte) (*HubSignRequest, error) {
	return decodeAs[*HubSignRequest](b, TypeHubSignRequest)
}

// HubSignResponse is the constrained device's answer to a HubSignRequest.
type HubSignResponse struct {
	// Device is the device's address.
	Device common.Address
	// Signature signs HubSignRequest.Digest().
	Signature [suite.SignatureSize]byte
}

// Type returns TypeHubSignResponse.
func (*HubSignResponse) Type() MsgType { return TypeHubSignResponse }

func (m *HubSignResponse) encodeFields(e *mapEnc) error {
	e.bytes(2, m.Device[:])
	e.bytes(3, m.Signature[:])
	return nil
}

func (m *HubSignResponse) decodeFields(f *fields) error {
	return firstErr(f.fixed(2, "device", m.Device[:]), f.fixed(3, "signature", m.Signature[:]))
}

// DecodeHubSignResponse decodes a HubSignResponse.
func DecodeHubSignResponse(b []byte) (*HubSignResponse, error) {
	return decodeAs[*HubSignResponse](b, TypeHubSignResponse)
}

// HubInstall hands a constrained device the decrypted image (Hub_Install); the device
// checks the SHA-256 and the version against the manifest it approved.
type HubInstall struct {
	// UpdateID is U_id.
	UpdateID [32]byte
	// FwVersion is the manifest's version.
	FwVersion uint64
	// Image is the raw image, at most MaxImageSize bytes.
	Image []byte
}

// Type returns TypeHubInstall.
func (*HubInstall) Type() MsgType { return TypeHubInstall }

func (m *HubInstall) encodeFields(e *mapEnc) error {
	if len(m.Image) > MaxImageSize {
		return fmt.Errorf("image: %w: %d bytes, at most %d", ErrTooLarge, len(m.Image), MaxImageSize)
	}
	e.bytes(2, m.UpdateID[:])
	e.uint(3, m.FwVersion)
	e.bytes(4, m.Image)
	return nil
}

func (m *HubInstall) decodeFields(f *fields) error {
	if err := f.fixed(2, "updateId", m.UpdateID[:]); err != nil {
		return err
	}
	var err error
	if m.FwVersion, err = f.uint(3, "fwVersion"); err != nil {
		return err
	}
	m.Image, err = f.bytes(4, "image", MaxImageSize)
	return err
}

// DecodeHubInstall decodes a HubInstall.
func DecodeHubInstall(b []byte) (*HubInstall, error) { return decodeAs[*HubInstall](b, TypeHubInstall) }
