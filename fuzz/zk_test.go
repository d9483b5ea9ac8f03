package fuzz

import (
	"testing"
)

func loadFixture(f *testing.F) *ZKFixture {
	f.Helper()
	fx, err := CachedZKFixture()
	if err != nil {
		f.Fatal(err)
	}
	return fx
}

// FuzzParseProof: zk.ParseProof, and no edited proof verifies (see ZKFixture.ZKProof).
// The first byte selects the mode of the statement (0 hash lock, 1 point lock).
func FuzzParseProof(f *testing.F) {
	fx := loadFixture(f)
	f.Add(append([]byte{0}, fx.HashProof...))
	f.Add(append([]byte{1}, fx.PointProof...))
	f.Add(append([]byte{0}, fx.PointProof...))
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, b []byte) { check(t, fx.ZKProof(b)) })
}

// FuzzParseVerifyingKey: zk.ParseVerifyingKey, and no edited key accepts the fixture
// proof (see ZKFixture.ZKVerifyingKey).
func FuzzParseVerifyingKey(f *testing.F) {
	fx := loadFixture(f)
	f.Add(append([]byte{0}, fx.HashVK...))
	f.Add(append([]byte{1}, fx.PointVK...))
	f.Add(append([]byte{1}, fx.HashVK...))
	f.Add([]byte{0})
	f.Fuzz(func(t *testing.T, b []byte) { check(t, fx.ZKVerifyingKey(b)) })
}
