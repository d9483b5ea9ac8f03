// Package zk holds podnet's zero-knowledge circuits (gnark, Groth16 on BN254):
// the paper-mode hash-lock circuit and the point-lock circuit, one circuit per
// (mode, size class), their setup, the serialisation of keys and proofs, and
// the prover and verifier used by distributors, devices and hubs.
//
// Both circuits prove knowledge of a key that decrypts a ciphertext Û to a
// plaintext whose Poseidon2 hash is U_id (spec/suite.md sections 1-4); the
// ciphertext is a private witness bound by one public input, its hash, so the
// verifying key does not grow with the file. The hash-lock circuit also proves
// s = SHA-256(r) (spec/suite.md section 5), the point-lock circuit K = k·G on
// BN254 G1 (emulated arithmetic).
//
// Circuits know nothing of the network or the chain (STYLE.md).
package zk

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra/emulated/sw_emulated"
	"github.com/consensys/gnark/std/math/emulated"
	"github.com/consensys/gnark/std/permutation/poseidon2"

	"github.com/podnet/podnet/impl/firmware"
)

// cipherGadget is the in-circuit twin of package firmware's sponge and cipher.
type cipherGadget struct {
	api  frontend.API
	perm *poseidon2.Permutation
}

func newCipherGadget(api frontend.API) (*cipherGadget, error) {
	p, err := poseidon2.NewPoseidon2FromParameters(api, firmware.Width, firmware.FullRounds, firmware.PartialRounds)
	if err != nil {
		return nil, fmt.Errorf("zk: poseidon2 gadget: %w", err)
	}
	return &cipherGadget{api: api, perm: p}, nil
}

func (g *cipherGadget) permute(s []frontend.Variable) error {
	if err := g.perm.Permutation(s); err != nil {
		return fmt.Errorf("zk: poseidon2 permutation: %w", err)
	}
	return nil
}

func ivConst(tag string, count int) *big.Int {
	iv := firmware.DomainIV(tag, count)
	var b big.Int
	iv.BigInt(&b)
	return &b
}

// sponge mirrors firmware.Sponge.
func (g *cipherGadget) sponge(tag string, elems []frontend.Variable) (frontend.Variable, error) {
	s := make([]frontend.Variable, firmware.Width)
	for i := range s {
		s[i] = 0
	}
	s[firmware.Width-1] = ivConst(tag, len(elems))
	blocks := max(1, (len(elems)+firmware.Rate-1)/firmware.Rate)
	for b := range blocks {
		for i := 0; i < firmware.Rate && b*firmware.Rate+i < len(elems); i++ {
			s[i] = g.api.Add(s[i], elems[b*firmware.Rate+i])
		}
		if err := g.permute(s); err != nil {
			return nil, err
		}
	}
	return s[0], nil
}

// decrypt mirrors firmware.Decrypt: plaintext_i = ct_i - keystream_i, the
// keystream block j being lanes 0..Rate-1 of P(x_j) + x_j.
func (g *cipherGadget) decrypt(key frontend.Variable, ct []frontend.Variable) ([]frontend.Variable, error) {
	n := len(ct)
	out := make([]frontend.Variable, 0, n)
	for j := 0; len(out) < n; j++ {
		x := make([]frontend.Variable, firmware.Width)
		for i := range x {
			x[i] = 0
		}
		x[0] = key
		x[1] = j
		x[firmware.Width-1] = ivConst(firmware.TagKeystream, n)
		y := append([]frontend.Variable(nil), x...)
		if err := g.permute(y); err != nil {
			return nil, err
		}
		for i := 0; i < firmware.Rate && len(out) < n; i++ {
			ks := g.api.Add(y[i], x[i])
			out = append(out, g.api.Sub(ct[len(out)], ks))
		}
	}
	return out, nil
}

// bindFile asserts U_id = Sponge(TagUpdateID, Dec(ct, key)) and
// ctHash = Sponge(TagCiphertext, ct): the part both circuits share.
func bindFile(api frontend.API, key frontend.Variable, ct []frontend.Variable, uid, ctHash frontend.Variable) error {
	g, err := newCipherGadget(api)
	if err != nil {
		return err
	}
	h, err := g.sponge(firmware.TagCiphertext, ct)
	if err != nil {
		return err
	}
	api.AssertIsEqual(h, ctHash)
	pt, err := g.decrypt(key, ct)
	if err != nil {
		return err
	}
	u, err := g.sponge(firmware.TagUpdateID, pt)
	if err != nil {
		return err
	}
	api.AssertIsEqual(u, uid)
	return nil
}

// HashLockCircuit is the paper-mode statement for one size class:
//
//	∃ r, Û:  SHA-256(r as 32 BE bytes) = s  ∧  r < n
//	         ∧ Sponge(TagCiphertext, Û) = CtHash
//	         ∧ Sponge(TagUpdateID, Dec(Û, r)) = UID
//
// Public inputs, in this order: SHi and SLo (the first and last 16 bytes of s,
// each a 128-bit big-endian integer), UID, CtHash.
type HashLockCircuit struct {
	// SHi is bytes 0..15 of s as a big-endian integer.
	SHi frontend.Variable `gnark:",public"`
	// SLo is bytes 16..31 of s as a big-endian integer.
	SLo frontend.Variable `gnark:",public"`
	// UID is U_id as a field element.
	UID frontend.Variable `gnark:",public"`
	// CtHash is firmware.CiphertextHashElement(Û).
	CtHash frontend.Variable `gnark:",public"`
	// R is the secret key r.
	R frontend.Variable
	// Ct is the ciphertext Û, class.Elements() elements.
	Ct []frontend.Variable
}

// Define implements frontend.Circuit.
func (c *HashLockCircuit) Define(api frontend.API) error {
	// r < n, decomposed canonically (ToBinary at full width checks reducedness).
	rb := api.ToBinary(c.R)
	if len(rb) > 256 {
		return fmt.Errorf("zk: field wider than 256 bits")
	}
	// word t of the 32-byte big-endian r is bits 32(7-t) .. 32(7-t)+31
	var msg [8]word
	for t := range msg {
		for i := range 32 {
			if j := 32*(7-t) + i; j < len(rb) {
				msg[t][i] = rb[j]
			} else {
				msg[t][i] = 0
			}
		}
	}
	g := sha256Gadget{api: api}
	digest := g.compress32(msg)
	var hi, lo frontend.Variable = 0, 0
	for t := range 4 {
		hi = api.Add(api.Mul(hi, 1<<32), g.lc(digest[t]))
		lo = api.Add(api.Mul(lo, 1<<32), g.lc(digest[4+t]))
	}
	api.AssertIsEqual(hi, c.SHi)
	api.AssertIsEqual(lo, c.SLo)
	return bindFile(api, c.R, c.Ct, c.UID, c.CtHash)
}

// PointLockCircuit is the point-lock statement for one size class:
//
//	∃ k, Û:  k·G = K on BN254 G1
//	         ∧ Sponge(TagCiphertext, Û) = CtHash
//	         ∧ Sponge(TagUpdateID, Dec(Û, k)) = UID
//
// Public inputs, in this order: K.X and K.Y as emulated BN254 base-field
// elements (each four 64-bit limbs, least significant first), UID, CtHash.
type PointLockCircuit struct {
	// K is the point k·G.
	K sw_emulated.AffinePoint[emulated.BN254Fp] `gnark:",public"`
	// UID is U_id as a field element.
	UID frontend.Variable `gnark:",public"`
	// CtHash is firmware.CiphertextHashElement(Û).
	CtHash frontend.Variable `gnark:",public"`
	// Key is the secret k (a native element; the scalar field of G1 is the
	// circuit's field).
	Key frontend.Variable
	// Ct is the ciphertext Û, class.Elements() elements.
	Ct []frontend.Variable
}

// Define implements frontend.Circuit.
func (c *PointLockCircuit) Define(api frontend.API) error {
	curve, err := sw_emulated.New[emulated.BN254Fp, emulated.BN254Fr](api, sw_emulated.GetBN254Params())
	if err != nil {
		return fmt.Errorf("zk: curve: %w", err)
	}
	scalars, err := emulated.NewField[emulated.BN254Fr](api)
	if err != nil {
		return fmt.Errorf("zk: scalar field: %w", err)
	}
	// canonical bits of the native k; the emulated scalar is the same integer
	bits := api.ToBinary(c.Key)
	k := scalars.FromBits(bits...)
	p := curve.ScalarMulBase(k)
	curve.AssertIsEqual(p, &c.K)
	return bindFile(api, c.Key, c.Ct, c.UID, c.CtHash)
}
