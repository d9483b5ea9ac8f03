// Package pod is the Go client of the proof-of-distribution contracts (UpdateFactory and
// PodBid, spec/contracts.md) for the parties: the vendor publishes and withdraws, the
// distributor claims (one device or a batch), devices and hubs read KeyRevealed.
//
// Every transaction waits for its receipt through chain.Chain. A call the contract
// rejects returns an error matching the named custom error with errors.Is (ErrExpired,
// ErrNotInFleet, ... see errors.go).
package pod

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/bindings"
	"github.com/podnet/podnet/impl/suite"
)

// ErrInput is returned (wrapped) for arguments the client rejects before sending.
var ErrInput = errors.New("pod: invalid input")

// Client talks to one UpdateFactory and the bids it publishes.
type Client struct {
	chain   chain.Chain
	factory common.Address
	log     *slog.Logger
	fabi    *bindings.UpdateFactory
	babi    *bindings.PodBid
}

// Option configures a Client.
type Option func(*Client)

// WithLogger sets the client's logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(c *Client) { c.log = l } }

// New returns a client for the factory at address factory on ch.
func New(ch chain.Chain, factory common.Address, opts ...Option) *Client {
	c := &Client{
		chain:   ch,
		factory: factory,
		log:     slog.Default(),
		fabi:    bindings.NewUpdateFactory(),
		babi:    bindings.NewPodBid(),
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Factory returns the factory address.
func (c *Client) Factory() common.Address { return c.factory }

// Chain returns the chain the client uses.
func (c *Client) Chain() chain.Chain { return c.chain }

// DeployFactory deploys an UpdateFactory (and with it the PodBid implementation) paid by
// key, and returns its address and receipt.
func DeployFactory(ctx context.Context, ch chain.Chain, key *ecdsa.PrivateKey) (common.Address, *types.Receipt, error) {
	opts, err := ch.Transactor(ctx, key)
	if err != nil {
		return common.Address{}, nil, err
	}
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.UpdateFactoryMetaData.Bin), ch.Client(), nil)
	if err != nil {
		return common.Address{}, nil, wrapRevert("deploy factory", err)
	}
	rec, err := ch.Wait(ctx, tx)
	if err != nil {
		return common.Address{}, rec, fmt.Errorf("pod: deploy factory: %w", err)
	}
	return addr, rec, nil
}

// Publication is what a vendor publishes (step Vendor_Publish).
type Publication struct {
	UpdateID  [32]byte       // U_id
	PackageID [32]byte       // P_id
	LockType  suite.LockType // hash lock (paper mode) or point lock
	Expiry    uint64         // last timestamp at which claims are accepted
	FleetRoot [32]byte       // suite.FleetTree.Root()
	FleetSize uint64         // N ≥ 1
	Deposit   *big.Int       // a positive multiple of FleetSize; Deposit/FleetSize per device
}

// Publish deploys a bid through the factory, funded with p.Deposit and paid by the vendor
// key (step Vendor_Publish). It returns the bid address and the receipt.
func (c *Client) Publish(ctx context.Context, vendor *ecdsa.PrivateKey, p Publication) (common.Address, *types.Receipt, error) {
	if p.Deposit == nil || p.Deposit.Sign() <= 0 {
		return common.Address{}, nil, fmt.Errorf("%w: deposit must be positive", ErrInput)
	}
	opts, err := c.chain.Transactor(ctx, vendor)
	if err != nil {
		return common.Address{}, nil, err
	}
	opts.Value = new(big.Int).Set(p.Deposit)
	data := c.fabi.PackPublish(p.UpdateID, p.PackageID, uint8(p.LockType), p.Expiry, p.FleetRoot, p.FleetSize)
	tx, err := bind.Transact(c.fabi.Instance(c.chain.Client(), c.factory), opts, data)
	if err != nil {
		return common.Address{}, nil, wrapRevert("publish", err)
	}
	rec, err := c.chain.Wait(ctx, tx)
	if err != nil {
		return common.Address{}, rec, fmt.Errorf("pod: publish: %w", err)
	}
	for _, l := range rec.Logs {
		if l.Address != c.factory {
			continue
		}
		ev, err := c.fabi.UnpackUpdatePublishedEvent(l)
		if err != nil {
			continue
		}
		c.log.Info("bid published", "step", "Vendor_Publish", "bid", ev.Bid, "updateId", common.Hash(p.UpdateID), "fleetSize", p.FleetSize, "gas", rec.GasUsed)
		return ev.Bid, rec, nil
	}
	return common.Address{}, rec, errors.New("pod: publish: no UpdatePublished event in the receipt")
}

// Claim is one device's delivery claim.
type Claim struct {
	Index     uint64                    // the device's fleet index
	Device    common.Address            // the device's address (its fleet leaf is derived from it)
	T         [32]byte                  // the distributor's t
	R         *big.Int                  // suite.DeriveR(distributor, T)
	Signature [suite.SignatureSize]byte // the device's Delivery signature R || S || V
}

func (cl Claim) binding() (bindings.PodBidClaim, error) {
	if cl.R == nil || cl.R.Sign() < 0 || cl.R.BitLen() > 256 {
		return bindings.PodBidClaim{}, fmt.Errorf("%w: r out of range", ErrInput)
	}
	var b bindings.PodBidClaim
	b.Index = cl.Index
	b.Device = cl.Device
	b.T = cl.T
	b.R = new(big.Int).Set(cl.R)
	copy(b.SigR[:], cl.Signature[0:32])
	copy(b.SigS[:], cl.Signature[32:64])
	b.SigV = cl.Signature[64]
	return b, nil
}

// Claim claims the payment for one device on bid, paid to the distributor key (step
// Contract_Claim). proof is the device's fleet proof (suite.FleetTree.Proof).
func (c *Client) Claim(ctx context.Context, distributor *ecdsa.PrivateKey, bid common.Address, cl Claim, proof [][32]byte) (*types.Receipt, error) {
	b, err := cl.binding()
	if err != nil {
		return nil, err
	}
	return c.transact(ctx, distributor, bid, "claim", c.babi.PackClaim(b, proof))
}

// ClaimBatch claims the payments for several devices in one transaction (step
// Contract_Claim, batched). claims must be sorted by strictly increasing index and proof
// is their fleet multiproof (MultiProof).
func (c *Client) ClaimBatch(ctx context.Context, distributor *ecdsa.PrivateKey, bid common.Address, claims []Claim, proof [][32]byte) (*types.Receipt, error) {
	bs := make([]bindings.PodBidClaim, len(claims))
	for i, cl := range claims {
		b, err := cl.binding()
		if err != nil {
			return nil, err
		}
		bs[i] = b
	}
	return c.transact(ctx, distributor, bid, "claimBatch", c.babi.PackClaimBatch(bs, proof))
}

// Withdraw takes back the remaining deposit of bid after expiry (step Vendor_Withdraw).
func (c *Client) Withdraw(ctx context.Context, vendor *ecdsa.PrivateKey, bid common.Address) (*types.Receipt, error) {
	return c.transact(ctx, vendor, bid, "withdraw", c.babi.PackWithdraw())
}

func (c *Client) transact(ctx context.Context, key *ecdsa.PrivateKey, bid common.Address, op string, data []byte) (*types.Receipt, error) {
	opts, err := c.chain.Transactor(ctx, key)
	if err != nil {
		return nil, err
	}
	tx, err := bind.Transact(c.babi.Instance(c.chain.Client(), bid), opts, data)
	if err != nil {
		return nil, wrapRevert(op, err)
	}
	rec, err := c.chain.Wait(ctx, tx)
	if err != nil {
		if errors.Is(err, chain.ErrTxFailed) && rec != nil {
			if rerr := c.replay(ctx, opts.From, bid, data, rec); rerr != nil {
				return rec, fmt.Errorf("pod: %s: %w: %w", op, err, rerr)
			}
		}
		return rec, fmt.Errorf("pod: %s: %w", op, err)
	}
	c.log.Debug("bid transaction", "op", op, "bid", bid, "gas", rec.GasUsed)
	return rec, nil
}

// replay re-executes a transaction that failed on chain as a call on the state of its
// block, to recover the contract's named error (the state may differ slightly from the
// one the transaction saw). It returns the decoded error, or nil when there is none.
func (c *Client) replay(ctx context.Context, from, to common.Address, data []byte, rec *types.Receipt) error {
	_, err := c.chain.Client().CallContract(ctx, ethereum.CallMsg{From: from, To: &to, Data: data}, rec.BlockNumber)
	if data, ok := chain.RevertData(err); ok {
		return DecodeRevert(data)
	}
	return nil
}

// BidInfo is the public state of a bid.
type BidInfo struct {
	Address   common.Address
	Vendor    common.Address
	UpdateID  [32]byte
	PackageID [32]byte
	LockType  suite.LockType
	Expiry    uint64
	FleetRoot [32]byte
	FleetSize uint64
	Depth     int
	Reward    *big.Int // per device
	Balance   *big.Int // remaining deposit
}

// Bid reads the parameters and the balance of bid.
func (c *Client) Bid(ctx context.Context, bid common.Address) (BidInfo, error) {
	inst := c.babi.Instance(c.chain.Client(), bid)
	opts := &bind.CallOpts{Context: ctx}
	info := BidInfo{Address: bid}
	var err error
	call := func(name string, f func() error) {
		if err == nil {
			if e := f(); e != nil {
				err = wrapRevert("read "+name, e)
			}
		}
	}
	call("vendor", func() (e error) {
		info.Vendor, e = bind.Call(inst, opts, c.babi.PackVendor(), c.babi.UnpackVendor)
		return
	})
	call("updateId", func() (e error) {
		info.UpdateID, e = bind.Call(inst, opts, c.babi.PackUpdateId(), c.babi.UnpackUpdateId)
		return
	})
	call("packageId", func() (e error) {
		info.PackageID, e = bind.Call(inst, opts, c.babi.PackPackageId(), c.babi.UnpackPackageId)
		return
	})
	call("lockType", func() error {
		v, e := bind.Call(inst, opts, c.babi.PackLockType(), c.babi.UnpackLockType)
		info.LockType = suite.LockType(v)
		return e
	})
	call("expiry", func() (e error) {
		info.Expiry, e = bind.Call(inst, opts, c.babi.PackExpiry(), c.babi.UnpackExpiry)
		return
	})
	call("fleetRoot", func() (e error) {
		info.FleetRoot, e = bind.Call(inst, opts, c.babi.PackFleetRoot(), c.babi.UnpackFleetRoot)
		return
	})
	call("fleetSize", func() (e error) {
		info.FleetSize, e = bind.Call(inst, opts, c.babi.PackFleetSize(), c.babi.UnpackFleetSize)
		return
	})
	call("fleetDepth", func() error {
		v, e := bind.Call(inst, opts, c.babi.PackFleetDepth(), c.babi.UnpackFleetDepth)
		info.Depth = int(v)
		return e
	})
	call("reward", func() (e error) {
		info.Reward, e = bind.Call(inst, opts, c.babi.PackReward(), c.babi.UnpackReward)
		return
	})
	call("balance", func() (e error) {
		info.Balance, e = c.chain.Client().BalanceAt(ctx, bid, nil)
		return
	})
	if err != nil {
		return BidInfo{}, err
	}
	return info, nil
}

// IsClaimed reports whether the device at index was paid for on bid.
func (c *Client) IsClaimed(ctx context.Context, bid common.Address, index uint64) (bool, error) {
	v, err := bind.Call(c.babi.Instance(c.chain.Client(), bid), &bind.CallOpts{Context: ctx},
		c.babi.PackIsClaimed(new(big.Int).SetUint64(index)), c.babi.UnpackIsClaimed)
	if err != nil {
		return false, wrapRevert("isClaimed", err)
	}
	return v, nil
}

// DeliveryDigest asks bid for the EIP-712 digest a device signs for lock (it must equal
// suite.DeliveryDigest).
func (c *Client) DeliveryDigest(ctx context.Context, bid common.Address, lock [32]byte) ([32]byte, error) {
	v, err := bind.Call(c.babi.Instance(c.chain.Client(), bid), &bind.CallOpts{Context: ctx},
		c.babi.PackDeliveryDigest(lock), c.babi.UnpackDeliveryDigest)
	if err != nil {
		return [32]byte{}, wrapRevert("deliveryDigest", err)
	}
	return v, nil
}

// KeyRevealed is a decoded KeyRevealed event: the key r of the device at Index.
type KeyRevealed struct {
	Bid         common.Address
	Index       uint64
	Device      common.Address
	R           *big.Int
	BlockNumber uint64
	TxHash      common.Hash
}

func (c *Client) decodeKeyRevealed(l *types.Log) (KeyRevealed, error) {
	ev, err := c.babi.UnpackKeyRevealedEvent(l)
	if err != nil {
		return KeyRevealed{}, fmt.Errorf("pod: decode KeyRevealed: %w", err)
	}
	if !ev.DeviceIndex.IsUint64() {
		return KeyRevealed{}, fmt.Errorf("%w: KeyRevealed index %s", ErrInput, ev.DeviceIndex)
	}
	return KeyRevealed{Bid: l.Address, Index: ev.DeviceIndex.Uint64(), Device: ev.Device, R: ev.R, BlockNumber: l.BlockNumber, TxHash: l.TxHash}, nil
}

// FilterKeyRevealed returns the KeyRevealed events of bid from block fromBlock on,
// restricted to the given devices when any are given (what Device_Install reads).
func (c *Client) FilterKeyRevealed(ctx context.Context, bid common.Address, fromBlock uint64, devices ...common.Address) ([]KeyRevealed, error) {
	var devTopics []any
	for _, d := range devices {
		devTopics = append(devTopics, d)
	}
	logs, err := c.filter(ctx, bid, fromBlock, c.babi.GetABI().Events["KeyRevealed"].ID, nil, devTopics)
	if err != nil {
		return nil, fmt.Errorf("pod: filter KeyRevealed: %w", err)
	}
	out := make([]KeyRevealed, 0, len(logs))
	for i := range logs {
		ev, err := c.decodeKeyRevealed(&logs[i])
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, nil
}

// filter runs eth_getLogs for one event of addr with the given topic filters.
func (c *Client) filter(ctx context.Context, addr common.Address, fromBlock uint64, id common.Hash, query ...[]any) ([]types.Log, error) {
	topics, err := abi.MakeTopics(append([][]any{{id}}, query...)...)
	if err != nil {
		return nil, err
	}
	return c.chain.Client().FilterLogs(ctx, ethereum.FilterQuery{
		Addresses: []common.Address{addr},
		Topics:    topics,
		FromBlock: new(big.Int).SetUint64(fromBlock),
	})
}

// WatchKeyRevealed streams the KeyRevealed events of bid (restricted to devices when any
// are given) to sink until ctx ends or the subscription fails. It needs a backend that
// supports subscriptions (the simulated chain, or a WebSocket/IPC endpoint).
func (c *Client) WatchKeyRevealed(ctx context.Context, bid common.Address, sink chan<- KeyRevealed, devices ...common.Address) (event.Subscription, error) {
	inst := c.babi.Instance(c.chain.Client(), bid)
	var devTopics []any
	for _, d := range devices {
		devTopics = append(devTopics, d)
	}
	logs, sub, err := inst.WatchLogs(&bind.WatchOpts{Context: ctx}, "KeyRevealed", nil, devTopics)
	if err != nil {
		return nil, fmt.Errorf("pod: watch KeyRevealed: %w", err)
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case l := <-logs:
				ev, err := c.decodeKeyRevealed(&l)
				if err != nil {
					return err
				}
				select {
				case sink <- ev:
				case <-quit:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}), nil
}

// Published is a decoded UpdatePublished event.
type Published struct {
	Vendor    common.Address
	Bid       common.Address
	UpdateID  [32]byte
	PackageID [32]byte
	LockType  suite.LockType
	Expiry    uint64
	Block     uint64
}

// FilterPublished returns the UpdatePublished events of the factory from block fromBlock
// on, restricted to the given update ids when any are given (what Distributor_Fetch reads).
func (c *Client) FilterPublished(ctx context.Context, fromBlock uint64, updateIDs ...[32]byte) ([]Published, error) {
	var ids []any
	for _, u := range updateIDs {
		ids = append(ids, u)
	}
	logs, err := c.filter(ctx, c.factory, fromBlock, c.fabi.GetABI().Events["UpdatePublished"].ID, nil, nil, ids)
	if err != nil {
		return nil, fmt.Errorf("pod: filter UpdatePublished: %w", err)
	}
	out := make([]Published, 0, len(logs))
	for i := range logs {
		ev, err := c.fabi.UnpackUpdatePublishedEvent(&logs[i])
		if err != nil {
			return nil, fmt.Errorf("pod: decode UpdatePublished: %w", err)
		}
		out = append(out, Published{Vendor: ev.Vendor, Bid: ev.Bid, UpdateID: ev.UpdateId, PackageID: ev.PackageId, LockType: suite.LockType(ev.LockType), Expiry: ev.Expiry, Block: logs[i].BlockNumber})
	}
	return out, nil
}
