package gen

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/podnet/podnet/conformance"
	"github.com/podnet/podnet/impl/firmware"
)

func firmwareVectors() (*conformance.File, error) {
	b := newBuilder("podnet-firmware-v1", []string{
		"Firmware encoding into BN254 scalars, U_id and the Poseidon2 cipher (spec/suite.md §1-§4).",
		"firmware-encode: input image (hex), classBytes (capacity of the size class, decimal); output elements (32-byte BE each), updateId.",
		"firmware-decode: input elements; output image, updateId.",
		"cipher: input key (32-byte scalar), elements; output ciphertext (Enc(elements, key)), ciphertextHash. A client must also check Decrypt(ciphertext, key) = elements.",
	}, map[string]string{
		"Edge":      "boundary lengths",
		"BadLength": "a length prefix beyond the class",
		"Range":     "an element or key not below n, or a chunk of 2^248 or more",
		"Padding":   "non-zero padding",
		"Class":     "a size or element count that is no class",
	})
	const s1, s3, s4 = "suite.md §1", "suite.md §3", "suite.md §4"
	encodings := map[string][]fr.Element{}
	for _, tc := range []struct {
		n, class int
		edge     bool
	}{{0, 64, true}, {1, 64, true}, {31, 64, true}, {32, 64, true}, {64, 64, true}, {100, 128, false}, {1000, 1024, false}, {1024, 1024, true}} {
		img := seed(fmt.Sprintf("fw/img/%d", tc.n), tc.n)
		var flags []string
		if tc.edge {
			flags = []string{"Edge"}
		}
		b.valid(conformance.OpFirmwareEncode, fmt.Sprintf("%d-byte image in the %d-byte class", tc.n, tc.class), s1+", "+s4, flags,
			map[string]any{"image": h(img), "classBytes": dec(uint64(tc.class))}, nil)
		c, err := firmware.ClassFor(tc.class)
		if err != nil {
			return nil, err
		}
		e, err := firmware.Encode(img, c)
		if err != nil {
			return nil, err
		}
		encodings[fmt.Sprintf("%d/%d", tc.n, tc.class)] = e
	}
	b.invalid(conformance.OpFirmwareEncode, "65-byte image in the 64-byte class", s1, "TooLarge", []string{"Edge"},
		map[string]any{"image": h(seed("fw/img/65", 65)), "classBytes": "64"})
	b.invalid(conformance.OpFirmwareEncode, "a 100-byte class does not exist", s1, "UnknownClass", []string{"Class"},
		map[string]any{"image": h(seed("fw/img/1", 1)), "classBytes": "100"})

	list := func(e []fr.Element) []string { return conformance.HexList(e, elemBytes) }
	mutate := func(key string, f func(e []fr.Element) []fr.Element) []string {
		src := encodings[key]
		e := append([]fr.Element(nil), src...)
		return list(f(e))
	}
	b.valid(conformance.OpFirmwareDecode, "the encoding of the 100-byte image", s1, nil, map[string]any{"elements": list(encodings["100/128"])}, nil)
	b.valid(conformance.OpFirmwareDecode, "the encoding of the empty image", s1, []string{"Edge"}, map[string]any{"elements": list(encodings["0/64"])}, nil)
	b.invalid(conformance.OpFirmwareDecode, "length prefix above the class capacity", s1, "BadLength", []string{"BadLength"},
		map[string]any{"elements": mutate("100/128", func(e []fr.Element) []fr.Element { e[0].SetUint64(1 << 20); return e })})
	b.invalid(conformance.OpFirmwareDecode, "a chunk of 2^248", s1, "BadChunk", []string{"Range"},
		map[string]any{"elements": mutate("100/128", func(e []fr.Element) []fr.Element {
			e[1].SetBigInt(new(big.Int).Lsh(big.NewInt(1), 248))
			return e
		})})
	b.invalid(conformance.OpFirmwareDecode, "a non-zero padding byte in the last chunk", s1, "BadPadding", []string{"Padding"},
		map[string]any{"elements": mutate("32/64", func(e []fr.Element) []fr.Element {
			var one fr.Element
			one.SetOne()
			e[2].Add(&e[2], &one) // the last byte of chunk 2 is padding for a 32-byte image
			return e
		})})
	b.invalid(conformance.OpFirmwareDecode, "a non-zero padding element", s1, "BadPadding", []string{"Padding"},
		map[string]any{"elements": mutate("1/64", func(e []fr.Element) []fr.Element { e[len(e)-1].SetOne(); return e })})
	b.invalid(conformance.OpFirmwareDecode, "one element too many", s1, "UnknownClass", []string{"Class"},
		map[string]any{"elements": mutate("1/64", func(e []fr.Element) []fr.Element { return append(e, fr.Element{}) })})
	b.invalid(conformance.OpFirmwareDecode, "an element equal to n", s1, "ScalarRange", []string{"Range"},
		map[string]any{"elements": func() []string {
			l := list(encodings["1/64"])
			l[3] = be32(order())
			return l
		}()})

	for i, key := range []string{"1/64", "100/128", "1000/1024"} {
		k := new(big.Int).SetBytes(seed(fmt.Sprintf("fw/key/%d", i), 32))
		k.Mod(k, order())
		b.valid(conformance.OpCipher, "Enc of the encoding of a "+key+" image", s3+", "+s4, nil,
			map[string]any{"key": be32(k), "elements": list(encodings[key])}, nil)
	}
	b.valid(conformance.OpCipher, "key 0 on the empty image", s3, []string{"Edge"}, map[string]any{"key": be32(big.NewInt(0)), "elements": list(encodings["0/64"])}, nil)
	b.invalid(conformance.OpCipher, "key = n", s3, "ScalarRange", []string{"Range"}, map[string]any{"key": be32(order()), "elements": list(encodings["0/64"])})
	return b.done()
}

func elemBytes(e fr.Element) []byte { x := e.Bytes(); return x[:] }
