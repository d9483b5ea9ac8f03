package pod_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"io"
	"log/slog"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/pod"
	"github.com/podnet/podnet/impl/suite"
)

// env is one simulated chain with a deployed factory, a vendor, two distributors and a
// fleet of devices with keys.
type env struct {
	t       *testing.T
	ctx     context.Context
	ch      *chain.Simulated
	c       *pod.Client
	vendor  chain.Account
	dist    chain.Account
	dist2   chain.Account
	devKeys []*ecdsa.PrivateKey
	devs    []common.Address
	tree    *suite.FleetTree
	reward  *big.Int
}

// deviceKey is the deterministic key of test device i.
func deviceKey(t *testing.T, i int) *ecdsa.PrivateKey {
	t.Helper()
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(i))
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("podnet/test/device"), b[:]))
	require.NoError(t, err)
	return k
}

func newEnv(t *testing.T, fleet int) *env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	t.Cleanup(cancel)
	ch, err := chain.NewSimulated(chain.WithAccounts(4))
	require.NoError(t, err)
	t.Cleanup(func() { _ = ch.Close() })
	accs := ch.Accounts()
	factory, _, err := pod.DeployFactory(ctx, ch, accs[0].Key)
	require.NoError(t, err)
	e := &env{t: t, ctx: ctx, ch: ch, c: pod.New(ch, factory, pod.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))), vendor: accs[0], dist: accs[1], dist2: accs[2], reward: big.NewInt(1_000_000_007)}
	for i := 0; i < fleet; i++ {
		k := deviceKey(t, i)
		e.devKeys = append(e.devKeys, k)
		e.devs = append(e.devs, crypto.PubkeyToAddress(k.PublicKey))
	}
	e.tree, err = suite.NewFleetTree(e.devs)
	require.NoError(t, err)
	return e
}

// updateID is the U_id the test bids pay for.
var testUpdateID = [32]byte{0xaa, 1, 2, 3}

// publish deploys a bid for the env's fleet with the given lock type.
func (e *env) publish(lt suite.LockType) common.Address {
	e.t.Helper()
	return e.publishFor(lt, testUpdateID)
}

func (e *env) publishFor(lt suite.LockType, updateID [32]byte) common.Address {
	e.t.Helper()
	now, err := e.ch.HeadTime(e.ctx)
	require.NoError(e.t, err)
	bid, _, err := e.c.Publish(e.ctx, e.vendor.Key, pod.Publication{
		UpdateID:  updateID,
		PackageID: [32]byte{0xbb},
		LockType:  lt,
		Expiry:    now + 86400,
		FleetRoot: e.tree.Root(),
		FleetSize: e.tree.Size(),
		Deposit:   new(big.Int).Mul(e.reward, new(big.Int).SetUint64(e.tree.Size())),
	})
	require.NoError(e.t, err)
	return bid
}

// tFor is the distributor's t for device i (any 32 bytes with r ≠ 0).
func tFor(i uint64, salt byte) [32]byte {
	var t [32]byte
	copy(t[:], crypto.Keccak256([]byte("podnet/test/t"), []byte{salt}, binary.BigEndian.AppendUint64(nil, i)))
	return t
}

// claimFor builds the honest claim of device i on bid for the distributor address.
func (e *env) claimFor(bid common.Address, lt suite.LockType, distributor common.Address, i uint64) pod.Claim {
	e.t.Helper()
	t := tFor(i, 0)
	r, err := suite.DeriveR(distributor, t)
	require.NoError(e.t, err)
	return pod.Claim{Index: i, Device: e.devs[i], T: t, R: r, Signature: e.sign(bid, lt, e.devKeys[i], r)}
}

// sign is the device's Delivery signature over the lock of r on bid.
func (e *env) sign(bid common.Address, lt suite.LockType, key *ecdsa.PrivateKey, r *big.Int) [suite.SignatureSize]byte {
	e.t.Helper()
	lock, err := suite.Lock(lt, r)
	require.NoError(e.t, err)
	sig, err := suite.Sign(key, suite.DeliveryDigest(e.ch.ChainID(), bid, testUpdateID, lock))
	require.NoError(e.t, err)
	return sig
}

func (e *env) proof(i uint64) [][32]byte {
	e.t.Helper()
	p, err := e.tree.Proof(i)
	require.NoError(e.t, err)
	return p
}

func (e *env) balance(a common.Address) *big.Int {
	e.t.Helper()
	b, err := e.ch.Client().BalanceAt(e.ctx, a, nil)
	require.NoError(e.t, err)
	return b
}

// fee is what a receipt cost its sender.
func fee(rec *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(rec.GasUsed), rec.EffectiveGasPrice)
}

// received is how much a's balance grew across rec, net of rec's fee when a sent it.
func received(before, after *big.Int, rec *types.Receipt) *big.Int {
	d := new(big.Int).Sub(after, before)
	if rec != nil {
		d.Add(d, fee(rec))
	}
	return d
}
