package party

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
)

// Vendor buckets.
var (
	vendorBlobs = store.NewBucket[[]byte]("vendor/blobs")
	vendorBids  = store.NewBucket[vendorBid]("vendor/bids")
)

// vendorBid is what the vendor persists per bid.
type vendorBid struct {
	Bid        common.Address
	PackageID  [32]byte
	UpdateID   [32]byte
	LockType   uint8
	Expiry     uint64
	Fleet      []common.Address
	Deposit    []byte // big-endian
	Withdrawn  bool
	Refunded   []byte // big-endian
	PublishTx  common.Hash
	WithdrawTx common.Hash
}

// Vendor publishes updates, seeds their packages and withdraws what is left after
// expiry (spec/pod.md §3).
type Vendor struct {
	env Env
	key *ecdsa.PrivateKey

	mu    sync.Mutex
	pkgs  map[[32]byte]*Package
	fleet map[common.Address]*fleetInfo // by bid
	seed  bool
}

// NewVendor returns the vendor with signing key key.
func NewVendor(env Env, key *ecdsa.PrivateKey) *Vendor {
	env.fill()
	return &Vendor{env: env, key: key, pkgs: map[[32]byte]*Package{}, fleet: map[common.Address]*fleetInfo{}}
}

// Address is the vendor's address (the manifest signer and bid owner).
func (v *Vendor) Address() common.Address { return addressOf(v.key) }

// PublishRequest is what Vendor_Publish needs.
type PublishRequest struct {
	// Package is the update package (BuildPackage). Several bids may share one package.
	Package *Package
	// Fleet lists the device addresses; device i has fleet index i.
	Fleet []common.Address
	// LockType selects paper mode (suite.LockHash) or point-lock mode (suite.LockPoint).
	LockType suite.LockType
	// Deposit is the amount paid into the bid; each device is worth Deposit / len(Fleet).
	Deposit *big.Int
	// Expiry is the block time from which the bid refuses claims.
	Expiry uint64
}

// Publication is the result of Vendor_Publish.
type Publication struct {
	Bid   BidInfo
	Fleet *suite.FleetTree
	Gas   uint64
}

// Publish is Vendor_Publish: it builds the fleet tree, persists the package, deploys the
// bid through the factory with the deposit and the fleet root, and records the bid.
func (v *Vendor) Publish(ctx context.Context, req PublishRequest) (pub *Publication, err error) {
	defer timeStep(ctx, v.env.Log, v.env.Metrics, StepVendorPublish, "lockType", req.LockType.String())(&err)
	if req.Package == nil || req.Deposit == nil || req.Deposit.Sign() <= 0 {
		return nil, errors.New("party: publish: package and positive deposit required")
	}
	if req.Package.Index.Manifest.Manifest.Vendor != v.Address() {
		return nil, fmt.Errorf("%w: package signed by another vendor", ErrManifest)
	}
	tree, err := suite.NewFleetTree(req.Fleet)
	if err != nil {
		return nil, fmt.Errorf("party: publish: %w", err)
	}
	p := req.Package
	if err := v.env.Store.Update(ctx, func(tx *store.Tx) error {
		for h, b := range p.blobs {
			if _, err := vendorBlobs.Insert(tx, h[:], b); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("party: publish: persist package: %w", err)
	}
	v.mu.Lock()
	v.pkgs[p.ID] = p
	v.mu.Unlock()
	bid, rcpt, err := v.env.Ledger.Publish(ctx, v.key, PublishParams{
		UpdateID:  p.Index.Manifest.Manifest.UpdateID,
		PackageID: p.ID,
		LockType:  req.LockType,
		FleetRoot: tree.Root(),
		FleetSize: tree.Size(),
		Expiry:    req.Expiry,
		Deposit:   req.Deposit,
	})
	if err != nil {
		return nil, fmt.Errorf("party: publish: %w", err)
	}
	v.env.Metrics.Gas(GasRecord{Kind: "publish(" + req.LockType.String() + ")", Party: "vendor", Gas: rcpt.GasUsed})
	rec := vendorBid{
		Bid: bid.Address, PackageID: p.ID, UpdateID: bid.UpdateID, LockType: uint8(req.LockType),
		Expiry: req.Expiry, Fleet: req.Fleet, Deposit: req.Deposit.Bytes(), PublishTx: rcpt.TxHash,
	}
	if err := v.env.Store.Update(ctx, func(tx *store.Tx) error { return vendorBids.Put(tx, bid.Address[:], rec) }); err != nil {
		return nil, fmt.Errorf("party: publish: persist bid: %w", err)
	}
	v.mu.Lock()
	v.fleet[bid.Address] = &fleetInfo{tree: tree, devices: req.Fleet}
	v.mu.Unlock()
	v.env.Log.InfoContext(ctx, "published", "step", string(StepVendorPublish), "bid", bid.Address, "lockType", req.LockType.String(),
		"devices", tree.Size(), "deposit", req.Deposit, "gas", rcpt.GasUsed)
	return &Publication{Bid: bid, Fleet: tree, Gas: rcpt.GasUsed}, nil
}

// Seed is Vendor_Seed: it serves every persisted package over the blob protocol and
// announces itself as a provider of each P_id.
func (v *Vendor) Seed(ctx context.Context) (err error) {
	defer timeStep(ctx, v.env.Log, v.env.Metrics, StepVendorSeed)(&err)
	v.mu.Lock()
	if !v.seed {
		v.seed = true
		v.env.Host.SetStreamHandler(transport.ProtoBlob, func(s transport.Stream) {
			ServeBlobs(ctx, v.env.Log, s, v.blob, v.env.Limits)
		})
	}
	v.mu.Unlock()
	// Every package of a persisted bid (a restarted vendor seeds what it published before).
	var ids [][32]byte
	seen := map[[32]byte]bool{}
	if err := v.env.Store.View(ctx, func(tx *store.Tx) error {
		return vendorBids.ForEach(tx, nil, func(_ []byte, b vendorBid) error {
			if !seen[b.PackageID] {
				seen[b.PackageID] = true
				ids = append(ids, b.PackageID)
			}
			return nil
		})
	}); err != nil {
		return fmt.Errorf("party: seed: %w", err)
	}
	for _, id := range ids {
		if err := v.env.Routing.Provide(ctx, id, v.env.Host.ID()); err != nil {
			return fmt.Errorf("party: seed: %w", err)
		}
	}
	return nil
}

func (v *Vendor) blob(h [32]byte) ([]byte, bool) {
	var out []byte
	err := v.env.Store.View(context.Background(), func(tx *store.Tx) error {
		b, err := vendorBlobs.Get(tx, h[:])
		out = b
		return err
	})
	return out, err == nil
}

// FleetProof gives device its index and fleet proof for bid: the vendor's
// device-management channel (spec/pod.md, Device_Respond). It returns ErrNotInFleet for a
// device outside the bid's fleet.
func (v *Vendor) FleetProof(ctx context.Context, bid common.Address, device common.Address) (uint64, [][32]byte, error) {
	v.mu.Lock()
	fi, ok := v.fleet[bid]
	v.mu.Unlock()
	if !ok {
		var rec vendorBid
		if err := v.env.Store.View(ctx, func(tx *store.Tx) error {
			var err error
			rec, err = vendorBids.Get(tx, bid[:])
			return err
		}); err != nil {
			return 0, nil, fmt.Errorf("%w: %s: %w", ErrUnknownBid, bid, err)
		}
		t, err := suite.NewFleetTree(rec.Fleet)
		if err != nil {
			return 0, nil, err
		}
		fi = &fleetInfo{tree: t, devices: rec.Fleet}
		v.mu.Lock()
		v.fleet[bid] = fi
		v.mu.Unlock()
	}
	for i, d := range fi.devices {
		if d == device {
			p, err := fi.tree.Proof(uint64(i))
			return uint64(i), p, err
		}
	}
	return 0, nil, fmt.Errorf("%w: %s in bid %s", ErrNotInFleet, device, bid)
}

// WithdrawResult is the outcome of Vendor_Withdraw.
type WithdrawResult struct {
	Refunded *big.Int
	Gas      uint64
}

// Withdraw is Vendor_Withdraw: after expiry it takes back what is left of the deposit.
// It refuses before expiry (ErrExpired's opposite is the contract's NotExpired revert,
// reported as the ledger's error).
func (v *Vendor) Withdraw(ctx context.Context, bid common.Address) (res *WithdrawResult, err error) {
	defer timeStep(ctx, v.env.Log, v.env.Metrics, StepVendorWithdraw, "bid", bid)(&err)
	before, err := v.env.Ledger.Balance(ctx, bid)
	if err != nil {
		return nil, err
	}
	rcpt, err := v.env.Ledger.Withdraw(ctx, v.key, bid)
	if err != nil {
		return nil, fmt.Errorf("party: withdraw %s: %w", bid, err)
	}
	after, err := v.env.Ledger.Balance(ctx, bid)
	if err != nil {
		return nil, err
	}
	refunded := new(big.Int).Sub(before, after)
	v.env.Metrics.Gas(GasRecord{Kind: "withdraw", Party: "vendor", Gas: rcpt.GasUsed})
	if err := v.env.Store.Update(ctx, func(tx *store.Tx) error {
		rec, err := vendorBids.Get(tx, bid[:])
		if err != nil {
			return err
		}
		rec.Withdrawn, rec.Refunded, rec.WithdrawTx = true, refunded.Bytes(), rcpt.TxHash
		return vendorBids.Put(tx, bid[:], rec)
	}); err != nil {
		return nil, fmt.Errorf("party: withdraw: persist: %w", err)
	}
	v.env.Log.InfoContext(ctx, "withdrawn", "step", string(StepVendorWithdraw), "bid", bid, "refunded", refunded, "gas", rcpt.GasUsed)
	return &WithdrawResult{Refunded: refunded, Gas: rcpt.GasUsed}, nil
}

type fleetInfo struct {
	tree    *suite.FleetTree
	devices []common.Address
}
