// Package party implements the parties of podnet's proof-of-distribution protocol
// (spec/pod.md): the vendor, the distributor, the device, the hub and the constrained
// device behind it. Every method that performs a protocol step is named after the step
// (spec/README.md) — Vendor_Publish is (*Vendor).Publish, Device_Commit is
// (*Device).Commit — and logs and times itself under the step's name.
//
// Parties talk over impl/transport with messages of impl/wire, keep their state in an
// impl/store database and reach the chain through a Ledger (impl/contracts over
// impl/chain).
package party

import (
	"context"
	"crypto/ecdsa"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
)

// BidInfo is what parties read of a bid contract.
type BidInfo struct {
	// Address is the bid contract.
	Address common.Address
	// Vendor is the vendor that published it.
	Vendor common.Address
	// UpdateID is U_id.
	UpdateID [32]byte
	// PackageID is P_id.
	PackageID [32]byte
	// LockType is the bid's lock type.
	LockType suite.LockType
	// FleetRoot and FleetSize commit to the fleet (suite.md §9).
	FleetRoot [32]byte
	FleetSize uint64
	// Expiry is the block time from which claims are refused and the vendor may withdraw.
	Expiry uint64
	// Block is the block the bid was published in.
	Block uint64
}

// Claim is one delivery claim (Contract_Claim's arguments).
type Claim struct {
	// Index and Device are the device's fleet leaf.
	Index  uint64
	Device common.Address
	// FleetProof is the device's fleet proof (suite.md §9).
	FleetProof [][32]byte
	// T is the distributor's secret from which r is derived.
	T [32]byte
	// R is DeriveR(distributor, T); the contract recomputes it from msg.sender and T.
	R *big.Int
	// Signature is the device's signature over Delivery(U_id, lock).
	Signature [suite.SignatureSize]byte
}

// Reveal is a KeyRevealed event.
type Reveal struct {
	// Bid is the bid that emitted it.
	Bid common.Address
	// Index and Device are the paid device.
	Index  uint64
	Device common.Address
	// Distributor is the sender of the claim transaction (the one paid).
	Distributor common.Address
	// R is the revealed key r.
	R *big.Int
	// Block is the block of the event.
	Block uint64
}

// PublishParams are the arguments of the factory's publish call.
type PublishParams struct {
	// UpdateID is U_id; PackageID is P_id.
	UpdateID  [32]byte
	PackageID [32]byte
	// LockType selects paper mode or point-lock mode.
	LockType suite.LockType
	// FleetRoot and FleetSize commit to the fleet.
	FleetRoot [32]byte
	FleetSize uint64
	// Expiry is the last block time at which claims are accepted.
	Expiry uint64
	// Deposit is paid into the bid (a multiple of FleetSize).
	Deposit *big.Int
}

// Ledger is the on-chain side of the protocol: the factory and the bids. It is
// implemented over impl/contracts by NewContractsLedger.
type Ledger interface {
	// ChainID is the chain's id.
	ChainID() uint64
	// HeadTime is the latest block's timestamp.
	HeadTime(ctx context.Context) (uint64, error)
	// Publish deploys a bid through the factory (Vendor_Publish).
	Publish(ctx context.Context, from *ecdsa.PrivateKey, p PublishParams) (BidInfo, *types.Receipt, error)
	// Bids returns the bids published from block `from` on, oldest first.
	Bids(ctx context.Context, from uint64) ([]BidInfo, error)
	// Bid reads one bid.
	Bid(ctx context.Context, addr common.Address) (BidInfo, error)
	// IsClaimed reads the bid's claimed bitmap.
	IsClaimed(ctx context.Context, bid common.Address, index uint64) (bool, error)
	// Claim submits one claim, or a batch of claims all or nothing.
	Claim(ctx context.Context, from *ecdsa.PrivateKey, bid common.Address, claims []Claim) (*types.Receipt, error)
	// Reveals returns the KeyRevealed events of bid from block `from` on.
	Reveals(ctx context.Context, bid common.Address, from uint64) ([]Reveal, error)
	// Withdraw takes the rest of the deposit back (Vendor_Withdraw).
	Withdraw(ctx context.Context, from *ecdsa.PrivateKey, bid common.Address) (*types.Receipt, error)
	// Balance is an account's balance.
	Balance(ctx context.Context, a common.Address) (*big.Int, error)
}

// Env is what every party needs from its surroundings.
type Env struct {
	// Ledger is the chain.
	Ledger Ledger
	// Host is the party's transport endpoint.
	Host transport.Host
	// Routing publishes and finds providers.
	Routing transport.Routing
	// Store is the party's database.
	Store *store.DB
	// Keys caches parsed zk keys (may be shared by the parties of one process).
	Keys *KeyCache
	// Log receives the party's logs; nil discards them.
	Log *slog.Logger
	// Metrics records timings and gas; nil records nothing.
	Metrics *Metrics
	// Limits bound every stream read and write.
	Limits transport.Limits
	// Poll is the interval at which the party polls the chain (default 200 ms).
	Poll time.Duration
}

func (e *Env) fill() {
	if e.Log == nil {
		e.Log = slog.New(slog.DiscardHandler)
	}
	if e.Keys == nil {
		e.Keys = NewKeyCache()
	}
	if e.Poll <= 0 {
		e.Poll = 200 * time.Millisecond
	}
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
