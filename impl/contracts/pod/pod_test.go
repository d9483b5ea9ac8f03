package pod_test

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/contracts/bindings"
	"github.com/podnet/podnet/impl/contracts/pod"
	"github.com/podnet/podnet/impl/suite"
)

// TestContract_Claim_Honest: an honest single claim pays the reward to the distributor,
// marks the device, and reveals r; for both lock types.
func TestContract_Claim_Honest(t *testing.T) {
	e := newEnv(t, 13)
	for _, lt := range []suite.LockType{suite.LockHash, suite.LockPoint} {
		t.Run(lt.String(), func(t *testing.T) {
			bid := e.publish(lt)
			info, err := e.c.Bid(e.ctx, bid)
			require.NoError(t, err)
			require.Equal(t, e.vendor.Address, info.Vendor)
			require.Equal(t, lt, info.LockType)
			require.Equal(t, e.tree.Root(), info.FleetRoot)
			require.Equal(t, e.tree.Size(), info.FleetSize)
			require.Equal(t, e.tree.Depth(), info.Depth)
			require.Zero(t, e.reward.Cmp(info.Reward))

			const i = 5
			cl := e.claimFor(bid, lt, e.dist.Address, i)
			before := e.balance(e.dist.Address)
			rec, err := e.c.Claim(e.ctx, e.dist.Key, bid, cl, e.proof(i))
			require.NoError(t, err)
			require.Zero(t, e.reward.Cmp(received(before, e.balance(e.dist.Address), rec)), "paid exactly the reward")

			claimed, err := e.c.IsClaimed(e.ctx, bid, i)
			require.NoError(t, err)
			require.True(t, claimed)
			other, err := e.c.IsClaimed(e.ctx, bid, i+1)
			require.NoError(t, err)
			require.False(t, other)

			evs, err := e.c.FilterKeyRevealed(e.ctx, bid, 0, e.devs[i])
			require.NoError(t, err)
			require.Len(t, evs, 1)
			require.Equal(t, uint64(i), evs[0].Index)
			require.Equal(t, e.devs[i], evs[0].Device)
			require.Zero(t, cl.R.Cmp(evs[0].R), "the revealed r is the claim's r")
			none, err := e.c.FilterKeyRevealed(e.ctx, bid, 0, e.devs[i+1])
			require.NoError(t, err)
			require.Empty(t, none)
		})
	}
}

// TestContractMatchesSuite: the contract's r derivation, locks, EIP-712 digest and fleet
// leaves equal those of package suite.
func TestContractMatchesSuite(t *testing.T) {
	e := newEnv(t, 5)
	for _, lt := range []suite.LockType{suite.LockHash, suite.LockPoint} {
		bid := e.publish(lt)
		b := bindings.NewPodBid()
		inst := b.Instance(e.ch.Client(), bid)
		opts := &bind.CallOpts{Context: e.ctx}
		for k := 0; k < 4; k++ {
			tt := tFor(uint64(k), 7)
			want, err := suite.DeriveR(e.dist.Address, tt)
			require.NoError(t, err)
			got, err := bind.Call(inst, opts, b.PackDeriveR(e.dist.Address, tt), b.UnpackDeriveR)
			require.NoError(t, err)
			require.Zero(t, want.Cmp(got), "deriveR")

			wantLock, err := suite.Lock(lt, want)
			require.NoError(t, err)
			gotLock, err := bind.Call(inst, opts, b.PackLockOf(want), b.UnpackLockOf)
			require.NoError(t, err)
			require.Equal(t, wantLock, gotLock, "lock %s", lt)

			digest, err := e.c.DeliveryDigest(e.ctx, bid, wantLock)
			require.NoError(t, err)
			require.Equal(t, suite.DeliveryDigest(e.ch.ChainID(), bid, testUpdateID, wantLock), digest)

			leaf, err := bind.Call(inst, opts, b.PackLeafOf(uint64(k), e.devs[k]), b.UnpackLeafOf)
			require.NoError(t, err)
			require.Equal(t, suite.FleetLeaf(uint64(k), e.devs[k]), leaf)
		}
	}
}

// TestContract_Claim_Batch: batches of 1, 10 and 100 (contiguous and scattered indices)
// pay reward × size in one transfer and reveal every key.
func TestContract_Claim_Batch(t *testing.T) {
	e := newEnv(t, 120)
	scattered := []uint64{0, 3, 4, 5, 17, 64, 65, 100, 118, 119}
	tests := []struct {
		name    string
		lt      suite.LockType
		indices []uint64
	}{
		{"point/1", suite.LockPoint, seq(7, 1)},
		{"point/10", suite.LockPoint, seq(20, 10)},
		{"point/100", suite.LockPoint, seq(0, 100)},
		{"hash/100", suite.LockHash, seq(20, 100)},
		{"hash/scattered", suite.LockHash, scattered},
		{"point/all", suite.LockPoint, seq(0, 120)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bid := e.publish(tc.lt)
			claims := make([]pod.Claim, len(tc.indices))
			for k, i := range tc.indices {
				claims[k] = e.claimFor(bid, tc.lt, e.dist.Address, i)
			}
			proof, err := pod.MultiProof(e.tree, tc.indices)
			require.NoError(t, err)
			before := e.balance(e.dist.Address)
			rec, err := e.c.ClaimBatch(e.ctx, e.dist.Key, bid, claims, proof)
			require.NoError(t, err)
			want := new(big.Int).Mul(e.reward, big.NewInt(int64(len(claims))))
			require.Zero(t, want.Cmp(received(before, e.balance(e.dist.Address), rec)))
			evs, err := e.c.FilterKeyRevealed(e.ctx, bid, 0)
			require.NoError(t, err)
			require.Len(t, evs, len(claims))
			for k, ev := range evs {
				require.Equal(t, tc.indices[k], ev.Index)
				require.Zero(t, claims[k].R.Cmp(ev.R))
			}
			for _, i := range tc.indices {
				ok, err := e.c.IsClaimed(e.ctx, bid, i)
				require.NoError(t, err)
				require.True(t, ok)
			}
			t.Logf("batch of %d: %d gas, %d per device", len(claims), rec.GasUsed, rec.GasUsed/uint64(len(claims)))
		})
	}
}

func seq(from uint64, n int) []uint64 {
	out := make([]uint64, n)
	for k := range out {
		out[k] = from + uint64(k)
	}
	return out
}

// TestContract_Claim_Rejects: every check of Contract_Claim rejects its bad input with
// its named error, and the rejected claim changes nothing.
func TestContract_Claim_Rejects(t *testing.T) {
	e := newEnv(t, 13)
	outsider := deviceKey(t, 1000) // not in the fleet
	secpN, _ := new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)

	tests := []struct {
		name string
		lt   suite.LockType
		// mutate turns the honest claim of device 6 and its proof into the bad one; bid is
		// the bid the claim is sent to.
		mutate func(bid common.Address, cl *pod.Claim, proof *[][32]byte)
		want   error
	}{
		{"wrong r", suite.LockHash, func(_ common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.R = new(big.Int).Add(cl.R, big.NewInt(1))
		}, pod.ErrRNotDerived},
		{"wrong t", suite.LockPoint, func(_ common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.T[0] ^= 1
		}, pod.ErrRNotDerived},
		{"r derived for another distributor", suite.LockPoint, func(bid common.Address, cl *pod.Claim, _ *[][32]byte) {
			r, err := suite.DeriveR(e.dist2.Address, cl.T)
			require.NoError(t, err)
			cl.R = r
			cl.Signature = e.sign(bid, suite.LockPoint, e.devKeys[6], r)
		}, pod.ErrRNotDerived},
		{"zero r", suite.LockHash, func(_ common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.R = new(big.Int)
		}, pod.ErrZeroKey},
		{"signed by another device", suite.LockHash, func(bid common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.Signature = e.sign(bid, suite.LockHash, e.devKeys[7], cl.R)
		}, pod.ErrBadSignature},
		{"signature over another lock", suite.LockPoint, func(bid common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.Signature = e.sign(bid, suite.LockPoint, e.devKeys[6], new(big.Int).Add(cl.R, big.NewInt(1)))
		}, pod.ErrBadSignature},
		{"signature for the other lock type", suite.LockPoint, func(bid common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.Signature = e.sign(bid, suite.LockHash, e.devKeys[6], cl.R)
		}, pod.ErrBadSignature},
		{"bad V", suite.LockHash, func(_ common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.Signature[64] = 29
		}, pod.ErrBadSignature},
		{"garbage signature", suite.LockHash, func(_ common.Address, cl *pod.Claim, _ *[][32]byte) {
			for k := 0; k < 64; k++ {
				cl.Signature[k] = 0
			}
		}, pod.ErrBadSignature},
		{"high s", suite.LockHash, func(_ common.Address, cl *pod.Claim, _ *[][32]byte) {
			s := new(big.Int).SetBytes(cl.Signature[32:64])
			s.Sub(secpN, s)
			s.FillBytes(cl.Signature[32:64])
			cl.Signature[64] ^= 27 ^ 28
		}, pod.ErrHighS},
		{"device not in the fleet, with the proof of the leaf at its index", suite.LockPoint, func(bid common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.Device = crypto.PubkeyToAddress(outsider.PublicKey)
			cl.Signature = e.sign(bid, suite.LockPoint, outsider, cl.R)
		}, pod.ErrNotInFleet},
		{"valid proof of another index", suite.LockHash, func(_ common.Address, _ *pod.Claim, proof *[][32]byte) {
			*proof = e.proof(7)
		}, pod.ErrNotInFleet},
		{"member claimed at another index with its own proof", suite.LockHash, func(_ common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.Index = 7
		}, pod.ErrNotInFleet},
		{"tampered proof", suite.LockHash, func(_ common.Address, _ *pod.Claim, proof *[][32]byte) {
			(*proof)[2][5] ^= 0x80
		}, pod.ErrNotInFleet},
		{"proof too short (an inner node's proof)", suite.LockHash, func(_ common.Address, _ *pod.Claim, proof *[][32]byte) {
			*proof = (*proof)[1:]
		}, pod.ErrBadProofLength},
		{"proof too long", suite.LockHash, func(_ common.Address, _ *pod.Claim, proof *[][32]byte) {
			*proof = append(*proof, [32]byte{1})
		}, pod.ErrBadProofLength},
		{"index out of range", suite.LockHash, func(_ common.Address, cl *pod.Claim, _ *[][32]byte) {
			cl.Index = 13
		}, pod.ErrIndexOutOfRange},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bid := e.publish(tc.lt)
			cl := e.claimFor(bid, tc.lt, e.dist.Address, 6)
			proof := e.proof(6)
			tc.mutate(bid, &cl, &proof)
			before := e.balance(bid)
			// Both entry points: claim (the assembly path) and claimBatch with one claim
			// (whose multiproof for one index is the single proof).
			_, err := e.c.Claim(e.ctx, e.dist.Key, bid, cl, proof)
			require.ErrorIs(t, err, tc.want, "claim")
			_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{cl}, proof)
			require.ErrorIs(t, err, tc.want, "claimBatch")
			require.Zero(t, before.Cmp(e.balance(bid)), "nothing paid")
			ok, err := e.c.IsClaimed(e.ctx, bid, 6)
			require.NoError(t, err)
			require.False(t, ok)
			// The honest claim still goes through afterwards.
			_, err = e.c.Claim(e.ctx, e.dist.Key, bid, e.claimFor(bid, tc.lt, e.dist.Address, 6), e.proof(6))
			require.NoError(t, err)
		})
	}
}

// TestContract_Claim_FrontRun: a copy of a pending claim sent by another distributor pays
// nobody; the original distributor is paid.
func TestContract_Claim_FrontRun(t *testing.T) {
	e := newEnv(t, 8)
	bid := e.publish(suite.LockPoint)
	cl := e.claimFor(bid, suite.LockPoint, e.dist.Address, 2)
	before2 := e.balance(e.dist2.Address)
	_, err := e.c.Claim(e.ctx, e.dist2.Key, bid, cl, e.proof(2))
	require.ErrorIs(t, err, pod.ErrRNotDerived)
	_, err = e.c.ClaimBatch(e.ctx, e.dist2.Key, bid, []pod.Claim{cl}, e.proof(2))
	require.ErrorIs(t, err, pod.ErrRNotDerived)
	require.Zero(t, before2.Cmp(e.balance(e.dist2.Address)), "the copier gets nothing")

	before := e.balance(e.dist.Address)
	rec, err := e.c.Claim(e.ctx, e.dist.Key, bid, cl, e.proof(2))
	require.NoError(t, err)
	require.Zero(t, e.reward.Cmp(received(before, e.balance(e.dist.Address), rec)))
}

// TestContract_Claim_ReplayOtherBid: a device signature for one bid is useless on a second
// bid for the same update (the EIP-712 domain binds the bid address).
func TestContract_Claim_ReplayOtherBid(t *testing.T) {
	e := newEnv(t, 8)
	bid1 := e.publish(suite.LockHash)
	bid2 := e.publish(suite.LockHash)
	cl := e.claimFor(bid1, suite.LockHash, e.dist.Address, 4)
	_, err := e.c.Claim(e.ctx, e.dist.Key, bid1, cl, e.proof(4))
	require.NoError(t, err)
	_, err = e.c.Claim(e.ctx, e.dist.Key, bid2, cl, e.proof(4))
	require.ErrorIs(t, err, pod.ErrBadSignature)
}

// TestContract_Claim_Double: a device is paid once, across transactions and within a batch.
func TestContract_Claim_Double(t *testing.T) {
	e := newEnv(t, 16)
	t.Run("across transactions", func(t *testing.T) {
		bid := e.publish(suite.LockHash)
		cl := e.claimFor(bid, suite.LockHash, e.dist.Address, 9)
		_, err := e.c.Claim(e.ctx, e.dist.Key, bid, cl, e.proof(9))
		require.NoError(t, err)
		_, err = e.c.Claim(e.ctx, e.dist.Key, bid, cl, e.proof(9))
		require.ErrorIs(t, err, pod.ErrAlreadyClaimed)
		var re *pod.RevertError
		require.ErrorAs(t, err, &re)
		require.Equal(t, []any{big.NewInt(9)}, re.Args)
		// Another distributor with its own t and r for the same device is refused too.
		cl2 := cl
		cl2.T = tFor(9, 1)
		r2, err := suite.DeriveR(e.dist2.Address, cl2.T)
		require.NoError(t, err)
		cl2.R = r2
		cl2.Signature = e.sign(bid, suite.LockHash, e.devKeys[9], r2)
		_, err = e.c.ClaimBatch(e.ctx, e.dist2.Key, bid, []pod.Claim{cl2}, e.proof(9))
		require.ErrorIs(t, err, pod.ErrAlreadyClaimed)
	})
	t.Run("within one batch", func(t *testing.T) {
		bid := e.publish(suite.LockPoint)
		a := e.claimFor(bid, suite.LockPoint, e.dist.Address, 3)
		b := e.claimFor(bid, suite.LockPoint, e.dist.Address, 4)
		proof, err := pod.MultiProof(e.tree, []uint64{3, 4})
		require.NoError(t, err)
		_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{a, b, b}, proof)
		require.ErrorIs(t, err, pod.ErrAlreadyClaimed)
		_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{a, a}, e.proof(3))
		require.ErrorIs(t, err, pod.ErrAlreadyClaimed)
		_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{b, a}, proof)
		require.ErrorIs(t, err, pod.ErrBatchNotSorted)
		_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, nil, nil)
		require.ErrorIs(t, err, pod.ErrEmptyBatch)
		// A batch whose multiproof misses a hash or has one too many.
		_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{a, b}, proof[1:])
		require.ErrorIs(t, err, pod.ErrBadProofLength)
		_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{a, b}, append(proof, [32]byte{}))
		require.ErrorIs(t, err, pod.ErrBadProofLength)
		// One bad member spoils the batch.
		bad := b
		bad.Device = e.devs[5]
		bad.Signature = e.sign(bid, suite.LockPoint, e.devKeys[5], b.R)
		_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{a, bad}, proof)
		require.ErrorIs(t, err, pod.ErrNotInFleet)
		_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{a, b}, proof)
		require.NoError(t, err)
	})
}

// TestContract_Claim_FleetLeafFromAddress: the known implementation of the paper takes a
// leaf hash from the caller. Our claim ABI has no leaf input at all (the leaf is always
// keccak256(0x00 || index || device)); an inner node offered with its (shorter) proof, as
// a naive caller-leaf verifier would accept, is rejected.
func TestContract_Claim_FleetLeafFromAddress(t *testing.T) {
	a := bindings.NewPodBid().GetABI()
	for _, name := range []string{"claim", "claimBatch"} {
		m := a.Methods[name]
		require.Len(t, m.Inputs, 2, name)
		require.Equal(t, "proof", m.Inputs[1].Name)
		var fields []string
		elem := m.Inputs[0].Type
		if elem.Elem != nil {
			elem = *elem.Elem
		}
		fields = append(fields, elem.TupleRawNames...)
		require.Equal(t, []string{"index", "device", "t", "r", "sigR", "sigS", "sigV"}, fields, "%s takes no leaf", name)
	}

	e := newEnv(t, 8)
	bid := e.publish(suite.LockHash)
	// The naive verifier: caller-supplied leaf, no length check, no leaf/node separation.
	naive := func(leaf [32]byte, index uint64, proof [][32]byte) bool {
		h := leaf
		for l, sib := range proof {
			if (index>>uint(l))&1 == 1 {
				h = suite.FleetNode(sib, h)
			} else {
				h = suite.FleetNode(h, sib)
			}
		}
		return h == e.tree.Root()
	}
	inner := suite.FleetNode(suite.FleetLeaf(2, e.devs[2]), suite.FleetLeaf(3, e.devs[3]))
	innerProof := e.proof(2)[1:]
	require.True(t, naive(inner, 1, innerProof), "the naive verifier accepts an inner node as a leaf")

	// Our contract: the closest expressible attempt is a claim at index 1 (the inner
	// node's position) with the inner node's proof.
	cl := e.claimFor(bid, suite.LockHash, e.dist.Address, 1)
	_, err := e.c.Claim(e.ctx, e.dist.Key, bid, cl, innerProof)
	require.ErrorIs(t, err, pod.ErrBadProofLength)
	// Padded to the right length it does not lead to the root either.
	_, err = e.c.Claim(e.ctx, e.dist.Key, bid, cl, append([][32]byte{inner}, innerProof...))
	require.ErrorIs(t, err, pod.ErrNotInFleet)
	// A leaf is never an inner node: the leaf preimage has 29 bytes and prefix 0x00.
	require.NotEqual(t, inner, suite.FleetLeaf(1, e.devs[1]))
}

// TestContract_Claim_Expired and TestVendor_Withdraw: claims stop at expiry; the vendor
// alone withdraws, only after expiry; what was paid plus what was withdrawn is the deposit,
// and each payment is balance / (n − claimed) as in the paper.
func TestVendor_Withdraw(t *testing.T) {
	e := newEnv(t, 10)
	bid := e.publish(suite.LockPoint)
	deposit := new(big.Int).Mul(e.reward, big.NewInt(10))
	require.Zero(t, deposit.Cmp(e.balance(bid)))

	_, err := e.c.Withdraw(e.ctx, e.vendor.Key, bid)
	require.ErrorIs(t, err, pod.ErrNotExpired)
	_, err = e.c.Withdraw(e.ctx, e.dist.Key, bid)
	require.ErrorIs(t, err, pod.ErrNotVendor)

	paid := new(big.Int)
	claimed := int64(0)
	for _, i := range []uint64{0, 4, 9} {
		bal := e.balance(bid)
		paper := new(big.Int).Div(bal, big.NewInt(10-claimed)) // Algorithm 1: balance / (n − claimed)
		before := e.balance(e.dist.Address)
		rec, err := e.c.Claim(e.ctx, e.dist.Key, bid, e.claimFor(bid, suite.LockPoint, e.dist.Address, i), e.proof(i))
		require.NoError(t, err)
		got := received(before, e.balance(e.dist.Address), rec)
		require.Zero(t, paper.Cmp(got), "payment = balance/(n − claimed)")
		paid.Add(paid, got)
		claimed++
	}

	info, err := e.c.Bid(e.ctx, bid)
	require.NoError(t, err)
	require.NoError(t, e.ch.AdjustTime(e.ctx, time.Duration(info.Expiry-mustHead(t, e)+1)*time.Second))

	_, err = e.c.Claim(e.ctx, e.dist.Key, bid, e.claimFor(bid, suite.LockPoint, e.dist.Address, 5), e.proof(5))
	require.ErrorIs(t, err, pod.ErrExpired)
	_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{e.claimFor(bid, suite.LockPoint, e.dist.Address, 5)}, e.proof(5))
	require.ErrorIs(t, err, pod.ErrExpired)
	_, err = e.c.Withdraw(e.ctx, e.dist.Key, bid)
	require.ErrorIs(t, err, pod.ErrNotVendor)

	before := e.balance(e.vendor.Address)
	rec, err := e.c.Withdraw(e.ctx, e.vendor.Key, bid)
	require.NoError(t, err)
	withdrawn := received(before, e.balance(e.vendor.Address), rec)
	require.Zero(t, new(big.Int).Add(paid, withdrawn).Cmp(deposit), "paid + withdrawn = deposit")
	require.Zero(t, e.balance(bid).Sign())
}

func mustHead(t *testing.T, e *env) uint64 {
	t.Helper()
	h, err := e.ch.HeadTime(e.ctx)
	require.NoError(t, err)
	return h
}

// TestContract_Claim_ExpiryBoundary: a claim is accepted at the expiry timestamp itself and
// rejected one second later.
func TestContract_Claim_ExpiryBoundary(t *testing.T) {
	e := newEnv(t, 4)
	bid := e.publish(suite.LockHash)
	info, err := e.c.Bid(e.ctx, bid)
	require.NoError(t, err)
	// Move to expiry − 1: the next block (the claim's) has timestamp expiry.
	require.NoError(t, e.ch.AdjustTime(e.ctx, time.Duration(info.Expiry-1-mustHead(t, e))*time.Second))
	_, err = e.c.Claim(e.ctx, e.dist.Key, bid, e.claimFor(bid, suite.LockHash, e.dist.Address, 1), e.proof(1))
	require.NoError(t, err)
	_, err = e.c.Claim(e.ctx, e.dist.Key, bid, e.claimFor(bid, suite.LockHash, e.dist.Address, 2), e.proof(2))
	require.ErrorIs(t, err, pod.ErrExpired)
}

// TestVendor_Publish_Rejects: the factory rejects bad publications with named errors.
func TestVendor_Publish_Rejects(t *testing.T) {
	e := newEnv(t, 4)
	now := mustHead(t, e)
	good := pod.Publication{UpdateID: testUpdateID, LockType: suite.LockHash, Expiry: now + 100, FleetRoot: e.tree.Root(), FleetSize: 4, Deposit: big.NewInt(400)}
	tests := []struct {
		name   string
		mutate func(p *pod.Publication)
		want   error
	}{
		{"lock type 2", func(p *pod.Publication) { p.LockType = 2 }, pod.ErrBadLockType},
		{"empty fleet", func(p *pod.Publication) { p.FleetSize = 0 }, pod.ErrEmptyFleet},
		{"fleet above 2^32", func(p *pod.Publication) { p.FleetSize = 1<<32 + 1; p.Deposit = big.NewInt(1<<32 + 1) }, pod.ErrFleetTooLarge},
		{"expiry now", func(p *pod.Publication) { p.Expiry = now }, pod.ErrExpiryNotInFuture},
		{"deposit not a multiple", func(p *pod.Publication) { p.Deposit = big.NewInt(401) }, pod.ErrBadDeposit},
		{"deposit below fleet size", func(p *pod.Publication) { p.Deposit = big.NewInt(3) }, pod.ErrBadDeposit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := good
			tc.mutate(&p)
			_, _, err := e.c.Publish(e.ctx, e.vendor.Key, p)
			require.ErrorIs(t, err, tc.want)
		})
	}
	_, _, err := e.c.Publish(e.ctx, e.vendor.Key, pod.Publication{Deposit: big.NewInt(0)})
	require.ErrorIs(t, err, pod.ErrInput)

	bid, _, err := e.c.Publish(e.ctx, e.vendor.Key, good)
	require.NoError(t, err)
	pubs, err := e.c.FilterPublished(e.ctx, 0, testUpdateID)
	require.NoError(t, err)
	require.NotEmpty(t, pubs)
	last := pubs[len(pubs)-1]
	require.Equal(t, bid, last.Bid)
	require.Equal(t, e.vendor.Address, last.Vendor)
	require.Equal(t, good.Expiry, last.Expiry)
	other, err := e.c.FilterPublished(e.ctx, 0, [32]byte{0x01})
	require.NoError(t, err)
	require.Empty(t, other)
}

// TestImplementationNotUsable: the PodBid implementation behind the clones rejects calls.
func TestImplementationNotUsable(t *testing.T) {
	e := newEnv(t, 4)
	f := bindings.NewUpdateFactory()
	impl, err := bind.Call(f.Instance(e.ch.Client(), e.c.Factory()), &bind.CallOpts{Context: e.ctx}, f.PackImplementation(), f.UnpackImplementation)
	require.NoError(t, err)
	_, err = e.c.Claim(e.ctx, e.dist.Key, impl, e.claimFor(impl, suite.LockHash, e.dist.Address, 0), e.proof(0))
	require.ErrorIs(t, err, pod.ErrNotAClone)
	_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, impl, []pod.Claim{e.claimFor(impl, suite.LockHash, e.dist.Address, 0)}, e.proof(0))
	require.ErrorIs(t, err, pod.ErrNotAClone)
	_, err = e.c.Withdraw(e.ctx, e.vendor.Key, impl)
	require.ErrorIs(t, err, pod.ErrNotAClone)
}

// TestContract_Claim_ZeroAddressDevice: a fleet that (by a vendor's mistake) lists the
// zero address cannot be claimed for with a signature that does not recover: ecrecover's
// failure is never taken for the zero address.
func TestContract_Claim_ZeroAddressDevice(t *testing.T) {
	e := newEnv(t, 4)
	e.devs[2] = common.Address{}
	var err error
	e.tree, err = suite.NewFleetTree(e.devs)
	require.NoError(t, err)
	bid := e.publish(suite.LockHash)
	tt := tFor(2, 0)
	r, err := suite.DeriveR(e.dist.Address, tt)
	require.NoError(t, err)
	cl := pod.Claim{Index: 2, Device: common.Address{}, T: tt, R: r} // all-zero signature: no recovery
	cl.Signature[64] = 27
	_, err = e.c.Claim(e.ctx, e.dist.Key, bid, cl, e.proof(2))
	require.ErrorIs(t, err, pod.ErrBadSignature)
	_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{cl}, e.proof(2))
	require.ErrorIs(t, err, pod.ErrBadSignature)
}

func TestDecodeRevert(t *testing.T) {
	err := pod.DecodeRevert([]byte{1, 2})
	require.ErrorIs(t, err, pod.ErrRevertUnknown)
	err = pod.DecodeRevert([]byte{0xde, 0xad, 0xbe, 0xef})
	require.ErrorIs(t, err, pod.ErrRevertUnknown)
	id := bindings.PodBidExpiredErrorID()
	err = pod.DecodeRevert(id[:4])
	require.ErrorIs(t, err, pod.ErrExpired)
	require.False(t, errors.Is(err, pod.ErrNotExpired))
}

// TestContract_Claim_FleetOfOne: a fleet of one device has depth 0: the leaf is the root
// and the proof is empty.
func TestContract_Claim_FleetOfOne(t *testing.T) {
	e := newEnv(t, 1)
	require.Equal(t, 0, e.tree.Depth())
	for _, batch := range []bool{false, true} {
		bid := e.publish(suite.LockPoint)
		cl := e.claimFor(bid, suite.LockPoint, e.dist.Address, 0)
		_, err := e.c.Claim(e.ctx, e.dist.Key, bid, cl, [][32]byte{{1}})
		require.ErrorIs(t, err, pod.ErrBadProofLength)
		if batch {
			_, err = e.c.ClaimBatch(e.ctx, e.dist.Key, bid, []pod.Claim{cl}, nil)
		} else {
			_, err = e.c.Claim(e.ctx, e.dist.Key, bid, cl, nil)
		}
		require.NoError(t, err)
		require.Zero(t, e.balance(bid).Sign(), "the whole deposit paid")
	}
}

// TestWatchKeyRevealed: a device watching for its key sees KeyRevealed when its
// distributor is paid (Device_Install's input), and not the keys of other devices.
func TestWatchKeyRevealed(t *testing.T) {
	e := newEnv(t, 8)
	bid := e.publish(suite.LockHash)
	sink := make(chan pod.KeyRevealed, 4)
	sub, err := e.c.WatchKeyRevealed(e.ctx, bid, sink, e.devs[3])
	require.NoError(t, err)
	defer sub.Unsubscribe()
	_, err = e.c.Claim(e.ctx, e.dist.Key, bid, e.claimFor(bid, suite.LockHash, e.dist.Address, 2), e.proof(2))
	require.NoError(t, err)
	cl := e.claimFor(bid, suite.LockHash, e.dist.Address, 3)
	_, err = e.c.Claim(e.ctx, e.dist.Key, bid, cl, e.proof(3))
	require.NoError(t, err)
	select {
	case ev := <-sink:
		require.Equal(t, uint64(3), ev.Index)
		require.Equal(t, e.devs[3], ev.Device)
		require.Zero(t, cl.R.Cmp(ev.R))
		require.Equal(t, bid, ev.Bid)
	case err := <-sub.Err():
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("no KeyRevealed event")
	}
	select {
	case ev := <-sink:
		t.Fatalf("unexpected event %+v", ev)
	case <-time.After(200 * time.Millisecond):
	}
}
