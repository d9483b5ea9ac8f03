package wire

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/suite"
)

// sampleMessages returns one valid, fully populated message of every type; the manifest
// is signed by a real key.
func sampleMessages() []Message {
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("vendor")))
	man := suite.Manifest{ChainID: 1337, Vendor: crypto.PubkeyToAddress(key.PublicKey), FwVersion: 3,
		UpdateID: [32]byte{0xaa}, ImageSHA256: [32]byte{0xbb}, ImageLength: 1000, SizeClass: 1024,
		VKHashHashlock: [32]byte{0xcc}, VKHashPointlock: [32]byte{0xdd}}
	sig, _ := suite.Sign(key, suite.ManifestDigest(man))
	sm := SignedManifest{Manifest: man, Signature: sig}
	bid := common.HexToAddress("0x00000000000000000000000000000000000000b1")
	dev := common.HexToAddress("0x00000000000000000000000000000000000000de")
	dist := common.HexToAddress("0x00000000000000000000000000000000000000d1")
	var ct []fr.Element
	for i := 0; i < 4; i++ {
		var e fr.Element
		e.SetUint64(uint64(1000 + i))
		ct = append(ct, e)
	}
	r := big.NewInt(12345)
	var k, c fr.Element
	k.SetUint64(777)
	rs := suite.RScalar(r)
	c.Add(&k, &rs)
	kp := suite.PointLockPoint(big.NewInt(777))
	return []Message{
		&UpdateRequest{Bid: bid, UpdateID: man.UpdateID, Device: dev},
		&Challenge{Nonce: [32]byte{1, 2, 3}, Distributor: dist},
		&ChallengeResponse{Device: dev, FleetIndex: 5, FleetProof: [][32]byte{{1}, {2}, {3}}, Signature: sig},
		&Offer{LockType: suite.LockHash, HashLock: suite.HashLock(r), Ciphertext: ct, Proof: []byte{1, 2, 3, 4}, Manifest: sm},
		&Offer{LockType: suite.LockPoint, S: suite.PointLockPoint(r), K: kp, C: c, Ciphertext: ct, Proof: make([]byte, 300), Manifest: sm},
		&Delivery{Signature: sig},
		&Error{Code: CodeNotInFleet, Text: "device not in fleet"},
		&PackageIndex{Manifest: sm, Components: []Component{
			{ComponentImage, man.ImageSHA256, man.ImageLength}, {ComponentProvingKeyHashlock, [32]byte{1}, 1 << 20},
			{ComponentProvingKeyPointlock, [32]byte{2}, 1 << 21}, {ComponentVerifyingKeyHashlock, man.VKHashHashlock, 600},
			{ComponentVerifyingKeyPointlock, man.VKHashPointlock, 700}}},
		&BlobRequest{Hash: [32]byte{9}, Offset: 1 << 20, Length: 65536},
		&BlobChunk{Hash: [32]byte{9}, Offset: 1 << 20, Data: []byte("chunk")},
		&HubSignRequest{ChainID: 1337, Bid: bid, Purpose: PurposeChallenge, Nonce: [32]byte{4}, Distributor: dist},
		&HubSignRequest{ChainID: 1337, Bid: bid, Purpose: PurposeDelivery, UpdateID: man.UpdateID, LockType: suite.LockPoint, Lock: [32]byte{5}, FwVersion: 3, Verified: true},
		&HubSignResponse{Device: dev, Signature: sig},
		&HubInstall{UpdateID: man.UpdateID, FwVersion: 3, Image: []byte("firmware image")},
	}
}
