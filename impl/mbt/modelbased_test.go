package mbt

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/podnet/podnet/impl/party"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/model/pod"
)

// Default numbers of random sequences per lock mode, unless -rapid.checks or
// PODNET_MBT_CHECKS says otherwise. Every sequence deploys a fresh chain and bids; in
// point-lock mode each distributor also proves its π0 (Distributor_Prepare, seconds on
// this machine), so that mode runs fewer sequences. The contracts' checks are the same in
// both modes.
var defaultChecks = map[suite.LockType]int{suite.LockPoint: 4, suite.LockHash: 20}

// checksGiven records whether -rapid.checks was on the command line.
var checksGiven bool

// TestMain notes whether -rapid.checks was given: rapid's default of 100 sequences would
// take many minutes here.
func TestMain(m *testing.M) {
	flag.Parse()
	flag.Visit(func(f *flag.Flag) { checksGiven = checksGiven || f.Name == "rapid.checks" })
	os.Exit(m.Run())
}

// setChecks sets rapid's number of checks for lock mode lt.
func setChecks(t *testing.T, lt suite.LockType) {
	if checksGiven {
		return
	}
	n := strconv.Itoa(defaultChecks[lt])
	if v := os.Getenv("PODNET_MBT_CHECKS"); v != "" {
		n = v
	}
	require.NoError(t, flag.Set("rapid.checks", n))
}

// TestModelBased applies random sequences of protocol and adversary actions to model/pod
// (scope: 2 distributors, 2 devices without a hub, one key reveal, the Dolev-Yao
// adversary, all contract checks on) and to the real implementation, in point-lock and in
// paper (hash-lock) mode, and compares them after every step (see the package
// documentation). A failing sequence prints as its trace of named steps; replay it with
// the -rapid.failfile rapid prints.
func TestModelBased(t *testing.T) {
	if _, err := vendorKeys(); err != nil {
		t.Fatalf("vendor keys: %v", err)
	}
	stats := map[string]int{}
	for _, lt := range []suite.LockType{suite.LockPoint, suite.LockHash} {
		t.Run(lt.String(), func(t *testing.T) { testModelBased(t, lt, stats) })
	}
	t.Logf("accepted steps over both modes: %v", stats)
	// The sequences must reach the honest exchange end to end, or the comparison says
	// little.
	if !t.Failed() {
		for _, s := range []string{pod.RuleDeviceRequest, pod.RuleContractClaim, pod.RuleDeviceInstall} {
			require.Positive(t, stats[s], "no accepted %s", s)
		}
	}
}

// testModelBased runs the random sequences of one lock mode and adds the accepted steps
// to stats.
func testModelBased(t *testing.T, lt suite.LockType, stats map[string]int) {
	setChecks(t, lt)
	run := 0
	rapid.Check(t, func(rt *rapid.T) {
		run++
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		mb := newModelBased(ctx, rt, lt, filepath.Join(t.TempDir(), strconv.Itoa(run)))
		defer mb.close()
		mb.stats = stats
		mb.compare(rt, "setup")
		steps := rapid.IntRange(3, 14).Draw(rt, "steps")
		for k := 0; k < steps; k++ {
			a := pick(mb.enabled(rt)).Draw(rt, "step")
			mb.apply(rt, a)
			mb.compare(rt, a.String())
		}
		mb.drain(rt)
	})
	t.Logf("%d runs", run)
}

// pick draws one of the weighted actions as evenly as rapid allows. rapid's integer
// draws (and SampledFrom) favour small indices strongly, which would starve the actions at
// the end of the list; the sum modulo n of three such draws is close to uniform and still
// shrinks towards the first action.
func pick(as []action) *rapid.Generator[action] {
	return rapid.Custom(func(t *rapid.T) action {
		n := len(as)
		k := 0
		for j := 0; j < 3; j++ {
			k += rapid.IntRange(0, n-1).Draw(t, "pick")
		}
		return as[k%n]
	})
}

// kind is the kind of a drawn action.
type kind int

const (
	actExchange       kind = iota // Device_Request .. Device_Commit with an honest distributor
	actExchangeEvil               // Device_Request to the adversary's distributor
	actClaim                      // Distributor_Claim: the distributor claims what it holds
	actMinePosted                 // a posted claim mined (again, or late)
	actFrontRun                   // Adversary_Replay: E copies a posted claim
	actFrontRunOwnR               // Adversary_Replay: E re-derives r from a posted t
	actInject                     // Adversary_Inject: E claims with its own r
	actInjectAsDevice             // Adversary_Inject: E claims with itself as the device
	actCrossBid                   // Adversary_Replay: a delivery signature on another bid
	actExpire                     // Contract_Expire
	actWithdraw                   // Vendor_Withdraw by the vendor
	actWithdrawOther              // Vendor_Withdraw by E
	actReveal                     // Reveal_DeviceKey
	actInstall                    // Device_Install
)

// action is one drawn step. Its String is the step's name with its arguments: rapid
// prints it in the trace of a failing sequence.
type action struct {
	k    kind
	d, i int // distributor, fleet index (device)
}

// String returns the step name and arguments.
func (a action) String() string {
	switch a.k {
	case actExchange:
		return fmt.Sprintf("Device_Request(dev%d -> D%d) .. Device_Commit .. Distributor_Claim(D%d, index %d)", a.i, a.d, a.d, a.i)
	case actExchangeEvil:
		return fmt.Sprintf("Device_Request(dev%d -> E) [E serves a wrong ciphertext]", a.i)
	case actClaim:
		return fmt.Sprintf("Distributor_Claim(D%d) -> Contract_Claim", a.d)
	case actMinePosted:
		return fmt.Sprintf("Contract_Claim(D%d's posted claim of index %d, mined again or late)", a.d, a.i)
	case actFrontRun:
		return fmt.Sprintf("Adversary_Replay(E copies D%d's claim of index %d)", a.d, a.i)
	case actFrontRunOwnR:
		return fmt.Sprintf("Adversary_Replay(E claims index %d with r = H(pk_E, t of D%d))", a.i, a.d)
	case actInject:
		return fmt.Sprintf("Adversary_Inject(E claims index %d with its own r)", a.i)
	case actInjectAsDevice:
		return fmt.Sprintf("Adversary_Inject(E claims index %d as device E)", a.i)
	case actCrossBid:
		return fmt.Sprintf("Adversary_Replay(D%d's signature of index %d on another bid)", a.d, a.i)
	case actExpire:
		return "Contract_Expire(bid)"
	case actWithdraw:
		return "Vendor_Withdraw(V)"
	case actWithdrawOther:
		return "Vendor_Withdraw(E) [not the vendor]"
	case actReveal:
		return fmt.Sprintf("Reveal_DeviceKey(dev%d)", a.i)
	case actInstall:
		return fmt.Sprintf("Device_Install(dev%d)", a.i)
	}
	return fmt.Sprintf("action(%d)", a.k)
}

// GoString makes rapid's trace print the step name.
func (a action) GoString() string { return a.String() }

// modelBased is one run: the model driver, the real world, and the bookkeeping of the
// comparison.
type modelBased struct {
	ctx   context.Context
	mode  pod.Mode
	md    *modelDriver
	rw    *realWorld
	stats map[string]int
}

func newModelBased(ctx context.Context, rt *rapid.T, lt suite.LockType, dir string) *modelBased {
	mode := pod.PointLock
	if lt == suite.LockHash {
		mode = pod.HashLock
	}
	sc := pod.Scope{Mode: mode, Distributors: distributors, Devices: devices, HubDevice: -1, MaxReveals: 1, Checks: pod.AllChecks()}
	md, err := newModelDriver(sc)
	require.NoError(rt, err)
	require.NoError(rt, md.setup())
	rw, err := newRealWorld(ctx, dir, lt)
	require.NoError(rt, err, "real world setup")
	return &modelBased{ctx: ctx, mode: mode, md: md, rw: rw}
}

func (mb *modelBased) close() { mb.rw.close() }

// enabled lists the actions worth drawing in the current state, weighted by repetition.
// Steps the model and the implementation bound differently are left out (each says why).
func (mb *modelBased) enabled(rt *rapid.T) []action {
	obs, err := mb.md.observe()
	require.NoError(rt, err, "model observation")
	var out []action
	add := func(a action, w int) {
		for ; w > 0; w-- {
			out = append(out, a)
		}
	}
	for i := 0; i < devices; i++ {
		// The model's device runs one session; the real device would retry with another
		// distributor after a timeout. Honest distributors refuse after expiry and for an
		// index already claimed, which the model's distributors do not look at.
		if obs.devPhase[i] == phaseIdle && !obs.expired && !obs.claimed[i] {
			for d := 0; d < distributors; d++ {
				add(action{k: actExchange, d: d, i: i}, 3)
			}
			add(action{k: actExchangeEvil, i: i}, 1)
		}
		if obs.devPhase[i] == phaseCommitted {
			add(action{k: actInstall, i: i}, 3)
		}
		if !obs.revDev[i] && mb.md.enabled(pod.RuleRevealDeviceKey, fmt.Sprintf("Reveal_DeviceKey(dev%d)", i)) {
			add(action{k: actReveal, i: i}, 1)
		}
		add(action{k: actInject, i: i}, 1)
		add(action{k: actInjectAsDevice, i: i}, 1)
	}
	for d := 0; d < distributors; d++ {
		pending := false
		for i := 0; i < devices; i++ {
			if obs.sess[d*devices+i] >= sessPosted {
				pending = true
				add(action{k: actMinePosted, d: d, i: i}, 3)
				add(action{k: actFrontRun, d: d, i: i}, 2)
				add(action{k: actFrontRunOwnR, d: d, i: i}, 1)
				add(action{k: actCrossBid, d: d, i: i}, 1)
			}
		}
		if pending {
			add(action{k: actClaim, d: d}, 4)
		}
	}
	if !obs.expired {
		add(action{k: actExpire}, 2)
	}
	add(action{k: actWithdraw}, 1)
	add(action{k: actWithdrawOther}, 1)
	return out
}

// apply performs a in the model and in the implementation and requires that both accept
// it or both refuse it.
func (mb *modelBased) apply(rt *rapid.T, a action) {
	rw, md, ctx := mb.rw, mb.md, mb.ctx
	bid := rw.pub.Bid.Address
	nFired := len(md.fired)
	defer func() { rt.Logf("%s: model fired %v", a, md.fired[nFired:]) }()
	agree := func(model, real bool, realErr error) {
		rt.Helper()
		require.Equal(rt, model, real, "%s: model accepts %v, implementation accepts %v (err: %v)", a, model, real, realErr)
		if model {
			mb.stats[a.rule()]++
		}
	}
	switch a.k {
	case actExchange:
		rw.routes[a.i].pin(distName(a.d))
		_, err := rw.devs[a.i].Update(ctx, rw.pub.Bid)
		real := errors.Is(err, party.ErrRevealTimeout) // signed; waiting for the key
		if real {
			// The distributor checks and persists the signature in its own goroutine
			// (Distributor_Claim) while the device waits: wait for the record.
			mb.awaitRecord(rt, a.d, a.i)
		}
		r := rTerm(distName(a.d), tAtom(a.d, a.i))
		lock := lockTerm(mb.mode, r)
		model := md.fire(pod.RuleDeviceRequest, fmt.Sprintf("Device_Request(dev%d -> D%d)", a.i, a.d)) &&
			md.fire(pod.RuleDistributorChallenge, fmt.Sprintf("Distributor_Challenge(D%d, index %d)", a.d, a.i)) &&
			md.fire(pod.RuleDeviceRespond, fmt.Sprintf("Device_Respond(dev%d, ", a.i)) &&
			md.fire(pod.RuleDistributorOffer, fmt.Sprintf("Distributor_Offer(D%d, index %d, r = %s)", a.d, a.i, r)) &&
			md.fire(pod.RuleDeviceCheck, fmt.Sprintf("Device_Check(dev%d, lock %s)", a.i, lock)) &&
			md.fire(pod.RuleDeviceCommit, fmt.Sprintf("Device_Commit(dev%d signs lock %s)", a.i, lock)) &&
			md.fire(pod.RuleDistributorClaim, fmt.Sprintf("Distributor_Claim(D%d, index %d)", a.d, a.i))
		agree(model, real, err)
	case actExchangeEvil:
		require.NoError(rt, rw.startEvil())
		rw.routes[a.i].pin(evilName)
		_, err := rw.devs[a.i].Update(ctx, rw.pub.Bid)
		recs, rerr := rw.evil.Records(ctx)
		require.NoError(rt, rerr)
		// The model's device checks only valid offers (Device_Check): it never signs this
		// one, so nothing fires.
		agree(false, errors.Is(err, party.ErrRevealTimeout) || len(recs) > 0, err)
		require.ErrorIs(rt, err, party.ErrProof, "the device must refuse the offer on its proof")
	case actClaim:
		before, err := rw.records(a.d)
		require.NoError(rt, err)
		var pend []uint64
		for i, r := range before {
			if r.Status == party.SigPending {
				pend = append(pend, i)
			}
		}
		slices.Sort(pend)
		paidBefore := mb.paidTo(rt, distName(a.d))
		// ClaimPending reconciles a refused batch and leaves the rest pending for the next
		// round: run rounds until nothing is pending.
		for round := 0; round < 3; round++ {
			require.NoError(rt, rw.dist[a.d].ClaimPending(ctx))
			recs, err := rw.records(a.d)
			require.NoError(rt, err)
			left := false
			for _, r := range recs {
				left = left || r.Status == party.SigPending
			}
			if !left {
				break
			}
		}
		paidAfter := mb.paidTo(rt, distName(a.d))
		var modelPaid, realPaid []uint64
		for _, i := range pend {
			if md.fire(pod.RuleContractClaim, claimPrefix(mb.mode, distName(a.d), int(i), "", rTerm(distName(a.d), tAtom(a.d, int(i))))) {
				modelPaid = append(modelPaid, i)
				mb.stats[pod.RuleContractClaim]++
			}
			if paidAfter[i] > paidBefore[i] {
				realPaid = append(realPaid, i)
			}
		}
		require.Equal(rt, modelPaid, realPaid, "%s: indices paid (model vs implementation)", a)
	case actMinePosted:
		rec := mb.record(rt, a.d, a.i)
		cl, err := rw.claimOf(a.d, rec)
		require.NoError(rt, err)
		_, err = rw.w.Ledger.Claim(ctx, rw.w.Key(distName(a.d)), bid, []party.Claim{cl})
		agree(md.fire(pod.RuleContractClaim, claimPrefix(mb.mode, distName(a.d), a.i, "", rTerm(distName(a.d), tAtom(a.d, a.i)))), err == nil, err)
	case actFrontRun:
		rec := mb.record(rt, a.d, a.i)
		cl, err := rw.claimOf(a.d, rec)
		require.NoError(rt, err)
		_, err = rw.w.Ledger.Claim(ctx, rw.adv, bid, []party.Claim{cl})
		agree(md.fire(pod.RuleContractClaim, claimPrefix(mb.mode, "E", a.i, "", rTerm(distName(a.d), tAtom(a.d, a.i)))), err == nil, err)
	case actFrontRunOwnR:
		rec := mb.record(rt, a.d, a.i)
		cl, err := rw.claimOf(a.d, rec)
		require.NoError(rt, err)
		cl.R, err = suite.DeriveR(rw.w.Address("E"), rec.T)
		require.NoError(rt, err)
		if rw.revealed[a.i] {
			cl.Signature = mb.sign(rt, rw.w.Key(devName(a.i)), cl.R)
		}
		_, err = rw.w.Ledger.Claim(ctx, rw.adv, bid, []party.Claim{cl})
		agree(md.fire(pod.RuleContractClaim, claimPrefix(mb.mode, "E", a.i, "", rTerm("E", tAtom(a.d, a.i)))), err == nil, err)
	case actInject, actInjectAsDevice:
		r, err := suite.DeriveR(rw.w.Address("E"), rw.tE)
		require.NoError(rt, err)
		proof, err := rw.fleetProof(a.i)
		require.NoError(rt, err)
		cl := party.Claim{Index: uint64(a.i), Device: rw.w.Address(devName(a.i)), FleetProof: proof, T: rw.tE, R: r}
		as := ""
		switch {
		case a.k == actInjectAsDevice:
			cl.Device, as = rw.w.Address("E"), "pk(skE)"
			cl.Signature = mb.sign(rt, rw.adv, r)
		case rw.revealed[a.i]:
			cl.Signature = mb.sign(rt, rw.w.Key(devName(a.i)), r) // the compromised device key
		default:
			cl.Signature = mb.sign(rt, rw.adv, r) // a signature, but not the device's
		}
		_, err = rw.w.Ledger.Claim(ctx, rw.adv, bid, []party.Claim{cl})
		agree(md.fire(pod.RuleContractClaim, claimPrefix(mb.mode, "E", a.i, as, rTerm("E", "tE"))), err == nil, err)
	case actCrossBid:
		rec := mb.record(rt, a.d, a.i)
		cl, err := rw.claimOf(a.d, rec)
		require.NoError(rt, err)
		_, err = rw.w.Ledger.Claim(ctx, rw.w.Key(distName(a.d)), rw.pub2.Bid.Address, []party.Claim{cl})
		// The model has one bid: a signature is bound to it, so no transition exists.
		agree(false, err == nil, err)
	case actExpire:
		require.True(rt, md.fire(pod.RuleContractExpire, "Contract_Expire(bid)"))
		require.NoError(rt, rw.sim.AdjustTime(ctx, 2*time.Hour))
		now, err := rw.w.Ledger.HeadTime(ctx)
		require.NoError(rt, err)
		require.Greater(rt, now, rw.pub.Bid.Expiry)
		mb.stats[pod.RuleContractExpire]++
	case actWithdraw:
		before, err := mb.md.observe()
		require.NoError(rt, err)
		res, err := rw.w.Vendor.Withdraw(ctx, bid)
		refunded := new(big.Int)
		if err == nil {
			refunded = res.Refunded
			rw.refunded.Add(rw.refunded, refunded)
			// refund_after_expiry_vendor, on the real state.
			now, err := rw.w.Ledger.HeadTime(ctx)
			require.NoError(rt, err)
			require.Greater(rt, now, rw.pub.Bid.Expiry, "refund_after_expiry_vendor: the vendor withdrew before expiry")
		}
		model := md.fire(pod.RuleVendorWithdraw, "Vendor_Withdraw(V, ")
		want := new(big.Int)
		if model {
			want.Mul(rw.reward, big.NewInt(int64(before.balance)))
		}
		// After expiry the contract also accepts a withdrawal of nothing, which the model
		// does not list as a step: compare what was refunded.
		agree(model, refunded.Sign() > 0, err)
		require.Equal(rt, want.String(), refunded.String(), "%s: refund", a)
	case actWithdrawOther:
		_, err := rw.w.Ledger.Withdraw(ctx, rw.adv, bid)
		agree(false, err == nil, err)
	case actReveal:
		require.True(rt, md.fire(pod.RuleRevealDeviceKey, fmt.Sprintf("Reveal_DeviceKey(dev%d)", a.i)))
		rw.revealed[a.i] = true
		mb.stats[pod.RuleRevealDeviceKey]++
	case actInstall:
		mb.install(rt, a.i)
	}
}

// rule is the model rule an accepted action is counted under.
func (a action) rule() string {
	switch a.k {
	case actExchange, actExchangeEvil:
		return pod.RuleDeviceRequest
	case actExpire:
		return pod.RuleContractExpire
	case actWithdraw, actWithdrawOther:
		return pod.RuleVendorWithdraw
	case actReveal:
		return pod.RuleRevealDeviceKey
	case actInstall:
		return pod.RuleDeviceInstall
	default:
		return pod.RuleContractClaim
	}
}

// install is Device_Install of device i in both: the real device looks for its key in
// the KeyRevealed events (it reaches no distributor) and installs.
func (mb *modelBased) install(rt *rapid.T, i int) {
	rw := mb.rw
	rw.routes[i].pin("")
	_, err := rw.devs[i].Update(mb.ctx, rw.pub.Bid)
	in, ierr := rw.devs[i].Installed(mb.ctx)
	require.NoError(rt, ierr)
	real := in.Version == 2
	model := mb.md.fire(pod.RuleDeviceInstall, fmt.Sprintf("Device_Install(dev%d, ", i))
	require.Equal(rt, model, real, "Device_Install(dev%d): model installs %v, implementation %v (err: %v)", i, model, real, err)
	if model {
		mb.stats[pod.RuleDeviceInstall]++
	}
}

// drain ends a run: every device that signed tries to install, and fair exchange is
// asserted on the real state — a device whose key is its own and whose signed lock was
// paid has installed.
func (mb *modelBased) drain(rt *rapid.T) {
	obs, err := mb.md.observe()
	require.NoError(rt, err)
	for i := 0; i < devices; i++ {
		if obs.devPhase[i] == phaseCommitted {
			mb.install(rt, i)
			mb.compare(rt, fmt.Sprintf("Device_Install(dev%d) [end of run]", i))
		}
	}
	rw := mb.rw
	revs, err := rw.w.Ledger.Reveals(mb.ctx, rw.pub.Bid.Address, 0)
	require.NoError(rt, err)
	for _, rv := range revs {
		i := int(rv.Index)
		if rw.revealed[i] || !mb.signedLock(rt, i, rv.R) {
			continue
		}
		in, err := rw.devs[i].Installed(mb.ctx)
		require.NoError(rt, err)
		require.Equal(rt, uint64(2), in.Version, "fair_exchange_device: dev%d's signed lock was paid to %s, but it cannot install", i, mb.name(rv.Distributor))
	}
}

// awaitRecord waits until distributor d has persisted a signature of index i.
func (mb *modelBased) awaitRecord(rt *rapid.T, d, i int) {
	deadline := time.Now().Add(20 * time.Second)
	for {
		recs, err := mb.rw.records(d)
		require.NoError(rt, err)
		if _, ok := recs[uint64(i)]; ok {
			return
		}
		require.True(rt, time.Now().Before(deadline), "D%d never persisted the signature of index %d", d, i)
		time.Sleep(2 * time.Millisecond)
	}
}

// record returns distributor d's record of index i (it must exist).
func (mb *modelBased) record(rt *rapid.T, d, i int) party.SigRecord {
	recs, err := mb.rw.records(d)
	require.NoError(rt, err)
	rec, ok := recs[uint64(i)]
	require.True(rt, ok, "D%d holds no signature of index %d", d, i)
	return rec
}

// sign signs the bid's Delivery for the lock of r with key.
func (mb *modelBased) sign(rt *rapid.T, key *ecdsa.PrivateKey, r *big.Int) [suite.SignatureSize]byte {
	lock, err := suite.Lock(mb.rw.lt, r)
	require.NoError(rt, err)
	sig, err := mb.rw.deliverySig(key, mb.rw.pub.Bid.Address, lock)
	require.NoError(rt, err)
	return sig
}

// paidTo counts, per index, the payments of the bid to the named party.
func (mb *modelBased) paidTo(rt *rapid.T, name string) map[uint64]int {
	revs, err := mb.rw.w.Ledger.Reveals(mb.ctx, mb.rw.pub.Bid.Address, 0)
	require.NoError(rt, err)
	out := map[uint64]int{}
	for _, rv := range revs {
		if mb.name(rv.Distributor) == name {
			out[rv.Index]++
		}
	}
	return out
}

// name is the party name of an address.
func (mb *modelBased) name(a common.Address) string {
	for _, n := range []string{distName(0), distName(1), "E", "vendor"} {
		if mb.rw.w.Address(n) == a {
			return n
		}
	}
	return a.Hex()
}

// signedLock reports whether device i signed the lock of r: some distributor (honest or
// the adversary's) holds its delivery signature over that lock.
func (mb *modelBased) signedLock(rt *rapid.T, i int, r *big.Int) bool {
	lock, err := suite.Lock(mb.rw.lt, r)
	require.NoError(rt, err)
	ds := slices.Clone(mb.rw.dist)
	if mb.rw.evil != nil {
		ds = append(ds, mb.rw.evil)
	}
	for _, d := range ds {
		recs, err := d.Records(mb.ctx)
		require.NoError(rt, err)
		for _, rec := range recs {
			if rec.Bid == mb.rw.pub.Bid.Address && rec.Index == uint64(i) && rec.Lock == lock {
				return true
			}
		}
	}
	return false
}

// realR is the value of the model's symbolic r "h(pk(skX),tY)" in this run.
func (mb *modelBased) realR(rt *rapid.T, term string) *big.Int {
	var payer, t string
	_, err := fmt.Sscanf(strings.NewReplacer("h(pk(sk", "", "),", " ", ")", "").Replace(term), "%s %s", &payer, &t)
	require.NoError(rt, err, "model r %q", term)
	var tv [32]byte
	if t == "tE" {
		tv = mb.rw.tE
	} else {
		var d, i int
		_, err := fmt.Sscanf(t, "t%d_%d", &d, &i)
		require.NoError(rt, err, "model t %q", t)
		tv = mb.record(rt, d, i).T
	}
	r, err := suite.DeriveR(mb.rw.w.Address(payer), tv)
	require.NoError(rt, err)
	return r
}

type revealKey struct {
	idx   uint64
	payee string
	r     string
}

// compare checks the real state against the model's after step, then the invariants on
// the real state alone.
func (mb *modelBased) compare(rt *rapid.T, step string) {
	rw, ctx := mb.rw, mb.ctx
	bid := rw.pub.Bid.Address
	obs, err := mb.md.observe()
	require.NoError(rt, err)
	require.Empty(rt, mb.md.violated(), "after %s the model violates a property: the driver left the model's semantics", step)

	// The bid's balance, in deposit units.
	bal, err := rw.w.Ledger.Balance(ctx, bid)
	require.NoError(rt, err)
	require.Equal(rt, new(big.Int).Mul(rw.reward, big.NewInt(int64(obs.balance))).String(), bal.String(), "after %s: bid balance", step)
	// The claimed bitmap.
	for i := 0; i < devices; i++ {
		c, err := rw.w.Ledger.IsClaimed(ctx, bid, uint64(i))
		require.NoError(rt, err)
		require.Equal(rt, obs.claimed[i], c, "after %s: claimed bit of index %d", step, i)
	}
	// KeyRevealed events: (index, payee, r).
	revs, err := rw.w.Ledger.Reveals(ctx, bid, 0)
	require.NoError(rt, err)
	var realRevs, modelRevs []revealKey
	for _, rv := range revs {
		realRevs = append(realRevs, revealKey{rv.Index, mb.name(rv.Distributor), rv.R.String()})
	}
	for _, p := range obs.pays {
		modelRevs = append(modelRevs, revealKey{uint64(p.idx), p.payee, mb.realR(rt, p.r).String()})
	}
	sortReveals(realRevs)
	sortReveals(modelRevs)
	require.Equal(rt, modelRevs, realRevs, "after %s: KeyRevealed events (index, payee, r)", step)
	// Installed devices.
	for i := 0; i < devices; i++ {
		in, err := rw.devs[i].Installed(ctx)
		require.NoError(rt, err)
		require.Equal(rt, obs.devPhase[i] == phaseInstalled, in.Version == 2, "after %s: dev%d installed", step, i)
		if in.Version == 2 {
			require.Equal(rt, rw.image, in.Image, "dev%d installed another image", i)
			require.Equal(rt, rw.pub.Bid.UpdateID, in.UpdateID)
		}
	}
	// The distributors' recorded signatures.
	for d := 0; d < distributors; d++ {
		recs, err := rw.records(d)
		require.NoError(rt, err)
		for i := 0; i < devices; i++ {
			rec, ok := recs[uint64(i)]
			require.Equal(rt, obs.sess[d*devices+i] >= sessPosted, ok, "after %s: D%d holds a signature of index %d", step, d, i)
			if ok && rec.Status == party.SigPaid {
				require.Contains(rt, modelRevs, revealKey{uint64(i), distName(d), mb.realR(rt, rTerm(distName(d), tAtom(d, i)).String()).String()},
					"after %s: D%d records index %d as paid", step, d, i)
			}
		}
	}
	if rw.evil != nil {
		recs, err := rw.evil.Records(ctx)
		require.NoError(rt, err)
		require.Empty(rt, recs, "after %s: a device signed the adversary's invalid offer", step)
	}
	// Balance changes net of gas: payments and the refund.
	income, err := rw.income()
	require.NoError(rt, err)
	count := map[string]int64{}
	for _, p := range obs.pays {
		count[p.payee]++
	}
	for _, n := range []string{distName(0), distName(1), "E"} {
		require.Equal(rt, new(big.Int).Mul(rw.reward, big.NewInt(count[n])).String(), income[rw.w.Address(n)].String(), "after %s: income of %s", step, n)
	}
	require.Equal(rt, new(big.Int).Mul(rw.reward, big.NewInt(int64(obs.refunded))).String(), income[rw.w.Vendor.Address()].String(), "after %s: vendor's refund", step)

	mb.invariants(rt, step, revs, bal)
}

func sortReveals(rs []revealKey) {
	sort.Slice(rs, func(a, b int) bool {
		if rs[a].idx != rs[b].idx {
			return rs[a].idx < rs[b].idx
		}
		if rs[a].payee != rs[b].payee {
			return rs[a].payee < rs[b].payee
		}
		return rs[a].r < rs[b].r
	})
}

// invariants asserts the protocol's properties on the real state alone.
func (mb *modelBased) invariants(rt *rapid.T, step string, revs []party.Reveal, bal *big.Int) {
	rw, ctx := mb.rw, mb.ctx
	// single_payment_device: each index is paid at most once.
	per := map[uint64]int{}
	for _, rv := range revs {
		per[rv.Index]++
		require.LessOrEqual(rt, per[rv.Index], 1, "after %s: single_payment_device: index %d paid %d times", step, rv.Index, per[rv.Index])
	}
	// paid_within_deposit: paid + refunded + what the bid holds = deposit.
	sum := new(big.Int).Mul(rw.reward, big.NewInt(int64(len(revs))))
	sum.Add(sum, rw.refunded).Add(sum, bal)
	require.Equal(rt, rw.deposit.String(), sum.String(), "after %s: paid_within_deposit: paid + refunded + balance != deposit", step)
	// The other bid is never paid from: no signature is valid for it.
	bal2, err := rw.w.Ledger.Balance(ctx, rw.pub2.Bid.Address)
	require.NoError(rt, err)
	require.Equal(rt, rw.deposit.String(), bal2.String(), "after %s: the other bid paid for a signature made for this one", step)
	// payment_to_deriver_frontrun: a payment whose r an honest distributor derived goes to it.
	for d := 0; d < distributors; d++ {
		recs, err := rw.records(d)
		require.NoError(rt, err)
		for _, rec := range recs {
			r, err := suite.DeriveR(rw.w.Address(distName(d)), rec.T)
			require.NoError(rt, err)
			for _, rv := range revs {
				if rv.R.Cmp(r) == 0 {
					require.Equal(rt, distName(d), mb.name(rv.Distributor), "after %s: payment_to_deriver_frontrun: D%d's r paid to another", step, d)
				}
			}
		}
	}
	for _, rv := range revs {
		// payment_implies_device_signed, unless the device's key was revealed.
		if !rw.revealed[rv.Index] {
			require.True(rt, mb.signedLock(rt, int(rv.Index), rv.R), "after %s: payment_implies_device_signed: index %d paid for a lock dev%d never signed", step, rv.Index, rv.Index)
		}
		// refund_after_expiry_vendor: nothing is paid after expiry.
		h, err := rw.sim.Client().HeaderByNumber(ctx, new(big.Int).SetUint64(rv.Block))
		require.NoError(rt, err)
		require.LessOrEqual(rt, h.Time, rw.pub.Bid.Expiry, "after %s: refund_after_expiry_vendor: index %d paid after expiry", step, rv.Index)
	}
}
