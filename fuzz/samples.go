package fuzz

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/wire"
)

// testKey is a deterministic secp256k1 key of this package's fixtures (public: never use
// it outside tests).
func testKey(label string) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("podnet/fuzz/key/" + label)))
	if err != nil {
		panic(err) // a keccak output is a valid scalar with overwhelming probability
	}
	return k
}

// vendorKey signs the manifests of the fixtures.
var vendorKey = testKey("vendor")

// SignedManifestFor signs m with key (setting m.Vendor to the key's address).
func SignedManifestFor(key *ecdsa.PrivateKey, m suite.Manifest) (wire.SignedManifest, error) {
	m.Vendor = crypto.PubkeyToAddress(key.PublicKey)
	sig, err := suite.Sign(key, suite.ManifestDigest(m))
	if err != nil {
		return wire.SignedManifest{}, err
	}
	return wire.SignedManifest{Manifest: m, Signature: sig}, nil
}

// PackageIndexFor returns the package index of a manifest whose components carry the
// manifest's hashes (a consistent index that Verify accepts).
func PackageIndexFor(sm wire.SignedManifest, pkHash, pkPointHash [32]byte) *wire.PackageIndex {
	m := sm.Manifest
	return &wire.PackageIndex{Manifest: sm, Components: []wire.Component{
		{Kind: wire.ComponentImage, Hash: m.ImageSHA256, Length: m.ImageLength},
		{Kind: wire.ComponentProvingKeyHashlock, Hash: pkHash, Length: 1 << 20},
		{Kind: wire.ComponentProvingKeyPointlock, Hash: pkPointHash, Length: 3 << 20},
		{Kind: wire.ComponentVerifyingKeyHashlock, Hash: m.VKHashHashlock, Length: 600},
		{Kind: wire.ComponentVerifyingKeyPointlock, Hash: m.VKHashPointlock, Length: 900},
	}}
}

func h(label string) [32]byte { return sha256.Sum256([]byte(label)) }

func addr(label string) common.Address {
	x := h(label)
	return common.BytesToAddress(x[:20])
}

// SampleMessages returns one valid message of every type and variant (both lock types of
// an Offer, both purposes of a HubSignRequest), with a correctly signed manifest.
func SampleMessages() ([]wire.Message, error) {
	sm, err := SignedManifestFor(vendorKey, suite.Manifest{
		ChainID: 1337, FwVersion: 7, UpdateID: h("uid"), ImageSHA256: h("image"), ImageLength: 40,
		SizeClass: 64, VKHashHashlock: h("vk0"), VKHashPointlock: h("vk1"),
	})
	if err != nil {
		return nil, err
	}
	dev := addr("device")
	bid := addr("bid")
	dist := addr("dist")
	sig, err := suite.Sign(testKey("device"), h("digest"))
	if err != nil {
		return nil, err
	}
	ct := make([]fr.Element, 15)
	for i := range ct {
		ct[i].SetUint64(uint64(i*i + 1))
	}
	r, err := suite.DeriveR(dist, h("t"))
	if err != nil {
		return nil, err
	}
	var k, c fr.Element
	k.SetUint64(12345)
	rs := suite.RScalar(r)
	c.Add(&k, &rs)
	var K = suite.PointLockPoint(k.BigInt(new(big.Int)))
	hashOffer := &wire.Offer{LockType: suite.LockHash, HashLock: suite.HashLock(r), Ciphertext: ct, Proof: []byte{1, 2, 3}, Manifest: sm}
	pointOffer := &wire.Offer{LockType: suite.LockPoint, S: suite.PointLockPoint(r), K: K, C: c, Ciphertext: ct, Proof: make([]byte, 128), Manifest: sm}
	msgs := []wire.Message{
		&wire.UpdateRequest{Bid: bid, UpdateID: h("uid"), Device: dev},
		&wire.Challenge{Nonce: h("nonce"), Distributor: dist},
		&wire.ChallengeResponse{Device: dev, FleetIndex: 5, FleetProof: [][32]byte{h("a"), h("b"), h("c")}, Signature: sig},
		hashOffer,
		pointOffer,
		&wire.Delivery{Signature: sig},
		&wire.Error{Code: wire.CodeNotInFleet, Text: "not in fleet: ünïcode"},
		PackageIndexFor(sm, h("pk0"), h("pk1")),
		&wire.BlobRequest{Hash: h("blob"), Offset: 4096, Length: 65536},
		&wire.BlobChunk{Hash: h("blob"), Offset: 4096, Data: []byte("chunk data")},
		&wire.HubSignRequest{ChainID: 1337, Bid: bid, Purpose: wire.PurposeChallenge, Nonce: h("nonce"), Distributor: dist},
		&wire.HubSignRequest{ChainID: 1337, Bid: bid, Purpose: wire.PurposeDelivery, UpdateID: h("uid"), LockType: suite.LockPoint, Lock: h("lock"), FwVersion: 7, Verified: true},
		&wire.HubSignResponse{Device: dev, Signature: sig},
		&wire.HubInstall{UpdateID: h("uid"), FwVersion: 7, Image: []byte("firmware image")},
	}
	for _, m := range msgs {
		if _, err := wire.Encode(m); err != nil {
			return nil, fmt.Errorf("fuzz: sample %s: %w", m.Type(), err)
		}
	}
	return msgs, nil
}
