package fuzz

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/zk"
)

// ZKFixture is a real Groth16 statement of each mode for the 64B size class: verifying
// keys, one proof per mode and the public values they prove. The zk targets use it to
// check that no mutated proof or key verifies. It is produced by GenerateZKFixture on first
// use and cached outside the repository (CachedZKFixture): nothing a setup produces is
// committed (a setup and a proof take seconds, too slow to repeat in every fuzz worker).
type ZKFixture struct {
	// HashVK and PointVK are the canonical verifying-key bytes of both modes.
	HashVK, PointVK []byte
	// HashProof and PointProof are the canonical proof bytes.
	HashProof, PointProof []byte
	// S is the hash lock of the paper-mode proof, K the key commitment of the point-lock one.
	S [32]byte
	K bn254.G1Affine
	// HashUID, HashCt, PointUID and PointCt are U_id and the ciphertext of each proof.
	HashUID, PointUID [32]byte
	HashCt, PointCt   []fr.Element
}

// The files of a fixture under its directory.
const (
	zkHashVK     = "hashlock_64B.vk"
	zkPointVK    = "pointlock_64B.vk"
	zkHashProof  = "hashlock_64B.proof"
	zkPointProof = "pointlock_64B.proof"
	zkHashStmt   = "hashlock_64B.statement"  // s || U_id || ciphertext (32 bytes each)
	zkPointStmt  = "pointlock_64B.statement" // K (64) || U_id || ciphertext
)

// fixtureImage is the image both fixture proofs encrypt.
var fixtureImage = []byte("podnet fuzz fixture image")

// GenerateZKFixture runs a fresh setup of both circuits for the 64B class, proves the
// fixture image in each mode and writes the fixture files into dir.
func GenerateZKFixture(dir string) error {
	class, err := firmware.ClassByName("64B")
	if err != nil {
		return err
	}
	pt, err := firmware.Encode(fixtureImage, class)
	if err != nil {
		return err
	}
	var key fr.Element
	key.SetUint64(0x706f646e6574)
	files := map[string][]byte{}
	for _, m := range zk.Modes() {
		keys, err := zk.Setup(m, class)
		if err != nil {
			return err
		}
		vk, err := keys.VK.MarshalBinary()
		if err != nil {
			return err
		}
		var proof *zk.Proof
		var stmt []byte
		if m == zk.HashLock {
			res, err := zk.ProveHashLock(keys.PK, key, pt)
			if err != nil {
				return err
			}
			proof = res.Proof
			stmt = append(append(stmt, res.S[:]...), res.UID[:]...)
			stmt = appendElems(stmt, res.Ct)
			files[zkHashVK] = vk
		} else {
			res, err := zk.ProvePointLock(keys.PK, key, pt)
			if err != nil {
				return err
			}
			proof = res.Proof
			kb := res.K.RawBytes()
			stmt = append(append(stmt, kb[:]...), res.UID[:]...)
			stmt = appendElems(stmt, res.Ct)
			files[zkPointVK] = vk
		}
		pb, err := proof.MarshalBinary()
		if err != nil {
			return err
		}
		if m == zk.HashLock {
			files[zkHashProof], files[zkHashStmt] = pb, stmt
		} else {
			files[zkPointProof], files[zkPointStmt] = pb, stmt
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func appendElems(b []byte, es []fr.Element) []byte {
	for _, e := range es {
		eb := e.Bytes()
		b = append(b, eb[:]...)
	}
	return b
}

// LoadZKFixture reads the fixture written by GenerateZKFixture and checks that both
// proofs verify.
func LoadZKFixture(dir string) (*ZKFixture, error) {
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) }
	f := &ZKFixture{}
	var err error
	for _, x := range []struct {
		name string
		dst  *[]byte
	}{{zkHashVK, &f.HashVK}, {zkPointVK, &f.PointVK}, {zkHashProof, &f.HashProof}, {zkPointProof, &f.PointProof}} {
		if *x.dst, err = read(x.name); err != nil {
			return nil, err
		}
	}
	hs, err := read(zkHashStmt)
	if err != nil {
		return nil, err
	}
	ps, err := read(zkPointStmt)
	if err != nil {
		return nil, err
	}
	if len(hs) < 64 || len(hs)%32 != 0 || len(ps) < 96 || len(ps)%32 != 0 {
		return nil, errors.New("fuzz: bad zk fixture statement")
	}
	copy(f.S[:], hs)
	copy(f.HashUID[:], hs[32:])
	f.HashCt = readElems(hs[64:])
	// RawBytes is the uncompressed encoding; SetBytes reads it back.
	if _, err := f.K.SetBytes(ps[:64]); err != nil {
		return nil, fmt.Errorf("fuzz: zk fixture K: %w", err)
	}
	copy(f.PointUID[:], ps[64:])
	f.PointCt = readElems(ps[96:])
	for _, m := range zk.Modes() {
		if err := f.verify(m, f.vkBytes(m), f.proofBytes(m)); err != nil {
			return nil, fmt.Errorf("fuzz: zk fixture %s does not verify (regenerate it): %w", m, err)
		}
	}
	return f, nil
}

func readElems(b []byte) []fr.Element {
	out := make([]fr.Element, len(b)/32)
	for i := range out {
		out[i].SetBytes(b[32*i : 32*i+32])
	}
	return out
}

func (f *ZKFixture) vkBytes(m zk.Mode) []byte {
	if m == zk.HashLock {
		return f.HashVK
	}
	return f.PointVK
}

func (f *ZKFixture) proofBytes(m zk.Mode) []byte {
	if m == zk.HashLock {
		return f.HashProof
	}
	return f.PointProof
}

// verify parses vk and proof and verifies the proof for the fixture statement of mode m.
func (f *ZKFixture) verify(m zk.Mode, vkb, pb []byte) error {
	vk, err := zk.ParseVerifyingKey(vkb)
	if err != nil {
		return err
	}
	p, err := zk.ParseProof(pb)
	if err != nil {
		return err
	}
	if m == zk.HashLock {
		return zk.VerifyHashLock(vk, f.S, f.HashUID, f.HashCt, p)
	}
	return zk.VerifyPointLock(vk, f.K, f.PointUID, f.PointCt, p)
}

// zkVerifyErrors are the errors zk.Verify* may return.
var zkVerifyErrors = []error{zk.ErrVerify, zk.ErrBadInput, zk.ErrBadKey, zk.ErrBadProof}

// ZKProof checks zk.ParseProof on b: a rejection wraps ErrBadProof; an accepted b is
// canonical (MarshalBinary gives b back) and, unless b is the fixture's proof of mode m
// (data[0] selects the mode), it does not verify for the fixture statement of m
// (Verify* fails with ErrVerify, never with an untyped error).
func (f *ZKFixture) ZKProof(data []byte) error {
	if len(data) == 0 {
		return nil
	}
	m := zk.Mode(data[0] & 1)
	b := data[1:]
	p, err := zk.ParseProof(b)
	if err != nil {
		if !errors.Is(err, zk.ErrBadProof) {
			return violated("ParseProof: untyped error %v", err)
		}
		return nil
	}
	again, err := p.MarshalBinary()
	if err != nil {
		return violated("parsed proof does not marshal: %v", err)
	}
	canonical := bytes.Equal(again, b)
	verr := f.verify(m, f.vkBytes(m), b)
	if verr != nil {
		return exactlyOne("Verify", verr, zkVerifyErrors)
	}
	if !bytes.Equal(b, f.proofBytes(m)) {
		if !canonical {
			return violated("a non-canonical encoding %x of the %s fixture proof verifies (re-encodes to %x)", b, m, again)
		}
		return violated("a mutated %s proof verifies: %x", m, b)
	}
	if !canonical {
		return violated("ParseProof accepted a non-canonical encoding: %x re-encodes to %x", b, again)
	}
	return nil
}

// ZKVerifyingKey checks zk.ParseVerifyingKey on b: a rejection wraps ErrBadKey; an
// accepted key re-encodes to b and its VKHash is SHA-256(b); unless b is the fixture's
// key of mode m (data[0]), the fixture proof of m does not verify under it.
func (f *ZKFixture) ZKVerifyingKey(data []byte) error {
	if len(data) == 0 {
		return nil
	}
	m := zk.Mode(data[0] & 1)
	b := data[1:]
	vk, err := zk.ParseVerifyingKey(b)
	if err != nil {
		if !errors.Is(err, zk.ErrBadKey) {
			return violated("ParseVerifyingKey: untyped error %v", err)
		}
		return nil
	}
	again, err := vk.MarshalBinary()
	if err != nil || !bytes.Equal(again, b) {
		return violated("accepted verifying key re-encodes to %x (%v), input %x", again, err, b)
	}
	if vk.Mode != zk.HashLock && vk.Mode != zk.PointLock {
		return violated("accepted verifying key of mode %d", vk.Mode)
	}
	if _, err := firmware.ClassByName(vk.Class.Name); err != nil {
		return violated("accepted verifying key of unknown class %+v", vk.Class)
	}
	verr := f.verify(m, b, f.proofBytes(m))
	if verr != nil {
		return exactlyOne("Verify", verr, zkVerifyErrors)
	}
	if !sameVerifyingRelation(b, f.vkBytes(m)) {
		return violated("the %s fixture proof verifies under another key: %x", m, b)
	}
	return nil
}

// vkUnusedG1 are the byte ranges of [β]₁ and [δ]₁ in an encoded verifying key (13-byte
// header, then [α]₁ [β]₁ [β]₂ [γ]₂ [δ]₁ [δ]₂ compressed). Groth16 verification never reads
// them (it pairs with [β]₂ and [δ]₂), so a key that differs only there verifies the same
// proofs; the manifest's VKHash, which covers every byte, is what rejects such a key.
var vkUnusedG1 = [][2]int{{13 + 32, 13 + 64}, {13 + 192, 13 + 224}}

// sameVerifyingRelation reports whether verifying keys a and b differ at most in the
// components the verifier does not read.
func sameVerifyingRelation(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		unused := false
		for _, r := range vkUnusedG1 {
			if i >= r[0] && i < r[1] {
				unused = true
			}
		}
		if !unused {
			return false
		}
	}
	return true
}

// CachedZKFixture returns the fixture cached in $PODNET_ZK_FIXTURE, or else in the user's
// cache directory (podnet/fuzz-zk), running GenerateZKFixture first when the cache is
// missing or no longer verifies (after a change of the circuits or of the serialisation).
// A fixture is written to a fresh directory and renamed into place, so concurrent fuzz
// workers never read a half-written one.
func CachedZKFixture() (*ZKFixture, error) {
	dir := os.Getenv("PODNET_ZK_FIXTURE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		dir = filepath.Join(base, "podnet", "fuzz-zk")
	}
	if f, err := LoadZKFixture(dir); err == nil {
		return f, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("fuzz: zk fixture cache: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".fuzz-zk-*")
	if err != nil {
		return nil, fmt.Errorf("fuzz: zk fixture cache: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := GenerateZKFixture(tmp); err != nil {
		return nil, err
	}
	// Replace a stale fixture; if another worker renamed its own into place first, use it.
	if _, err := LoadZKFixture(dir); err != nil {
		_ = os.RemoveAll(dir)
		if err := os.Rename(tmp, dir); err != nil {
			return LoadZKFixture(tmp)
		}
	}
	return LoadZKFixture(dir)
}
