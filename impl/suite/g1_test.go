package suite

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestG1RoundTrip(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		k := new(big.Int).SetBytes(rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(rt, "k"))
		k.Mod(k, Order())
		if k.Sign() == 0 {
			k.SetInt64(1)
		}
		p := PointLockPoint(k)
		enc := EncodeG1(p)
		got, err := DecodeG1(enc[:])
		if err != nil || !got.Equal(&p) {
			rt.Fatalf("round trip: %v", err)
		}
	})
}

func TestDecodeG1Rejects(t *testing.T) {
	g := EncodeG1(PointLockPoint(big.NewInt(1)))
	pBytes := fp.Modulus().FillBytes(make([]byte, 32))
	// x + p with the same y: the same point if coordinates were reduced.
	xPlusP := new(big.Int).Add(fp.Modulus(), big.NewInt(1)).FillBytes(make([]byte, 32))
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"short", g[:63], ErrBadLength},
		{"long", append(g[:], 0), ErrBadLength},
		{"infinity", make([]byte, 64), ErrInfinity},
		{"off curve (1,3)", append(append([]byte{}, g[:32]...), append(make([]byte, 31), 3)...), ErrNotOnCurve},
		{"x = p", append(append([]byte{}, pBytes...), g[32:]...), ErrNonCanonical},
		{"x = 1 + p (non-canonical G)", append(append([]byte{}, xPlusP...), g[32:]...), ErrNonCanonical},
		{"y = p", append(append([]byte{}, g[:32]...), pBytes...), ErrNonCanonical},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeG1(tc.in)
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestScalarEncoding(t *testing.T) {
	n := Order()
	nm1 := new(big.Int).Sub(n, big.NewInt(1))
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"zero", make([]byte, 32), nil},
		{"n-1", nm1.FillBytes(make([]byte, 32)), nil},
		{"n", n.FillBytes(make([]byte, 32)), ErrScalarRange},
		{"2^256-1", new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)).FillBytes(make([]byte, 32)), ErrScalarRange},
		{"31 bytes", make([]byte, 31), ErrBadLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := DecodeScalar(tc.in)
			if tc.want != nil {
				require.ErrorIs(t, err, tc.want)
				return
			}
			require.NoError(t, err)
			enc := EncodeScalar(s)
			require.Equal(t, tc.in, enc[:])
		})
	}
}
