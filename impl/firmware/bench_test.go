package firmware

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

func BenchmarkCiphertextHash64KiB(b *testing.B) {
	c, _ := ClassByName("64KiB")
	ct := make([]fr.Element, c.Elements())
	for i := range ct {
		ct[i].SetUint64(uint64(i))
	}
	b.ResetTimer()
	for b.Loop() {
		CiphertextHash(ct)
	}
}
