package channel

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/bindings"
	"github.com/podnet/podnet/impl/suite"
)

// RevertError is a contract call that reverted with one of the contract's named custom
// errors (for example "OverDeposit"). It matches ErrReverted with errors.Is.
type RevertError struct {
	// Name is the custom error's name; empty when the revert data matched none.
	Name string
	// Data is the raw revert data.
	Data []byte
}

// Error implements error.
func (e *RevertError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("channel contract reverted (data %x)", e.Data)
	}
	return "channel contract reverted: " + e.Name + "()"
}

// Is reports whether target is ErrReverted.
func (e *RevertError) Is(target error) bool { return target == ErrReverted }

// IsRevert reports whether err is a revert with the custom error name.
func IsRevert(err error, name string) bool {
	var re *RevertError
	return errors.As(err, &re) && re.Name == name
}

// TxResult is what a mined channel transaction reports.
type TxResult struct {
	Hash    common.Hash
	Gas     uint64
	Block   uint64
	Receipt *types.Receipt
}

// Contract is a Go client of one deployed PodnetChannel contract
// (impl/contracts/src/channel/PodnetChannel.sol) over its generated bindings. It
// implements Ledger and Closer.
type Contract struct {
	ch    chain.Chain
	addr  common.Address
	abi   abi.ABI
	bound *bind.BoundContract
	log   *slog.Logger
}

var (
	_ Ledger = (*Contract)(nil)
	_ Closer = (*Contract)(nil)
)

func channelABI() (abi.ABI, error) {
	parsed, err := bindings.PodnetChannelMetaData.ParseABI()
	if err != nil {
		return abi.ABI{}, fmt.Errorf("channel contract ABI: %w", err)
	}
	return *parsed, nil
}

// Deploy deploys a PodnetChannel contract signed by key and returns its client and the
// deployment's result.
func Deploy(ctx context.Context, ch chain.Chain, key *ecdsa.PrivateKey, log *slog.Logger) (*Contract, TxResult, error) {
	opts, err := ch.Transactor(ctx, key)
	if err != nil {
		return nil, TxResult{}, fmt.Errorf("deploy channel contract: %w", err)
	}
	code := common.FromHex(bindings.PodnetChannelMetaData.Bin)
	addr, tx, err := bind.DeployContract(opts, code, ch.Client(), nil)
	if err != nil {
		return nil, TxResult{}, fmt.Errorf("deploy channel contract: %w", err)
	}
	r, err := ch.Wait(ctx, tx)
	if err != nil {
		return nil, TxResult{}, fmt.Errorf("deploy channel contract: %w", err)
	}
	c, err := NewContract(ch, addr, log)
	if err != nil {
		return nil, TxResult{}, err
	}
	return c, result(r), nil
}

// NewContract returns a client of the PodnetChannel contract at addr.
func NewContract(ch chain.Chain, addr common.Address, log *slog.Logger) (*Contract, error) {
	a, err := channelABI()
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	return &Contract{
		ch: ch, addr: addr, abi: a, log: log,
		bound: bind.NewBoundContract(addr, a, ch.Client(), ch.Client(), ch.Client()),
	}, nil
}

// Address returns the contract's address.
func (c *Contract) Address() common.Address { return c.addr }

// Domain returns the EIP-712 domain receipts for this contract are bound to.
func (c *Contract) Domain() Domain { return Domain{ChainID: c.ch.ChainID(), Contract: c.addr} }

// OpenClient is Client_Open (construction 1): key deposits deposit for itself, paying
// server, until expiry. It returns the channel's terms (the opening block is part of
// them).
func (c *Contract) OpenClient(ctx context.Context, key *ecdsa.PrivateKey, server common.Address, expiry uint64, deposit *big.Int) (Terms, TxResult, error) {
	t := Terms{Kind: KindClient, Owner: addressOf(key), Server: server, Expiry: expiry}
	return c.open(ctx, key, t, deposit, "openClient", server, expiry)
}

// OpenDelegated is Owner_OpenDelegated (construction 2): key (the owner) deposits on
// behalf of the client key client.
func (c *Contract) OpenDelegated(ctx context.Context, key *ecdsa.PrivateKey, server, client common.Address, expiry uint64, deposit *big.Int) (Terms, TxResult, error) {
	t := Terms{Kind: KindDelegated, Owner: addressOf(key), Server: server, Client: client, Expiry: expiry}
	return c.open(ctx, key, t, deposit, "openDelegated", server, client, expiry)
}

// OpenTree is Owner_OpenTree (construction 3): key (the owner) deposits for the client
// keys of the fleet-style tree with root and size (spec/suite.md §9).
func (c *Contract) OpenTree(ctx context.Context, key *ecdsa.PrivateKey, server common.Address, root [32]byte, size, expiry uint64, deposit *big.Int) (Terms, TxResult, error) {
	t := Terms{Kind: KindTree, Owner: addressOf(key), Server: server, Root: root, Size: size, Expiry: expiry}
	return c.open(ctx, key, t, deposit, "openTree", server, root, size, expiry)
}

func (c *Contract) open(ctx context.Context, key *ecdsa.PrivateKey, t Terms, deposit *big.Int, method string, args ...any) (Terms, TxResult, error) {
	res, err := c.transact(ctx, key, deposit, method, args...)
	if err != nil {
		return Terms{}, res, fmt.Errorf("%s: %w", stepOf(t.Kind), err)
	}
	t.OpenBlock = res.Block
	c.log.Info(stepOf(t.Kind), "channel", fmt.Sprintf("%x", t.ID()), "deposit", deposit, "gas", res.Gas)
	return t, res, nil
}

// stepOf names the opening step of a construction.
func stepOf(k Kind) string {
	switch k {
	case KindClient:
		return "Client_Open"
	case KindDelegated:
		return "Owner_OpenDelegated"
	default:
		return "Owner_OpenTree"
	}
}

// CloseCalldata returns the calldata of Server_Close for the channel of t with r.
func (c *Contract) CloseCalldata(t Terms, r Receipt) ([]byte, error) {
	if err := suite.CheckSignature(r.Sig); err != nil {
		return nil, fmt.Errorf("close: %w: %w", ErrBadReceiptSignature, err) // EIP-2098 needs low S
	}
	if r.Cumulative == nil {
		return nil, fmt.Errorf("close: nil amount: %w", ErrBadParameter)
	}
	rr, vs := compactSig(r.Sig)
	switch t.Kind {
	case KindClient, KindDelegated:
		return c.abi.Pack("close", t.Owner, t.Client, t.Packed(), r.Cumulative, rr, vs)
	case KindTree:
		return c.abi.Pack("closeTree", t.Owner, t.Root, t.Packed(), r.Cumulative, rr, vs, new(big.Int).SetUint64(r.Index), r.Proof)
	default:
		return nil, fmt.Errorf("close: %v: %w", t.Kind, ErrBadParameter)
	}
}

// Close is Server_Close on chain: key (the server) closes the channel of t with the
// receipt r and is paid r.Cumulative.
func (c *Contract) Close(ctx context.Context, key *ecdsa.PrivateKey, t Terms, r Receipt) (TxResult, error) {
	data, err := c.CloseCalldata(t, r)
	if err != nil {
		return TxResult{}, err
	}
	res, err := c.send(ctx, key, nil, data)
	if err != nil {
		return res, fmt.Errorf("Server_Close: %w", err)
	}
	return res, nil
}

// Refund is Owner_Refund: key (the owner) takes back the remainder of a closed
// channel, or the deposit of an expired unclosed one.
func (c *Contract) Refund(ctx context.Context, key *ecdsa.PrivateKey, t Terms) (TxResult, error) {
	k := t.Key()
	res, err := c.transact(ctx, key, nil, "refund", t.Server, k, t.Packed())
	if err != nil {
		return res, fmt.Errorf("Owner_Refund: %w", err)
	}
	c.log.Info("Owner_Refund", "channel", fmt.Sprintf("%x", t.ID()), "gas", res.Gas)
	return res, nil
}

// State implements Ledger: the channel's state word, read at the latest block.
func (c *Contract) State(ctx context.Context, id [32]byte) (State, error) {
	out, err := c.call(ctx, "channels", id)
	if err != nil {
		return State{}, err
	}
	w, ok := out[0].(*big.Int)
	if !ok {
		return State{}, fmt.Errorf("channels(%x): unexpected result %T", id[:4], out[0])
	}
	owed := new(big.Int).And(w, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1)))
	return State{Owed: owed, Closed: w.Bit(255) == 1}, nil
}

// Now implements Ledger.
func (c *Contract) Now(ctx context.Context) (uint64, error) { return c.ch.HeadTime(ctx) }

// ChannelID asks the contract for the id of the channel of t (the Go Terms.ID must agree).
func (c *Contract) ChannelID(ctx context.Context, t Terms) ([32]byte, error) {
	out, err := c.call(ctx, "channelId", t.Owner, t.Server, t.Key(), t.Packed())
	if err != nil {
		return [32]byte{}, err
	}
	id, ok := out[0].([32]byte)
	if !ok {
		return [32]byte{}, fmt.Errorf("channelId: unexpected result %T", out[0])
	}
	return id, nil
}

// ReceiptDigest asks the contract for the EIP-712 digest of a receipt (the Go
// Domain.Digest must agree).
func (c *Contract) ReceiptDigest(ctx context.Context, id [32]byte, cumulative *big.Int) ([32]byte, error) {
	out, err := c.call(ctx, "receiptDigest", id, cumulative)
	if err != nil {
		return [32]byte{}, err
	}
	d, ok := out[0].([32]byte)
	if !ok {
		return [32]byte{}, fmt.Errorf("receiptDigest: unexpected result %T", out[0])
	}
	return d, nil
}

func (c *Contract) call(ctx context.Context, method string, args ...any) ([]any, error) {
	var out []any
	if err := c.bound.Call(&bind.CallOpts{Context: ctx}, &out, method, args...); err != nil {
		return nil, fmt.Errorf("%s: %w", method, c.decode(err))
	}
	return out, nil
}

func (c *Contract) transact(ctx context.Context, key *ecdsa.PrivateKey, value *big.Int, method string, args ...any) (TxResult, error) {
	data, err := c.abi.Pack(method, args...)
	if err != nil {
		return TxResult{}, fmt.Errorf("%s: pack: %w", method, err)
	}
	return c.send(ctx, key, value, data)
}

// send estimates (a revert surfaces here with its custom error), sends and waits.
func (c *Contract) send(ctx context.Context, key *ecdsa.PrivateKey, value *big.Int, data []byte) (TxResult, error) {
	opts, err := c.ch.Transactor(ctx, key)
	if err != nil {
		return TxResult{}, err
	}
	opts.Value = value
	tx, err := c.bound.RawTransact(opts, data)
	if err != nil {
		return TxResult{}, c.decode(err)
	}
	r, err := c.ch.Wait(ctx, tx)
	if r != nil {
		return result(r), err
	}
	return TxResult{Hash: tx.Hash()}, err
}

// decode turns revert data carried by err into a *RevertError naming the custom error.
func (c *Contract) decode(err error) error {
	data, ok := chain.RevertData(err)
	if !ok || len(data) < 4 {
		return err
	}
	for name, e := range c.abi.Errors {
		if [4]byte(e.ID[:4]) == [4]byte(data[:4]) {
			return &RevertError{Name: name, Data: data}
		}
	}
	return &RevertError{Data: data}
}

func result(r *types.Receipt) TxResult {
	return TxResult{Hash: r.TxHash, Gas: r.GasUsed, Block: r.BlockNumber.Uint64(), Receipt: r}
}
