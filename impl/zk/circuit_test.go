package zk

import (
	"crypto/sha256"
	"flag"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/logger"
	"github.com/consensys/gnark/std/math/bits"
	"github.com/consensys/gnark/std/math/emulated"
	"github.com/consensys/gnark/test"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/podnet/podnet/impl/firmware"
)

func TestMain(m *testing.M) {
	logger.Disable() // gnark logs every compile/setup/prove to stdout
	flag.Parse()
	// Each rapid check solves both circuits (SHA-256 and an emulated scalar
	// multiplication): keep the package under a minute unless asked for more.
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "rapid.checks" })
	if !set {
		if err := flag.Set("rapid.checks", "12"); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}

var tiny = firmware.Classes()[0] // 64B: one sponge block

// fileFixture is one encoded file, a key and everything both circuits need.
type fileFixture struct {
	key fr.Element
	pt  []fr.Element
	ct  []fr.Element
	uid fr.Element
	cth fr.Element
}

func newFixture(t require.TestingT, img []byte, key fr.Element) fileFixture {
	pt, err := firmware.Encode(img, tiny)
	require.NoError(t, err)
	ct := firmware.Encrypt(key, pt)
	return fileFixture{
		key: key, pt: pt, ct: ct,
		uid: firmware.UpdateIDElement(pt),
		cth: firmware.CiphertextHashElement(ct),
	}
}

func (f fileFixture) hashLock() *HashLockCircuit {
	hi, lo := sHalves(HashLockS(f.key))
	return &HashLockCircuit{SHi: hi, SLo: lo, UID: elemVar(f.uid), CtHash: elemVar(f.cth), R: elemVar(f.key), Ct: toVars(f.ct)}
}

func pointOf(k fr.Element) bn254.G1Affine {
	var kb big.Int
	k.BigInt(&kb)
	_, _, g, _ := bn254.Generators()
	var p bn254.G1Affine
	p.ScalarMultiplication(&g, &kb)
	return p
}

func (f fileFixture) pointLock() *PointLockCircuit {
	K := pointOf(f.key)
	c := &PointLockCircuit{UID: elemVar(f.uid), CtHash: elemVar(f.cth), Key: elemVar(f.key), Ct: toVars(f.ct)}
	c.K.X = emulated.ValueOf[emulated.BN254Fp](K.X)
	c.K.Y = emulated.ValueOf[emulated.BN254Fp](K.Y)
	return c
}

func emptyCircuit(m Mode) frontend.Circuit {
	c, err := circuitFor(m, tiny)
	if err != nil {
		panic(err)
	}
	return c
}

func drawKey(t *rapid.T, label string) fr.Element {
	b := rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(t, label)
	var k fr.Element
	k.SetBytes(b)
	if k.IsZero() {
		k.SetOne()
	}
	return k
}

// TestCircuitAgreesWithNative: for random files and keys, the assignment built
// from the native Encrypt/UpdateID/CiphertextHash/SHA-256/k·G satisfies both
// circuits (the circuit computes the same functions bit for bit).
func TestCircuitAgreesWithNative(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		img := rapid.SliceOfN(rapid.Byte(), 0, tiny.Bytes).Draw(t, "img")
		f := newFixture(t, img, drawKey(t, "key"))
		if err := test.IsSolved(emptyCircuit(HashLock), f.hashLock(), ecc.BN254.ScalarField()); err != nil {
			t.Fatalf("hash lock: %v", err)
		}
		if err := test.IsSolved(emptyCircuit(PointLock), f.pointLock(), ecc.BN254.ScalarField()); err != nil {
			t.Fatalf("point lock: %v", err)
		}
	})
}

// TestCircuitRejects: every part of each statement is enforced.
func TestCircuitRejects(t *testing.T) {
	var key fr.Element
	key.SetUint64(123456789)
	f := newFixture(t, []byte("podnet: a tiny firmware image for the tests"), key)
	one := new(fr.Element).SetOne()
	var otherKey fr.Element
	otherKey.Add(&key, one)
	g := newFixture(t, []byte("podnet: another firmware image"), key)

	hashCases := []struct {
		name   string
		mutate func(*HashLockCircuit)
	}{
		{"wrong key", func(c *HashLockCircuit) { c.R = elemVar(otherKey) }},
		{"flipped ciphertext element", func(c *HashLockCircuit) {
			var v fr.Element
			v.Add(&f.ct[3], one)
			c.Ct[3] = elemVar(v)
		}},
		{"wrong U_id", func(c *HashLockCircuit) { c.UID = elemVar(g.uid) }},
		{"wrong ciphertext hash", func(c *HashLockCircuit) { c.CtHash = elemVar(g.cth) }},
		{"wrong s high half", func(c *HashLockCircuit) { c.SHi = new(big.Int).Add(c.SHi.(*big.Int), big.NewInt(1)) }},
		{"wrong s low half", func(c *HashLockCircuit) { c.SLo = new(big.Int).Add(c.SLo.(*big.Int), big.NewInt(1)) }},
		{"s of another key", func(c *HashLockCircuit) {
			hi, lo := sHalves(HashLockS(otherKey))
			c.SHi, c.SLo = hi, lo
		}},
		{"ciphertext of another file", func(c *HashLockCircuit) { c.Ct = toVars(g.ct) }},
	}
	require.NoError(t, test.IsSolved(emptyCircuit(HashLock), f.hashLock(), ecc.BN254.ScalarField()))
	for _, tc := range hashCases {
		t.Run("hashlock/"+tc.name, func(t *testing.T) {
			a := f.hashLock()
			tc.mutate(a)
			require.Error(t, test.IsSolved(emptyCircuit(HashLock), a, ecc.BN254.ScalarField()))
		})
	}

	otherK := pointOf(otherKey)
	pointCases := []struct {
		name   string
		mutate func(*PointLockCircuit)
	}{
		{"wrong key", func(c *PointLockCircuit) { c.Key = elemVar(otherKey) }},
		{"flipped ciphertext element", func(c *PointLockCircuit) {
			var v fr.Element
			v.Add(&f.ct[0], one)
			c.Ct[0] = elemVar(v)
		}},
		{"wrong U_id", func(c *PointLockCircuit) { c.UID = elemVar(g.uid) }},
		{"wrong ciphertext hash", func(c *PointLockCircuit) { c.CtHash = elemVar(g.cth) }},
		{"wrong K", func(c *PointLockCircuit) {
			c.K.X = emulated.ValueOf[emulated.BN254Fp](otherK.X)
			c.K.Y = emulated.ValueOf[emulated.BN254Fp](otherK.Y)
		}},
		{"K negated", func(c *PointLockCircuit) {
			var n bn254.G1Affine
			K := pointOf(key)
			n.Neg(&K)
			c.K.Y = emulated.ValueOf[emulated.BN254Fp](n.Y)
		}},
	}
	require.NoError(t, test.IsSolved(emptyCircuit(PointLock), f.pointLock(), ecc.BN254.ScalarField()))
	for _, tc := range pointCases {
		t.Run("pointlock/"+tc.name, func(t *testing.T) {
			a := f.pointLock()
			tc.mutate(a)
			require.Error(t, test.IsSolved(emptyCircuit(PointLock), a, ecc.BN254.ScalarField()))
		})
	}
}

// TestHashLockRejectsNonCanonicalR: a prover that decomposes r into the bits
// of r + n (also below 2^256, hence another 32-byte string with another
// SHA-256) is caught by the reducedness check of the decomposition.
func TestHashLockRejectsNonCanonicalR(t *testing.T) {
	cs, err := Compile(HashLock, tiny)
	require.NoError(t, err)
	var r fr.Element
	r.SetUint64(987654321)
	f := newFixture(t, []byte("canonical r"), r)
	var rb big.Int
	r.BigInt(&rb)
	rPlusN := new(big.Int).Add(&rb, fr.Modulus())

	var nBits solver.Hint
	for _, h := range bits.GetHints() {
		if strings.HasSuffix(solver.GetHintName(h), ".nBits") {
			nBits = h
		}
	}
	require.NotNil(t, nBits, "gnark's bit-decomposition hint not found")
	// the malicious hint: the 254 bits of r + n (which fits in 254 bits for a
	// small r) for r's full-width decomposition; Σ bits·2^i = r + n ≡ r.
	require.Less(t, rPlusN.BitLen(), 255)
	evil := func(field *big.Int, in, out []*big.Int) error {
		v := in[0]
		if len(out) == 254 && v.Cmp(&rb) == 0 {
			v = rPlusN
		}
		for i := range out {
			out[i].SetUint64(uint64(v.Bit(i)))
		}
		return nil
	}

	a := f.hashLock()
	rn := rPlusN.FillBytes(make([]byte, 32))
	sum := sha256.Sum256(rn)
	a.SHi, a.SLo = sHalves(sum)
	w, err := frontend.NewWitness(a, ecc.BN254.ScalarField())
	require.NoError(t, err)
	err = cs.IsSolved(w, solver.OverrideHint(solver.GetHintID(nBits), evil))
	require.Error(t, err, "non-canonical r accepted")

	// control: the honest witness solves with the honest hint passed the same way
	w, err = frontend.NewWitness(f.hashLock(), ecc.BN254.ScalarField())
	require.NoError(t, err)
	require.NoError(t, cs.IsSolved(w, solver.OverrideHint(solver.GetHintID(nBits), nBits)))
}

func TestCompileRejects(t *testing.T) {
	tests := []struct {
		name    string
		mode    Mode
		class   firmware.Class
		wantErr error
	}{
		{"unknown mode", Mode(9), tiny, ErrUnknownMode},
		{"class not in the table", HashLock, firmware.Class{Name: "100B", Bytes: 100}, firmware.ErrUnknownClass},
		{"name and size disagree", PointLock, firmware.Class{Name: "64B", Bytes: 128}, firmware.ErrUnknownClass},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile(tc.mode, tc.class)
			require.ErrorIs(t, err, tc.wantErr)
		})
	}
	for _, m := range Modes() {
		got, err := ParseMode(m.String())
		require.NoError(t, err)
		require.Equal(t, m, got)
	}
	_, err := ParseMode("xorlock")
	require.ErrorIs(t, err, ErrUnknownMode)
}

// TestPublicInputLayout pins the public-input vectors of spec/suite.md §4:
// hash lock (s[0:16], s[16:32], U_id, CtHash); point lock (K.x and K.y as four
// 64-bit limbs each, least significant first, then U_id, CtHash).
func TestPublicInputLayout(t *testing.T) {
	var key fr.Element
	key.SetUint64(77)
	f := newFixture(t, []byte("layout"), key)
	word := func(b []byte) fr.Element {
		var e fr.Element
		e.SetBytes(b)
		return e
	}

	w, err := frontend.NewWitness(f.hashLock(), ecc.BN254.ScalarField(), frontend.PublicOnly())
	require.NoError(t, err)
	vec, ok := w.Vector().(fr.Vector)
	require.True(t, ok)
	s := HashLockS(key)
	require.Equal(t, fr.Vector{word(s[:16]), word(s[16:]), f.uid, f.cth}, vec)

	w, err = frontend.NewWitness(f.pointLock(), ecc.BN254.ScalarField(), frontend.PublicOnly())
	require.NoError(t, err)
	vec, ok = w.Vector().(fr.Vector)
	require.True(t, ok)
	K := pointOf(key)
	x, y := K.X.Bytes(), K.Y.Bytes()
	var want fr.Vector
	for _, c := range [][32]byte{x, y} {
		for i := 3; i >= 0; i-- { // last 8-byte word first
			want = append(want, word(c[8*i:8*i+8]))
		}
	}
	want = append(want, f.uid, f.cth)
	require.Equal(t, want, vec)
}
