package party

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
)

// A distributor that serves a ciphertext other than the one its proof is about: the
// device refuses to sign, so the distributor holds nothing to claim.
func TestAdversaryWrongCiphertextDeviceRefuses(t *testing.T) {
	for _, lt := range []suite.LockType{suite.LockPoint, suite.LockHash} {
		t.Run(lt.String(), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			tw := newTestWorld(t, ctx)
			pub := tw.publish(ctx, lt, "dev")
			bad, err := tw.StartDistributor(ctx, "bad", DistributorConfig{Faults: DistributorFaults{WrongCiphertext: true}})
			require.NoError(t, err)
			waitServing(t, ctx, tw, pub)
			dev, err := tw.NewDevice("dev", DeviceConfig{FactoryVersion: 1, RevealTimeout: time.Second})
			require.NoError(t, err)
			done, err := dev.Update(ctx, pub.Bid)
			require.False(t, done)
			require.ErrorIs(t, err, ErrProof)
			recs, err := bad.Records(ctx)
			require.NoError(t, err)
			require.Empty(t, recs, "the device must not have signed")
			in, err := dev.Installed(ctx)
			require.NoError(t, err)
			require.Equal(t, uint64(1), in.Version)
		})
	}
}

// waitServing waits until some distributor provides the bid's update.
func waitServing(t *testing.T, ctx context.Context, tw *testWorld, pub *Publication) {
	t.Helper()
	require.Eventually(t, func() bool {
		ps, err := tw.Net.FindProviders(ctx, pub.Bid.UpdateID)
		return err == nil && len(ps) > 0
	}, 60*time.Second, 20*time.Millisecond)
}

// A distributor that never reveals: the device is not updated, the bid pays nothing for
// it and the vendor recovers the whole deposit after expiry.
func TestAdversaryNeverRevealRefund(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tw := newTestWorld(t, ctx)
	pub := tw.publish(ctx, suite.LockPoint, "dev")
	d, err := tw.StartDistributor(ctx, "mute", DistributorConfig{Faults: DistributorFaults{NeverClaim: true}})
	require.NoError(t, err)
	waitServing(t, ctx, tw, pub)
	dev, err := tw.NewDevice("dev", DeviceConfig{FactoryVersion: 1, RevealTimeout: 500 * time.Millisecond})
	require.NoError(t, err)
	_, err = dev.Update(ctx, pub.Bid)
	require.ErrorIs(t, err, ErrRevealTimeout)
	recs, err := d.Records(ctx)
	require.NoError(t, err)
	require.Len(t, recs, 1, "the device signed, the distributor kept the signature")
	require.Equal(t, SigPending, recs[0].Status)

	// Before expiry the vendor cannot withdraw.
	_, err = tw.Vendor.Withdraw(ctx, pub.Bid.Address)
	var rev *RevertError
	require.ErrorAs(t, err, &rev)
	require.Contains(t, rev.Name, "NotExpired")

	tw.expire(ctx)
	res, err := tw.Vendor.Withdraw(ctx, pub.Bid.Address)
	require.NoError(t, err)
	require.Equal(t, 0, res.Refunded.Cmp(perDevice), "the whole deposit comes back")
	require.Empty(t, tw.paidIndices(ctx, pub.Bid.Address))
	in, err := dev.Installed(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), in.Version)
}

// Two distributors hold a signature of the same device: exactly one is paid.
func TestAdversaryRaceExactlyOnePaid(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	tw := newTestWorld(t, ctx)
	pub := tw.publish(ctx, suite.LockPoint, "dev")
	_, err := tw.StartDistributor(ctx, "slow", DistributorConfig{Faults: DistributorFaults{NeverClaim: true}})
	require.NoError(t, err)
	waitServing(t, ctx, tw, pub)
	dev, err := tw.NewDevice("dev", DeviceConfig{FactoryVersion: 1, RevealTimeout: 300 * time.Millisecond})
	require.NoError(t, err)
	_, err = dev.Update(ctx, pub.Bid)
	require.ErrorIs(t, err, ErrRevealTimeout) // signed for "slow", which sits on it

	_, err = tw.StartDistributor(ctx, "fast", DistributorConfig{})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		ps, _ := tw.Net.FindProviders(ctx, pub.Bid.UpdateID)
		return len(ps) == 2
	}, 30*time.Second, 20*time.Millisecond)
	done, err := dev.Update(ctx, pub.Bid) // "slow" refuses a second exchange, "fast" serves and claims
	require.NoError(t, err)
	require.True(t, done)
	in, err := dev.Installed(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(2), in.Version)
	require.Equal(t, tw.Address("fast"), in.Distributor)

	// "slow" now claims its signature: the contract refuses it.
	require.NoError(t, tw.Stop("slow"))
	slow, err := tw.StartDistributor(ctx, "slow", DistributorConfig{})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		recs, err := slow.Records(ctx)
		return err == nil && len(recs) == 1 && recs[0].Status == SigLost
	}, 20*time.Second, 20*time.Millisecond)
	recs, err := slow.Records(ctx)
	require.NoError(t, err)
	r, err := suite.DeriveR(tw.Address("slow"), recs[0].T)
	require.NoError(t, err)
	_, err = tw.Ledger.Claim(ctx, tw.Key("slow"), pub.Bid.Address, []Claim{{
		Index: recs[0].Index, Device: recs[0].Device, FleetProof: recs[0].FleetProof, T: recs[0].T, R: r, Signature: recs[0].Signature,
	}})
	var rev *RevertError
	require.ErrorAs(t, err, &rev)
	require.Contains(t, rev.Name, "AlreadyClaimed")
	paid := tw.paidIndices(ctx, pub.Bid.Address)
	require.Len(t, paid, 1)
	require.Equal(t, []common.Address{tw.Address("fast")}, paid[0])
}

// A device killed right after sending its signature and restarted completes from its
// persisted exchange and the KeyRevealed event.
func TestDeviceKilledMidExchangeCompletes(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tw := newTestWorld(t, ctx)
	pub := tw.publish(ctx, suite.LockPoint, "dev")
	_, err := tw.StartDistributor(ctx, "d", DistributorConfig{})
	require.NoError(t, err)
	waitServing(t, ctx, tw, pub)
	_, err = tw.runDevice(ctx, "dev", DeviceConfig{FactoryVersion: 1, Faults: DeviceFaults{CrashAfterCommit: true}})
	require.ErrorIs(t, err, ErrCrashed)
	require.NoError(t, tw.Stop("dev"))
	require.Eventually(t, func() bool {
		ok, err := tw.Ledger.IsClaimed(ctx, pub.Bid.Address, 0)
		return err == nil && ok
	}, 20*time.Second, 20*time.Millisecond, "the distributor claims while the device is down")
	in, err := tw.runDevice(ctx, "dev", DeviceConfig{FactoryVersion: 1})
	require.NoError(t, err)
	require.Equal(t, uint64(2), in.Version)
	require.Equal(t, tw.image, in.Image)
}

// A distributor killed after persisting a signature and restarted claims it exactly once.
func TestDistributorKilledAfterSignatureClaimsOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tw := newTestWorld(t, ctx)
	pub := tw.publish(ctx, suite.LockPoint, "dev")
	_, err := tw.StartDistributor(ctx, "d", DistributorConfig{Faults: DistributorFaults{CrashAfterPersist: true}})
	require.NoError(t, err)
	waitServing(t, ctx, tw, pub)
	devDone := make(chan error, 1)
	var installed Installed
	go func() {
		in, err := tw.runDevice(ctx, "dev", DeviceConfig{FactoryVersion: 1})
		installed = in
		devDone <- err
	}()
	select {
	case <-tw.Done("d"):
	case <-ctx.Done():
		t.Fatal("distributor did not crash")
	}
	require.ErrorIs(t, tw.Stop("d"), ErrCrashed) // closes its host and store
	claimed, err := tw.Ledger.IsClaimed(ctx, pub.Bid.Address, 0)
	require.NoError(t, err)
	require.False(t, claimed, "killed before claiming")

	d, err := tw.StartDistributor(ctx, "d", DistributorConfig{})
	require.NoError(t, err)
	require.NoError(t, <-devDone)
	require.Equal(t, uint64(2), installed.Version)
	require.Eventually(t, func() bool {
		recs, err := d.Records(ctx)
		return err == nil && len(recs) == 1 && recs[0].Status == SigPaid
	}, 20*time.Second, 20*time.Millisecond)

	// A second restart claims nothing more.
	require.NoError(t, tw.Stop("d"))
	d, err = tw.StartDistributor(ctx, "d", DistributorConfig{})
	require.NoError(t, err)
	require.NoError(t, d.ClaimPending(ctx))
	paid := tw.paidIndices(ctx, pub.Bid.Address)
	require.Equal(t, map[uint64][]common.Address{0: {tw.Address("d")}}, paid)
	bal, err := tw.Ledger.Balance(ctx, pub.Bid.Address)
	require.NoError(t, err)
	require.Equal(t, 0, bal.Sign(), "the one device's share was paid once")
}

// A device refuses an update that is not newer than what it runs, and signs nothing.
func TestDeviceRefusesRollback(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tw := newTestWorld(t, ctx)
	pub := tw.publish(ctx, suite.LockPoint, "dev")
	d, err := tw.StartDistributor(ctx, "d", DistributorConfig{})
	require.NoError(t, err)
	waitServing(t, ctx, tw, pub)
	dev, err := tw.NewDevice("dev", DeviceConfig{FactoryVersion: 2})
	require.NoError(t, err)
	done, err := dev.Update(ctx, pub.Bid)
	require.NoError(t, err)
	require.True(t, done, "the bid is settled: nothing to install")
	recs, err := d.Records(ctx)
	require.NoError(t, err)
	require.Empty(t, recs)
}

// Batched claims: one claimBatch pays several devices.
func TestClaimBatch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tw := newTestWorld(t, ctx)
	names := []string{"a", "b", "c", "e", "f"}
	pub := tw.publish(ctx, suite.LockPoint, names...)
	_, err := tw.StartDistributor(ctx, "d", DistributorConfig{BatchSize: 8, BatchWait: 1500 * time.Millisecond})
	require.NoError(t, err)
	waitServing(t, ctx, tw, pub)
	errs := make(chan error, len(names))
	for _, n := range names {
		go func() { _, err := tw.runDevice(ctx, n, DeviceConfig{FactoryVersion: 1}); errs <- err }()
	}
	for range names {
		require.NoError(t, <-errs)
	}
	batched := 0
	for _, g := range tw.cfg.Metrics.GasRecords() {
		if g.Items > 1 {
			batched += g.Items
		}
	}
	require.Positive(t, batched, "at least one claimBatch of several devices")
	require.Len(t, tw.paidIndices(ctx, pub.Bid.Address), len(names))
}

// The offer never carries t: with the distributor's address (from the challenge) and t a
// device would compute r itself and decrypt without signing.
func TestOfferDoesNotRevealR(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tw := newTestWorld(t, ctx)
	pub := tw.publish(ctx, suite.LockPoint, "dev")
	_, err := tw.StartDistributor(ctx, "d", DistributorConfig{})
	require.NoError(t, err)
	waitServing(t, ctx, tw, pub)
	env, err := tw.open("dev")
	require.NoError(t, err)
	key := tw.Key("dev")
	index, proof, err := tw.Vendor.FleetProof(ctx, pub.Bid.Address, tw.Address("dev"))
	require.NoError(t, err)
	s, err := env.Host.NewStream(ctx, "d", transport.ProtoExchange)
	require.NoError(t, err)
	c := transport.NewConn(s, transport.Limits{})
	defer c.Close()
	require.NoError(t, send(ctx, c, &wire.UpdateRequest{Bid: pub.Bid.Address, UpdateID: pub.Bid.UpdateID, Device: tw.Address("dev")}))
	ch, err := recv[*wire.Challenge](ctx, c, wire.TypeChallenge)
	require.NoError(t, err)
	sig, err := keySigner{key: key, chainID: tw.Ledger.ChainID()}.signChallenge(ctx, pub.Bid, ch.Nonce, ch.Distributor)
	require.NoError(t, err)
	require.NoError(t, send(ctx, c, &wire.ChallengeResponse{Device: tw.Address("dev"), FleetIndex: index, FleetProof: proof, Signature: sig}))
	offer, err := recv[*wire.Offer](ctx, c, wire.TypeOffer)
	require.NoError(t, err)
	// The offer carries neither r nor t (the wire format has no field for them), and the
	// lock is not derivable from what the device holds: the Challenge's distributor
	// address with any t the device could guess.
	raw, err := wire.Encode(offer)
	require.NoError(t, err)
	r, err := suite.DeriveR(ch.Distributor, [32]byte{})
	require.NoError(t, err)
	rb := suite.RBytes(r)
	require.NotContains(t, string(raw), string(rb[:]), "r is not in the offer")
	require.NotEqual(t, offer.Lock(), lockOf(uint8(offer.LockType), r))
}
