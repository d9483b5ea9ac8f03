package party

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/bindings"
	"github.com/podnet/podnet/impl/suite"
)

// ContractsLedger is the Ledger over the UpdateFactory and PodBid contracts on a chain.
type ContractsLedger struct {
	ch      chain.Chain
	chainID uint64
	factory common.Address
	fb      *bindings.UpdateFactory
	finst   *bind.BoundContract
	pb      *bindings.PodBid
	signer  types.Signer

	mu      sync.Mutex
	keyMu   map[common.Address]*sync.Mutex
	senders map[common.Hash]common.Address
	bids    map[common.Address]BidInfo
}

var _ Ledger = (*ContractsLedger)(nil)

// DeployFactory deploys the UpdateFactory (and with it the PodBid implementation) and
// returns its address and the deployment receipt.
func DeployFactory(ctx context.Context, ch chain.Chain, key *ecdsa.PrivateKey) (common.Address, *types.Receipt, error) {
	opts, err := ch.Transactor(ctx, key)
	if err != nil {
		return common.Address{}, nil, err
	}
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.UpdateFactoryMetaData.Bin), ch.Client(), nil)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("party: deploy factory: %w", err)
	}
	rcpt, err := NewContractsLedger(ch, common.Address{}).wait(ctx, tx)
	if err != nil {
		return common.Address{}, rcpt, fmt.Errorf("party: deploy factory: %w", err)
	}
	return addr, rcpt, nil
}

// NewContractsLedger returns the ledger of the factory at factory on ch.
func NewContractsLedger(ch chain.Chain, factory common.Address) *ContractsLedger {
	fb := bindings.NewUpdateFactory()
	return &ContractsLedger{
		ch: ch, chainID: ch.ChainID().Uint64(), factory: factory,
		fb: fb, finst: fb.Instance(ch.Client(), factory), pb: bindings.NewPodBid(),
		signer:  types.LatestSignerForChainID(ch.ChainID()),
		keyMu:   map[common.Address]*sync.Mutex{},
		senders: map[common.Hash]common.Address{},
		bids:    map[common.Address]BidInfo{},
	}
}

// Factory is the factory's address.
func (l *ContractsLedger) Factory() common.Address { return l.factory }

// Chain is the underlying chain.
func (l *ContractsLedger) Chain() chain.Chain { return l.ch }

// ChainID implements Ledger.
func (l *ContractsLedger) ChainID() uint64 { return l.chainID }

// HeadTime implements Ledger.
func (l *ContractsLedger) HeadTime(ctx context.Context) (uint64, error) { return l.ch.HeadTime(ctx) }

// Balance implements Ledger.
func (l *ContractsLedger) Balance(ctx context.Context, a common.Address) (*big.Int, error) {
	b, err := l.ch.Client().BalanceAt(ctx, a, nil)
	if err != nil {
		return nil, fmt.Errorf("party: balance of %s: %w", a, err)
	}
	return b, nil
}

func (l *ContractsLedger) lockKey(a common.Address) func() {
	l.mu.Lock()
	m, ok := l.keyMu[a]
	if !ok {
		m = &sync.Mutex{}
		l.keyMu[a] = m
	}
	l.mu.Unlock()
	m.Lock()
	return m.Unlock
}

// transact sends calldata to `to` from key (with value) and waits for the receipt.
func (l *ContractsLedger) transact(ctx context.Context, key *ecdsa.PrivateKey, inst *bind.BoundContract, data []byte, value *big.Int) (*types.Receipt, error) {
	defer l.lockKey(addressOf(key))()
	opts, err := l.ch.Transactor(ctx, key)
	if err != nil {
		return nil, err
	}
	opts.Value = value
	tx, err := bind.Transact(inst, opts, data)
	if err != nil {
		return nil, err
	}
	return l.wait(ctx, tx)
}

// wait is chain.Wait, retried while a node reports that its transaction index is still
// being built (a fresh geth answers receipts with "transaction indexing is in progress"
// for a while after start).
func (l *ContractsLedger) wait(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	for {
		rcpt, err := l.ch.Wait(ctx, tx)
		if err == nil || !strings.Contains(err.Error(), "transaction indexing is in progress") {
			return rcpt, err
		}
		if err := sleep(ctx, 200*time.Millisecond); err != nil {
			return nil, err
		}
	}
}

// Publish implements Ledger.
func (l *ContractsLedger) Publish(ctx context.Context, from *ecdsa.PrivateKey, p PublishParams) (BidInfo, *types.Receipt, error) {
	data, err := l.fb.TryPackPublish(p.UpdateID, p.PackageID, uint8(p.LockType), p.Expiry, p.FleetRoot, p.FleetSize)
	if err != nil {
		return BidInfo{}, nil, err
	}
	rcpt, err := l.transact(ctx, from, l.finst, data, p.Deposit)
	if err != nil {
		return BidInfo{}, rcpt, l.decode(err)
	}
	for _, lg := range rcpt.Logs {
		ev, err := l.fb.UnpackUpdatePublishedEvent(lg)
		if err != nil || lg.Address != l.factory {
			continue
		}
		info, err := l.bidInfo(ctx, ev, lg.BlockNumber)
		return info, rcpt, err
	}
	return BidInfo{}, rcpt, errors.New("party: publish: no UpdatePublished event in the receipt")
}

func (l *ContractsLedger) bidInfo(ctx context.Context, ev *bindings.UpdateFactoryUpdatePublished, block uint64) (BidInfo, error) {
	l.mu.Lock()
	info, ok := l.bids[ev.Bid]
	l.mu.Unlock()
	if ok {
		return info, nil
	}
	inst := l.pb.Instance(l.ch.Client(), ev.Bid)
	opts := &bind.CallOpts{Context: ctx}
	root, err := bind.Call(inst, opts, l.pb.PackFleetRoot(), l.pb.UnpackFleetRoot)
	if err != nil {
		return BidInfo{}, fmt.Errorf("party: read bid %s: %w", ev.Bid, err)
	}
	size, err := bind.Call(inst, opts, l.pb.PackFleetSize(), l.pb.UnpackFleetSize)
	if err != nil {
		return BidInfo{}, fmt.Errorf("party: read bid %s: %w", ev.Bid, err)
	}
	info = BidInfo{
		Address: ev.Bid, Vendor: ev.Vendor, UpdateID: ev.UpdateId, PackageID: ev.PackageId,
		LockType: suite.LockType(ev.LockType), FleetRoot: root, FleetSize: size, Expiry: ev.Expiry, Block: block,
	}
	l.mu.Lock()
	l.bids[ev.Bid] = info
	l.mu.Unlock()
	return info, nil
}

// Bids implements Ledger.
func (l *ContractsLedger) Bids(ctx context.Context, from uint64) ([]BidInfo, error) {
	it, err := bind.FilterEvents(l.finst, &bind.FilterOpts{Start: from, Context: ctx}, l.fb.UnpackUpdatePublishedEvent)
	if err != nil {
		return nil, fmt.Errorf("party: filter UpdatePublished: %w", err)
	}
	defer it.Close()
	var out []BidInfo
	for it.Next() {
		ev := it.Value()
		info, err := l.bidInfo(ctx, ev, ev.Raw.BlockNumber)
		if err != nil {
			return nil, err
		}
		out = append(out, info)
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("party: filter UpdatePublished: %w", err)
	}
	return out, nil
}

// Bid implements Ledger.
func (l *ContractsLedger) Bid(ctx context.Context, addr common.Address) (BidInfo, error) {
	l.mu.Lock()
	info, ok := l.bids[addr]
	l.mu.Unlock()
	if ok {
		return info, nil
	}
	bids, err := l.Bids(ctx, 0)
	if err != nil {
		return BidInfo{}, err
	}
	for _, b := range bids {
		if b.Address == addr {
			return b, nil
		}
	}
	return BidInfo{}, fmt.Errorf("%w: %s", ErrUnknownBid, addr)
}

// IsClaimed implements Ledger.
func (l *ContractsLedger) IsClaimed(ctx context.Context, bid common.Address, index uint64) (bool, error) {
	inst := l.pb.Instance(l.ch.Client(), bid)
	ok, err := bind.Call(inst, &bind.CallOpts{Context: ctx}, l.pb.PackIsClaimed(new(big.Int).SetUint64(index)), l.pb.UnpackIsClaimed)
	if err != nil {
		return false, fmt.Errorf("party: isClaimed(%d) on %s: %w", index, bid, err)
	}
	return ok, nil
}

// Claim implements Ledger: one claim with its fleet proof, or a batch (sorted by index)
// with the fleet multiproof of contracts.md.
func (l *ContractsLedger) Claim(ctx context.Context, from *ecdsa.PrivateKey, bid common.Address, claims []Claim) (*types.Receipt, error) {
	if len(claims) == 0 {
		return nil, errors.New("party: empty claim")
	}
	cs := append([]Claim(nil), claims...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].Index < cs[j].Index })
	pcs := make([]bindings.PodBidClaim, len(cs))
	for i, c := range cs {
		var sr, ss [32]byte
		copy(sr[:], c.Signature[0:32])
		copy(ss[:], c.Signature[32:64])
		pcs[i] = bindings.PodBidClaim{Index: c.Index, Device: c.Device, T: c.T, R: c.R, SigR: sr, SigS: ss, SigV: c.Signature[64]}
	}
	var data []byte
	var err error
	if len(cs) == 1 {
		data, err = l.pb.TryPackClaim(pcs[0], cs[0].FleetProof)
	} else {
		var mp [][32]byte
		mp, err = MultiProof(cs)
		if err == nil {
			data, err = l.pb.TryPackClaimBatch(pcs, mp)
		}
	}
	if err != nil {
		return nil, err
	}
	rcpt, err := l.transact(ctx, from, l.pb.Instance(l.ch.Client(), bid), data, nil)
	if err != nil {
		return rcpt, l.decode(err)
	}
	return rcpt, nil
}

// Reveals implements Ledger. The distributor of each event is the sender of its
// transaction.
func (l *ContractsLedger) Reveals(ctx context.Context, bid common.Address, from uint64) ([]Reveal, error) {
	inst := l.pb.Instance(l.ch.Client(), bid)
	it, err := bind.FilterEvents(inst, &bind.FilterOpts{Start: from, Context: ctx}, l.pb.UnpackKeyRevealedEvent)
	if err != nil {
		return nil, fmt.Errorf("party: filter KeyRevealed: %w", err)
	}
	defer it.Close()
	var out []Reveal
	for it.Next() {
		ev := it.Value()
		who, err := l.sender(ctx, ev.Raw.TxHash)
		if err != nil {
			return nil, err
		}
		out = append(out, Reveal{
			Bid: bid, Index: ev.DeviceIndex.Uint64(), Device: ev.Device, Distributor: who, R: ev.R, Block: ev.Raw.BlockNumber,
		})
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("party: filter KeyRevealed: %w", err)
	}
	return out, nil
}

func (l *ContractsLedger) sender(ctx context.Context, h common.Hash) (common.Address, error) {
	l.mu.Lock()
	a, ok := l.senders[h]
	l.mu.Unlock()
	if ok {
		return a, nil
	}
	tx, _, err := l.ch.Client().TransactionByHash(ctx, h)
	if err != nil {
		return common.Address{}, fmt.Errorf("party: transaction %s: %w", h, err)
	}
	a, err = types.Sender(l.signer, tx)
	if err != nil {
		return common.Address{}, fmt.Errorf("party: sender of %s: %w", h, err)
	}
	l.mu.Lock()
	l.senders[h] = a
	l.mu.Unlock()
	return a, nil
}

// Withdraw implements Ledger.
func (l *ContractsLedger) Withdraw(ctx context.Context, from *ecdsa.PrivateKey, bid common.Address) (*types.Receipt, error) {
	rcpt, err := l.transact(ctx, from, l.pb.Instance(l.ch.Client(), bid), l.pb.PackWithdraw(), nil)
	if err != nil {
		return rcpt, l.decode(err)
	}
	return rcpt, nil
}

// RevertError is a transaction refused by a contract with a named custom error.
type RevertError struct {
	// Name is the custom error's Go type name (e.g. "PodBidAlreadyClaimed").
	Name string
	// Err is the underlying error.
	Err error
}

// Error implements error.
func (e *RevertError) Error() string {
	return fmt.Sprintf("party: reverted with %s: %v", e.Name, e.Err)
}

// Unwrap returns the underlying error.
func (e *RevertError) Unwrap() error { return e.Err }

// decode names the custom error carried by a refused transaction.
func (l *ContractsLedger) decode(err error) error {
	raw, ok := chain.RevertData(err)
	if !ok {
		return err
	}
	if v, derr := l.pb.UnpackError(raw); derr == nil {
		return &RevertError{Name: fmt.Sprintf("%T", v), Err: err}
	}
	if v, derr := l.fb.UnpackError(raw); derr == nil {
		return &RevertError{Name: fmt.Sprintf("%T", v), Err: err}
	}
	return err
}

// MultiProof builds the fleet multiproof of claimBatch (contracts.md) for claims sorted
// by strictly increasing index, from their individual fleet proofs: level by level, a node
// whose sibling is not the next node of the level takes the sibling from the proof of one
// of its leaves.
func MultiProof(claims []Claim) ([][32]byte, error) {
	type node struct {
		j     uint64
		h     [32]byte
		proof [][32]byte
	}
	if len(claims) == 0 {
		return nil, errors.New("party: multiproof of nothing")
	}
	depth := len(claims[0].FleetProof)
	level := make([]node, len(claims))
	for i, c := range claims {
		if len(c.FleetProof) != depth || (i > 0 && c.Index <= claims[i-1].Index) {
			return nil, fmt.Errorf("%w: claims must be sorted with proofs of one depth", suite.ErrProofLength)
		}
		level[i] = node{j: c.Index, h: suite.FleetLeaf(c.Index, c.Device), proof: c.FleetProof}
	}
	var out [][32]byte
	for d := 0; d < depth; d++ {
		var next []node
		for k := 0; k < len(level); {
			n := level[k]
			var left, right [32]byte
			if n.j&1 == 0 {
				if k+1 < len(level) && level[k+1].j == n.j+1 {
					left, right = n.h, level[k+1].h
					k += 2
				} else {
					left, right = n.h, n.proof[d]
					out = append(out, n.proof[d])
					k++
				}
			} else {
				left, right = n.proof[d], n.h
				out = append(out, n.proof[d])
				k++
			}
			next = append(next, node{j: n.j >> 1, h: suite.FleetNode(left, right), proof: n.proof})
		}
		level = next
	}
	return out, nil
}

// Transfer sends amount wei from key to `to` and waits for the receipt (used to fund
// party accounts on a real node).
func (l *ContractsLedger) Transfer(ctx context.Context, from *ecdsa.PrivateKey, to common.Address, amount *big.Int) (*types.Receipt, error) {
	defer l.lockKey(addressOf(from))()
	c := l.ch.Client()
	nonce, err := c.PendingNonceAt(ctx, addressOf(from))
	if err != nil {
		return nil, fmt.Errorf("party: transfer: %w", err)
	}
	tip, err := c.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, fmt.Errorf("party: transfer: %w", err)
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("party: transfer: %w", err)
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	tx := types.NewTx(&types.DynamicFeeTx{
		ChainID: l.ch.ChainID(), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &to, Value: amount,
	})
	signed, err := types.SignTx(tx, l.signer, from)
	if err != nil {
		return nil, fmt.Errorf("party: transfer: %w", err)
	}
	if err := c.SendTransaction(ctx, signed); err != nil {
		return nil, fmt.Errorf("party: transfer: %w", err)
	}
	return l.wait(ctx, signed)
}
