package zk

import (
	"bytes"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/firmware"
)

// roundTripKeys writes and reads back both keys, checking VKHash is stable.
func roundTripKeys(t *testing.T, k *Keys) (*ProvingKey, *VerifyingKey) {
	t.Helper()
	var pkBuf bytes.Buffer
	n, err := k.PK.WriteTo(&pkBuf)
	require.NoError(t, err)
	require.Equal(t, int64(pkBuf.Len()), n)
	pk, err := ReadProvingKey(bytes.NewReader(pkBuf.Bytes()))
	require.NoError(t, err)
	require.Equal(t, k.PK.Mode, pk.Mode)
	require.Equal(t, k.PK.Class, pk.Class)

	require.Equal(t, nbPublic(k.VK.Mode), k.VK.vk.NbPublicWitness())
	vkBytes, err := k.VK.MarshalBinary()
	require.NoError(t, err)
	vk, err := ParseVerifyingKey(vkBytes)
	require.NoError(t, err)
	h1, err := VKHash(k.VK)
	require.NoError(t, err)
	h2, err := VKHash(vk)
	require.NoError(t, err)
	require.Equal(t, h1, h2)

	// malformed keys
	_, err = ParseVerifyingKey(vkBytes[:len(vkBytes)-1])
	require.ErrorIs(t, err, ErrBadKey)
	_, err = ParseVerifyingKey(append(append([]byte(nil), vkBytes...), 0))
	require.ErrorIs(t, err, ErrBadKey)
	bad := append([]byte(nil), vkBytes...)
	bad[0] ^= 1
	_, err = ParseVerifyingKey(bad)
	require.ErrorIs(t, err, ErrBadKey)
	bad = append([]byte(nil), vkBytes...)
	bad[8] = 7 // unknown mode
	_, err = ParseVerifyingKey(bad)
	require.ErrorIs(t, err, ErrBadKey)
	bad = append([]byte(nil), vkBytes...)
	bad[8] = byte(1 - k.VK.Mode) // the other mode's header: wrong public-input count
	_, err = ParseVerifyingKey(bad)
	require.ErrorIs(t, err, ErrBadKey)
	bad = append([]byte(nil), vkBytes...)
	bad[12] = 100 // capacity 100 bytes: no such class
	_, err = ParseVerifyingKey(bad)
	require.ErrorIs(t, err, ErrBadKey)
	_, err = ReadProvingKey(bytes.NewReader(pkBuf.Bytes()[:100]))
	require.ErrorIs(t, err, ErrBadKey)
	if k.PK.Mode == PointLock { // (once: reading a key costs seconds)
		// a proving key relabelled as the 1KiB circuit does not match it
		bad = append([]byte(nil), pkBuf.Bytes()...)
		bad[11], bad[12] = 0x04, 0x00 // capacity 1024
		_, err = ReadProvingKey(bytes.NewReader(bad))
		require.ErrorIs(t, err, ErrBadKey)
	}
	return pk, vk
}

func roundTripProof(t *testing.T, p *Proof) *Proof {
	t.Helper()
	b, err := p.MarshalBinary()
	require.NoError(t, err)
	q, err := ParseProof(b)
	require.NoError(t, err)
	_, err = ParseProof(b[:len(b)-1])
	require.ErrorIs(t, err, ErrBadProof)
	_, err = ParseProof(append(append([]byte(nil), b...), 0))
	require.ErrorIs(t, err, ErrBadProof)
	return q
}

func flipped(ct []fr.Element, i int) []fr.Element {
	out := append([]fr.Element(nil), ct...)
	out[i].Add(&out[i], new(fr.Element).SetOne())
	return out
}

func TestHashLockGroth16(t *testing.T) {
	t.Parallel()
	keys, err := Setup(HashLock, tiny)
	require.NoError(t, err)
	t.Logf("hashlock/%s: %d constraints", tiny.Name, keys.Constraints)
	pk, vk := roundTripKeys(t, keys)

	pt, err := firmware.Encode([]byte("hash-lock firmware"), tiny)
	require.NoError(t, err)
	var r, r2 fr.Element
	r.SetUint64(0xC0FFEE)
	r2.SetUint64(0xBEEF)
	res, err := ProveHashLock(pk, r, pt)
	require.NoError(t, err)
	require.Equal(t, firmware.UpdateID(pt), res.UID)
	require.Equal(t, pt, firmware.Decrypt(r, res.Ct))
	proof := roundTripProof(t, res.Proof)
	require.NoError(t, VerifyHashLock(vk, res.S, res.UID, res.Ct, proof))

	// a second proof for the same file under r2 (another device)
	res2, err := ProveHashLock(pk, r2, pt)
	require.NoError(t, err)
	otherPt, err := firmware.Encode([]byte("another firmware"), tiny)
	require.NoError(t, err)
	var badUID [32]byte
	badUID = firmware.UpdateID(otherPt)
	var nonCanonical [32]byte
	for i := range nonCanonical {
		nonCanonical[i] = 0xff
	}

	tests := []struct {
		name    string
		s, uid  [32]byte
		ct      []fr.Element
		proof   *Proof
		wantErr error
	}{
		{"wrong s", HashLockS(r2), res.UID, res.Ct, proof, ErrVerify},
		{"wrong U_id", res.S, badUID, res.Ct, proof, ErrVerify},
		{"flipped ciphertext element", res.S, res.UID, flipped(res.Ct, 2), proof, ErrVerify},
		{"proof replayed for another ciphertext", res2.S, res2.UID, res2.Ct, proof, ErrVerify},
		{"proof replayed with its s for another ciphertext", res.S, res.UID, res2.Ct, proof, ErrVerify},
		{"non-canonical U_id", res.S, nonCanonical, res.Ct, proof, ErrBadInput},
		{"short ciphertext", res.S, res.UID, res.Ct[:5], proof, ErrBadInput},
		{"nil proof", res.S, res.UID, res.Ct, nil, ErrBadProof},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, VerifyHashLock(vk, tc.s, tc.uid, tc.ct, tc.proof), tc.wantErr)
		})
	}
	require.NoError(t, VerifyHashLock(vk, res2.S, res2.UID, res2.Ct, res2.Proof))

	// the digest form: the same checks on a pre-hashed ciphertext
	digest, err := CiphertextDigest(vk, res.Ct)
	require.NoError(t, err)
	require.Equal(t, firmware.CiphertextHash(res.Ct), digest)
	require.NoError(t, VerifyHashLockDigest(vk, res.S, res.UID, digest, proof))
	require.ErrorIs(t, VerifyHashLockDigest(vk, res.S, res.UID, firmware.CiphertextHash(res2.Ct), proof), ErrVerify)
	require.ErrorIs(t, VerifyHashLockDigest(vk, res.S, res.UID, nonCanonical, proof), ErrBadInput)
	_, err = CiphertextDigest(nil, res.Ct)
	require.ErrorIs(t, err, ErrBadKey)

	// prover input checks
	var zero fr.Element
	_, err = ProveHashLock(pk, zero, pt)
	require.ErrorIs(t, err, ErrBadInput)
	_, err = ProveHashLock(pk, r, pt[:3])
	require.ErrorIs(t, err, ErrBadInput)
	// a witness that does not satisfy the circuit cannot be proven
	f := newFixture(t, []byte("x"), r)
	a := f.hashLock()
	a.UID = elemVar(firmware.UpdateIDElement(otherPt))
	_, err = pk.prove(a)
	require.ErrorIs(t, err, ErrProve)
}

func TestPointLockGroth16(t *testing.T) {
	t.Parallel()
	keys, err := Setup(PointLock, tiny)
	require.NoError(t, err)
	t.Logf("pointlock/%s: %d constraints", tiny.Name, keys.Constraints)
	pk, vk := roundTripKeys(t, keys)

	pt, err := firmware.Encode([]byte("point-lock firmware"), tiny)
	require.NoError(t, err)
	var k, k2 fr.Element
	k.SetUint64(42)
	k2.SetUint64(43)
	res, err := ProvePointLock(pk, k, pt)
	require.NoError(t, err)
	require.Equal(t, pointOf(k), res.K)
	require.Equal(t, pt, firmware.Decrypt(k, res.Ct))
	proof := roundTripProof(t, res.Proof)
	require.NoError(t, VerifyPointLock(vk, res.K, res.UID, res.Ct, proof))

	res2, err := ProvePointLock(pk, k2, pt)
	require.NoError(t, err)
	otherPt, err := firmware.Encode([]byte("another firmware"), tiny)
	require.NoError(t, err)
	badUID := firmware.UpdateID(otherPt)
	var inf bn254.G1Affine
	offCurve := res.K
	offCurve.Y.SetOne()

	tests := []struct {
		name    string
		K       bn254.G1Affine
		uid     [32]byte
		ct      []fr.Element
		proof   *Proof
		wantErr error
	}{
		{"wrong K", res2.K, res.UID, res.Ct, proof, ErrVerify},
		{"wrong U_id", res.K, badUID, res.Ct, proof, ErrVerify},
		{"flipped ciphertext element", res.K, res.UID, flipped(res.Ct, 14), proof, ErrVerify},
		{"proof replayed for another ciphertext", res2.K, res2.UID, res2.Ct, proof, ErrVerify},
		{"proof replayed with its K for another ciphertext", res.K, res.UID, res2.Ct, proof, ErrVerify},
		{"K at infinity", inf, res.UID, res.Ct, proof, ErrBadInput},
		{"K off the curve", offCurve, res.UID, res.Ct, proof, ErrBadInput},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, VerifyPointLock(vk, tc.K, tc.uid, tc.ct, tc.proof), tc.wantErr)
		})
	}

	digest, err := CiphertextDigest(vk, res.Ct)
	require.NoError(t, err)
	require.NoError(t, VerifyPointLockDigest(vk, res.K, res.UID, digest, proof))
	require.ErrorIs(t, VerifyPointLockDigest(vk, res.K, res.UID, firmware.CiphertextHash(res2.Ct), proof), ErrVerify)

	// keys of one mode are refused by the other mode's functions
	_, err = ProveHashLock(pk, k, pt)
	require.ErrorIs(t, err, ErrBadKey)
	require.ErrorIs(t, VerifyHashLock(vk, [32]byte{}, res.UID, res.Ct, proof), ErrBadKey)
}
