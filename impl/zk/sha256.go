package zk

import (
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/math/bits"
)

// SHA-256 of one 32-byte message over boolean wires (FIPS 180-4, one
// compression block with the fixed padding of a 256-bit message).
//
// gnark's std/hash/sha2 uses byte lookup tables whose fixed cost (about 150k
// R1CS constraints for tables of 2^16 entries) dominates a single-block hash
// in R1CS; working on bits costs about 30k constraints: XOR of bits a+b-2ab,
// Ch = g + e(f-g), Maj = ab + c(a+b-2ab), and each modular addition as a linear
// combination decomposed once into 32 + carry bits.

// word is a 32-bit word as boolean wires, index 0 the least significant bit.
type word [32]frontend.Variable

var sha256K = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

var sha256IV = [8]uint32{
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
}

type sha256Gadget struct{ api frontend.API }

func constWord(v uint32) word {
	var w word
	for i := range w {
		w[i] = int((v >> i) & 1)
	}
	return w
}

func (g sha256Gadget) xor(a, b frontend.Variable) frontend.Variable {
	api := g.api
	return api.Sub(api.Add(a, b), api.Mul(2, api.Mul(a, b)))
}

func (g sha256Gadget) xor3(a, b, c word) word {
	var w word
	for i := range w {
		w[i] = g.xor(g.xor(a[i], b[i]), c[i])
	}
	return w
}

func rotr(x word, n int) word {
	var w word
	for i := range w {
		w[i] = x[(i+n)%32]
	}
	return w
}

func shr(x word, n int) word {
	var w word
	for i := range w {
		if i+n < 32 {
			w[i] = x[i+n]
		} else {
			w[i] = 0
		}
	}
	return w
}

// lc returns Σ w[i]·2^i (no constraint).
func (g sha256Gadget) lc(w word) frontend.Variable {
	var acc frontend.Variable = 0
	for i := range w {
		acc = g.api.Add(acc, g.api.Mul(w[i], new(big.Int).Lsh(big.NewInt(1), uint(i))))
	}
	return acc
}

// sum adds words mod 2^32: one decomposition of the integer sum into
// 32 + carry bits, of which the low 32 are kept.
func (g sha256Gadget) sum(k uint32, ws ...word) word {
	var acc frontend.Variable = k
	for _, w := range ws {
		acc = g.api.Add(acc, g.lc(w))
	}
	nb := 32
	for m := len(ws) + 1; m > 1; m = (m + 1) / 2 {
		nb++
	}
	b := bits.ToBinary(g.api, acc, bits.WithNbDigits(nb))
	var w word
	copy(w[:], b[:32])
	return w
}

// compress32 returns SHA-256(m) for the 32-byte message whose eight
// big-endian words are msg.
func (g sha256Gadget) compress32(msg [8]word) [8]word {
	api := g.api
	var W [64]word
	copy(W[:8], msg[:])
	W[8] = constWord(0x80000000)
	for t := 9; t < 15; t++ {
		W[t] = constWord(0)
	}
	W[15] = constWord(256) // message length in bits
	for t := 16; t < 64; t++ {
		s0 := g.xor3(rotr(W[t-15], 7), rotr(W[t-15], 18), shr(W[t-15], 3))
		s1 := g.xor3(rotr(W[t-2], 17), rotr(W[t-2], 19), shr(W[t-2], 10))
		W[t] = g.sum(0, s1, W[t-7], s0, W[t-16])
	}
	var v [8]word
	for i := range v {
		v[i] = constWord(sha256IV[i])
	}
	a, b, c, d, e, f, gg, h := v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]
	for t := range 64 {
		S1 := g.xor3(rotr(e, 6), rotr(e, 11), rotr(e, 25))
		var ch, maj word
		for i := range ch {
			ch[i] = api.Add(gg[i], api.Mul(e[i], api.Sub(f[i], gg[i])))
			ab := api.Mul(a[i], b[i])
			maj[i] = api.Add(ab, api.Mul(c[i], api.Sub(api.Add(a[i], b[i]), api.Mul(2, ab))))
		}
		S0 := g.xor3(rotr(a, 2), rotr(a, 13), rotr(a, 22))
		newE := g.sum(sha256K[t], d, h, S1, ch, W[t])
		newA := g.sum(sha256K[t], h, S1, ch, W[t], S0, maj)
		h, gg, f, e, d, c, b, a = gg, f, e, newE, c, b, a, newA
	}
	out := [8]word{a, b, c, d, e, f, gg, h}
	for i := range out {
		out[i] = g.sum(sha256IV[i], out[i])
	}
	return out
}
