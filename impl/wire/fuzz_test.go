package wire

import (
	"bytes"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// FuzzDecode: any input is rejected with a typed error or decodes to a message whose
// canonical encoding is exactly the input. Run with go test -fuzz FuzzDecode ./impl/wire.
func FuzzDecode(f *testing.F) {
	for _, m := range sampleMessages() {
		b, err := Encode(m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b)
		if err != nil {
			if ErrorName(err) == "Other" {
				t.Fatalf("untyped error: %v", err)
			}
			return
		}
		again, err := Encode(m)
		if err != nil {
			t.Fatalf("decoded message does not encode: %v", err)
		}
		if !bytes.Equal(again, b) {
			t.Fatalf("accepted a non-canonical input: %x re-encodes to %x", b, again)
		}
	})
}

// offer1MiB returns a hash-lock offer with the ciphertext of the 1 MiB size class.
func offer1MiB(b *testing.B) []byte {
	o := *(sampleMessages()[3].(*Offer))
	o.Ciphertext = make([]fr.Element, 33840)
	for i := range o.Ciphertext {
		o.Ciphertext[i].SetUint64(uint64(i) * 0x9e3779b97f4a7c15)
	}
	enc, err := Encode(&o)
	if err != nil {
		b.Fatal(err)
	}
	return enc
}

func BenchmarkDecodeOffer1MiB(b *testing.B) {
	enc := offer1MiB(b)
	b.SetBytes(int64(len(enc)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeOffer1MiB(b *testing.B) {
	enc := offer1MiB(b)
	m, err := Decode(enc)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(enc)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Encode(m); err != nil {
			b.Fatal(err)
		}
	}
}
