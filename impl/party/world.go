package party

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/transport"
)

// WorldConfig configures a World.
type WorldConfig struct {
	// Chain is the chain (simulated or JSON-RPC).
	Chain chain.Chain
	// Funder pays for the factory and funds the vendor and distributors (default: the
	// chain's first account).
	Funder *ecdsa.PrivateKey
	// Dir holds one store per party.
	Dir string
	// Log receives every party's logs (nil: discard).
	Log *slog.Logger
	// Metrics records timings and gas (may be nil).
	Metrics *Metrics
	// Poll is the parties' chain polling interval.
	Poll time.Duration
	// Seed derives the parties' keys (so that a restarted party has the same key).
	Seed string
	// Fund is what the vendor and each distributor receive from Funder (default 10 ether).
	Fund *big.Int
	// Limits bound every stream read and write.
	Limits transport.Limits
}

// World is a complete deployment in one process: a chain with the factory, an in-process
// network, a vendor, and distributors, devices and hubs started and stopped (killed) by
// name, each with its own host and store. The demo and the end-to-end tests use it.
type World struct {
	cfg     WorldConfig
	Ledger  *ContractsLedger
	Net     *transport.Network
	Keys    *KeyCache
	Vendor  *Vendor
	From    uint64
	Factory common.Address

	mu      sync.Mutex
	parties map[string]*partyHandle
}

type partyHandle struct {
	host   *transport.MemHost
	db     *store.DB
	cancel context.CancelFunc
	done   chan struct{} // closed when a started party's Run returned
	result error
}

// NewWorld deploys the factory, funds and starts the vendor.
func NewWorld(ctx context.Context, cfg WorldConfig) (*World, error) {
	if cfg.Chain == nil || cfg.Dir == "" {
		return nil, errors.New("party: world needs a chain and a directory")
	}
	if cfg.Funder == nil {
		accs := cfg.Chain.Accounts()
		if len(accs) == 0 {
			return nil, errors.New("party: chain has no funded account")
		}
		cfg.Funder = accs[0].Key
	}
	if cfg.Fund == nil {
		cfg.Fund = new(big.Int).Mul(big.NewInt(10), big.NewInt(1e18))
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	factory, rcpt, err := DeployFactory(ctx, cfg.Chain, cfg.Funder)
	if err != nil {
		return nil, err
	}
	cfg.Metrics.Gas(GasRecord{Kind: "deploy factory", Party: "vendor", Gas: rcpt.GasUsed})
	w := &World{
		cfg: cfg, Ledger: NewContractsLedger(cfg.Chain, factory), Net: transport.NewNetwork(), Keys: NewKeyCache(),
		From: rcpt.BlockNumber.Uint64(), Factory: factory, parties: map[string]*partyHandle{},
	}
	vk := w.Key("vendor")
	if err := w.fund(ctx, addressOf(vk)); err != nil {
		return nil, err
	}
	env, err := w.open("vendor")
	if err != nil {
		return nil, err
	}
	w.Vendor = NewVendor(env, vk)
	return w, nil
}

// Key derives the key of the party called name.
func (w *World) Key(name string) *ecdsa.PrivateKey {
	for i := 0; ; i++ {
		h := crypto.Keccak256([]byte("podnet/world/"+w.cfg.Seed+"/"+name), []byte{byte(i)})
		k, err := crypto.ToECDSA(h)
		if err == nil {
			return k
		}
	}
}

func (w *World) fund(ctx context.Context, a common.Address) error {
	bal, err := w.Ledger.Balance(ctx, a)
	if err != nil {
		return err
	}
	if bal.Cmp(w.cfg.Fund) >= 0 {
		return nil
	}
	if _, err := w.Ledger.Transfer(ctx, w.cfg.Funder, a, new(big.Int).Sub(w.cfg.Fund, bal)); err != nil {
		return fmt.Errorf("party: fund %s: %w", a, err)
	}
	return nil
}

// open creates the host and opens the store of party name.
func (w *World) open(name string) (Env, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.parties[name]; ok {
		return Env{}, fmt.Errorf("party: %s is running", name)
	}
	db, err := store.Open(filepath.Join(w.cfg.Dir, name+".db"), nil)
	if err != nil {
		return Env{}, err
	}
	h, err := w.Net.NewHost(transport.PeerID(name))
	if err != nil {
		_ = db.Close()
		return Env{}, err
	}
	w.parties[name] = &partyHandle{host: h, db: db}
	return Env{
		Ledger: w.Ledger, Host: h, Routing: w.Net, Store: db, Keys: w.Keys, Log: w.cfg.Log,
		Metrics: w.cfg.Metrics, Limits: w.cfg.Limits, Poll: w.cfg.Poll,
	}, nil
}

// Stop kills party name: it cancels its context, closes its host (resetting its streams)
// and closes its store, then returns what its Run returned (nil for parties the caller
// runs itself).
func (w *World) Stop(name string) error {
	w.mu.Lock()
	p, ok := w.parties[name]
	delete(w.parties, name)
	w.mu.Unlock()
	if !ok {
		return nil
	}
	if p.cancel != nil {
		p.cancel()
	}
	_ = p.host.Close()
	var runErr error
	if p.done != nil {
		<-p.done
		runErr = p.result
	}
	if err := p.db.Close(); err != nil {
		return err
	}
	if errors.Is(runErr, context.Canceled) {
		runErr = nil
	}
	return runErr
}

// Close stops every party.
func (w *World) Close() error {
	w.mu.Lock()
	names := make([]string, 0, len(w.parties))
	for n := range w.parties {
		names = append(names, n)
	}
	w.mu.Unlock()
	var errs []error
	for _, n := range names {
		if err := w.Stop(n); err != nil && !errors.Is(err, ErrCrashed) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// StartDistributor funds (first time) and starts distributor name; it runs until
// Stop(name) or a crash fault. Done reports when it returned.
func (w *World) StartDistributor(ctx context.Context, name string, cfg DistributorConfig) (*Distributor, error) {
	key := w.Key(name)
	if err := w.fund(ctx, addressOf(key)); err != nil {
		return nil, err
	}
	env, err := w.open(name)
	if err != nil {
		return nil, err
	}
	if cfg.FromBlock == 0 {
		cfg.FromBlock = w.From
	}
	if cfg.Name == "" {
		cfg.Name = name
	}
	d := NewDistributor(env, key, cfg)
	rctx, cancel := context.WithCancel(ctx)
	w.mu.Lock()
	p := w.parties[name]
	p.cancel, p.done = cancel, make(chan struct{})
	w.mu.Unlock()
	go func() {
		p.result = d.Run(rctx)
		close(p.done)
	}()
	return d, nil
}

// Done returns a channel closed when the started party name returned from Run (nil for
// an unknown party); Stop then returns what Run returned.
func (w *World) Done(name string) <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	if p, ok := w.parties[name]; ok {
		return p.done
	}
	return nil
}

// NewDevice opens device name (its key, host and store). The caller runs it.
func (w *World) NewDevice(name string, cfg DeviceConfig) (*Device, error) {
	env, err := w.open(name)
	if err != nil {
		return nil, err
	}
	env.Keys = NewKeyCache() // a device parses verifying keys itself
	if cfg.Vendor == (common.Address{}) {
		cfg.Vendor = w.Vendor.Address()
	}
	if cfg.Proofs == nil {
		cfg.Proofs = w.Vendor
	}
	if cfg.FromBlock == 0 {
		cfg.FromBlock = w.From
	}
	if cfg.Name == "" {
		cfg.Name = name
	}
	return NewDevice(env, w.Key(name), cfg), nil
}

// NewLiteDevice opens constrained device name behind a hub.
func (w *World) NewLiteDevice(name string, cfg LiteDeviceConfig) (*LiteDevice, error) {
	env, err := w.open(name)
	if err != nil {
		return nil, err
	}
	if cfg.Vendor == (common.Address{}) {
		cfg.Vendor = w.Vendor.Address()
	}
	cfg.ChainID = w.Ledger.ChainID()
	if cfg.Name == "" {
		cfg.Name = name
	}
	return NewLiteDevice(env, w.Key(name), cfg), nil
}

// NewHub opens hub name. The caller attaches devices and runs it.
func (w *World) NewHub(name string, cfg HubConfig) (*Hub, error) {
	env, err := w.open(name)
	if err != nil {
		return nil, err
	}
	env.Keys = NewKeyCache()
	if cfg.Vendor == (common.Address{}) {
		cfg.Vendor = w.Vendor.Address()
	}
	if cfg.Proofs == nil {
		cfg.Proofs = w.Vendor
	}
	if cfg.FromBlock == 0 {
		cfg.FromBlock = w.From
	}
	if cfg.Name == "" {
		cfg.Name = name
	}
	return NewHub(env, cfg), nil
}

// Address is the address of party name.
func (w *World) Address(name string) common.Address { return addressOf(w.Key(name)) }
