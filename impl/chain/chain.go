// Package chain gives the podnet parties, contracts and benchmarks access to an Ethereum
// chain through one interface, with two implementations:
//
//   - [NewSimulated]: go-ethereum's simulated backend (ethclient/simulated) in process, the
//     default for the demo, the tests and the gas benchmark. Its chain configuration is
//     pinned to the Osaka fork (see [OsakaChainConfig]) so that every gas figure is
//     measured under a released fork, never under an experimental one.
//   - [Dial]: any JSON-RPC endpoint (for example a `geth --dev` node), with one funded key.
//
// Both expose the same [Client] (what the abigen bindings need, plus balances and
// receipts), funded [Account]s, [Chain.Wait] for receipts (bounded by a context) and
// [Chain.Commit]/[Chain.AdjustTime] for the simulated chain's block production and clock.
package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// Client is the chain access every part of podnet uses: everything the abigen v2
// bindings need (bind.ContractBackend, bind.DeployBackend) plus state, block and
// transaction readers.
type Client interface {
	bind.ContractBackend
	bind.DeployBackend
	ethereum.ChainStateReader
	ethereum.BlockNumberReader
	ethereum.ChainIDReader
	ethereum.TransactionReader
	ethereum.ChainReader
}

// Account is a key the chain can sign transactions with, and its address.
type Account struct {
	Key     *ecdsa.PrivateKey
	Address common.Address
}

// NewAccount returns the account of key.
func NewAccount(key *ecdsa.PrivateKey) Account {
	return Account{Key: key, Address: crypto.PubkeyToAddress(key.PublicKey)}
}

// Chain is an Ethereum chain podnet can transact on. Implementations are safe for use by
// one goroutine at a time for Commit/AdjustTime and for concurrent reads through Client.
type Chain interface {
	// Client returns the RPC-level client (bindings, balances, receipts, logs).
	Client() Client
	// ChainID returns the chain id transactions are signed for.
	ChainID() *big.Int
	// Fork names the latest fork active at the head (e.g. "Osaka"); "unknown" when the
	// endpoint does not say.
	Fork() string
	// Accounts returns the funded accounts this chain was set up with.
	Accounts() []Account
	// Transactor returns transaction options signing with key, carrying ctx.
	Transactor(ctx context.Context, key *ecdsa.PrivateKey) (*bind.TransactOpts, error)
	// Commit makes pending transactions part of the chain: the simulated chain seals a
	// block; a JSON-RPC chain does nothing (the node mines on its own).
	Commit()
	// Wait returns the receipt of tx once it is mined (the simulated chain seals a
	// block first). A mined but failed transaction returns its receipt and an error
	// wrapping ErrTxFailed.
	Wait(ctx context.Context, tx *types.Transaction) (*types.Receipt, error)
	// AdjustTime moves the chain's clock forward by d and seals an empty block. Only the
	// simulated chain supports it; others return an error wrapping ErrUnsupported.
	AdjustTime(ctx context.Context, d time.Duration) error
	// HeadTime returns the timestamp of the latest block (seconds since the epoch).
	HeadTime(ctx context.Context) (uint64, error)
	// Close releases the chain; it cannot be used afterwards.
	Close() error
}

var (
	// ErrTxFailed is returned (wrapped) by Chain.Wait when a transaction was mined with
	// status 0 (it reverted or ran out of gas).
	ErrTxFailed = errors.New("chain: transaction failed")
	// ErrUnsupported is returned (wrapped) for an operation the backend cannot do, such as
	// moving the clock of a real node.
	ErrUnsupported = errors.New("chain: operation not supported by this backend")
)

// TxFailedError describes a mined transaction that failed. It matches ErrTxFailed with
// errors.Is.
type TxFailedError struct {
	Tx      common.Hash
	GasUsed uint64
}

// Error implements error.
func (e *TxFailedError) Error() string {
	return fmt.Sprintf("chain: transaction %s failed (gas used %d)", e.Tx.Hex(), e.GasUsed)
}

// Is reports whether target is ErrTxFailed.
func (e *TxFailedError) Is(target error) bool { return target == ErrTxFailed }

// checkReceipt turns a failed receipt into a *TxFailedError.
func checkReceipt(r *types.Receipt) (*types.Receipt, error) {
	if r.Status != types.ReceiptStatusSuccessful {
		return r, &TxFailedError{Tx: r.TxHash, GasUsed: r.GasUsed}
	}
	return r, nil
}

// RevertData extracts the ABI-encoded revert data (a custom error or Error(string))
// carried by err, as returned by gas estimation, eth_call or a simulated transaction.
// It reports false when err carries none.
func RevertData(err error) ([]byte, bool) {
	var de interface{ ErrorData() interface{} }
	if !errors.As(err, &de) {
		return nil, false
	}
	switch d := de.ErrorData().(type) {
	case string:
		b, derr := hexutil.Decode(d)
		if derr != nil {
			return nil, false
		}
		return b, true
	case []byte:
		return d, true
	default:
		return nil, false
	}
}

// transactor builds keyed transaction options carrying ctx.
func transactor(ctx context.Context, key *ecdsa.PrivateKey, chainID *big.Int) (*bind.TransactOpts, error) {
	if key == nil {
		return nil, errors.New("chain: nil key")
	}
	opts := bind.NewKeyedTransactor(key, chainID)
	opts.Context = ctx
	return opts, nil
}

// headTime reads the head block's timestamp through c.
func headTime(ctx context.Context, c Client) (uint64, error) {
	h, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("chain: read head: %w", err)
	}
	return h.Time, nil
}
