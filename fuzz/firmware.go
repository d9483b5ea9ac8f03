package fuzz

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/podnet/podnet/impl/firmware"
)

var firmwareSentinels = []error{firmware.ErrUnknownClass, firmware.ErrBadLength, firmware.ErrBadChunk, firmware.ErrBadPadding}

// firmwareCounts are the element counts the input chooses from: every class's up to
// 16 KiB, then a few that are no class's.
var firmwareCounts = func() []int {
	var out []int
	for _, c := range firmware.Classes() {
		if c.Bytes <= 16<<10 && (len(out) == 0 || out[len(out)-1] != c.Elements()) {
			out = append(out, c.Elements())
		}
	}
	return append(out, 0, 1, 14, 16, 30, 44, 46)
}()

// FirmwareDecode checks firmware.Decode (spec/suite.md §1), the device's decoding of a
// decrypted element vector. If data[0] is odd, the rest is an image: Encode into its class
// and Decode must round-trip. Otherwise data chooses an element count, the length element
// (16 bits) and the data elements (32 bytes each, reduced mod n, zero once the input is
// exhausted). Decode must accept exactly when the spec's conditions hold (a class's
// count, a length within the largest such class, chunks below 2^248, zero padding),
// reject only with the typed errors of a condition that fails, and an accepted vector
// must be Encode of the decoded image (the encoding is unique).
func FirmwareDecode(data []byte) error {
	in := newReader(data)
	if in.byte()&1 == 1 {
		img := in.b
		c, err := firmware.ClassFor(len(img))
		if err != nil {
			return nil // larger than the largest class
		}
		elems, err := firmware.Encode(img, c)
		if err != nil {
			return violated("Encode(%d bytes, %s): %v", len(img), c, err)
		}
		got, err := firmware.Decode(elems)
		if err != nil || !bytes.Equal(got, img) {
			return violated("Decode(Encode(image)) = %x, %v; want %x", got, err, img)
		}
		return nil
	}
	count := firmwareCounts[int(in.byte())%len(firmwareCounts)]
	elems := make([]fr.Element, count)
	if count > 0 {
		elems[0].SetUint64(uint64(in.byte())<<8 | uint64(in.byte()))
		if in.byte() == 0xff { // occasionally a length element of any value
			elems[0].SetBytes(in.bytes(32))
		}
	}
	for i := 1; i < count; i++ {
		elems[i].SetBytes(in.bytes(32))
	}

	// The reference decision: the failing conditions.
	fails := map[error]bool{}
	var class *firmware.Class
	for _, c := range firmware.Classes() {
		if c.Elements() == count {
			cc := c
			class = &cc // the largest class with this count
		}
	}
	var n int
	if class == nil {
		fails[firmware.ErrUnknownClass] = true
	} else {
		l := elems[0].BigInt(new(big.Int))
		if !l.IsUint64() || l.Uint64() > uint64(class.Bytes) {
			fails[firmware.ErrBadLength] = true
		} else {
			n = int(l.Uint64())
			chunks := (n + firmware.ChunkBytes - 1) / firmware.ChunkBytes
			limit := new(big.Int).Lsh(big.NewInt(1), 248)
			for i := 1; i <= chunks; i++ {
				if elems[i].BigInt(new(big.Int)).Cmp(limit) >= 0 {
					fails[firmware.ErrBadChunk] = true
				}
			}
			if rem := n % firmware.ChunkBytes; chunks > 0 && rem != 0 {
				last := elems[chunks].Bytes()
				for _, v := range last[1+rem:] {
					if v != 0 {
						fails[firmware.ErrBadPadding] = true
					}
				}
			}
			for i := 1 + chunks; i < count; i++ {
				if !elems[i].IsZero() {
					fails[firmware.ErrBadPadding] = true
				}
			}
		}
	}

	img, err := firmware.Decode(elems)
	if err != nil {
		if e := exactlyOne("firmware.Decode", err, firmwareSentinels); e != nil {
			return e
		}
		if len(fails) == 0 {
			return violated("Decode rejects a valid encoding (%v): count %d length %s", err, count, elems[0].String())
		}
		for f := range fails {
			if errors.Is(err, f) {
				return nil
			}
		}
		return violated("Decode = %v, but the failing conditions are %v", err, fails)
	}
	if len(fails) > 0 {
		return violated("Decode accepted an encoding the spec rejects (%v): count %d", fails, count)
	}
	if len(img) != n {
		return violated("Decode returned %d bytes, the length element says %d", len(img), n)
	}
	again, err := firmware.Encode(img, *class)
	if err != nil || len(again) != count {
		return violated("Encode(Decode(e)) failed: %v", err)
	}
	for i := range again {
		if !again[i].Equal(&elems[i]) {
			return violated("Encode(Decode(e)) differs from e at element %d", i)
		}
	}
	return nil
}
