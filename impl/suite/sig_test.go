package suite

import (
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func keyFrom(t require.TestingT, seed byte) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte{seed}))
	require.NoError(t, err)
	return k
}

// flipS returns the high-s twin (R, n-S, V^1) of a low-s signature: an equally valid
// ECDSA signature that the suite must reject.
func flipS(sig [SignatureSize]byte) [SignatureSize]byte {
	s := new(big.Int).SetBytes(sig[32:64])
	s.Sub(secp256k1N(), s)
	s.FillBytes(sig[32:64])
	sig[64] = 55 - sig[64] // 27 <-> 28
	return sig
}

func TestSignRecoverRoundTrip(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		key := keyFrom(rt, rapid.Byte().Draw(rt, "seed"))
		digest := randBytes32(rt, "digest")
		sig, err := Sign(key, digest)
		if err != nil {
			rt.Fatal(err)
		}
		if sig[64] != 27 && sig[64] != 28 {
			rt.Fatalf("V = %d", sig[64])
		}
		if new(big.Int).SetBytes(sig[32:64]).Cmp(Secp256k1HalfN()) > 0 {
			rt.Fatal("high s produced")
		}
		got, err := Recover(digest, sig)
		if err != nil || got != crypto.PubkeyToAddress(key.PublicKey) {
			rt.Fatalf("recover: %v %v", got, err)
		}
		// The high-s twin recovers the same key in plain ECDSA, and is rejected here.
		if _, err := Recover(digest, flipS(sig)); !errors.Is(err, ErrHighS) {
			rt.Fatalf("high-s twin: %v", err)
		}
		other := digest
		other[0] ^= 1
		if a, err := Recover(other, sig); err == nil && a == got {
			rt.Fatal("signature valid for another digest")
		}
	})
}

// TestHighSTwinIsOtherwiseValid shows that the high-s check is what rejects the twin:
// go-ethereum's unrestricted recovery accepts it and yields the signer.
func TestHighSTwinIsOtherwiseValid(t *testing.T) {
	key := keyFrom(t, 1)
	digest := [32]byte{9}
	sig, err := Sign(key, digest)
	require.NoError(t, err)
	twin := flipS(sig)
	twin[64] -= 27
	pub, err := crypto.SigToPub(digest[:], twin[:])
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), crypto.PubkeyToAddress(*pub))
}

// TestRecoverGethVector checks go-ethereum's own signature vector (crypto/signature_test.go),
// a low-s signature.
func TestRecoverGethVector(t *testing.T) {
	msg := hexutil.MustDecode("0xce0677bb30baa8cf067c88db9811f4333d131bf8bcf12fe7065d211dce971008")
	raw := hexutil.MustDecode("0x90f27b8b488db00b00606796d2987f6a5f59ae62ea05effe84fef5b8b0e549984a691139ad57a3f0b906637673aa2f63d1f55cb1a69199d4009eea23ceaddc9301")
	pub := hexutil.MustDecode("0x04e32df42865e97135acfb65f3bae71bdc86f4d49150ad6a440b6f15878109880a0a2b2667f7e725ceea70c673093bf67663e0312623c8e091b13cf2c0f11ef652")
	var d [32]byte
	copy(d[:], msg)
	sig, err := SignatureFromBytes(raw)
	require.NoError(t, err)
	sig[64] += 27
	got, err := Recover(d, sig)
	require.NoError(t, err)
	require.Equal(t, common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]), got)
	_, err = Recover(d, flipS(sig))
	require.ErrorIs(t, err, ErrHighS)
}

func TestRecoverRejects(t *testing.T) {
	key := keyFrom(t, 2)
	digest := [32]byte{1, 2, 3}
	good, err := Sign(key, digest)
	require.NoError(t, err)
	n := secp256k1N()
	half := Secp256k1HalfN()
	set := func(off int, v *big.Int) [SignatureSize]byte {
		s := good
		v.FillBytes(s[off : off+32])
		return s
	}
	tests := []struct {
		name string
		sig  [SignatureSize]byte
		want error
	}{
		{"v=0", func() [SignatureSize]byte { s := good; s[64] -= 27; return s }(), ErrBadV},
		{"v=29", func() [SignatureSize]byte { s := good; s[64] = 29; return s }(), ErrBadV},
		{"r=0", set(0, big.NewInt(0)), ErrBadSignature},
		{"r=n", set(0, n), ErrBadSignature},
		{"s=0", set(32, big.NewInt(0)), ErrBadSignature},
		{"s=n", set(32, n), ErrBadSignature},
		{"s=n/2+1", set(32, new(big.Int).Add(half, big.NewInt(1))), ErrHighS},
		{"high-s twin", flipS(good), ErrHighS},
		{"r not an x coordinate", set(0, big.NewInt(5)), ErrBadSignature},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Recover(digest, tc.sig)
			require.ErrorIs(t, err, tc.want)
		})
	}
	// s = n/2 exactly is accepted by the form check (the boundary is inclusive).
	require.NoError(t, CheckSignature(set(32, half)))
	_, err = SignatureFromBytes(good[:64])
	require.ErrorIs(t, err, ErrBadLength)
	_, err = Sign(nil, digest)
	require.ErrorIs(t, err, ErrNilKey)
}
