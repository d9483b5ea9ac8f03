package zk

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/podnet/podnet/impl/firmware"
)

// Errors of this package; test them with errors.Is.
var (
	// ErrUnknownMode: a mode other than HashLock and PointLock.
	ErrUnknownMode = errors.New("zk: unknown mode")
	// ErrBadKey: a proving or verifying key that cannot be read, or that is for
	// another mode or class than the caller expects.
	ErrBadKey = errors.New("zk: bad key")
	// ErrBadProof: proof bytes that do not parse as a Groth16 BN254 proof.
	ErrBadProof = errors.New("zk: malformed proof")
	// ErrBadInput: a statement or witness value out of range (non-canonical
	// U_id, zero or non-canonical key, K not a valid point, plaintext of the
	// wrong length).
	ErrBadInput = errors.New("zk: bad input")
	// ErrProve: the prover could not produce a proof (the witness does not
	// satisfy the circuit).
	ErrProve = errors.New("zk: proving failed")
	// ErrVerify: the proof does not verify for this statement.
	ErrVerify = errors.New("zk: proof rejected")
)

// Mode is the lock mode of a circuit.
type Mode uint8

const (
	// HashLock is paper mode: s = SHA-256(r), one proof per device.
	HashLock Mode = 0
	// PointLock is point-lock mode: K = k·G, one proof per (distributor, update).
	PointLock Mode = 1
)

// Modes lists both modes.
func Modes() []Mode { return []Mode{HashLock, PointLock} }

// String returns "hashlock" or "pointlock".
func (m Mode) String() string {
	switch m {
	case HashLock:
		return "hashlock"
	case PointLock:
		return "pointlock"
	default:
		return fmt.Sprintf("mode(%d)", uint8(m))
	}
}

// ParseMode is the inverse of Mode.String.
func ParseMode(s string) (Mode, error) {
	for _, m := range Modes() {
		if m.String() == s {
			return m, nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownMode, s)
}

// circuitFor returns the empty circuit of (mode, class), used for compilation.
func circuitFor(m Mode, c firmware.Class) (frontend.Circuit, error) {
	switch m {
	case HashLock:
		return &HashLockCircuit{Ct: make([]frontend.Variable, c.Elements())}, nil
	case PointLock:
		return &PointLockCircuit{Ct: make([]frontend.Variable, c.Elements())}, nil
	default:
		return nil, fmt.Errorf("%w: %d", ErrUnknownMode, m)
	}
}

// Compile compiles the R1CS of (mode, class). Compilation is deterministic: a
// prover that holds only the proving key recompiles the circuit.
func Compile(m Mode, c firmware.Class) (constraint.ConstraintSystem, error) {
	if cc, err := firmware.ClassByName(c.Name); err != nil || cc != c {
		return nil, fmt.Errorf("zk: compile: %w: %+v", firmware.ErrUnknownClass, c)
	}
	circ, err := circuitFor(m, c)
	if err != nil {
		return nil, err
	}
	cs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, circ)
	if err != nil {
		return nil, fmt.Errorf("zk: compile %s/%s: %w", m, c.Name, err)
	}
	return cs, nil
}

// ProvingKey is a Groth16 proving key with its mode, class and compiled
// circuit. Use one ProvingKey for one proof at a time.
type ProvingKey struct {
	// Mode is the lock mode of the circuit.
	Mode Mode
	// Class is the size class of the circuit.
	Class firmware.Class
	cs    constraint.ConstraintSystem
	pk    groth16.ProvingKey
}

// VerifyingKey is a Groth16 verifying key with its mode and class.
type VerifyingKey struct {
	// Mode is the lock mode of the circuit.
	Mode Mode
	// Class is the size class of the circuit.
	Class firmware.Class
	vk    groth16.VerifyingKey
}

// Keys is the output of the vendor's setup for one (mode, class).
type Keys struct {
	// PK is the proving key (for distributors).
	PK *ProvingKey
	// VK is the verifying key (for devices and hubs; its VKHash goes into the
	// manifest).
	VK *VerifyingKey
	// Constraints is the number of R1CS constraints of the circuit.
	Constraints int
}

// Setup compiles the circuit of (mode, class) and runs a fresh Groth16 setup
// with randomness from crypto/rand (a single-party setup: whoever runs it can
// forge proofs for these keys, so the vendor runs it). It is CPU-bound and not
// cancellable.
func Setup(m Mode, c firmware.Class) (*Keys, error) {
	cs, err := Compile(m, c)
	if err != nil {
		return nil, err
	}
	pk, vk, err := groth16.Setup(cs)
	if err != nil {
		return nil, fmt.Errorf("zk: setup %s/%s: %w", m, c.Name, err)
	}
	return &Keys{
		PK:          &ProvingKey{Mode: m, Class: c, cs: cs, pk: pk},
		VK:          &VerifyingKey{Mode: m, Class: c, vk: vk},
		Constraints: cs.GetNbConstraints(),
	}, nil
}

// Constraints returns the number of constraints of the proving key's circuit.
func (p *ProvingKey) Constraints() int { return p.cs.GetNbConstraints() }

// Serialised key format: magic (8 bytes) || mode (1 byte) || class capacity in
// bytes (uint32 big-endian) || gnark's encoding of the key: uncompressed (raw)
// for proving keys, which are large and read by their prover (reading skips
// the square roots of decompression but still checks every point), and
// compressed for verifying keys.
var (
	pkMagic = [8]byte{'p', 'o', 'd', 'n', 'z', 'k', 'P', '1'}
	vkMagic = [8]byte{'p', 'o', 'd', 'n', 'z', 'k', 'V', '1'}
)

func writeHeader(w io.Writer, magic [8]byte, m Mode, c firmware.Class) error {
	var h [13]byte
	copy(h[:8], magic[:])
	h[8] = byte(m)
	binary.BigEndian.PutUint32(h[9:], uint32(c.Bytes))
	_, err := w.Write(h[:])
	return err
}

func readHeader(r io.Reader, magic [8]byte) (Mode, firmware.Class, error) {
	var h [13]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, firmware.Class{}, fmt.Errorf("%w: header: %w", ErrBadKey, err)
	}
	if !bytes.Equal(h[:8], magic[:]) {
		return 0, firmware.Class{}, fmt.Errorf("%w: bad magic", ErrBadKey)
	}
	m := Mode(h[8])
	if m != HashLock && m != PointLock {
		return 0, firmware.Class{}, fmt.Errorf("%w: %w: %d", ErrBadKey, ErrUnknownMode, h[8])
	}
	n := int(binary.BigEndian.Uint32(h[9:]))
	c, err := firmware.ClassFor(n)
	if err != nil || c.Bytes != n {
		return 0, firmware.Class{}, fmt.Errorf("%w: no class of %d bytes", ErrBadKey, n)
	}
	return m, c, nil
}

// WriteTo writes the proving key (header and gnark's raw encoding).
func (p *ProvingKey) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	if err := writeHeader(cw, pkMagic, p.Mode, p.Class); err != nil {
		return cw.n, fmt.Errorf("zk: write proving key: %w", err)
	}
	if _, err := p.pk.WriteRawTo(cw); err != nil {
		return cw.n, fmt.Errorf("zk: write proving key: %w", err)
	}
	return cw.n, nil
}

// ReadProvingKey reads a proving key written by ProvingKey.WriteTo and
// recompiles its circuit. Errors wrap ErrBadKey.
func ReadProvingKey(r io.Reader) (*ProvingKey, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	m, c, err := readHeader(br, pkMagic)
	if err != nil {
		return nil, err
	}
	pk := groth16.NewProvingKey(ecc.BN254)
	if _, err := pk.ReadFrom(br); err != nil {
		return nil, fmt.Errorf("%w: proving key body: %w", ErrBadKey, err)
	}
	cs, err := Compile(m, c)
	if err != nil {
		return nil, err
	}
	if !pkMatches(pk, cs) {
		return nil, fmt.Errorf("%w: proving key does not match the %s/%s circuit", ErrBadKey, m, c.Name)
	}
	return &ProvingKey{Mode: m, Class: c, cs: cs, pk: pk}, nil
}

// pkMatches compares the key's FFT domain and wire count with the circuit, so
// that a key of another circuit is rejected when read rather than at proving.
func pkMatches(pk groth16.ProvingKey, cs constraint.ConstraintSystem) bool {
	k, ok := pk.(*groth16bn254.ProvingKey)
	if !ok {
		return false
	}
	nbWires := uint64(cs.GetNbInternalVariables() + cs.GetNbPublicVariables() + cs.GetNbSecretVariables())
	return k.Domain.Cardinality == ecc.NextPowerOfTwo(uint64(cs.GetNbConstraints())) &&
		uint64(len(k.G1.A))+k.NbInfinityA == nbWires
}

// MarshalBinary returns the canonical bytes of the verifying key: header and
// gnark's compressed encoding. VKHash hashes exactly these bytes.
func (v *VerifyingKey) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	if err := writeHeader(&buf, vkMagic, v.Mode, v.Class); err != nil {
		return nil, err
	}
	if _, err := v.vk.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("zk: write verifying key: %w", err)
	}
	return buf.Bytes(), nil
}

// ParseVerifyingKey parses bytes produced by VerifyingKey.MarshalBinary. It
// rejects trailing bytes and non-canonical encodings (the parsed key must
// re-encode to the same bytes), so VKHash identifies the key. Errors wrap
// ErrBadKey.
func ParseVerifyingKey(b []byte) (*VerifyingKey, error) {
	if len(b) > MaxVerifyingKeySize {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrBadKey, len(b), MaxVerifyingKeySize)
	}
	r := bytes.NewReader(b)
	m, c, err := readHeader(r, vkMagic)
	if err != nil {
		return nil, err
	}
	if err := checkVerifyingKeyLayout(b[len(b)-r.Len():], nbPublic(m)+1); err != nil {
		return nil, err
	}
	vk := groth16.NewVerifyingKey(ecc.BN254)
	if _, err := vk.ReadFrom(r); err != nil {
		return nil, fmt.Errorf("%w: verifying key body: %w", ErrBadKey, err)
	}
	if r.Len() != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrBadKey, r.Len())
	}
	v := &VerifyingKey{Mode: m, Class: c, vk: vk}
	again, err := v.MarshalBinary()
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(again, b) {
		return nil, fmt.Errorf("%w: non-canonical encoding", ErrBadKey)
	}
	if want := nbPublic(m); vk.NbPublicWitness() != want {
		return nil, fmt.Errorf("%w: %d public inputs, %s needs %d", ErrBadKey, vk.NbPublicWitness(), m, want)
	}
	return v, nil
}

// nbPublic is the length of gnark's public witness vector for each circuit,
// as its verifying key counts it.
func nbPublic(m Mode) int {
	if m == HashLock {
		return 4 // SHi, SLo, UID, CtHash
	}
	// K.X (4 limbs), K.Y (4 limbs), UID, CtHash, and the BSB22 commitment
	// wire of the emulated-arithmetic range checks
	return 11
}

// VKHash is SHA-256 of the verifying key's canonical bytes
// (VerifyingKey.MarshalBinary); the vendor signs it in the manifest.
func VKHash(v *VerifyingKey) ([32]byte, error) {
	b, err := v.MarshalBinary()
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(b), nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
