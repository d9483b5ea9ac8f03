package party

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"

	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
	"github.com/podnet/podnet/impl/zk"
)

// This file is the device side of the exchange, shared by a device that verifies on its
// own (Device_Request .. Device_Install) and by a hub acting for a constrained device
// (Hub_Check, Hub_Install): only who signs differs.

// FleetProofSource gives a device its fleet index and proof for a bid (the vendor's
// device-management channel; *Vendor implements it). It returns ErrNotInFleet when the
// device is not in the bid's fleet.
type FleetProofSource interface {
	FleetProof(ctx context.Context, bid common.Address, device common.Address) (uint64, [][32]byte, error)
}

// signer produces a device's signatures: the device's own key, or the constrained device
// reached by its hub.
type signer interface {
	signChallenge(ctx context.Context, bid BidInfo, nonce [32]byte, distributor common.Address) ([suite.SignatureSize]byte, error)
	signDelivery(ctx context.Context, bid BidInfo, p *PendingExchange) ([suite.SignatureSize]byte, error)
}

// pendingBucket holds the exchanges a device (or a hub for its devices) signed and whose
// key is not revealed yet, by bid || device || lock.
var pendingBucket = store.NewBucket[PendingExchange]("client/pending")

// PendingExchange is an offer a device signed, persisted before signing, so that the
// device can finish after a restart from the KeyRevealed event alone.
type PendingExchange struct {
	Bid         common.Address
	Device      common.Address
	Index       uint64
	Distributor common.Address
	LockType    uint8
	Lock        [32]byte
	Ciphertext  [][32]byte
	C           [32]byte
	S           [suite.G1Size]byte
	K           [suite.G1Size]byte
	Manifest    suite.Manifest
	ManifestSig [suite.SignatureSize]byte
	SignedAt    int64
}

func pendingKey(bid, device common.Address, lock [32]byte) []byte {
	k := append(append([]byte(nil), bid[:]...), device[:]...)
	return append(k, lock[:]...)
}

func pendingPrefix(bid, device common.Address) []byte {
	return append(append([]byte(nil), bid[:]...), device[:]...)
}

// clientCfg parameterises the shared device-side code.
type clientCfg struct {
	env        *Env
	vendor     common.Address
	device     common.Address
	signer     signer
	installed  func(ctx context.Context) (uint64, error)
	checkStep  Step
	faultCrash bool // stop right after sending the delivery signature
}

// request runs Device_Request .. Device_Commit (or Hub_Check) with distributor peer.
// It returns the pending exchange it signed.
func (cc *clientCfg) request(ctx context.Context, bid BidInfo, peer transport.PeerID, index uint64, proof [][32]byte) (pe *PendingExchange, err error) {
	env := cc.env
	s, err := env.Host.NewStream(ctx, peer, transport.ProtoExchange)
	if err != nil {
		return nil, fmt.Errorf("party: request: %w", err)
	}
	c := transport.NewConn(s, env.Limits)
	defer c.Close()
	done := timeStep(ctx, env.Log, env.Metrics, StepDeviceRequest, "bid", bid.Address, "peer", peer)
	err = send(ctx, c, &wire.UpdateRequest{Bid: bid.Address, UpdateID: bid.UpdateID, Device: cc.device})
	done(&err)
	if err != nil {
		return nil, err
	}
	ch, err := recv[*wire.Challenge](ctx, c, wire.TypeChallenge)
	if err != nil {
		return nil, err
	}
	if err := cc.respond(ctx, c, bid, ch, index, proof); err != nil {
		return nil, err
	}
	offer, err := recv[*wire.Offer](ctx, c, wire.TypeOffer)
	if err != nil {
		return nil, err
	}
	pe, err = cc.commit(ctx, c, bid, peer, ch.Distributor, index, offer)
	if err != nil {
		return nil, refuse(ctx, c, err)
	}
	return pe, nil
}

// respond is Device_Respond: sign the challenge (bound to the distributor) and send the
// device's address, index and fleet proof.
func (cc *clientCfg) respond(ctx context.Context, c *transport.Conn, bid BidInfo, ch *wire.Challenge, index uint64, proof [][32]byte) (err error) {
	defer timeStep(ctx, cc.env.Log, cc.env.Metrics, StepDeviceRespond, "bid", bid.Address)(&err)
	sig, err := cc.signer.signChallenge(ctx, bid, ch.Nonce, ch.Distributor)
	if err != nil {
		return err
	}
	return send(ctx, c, &wire.ChallengeResponse{Device: cc.device, FleetIndex: index, FleetProof: proof, Signature: sig})
}

// check is Device_Check (or Hub_Check, for a constrained device): the offer's checks in
// the order of spec/pod.md.
func (cc *clientCfg) check(ctx context.Context, bid BidInfo, peer transport.PeerID, distributor common.Address, offer *wire.Offer) (err error) {
	defer timeStep(ctx, cc.env.Log, cc.env.Metrics, cc.checkStep, "bid", bid.Address, "distributor", distributor)(&err)
	installed, err := cc.installed(ctx)
	if err != nil {
		return err
	}
	vk, err := cc.verifyingKey(ctx, peer, offer)
	if err != nil && !errors.Is(err, ErrManifest) && !errors.Is(err, ErrRollback) {
		return err
	}
	return CheckOffer(cc.env.Ledger.ChainID(), cc.vendor, bid, installed, offer, vk)
}

// commit is Device_Check (or Hub_Check), then Device_Commit: persistence of the pending
// exchange, then the signature.
func (cc *clientCfg) commit(ctx context.Context, c *transport.Conn, bid BidInfo, peer transport.PeerID, distributor common.Address, index uint64, offer *wire.Offer) (pe *PendingExchange, err error) {
	if err := cc.check(ctx, bid, peer, distributor, offer); err != nil {
		return nil, err
	}
	defer timeStep(ctx, cc.env.Log, cc.env.Metrics, StepDeviceCommit, "bid", bid.Address, "distributor", distributor)(&err)
	pe = &PendingExchange{
		Bid: bid.Address, Device: cc.device, Index: index, Distributor: distributor,
		LockType: uint8(offer.LockType), Lock: offer.Lock(),
		Manifest: offer.Manifest.Manifest, ManifestSig: offer.Manifest.Signature, SignedAt: time.Now().Unix(),
	}
	pe.Ciphertext = make([][32]byte, len(offer.Ciphertext))
	for i := range offer.Ciphertext {
		pe.Ciphertext[i] = offer.Ciphertext[i].Bytes()
	}
	if offer.LockType == suite.LockPoint {
		pe.C, pe.S, pe.K = suite.EncodeScalar(offer.C), suite.EncodeG1(offer.S), suite.EncodeG1(offer.K)
	}
	if err := cc.env.Store.Update(ctx, func(tx *store.Tx) error {
		return pendingBucket.Put(tx, pendingKey(bid.Address, cc.device, pe.Lock), *pe)
	}); err != nil {
		return nil, fmt.Errorf("party: commit: persist: %w", err)
	}
	sig, err := cc.signer.signDelivery(ctx, bid, pe)
	if err != nil {
		return nil, err
	}
	if err := send(ctx, c, &wire.Delivery{Signature: sig}); err != nil {
		return nil, err
	}
	if cc.faultCrash {
		return pe, ErrCrashed
	}
	return pe, nil
}

// verifyingKey obtains the offer's verifying key by the hash the manifest signs: from
// the key cache, or over the blob protocol from the distributor. A manifest that does not
// verify is reported first (CheckOffer repeats the check in order).
func (cc *clientCfg) verifyingKey(ctx context.Context, peer transport.PeerID, offer *wire.Offer) (*zk.VerifyingKey, error) {
	if err := offer.Manifest.Verify(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrManifest, err)
	}
	h := offer.Manifest.Manifest.VKHashHashlock
	if offer.LockType == suite.LockPoint {
		h = offer.Manifest.Manifest.VKHashPointlock
	}
	if vk, ok := cc.env.Keys.cachedVK(h); ok {
		return vk, nil
	}
	s, err := cc.env.Host.NewStream(ctx, peer, transport.ProtoBlob)
	if err != nil {
		return nil, fmt.Errorf("party: fetch verifying key: %w", err)
	}
	c := transport.NewConn(s, cc.env.Limits)
	defer c.Close()
	if err := send(ctx, c, &wire.BlobRequest{Hash: h, Offset: 0, Length: 64 << 10}); err != nil {
		return nil, err
	}
	ch, err := recv[*wire.BlobChunk](ctx, c, wire.TypeBlobChunk)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrVerifyingKey, err)
	}
	return cc.env.Keys.VerifyingKey(h, ch.Data)
}

// CheckOffer runs Device_Commit's checks (and Hub_Check's) on an offer, in the order of
// spec/pod.md: (1) the manifest is the vendor's, for this chain and the bid's U_id, and
// newer than the installed version; (2) the lock type is the bid's and the verifying key
// is the one the manifest signs; (3) the lock; (4) the proof.
func CheckOffer(chainID uint64, vendor common.Address, bid BidInfo, installed uint64, offer *wire.Offer, vk *zk.VerifyingKey) error {
	if err := CheckManifest(&offer.Manifest, vendor, chainID, bid.UpdateID); err != nil {
		return err
	}
	if v := offer.Manifest.Manifest.FwVersion; v <= installed {
		return fmt.Errorf("%w: offered %d, installed %d", ErrRollback, v, installed)
	}
	if offer.LockType != bid.LockType {
		return fmt.Errorf("%w: lock type %s, bid has %s", ErrLock, offer.LockType, bid.LockType)
	}
	if vk == nil {
		return fmt.Errorf("%w: missing", ErrVerifyingKey)
	}
	want := offer.Manifest.Manifest.VKHashHashlock
	if offer.LockType == suite.LockPoint {
		want = offer.Manifest.Manifest.VKHashPointlock
	}
	got, err := zk.VKHash(vk)
	if err != nil || got != want || vk.Mode != modeOf(offer.LockType) {
		return fmt.Errorf("%w: does not hash to the manifest's vkHash", ErrVerifyingKey)
	}
	proof, err := zk.ParseProof(offer.Proof)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrProof, err)
	}
	uid := offer.Manifest.Manifest.UpdateID
	switch offer.LockType {
	case suite.LockHash:
		// The lock is s itself; the proof binds it.
		if err := zk.VerifyHashLock(vk, offer.HashLock, uid, offer.Ciphertext, proof); err != nil {
			return fmt.Errorf("%w: %w", ErrProof, err)
		}
	case suite.LockPoint:
		if err := suite.CheckPointLockOffer(offer.C, offer.K, offer.S); err != nil {
			return fmt.Errorf("%w: %w", ErrLock, err)
		}
		if err := zk.VerifyPointLock(vk, offer.K, uid, offer.Ciphertext, proof); err != nil {
			return fmt.Errorf("%w: %w", ErrProof, err)
		}
	default:
		return fmt.Errorf("%w: %w", ErrLock, suite.ErrLockType)
	}
	return nil
}

// findReveal looks for the KeyRevealed of index on bid whose r opens one of the pending
// exchanges; it returns the exchange and r.
func findReveal(ctx context.Context, l Ledger, bid BidInfo, index uint64, pending []PendingExchange) (*PendingExchange, *big.Int, error) {
	revs, err := l.Reveals(ctx, bid.Address, bid.Block)
	if err != nil {
		return nil, nil, err
	}
	for _, rv := range revs {
		if rv.Index != index {
			continue
		}
		for i := range pending {
			if lockOf(pending[i].LockType, rv.R) == pending[i].Lock {
				return &pending[i], rv.R, nil
			}
		}
		// Claimed with a lock this device never signed: impossible without its key.
		return nil, nil, fmt.Errorf("%w: index %d revealed for an unknown lock", ErrLock, index)
	}
	return nil, nil, nil
}

func lockOf(lt uint8, r *big.Int) [32]byte {
	l, err := suite.Lock(suite.LockType(lt), r)
	if err != nil {
		return [32]byte{}
	}
	return l
}

// openPending is the decryption part of Device_Install and Hub_Install: it recovers the
// key from r (r in paper mode, k = c − r in point-lock mode), decrypts, decodes, and checks
// U_id and the image's SHA-256 against the manifest.
func openPending(p *PendingExchange, r *big.Int) ([]byte, error) {
	if lockOf(p.LockType, r) != p.Lock {
		return nil, fmt.Errorf("%w: revealed r does not open the lock", ErrLock)
	}
	rs := suite.RScalar(r)
	key := rs
	if suite.LockType(p.LockType) == suite.LockPoint {
		c, err := suite.DecodeScalar(p.C[:])
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrLock, err)
		}
		key.Sub(&c, &rs)
		var kpt bn254.G1Affine
		kpt.ScalarMultiplicationBase(key.BigInt(new(big.Int)))
		if suite.EncodeG1(kpt) != p.K {
			return nil, fmt.Errorf("%w: c − r is not the discrete log of K", ErrLock)
		}
	}
	ct := make([]fr.Element, len(p.Ciphertext))
	for i := range p.Ciphertext {
		e, err := suite.DecodeScalar(p.Ciphertext[i][:])
		if err != nil {
			return nil, fmt.Errorf("%w: ciphertext: %w", ErrUpdateID, err)
		}
		ct[i] = e
	}
	elems := firmware.Decrypt(key, ct)
	if firmware.UpdateID(elems) != p.Manifest.UpdateID {
		return nil, ErrUpdateID
	}
	image, err := firmware.Decode(elems)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUpdateID, err)
	}
	if sha256.Sum256(image) != p.Manifest.ImageSHA256 || uint64(len(image)) != p.Manifest.ImageLength {
		return nil, ErrImageHash
	}
	return image, nil
}

// deletePending removes every pending exchange of device for bid, in tx (after an
// install, together with the record of what was installed).
func deletePending(tx *store.Tx, bid, device common.Address) error {
	var keys [][]byte
	if err := pendingBucket.ForEach(tx, pendingPrefix(bid, device), func(k []byte, _ PendingExchange) error {
		keys = append(keys, k)
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := pendingBucket.Delete(tx, k); err != nil {
			return err
		}
	}
	return nil
}

// loadPending returns the pending exchanges of device on bid.
func loadPending(ctx context.Context, db *store.DB, bid, device common.Address) ([]PendingExchange, error) {
	var out []PendingExchange
	err := db.View(ctx, func(tx *store.Tx) error {
		return pendingBucket.ForEach(tx, pendingPrefix(bid, device), func(_ []byte, p PendingExchange) error {
			out = append(out, p)
			return nil
		})
	})
	return out, err
}

// providersFor returns the providers of U_id, rotated by offset so that devices spread
// over distributors.
func providersFor(ctx context.Context, r transport.Routing, uid [32]byte, offset int) ([]transport.PeerID, error) {
	ps, err := r.FindProviders(ctx, uid)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, nil
	}
	o := offset % len(ps)
	return append(append([]transport.PeerID(nil), ps[o:]...), ps[:o]...), nil
}
