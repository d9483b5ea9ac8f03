package suite

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestDeriveRMatchesEVMAndFr checks the wide reduction three ways: big.Int mod n, the
// EVM's mulmod/addmod formula, and gnark-crypto's own reduction of the 64-byte string.
func TestDeriveRMatchesEVMAndFr(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		a := randAddress(rt, "a")
		tt := randBytes32(rt, "t")
		r, err := DeriveR(a, tt)
		if err != nil {
			rt.Fatal(err)
		}
		if r.Cmp(DeriveREVM(a, tt)) != 0 {
			rt.Fatal("EVM formula differs")
		}
		in := append([]byte(RDomain), 0)
		in = append(append(in, a[:]...), tt[:]...)
		h0 := crypto.Keccak256(in)
		in[len(RDomain)] = 1
		h1 := crypto.Keccak256(in)
		var e fr.Element
		e.SetBytes(append(h0, h1...))
		if e.BigInt(new(big.Int)).Cmp(r) != 0 {
			rt.Fatal("fr reduction differs")
		}
	})
}

func TestDeriveRFixed(t *testing.T) {
	a := common.HexToAddress("0x00000000000000000000000000000000000000d1")
	var tt [32]byte
	tt[31] = 1
	r, err := DeriveR(a, tt)
	require.NoError(t, err)
	// Recomputed by hand from the formula of spec/suite.md §5.
	pre := func(b byte) []byte {
		out := []byte("podnet/r/v1")
		out = append(out, b)
		out = append(out, a[:]...)
		return append(out, tt[:]...)
	}
	require.Len(t, pre(0), 64)
	w := new(big.Int).SetBytes(append(crypto.Keccak256(pre(0)), crypto.Keccak256(pre(1))...))
	require.Equal(t, 0, w.Mod(w, Order()).Cmp(r))
	// Binding to the distributor: another address gives another r.
	r2, err := DeriveR(common.HexToAddress("0x00000000000000000000000000000000000000d2"), tt)
	require.NoError(t, err)
	require.NotEqual(t, 0, r.Cmp(r2))
}

func TestReduceWideZero(t *testing.T) {
	n := RBytes(Order())
	_, err := reduceWide([32]byte{}, n)
	require.ErrorIs(t, err, ErrZeroKey)
	one := [32]byte{31: 1}
	r, err := reduceWide([32]byte{}, one)
	require.NoError(t, err)
	require.Equal(t, int64(1), r.Int64())
}

func TestLocks(t *testing.T) {
	one := big.NewInt(1)
	hl := HashLock(one)
	want := sha256.Sum256(append(make([]byte, 31), 1))
	require.Equal(t, want, hl)
	// 1·G = (1, 2), the EVM generator.
	g := PointLockPoint(one)
	enc := EncodeG1(g)
	require.Equal(t, "0000000000000000000000000000000000000000000000000000000000000001"+
		"0000000000000000000000000000000000000000000000000000000000000002", hex.EncodeToString(enc[:]))
	pl := PointLock(g)
	require.Equal(t, common.Hash(pl), crypto.Keccak256Hash(enc[:]))
	l0, err := Lock(LockHash, one)
	require.NoError(t, err)
	require.Equal(t, hl, l0)
	l1, err := Lock(LockPoint, one)
	require.NoError(t, err)
	require.Equal(t, pl, l1)
	_, err = Lock(LockType(2), one)
	require.ErrorIs(t, err, ErrLockType)
	_, err = Lock(LockHash, nil)
	require.ErrorIs(t, err, ErrNilKey)
	_, err = Lock(LockPoint, big.NewInt(0))
	require.ErrorIs(t, err, ErrZeroKey)
	_, err = Lock(LockHash, Order())
	require.ErrorIs(t, err, ErrScalarRange)
	_, err = Lock(LockHash, big.NewInt(-1))
	require.ErrorIs(t, err, ErrScalarRange)
	require.Equal(t, "hash", LockHash.String())
	require.Equal(t, "point", LockPoint.String())
}

func TestPointLockRelation(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		a := randAddress(rt, "a")
		r, err := DeriveR(a, randBytes32(rt, "t"))
		if err != nil {
			rt.Fatal(err)
		}
		var k fr.Element
		k.SetBytes(rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(rt, "k"))
		if k.IsZero() {
			k.SetOne()
		}
		var kp bn254.G1Affine
		kp.ScalarMultiplicationBase(k.BigInt(new(big.Int)))
		s := PointLockPoint(r)
		rs := RScalar(r)
		var c fr.Element
		c.Add(&k, &rs)
		if err := CheckPointLockOffer(c, kp, s); err != nil {
			rt.Fatal(err)
		}
		var bad fr.Element
		bad.SetOne()
		bad.Add(&bad, &c)
		if err := CheckPointLockOffer(bad, kp, s); err == nil {
			rt.Fatal("wrong c accepted")
		}
		var inf bn254.G1Affine
		if err := CheckPointLockOffer(c, inf, s); err == nil {
			rt.Fatal("K at infinity accepted")
		}
		// S at infinity with c = k satisfies c·G = K + S: only the infinity check stops it.
		if err := CheckPointLockOffer(k, kp, inf); !errors.Is(err, ErrInfinity) {
			rt.Fatalf("S at infinity: %v", err)
		}
	})
}
