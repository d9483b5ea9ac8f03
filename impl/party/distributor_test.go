package party

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
)

// rawDevice speaks the exchange by hand, to send what an honest device would not.
type rawDevice struct {
	tw   *testWorld
	host transport.Host
	name string
}

func newRawDevice(t *testing.T, tw *testWorld, name string) *rawDevice {
	env, err := tw.open(name)
	require.NoError(t, err)
	return &rawDevice{tw: tw, host: env.Host, name: name}
}

// exchange runs request → challenge → response (edited by editResp) → offer → delivery
// (signed by editSig's choice) and returns the first error.
func (rd *rawDevice) exchange(ctx context.Context, bid BidInfo, editResp func(*wire.ChallengeResponse, *wire.Challenge), badDelivery bool) error {
	tw := rd.tw
	s, err := rd.host.NewStream(ctx, "d", transport.ProtoExchange)
	if err != nil {
		return err
	}
	c := transport.NewConn(s, transport.Limits{})
	defer c.Close()
	if err := send(ctx, c, &wire.UpdateRequest{Bid: bid.Address, UpdateID: bid.UpdateID, Device: tw.Address(rd.name)}); err != nil {
		return err
	}
	ch, err := recv[*wire.Challenge](ctx, c, wire.TypeChallenge)
	if err != nil {
		return err
	}
	index, proof, err := tw.Vendor.FleetProof(ctx, bid.Address, tw.Address(rd.name))
	if err != nil {
		return err
	}
	sig, err := keySigner{key: tw.Key(rd.name), chainID: tw.Ledger.ChainID()}.signChallenge(ctx, bid, ch.Nonce, ch.Distributor)
	if err != nil {
		return err
	}
	resp := &wire.ChallengeResponse{Device: tw.Address(rd.name), FleetIndex: index, FleetProof: proof, Signature: sig}
	if editResp != nil {
		editResp(resp, ch)
	}
	if err := send(ctx, c, resp); err != nil {
		return err
	}
	offer, err := recv[*wire.Offer](ctx, c, wire.TypeOffer)
	if err != nil {
		return err
	}
	key := tw.Key(rd.name)
	if badDelivery {
		key, _ = crypto.GenerateKey()
	}
	dsig, err := suite.Sign(key, suite.DeliveryDigest(bigChain(tw), bid.Address, bid.UpdateID, offer.Lock()))
	if err != nil {
		return err
	}
	if err := send(ctx, c, &wire.Delivery{Signature: dsig}); err != nil {
		return err
	}
	_ = c.CloseWrite()
	_, _ = c.ReadFrame(ctx) // the distributor closes the stream when done
	return nil
}

// Distributor_Offer's checks, each refused with its wire error code; a delivery signed
// by another key is not persisted.
func TestDistributorChecks(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tw := newTestWorld(t, ctx)
	pub := tw.publish(ctx, suite.LockPoint, "a", "b", "c")
	d, err := tw.StartDistributor(ctx, "d", DistributorConfig{Faults: DistributorFaults{NeverClaim: true}})
	require.NoError(t, err)
	waitServing(t, ctx, tw, pub)
	other, err := crypto.GenerateKey()
	require.NoError(t, err)
	a := newRawDevice(t, tw, "a")
	tests := []struct {
		name string
		bid  func(BidInfo) BidInfo
		edit func(*wire.ChallengeResponse, *wire.Challenge)
		want wire.ErrorCode
	}{
		{"unknown bid", func(b BidInfo) BidInfo { b.Address = common.Address{1}; return b }, nil, wire.CodeUnknownUpdate},
		{"another device's index", nil, func(r *wire.ChallengeResponse, _ *wire.Challenge) { r.FleetIndex = 1 }, wire.CodeNotInFleet},
		{"index outside the fleet", nil, func(r *wire.ChallengeResponse, _ *wire.Challenge) { r.FleetIndex = 7 }, wire.CodeNotInFleet},
		{"proof of the wrong length", nil, func(r *wire.ChallengeResponse, _ *wire.Challenge) { r.FleetProof = r.FleetProof[:1] }, wire.CodeNotInFleet},
		{"challenge signed by another key", nil, func(r *wire.ChallengeResponse, ch *wire.Challenge) {
			r.Signature, _ = suite.Sign(other, suite.ChallengeDigest(bigChain(tw), pub.Bid.Address, ch.Nonce, ch.Distributor))
		}, wire.CodeBadSignature},
		{"response relayed from another distributor's challenge", nil, func(r *wire.ChallengeResponse, ch *wire.Challenge) {
			r.Signature, _ = suite.Sign(tw.Key("a"), suite.ChallengeDigest(bigChain(tw), pub.Bid.Address, ch.Nonce, common.Address{9}))
		}, wire.CodeBadSignature},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bid := pub.Bid
			if tc.bid != nil {
				bid = tc.bid(bid)
			}
			err := a.exchange(ctx, bid, tc.edit, false)
			var pe *PeerError
			require.ErrorAs(t, err, &pe)
			require.Equal(t, tc.want, pe.Code, pe.Text)
		})
	}
	recs, err := d.Records(ctx)
	require.NoError(t, err)
	require.Empty(t, recs)

	t.Run("delivery signed by another key is not persisted", func(t *testing.T) {
		require.NoError(t, a.exchange(ctx, pub.Bid, nil, true))
		recs, err := d.Records(ctx)
		require.NoError(t, err)
		require.Empty(t, recs)
	})
	t.Run("honest delivery is persisted, a second exchange refused", func(t *testing.T) {
		require.NoError(t, a.exchange(ctx, pub.Bid, nil, false))
		require.Eventually(t, func() bool {
			recs, err := d.Records(ctx)
			return err == nil && len(recs) == 1
		}, 5*time.Second, 10*time.Millisecond)
		err := a.exchange(ctx, pub.Bid, nil, false)
		var pe *PeerError
		require.ErrorAs(t, err, &pe)
		require.Equal(t, wire.CodeAlreadyServed, pe.Code)
	})
	t.Run("device already paid on chain is refused", func(t *testing.T) {
		// b is served and paid by another distributor first.
		_, err := tw.StartDistributor(ctx, "payer", DistributorConfig{})
		require.NoError(t, err)
		require.Eventually(t, func() bool {
			ps, _ := tw.Net.FindProviders(ctx, pub.Bid.UpdateID)
			return len(ps) == 2
		}, 30*time.Second, 20*time.Millisecond)
		bdev, err := tw.NewDevice("b", DeviceConfig{FactoryVersion: 1, Offset: 1, RevealTimeout: 2 * time.Second})
		require.NoError(t, err)
		_, err = bdev.Run(ctx)
		require.NoError(t, err)
		require.NoError(t, tw.Stop("b"))
		rb := newRawDevice(t, tw, "b")
		err = rb.exchange(ctx, pub.Bid, nil, false)
		var pe *PeerError
		require.ErrorAs(t, err, &pe)
		require.Equal(t, wire.CodeAlreadyServed, pe.Code)
	})
	t.Run("expired bid is not served", func(t *testing.T) {
		require.NoError(t, tw.sim.AdjustTime(ctx, 2*time.Hour))
		rc := newRawDevice(t, tw, "c")
		err := rc.exchange(ctx, pub.Bid, nil, false)
		var pe *PeerError
		require.ErrorAs(t, err, &pe)
		require.Equal(t, wire.CodeUnknownUpdate, pe.Code)
		require.Contains(t, pe.Text, "expired")
	})

}

func bigChain(tw *testWorld) *big.Int { return new(big.Int).SetUint64(tw.Ledger.ChainID()) }
