package chain

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// DefaultAccounts is the number of funded accounts of a simulated chain unless
// WithAccounts says otherwise.
const DefaultAccounts = 8

// defaultBalance is the genesis balance of every funded account of a simulated chain
// (10^6 ether) unless WithBalance says otherwise.
func defaultBalance() *big.Int {
	return new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
}

// DefaultGasLimit is the block gas limit of a simulated chain (large enough for a batch
// of a few hundred claims).
const DefaultGasLimit = 100_000_000

// OsakaChainConfig returns the chain configuration of the simulated chain: go-ethereum's
// dev-chain configuration (chain id 1337, every fork from genesis) with the forks after
// Osaka (the BPO blob-parameter forks and the experimental Amsterdam and Bogota forks,
// which reprice storage) switched off, so that Osaka is the latest active fork and every
// gas figure is measured under a released fork.
func OsakaChainConfig() *params.ChainConfig {
	cfg := *params.AllDevChainProtocolChanges
	cfg.BPO1Time, cfg.BPO2Time, cfg.BPO3Time, cfg.BPO4Time, cfg.BPO5Time = nil, nil, nil, nil, nil
	cfg.AmsterdamTime, cfg.BogotaTime, cfg.UBTTime = nil, nil, nil
	cfg.EnableUBTAtGenesis = false
	cfg.ChainID = new(big.Int).Set(params.AllDevChainProtocolChanges.ChainID)
	return &cfg
}

// DevKey returns the i-th deterministic development key of the simulated chain:
// keccak256("podnet/chain/dev-key" || uint32be(i)) as a secp256k1 scalar. Deterministic
// keys make gas figures reproducible (calldata cost depends on the bytes of addresses).
// They are public: never use them outside a simulated chain.
func DevKey(i int) *ecdsa.PrivateKey {
	var idx [4]byte
	binary.BigEndian.PutUint32(idx[:], uint32(i))
	for ctr := byte(0); ; ctr++ {
		seed := crypto.Keccak256([]byte("podnet/chain/dev-key"), idx[:], []byte{ctr})
		k, err := crypto.ToECDSA(seed)
		if err == nil {
			return k
		}
		// A seed of zero or ≥ the group order (probability ~2^-128): try the next counter.
	}
}

// simConfig collects the options of NewSimulated.
type simConfig struct {
	accounts int
	balance  *big.Int
	alloc    types.GenesisAlloc
	gasLimit uint64
}

// SimOption configures NewSimulated.
type SimOption func(*simConfig)

// WithAccounts sets how many deterministic funded accounts (DevKey(0..n-1)) the
// simulated chain has.
func WithAccounts(n int) SimOption { return func(c *simConfig) { c.accounts = n } }

// WithBalance sets the genesis balance of every funded account.
func WithBalance(wei *big.Int) SimOption {
	return func(c *simConfig) { c.balance = new(big.Int).Set(wei) }
}

// WithAlloc adds genesis accounts (balances, code, storage) beside the funded ones.
func WithAlloc(alloc types.GenesisAlloc) SimOption {
	return func(c *simConfig) {
		for a, acc := range alloc {
			c.alloc[a] = acc
		}
	}
}

// WithGasLimit sets the block gas limit (and the eth_call gas cap).
func WithGasLimit(limit uint64) SimOption { return func(c *simConfig) { c.gasLimit = limit } }

// Simulated is an in-process chain (go-ethereum's simulated backend) pinned to Osaka.
type Simulated struct {
	mu       sync.Mutex // serialises Commit and AdjustTime
	backend  *simulated.Backend
	client   Client
	chainID  *big.Int
	accounts []Account
}

var _ Chain = (*Simulated)(nil)

// NewSimulated starts an in-process simulated chain with funded deterministic accounts.
func NewSimulated(opts ...SimOption) (*Simulated, error) {
	cfg := simConfig{
		accounts: DefaultAccounts,
		balance:  defaultBalance(),
		alloc:    types.GenesisAlloc{},
		gasLimit: DefaultGasLimit,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.accounts < 0 {
		return nil, fmt.Errorf("chain: negative account count %d", cfg.accounts)
	}
	alloc := types.GenesisAlloc{}
	for a, acc := range cfg.alloc {
		alloc[a] = acc
	}
	accounts := make([]Account, cfg.accounts)
	for i := range accounts {
		accounts[i] = NewAccount(DevKey(i))
		alloc[accounts[i].Address] = types.Account{Balance: new(big.Int).Set(cfg.balance)}
	}
	chainCfg := OsakaChainConfig()
	backend := simulated.NewBackend(alloc,
		func(_ *node.Config, ec *ethconfig.Config) {
			ec.Genesis.Config = chainCfg
			ec.Genesis.GasLimit = cfg.gasLimit
			ec.Miner.GasCeil = cfg.gasLimit
			ec.RPCGasCap = cfg.gasLimit
		},
	)
	client, ok := backend.Client().(Client)
	if !ok {
		_ = backend.Close()
		return nil, errors.New("chain: simulated client lacks the methods of chain.Client")
	}
	return &Simulated{
		backend:  backend,
		client:   client,
		chainID:  new(big.Int).Set(chainCfg.ChainID),
		accounts: accounts,
	}, nil
}

// Client implements Chain.
func (s *Simulated) Client() Client { return s.client }

// ChainID implements Chain.
func (s *Simulated) ChainID() *big.Int { return new(big.Int).Set(s.chainID) }

// Fork implements Chain: the latest fork active at the head block ("Osaka").
func (s *Simulated) Fork() string {
	h, err := s.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		return "unknown"
	}
	return OsakaChainConfig().LatestFork(h.Time).String()
}

// Accounts implements Chain.
func (s *Simulated) Accounts() []Account { return append([]Account(nil), s.accounts...) }

// Transactor implements Chain.
func (s *Simulated) Transactor(ctx context.Context, key *ecdsa.PrivateKey) (*bind.TransactOpts, error) {
	return transactor(ctx, key, s.chainID)
}

// Commit implements Chain: it seals a block with the pending transactions.
func (s *Simulated) Commit() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.backend.Commit()
}

// Wait implements Chain: it seals a block and returns tx's receipt.
func (s *Simulated) Wait(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	if tx == nil {
		return nil, errors.New("chain: wait for nil transaction")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.Commit()
	r, err := s.client.TransactionReceipt(ctx, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("chain: receipt of %s: %w", tx.Hash().Hex(), err)
	}
	return checkReceipt(r)
}

// AdjustTime implements Chain: it seals an empty block d later than the head. Pending
// transactions must be committed first.
func (s *Simulated) AdjustTime(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d < 0 {
		return fmt.Errorf("chain: cannot move time backwards (%v)", d)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// The transaction pool forgets the transactions of a sealed block asynchronously, so
	// right after Commit the simulated beacon may still see them as pending and refuse.
	// Retry for a short while; a transaction that is really pending keeps failing.
	deadline := time.Now().Add(adjustTimeWait)
	for {
		err := s.backend.AdjustTime(d)
		if err == nil {
			return nil
		}
		if !strings.Contains(err.Error(), "non-empty block") || time.Now().After(deadline) {
			return fmt.Errorf("chain: adjust time (commit pending transactions first): %w", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("chain: adjust time: %w", ctx.Err())
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// adjustTimeWait bounds how long AdjustTime waits for the pool to drop mined transactions.
const adjustTimeWait = 2 * time.Second

// HeadTime implements Chain.
func (s *Simulated) HeadTime(ctx context.Context) (uint64, error) { return headTime(ctx, s.client) }

// Close implements Chain.
func (s *Simulated) Close() error { return s.backend.Close() }
