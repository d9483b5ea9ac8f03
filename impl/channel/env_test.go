package channel

import (
	"context"
	"crypto/ecdsa"
	"io"
	"log/slog"
	"math/big"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	"github.com/stretchr/testify/require"
)

// env is a simulated chain with a deployed channel contract and the parties' keys.
type env struct {
	ctx    context.Context
	ch     *chain.Simulated
	c      *Contract
	owner  *ecdsa.PrivateKey // funded
	server *ecdsa.PrivateKey // funded
	other  *ecdsa.PrivateKey // funded: a third party
	log    *slog.Logger
}

var testPrice = big.NewInt(1_000_000_000_000) // 10^12 wei per slot

func newEnv(t *testing.T, opts ...chain.SimOption) *env {
	t.Helper()
	ctx := context.Background()
	ch, err := chain.NewSimulated(opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ch.Close() })
	acc := ch.Accounts()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	c, _, err := Deploy(ctx, ch, acc[0].Key, log)
	require.NoError(t, err)
	return &env{ctx: ctx, ch: ch, c: c, owner: acc[1].Key, server: acc[2].Key, other: acc[3].Key, log: log}
}

func (e *env) expiry(t *testing.T, after uint64) uint64 {
	t.Helper()
	now, err := e.ch.HeadTime(e.ctx)
	require.NoError(t, err)
	return now + after
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return k
}

func (e *env) balance(t *testing.T, key *ecdsa.PrivateKey) *big.Int {
	t.Helper()
	b, err := e.ch.Client().BalanceAt(e.ctx, addressOf(key), nil)
	require.NoError(t, err)
	return b
}

// fee is what a mined transaction cost its sender.
func fee(res TxResult) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(res.Receipt.GasUsed), res.Receipt.EffectiveGasPrice)
}

// tree builds a fleet-style tree of n fresh client keys.
func tree(t *testing.T, n int) ([]*ecdsa.PrivateKey, *suite.FleetTree) {
	t.Helper()
	keys := make([]*ecdsa.PrivateKey, n)
	addrs := make([]common.Address, n)
	for i := range keys {
		keys[i] = newKey(t)
		addrs[i] = addressOf(keys[i])
	}
	ft, err := suite.NewFleetTree(addrs)
	require.NoError(t, err)
	return keys, ft
}

// open opens a channel of kind with deposit and returns its terms and the client keys
// (one for constructions 1 and 2, the tree's for 3) with their proofs.
func (e *env) open(t *testing.T, kind Kind, deposit *big.Int, expiry uint64) (Terms, []*ecdsa.PrivateKey, *suite.FleetTree) {
	t.Helper()
	server := addressOf(e.server)
	switch kind {
	case KindClient:
		tm, _, err := e.c.OpenClient(e.ctx, e.owner, server, expiry, deposit)
		require.NoError(t, err)
		return tm, []*ecdsa.PrivateKey{e.owner}, nil
	case KindDelegated:
		ck := newKey(t)
		tm, _, err := e.c.OpenDelegated(e.ctx, e.owner, server, addressOf(ck), expiry, deposit)
		require.NoError(t, err)
		return tm, []*ecdsa.PrivateKey{ck}, nil
	default:
		keys, ft := tree(t, 3)
		tm, _, err := e.c.OpenTree(e.ctx, e.owner, server, ft.Root(), ft.Size(), expiry, deposit)
		require.NoError(t, err)
		return tm, keys, ft
	}
}

// sign signs a receipt for the channel of tm with client key i (with its proof in
// construction 3).
func (e *env) sign(t *testing.T, tm Terms, keys []*ecdsa.PrivateKey, ft *suite.FleetTree, i int, cum *big.Int) Receipt {
	t.Helper()
	r, err := SignReceipt(e.c.Domain(), keys[i], tm.ID(), cum)
	require.NoError(t, err)
	if ft != nil {
		r.Index = uint64(i)
		r.Proof, err = ft.Proof(uint64(i))
		require.NoError(t, err)
	}
	return r
}

func (e *env) newServer(t *testing.T, path string, devices map[string][]byte) (*Server, *store.DB) {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "server.db")
	}
	db := openStore(t, path)
	s, err := NewServer(ServerConfig{Key: e.server, Domain: e.c.Domain(), Price: testPrice, Devices: devices, Logger: e.log}, db, e.c)
	require.NoError(t, err)
	return s, db
}
