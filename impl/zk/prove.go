package zk

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/math/emulated"

	"github.com/podnet/podnet/impl/firmware"
)

// Proof is a Groth16 proof of one of the circuits.
type Proof struct {
	p groth16.Proof
}

// MarshalBinary returns gnark's compressed encoding of the proof.
func (p *Proof) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	if _, err := p.p.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("zk: write proof: %w", err)
	}
	return buf.Bytes(), nil
}

// ParseProof parses bytes produced by Proof.MarshalBinary. Points must be on
// the curve and in the right subgroup, and no bytes may trail. Errors wrap
// ErrBadProof.
func ParseProof(b []byte) (*Proof, error) {
	if err := checkProofLayout(b); err != nil {
		return nil, err
	}
	p := groth16.NewProof(ecc.BN254)
	r := bytes.NewReader(b)
	if _, err := p.ReadFrom(r); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadProof, err)
	}
	if r.Len() != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrBadProof, r.Len())
	}
	return &Proof{p: p}, nil
}

// HashLockResult is what the paper-mode prover hands to a device.
type HashLockResult struct {
	// S is the hash lock SHA-256(r).
	S [32]byte
	// UID is U_id of the plaintext.
	UID [32]byte
	// Ct is the ciphertext Û = Enc(U, r).
	Ct []fr.Element
	// Proof proves the statement of HashLockCircuit for (S, UID, Ct).
	Proof *Proof
}

// PointLockResult is what the point-lock prover (Distributor_Prepare) produces.
type PointLockResult struct {
	// K is k·G.
	K bn254.G1Affine
	// UID is U_id of the plaintext.
	UID [32]byte
	// Ct is the ciphertext Û = Enc(U, k).
	Ct []fr.Element
	// Proof proves the statement of PointLockCircuit for (K, UID, Ct).
	Proof *Proof
}

// HashLockS returns s = SHA-256(r as 32 big-endian bytes) (spec/suite.md §5).
func HashLockS(r fr.Element) [32]byte {
	b := r.Bytes()
	return sha256.Sum256(b[:])
}

func checkProver(pk *ProvingKey, m Mode, key fr.Element, plaintext []fr.Element) error {
	if pk == nil || pk.pk == nil || pk.cs == nil {
		return fmt.Errorf("%w: nil proving key", ErrBadKey)
	}
	if pk.Mode != m {
		return fmt.Errorf("%w: proving key is for %s, not %s", ErrBadKey, pk.Mode, m)
	}
	if key.IsZero() {
		return fmt.Errorf("%w: zero key", ErrBadInput)
	}
	if len(plaintext) != pk.Class.Elements() {
		return fmt.Errorf("%w: %d plaintext elements, class %s needs %d", ErrBadInput, len(plaintext), pk.Class.Name, pk.Class.Elements())
	}
	return nil
}

func toVars(v []fr.Element) []frontend.Variable {
	out := make([]frontend.Variable, len(v))
	for i := range v {
		var b big.Int
		v[i].BigInt(&b)
		out[i] = &b
	}
	return out
}

func elemVar(e fr.Element) frontend.Variable {
	var b big.Int
	e.BigInt(&b)
	return &b
}

func sHalves(s [32]byte) (hi, lo *big.Int) {
	return new(big.Int).SetBytes(s[:16]), new(big.Int).SetBytes(s[16:])
}

func (pk *ProvingKey) prove(assignment frontend.Circuit) (*Proof, error) {
	w, err := frontend.NewWitness(assignment, ecc.BN254.ScalarField())
	if err != nil {
		return nil, fmt.Errorf("%w: witness: %w", ErrProve, err)
	}
	p, err := groth16.Prove(pk.cs, pk.pk, w)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProve, err)
	}
	return &Proof{p: p}, nil
}

// ProveHashLock is the paper-mode prover (Distributor_Offer, once per
// device): it encrypts the encoded plaintext under r and proves
// HashLockCircuit. plaintext must have pk.Class.Elements() elements (see
// firmware.Encode) and r must be non-zero.
func ProveHashLock(pk *ProvingKey, r fr.Element, plaintext []fr.Element) (*HashLockResult, error) {
	if err := checkProver(pk, HashLock, r, plaintext); err != nil {
		return nil, err
	}
	res := &HashLockResult{
		S:   HashLockS(r),
		UID: firmware.UpdateID(plaintext),
		Ct:  firmware.Encrypt(r, plaintext),
	}
	hi, lo := sHalves(res.S)
	a := &HashLockCircuit{
		SHi:    hi,
		SLo:    lo,
		UID:    elemVar(firmware.UpdateIDElement(plaintext)),
		CtHash: elemVar(firmware.CiphertextHashElement(res.Ct)),
		R:      elemVar(r),
		Ct:     toVars(res.Ct),
	}
	p, err := pk.prove(a)
	if err != nil {
		return nil, err
	}
	res.Proof = p
	return res, nil
}

// ProvePointLock is the point-lock prover (Distributor_Prepare, once per
// update): it encrypts the encoded plaintext under k, computes K = k·G and
// proves PointLockCircuit. k must be non-zero.
func ProvePointLock(pk *ProvingKey, k fr.Element, plaintext []fr.Element) (*PointLockResult, error) {
	if err := checkProver(pk, PointLock, k, plaintext); err != nil {
		return nil, err
	}
	var kb big.Int
	k.BigInt(&kb)
	res := &PointLockResult{
		UID: firmware.UpdateID(plaintext),
		Ct:  firmware.Encrypt(k, plaintext),
	}
	_, _, g1, _ := bn254.Generators()
	res.K.ScalarMultiplication(&g1, &kb)
	a := &PointLockCircuit{
		UID:    elemVar(firmware.UpdateIDElement(plaintext)),
		CtHash: elemVar(firmware.CiphertextHashElement(res.Ct)),
		Key:    elemVar(k),
		Ct:     toVars(res.Ct),
	}
	a.K.X = emulated.ValueOf[emulated.BN254Fp](res.K.X)
	a.K.Y = emulated.ValueOf[emulated.BN254Fp](res.K.Y)
	p, err := pk.prove(a)
	if err != nil {
		return nil, err
	}
	res.Proof = p
	return res, nil
}

func checkVerifier(vk *VerifyingKey, m Mode, proof *Proof) error {
	if vk == nil || vk.vk == nil {
		return fmt.Errorf("%w: nil verifying key", ErrBadKey)
	}
	if vk.Mode != m {
		return fmt.Errorf("%w: verifying key is for %s, not %s", ErrBadKey, vk.Mode, m)
	}
	if proof == nil || proof.p == nil {
		return fmt.Errorf("%w: nil proof", ErrBadProof)
	}
	return nil
}

// CiphertextDigest checks that ct has the element count of the key's class
// and returns firmware.CiphertextHash(ct), the value the *Digest verifiers
// take. A verifier that checks several proofs over one ciphertext hashes it
// once.
func CiphertextDigest(vk *VerifyingKey, ct []fr.Element) ([32]byte, error) {
	if vk == nil {
		return [32]byte{}, fmt.Errorf("%w: nil verifying key", ErrBadKey)
	}
	if len(ct) != vk.Class.Elements() {
		return [32]byte{}, fmt.Errorf("%w: %d ciphertext elements, class %s needs %d", ErrBadInput, len(ct), vk.Class.Name, vk.Class.Elements())
	}
	return firmware.CiphertextHash(ct), nil
}

func canonical(name string, b [32]byte) (fr.Element, error) {
	var e fr.Element
	if err := e.SetBytesCanonical(b[:]); err != nil {
		return e, fmt.Errorf("%w: %s not a canonical field element: %w", ErrBadInput, name, err)
	}
	return e, nil
}

func (vk *VerifyingKey) verify(public frontend.Circuit, proof *Proof) error {
	w, err := frontend.NewWitness(public, ecc.BN254.ScalarField(), frontend.PublicOnly())
	if err != nil {
		return fmt.Errorf("%w: public witness: %w", ErrBadInput, err)
	}
	if err := groth16.Verify(proof.p, vk.vk, w); err != nil {
		return fmt.Errorf("%w: %w", ErrVerify, err)
	}
	return nil
}

// VerifyHashLock checks a paper-mode proof (Device_Commit, Hub_Check): that
// the ciphertext ct decrypts, under the preimage r of s, to a plaintext with
// U_id uid. It hashes ct itself. Errors wrap ErrVerify, ErrBadInput, ErrBadKey
// or ErrBadProof.
func VerifyHashLock(vk *VerifyingKey, s [32]byte, uid [32]byte, ct []fr.Element, proof *Proof) error {
	h, err := CiphertextDigest(vk, ct)
	if err != nil {
		return err
	}
	return VerifyHashLockDigest(vk, s, uid, h, proof)
}

// VerifyHashLockDigest is VerifyHashLock for a ciphertext already hashed by
// CiphertextDigest.
func VerifyHashLockDigest(vk *VerifyingKey, s, uid, ctHash [32]byte, proof *Proof) error {
	if err := checkVerifier(vk, HashLock, proof); err != nil {
		return err
	}
	u, err := canonical("U_id", uid)
	if err != nil {
		return err
	}
	h, err := canonical("ciphertext hash", ctHash)
	if err != nil {
		return err
	}
	hi, lo := sHalves(s)
	pub := &HashLockCircuit{
		SHi:    hi,
		SLo:    lo,
		UID:    elemVar(u),
		CtHash: elemVar(h),
		Ct:     make([]frontend.Variable, vk.Class.Elements()),
	}
	return vk.verify(pub, proof)
}

// VerifyPointLock checks a point-lock proof π0 (Device_Commit, Hub_Check,
// once per distributor and update): that ct decrypts, under the discrete
// logarithm k of K, to a plaintext with U_id uid. K must be a point of G1
// other than infinity. Errors wrap ErrVerify, ErrBadInput, ErrBadKey or
// ErrBadProof.
func VerifyPointLock(vk *VerifyingKey, K bn254.G1Affine, uid [32]byte, ct []fr.Element, proof *Proof) error {
	h, err := CiphertextDigest(vk, ct)
	if err != nil {
		return err
	}
	return VerifyPointLockDigest(vk, K, uid, h, proof)
}

// VerifyPointLockDigest is VerifyPointLock for a ciphertext already hashed by
// CiphertextDigest.
func VerifyPointLockDigest(vk *VerifyingKey, K bn254.G1Affine, uid, ctHash [32]byte, proof *Proof) error {
	if err := checkVerifier(vk, PointLock, proof); err != nil {
		return err
	}
	u, err := canonical("U_id", uid)
	if err != nil {
		return err
	}
	h, err := canonical("ciphertext hash", ctHash)
	if err != nil {
		return err
	}
	if K.IsInfinity() || !K.IsOnCurve() || !K.IsInSubGroup() {
		return fmt.Errorf("%w: K is not a non-zero point of G1", ErrBadInput)
	}
	pub := &PointLockCircuit{
		UID:    elemVar(u),
		CtHash: elemVar(h),
		Ct:     make([]frontend.Variable, vk.Class.Elements()),
	}
	pub.K.X = emulated.ValueOf[emulated.BN254Fp](K.X)
	pub.K.Y = emulated.ValueOf[emulated.BN254Fp](K.Y)
	return vk.verify(pub, proof)
}
