package mbt

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/party"
	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
)

// The vendor's Groth16 keys for the smallest size class, shared by every run of the
// process and kept on disk across processes (PODNET_KEYS, default $TMPDIR/podnet-keys,
// the same key store as impl/party's tests): a setup takes tens of seconds.
var (
	keysOnce sync.Once
	keysVal  party.KeySet
	keysErr  error
)

func vendorKeys() (party.KeySet, error) {
	keysOnce.Do(func() {
		dir := os.Getenv("PODNET_KEYS")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "podnet-keys")
		}
		c, err := firmware.ClassByName("64B")
		if err != nil {
			keysErr = err
			return
		}
		keysVal, keysErr = party.VendorKeys(dir, c, nil)
	})
	return keysVal, keysErr
}

// worldSeed fixes the parties' keys: every run has the same vendor, distributors,
// devices and adversary, so the package (signed by the vendor for the simulated chain's
// id) is built once per process.
const worldSeed = "podnet/mbt"

var (
	pkgOnce  sync.Once
	pkgVal   *party.Package
	pkgImage []byte
	pkgErr   error
)

// pinnedRouting is a device's view of the provider directory: it finds only the one
// distributor the drawn action names (none while the device only installs). It stands
// for the network the Dolev-Yao adversary owns, which decides whom a device reaches; the
// directory itself is the world's.
type pinnedRouting struct {
	net  *transport.Network
	mu   sync.Mutex
	peer transport.PeerID
}

// Provide implements transport.Routing.
func (r *pinnedRouting) Provide(ctx context.Context, key [32]byte, p transport.PeerID) error {
	return r.net.Provide(ctx, key, p)
}

// FindProviders implements transport.Routing: the providers of key restricted to the
// pinned peer.
func (r *pinnedRouting) FindProviders(ctx context.Context, key [32]byte) ([]transport.PeerID, error) {
	ps, err := r.net.FindProviders(ctx, key)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if slices.Contains(ps, r.peer) {
		return []transport.PeerID{r.peer}, nil
	}
	return nil, nil
}

// pin makes name the one provider the device finds ("" for none).
func (r *pinnedRouting) pin(name string) {
	r.mu.Lock()
	r.peer = transport.PeerID(name)
	r.mu.Unlock()
}

// Party names of the real world; they match the model's (D0, D1, dev0, dev1, E).
const (
	evilName = "Evil" // the adversary's own distributor process (serves a wrong ciphertext)
)

func distName(d int) string { return fmt.Sprintf("D%d", d) }
func devName(i int) string  { return fmt.Sprintf("dev%d", i) }

// realWorld is the implementation under test for one run: a fresh simulated chain with
// the factory, the vendor, two bids (the model's bid, and a second bid for the same
// update and fleet to replay signatures on), the honest distributors D0 (claims singly)
// and D1 (claims in batches), the devices, and the adversary's account E.
type realWorld struct {
	ctx     context.Context
	dir     string
	sim     *chain.Simulated
	w       *party.World
	lt      suite.LockType
	pub     *party.Publication // the bid of the model
	pub2    *party.Publication // another bid for the same update and fleet
	reward  *big.Int
	deposit *big.Int
	image   []byte
	dist    []*party.Distributor
	devs    []*party.Device
	routes  []*pinnedRouting
	dbs     []*store.DB
	evil    *party.Distributor
	adv     *ecdsa.PrivateKey
	tE      [32]byte // the adversary's own t (the model's atom tE)

	// Balance accounting: balances after setup, and fees paid since, by account.
	startBal  map[common.Address]*big.Int
	fees      map[common.Address]*big.Int
	scanned   uint64 // last block whose fees are counted
	refunded  *big.Int
	revealed  []bool // device keys the adversary holds (Reveal_DeviceKey)
	expiredAt uint64
}

const devices, distributors = 2, 2

func newRealWorld(ctx context.Context, dir string, lt suite.LockType) (rw *realWorld, err error) {
	keys, err := vendorKeys()
	if err != nil {
		return nil, err
	}
	sim, err := chain.NewSimulated()
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			rw.close()
		}
	}()
	rw = &realWorld{ctx: ctx, dir: dir, sim: sim, lt: lt, refunded: new(big.Int), revealed: make([]bool, devices),
		fees: map[common.Address]*big.Int{}, startBal: map[common.Address]*big.Int{}}
	rw.w, err = party.NewWorld(ctx, party.WorldConfig{
		Chain: sim, Dir: dir, Log: slog.New(slog.DiscardHandler), Poll: 5 * time.Millisecond, Seed: worldSeed,
	})
	if err != nil {
		return rw, err
	}
	pkgOnce.Do(func() {
		pkgImage = make([]byte, 40)
		_, _ = rand.Read(pkgImage)
		pkgVal, pkgErr = party.BuildPackage(rw.w.Key("vendor"), rw.w.Ledger.ChainID(), 2, pkgImage, keys)
	})
	if pkgErr != nil {
		return rw, pkgErr
	}
	rw.image = pkgImage
	rw.w.Keys.AddKeys(pkgVal, keys)
	fleet := make([]common.Address, devices)
	for i := range fleet {
		fleet[i] = rw.w.Address(devName(i))
	}
	now, err := rw.w.Ledger.HeadTime(ctx)
	if err != nil {
		return rw, err
	}
	rw.reward = big.NewInt(1e15)
	rw.deposit = new(big.Int).Mul(rw.reward, big.NewInt(devices))
	for _, p := range []**party.Publication{&rw.pub, &rw.pub2} {
		*p, err = rw.w.Vendor.Publish(ctx, party.PublishRequest{
			Package: pkgVal, Fleet: fleet, LockType: lt, Deposit: rw.deposit, Expiry: now + 3600,
		})
		if err != nil {
			return rw, err
		}
	}
	if err := rw.w.Vendor.Seed(ctx); err != nil {
		return rw, err
	}
	// The adversary's account, funded like the distributors.
	rw.adv = rw.w.Key("E")
	if _, err := rw.w.Ledger.Transfer(ctx, sim.Accounts()[0].Key, rw.w.Address("E"), big.NewInt(1e18)); err != nil {
		return rw, err
	}
	if _, err := rand.Read(rw.tE[:]); err != nil {
		return rw, err
	}
	// Distributor_Fetch and Distributor_Prepare: both honest distributors serve the bid
	// but never claim on their own — Distributor_Claim is a drawn action (ClaimPending).
	for d := 0; d < distributors; d++ {
		cfg := party.DistributorConfig{Faults: party.DistributorFaults{NeverClaim: true}, BatchSize: 1}
		if d == 1 {
			cfg.BatchSize = 4 // D1 claims with claimBatch
		}
		dd, err := rw.w.StartDistributor(ctx, distName(d), cfg)
		if err != nil {
			return rw, err
		}
		rw.dist = append(rw.dist, dd)
	}
	if err := rw.waitServing(distName(0), distName(1)); err != nil {
		return rw, err
	}
	for i := 0; i < devices; i++ {
		rt := &pinnedRouting{net: rw.w.Net}
		env, err := rw.env(devName(i), rt)
		if err != nil {
			return rw, err
		}
		rw.routes = append(rw.routes, rt)
		rw.devs = append(rw.devs, party.NewDevice(env, rw.w.Key(devName(i)), party.DeviceConfig{
			Vendor: rw.w.Vendor.Address(), FromBlock: rw.w.From, FactoryVersion: 1, Proofs: rw.w.Vendor,
			RevealTimeout: 20 * time.Millisecond, Name: devName(i),
		}))
	}
	// Balances are compared from here on.
	head, err := sim.Client().BlockNumber(ctx)
	if err != nil {
		return rw, err
	}
	rw.scanned = head
	for _, a := range rw.accounts() {
		b, err := rw.w.Ledger.Balance(ctx, a)
		if err != nil {
			return rw, err
		}
		rw.startBal[a] = b
	}
	return rw, nil
}

// env opens a device's host and store; its routing is rt.
func (rw *realWorld) env(name string, rt transport.Routing) (party.Env, error) {
	h, err := rw.w.Net.NewHost(transport.PeerID(name))
	if err != nil {
		return party.Env{}, err
	}
	db, err := store.Open(filepath.Join(rw.dir, name+".db"), nil)
	if err != nil {
		_ = h.Close()
		return party.Env{}, err
	}
	rw.dbs = append(rw.dbs, db)
	return party.Env{Ledger: rw.w.Ledger, Host: h, Routing: rt, Store: db, Keys: party.NewKeyCache(),
		Log: slog.New(slog.DiscardHandler), Poll: 5 * time.Millisecond}, nil
}

// waitServing waits until the named distributors provide the bid's update.
func (rw *realWorld) waitServing(names ...string) error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		ps, err := rw.w.Net.FindProviders(rw.ctx, rw.pub.Bid.UpdateID)
		if err != nil {
			return err
		}
		ok := true
		for _, n := range names {
			ok = ok && slices.Contains(ps, transport.PeerID(n))
		}
		if ok {
			return nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return fmt.Errorf("distributors %v do not serve the bid", names)
}

// startEvil starts, on first use, the adversary's own distributor E: a real distributor
// process paid at E's address that serves a ciphertext other than the one its proof is
// about (DistributorFaults.WrongCiphertext) and never claims.
func (rw *realWorld) startEvil() error {
	if rw.evil != nil {
		return nil
	}
	d, err := rw.w.StartDistributor(rw.ctx, evilName, party.DistributorConfig{
		Faults: party.DistributorFaults{NeverClaim: true, WrongCiphertext: true},
	})
	if err != nil {
		return err
	}
	rw.evil = d
	return rw.waitServing(evilName)
}

func (rw *realWorld) close() {
	if rw == nil {
		return
	}
	if rw.w != nil {
		_ = rw.w.Close()
	}
	for _, db := range rw.dbs {
		_ = db.Close()
	}
	if rw.sim != nil {
		_ = rw.sim.Close()
	}
}

// accounts are the accounts whose balances are compared: vendor, D0, D1, E.
func (rw *realWorld) accounts() []common.Address {
	return []common.Address{rw.w.Vendor.Address(), rw.w.Address(distName(0)), rw.w.Address(distName(1)), rw.w.Address("E")}
}

// income returns each compared account's balance change since setup plus the fees it
// paid since: what the contracts paid it, in wei.
func (rw *realWorld) income() (map[common.Address]*big.Int, error) {
	c := rw.sim.Client()
	head, err := c.BlockNumber(rw.ctx)
	if err != nil {
		return nil, err
	}
	signer := types.LatestSignerForChainID(rw.sim.ChainID())
	for n := rw.scanned + 1; n <= head; n++ {
		blk, err := c.BlockByNumber(rw.ctx, new(big.Int).SetUint64(n))
		if err != nil {
			return nil, err
		}
		for _, tx := range blk.Transactions() {
			from, err := types.Sender(signer, tx)
			if err != nil {
				return nil, err
			}
			rc, err := c.TransactionReceipt(rw.ctx, tx.Hash())
			if err != nil {
				return nil, err
			}
			fee := new(big.Int).Mul(new(big.Int).SetUint64(rc.GasUsed), rc.EffectiveGasPrice)
			if rw.fees[from] == nil {
				rw.fees[from] = new(big.Int)
			}
			rw.fees[from].Add(rw.fees[from], fee)
		}
	}
	rw.scanned = head
	out := map[common.Address]*big.Int{}
	for _, a := range rw.accounts() {
		b, err := rw.w.Ledger.Balance(rw.ctx, a)
		if err != nil {
			return nil, err
		}
		in := new(big.Int).Sub(b, rw.startBal[a])
		if f := rw.fees[a]; f != nil {
			in.Add(in, f)
		}
		out[a] = in
	}
	return out, nil
}

// records returns distributor d's persisted signature records by fleet index.
func (rw *realWorld) records(d int) (map[uint64]party.SigRecord, error) {
	recs, err := rw.dist[d].Records(rw.ctx)
	if err != nil {
		return nil, err
	}
	out := map[uint64]party.SigRecord{}
	for _, r := range recs {
		if r.Bid == rw.pub.Bid.Address {
			out[r.Index] = r
		}
	}
	return out, nil
}

// claimOf turns a distributor's record into the claim it posts (its "mempool" view:
// everything a claim transaction shows).
func (rw *realWorld) claimOf(d int, rec party.SigRecord) (party.Claim, error) {
	r, err := suite.DeriveR(rw.w.Address(distName(d)), rec.T)
	if err != nil {
		return party.Claim{}, err
	}
	return party.Claim{Index: rec.Index, Device: rec.Device, FleetProof: rec.FleetProof, T: rec.T, R: r, Signature: rec.Signature}, nil
}

// deliverySig signs the bid's Delivery for lock with key.
func (rw *realWorld) deliverySig(key *ecdsa.PrivateKey, bid common.Address, lock [32]byte) ([suite.SignatureSize]byte, error) {
	return suite.Sign(key, suite.DeliveryDigest(new(big.Int).SetUint64(rw.w.Ledger.ChainID()), bid, rw.pub.Bid.UpdateID, lock))
}

// fleetProof is device i's fleet proof (the same on both bids).
func (rw *realWorld) fleetProof(i int) ([][32]byte, error) { return rw.pub.Fleet.Proof(uint64(i)) }
