package conformance

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/wire"
)

// Operations (the group types of the vector files; README.md documents their inputs and
// outputs).
const (
	OpRDerive          = "r-derive"
	OpLock             = "lock"
	OpDeliveryDigest   = "eip712-delivery"
	OpChallengeDigest  = "eip712-challenge"
	OpReceiptDigest    = "eip712-receipt"
	OpManifestDigest   = "eip712-manifest"
	OpSign             = "secp256k1-sign"
	OpRecover          = "secp256k1-recover"
	OpFleetRoot        = "fleet-root"
	OpFleetProof       = "fleet-proof"
	OpFleetVerify      = "fleet-verify"
	OpG1Decode         = "g1-decode"
	OpScalarDecode     = "scalar-decode"
	OpPointLockCheck   = "point-lock-check"
	OpCBORCanonical    = "cbor-canonical"
	OpWireDecode       = "wire-decode"
	OpFirmwareEncode   = "firmware-encode"
	OpFirmwareDecode   = "firmware-decode"
	OpCipher           = "cipher"
	errDecryptMismatch = "DecryptMismatch"
)

// ErrUnknownOp reports an operation the client does not implement.
var ErrUnknownOp = errors.New("conformance: unknown operation")

// Request asks a client to run one test.
type Request struct {
	// ID is echoed in the response (the shim protocol uses it to pair lines).
	ID int `json:"id"`
	// File is the vector file's name.
	File string `json:"file"`
	// Op is the operation (the group's type).
	Op string `json:"op"`
	// TcID is the test's id within the file.
	TcID int `json:"tcId"`
	// Input holds the test's inputs.
	Input map[string]any `json:"input"`
}

// Response is a client's answer.
type Response struct {
	// ID echoes the request's id.
	ID int `json:"id"`
	// Result is "valid" or "invalid".
	Result string `json:"result"`
	// Error names the rejection of an invalid input.
	Error string `json:"error,omitempty"`
	// Output holds the outputs of an accepted input.
	Output map[string]any `json:"output,omitempty"`
}

// Client runs tests. An error means the client could not run the test at all (a harness
// failure), not that the input was invalid.
type Client interface {
	Do(ctx context.Context, req Request) (Response, error)
}

// Native runs the vectors against this implementation. The zero value is the conforming
// client; the function fields let tests substitute a mutant of one component.
type Native struct {
	// WireDecode decodes a message; nil means wire.Decode.
	WireDecode func([]byte) (wire.Message, error)
	// CheckCanonical checks one CBOR item; nil means wire.CheckCanonical.
	CheckCanonical func([]byte) error
}

// ErrorName maps an error of this implementation to the stable name used by the vectors.
func ErrorName(err error) string {
	if err == nil {
		return ""
	}
	if n := wire.ErrorName(err); n != "Other" {
		return n
	}
	table := []struct {
		err  error
		name string
	}{
		{suite.ErrZeroKey, "ZeroKey"},
		{suite.ErrHighS, "HighS"},
		{suite.ErrBadV, "BadV"},
		{suite.ErrBadSignature, "BadSignature"},
		{suite.ErrBadLength, "BadLength"},
		{suite.ErrNonCanonical, "NonCanonical"},
		{suite.ErrNotOnCurve, "NotOnCurve"},
		{suite.ErrInfinity, "Infinity"},
		{suite.ErrScalarRange, "ScalarRange"},
		{suite.ErrEmptyFleet, "EmptyFleet"},
		{suite.ErrFleetTooLarge, "TooLarge"},
		{suite.ErrIndexRange, "IndexRange"},
		{suite.ErrProofLength, "ProofLength"},
		{suite.ErrProofMismatch, "ProofMismatch"},
		{suite.ErrPointRelation, "PointRelation"},
		{suite.ErrLockType, "LockType"},
		{firmware.ErrTooLarge, "TooLarge"},
		{firmware.ErrUnknownClass, "UnknownClass"},
		{firmware.ErrBadLength, "BadLength"},
		{firmware.ErrBadChunk, "BadChunk"},
		{firmware.ErrBadPadding, "BadPadding"},
	}
	for _, e := range table {
		if errors.Is(err, e.err) {
			return e.name
		}
	}
	return "Other"
}

// input reads typed values from a test's input; a missing or mistyped value is a harness
// error (ErrBadVectors), a wrong byte length is suite.ErrBadLength (a test result).
type input map[string]any

func (in input) str(key string) (string, error) {
	v, ok := in[key]
	if !ok {
		return "", fmt.Errorf("%w: input %q missing", ErrBadVectors, key)
	}
	switch s := v.(type) {
	case string:
		return s, nil
	case json.Number:
		return s.String(), nil
	}
	return "", fmt.Errorf("%w: input %q is not a string", ErrBadVectors, key)
}

func decodeHex(s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil {
		return nil, fmt.Errorf("%w: bad hex: %w", ErrBadVectors, err)
	}
	return b, nil
}

func (in input) hex(key string) ([]byte, error) {
	s, err := in.str(key)
	if err != nil {
		return nil, err
	}
	return decodeHex(s)
}

// fixed reads a hex value of exactly n bytes.
func (in input) fixed(key string, n int) ([]byte, error) {
	b, err := in.hex(key)
	if err != nil {
		return nil, err
	}
	if len(b) != n {
		return nil, fmt.Errorf("input %s of %d bytes, want %d: %w", key, len(b), n, suite.ErrBadLength)
	}
	return b, nil
}

func (in input) b32(key string) ([32]byte, error) {
	var out [32]byte
	b, err := in.fixed(key, 32)
	copy(out[:], b)
	return out, err
}

func (in input) addr(key string) (common.Address, error) {
	var out common.Address
	b, err := in.fixed(key, 20)
	copy(out[:], b)
	return out, err
}

func (in input) big(key string) (*big.Int, error) {
	s, err := in.str(key)
	if err != nil {
		return nil, err
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.Sign() < 0 {
		return nil, fmt.Errorf("%w: input %q is not a decimal integer", ErrBadVectors, key)
	}
	return v, nil
}

func (in input) u64(key string) (uint64, error) {
	s, err := in.str(key)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: input %q: %w", ErrBadVectors, key, err)
	}
	return v, nil
}

func (in input) hexList(key string) ([][]byte, error) {
	v, ok := in[key]
	if !ok {
		return nil, fmt.Errorf("%w: input %q missing", ErrBadVectors, key)
	}
	var items []string
	switch l := v.(type) {
	case []any:
		for _, it := range l {
			s, ok := it.(string)
			if !ok {
				return nil, fmt.Errorf("%w: input %q holds a non-string", ErrBadVectors, key)
			}
			items = append(items, s)
		}
	case []string:
		items = l
	default:
		return nil, fmt.Errorf("%w: input %q is not a list", ErrBadVectors, key)
	}
	out := make([][]byte, len(items))
	for i, s := range items {
		b, err := decodeHex(s)
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

func (in input) elements(key string) ([]fr.Element, error) {
	l, err := in.hexList(key)
	if err != nil {
		return nil, err
	}
	out := make([]fr.Element, len(l))
	for i, b := range l {
		if out[i], err = suite.DecodeScalar(b); err != nil {
			return nil, fmt.Errorf("%s[%d]: %w", key, i, err)
		}
	}
	return out, nil
}

// Hex encodes bytes the way outputs are written: lower-case, no prefix.
func Hex(b []byte) string { return hex.EncodeToString(b) }

// HexList encodes a list of byte strings.
func HexList[T any](items []T, f func(T) []byte) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = Hex(f(it))
	}
	return out
}

func elemBytes(e fr.Element) []byte { b := e.Bytes(); return b[:] }

// Do runs one test.
func (n Native) Do(ctx context.Context, req Request) (Response, error) {
	if err := ctx.Err(); err != nil {
		return Response{}, err
	}
	out, err := n.run(req.Op, input(req.Input))
	if err != nil {
		if errors.Is(err, ErrBadVectors) || errors.Is(err, ErrUnknownOp) {
			return Response{}, fmt.Errorf("%s tcId %d: %w", req.File, req.TcID, err)
		}
		name := ErrorName(err)
		var dm decryptMismatch
		if errors.As(err, &dm) {
			name = errDecryptMismatch
		}
		return Response{ID: req.ID, Result: ResultInvalid, Error: name}, nil
	}
	return Response{ID: req.ID, Result: ResultValid, Output: out}, nil
}

type decryptMismatch struct{}

func (decryptMismatch) Error() string { return "conformance: Decrypt(Encrypt(x)) differs from x" }

func (n Native) run(op string, in input) (map[string]any, error) {
	switch op {
	case OpRDerive:
		a, err := in.addr("distributor")
		if err != nil {
			return nil, err
		}
		t, err := in.b32("t")
		if err != nil {
			return nil, err
		}
		r, err := suite.DeriveR(a, t)
		if err != nil {
			return nil, err
		}
		rb := suite.RBytes(r)
		hl := suite.HashLock(r)
		s := suite.PointLockPoint(r)
		sb := suite.EncodeG1(s)
		pl := suite.PointLock(s)
		return map[string]any{"r": Hex(rb[:]), "hashLock": Hex(hl[:]), "S": Hex(sb[:]), "pointLock": Hex(pl[:])}, nil
	case OpLock:
		lt, err := in.u64("lockType")
		if err != nil {
			return nil, err
		}
		rb, err := in.fixed("r", 32)
		if err != nil {
			return nil, err
		}
		if lt > 255 {
			return nil, fmt.Errorf("lock type %d: %w", lt, suite.ErrLockType)
		}
		l, err := suite.Lock(suite.LockType(lt), new(big.Int).SetBytes(rb))
		if err != nil {
			return nil, err
		}
		return map[string]any{"lock": Hex(l[:])}, nil
	case OpDeliveryDigest, OpChallengeDigest, OpReceiptDigest:
		return n.digest(op, in)
	case OpManifestDigest:
		var m suite.Manifest
		var err error
		if m.ChainID, err = in.u64("chainId"); err != nil {
			return nil, err
		}
		if m.Vendor, err = in.addr("vendor"); err != nil {
			return nil, err
		}
		if m.FwVersion, err = in.u64("fwVersion"); err != nil {
			return nil, err
		}
		if m.ImageLength, err = in.u64("imageLength"); err != nil {
			return nil, err
		}
		class, err := in.u64("sizeClass")
		if err != nil {
			return nil, err
		}
		if class > 0xffffffff {
			return nil, fmt.Errorf("%w: sizeClass %d", ErrBadVectors, class)
		}
		m.SizeClass = uint32(class)
		for _, f := range []struct {
			k string
			d *[32]byte
		}{{"updateId", &m.UpdateID}, {"imageSha256", &m.ImageSHA256}, {"vkHashHashlock", &m.VKHashHashlock}, {"vkHashPointlock", &m.VKHashPointlock}} {
			if *f.d, err = in.b32(f.k); err != nil {
				return nil, err
			}
		}
		d := suite.ManifestDigest(m)
		return map[string]any{"digest": Hex(d[:])}, nil
	case OpSign:
		kb, err := in.fixed("key", 32)
		if err != nil {
			return nil, err
		}
		d, err := in.b32("digest")
		if err != nil {
			return nil, err
		}
		key, err := crypto.ToECDSA(kb)
		if err != nil {
			return nil, fmt.Errorf("private key: %w: %w", suite.ErrBadSignature, err)
		}
		sig, err := suite.Sign(key, d)
		if err != nil {
			return nil, err
		}
		a := crypto.PubkeyToAddress(key.PublicKey)
		return map[string]any{"signature": Hex(sig[:]), "address": Hex(a[:])}, nil
	case OpRecover:
		d, err := in.b32("digest")
		if err != nil {
			return nil, err
		}
		sb, err := in.fixed("signature", suite.SignatureSize)
		if err != nil {
			return nil, err
		}
		sig, err := suite.SignatureFromBytes(sb)
		if err != nil {
			return nil, err
		}
		a, err := suite.Recover(d, sig)
		if err != nil {
			return nil, err
		}
		return map[string]any{"address": Hex(a[:])}, nil
	case OpFleetRoot, OpFleetProof:
		return fleetOp(op, in)
	case OpFleetVerify:
		root, err := in.b32("root")
		if err != nil {
			return nil, err
		}
		size, err := in.u64("size")
		if err != nil {
			return nil, err
		}
		idx, err := in.u64("index")
		if err != nil {
			return nil, err
		}
		dev, err := in.addr("device")
		if err != nil {
			return nil, err
		}
		pl, err := in.hexList("proof")
		if err != nil {
			return nil, err
		}
		proof := make([][32]byte, len(pl))
		for i, p := range pl {
			if len(p) != 32 {
				return nil, fmt.Errorf("proof[%d]: %w", i, suite.ErrBadLength)
			}
			copy(proof[i][:], p)
		}
		if err := suite.VerifyFleet(root, size, idx, dev, proof); err != nil {
			return nil, err
		}
		return map[string]any{}, nil
	case OpG1Decode:
		b, err := in.hex("point")
		if err != nil {
			return nil, err
		}
		p, err := suite.DecodeG1(b)
		if err != nil {
			return nil, err
		}
		e := suite.EncodeG1(p)
		return map[string]any{"point": Hex(e[:])}, nil
	case OpScalarDecode:
		b, err := in.hex("scalar")
		if err != nil {
			return nil, err
		}
		s, err := suite.DecodeScalar(b)
		if err != nil {
			return nil, err
		}
		return map[string]any{"scalar": Hex(elemBytes(s))}, nil
	case OpPointLockCheck:
		return pointLockOp(in)
	case OpCBORCanonical:
		b, err := in.hex("cbor")
		if err != nil {
			return nil, err
		}
		check := n.CheckCanonical
		if check == nil {
			check = wire.CheckCanonical
		}
		if err := check(b); err != nil {
			return nil, err
		}
		return map[string]any{}, nil
	case OpWireDecode:
		b, err := in.hex("message")
		if err != nil {
			return nil, err
		}
		dec := n.WireDecode
		if dec == nil {
			dec = wire.Decode
		}
		m, err := dec(b)
		if err != nil {
			return nil, err
		}
		again, err := wire.Encode(m)
		if err != nil {
			return nil, err
		}
		return map[string]any{"type": m.Type().String(), "encoding": Hex(again)}, nil
	case OpFirmwareEncode, OpFirmwareDecode, OpCipher:
		return firmwareOp(op, in)
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownOp, op)
}

func (n Native) digest(op string, in input) (map[string]any, error) {
	chain, err := in.big("chainId")
	if err != nil {
		return nil, err
	}
	contract, err := in.addr("verifyingContract")
	if err != nil {
		return nil, err
	}
	var d [32]byte
	switch op {
	case OpDeliveryDigest:
		u, err := in.b32("updateId")
		if err != nil {
			return nil, err
		}
		l, err := in.b32("lock")
		if err != nil {
			return nil, err
		}
		d = suite.DeliveryDigest(chain, contract, u, l)
	case OpChallengeDigest:
		nonce, err := in.b32("nonce")
		if err != nil {
			return nil, err
		}
		dist, err := in.addr("distributor")
		if err != nil {
			return nil, err
		}
		d = suite.ChallengeDigest(chain, contract, nonce, dist)
	default:
		ch, err := in.b32("channelId")
		if err != nil {
			return nil, err
		}
		cum, err := in.big("cumulative")
		if err != nil {
			return nil, err
		}
		d = suite.ReceiptDigest(chain, contract, ch, cum)
	}
	return map[string]any{"digest": Hex(d[:])}, nil
}

func fleetOp(op string, in input) (map[string]any, error) {
	dl, err := in.hexList("devices")
	if err != nil {
		return nil, err
	}
	devs := make([]common.Address, len(dl))
	for i, d := range dl {
		if len(d) != 20 {
			return nil, fmt.Errorf("devices[%d]: %w", i, suite.ErrBadLength)
		}
		copy(devs[i][:], d)
	}
	tree, err := suite.NewFleetTree(devs)
	if err != nil {
		return nil, err
	}
	if op == OpFleetRoot {
		r := tree.Root()
		return map[string]any{"root": Hex(r[:]), "depth": strconv.Itoa(tree.Depth())}, nil
	}
	idx, err := in.u64("index")
	if err != nil {
		return nil, err
	}
	p, err := tree.Proof(idx)
	if err != nil {
		return nil, err
	}
	return map[string]any{"proof": HexList(p, func(h [32]byte) []byte { return h[:] })}, nil
}

func pointLockOp(in input) (map[string]any, error) {
	cb, err := in.hex("c")
	if err != nil {
		return nil, err
	}
	c, err := suite.DecodeScalar(cb)
	if err != nil {
		return nil, err
	}
	kb, err := in.hex("K")
	if err != nil {
		return nil, err
	}
	k, err := suite.DecodeG1(kb)
	if err != nil {
		return nil, err
	}
	sb, err := in.hex("S")
	if err != nil {
		return nil, err
	}
	s, err := suite.DecodeG1(sb)
	if err != nil {
		return nil, err
	}
	if err := suite.CheckPointLockOffer(c, k, s); err != nil {
		return nil, err
	}
	l := suite.PointLock(s)
	return map[string]any{"lock": Hex(l[:])}, nil
}

func firmwareOp(op string, in input) (map[string]any, error) {
	switch op {
	case OpFirmwareEncode:
		img, err := in.hex("image")
		if err != nil {
			return nil, err
		}
		capacity, err := in.u64("classBytes")
		if err != nil {
			return nil, err
		}
		c, err := firmware.ClassFor(int(min(capacity, 1<<40)))
		if err != nil {
			return nil, err
		}
		if uint64(c.Bytes) != capacity {
			return nil, fmt.Errorf("class of %d bytes: %w", capacity, firmware.ErrUnknownClass)
		}
		elems, err := firmware.Encode(img, c)
		if err != nil {
			return nil, err
		}
		u := firmware.UpdateID(elems)
		return map[string]any{"elements": HexList(elems, elemBytes), "updateId": Hex(u[:])}, nil
	case OpFirmwareDecode:
		elems, err := in.elements("elements")
		if err != nil {
			return nil, err
		}
		img, err := firmware.Decode(elems)
		if err != nil {
			return nil, err
		}
		u := firmware.UpdateID(elems)
		return map[string]any{"image": Hex(img), "updateId": Hex(u[:])}, nil
	default:
		kb, err := in.hex("key")
		if err != nil {
			return nil, err
		}
		key, err := suite.DecodeScalar(kb)
		if err != nil {
			return nil, err
		}
		elems, err := in.elements("elements")
		if err != nil {
			return nil, err
		}
		ct := firmware.Encrypt(key, elems)
		back := firmware.Decrypt(key, ct)
		if len(back) != len(elems) {
			return nil, decryptMismatch{}
		}
		for i := range back {
			if !bytes.Equal(elemBytes(back[i]), elemBytes(elems[i])) {
				return nil, decryptMismatch{}
			}
		}
		h := firmware.CiphertextHash(ct)
		return map[string]any{"ciphertext": HexList(ct, elemBytes), "ciphertextHash": Hex(h[:])}, nil
	}
}
