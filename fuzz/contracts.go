package fuzz

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/pod"
	"github.com/podnet/podnet/impl/suite"
)

// Parameters of the contract fuzzer.
const (
	// MaxFleet is the largest fleet of a fuzzed bid. Fleets are small (1..SmallFleet
	// devices, every index reachable) or one of LargeFleets, whose indices are chosen
	// near the 256-device boundaries of the claimed bitmap's storage words.
	MaxFleet = 300
	// SmallFleet is the largest small fleet.
	SmallFleet = 8
	// MaxSteps bounds the actions of one input.
	MaxSteps = 24
	// bidWindow is the time from publication to expiry; AdvanceTime jumps twice as far,
	// so no claim ever lands near the boundary (TestContract_Claim_ExpiryBoundary in
	// impl/contracts/pod covers the boundary itself).
	bidWindow = 3600
	// outsiders is the number of device keys that are in no fleet.
	outsiders = 2
)

// LargeFleets are the large fleet sizes: one word of the claimed bitmap full, and the
// first devices of the second word.
var LargeFleets = []uint64{255, 256, 257, MaxFleet}

// ContractEnv is a simulated chain with a deployed UpdateFactory, the vendor, two
// distributors, an outsider account and a pool of device keys. Starting a chain takes
// about 0.1 s, so a fuzzing process shares one ContractEnv across iterations; each
// iteration publishes fresh bids on it, so iterations do not see each other's state.
type ContractEnv struct {
	ch      *chain.Simulated
	c       *pod.Client
	vendor  chain.Account
	dists   [2]chain.Account
	other   chain.Account
	devKeys []*ecdsa.PrivateKey // MaxFleet fleet devices, then the outsiders
	devs    []common.Address
	trees   map[uint64]*suite.FleetTree // trees[n]: the fleet of the first n devices
	// Runs counts the iterations run on this env.
	Runs int
	// Trace, when set, receives one line per action with its outcome ("ok" or the
	// contract's error name), for tests and debugging.
	Trace func(string)
}

// NewContractEnv starts a simulated chain and deploys the factory.
func NewContractEnv(ctx context.Context) (*ContractEnv, error) {
	ch, err := chain.NewSimulated(chain.WithAccounts(4))
	if err != nil {
		return nil, err
	}
	accs := ch.Accounts()
	factory, _, err := pod.DeployFactory(ctx, ch, accs[0].Key)
	if err != nil {
		_ = ch.Close()
		return nil, err
	}
	e := &ContractEnv{
		ch: ch, c: pod.New(ch, factory, pod.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))),
		vendor: accs[0], dists: [2]chain.Account{accs[1], accs[2]}, other: accs[3],
	}
	for i := 0; i < MaxFleet+outsiders; i++ {
		k := testKey(fmt.Sprintf("device/%d", i))
		e.devKeys = append(e.devKeys, k)
		e.devs = append(e.devs, crypto.PubkeyToAddress(k.PublicKey))
	}
	e.trees = map[uint64]*suite.FleetTree{}
	for n := uint64(1); n <= SmallFleet; n++ {
		if e.trees[n], err = suite.NewFleetTree(e.devs[:n]); err != nil {
			_ = ch.Close()
			return nil, err
		}
	}
	for _, n := range LargeFleets {
		if e.trees[n], err = suite.NewFleetTree(e.devs[:n]); err != nil {
			_ = ch.Close()
			return nil, err
		}
	}
	return e, nil
}

// Close stops the chain.
func (e *ContractEnv) Close() error { return e.ch.Close() }

// bidModel is the reference state of one bid: what the contract must hold.
type bidModel struct {
	addr      common.Address
	n         uint64
	lt        suite.LockType
	tree      *suite.FleetTree
	uid       [32]byte
	reward    *big.Int
	deposit   *big.Int
	expiry    uint64
	fromBlock uint64
	claimed   map[uint64]claimRecord
	withdrawn *big.Int
}

type claimRecord struct {
	device common.Address
	r      *big.Int
}

// run is one iteration: the env, the bids and the accounting of every actor.
type run struct {
	e    *ContractEnv
	ctx  context.Context
	in   *reader
	bids []*bidModel
	// start is each actor's balance when the iteration began; fees what its
	// transactions cost since; expect what it must have received net of fees.
	start, fees, expect map[common.Address]*big.Int
	tcount              uint64
	log                 []string
}

func (r *run) actors() []common.Address {
	return []common.Address{r.e.vendor.Address, r.e.dists[0].Address, r.e.dists[1].Address, r.e.other.Address}
}

func (r *run) balance(a common.Address) (*big.Int, error) {
	return r.e.ch.Client().BalanceAt(r.ctx, a, nil)
}

func (r *run) addFee(from common.Address, rec *types.Receipt) {
	if rec == nil {
		return
	}
	fee := new(big.Int).Mul(new(big.Int).SetUint64(rec.GasUsed), rec.EffectiveGasPrice)
	r.fees[from].Add(r.fees[from], fee)
}

// ContractCalls decodes data into a sequence of actions on fresh PodBid bids of the
// embedded chain and checks, after every action, the contract against a reference model
// (spec/pod.md §6 Contract_Claim, §3 Vendor_Withdraw):
//   - a call succeeds exactly when every check of the reference passes, and a rejected
//     call reverts with one of the named errors whose check fails (never an unnamed
//     revert): honest claims are paid, claims with a tampered field, a signature by a
//     device outside the fleet or for another bid, a claim copied by another distributor
//     (front-running), a batch out of order or with a wrong multiproof are not;
//   - accounting: each actor received exactly what the model says (rewards to the
//     distributor that claimed, the remainder to the vendor), and for every bid
//     balance + paid + withdrawn = deposit, paid ≤ deposit;
//   - the claimed bitmap equals the model's (each index paid at most once) and equals the
//     set of KeyRevealed events, one per paid index, carrying the fleet device and the r
//     of the paying claim;
//   - withdraw succeeds only for the vendor and only after expiry.
//
// The first input bytes choose the fleet size (1..SmallFleet, or one of LargeFleets), the
// lock type and the reward;
// the rest is a sequence of at most MaxSteps actions (see the step method).
func (e *ContractEnv) ContractCalls(ctx context.Context, data []byte) error {
	e.Runs++
	r := &run{e: e, ctx: ctx, in: newReader(data),
		start: map[common.Address]*big.Int{}, fees: map[common.Address]*big.Int{}, expect: map[common.Address]*big.Int{}}
	for _, a := range r.actors() {
		b, err := r.balance(a)
		if err != nil {
			return err
		}
		r.start[a], r.fees[a], r.expect[a] = b, new(big.Int), new(big.Int)
	}
	sel := uint64(r.in.byte())
	n := 1 + sel%SmallFleet
	if sel >= 0xf0 { // 1 input in 16
		n = LargeFleets[sel%uint64(len(LargeFleets))]
	}
	lt := suite.LockType(r.in.byte() & 1)
	reward := new(big.Int).SetUint64(1_000_000_007 * (1 + uint64(r.in.byte())))
	if err := r.publish(n, lt, reward); err != nil {
		return err
	}
	if err := r.invariants(false); err != nil {
		return fmt.Errorf("after publish: %w", err)
	}
	for step := 0; step < MaxSteps && !r.in.empty(); step++ {
		if err := r.step(); err != nil {
			return fmt.Errorf("step %d (%s): %w", step, strings.Join(r.log, "; "), err)
		}
		if err := r.invariants(false); err != nil {
			return fmt.Errorf("after step %d (%s): %w", step, strings.Join(r.log, "; "), err)
		}
	}
	if err := r.invariants(true); err != nil {
		return fmt.Errorf("at the end (%s): %w", strings.Join(r.log, "; "), err)
	}
	return nil
}

// publish deploys a bid for the first n devices (Vendor_Publish).
func (r *run) publish(n uint64, lt suite.LockType, reward *big.Int) error {
	now, err := r.e.ch.HeadTime(r.ctx)
	if err != nil {
		return err
	}
	tree := r.e.trees[n]
	deposit := new(big.Int).Mul(reward, new(big.Int).SetUint64(n))
	uid := sha256.Sum256([]byte("podnet/fuzz/update"))
	addr, rec, err := r.e.c.Publish(r.ctx, r.e.vendor.Key, pod.Publication{
		UpdateID: uid, PackageID: sha256.Sum256([]byte("podnet/fuzz/package")), LockType: lt,
		Expiry: now + bidWindow, FleetRoot: tree.Root(), FleetSize: n, Deposit: deposit,
	})
	r.addFee(r.e.vendor.Address, rec)
	if err != nil {
		return fmt.Errorf("fuzz: publish: %w", err)
	}
	r.expect[r.e.vendor.Address].Sub(r.expect[r.e.vendor.Address], deposit)
	r.bids = append(r.bids, &bidModel{addr: addr, n: n, lt: lt, tree: tree, uid: uid, reward: reward, deposit: deposit,
		expiry: now + bidWindow, fromBlock: rec.BlockNumber.Uint64(), claimed: map[uint64]claimRecord{}, withdrawn: new(big.Int)})
	return nil
}

// honest builds the honest claim of device i on bid b for the distributor dist: a fresh t,
// r = DeriveR(dist, t) and the device's Delivery signature over the lock of r. For an
// index outside the fleet the "device" is an outsider key.
func (r *run) honest(b *bidModel, dist common.Address, i uint64) (pod.Claim, error) {
	var t [32]byte
	for {
		r.tcount++
		copy(t[:], crypto.Keccak256([]byte("podnet/fuzz/t"), new(big.Int).SetUint64(r.tcount).Bytes()))
		if rv := suite.DeriveREVM(dist, t); rv.Sign() != 0 {
			break
		}
	}
	rv, err := suite.DeriveR(dist, t)
	if err != nil {
		return pod.Claim{}, err
	}
	key := r.e.devKeys[MaxFleet] // an outsider for an index outside the fleet
	if i < b.n {
		key = r.e.devKeys[i]
	}
	sig, err := r.sign(b, key, rv)
	if err != nil {
		return pod.Claim{}, err
	}
	return pod.Claim{Index: i, Device: crypto.PubkeyToAddress(key.PublicKey), T: t, R: rv, Signature: sig}, nil
}

// sign is a device's Delivery signature over the lock of rv on bid b.
func (r *run) sign(b *bidModel, key *ecdsa.PrivateKey, rv *big.Int) ([65]byte, error) {
	lock := evmLock(b.lt, rv)
	return suite.Sign(key, suite.DeliveryDigest(r.e.ch.ChainID(), b.addr, b.uid, lock))
}

// evmLock is the lock the contract computes from any 256-bit r: SHA-256 of its 32 bytes,
// or keccak256 of the ecMul(G, r) output (r·G with r reduced mod n; (0, 0) for infinity).
func evmLock(lt suite.LockType, rv *big.Int) [32]byte {
	var rb [32]byte
	rv.FillBytes(rb[:])
	if lt == suite.LockHash {
		return sha256.Sum256(rb[:])
	}
	red := new(big.Int).Mod(rv, suite.Order())
	if red.Sign() == 0 {
		return crypto.Keccak256Hash(make([]byte, 64))
	}
	return suite.PointLock(suite.PointLockPoint(red))
}

// proof is the tree's proof of i (empty for an index outside the tree).
func proofOf(b *bidModel, i uint64) [][32]byte {
	p, err := b.tree.Proof(i % b.n)
	if err != nil {
		return nil
	}
	return p
}

// step decodes and runs one action.
func (r *run) step() error {
	op := r.in.byte() % 10
	b := r.bids[0]
	if op >= 8 { // the same actions on a second bid of the same update
		if len(r.bids) == 1 {
			if err := r.publish(b.n, b.lt, new(big.Int).Add(b.reward, big.NewInt(1))); err != nil {
				return err
			}
			r.log = append(r.log, "publish second bid")
		}
		op -= 8
		if op == 1 {
			return r.replay()
		}
		b = r.bids[1]
	}
	di := int(r.in.byte() & 1)
	dist := r.e.dists[di]
	i := r.index(b, 1)
	switch op {
	case 0: // HonestClaim
		cl, err := r.honest(b, dist.Address, i)
		if err != nil {
			return err
		}
		r.log = append(r.log, fmt.Sprintf("honest claim dist%d index %d", di, i))
		return r.claim(b, dist, []pod.Claim{cl}, proofOf(b, i), false)
	case 1: // TamperedClaim
		cl, err := r.honest(b, dist.Address, i)
		if err != nil {
			return err
		}
		proof := proofOf(b, i)
		what := r.tamper(b, &cl, &proof)
		r.log = append(r.log, fmt.Sprintf("claim dist%d index %d tampered: %s", di, i, what))
		return r.claim(b, dist, []pod.Claim{cl}, proof, false)
	case 2: // CopyClaim: the other distributor submits this one's claim (front-running)
		cl, err := r.honest(b, dist.Address, i)
		if err != nil {
			return err
		}
		r.log = append(r.log, fmt.Sprintf("claim of dist%d index %d copied by dist%d", di, i, 1-di))
		return r.claim(b, r.e.dists[1-di], []pod.Claim{cl}, proofOf(b, i), false)
	case 3: // OutsiderClaim: a device outside the fleet signs, claimed at a fleet index
		cl, err := r.honest(b, dist.Address, i)
		if err != nil {
			return err
		}
		key := r.e.devKeys[MaxFleet+int(r.in.byte())%outsiders]
		cl.Device = crypto.PubkeyToAddress(key.PublicKey)
		if cl.Signature, err = r.sign(b, key, cl.R); err != nil {
			return err
		}
		r.log = append(r.log, fmt.Sprintf("outsider claim dist%d index %d", di, i))
		return r.claim(b, dist, []pod.Claim{cl}, proofOf(b, i), false)
	case 4: // Batch
		return r.batch(b, di)
	case 5: // AdvanceTime past every expiry
		r.log = append(r.log, "advance time")
		if r.e.Trace != nil {
			r.e.Trace("advance time")
		}
		if err := r.e.ch.AdjustTime(r.ctx, 2*bidWindow*time.Second); err != nil {
			return fmt.Errorf("fuzz: adjust time: %w", err)
		}
		return nil
	case 6: // Withdraw by the vendor, a distributor or the outsider account
		who := []chain.Account{r.e.vendor, r.e.vendor, dist, r.e.other}[r.in.byte()%4]
		r.log = append(r.log, fmt.Sprintf("withdraw by %s", who.Address))
		return r.withdraw(b, who)
	default: // RawClaim: every field from the input
		cl, proof, err := r.raw(b, dist.Address)
		if err != nil {
			return err
		}
		r.log = append(r.log, fmt.Sprintf("raw claim dist%d index %d", di, cl.Index))
		return r.claim(b, dist, []pod.Claim{cl}, proof, false)
	}
}

// candidates are the indices an action may name: every index of a small fleet, the
// indices around the storage-word boundaries of a large one, in increasing order, then
// extra indices past the end (extra of them: n, n+1, ...).
func (r *run) candidates(b *bidModel, extra uint64) []uint64 {
	var out []uint64
	if b.n <= SmallFleet {
		for i := uint64(0); i < b.n; i++ {
			out = append(out, i)
		}
	} else {
		for _, i := range []uint64{0, 1, 127, 254, 255, 256, 257, b.n - 2, b.n - 1} {
			if i < b.n && (len(out) == 0 || i > out[len(out)-1]) {
				out = append(out, i)
			}
		}
	}
	for k := uint64(0); k < extra; k++ {
		out = append(out, b.n+k)
	}
	return out
}

// index reads an index from the input among the candidates (with extra indices past the
// end of the fleet).
func (r *run) index(b *bidModel, extra uint64) uint64 {
	c := r.candidates(b, extra)
	return c[int(r.in.byte())%len(c)]
}

// device reads a device address from the input: a fleet device at a candidate index or
// an outsider.
func (r *run) device(b *bidModel) common.Address {
	c := r.candidates(b, 0)
	k := int(r.in.byte()) % (len(c) + outsiders)
	if k < len(c) {
		return r.e.devs[c[k]]
	}
	return r.e.devs[MaxFleet+k-len(c)]
}

// tamper changes one field of an honest claim or its proof.
func (r *run) tamper(b *bidModel, cl *pod.Claim, proof *[][32]byte) string {
	switch k := r.in.byte() % 11; k {
	case 0:
		cl.Index = r.index(b, 2)
		return fmt.Sprintf("index → %d", cl.Index)
	case 1:
		cl.Device = r.device(b)
		return "device"
	case 2:
		cl.T[r.in.byte()%32] ^= 1 << (r.in.byte() % 8)
		return "t"
	case 3:
		switch r.in.byte() % 3 {
		case 0:
			cl.R = new(big.Int).Add(cl.R, big.NewInt(1))
		case 1:
			cl.R = new(big.Int)
		default:
			cl.R = new(big.Int).Add(cl.R, suite.Order()) // same point, same r mod n
		}
		return "r"
	case 4:
		cl.Signature[r.in.byte()%32] ^= 1 << (r.in.byte() % 8)
		return "signature R"
	case 5: // the malleable twin (n - s, V flipped): a valid signature with high s
		s := new(big.Int).SetBytes(cl.Signature[32:64])
		new(big.Int).Sub(secpN, s).FillBytes(cl.Signature[32:64])
		cl.Signature[64] ^= 27 ^ 28
		return "high s"
	case 6:
		cl.Signature[64] = r.in.byte()
		return fmt.Sprintf("V → %d", cl.Signature[64])
	case 7:
		if len(*proof) == 0 {
			*proof = append(*proof, [32]byte{})
			return "proof extended"
		}
		(*proof)[int(r.in.byte())%len(*proof)][r.in.byte()%32] ^= 1
		return "proof bit"
	case 8:
		if len(*proof) > 0 && r.in.byte()&1 == 0 {
			*proof = (*proof)[:len(*proof)-1]
			return "proof truncated"
		}
		*proof = append(*proof, sha256.Sum256([]byte{r.in.byte()}))
		return "proof extended"
	case 9: // the device signed the lock of another r
		other := new(big.Int).Add(cl.R, big.NewInt(int64(1+r.in.byte())))
		key := r.e.devKeys[MaxFleet]
		for j, d := range r.e.devs {
			if d == cl.Device {
				key = r.e.devKeys[j]
			}
		}
		cl.Signature, _ = r.sign(b, key, other)
		return "signature over another lock"
	default:
		cl.Signature[32+r.in.byte()%32] ^= 1 << (r.in.byte() % 8)
		return "signature S"
	}
}

// raw builds a claim whose fields come from the input (each either honest or raw).
func (r *run) raw(b *bidModel, dist common.Address) (pod.Claim, [][32]byte, error) {
	flags := r.in.byte()
	cl, err := r.honest(b, dist, r.index(b, 2))
	if err != nil {
		return cl, nil, err
	}
	proof := proofOf(b, cl.Index)
	if flags&1 != 0 {
		cl.Device = r.device(b)
	}
	if flags&2 != 0 {
		copy(cl.T[:], r.in.bytes(32))
	}
	if flags&4 != 0 {
		cl.R = new(big.Int).SetBytes(r.in.bytes(32))
	}
	if flags&8 != 0 {
		copy(cl.Signature[:], r.in.bytes(65))
	}
	if flags&16 != 0 {
		proof = make([][32]byte, int(r.in.byte())%5)
		for k := range proof {
			copy(proof[k][:], r.in.bytes(32))
		}
	}
	if flags&32 != 0 && b.n > 0 { // re-sign honestly with the key of the (possibly changed) device
		for j, d := range r.e.devs {
			if d == cl.Device {
				cl.Signature, err = r.sign(b, r.e.devKeys[j], cl.R)
			}
		}
	}
	return cl, proof, err
}

// replay submits an honest claim signed for the first bid to the second one (the EIP-712
// domain binds the bid's address: the signature must not be accepted there).
func (r *run) replay() error {
	b0, b1 := r.bids[0], r.bids[1]
	di := int(r.in.byte() & 1)
	i := r.index(b0, 0)
	cl, err := r.honest(b0, r.e.dists[di].Address, i)
	if err != nil {
		return err
	}
	r.log = append(r.log, fmt.Sprintf("claim for bid 0 replayed on bid 1, dist%d index %d", di, i))
	return r.claim(b1, r.e.dists[di], []pod.Claim{cl}, proofOf(b1, i), false)
}

// batch builds a batch of honest claims for the indices of a mask, optionally tampered.
func (r *run) batch(b *bidModel, di int) error {
	dist := r.e.dists[di]
	mask := r.in.byte()
	var idx []uint64
	for k, i := range r.candidates(b, 0) {
		if k < 8 && mask&(1<<k) != 0 {
			idx = append(idx, i)
		}
	}
	claims := make([]pod.Claim, len(idx))
	for k, i := range idx {
		cl, err := r.honest(b, dist.Address, i)
		if err != nil {
			return err
		}
		claims[k] = cl
	}
	var proof [][32]byte
	if len(idx) > 0 {
		var err error
		if proof, err = pod.MultiProof(b.tree, idx); err != nil {
			return violated("MultiProof(%v) of %d: %v", idx, b.n, err)
		}
	}
	what := "none"
	switch r.in.byte() % 8 {
	case 1:
		if len(claims) > 1 {
			k := int(r.in.byte()) % (len(claims) - 1)
			claims[k], claims[k+1] = claims[k+1], claims[k]
			what = "two claims swapped"
		}
	case 2:
		if len(claims) > 0 {
			k := int(r.in.byte()) % len(claims)
			claims = append(claims[:k+1], claims[k:]...)
			what = "a claim duplicated"
		}
	case 3:
		if len(proof) > 0 && r.in.byte()&1 == 0 {
			proof = proof[:len(proof)-1]
			what = "multiproof truncated"
		} else {
			proof = append(proof, [32]byte{1})
			what = "multiproof extended"
		}
	case 4:
		if len(proof) > 0 {
			proof[int(r.in.byte())%len(proof)][0] ^= 0x80
			what = "multiproof bit"
		}
	case 5:
		if len(claims) > 0 {
			k := int(r.in.byte()) % len(claims)
			what = "claim " + r.tamper(b, &claims[k], new([][32]byte))
		}
	case 6:
		if len(claims) > 0 { // one claim made for the other distributor
			k := int(r.in.byte()) % len(claims)
			cl, err := r.honest(b, r.e.dists[1-di].Address, claims[k].Index)
			if err != nil {
				return err
			}
			claims[k] = cl
			what = "one claim of the other distributor"
		}
	}
	r.log = append(r.log, fmt.Sprintf("batch dist%d indices %v tamper %s", di, idx, what))
	return r.claim(b, dist, claims, proof, true)
}

// errorSets are the definite and the possible failures the reference predicts.
type errorSets struct {
	fails, maybe map[string]bool
}

func (s errorSets) add(name string)      { s.fails[name] = true }
func (s errorSets) possible(name string) { s.maybe[name] = true }

// expectClaims is the reference decision of claim / claimBatch for sender on bid b
// (spec/pod.md §6; the contract's custom errors).
func (r *run) expectClaims(b *bidModel, sender common.Address, claims []pod.Claim, proof [][32]byte, batch bool) (errorSets, error) {
	s := errorSets{fails: map[string]bool{}, maybe: map[string]bool{}}
	head, err := r.e.ch.HeadTime(r.ctx)
	if err != nil {
		return s, err
	}
	if head > b.expiry {
		s.add("Expired") // checked first by both entry points: the only possible error
		return s, nil
	}
	if batch && len(claims) == 0 {
		s.add("EmptyBatch")
		return s, nil
	}
	seen := map[uint64]bool{}
	fleetKnown := true
	var next uint64
	var idx []uint64
	for k, cl := range claims {
		i := cl.Index
		if i >= b.n {
			s.add("IndexOutOfRange")
			fleetKnown = false
		}
		if _, ok := b.claimed[i]; ok || seen[i] {
			s.add("AlreadyClaimed")
			fleetKnown = false
		}
		if batch && k > 0 && i < next {
			s.add("BatchNotSorted")
			fleetKnown = false
		}
		seen[i] = true
		next = i + 1
		idx = append(idx, i)
		if cl.R.Sign() == 0 {
			s.add("ZeroKey")
		}
		if cl.R.Cmp(suite.DeriveREVM(sender, cl.T)) != 0 {
			s.add("RNotDerived")
		}
		// The signature, as the ecrecover precompile sees it.
		digest := suite.DeliveryDigest(r.e.ch.ChainID(), b.addr, b.uid, evmLock(b.lt, cl.R))
		sig := cl.Signature
		rr := new(big.Int).SetBytes(sig[:32])
		ss := new(big.Int).SetBytes(sig[32:64])
		signer := common.Address{}
		if (sig[64] == 27 || sig[64] == 28) && crypto.ValidateSignatureValues(sig[64]-27, rr, ss, false) {
			raw := append(append([]byte{}, sig[:64]...), sig[64]-27)
			if pub, err := crypto.Ecrecover(digest[:], raw); err == nil {
				signer = common.BytesToAddress(crypto.Keccak256(pub[1:])[12:])
			}
		}
		if signer == (common.Address{}) || signer != cl.Device {
			s.add("BadSignature")
		}
		if ss.Cmp(suite.Secp256k1HalfN()) > 0 {
			s.add("HighS")
		}
		if !batch && i < b.n {
			switch err := suite.VerifyFleet(b.tree.Root(), b.n, i, cl.Device, proof); {
			case errors.Is(err, suite.ErrProofLength):
				s.add("BadProofLength")
			case err != nil:
				s.add("NotInFleet")
			}
		}
	}
	if !batch {
		if len(proof) != b.tree.Depth() {
			s.possible("BadProofLength")
		}
		s.possible("NotInFleet")
		return s, nil
	}
	if !fleetKnown {
		s.possible("BadProofLength")
		s.possible("NotInFleet")
		return s, nil
	}
	want, err := pod.MultiProof(b.tree, idx)
	if err != nil {
		return s, violated("MultiProof(%v): %v", idx, err)
	}
	switch {
	case len(proof) != len(want):
		s.add("BadProofLength")
	case !equalProof(proof, want):
		s.add("NotInFleet")
	default:
		for _, cl := range claims {
			if cl.Device != r.e.devs[cl.Index] {
				s.add("NotInFleet")
			}
		}
	}
	return s, nil
}

// revertName is the custom error name of a rejected call ("" for none).
func revertName(err error) string {
	var re *pod.RevertError
	if errors.As(err, &re) {
		return re.Name
	}
	return ""
}

// claim sends claims (one, or a batch) from dist and compares with the reference.
func (r *run) claim(b *bidModel, dist chain.Account, claims []pod.Claim, proof [][32]byte, batch bool) error {
	want, err := r.expectClaims(b, dist.Address, claims, proof, batch)
	if err != nil {
		return err
	}
	var rec *types.Receipt
	if batch {
		rec, err = r.e.c.ClaimBatch(r.ctx, dist.Key, b.addr, claims, proof)
	} else {
		rec, err = r.e.c.Claim(r.ctx, dist.Key, b.addr, claims[0], proof)
	}
	r.addFee(dist.Address, rec)
	if err := r.compare(err, want); err != nil {
		return err
	}
	if err != nil {
		return nil
	}
	for _, cl := range claims {
		b.claimed[cl.Index] = claimRecord{device: cl.Device, r: cl.R}
	}
	paid := new(big.Int).Mul(b.reward, big.NewInt(int64(len(claims))))
	r.expect[dist.Address].Add(r.expect[dist.Address], paid)
	return nil
}

// compare checks the outcome err of a call against the reference sets.
func (r *run) compare(err error, want errorSets) error {
	if r.e.Trace != nil {
		outcome := "ok"
		if err != nil {
			outcome = revertName(err)
		}
		r.e.Trace(r.log[len(r.log)-1] + " → " + outcome)
	}
	if err == nil {
		if len(want.fails) > 0 {
			return violated("the call succeeded; the reference rejects it with %v", keys(want.fails))
		}
		return nil
	}
	name := revertName(err)
	if name == "" {
		// Every claim built here is encodable (r < 2^256), so the client has no reason to
		// refuse it (pod.ErrInput) and the contract none to revert without a named error.
		return violated("the call failed without a named contract error: %v", err)
	}
	if len(want.fails) == 0 {
		return violated("the call reverted with %s; the reference accepts it", name)
	}
	if !want.fails[name] && !want.maybe[name] {
		return violated("the call reverted with %s; the reference's failing checks are %v (possible: %v)", name, keys(want.fails), keys(want.maybe))
	}
	return nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// withdraw calls withdraw on b from who (Vendor_Withdraw).
func (r *run) withdraw(b *bidModel, who chain.Account) error {
	want := errorSets{fails: map[string]bool{}, maybe: map[string]bool{}}
	if who.Address != r.e.vendor.Address {
		want.add("NotVendor")
	}
	head, err := r.e.ch.HeadTime(r.ctx)
	if err != nil {
		return err
	}
	if head <= b.expiry {
		want.add("NotExpired")
	}
	before, err := r.balance(b.addr)
	if err != nil {
		return err
	}
	rec, err := r.e.c.Withdraw(r.ctx, who.Key, b.addr)
	r.addFee(who.Address, rec)
	if cerr := r.compare(err, want); cerr != nil {
		return cerr
	}
	if err == nil {
		b.withdrawn.Add(b.withdrawn, before)
		r.expect[who.Address].Add(r.expect[who.Address], before)
	}
	return nil
}

// invariants compares the chain with the model after a step; final adds the contract's
// isClaimed view for every index (and two beyond the fleet).
func (r *run) invariants(final bool) error {
	for _, a := range r.actors() {
		now, err := r.balance(a)
		if err != nil {
			return err
		}
		got := new(big.Int).Sub(now, r.start[a])
		got.Add(got, r.fees[a])
		if got.Cmp(r.expect[a]) != 0 {
			return violated("%s received %s net of fees, the model says %s", a, got, r.expect[a])
		}
	}
	for bi, b := range r.bids {
		bal, err := r.balance(b.addr)
		if err != nil {
			return err
		}
		paid := new(big.Int).Mul(b.reward, big.NewInt(int64(len(b.claimed))))
		if paid.Cmp(b.deposit) > 0 {
			return violated("bid %d paid %s of a deposit of %s", bi, paid, b.deposit)
		}
		sum := new(big.Int).Add(bal, paid)
		sum.Add(sum, b.withdrawn)
		if sum.Cmp(b.deposit) != 0 {
			return violated("bid %d: balance %s + paid %s + withdrawn %s != deposit %s", bi, bal, paid, b.withdrawn, b.deposit)
		}
		// The claimed bitmap: storage slot w holds the bits of indices 256w..256w+255;
		// the bits of unpaid indices, and the slot after the fleet's last, must be clear.
		for w := uint64(0); w <= (b.n+255)/256; w++ {
			word, err := r.e.ch.Client().StorageAt(r.ctx, b.addr, common.BigToHash(new(big.Int).SetUint64(w)), nil)
			if err != nil {
				return err
			}
			bits := new(big.Int).SetBytes(word)
			for j := 0; j < 256; j++ {
				i := 256*w + uint64(j)
				if _, want := b.claimed[i]; (bits.Bit(j) == 1) != want {
					return violated("bid %d: claimed bit %d is %d, the model says %v", bi, i, bits.Bit(j), want)
				}
			}
		}
		if final {
			for _, i := range r.candidates(b, 2) {
				got, err := r.e.c.IsClaimed(r.ctx, b.addr, i)
				if err != nil {
					return err
				}
				if _, want := b.claimed[i]; got != want {
					return violated("bid %d: isClaimed(%d) = %v, the model says %v", bi, i, got, want)
				}
			}
		}
		evs, err := r.e.c.FilterKeyRevealed(r.ctx, b.addr, b.fromBlock)
		if err != nil {
			return err
		}
		if len(evs) != len(b.claimed) {
			return violated("bid %d: %d KeyRevealed events for %d paid devices", bi, len(evs), len(b.claimed))
		}
		seen := map[uint64]bool{}
		for _, ev := range evs {
			c, ok := b.claimed[ev.Index]
			if !ok || seen[ev.Index] {
				return violated("bid %d: KeyRevealed for index %d (paid: %v, repeated: %v)", bi, ev.Index, ok, seen[ev.Index])
			}
			seen[ev.Index] = true
			if ev.Index >= b.n || ev.Device != r.e.devs[ev.Index] || ev.Device != c.device || ev.R.Cmp(c.r) != 0 {
				return violated("bid %d: KeyRevealed(%d, %s, %s) for the claim of %s with r %s", bi, ev.Index, ev.Device, ev.R, c.device, c.r)
			}
		}
	}
	return nil
}
