package pod

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/suite"
)

// GasConfig says what MeasureGas measures.
type GasConfig struct {
	// DeployFleets are the fleet sizes of the deploy/fleet=N rows.
	DeployFleets []uint64
	// ClaimFleet is the fleet size of the bid the claim rows are measured on; its depth
	// sets the proof length (32 bytes of calldata per level).
	ClaimFleet uint64
	// Batches are the batch sizes of the claim/pointlock/batch=N/per-device rows; a
	// claim/hashlock/batch=N/per-device row is measured for the largest.
	Batches []int
}

// DefaultGasConfig is what `podnet bench gas` measures.
func DefaultGasConfig() GasConfig {
	return GasConfig{
		DeployFleets: []uint64{10, 10_000, 1_000_000},
		ClaimFleet:   10_000,
		Batches:      []int{10, 100},
	}
}

// GasReport is the result of MeasureGas.
type GasReport struct {
	Fork       string         // the fork the chain ran (Osaka)
	ClaimFleet uint64         // fleet size of the claim rows
	ClaimDepth int            // its tree depth
	Rows       []chain.GasRow // the rows, in a fixed order
	// DeployExecution is, per deploy row, its gas minus the transaction's intrinsic gas
	// (21,000 plus calldata): the part that does not depend on the bytes of the inputs.
	DeployExecution []uint64
	// FirstInWord is the extra gas of a claim whose bitmap word holds no earlier claim
	// (a zero-to-nonzero store): paid once per 256 devices.
	FirstInWord uint64
}

// MeasureGas deploys the contracts on a fresh simulated chain (Osaka) and measures, from
// transaction receipts, the gas of publishing bids for each fleet size, single and batched
// claims in both lock modes, and a withdrawal. Claim rows are in steady state: the
// device's 256-device bitmap word already holds an earlier claim (true for 255 of every
// 256 devices); FirstInWord reports the extra cost of the other one.
func MeasureGas(ctx context.Context, cfg GasConfig) (GasReport, error) {
	ch, err := chain.NewSimulated(chain.WithAccounts(3))
	if err != nil {
		return GasReport{}, err
	}
	defer func() { _ = ch.Close() }()
	accs := ch.Accounts()
	vendor, dist := accs[0], accs[1]
	factory, _, err := DeployFactory(ctx, ch, vendor.Key)
	if err != nil {
		return GasReport{}, err
	}
	c := New(ch, factory, WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	rep := GasReport{Fork: ch.Fork(), ClaimFleet: cfg.ClaimFleet}
	reward := big.NewInt(1_000_000_000_000) // 10^12 wei per device

	// A fixed expiry (2100-01-01) keeps the publication calldata, hence the gas, the same
	// from run to run.
	const expiry = 4_102_444_800
	pub := func(tree *suite.FleetTree, lt suite.LockType) (common.Address, *types.Receipt, error) {
		return c.Publish(ctx, vendor.Key, Publication{
			UpdateID:  benchUpdateIDValue(),
			PackageID: [32]byte{0x9a},
			LockType:  lt,
			Expiry:    expiry,
			FleetRoot: tree.Root(),
			FleetSize: tree.Size(),
			Deposit:   new(big.Int).Mul(reward, new(big.Int).SetUint64(tree.Size())),
		})
	}

	for _, n := range cfg.DeployFleets {
		tree, err := suite.NewFleetTree(syntheticFleet(n, nil))
		if err != nil {
			return GasReport{}, err
		}
		_, rec, err := pub(tree, suite.LockPoint)
		if err != nil {
			return GasReport{}, err
		}
		rep.Rows = append(rep.Rows, chain.GasRow{Name: fmt.Sprintf("deploy/fleet=%d", n), Gas: rec.GasUsed})
		intrinsic, err := intrinsicGas(ctx, ch, vendor.Address, rec)
		if err != nil {
			return GasReport{}, err
		}
		rep.DeployExecution = append(rep.DeployExecution, rec.GasUsed-intrinsic)
	}

	// The claim fleet: the first devices have keys (they sign), the rest are addresses.
	maxBatch := 1
	for _, b := range cfg.Batches {
		maxBatch = max(maxBatch, b)
	}
	keyed := make([]*ecdsa.PrivateKey, maxBatch+2)
	for i := range keyed {
		keyed[i] = benchDeviceKey(i)
	}
	if uint64(len(keyed)) > cfg.ClaimFleet {
		return GasReport{}, fmt.Errorf("%w: claim fleet %d smaller than the largest batch + 2", ErrInput, cfg.ClaimFleet)
	}
	tree, err := suite.NewFleetTree(syntheticFleet(cfg.ClaimFleet, keyed))
	if err != nil {
		return GasReport{}, err
	}
	rep.ClaimDepth = tree.Depth()
	b := &benchBids{ctx: ctx, c: c, ch: ch, dist: dist, tree: tree, keys: keyed}

	single := func(lt suite.LockType) (uint64, uint64, error) {
		bid, _, err := pub(tree, lt)
		if err != nil {
			return 0, 0, err
		}
		first, err := b.claim(bid, lt, 0)
		if err != nil {
			return 0, 0, err
		}
		steady, err := b.claim(bid, lt, 1)
		if err != nil {
			return 0, 0, err
		}
		return first, steady, nil
	}
	first, steady, err := single(suite.LockHash)
	if err != nil {
		return GasReport{}, err
	}
	rep.Rows = append(rep.Rows, chain.GasRow{Name: "claim/hashlock/single", Gas: steady})
	rep.FirstInWord = first - steady
	_, steady, err = single(suite.LockPoint)
	if err != nil {
		return GasReport{}, err
	}
	rep.Rows = append(rep.Rows, chain.GasRow{Name: "claim/pointlock/single", Gas: steady})

	batch := func(lt suite.LockType, m int) (uint64, error) {
		bid, _, err := pub(tree, lt)
		if err != nil {
			return 0, err
		}
		if _, err := b.claim(bid, lt, 0); err != nil { // steady state: word 0 already used
			return 0, err
		}
		gas, err := b.claimBatch(bid, lt, 1, m)
		if err != nil {
			return 0, err
		}
		return gas / uint64(m), nil
	}
	for _, m := range cfg.Batches {
		g, err := batch(suite.LockPoint, m)
		if err != nil {
			return GasReport{}, err
		}
		rep.Rows = append(rep.Rows, chain.GasRow{Name: fmt.Sprintf("claim/pointlock/batch=%d/per-device", m), Gas: g})
	}
	if len(cfg.Batches) > 0 {
		g, err := batch(suite.LockHash, maxBatch)
		if err != nil {
			return GasReport{}, err
		}
		rep.Rows = append(rep.Rows, chain.GasRow{Name: fmt.Sprintf("claim/hashlock/batch=%d/per-device", maxBatch), Gas: g})
	}

	// withdraw: after expiry, from a bid with one claim.
	bid, _, err := pub(tree, suite.LockHash)
	if err != nil {
		return GasReport{}, err
	}
	if _, err := b.claim(bid, suite.LockHash, 0); err != nil {
		return GasReport{}, err
	}
	head, err := ch.HeadTime(ctx)
	if err != nil {
		return GasReport{}, err
	}
	if err := ch.AdjustTime(ctx, time.Duration(expiry-head+1)*time.Second); err != nil {
		return GasReport{}, err
	}
	rec, err := c.Withdraw(ctx, vendor.Key, bid)
	if err != nil {
		return GasReport{}, err
	}
	rep.Rows = append(rep.Rows, chain.GasRow{Name: "withdraw", Gas: rec.GasUsed})
	return rep, nil
}

// GasRows runs MeasureGas with DefaultGasConfig and returns its rows.
func GasRows(ctx context.Context) ([]chain.GasRow, error) {
	rep, err := MeasureGas(ctx, DefaultGasConfig())
	if err != nil {
		return nil, err
	}
	return rep.Rows, nil
}

// intrinsicGas is the intrinsic gas (21,000 plus calldata, Osaka rules) of rec's transaction.
func intrinsicGas(ctx context.Context, ch chain.Chain, from common.Address, rec *types.Receipt) (uint64, error) {
	tx, _, err := ch.Client().TransactionByHash(ctx, rec.TxHash)
	if err != nil {
		return 0, fmt.Errorf("pod: read transaction: %w", err)
	}
	h, err := ch.Client().HeaderByNumber(ctx, rec.BlockNumber)
	if err != nil {
		return 0, fmt.Errorf("pod: read header: %w", err)
	}
	rules := chain.OsakaChainConfig().Rules(h.Number, true, h.Time)
	v, _ := uint256.FromBig(tx.Value())
	g, err := core.IntrinsicGas(tx.Data(), tx.AccessList(), nil, from, tx.To(), v, rules)
	if err != nil {
		return 0, fmt.Errorf("pod: intrinsic gas: %w", err)
	}
	return g, nil
}

// benchUpdateIDValue is the U_id of the benchmark's bids.
func benchUpdateIDValue() [32]byte { return [32]byte{0x0b, 0xe4, 0xc5} }

// benchDeviceKey is the deterministic key of benchmark device i.
func benchDeviceKey(i int) *ecdsa.PrivateKey {
	for ctr := byte(0); ; ctr++ {
		k, err := crypto.ToECDSA(crypto.Keccak256([]byte("podnet/bench/device"), binary.BigEndian.AppendUint64(nil, uint64(i)), []byte{ctr}))
		if err == nil {
			return k
		}
	}
}

// syntheticFleet returns n device addresses: those of keys first, then addresses derived
// by hashing the index (devices that never sign in the benchmark).
func syntheticFleet(n uint64, keys []*ecdsa.PrivateKey) []common.Address {
	out := make([]common.Address, n)
	var buf [8]byte
	for i := range out {
		if i < len(keys) {
			out[i] = crypto.PubkeyToAddress(keys[i].PublicKey)
			continue
		}
		binary.BigEndian.PutUint64(buf[:], uint64(i))
		out[i] = common.BytesToAddress(crypto.Keccak256([]byte("podnet/bench/address"), buf[:]))
	}
	return out
}

// benchBids builds and sends honest claims for the benchmark.
type benchBids struct {
	ctx  context.Context
	c    *Client
	ch   chain.Chain
	dist chain.Account
	tree *suite.FleetTree
	keys []*ecdsa.PrivateKey
}

func (b *benchBids) claimOf(bid common.Address, lt suite.LockType, i uint64) (Claim, error) {
	var t [32]byte
	copy(t[:], crypto.Keccak256([]byte("podnet/bench/t"), binary.BigEndian.AppendUint64(nil, i)))
	r, err := suite.DeriveR(b.dist.Address, t)
	if err != nil {
		return Claim{}, err
	}
	lock, err := suite.Lock(lt, r)
	if err != nil {
		return Claim{}, err
	}
	sig, err := suite.Sign(b.keys[i], suite.DeliveryDigest(b.ch.ChainID(), bid, benchUpdateIDValue(), lock))
	if err != nil {
		return Claim{}, err
	}
	return Claim{Index: i, Device: crypto.PubkeyToAddress(b.keys[i].PublicKey), T: t, R: r, Signature: sig}, nil
}

func (b *benchBids) claim(bid common.Address, lt suite.LockType, i uint64) (uint64, error) {
	cl, err := b.claimOf(bid, lt, i)
	if err != nil {
		return 0, err
	}
	proof, err := b.tree.Proof(i)
	if err != nil {
		return 0, err
	}
	rec, err := b.c.Claim(b.ctx, b.dist.Key, bid, cl, proof)
	if err != nil {
		return 0, err
	}
	return rec.GasUsed, nil
}

func (b *benchBids) claimBatch(bid common.Address, lt suite.LockType, from uint64, m int) (uint64, error) {
	claims := make([]Claim, m)
	idx := make([]uint64, m)
	for k := range claims {
		idx[k] = from + uint64(k)
		cl, err := b.claimOf(bid, lt, idx[k])
		if err != nil {
			return 0, err
		}
		claims[k] = cl
	}
	proof, err := MultiProof(b.tree, idx)
	if err != nil {
		return 0, err
	}
	rec, err := b.c.ClaimBatch(b.ctx, b.dist.Key, bid, claims, proof)
	if err != nil {
		return 0, err
	}
	return rec.GasUsed, nil
}
