package channel

import (
	"crypto/ecdsa"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/podnet/podnet/impl/suite"
	"github.com/stretchr/testify/require"
)

// TestServerGrantChecks: each of Server_Grant's checks rejects its bad receipt with its
// typed error, and grants nothing (the device's next password is unchanged).
func TestServerGrantChecks(t *testing.T) {
	e := newEnv(t)
	deposit := new(big.Int).Mul(testPrice, big.NewInt(3))
	slot := func(n int64) *big.Int { return new(big.Int).Mul(testPrice, big.NewInt(n)) }
	devices := map[string][]byte{"door": testDeviceKey}

	type setup struct {
		s    *Server
		tm   Terms
		keys []*ecdsa.PrivateKey
		ft   *suite.FleetTree
	}
	mk := func(t *testing.T, kind Kind, expiryIn uint64) setup {
		s, db := e.newServer(t, "", devices)
		t.Cleanup(func() { _ = db.Close() })
		tm, keys, ft := e.open(t, kind, deposit, e.expiry(t, expiryIn))
		return setup{s, tm, keys, ft}
	}
	grant := func(t *testing.T, st setup, i int, n int64) (uint32, error) {
		return st.s.Grant(e.ctx, st.tm, "door", e.sign(t, st.tm, st.keys, st.ft, i, slot(n)))
	}
	tests := []struct {
		name string
		want error
		run  func(t *testing.T) error
	}{
		{"receipt of another channel", ErrWrongChannel, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			b := mk(t, KindClient, 3600)
			r := e.sign(t, b.tm, b.keys, nil, 0, slot(1))
			_, err := a.s.Grant(e.ctx, a.tm, "door", r)
			return err
		}},
		{"signed by another key", ErrWrongSigner, func(t *testing.T) error {
			a := mk(t, KindDelegated, 3600)
			_, err := grant(t, setup{a.s, a.tm, []*ecdsa.PrivateKey{newKey(t)}, nil}, 0, 1)
			return err
		}},
		{"tree: signer outside the tree", ErrWrongSigner, func(t *testing.T) error {
			a := mk(t, KindTree, 3600)
			r := e.sign(t, a.tm, a.keys, a.ft, 0, slot(1))
			r.Sig = e.sign(t, a.tm, []*ecdsa.PrivateKey{newKey(t)}, nil, 0, slot(1)).Sig
			_, err := a.s.Grant(e.ctx, a.tm, "door", r)
			return err
		}},
		{"high-s signature", ErrBadReceiptSignature, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			r := e.sign(t, a.tm, a.keys, nil, 0, slot(1))
			r.Sig = highS(r.Sig)
			_, err := a.s.Grant(e.ctx, a.tm, "door", r)
			return err
		}},
		{"skips a slot", ErrWrongAmount, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			_, err := grant(t, a, 0, 2)
			return err
		}},
		{"old receipt again", ErrWrongAmount, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			_, err := grant(t, a, 0, 1)
			require.NoError(t, err)
			_, err = grant(t, a, 0, 2)
			require.NoError(t, err)
			_, err = grant(t, a, 0, 1)
			return err
		}},
		{"above the deposit", ErrOverDeposit, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			for n := int64(1); n <= 3; n++ {
				_, err := grant(t, a, 0, n)
				require.NoError(t, err)
			}
			_, err := grant(t, a, 0, 4)
			return err
		}},
		{"too close to expiry", ErrChannelEnding, func(t *testing.T) error {
			a := mk(t, KindClient, DefaultCloseMargin)
			_, err := grant(t, a, 0, 1)
			return err
		}},
		{"after the server closed", ErrChannelEnding, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			_, err := grant(t, a, 0, 1)
			require.NoError(t, err)
			_, err = a.s.Close(e.ctx, a.tm, e.c)
			require.NoError(t, err)
			_, err = grant(t, a, 0, 2)
			return err
		}},
		{"channel not on chain", ErrUnknownChannel, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			a.tm.Expiry++ // other terms, other id: never opened
			_, err := grant(t, a, 0, 1)
			return err
		}},
		{"channel for another server", ErrUnknownChannel, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			a.tm.Server = common.Address{1}
			_, err := grant(t, a, 0, 1)
			return err
		}},
		{"unknown device", ErrUnknownDevice, func(t *testing.T) error {
			a := mk(t, KindClient, 3600)
			_, err := a.s.Grant(e.ctx, a.tm, "window", e.sign(t, a.tm, a.keys, nil, 0, slot(1)))
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, tc.run(t), tc.want)
		})
	}
}

// TestServerGrantIdempotentAndPersistent: the same latest receipt again yields the same
// password; after a restart the server continues from its stored receipt and counter.
func TestServerGrantIdempotentAndPersistent(t *testing.T) {
	e := newEnv(t)
	path := filepath.Join(t.TempDir(), "server.db")
	devices := map[string][]byte{"door": testDeviceKey}
	s, db := e.newServer(t, path, devices)
	tm, keys, _ := e.open(t, KindClient, new(big.Int).Mul(testPrice, big.NewInt(5)), e.expiry(t, 3600))
	r1 := e.sign(t, tm, keys, nil, 0, testPrice)
	p1, err := s.Grant(e.ctx, tm, "door", r1)
	require.NoError(t, err)
	again, err := s.Grant(e.ctx, tm, "door", r1)
	require.NoError(t, err)
	require.Equal(t, p1, again)
	require.Equal(t, otp(t, 0), p1)
	require.NoError(t, db.Close())

	s, db = e.newServer(t, path, devices)
	defer db.Close()
	head, ok, err := s.Head(e.ctx, tm)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, r1.Cumulative, head.Cumulative)
	_, err = s.Grant(e.ctx, tm, "door", r1) // still the latest: same password
	require.NoError(t, err)
	p2, err := s.Grant(e.ctx, tm, "door", e.sign(t, tm, keys, nil, 0, new(big.Int).Mul(testPrice, big.NewInt(2))))
	require.NoError(t, err)
	require.Equal(t, otp(t, 1), p2, "the device counter continues after the restart")
}

// TestServerCloseWithoutReceipt: nothing to close with.
func TestServerCloseWithoutReceipt(t *testing.T) {
	e := newEnv(t)
	s, db := e.newServer(t, "", nil)
	defer db.Close()
	tm, _, _ := e.open(t, KindClient, testPrice, e.expiry(t, 3600))
	_, err := s.Close(e.ctx, tm, e.c)
	require.ErrorIs(t, err, ErrNothingToClose)
}

// TestServerCloseAfterExpiryRefund: if the server waits past the expiry and the owner
// refunds first, the close reverts: the server loses what it granted (why it stops
// granting CloseMargin before expiry).
func TestServerCloseAfterExpiryRefund(t *testing.T) {
	e := newEnv(t)
	s, db := e.newServer(t, "", map[string][]byte{"door": testDeviceKey})
	defer db.Close()
	tm, keys, _ := e.open(t, KindClient, testPrice, e.expiry(t, DefaultCloseMargin+60))
	_, err := s.Grant(e.ctx, tm, "door", e.sign(t, tm, keys, nil, 0, testPrice))
	require.NoError(t, err)
	require.NoError(t, e.ch.AdjustTime(e.ctx, (DefaultCloseMargin+120)*time.Second))
	_, err = e.c.Refund(e.ctx, e.owner, tm)
	require.NoError(t, err)
	_, err = s.Close(e.ctx, tm, e.c)
	require.True(t, IsRevert(err, "UnknownChannel"), "got %v", err)
}

func TestNewServerBadConfig(t *testing.T) {
	e := newEnv(t)
	db := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	good := ServerConfig{Key: e.server, Domain: e.c.Domain(), Price: testPrice}
	tests := []struct {
		name string
		mod  func(*ServerConfig)
	}{
		{"nil key", func(c *ServerConfig) { c.Key = nil }},
		{"zero price", func(c *ServerConfig) { c.Price = new(big.Int) }},
		{"short device key", func(c *ServerConfig) { c.Devices = map[string][]byte{"d": []byte("short")} }},
		{"bad digits", func(c *ServerConfig) { c.Digits = 3 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := good
			tc.mod(&cfg)
			_, err := NewServer(cfg, db, e.c)
			require.ErrorIs(t, err, ErrBadParameter)
		})
	}
}

// TestServerCloseOnceAndRetry: a failed close stops granting and may be retried; a
// mined close is not sent again.
func TestServerCloseOnceAndRetry(t *testing.T) {
	e := newEnv(t)
	s, db := e.newServer(t, "", map[string][]byte{"door": testDeviceKey})
	defer db.Close()
	tm, keys, _ := e.open(t, KindClient, new(big.Int).Mul(testPrice, big.NewInt(3)), e.expiry(t, 3600))
	_, err := s.Grant(e.ctx, tm, "door", e.sign(t, tm, keys, nil, 0, testPrice))
	require.NoError(t, err)

	// A close sent to another channel contract (where this channel does not exist) fails.
	other, _, err := Deploy(e.ctx, e.ch, e.other, e.log)
	require.NoError(t, err)
	_, err = s.Close(e.ctx, tm, other)
	require.ErrorIs(t, err, ErrReverted)
	_, err = s.Grant(e.ctx, tm, "door", e.sign(t, tm, keys, nil, 0, new(big.Int).Mul(testPrice, big.NewInt(2))))
	require.ErrorIs(t, err, ErrChannelEnding, "no grant once closing started")

	res, err := s.Close(e.ctx, tm, e.c) // the retry
	require.NoError(t, err)
	require.NotZero(t, res.Gas)
	_, err = s.Close(e.ctx, tm, e.c)
	require.ErrorIs(t, err, ErrChannelEnding)
}
