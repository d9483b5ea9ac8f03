package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// receiptPoll is how often RPC.Wait asks for a receipt.
const receiptPoll = 100 * time.Millisecond

// RPC is a chain reached over JSON-RPC (HTTP, WebSocket or IPC), with one funded key.
type RPC struct {
	rpc     *rpc.Client
	client  *ethclient.Client
	chainID *big.Int
	account Account
}

var _ Chain = (*RPC)(nil)

// Dial connects to the JSON-RPC endpoint url and reads its chain id; key is the funded
// account transactions are paid from (Accounts returns it).
func Dial(ctx context.Context, url string, key *ecdsa.PrivateKey) (*RPC, error) {
	if key == nil {
		return nil, errors.New("chain: dial: nil key")
	}
	rc, err := rpc.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("chain: dial %s: %w", url, err)
	}
	c := ethclient.NewClient(rc)
	id, err := c.ChainID(ctx)
	if err != nil {
		rc.Close()
		return nil, fmt.Errorf("chain: chain id of %s: %w", url, err)
	}
	return &RPC{rpc: rc, client: c, chainID: id, account: NewAccount(key)}, nil
}

// Client implements Chain.
func (r *RPC) Client() Client { return r.client }

// ChainID implements Chain.
func (r *RPC) ChainID() *big.Int { return new(big.Int).Set(r.chainID) }

// Fork implements Chain. It asks the node with eth_config (EIP-7910) and returns
// "unknown" when the node does not answer it.
func (r *RPC) Fork() string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var res struct {
		Current *struct {
			ActivationTime uint64 `json:"activationTime"`
			ForkID         string `json:"forkId"`
			Name           string `json:"name"`
		} `json:"current"`
	}
	if err := r.rpc.CallContext(ctx, &res, "eth_config"); err != nil || res.Current == nil || res.Current.Name == "" {
		return "unknown"
	}
	n := strings.ToLower(res.Current.Name)
	return strings.ToUpper(n[:1]) + n[1:]
}

// Accounts implements Chain: the one key given to Dial.
func (r *RPC) Accounts() []Account { return []Account{r.account} }

// Transactor implements Chain.
func (r *RPC) Transactor(ctx context.Context, key *ecdsa.PrivateKey) (*bind.TransactOpts, error) {
	return transactor(ctx, key, r.chainID)
}

// Commit implements Chain: a node mines on its own, so it does nothing.
func (r *RPC) Commit() {}

// Wait implements Chain: it polls for tx's receipt until it is mined or ctx ends.
func (r *RPC) Wait(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	if tx == nil {
		return nil, errors.New("chain: wait for nil transaction")
	}
	t := time.NewTicker(receiptPoll)
	defer t.Stop()
	for {
		rec, err := r.client.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			return checkReceipt(rec)
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, fmt.Errorf("chain: receipt of %s: %w", tx.Hash().Hex(), err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("chain: waiting for %s: %w", tx.Hash().Hex(), ctx.Err())
		case <-t.C:
		}
	}
}

// AdjustTime implements Chain: a real node's clock cannot be moved.
func (r *RPC) AdjustTime(context.Context, time.Duration) error {
	return fmt.Errorf("chain: adjust time over JSON-RPC: %w", ErrUnsupported)
}

// HeadTime implements Chain.
func (r *RPC) HeadTime(ctx context.Context) (uint64, error) { return headTime(ctx, r.client) }

// Close implements Chain.
func (r *RPC) Close() error {
	r.client.Close()
	return nil
}
