package party

import (
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/wire"
	"github.com/podnet/podnet/impl/zk"
)

const testChain = 1337

// offerFixture builds a real offer of lock type lt for a package of a fresh vendor.
type offerFixture struct {
	vendorKey []byte
	pkg       *Package
	bid       BidInfo
	offer     *wire.Offer
	vk        *zk.VerifyingKey
	keys      KeySet
	r         *big.Int
	k         fr.Element
}

func newOfferFixture(t *testing.T, lt suite.LockType) *offerFixture {
	t.Helper()
	keys := testKeys(t)
	vkey, err := crypto.GenerateKey()
	require.NoError(t, err)
	image := make([]byte, 33)
	_, _ = rand.Read(image)
	pkg, err := BuildPackage(vkey, testChain, 5, image, keys)
	require.NoError(t, err)
	elems, err := pkg.Elements()
	require.NoError(t, err)
	var tb [32]byte
	_, _ = rand.Read(tb[:])
	r, err := suite.DeriveR(crypto.PubkeyToAddress(vkey.PublicKey), tb)
	require.NoError(t, err)
	rs := suite.RScalar(r)
	f := &offerFixture{pkg: pkg, keys: keys, r: r, bid: BidInfo{UpdateID: pkg.Index.Manifest.Manifest.UpdateID, LockType: lt}}
	f.offer = &wire.Offer{LockType: lt, Manifest: pkg.Index.Manifest}
	switch lt {
	case suite.LockHash:
		res, err := zk.ProveHashLock(keys[zk.HashLock].PK, rs, elems)
		require.NoError(t, err)
		f.offer.HashLock, f.offer.Ciphertext = res.S, res.Ct
		f.offer.Proof, err = res.Proof.MarshalBinary()
		require.NoError(t, err)
		f.vk = keys[zk.HashLock].VK
	case suite.LockPoint:
		f.k.SetUint64(0)
		for f.k.IsZero() {
			_, _ = f.k.SetRandom()
		}
		res, err := zk.ProvePointLock(keys[zk.PointLock].PK, f.k, elems)
		require.NoError(t, err)
		f.offer.K, f.offer.Ciphertext = res.K, res.Ct
		f.offer.S = suite.PointLockPoint(r)
		f.offer.C.Add(&f.k, &rs)
		f.offer.Proof, err = res.Proof.MarshalBinary()
		require.NoError(t, err)
		f.vk = keys[zk.PointLock].VK
	}
	return f
}

func (f *offerFixture) vendor() [20]byte { return f.pkg.Index.Manifest.Manifest.Vendor }

// clone returns a deep enough copy of the offer to mutate.
func cloneOffer(o *wire.Offer) *wire.Offer {
	c := *o
	c.Ciphertext = append([]fr.Element(nil), o.Ciphertext...)
	c.Proof = append([]byte(nil), o.Proof...)
	return &c
}

// Every check of Device_Check (CheckOffer) rejects its own defect with its own error,
// and the untouched offer passes.
func TestCheckOffer(t *testing.T) {
	for _, lt := range []suite.LockType{suite.LockHash, suite.LockPoint} {
		f := newOfferFixture(t, lt)
		other := newOfferFixture(t, 1-lt) // keys of the other mode
		otherKey, err := crypto.GenerateKey()
		require.NoError(t, err)
		resign := func(o *wire.Offer, edit func(*suite.Manifest)) {
			edit(&o.Manifest.Manifest)
			sig, err := suite.Sign(otherKey, suite.ManifestDigest(o.Manifest.Manifest))
			require.NoError(t, err)
			o.Manifest.Signature = sig
		}
		one := new(fr.Element).SetOne()
		tests := []struct {
			name      string
			mutate    func(o *wire.Offer, bid *BidInfo, installed *uint64, vk **zk.VerifyingKey)
			want      error
			onlyPoint bool
		}{
			{"honest offer passes", func(*wire.Offer, *BidInfo, *uint64, **zk.VerifyingKey) {}, nil, false},
			{"manifest signed by another key", func(o *wire.Offer, _ *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				resign(o, func(*suite.Manifest) {})
			}, ErrManifest, false},
			{"manifest of another vendor", func(o *wire.Offer, _ *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				resign(o, func(m *suite.Manifest) { m.Vendor = crypto.PubkeyToAddress(otherKey.PublicKey) })
			}, ErrManifest, false},
			{"manifest for another chain", func(o *wire.Offer, _ *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				o.Manifest.Manifest.ChainID = 7
			}, ErrManifest, false},
			{"bid is for another update", func(_ *wire.Offer, b *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				b.UpdateID[0] ^= 1
			}, ErrManifest, false},
			{"rollback: same version", func(_ *wire.Offer, _ *BidInfo, in *uint64, _ **zk.VerifyingKey) { *in = 5 }, ErrRollback, false},
			{"rollback: older version", func(_ *wire.Offer, _ *BidInfo, in *uint64, _ **zk.VerifyingKey) { *in = 9 }, ErrRollback, false},
			{"lock type differs from the bid", func(_ *wire.Offer, b *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				b.LockType = 1 - b.LockType
			}, ErrLock, false},
			{"verifying key of the other mode", func(_ *wire.Offer, _ *BidInfo, _ *uint64, vk **zk.VerifyingKey) {
				*vk = other.vk
			}, ErrVerifyingKey, false},
			{"no verifying key", func(_ *wire.Offer, _ *BidInfo, _ *uint64, vk **zk.VerifyingKey) { *vk = nil }, ErrVerifyingKey, false},
			{"ciphertext not the proven one", func(o *wire.Offer, _ *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				o.Ciphertext[0].Add(&o.Ciphertext[0], one)
			}, ErrProof, false},
			{"garbage proof", func(o *wire.Offer, _ *BidInfo, _ *uint64, _ **zk.VerifyingKey) { o.Proof = []byte{1, 2, 3} }, ErrProof, false},
			{"hash lock not the proven one", func(o *wire.Offer, _ *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				if o.LockType == suite.LockHash {
					o.HashLock[0] ^= 1
				} else {
					o.C.Add(&o.C, one) // c·G ≠ K + S
				}
			}, nil, false},
			{"S of another r (c·G ≠ K + S)", func(o *wire.Offer, _ *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				o.S = suite.PointLockPoint(big.NewInt(42))
			}, ErrLock, true},
			{"K of another key with consistent c", func(o *wire.Offer, _ *BidInfo, _ *uint64, _ **zk.VerifyingKey) {
				// c' = k' + r and K' = k'·G: the lock relation holds, the proof (about K) fails.
				var k2 fr.Element
				k2.SetUint64(777)
				o.K = suite.PointLockPoint(k2.BigInt(new(big.Int)))
				rs := suite.RScalar(f.r)
				o.C.Add(&k2, &rs)
			}, ErrProof, true},
		}
		for _, tc := range tests {
			if tc.onlyPoint && lt != suite.LockPoint {
				continue
			}
			t.Run(lt.String()+"/"+tc.name, func(t *testing.T) {
				o := cloneOffer(f.offer)
				bid := f.bid
				installed := uint64(1)
				vk := f.vk
				tc.mutate(o, &bid, &installed, &vk)
				err := CheckOffer(testChain, f.vendor(), bid, installed, o, vk)
				want := tc.want
				if tc.name == "hash lock not the proven one" {
					want = ErrProof
					if lt == suite.LockPoint {
						want = ErrLock
					}
				}
				if want == nil {
					require.NoError(t, err)
					return
				}
				require.ErrorIs(t, err, want)
			})
		}
	}
}

// openPending (Device_Install, Hub_Install) opens the honest offer with the revealed r and
// refuses an r that does not open the lock.
func TestOpenPending(t *testing.T) {
	for _, lt := range []suite.LockType{suite.LockHash, suite.LockPoint} {
		t.Run(lt.String(), func(t *testing.T) {
			f := newOfferFixture(t, lt)
			pe := &PendingExchange{LockType: uint8(lt), Lock: f.offer.Lock(), Manifest: f.offer.Manifest.Manifest}
			for _, c := range f.offer.Ciphertext {
				pe.Ciphertext = append(pe.Ciphertext, c.Bytes())
			}
			if lt == suite.LockPoint {
				pe.C, pe.S, pe.K = suite.EncodeScalar(f.offer.C), suite.EncodeG1(f.offer.S), suite.EncodeG1(f.offer.K)
			}
			img, err := openPending(pe, f.r)
			require.NoError(t, err)
			require.Equal(t, f.pkg.Image(), img)

			_, err = openPending(pe, new(big.Int).Add(f.r, big.NewInt(1)))
			require.ErrorIs(t, err, ErrLock)

			bad := *pe
			bad.Manifest.ImageSHA256[0] ^= 1
			_, err = openPending(&bad, f.r)
			require.ErrorIs(t, err, ErrImageHash)

			bad = *pe
			bad.Manifest.UpdateID[0] ^= 1
			_, err = openPending(&bad, f.r)
			require.ErrorIs(t, err, ErrUpdateID)
		})
	}
}
