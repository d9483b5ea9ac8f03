package party

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
	"github.com/podnet/podnet/impl/zk"
)

// Distributor buckets.
var (
	distBlobs = store.NewBucket[[]byte]("dist/blobs")
	distBids  = store.NewBucket[distBid]("dist/bids")
	distSigs  = store.NewBucket[SigRecord]("dist/sigs")
)

// distBid is what a distributor persists per bid it serves.
type distBid struct {
	Bid       common.Address
	Vendor    common.Address
	UpdateID  [32]byte
	PackageID [32]byte
	LockType  uint8
	FleetRoot [32]byte
	FleetSize uint64
	Expiry    uint64
	Block     uint64
	// Point-lock mode (Distributor_Prepare): k, K and π0.
	Prepared bool
	K        [32]byte
	KPoint   [suite.G1Size]byte
	Proof    []byte
}

// Claim status of a persisted signature.
const (
	SigPending uint8 = iota // received and persisted, not yet claimed
	SigPaid                 // claimed by this distributor: paid
	SigLost                 // the device was claimed by another distributor first
	SigExpired              // the bid expired before the claim
)

// SigRecord is a device signature a distributor received, with everything needed to
// claim it. It is persisted before anything else is done with the signature.
type SigRecord struct {
	Bid        common.Address
	Index      uint64
	Device     common.Address
	FleetProof [][32]byte
	T          [32]byte
	LockType   uint8
	Lock       [32]byte
	S          [suite.G1Size]byte
	Signature  [suite.SignatureSize]byte
	Status     uint8
	ClaimTx    common.Hash
}

func sigKey(bid common.Address, index uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(nil), bid[:]...), index)
}

// DistributorFaults make a distributor misbehave, for the adversarial tests and the
// demo's fault scenarios. The zero value is an honest distributor.
type DistributorFaults struct {
	// WrongCiphertext serves a ciphertext that is not the one the proof is about.
	WrongCiphertext bool
	// NeverClaim keeps every signature and never claims (so never reveals the key).
	NeverClaim bool
	// CrashAfterPersist makes the distributor stop (as if killed) right after it has
	// persisted the first device signature, before claiming it.
	CrashAfterPersist bool
}

// DistributorConfig configures a distributor.
type DistributorConfig struct {
	// Factory deployment block: bids are watched from here on.
	FromBlock uint64
	// BatchSize is the largest claimBatch; 1 claims singly (default 1).
	BatchSize int
	// BatchWait is how long a pending signature may wait for a batch to fill
	// (default 0: claim at once).
	BatchWait time.Duration
	// Provers bounds concurrent paper-mode proofs across the parties of a process
	// (nil: one at a time per distributor).
	Provers chan struct{}
	// Faults makes the distributor misbehave.
	Faults DistributorFaults
	// Name labels the distributor in logs and gas records.
	Name string
}

// ErrCrashed is returned by a distributor or device that stopped on a simulated crash
// fault.
var ErrCrashed = errors.New("party: simulated crash")

// servedBid is a bid the distributor serves, with its package and point-lock offer.
type servedBid struct {
	info  BidInfo
	pkg   *Package
	elems []fr.Element
	pk    *zk.ProvingKey
	// point-lock mode
	k     fr.Element
	kPt   bn254.G1Affine
	ct    []fr.Element
	proof []byte
}

// Distributor serves updates to devices and claims its payments (spec/pod.md §4).
type Distributor struct {
	env Env
	key *ecdsa.PrivateKey
	cfg DistributorConfig

	mu      sync.Mutex
	bids    map[common.Address]*servedBid
	seen    map[common.Address]bool
	nextBlk uint64
	claimCh chan struct{}
	crashed chan struct{}
	crashMu sync.Once
}

// NewDistributor returns a distributor paid at key's address.
func NewDistributor(env Env, key *ecdsa.PrivateKey, cfg DistributorConfig) *Distributor {
	env.fill()
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 1
	}
	if cfg.Provers == nil {
		cfg.Provers = make(chan struct{}, 1)
	}
	if cfg.Name == "" {
		cfg.Name = addressOf(key).Hex()[:10]
	}
	env.Log = env.Log.With("party", cfg.Name)
	return &Distributor{
		env: env, key: key, cfg: cfg,
		bids: map[common.Address]*servedBid{}, seen: map[common.Address]bool{},
		nextBlk: cfg.FromBlock, claimCh: make(chan struct{}, 1), crashed: make(chan struct{}),
	}
}

// Address is the distributor's address, the one bound into r and paid.
func (d *Distributor) Address() common.Address { return addressOf(d.key) }

// Name is the distributor's label.
func (d *Distributor) Name() string { return d.cfg.Name }

// Run recovers persisted state, then serves: it watches the factory, fetches and
// prepares every bid's package, answers devices and claims. It returns when ctx ends, or
// ErrCrashed on a simulated crash.
func (d *Distributor) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := d.Recover(ctx); err != nil {
		return err
	}
	d.env.Host.SetStreamHandler(transport.ProtoExchange, func(s transport.Stream) { d.serveExchange(ctx, s) })
	d.env.Host.SetStreamHandler(transport.ProtoBlob, func(s transport.Stream) {
		ServeBlobs(ctx, d.env.Log, s, d.blob, d.env.Limits)
	})
	defer d.env.Host.RemoveStreamHandler(transport.ProtoExchange)
	defer d.env.Host.RemoveStreamHandler(transport.ProtoBlob)
	claimErr := make(chan error, 1)
	go func() { claimErr <- d.claimLoop(ctx) }()
	for {
		if err := d.watch(ctx); err != nil && ctx.Err() == nil {
			d.env.Log.WarnContext(ctx, "watch", "err", err)
		}
		select {
		case <-ctx.Done():
			<-claimErr
			return ctx.Err()
		case <-d.crashed:
			cancel()
			<-claimErr
			return ErrCrashed
		case err := <-claimErr:
			return err
		case <-time.After(d.env.Poll):
		}
	}
}

// Recover reloads the bids this distributor served and claims every persisted
// signature that is not claimed yet (after checking the bid's claimed bitmap).
func (d *Distributor) Recover(ctx context.Context) error {
	var bids []distBid
	if err := d.env.Store.View(ctx, func(tx *store.Tx) error {
		return distBids.ForEach(tx, nil, func(_ []byte, b distBid) error { bids = append(bids, b); return nil })
	}); err != nil {
		return fmt.Errorf("party: recover: %w", err)
	}
	for _, b := range bids {
		if err := d.load(ctx, b); err != nil {
			d.env.Log.WarnContext(ctx, "recover: cannot reload bid", "bid", b.Bid, "err", err)
			continue
		}
		d.mu.Lock()
		d.seen[b.Bid] = true
		d.nextBlk = max(d.nextBlk, b.Block+1)
		d.mu.Unlock()
		if err := d.env.Routing.Provide(ctx, b.UpdateID, d.env.Host.ID()); err != nil {
			return fmt.Errorf("party: recover: %w", err)
		}
	}
	return d.reconcile(ctx)
}

// reconcile checks every pending record against the chain: a device already claimed is
// marked paid (if the KeyRevealed names us) or lost; the rest stay pending to be claimed.
func (d *Distributor) reconcile(ctx context.Context) error {
	pending, err := d.pending(ctx)
	if err != nil {
		return err
	}
	for _, r := range pending {
		claimed, err := d.env.Ledger.IsClaimed(ctx, r.Bid, r.Index)
		if err != nil {
			return fmt.Errorf("party: recover: %w", err)
		}
		if claimed {
			if err := d.settleClaimed(ctx, r); err != nil {
				return err
			}
		}
	}
	d.kickClaims()
	return nil
}

// settleClaimed marks a record whose device is already claimed on chain.
func (d *Distributor) settleClaimed(ctx context.Context, r SigRecord) error {
	revs, err := d.env.Ledger.Reveals(ctx, r.Bid, 0)
	if err != nil {
		return err
	}
	status := SigLost
	for _, rv := range revs {
		if rv.Index == r.Index && rv.Distributor == d.Address() {
			status = SigPaid
		}
	}
	return d.setStatus(ctx, r, status, common.Hash{})
}

func (d *Distributor) blob(h [32]byte) ([]byte, bool) {
	var out []byte
	err := d.env.Store.View(context.Background(), func(tx *store.Tx) error {
		b, err := distBlobs.Get(tx, h[:])
		out = b
		return err
	})
	return out, err == nil
}

// watch reads new bids from the factory and fetches and prepares them.
func (d *Distributor) watch(ctx context.Context) error {
	d.mu.Lock()
	from := d.nextBlk
	d.mu.Unlock()
	bids, err := d.env.Ledger.Bids(ctx, from)
	if err != nil {
		return err
	}
	var ready []BidInfo
	for _, b := range bids {
		d.mu.Lock()
		seen := d.seen[b.Address]
		d.seen[b.Address] = true
		d.nextBlk = max(d.nextBlk, b.Block+1)
		d.mu.Unlock()
		if seen {
			continue
		}
		if err := d.Fetch(ctx, b); err != nil {
			d.env.Log.WarnContext(ctx, "bid dropped", "step", string(StepDistributorFetch), "bid", b.Address, "err", err)
			continue
		}
		if b.LockType == suite.LockPoint {
			if err := d.Prepare(ctx, b.Address); err != nil {
				d.env.Log.WarnContext(ctx, "bid dropped", "step", string(StepDistributorPrepare), "bid", b.Address, "err", err)
				continue
			}
		}
		ready = append(ready, b)
	}
	// Announce only once every bid of this round is ready, so that a device finding this
	// distributor for U_id is served whichever bid it asks about.
	for _, b := range ready {
		if err := d.env.Routing.Provide(ctx, b.UpdateID, d.env.Host.ID()); err != nil {
			return err
		}
		d.env.Log.InfoContext(ctx, "serving", "bid", b.Address, "lockType", b.LockType.String())
	}
	return nil
}

// Fetch is Distributor_Fetch: it obtains P for the bid's P_id from a provider, checks it
// (spec/pod.md §4) and persists it.
func (d *Distributor) Fetch(ctx context.Context, b BidInfo) (err error) {
	defer timeStep(ctx, d.env.Log, d.env.Metrics, StepDistributorFetch, "bid", b.Address)(&err)
	pkg, err := d.localPackage(ctx, b.PackageID)
	if err != nil {
		provs, err := d.env.Routing.FindProviders(ctx, b.PackageID)
		if err != nil {
			return err
		}
		var lastErr error = fmt.Errorf("%w: P_id %x", ErrNoProvider, b.PackageID[:8])
		for _, p := range provs {
			if p == d.env.Host.ID() {
				continue
			}
			pkg, err = FetchPackage(ctx, d.env.Host, p, b.PackageID)
			if err == nil {
				break
			}
			lastErr = err
		}
		if pkg == nil {
			return lastErr
		}
	}
	if err := VerifyPackage(pkg, b.PackageID, b.Vendor, d.env.Ledger.ChainID(), b.UpdateID); err != nil {
		return err
	}
	rec := distBid{
		Bid: b.Address, Vendor: b.Vendor, UpdateID: b.UpdateID, PackageID: b.PackageID, LockType: uint8(b.LockType),
		FleetRoot: b.FleetRoot, FleetSize: b.FleetSize, Expiry: b.Expiry, Block: b.Block,
	}
	if err := d.env.Store.Update(ctx, func(tx *store.Tx) error {
		for h, blob := range pkg.blobs {
			if _, err := distBlobs.Insert(tx, h[:], blob); err != nil {
				return err
			}
		}
		_, err := distBids.Insert(tx, b.Address[:], rec)
		return err
	}); err != nil {
		return fmt.Errorf("party: fetch: persist: %w", err)
	}
	return d.load(ctx, rec)
}

// localPackage rebuilds a package from the distributor's store.
func (d *Distributor) localPackage(ctx context.Context, pid [32]byte) (*Package, error) {
	var pkg *Package
	err := d.env.Store.View(ctx, func(tx *store.Tx) error {
		raw, err := distBlobs.Get(tx, pid[:])
		if err != nil {
			return err
		}
		idx, err := wire.DecodePackageIndex(raw)
		if err != nil {
			return err
		}
		pkg = &Package{Index: idx, ID: pid, blobs: map[[32]byte][]byte{pid: raw}}
		for _, c := range idx.Components {
			b, err := distBlobs.Get(tx, c.Hash[:])
			if err != nil {
				return err
			}
			pkg.blobs[c.Hash] = b
		}
		return nil
	})
	return pkg, err
}

// load puts a persisted bid in memory (package, proving key, point-lock offer).
func (d *Distributor) load(ctx context.Context, rec distBid) error {
	pkg, err := d.localPackage(ctx, rec.PackageID)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrPackage, err)
	}
	elems, err := pkg.Elements()
	if err != nil {
		return err
	}
	info := BidInfo{
		Address: rec.Bid, Vendor: rec.Vendor, UpdateID: rec.UpdateID, PackageID: rec.PackageID,
		LockType: suite.LockType(rec.LockType), FleetRoot: rec.FleetRoot, FleetSize: rec.FleetSize,
		Expiry: rec.Expiry, Block: rec.Block,
	}
	pk, err := d.env.Keys.ProvingKey(pkg, modeOf(info.LockType))
	if err != nil {
		return err
	}
	sb := &servedBid{info: info, pkg: pkg, elems: elems, pk: pk}
	if rec.Prepared {
		k, err := suite.DecodeScalar(rec.K[:])
		if err != nil {
			return err
		}
		kpt, err := suite.DecodeG1(rec.KPoint[:])
		if err != nil {
			return err
		}
		sb.k, sb.kPt, sb.proof = k, kpt, rec.Proof
		sb.ct = firmware.Encrypt(k, elems)
	}
	d.mu.Lock()
	d.bids[rec.Bid] = sb
	d.mu.Unlock()
	return nil
}

func modeOf(lt suite.LockType) zk.Mode {
	if lt == suite.LockPoint {
		return zk.PointLock
	}
	return zk.HashLock
}

// Prepare is Distributor_Prepare (point-lock mode, once per bid): it picks k, computes
// Û = Enc(U, k), K = k·G and the proof π0, and persists (k, K, π0) before any offer.
func (d *Distributor) Prepare(ctx context.Context, bid common.Address) (err error) {
	defer timeStep(ctx, d.env.Log, d.env.Metrics, StepDistributorPrepare, "bid", bid)(&err)
	d.mu.Lock()
	sb, ok := d.bids[bid]
	d.mu.Unlock()
	if !ok {
		return fmt.Errorf("%w: %s", ErrUnknownBid, bid)
	}
	if sb.info.LockType != suite.LockPoint {
		return fmt.Errorf("party: prepare: bid %s is not point-lock", bid)
	}
	if sb.proof != nil {
		return nil // k never changes once chosen
	}
	var k fr.Element
	for k.IsZero() {
		if _, err := k.SetRandom(); err != nil {
			return fmt.Errorf("party: prepare: %w", err)
		}
	}
	if err := d.acquire(ctx); err != nil {
		return err
	}
	t0 := time.Now()
	res, err := zk.ProvePointLock(sb.pk, k, sb.elems)
	d.release()
	if err != nil {
		return fmt.Errorf("party: prepare: %w", err)
	}
	d.env.Log.InfoContext(ctx, "proved", "step", string(StepDistributorPrepare), "mode", "point-lock", "bid", bid, "took", time.Since(t0).Round(time.Millisecond))
	proof, err := res.Proof.MarshalBinary()
	if err != nil {
		return err
	}
	kb := suite.EncodeScalar(k)
	kpt := suite.EncodeG1(res.K)
	if err := d.env.Store.Update(ctx, func(tx *store.Tx) error {
		rec, err := distBids.Get(tx, bid[:])
		if err != nil {
			return err
		}
		rec.Prepared, rec.K, rec.KPoint, rec.Proof = true, kb, kpt, proof
		return distBids.Put(tx, bid[:], rec)
	}); err != nil {
		return fmt.Errorf("party: prepare: persist: %w", err)
	}
	d.mu.Lock()
	sb.k, sb.kPt, sb.ct, sb.proof = k, res.K, res.Ct, proof
	d.mu.Unlock()
	return nil
}

func (d *Distributor) acquire(ctx context.Context) error {
	select {
	case d.cfg.Provers <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (d *Distributor) release() { <-d.cfg.Provers }

// exchangeTimeout bounds one whole exchange on the distributor's side.
const exchangeTimeout = 2 * time.Minute

func (d *Distributor) serveExchange(ctx context.Context, s transport.Stream) {
	ctx, cancel := context.WithTimeout(ctx, exchangeTimeout)
	defer cancel()
	c := transport.NewConn(s, d.env.Limits)
	defer c.Close()
	if err := d.exchange(ctx, c); err != nil {
		d.env.Log.InfoContext(ctx, "exchange ended", "peer", s.RemotePeer(), "err", err)
	}
}

// offerSecret is what the distributor keeps in memory between its offer and the
// device's delivery signature.
type offerSecret struct {
	t    [32]byte
	lock [32]byte
	s    bn254.G1Affine
}

func (d *Distributor) exchange(ctx context.Context, c *transport.Conn) error {
	req, err := recv[*wire.UpdateRequest](ctx, c, wire.TypeUpdateRequest)
	if err != nil {
		return refuse(ctx, c, err)
	}
	d.mu.Lock()
	sb, ok := d.bids[req.Bid]
	seen := d.seen[req.Bid]
	d.mu.Unlock()
	switch {
	case ok && sb.info.UpdateID != req.UpdateID:
		return refuse(ctx, c, fmt.Errorf("%w: %s is not for U_id %x", ErrUnknownBid, req.Bid, req.UpdateID[:8]))
	case (ok && sb.info.LockType == suite.LockPoint && sb.proof == nil) || (!ok && seen):
		return refuse(ctx, c, fmt.Errorf("%w: still preparing %s", ErrBusy, req.Bid))
	case !ok:
		return refuse(ctx, c, fmt.Errorf("%w: %s", ErrUnknownBid, req.Bid))
	}
	now, err := d.env.Ledger.HeadTime(ctx)
	if err != nil {
		return refuse(ctx, c, err)
	}
	if now > sb.info.Expiry {
		return refuse(ctx, c, fmt.Errorf("%w: %s", ErrExpired, req.Bid))
	}
	nonce, err := d.Challenge(ctx, c)
	if err != nil {
		return err
	}
	resp, err := recv[*wire.ChallengeResponse](ctx, c, wire.TypeChallengeResponse)
	if err != nil {
		return refuse(ctx, c, err)
	}
	offer, secret, err := d.Offer(ctx, sb, nonce, resp)
	if err != nil {
		return refuse(ctx, c, err)
	}
	if err := send(ctx, c, offer); err != nil {
		return err
	}
	del, err := recv[*wire.Delivery](ctx, c, wire.TypeDelivery)
	if err != nil {
		return err
	}
	return d.accept(ctx, sb, resp, secret, del)
}

// Challenge is Distributor_Challenge: it sends a fresh random nonce and the
// distributor's address.
func (d *Distributor) Challenge(ctx context.Context, c *transport.Conn) (nonce [32]byte, err error) {
	defer timeStep(ctx, d.env.Log, d.env.Metrics, StepDistributorChallenge)(&err)
	if _, err := rand.Read(nonce[:]); err != nil {
		return nonce, err
	}
	return nonce, send(ctx, c, &wire.Challenge{Nonce: nonce, Distributor: d.Address()})
}

// Offer is Distributor_Offer: it checks the device's response (fleet membership, the
// signature over the challenge, not claimed on chain, not already persisted), picks t,
// derives r and builds the offer (paper mode: a proof per device; point-lock mode:
// c = k + r with the shared π0).
func (d *Distributor) Offer(ctx context.Context, sb *servedBid, nonce [32]byte, resp *wire.ChallengeResponse) (offer *wire.Offer, sec *offerSecret, err error) {
	defer timeStep(ctx, d.env.Log, d.env.Metrics, StepDistributorOffer, "device", resp.Device, "lockType", sb.info.LockType.String())(&err)
	info := sb.info
	if err := suite.VerifyFleet(info.FleetRoot, info.FleetSize, resp.FleetIndex, resp.Device, resp.FleetProof); err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrNotInFleet, err)
	}
	chainID := new(big.Int).SetUint64(d.env.Ledger.ChainID())
	who, err := suite.Recover(suite.ChallengeDigest(chainID, info.Address, nonce, d.Address()), resp.Signature)
	if err != nil || who != resp.Device {
		return nil, nil, fmt.Errorf("%w: challenge response not signed by %s", ErrBadSignature, resp.Device)
	}
	claimed, err := d.env.Ledger.IsClaimed(ctx, info.Address, resp.FleetIndex)
	if err != nil {
		return nil, nil, err
	}
	if claimed {
		return nil, nil, fmt.Errorf("%w: index %d", ErrAlreadyClaimed, resp.FleetIndex)
	}
	var have bool
	if err := d.env.Store.View(ctx, func(tx *store.Tx) error {
		have, err = distSigs.Has(tx, sigKey(info.Address, resp.FleetIndex))
		return err
	}); err != nil {
		return nil, nil, err
	}
	if have {
		return nil, nil, fmt.Errorf("%w: signature of index %d already held", ErrAlreadyClaimed, resp.FleetIndex)
	}
	sec = &offerSecret{}
	var r *big.Int
	for r == nil {
		if _, err := rand.Read(sec.t[:]); err != nil {
			return nil, nil, err
		}
		r, err = suite.DeriveR(d.Address(), sec.t)
		if errors.Is(err, suite.ErrZeroKey) {
			r = nil
			continue
		}
		if err != nil {
			return nil, nil, err
		}
	}
	rs := suite.RScalar(r)
	offer = &wire.Offer{LockType: info.LockType, Manifest: sb.pkg.Index.Manifest}
	// The offer's t field is left zero: t (hence r) goes only to the contract (spec/pod.md
	// Distributor_Offer; errata).
	switch info.LockType {
	case suite.LockHash:
		if err := d.acquire(ctx); err != nil {
			return nil, nil, err
		}
		t0 := time.Now()
		res, err := zk.ProveHashLock(sb.pk, rs, sb.elems)
		d.release()
		if err != nil {
			return nil, nil, fmt.Errorf("party: offer: %w", err)
		}
		d.env.Log.InfoContext(ctx, "proved", "step", string(StepDistributorOffer), "mode", "paper", "device", resp.Device, "took", time.Since(t0).Round(time.Millisecond))
		if offer.Proof, err = res.Proof.MarshalBinary(); err != nil {
			return nil, nil, err
		}
		offer.HashLock, offer.Ciphertext = res.S, res.Ct
		sec.lock = res.S
	case suite.LockPoint:
		offer.S = suite.PointLockPoint(r)
		offer.K = sb.kPt
		offer.C.Add(&sb.k, &rs)
		offer.Ciphertext = sb.ct
		offer.Proof = sb.proof
		sec.s = offer.S
		sec.lock = suite.PointLock(offer.S)
	default:
		return nil, nil, fmt.Errorf("%w: lock type %d", suite.ErrLockType, info.LockType)
	}
	if d.cfg.Faults.WrongCiphertext {
		ct := append([]fr.Element(nil), offer.Ciphertext...)
		var one fr.Element
		one.SetOne()
		ct[0].Add(&ct[0], &one)
		offer.Ciphertext = ct
	}
	return offer, sec, nil
}

// accept checks the device's delivery signature and persists it before anything else;
// then it queues the claim.
func (d *Distributor) accept(ctx context.Context, sb *servedBid, resp *wire.ChallengeResponse, sec *offerSecret, del *wire.Delivery) error {
	info := sb.info
	chainID := new(big.Int).SetUint64(d.env.Ledger.ChainID())
	who, err := suite.Recover(suite.DeliveryDigest(chainID, info.Address, info.UpdateID, sec.lock), del.Signature)
	if err != nil || who != resp.Device {
		return fmt.Errorf("%w: delivery not signed by %s", ErrBadSignature, resp.Device)
	}
	rec := SigRecord{
		Bid: info.Address, Index: resp.FleetIndex, Device: resp.Device, FleetProof: resp.FleetProof,
		T: sec.t, LockType: uint8(info.LockType), Lock: sec.lock, Signature: del.Signature, Status: SigPending,
	}
	if info.LockType == suite.LockPoint {
		rec.S = suite.EncodeG1(sec.s)
	}
	var stored bool
	if err := d.env.Store.Update(ctx, func(tx *store.Tx) error {
		stored, err = distSigs.Insert(tx, sigKey(info.Address, resp.FleetIndex), rec)
		return err
	}); err != nil {
		return fmt.Errorf("party: persist signature: %w", err)
	}
	if !stored {
		return fmt.Errorf("%w: index %d (concurrent exchange)", ErrAlreadyClaimed, resp.FleetIndex)
	}
	d.env.Log.InfoContext(ctx, "signature persisted", "bid", info.Address, "index", resp.FleetIndex, "device", resp.Device)
	if d.cfg.Faults.CrashAfterPersist {
		d.crashMu.Do(func() { close(d.crashed) })
		return ErrCrashed
	}
	d.kickClaims()
	return nil
}

func (d *Distributor) kickClaims() {
	select {
	case d.claimCh <- struct{}{}:
	default:
	}
}

// pending returns the persisted signatures not yet settled.
func (d *Distributor) pending(ctx context.Context) ([]SigRecord, error) {
	var out []SigRecord
	err := d.env.Store.View(ctx, func(tx *store.Tx) error {
		return distSigs.ForEach(tx, nil, func(_ []byte, r SigRecord) error {
			if r.Status == SigPending {
				out = append(out, r)
			}
			return nil
		})
	})
	return out, err
}

// Records returns every persisted signature record.
func (d *Distributor) Records(ctx context.Context) ([]SigRecord, error) {
	var out []SigRecord
	err := d.env.Store.View(ctx, func(tx *store.Tx) error {
		return distSigs.ForEach(tx, nil, func(_ []byte, r SigRecord) error { out = append(out, r); return nil })
	})
	return out, err
}

func (d *Distributor) setStatus(ctx context.Context, r SigRecord, status uint8, tx common.Hash) error {
	return d.env.Store.Update(ctx, func(t *store.Tx) error {
		cur, err := distSigs.Get(t, sigKey(r.Bid, r.Index))
		if err != nil {
			return err
		}
		cur.Status, cur.ClaimTx = status, tx
		return distSigs.Put(t, sigKey(r.Bid, r.Index), cur)
	})
}

// claimLoop claims pending signatures, in batches of up to BatchSize per bid.
func (d *Distributor) claimLoop(ctx context.Context) error {
	if d.cfg.Faults.NeverClaim {
		<-ctx.Done()
		return nil
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-d.claimCh:
		case <-time.After(d.env.Poll * 5):
		}
		if d.cfg.BatchWait > 0 {
			if err := sleep(ctx, d.cfg.BatchWait); err != nil {
				return nil
			}
		}
		if err := d.ClaimPending(ctx); err != nil && ctx.Err() == nil {
			d.env.Log.WarnContext(ctx, "claim", "step", string(StepDistributorClaim), "err", err)
		}
	}
}

// ClaimPending submits every pending persisted signature (Contract_Claim), singly or in
// batches, and marks each record after its receipt. A batch refused because one of its
// devices was claimed meanwhile is reconciled against the chain and the rest retried.
func (d *Distributor) ClaimPending(ctx context.Context) error {
	pending, err := d.pending(ctx)
	if err != nil {
		return err
	}
	byBid := map[common.Address][]SigRecord{}
	var order []common.Address
	for _, r := range pending {
		if _, ok := byBid[r.Bid]; !ok {
			order = append(order, r.Bid)
		}
		byBid[r.Bid] = append(byBid[r.Bid], r)
	}
	now, err := d.env.Ledger.HeadTime(ctx)
	if err != nil {
		return err
	}
	for _, bid := range order {
		recs := byBid[bid]
		d.mu.Lock()
		sb := d.bids[bid]
		d.mu.Unlock()
		if sb != nil && now > sb.info.Expiry {
			for _, r := range recs {
				if err := d.setStatus(ctx, r, SigExpired, common.Hash{}); err != nil {
					return err
				}
			}
			continue
		}
		for len(recs) > 0 {
			n := min(len(recs), d.cfg.BatchSize)
			if err := d.claimBatch(ctx, bid, recs[:n]); err != nil {
				return err
			}
			recs = recs[n:]
		}
	}
	return nil
}

func (d *Distributor) claimBatch(ctx context.Context, bid common.Address, recs []SigRecord) (err error) {
	defer timeStep(ctx, d.env.Log, d.env.Metrics, StepDistributorClaim, "bid", bid, "n", len(recs))(&err)
	claims := make([]Claim, len(recs))
	for i, r := range recs {
		rv, err := suite.DeriveR(d.Address(), r.T)
		if err != nil {
			return err
		}
		claims[i] = Claim{Index: r.Index, Device: r.Device, FleetProof: r.FleetProof, T: r.T, R: rv, Signature: r.Signature}
	}
	rcpt, err := d.env.Ledger.Claim(ctx, d.key, bid, claims)
	if err != nil {
		if errors.Is(err, chain.ErrTxFailed) || isRevert(err) {
			// Someone claimed one of these devices first: settle against the chain and
			// let the next round retry the rest.
			d.env.Log.InfoContext(ctx, "claim refused; reconciling", "bid", bid, "err", err)
			for _, r := range recs {
				claimed, cerr := d.env.Ledger.IsClaimed(ctx, bid, r.Index)
				if cerr != nil {
					return cerr
				}
				if claimed {
					if serr := d.settleClaimed(ctx, r); serr != nil {
						return serr
					}
				}
			}
			if len(recs) == 1 {
				return nil
			}
			d.kickClaims()
			return nil
		}
		return err
	}
	kind := "claim"
	if len(claims) > 1 {
		kind = fmt.Sprintf("claimBatch(%d)", len(claims))
	}
	d.env.Metrics.Gas(GasRecord{Kind: kind, Party: d.cfg.Name, Gas: rcpt.GasUsed, Items: len(claims)})
	for _, r := range recs {
		if err := d.setStatus(ctx, r, SigPaid, rcpt.TxHash); err != nil {
			return err
		}
	}
	d.env.Log.InfoContext(ctx, "claimed", "step", string(StepDistributorClaim), "bid", bid, "n", len(recs), "gas", rcpt.GasUsed)
	return nil
}

// isRevert reports whether err carries revert data (a refused transaction).
func isRevert(err error) bool {
	_, ok := chain.RevertData(err)
	return ok
}
