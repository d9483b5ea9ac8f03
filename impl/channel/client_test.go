package channel

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestClientPay covers Client_Pay's checks.
func TestClientPay(t *testing.T) {
	e := newEnv(t)
	dom := e.c.Domain()
	t.Run("one slot at a time", func(t *testing.T) {
		tm, keys, _ := e.open(t, KindDelegated, testPrice, e.expiry(t, 3600))
		c, err := NewClient(ClientConfig{Key: keys[0], Domain: dom, Terms: tm, Price: testPrice})
		require.NoError(t, err)
		r, err := c.Pay(nil)
		require.NoError(t, err)
		require.Equal(t, testPrice, r.Cumulative)
		_, err = c.Pay(nil)
		require.ErrorIs(t, err, ErrOutstanding)
		c.Confirm()
		r, err = c.Pay(nil)
		require.NoError(t, err)
		require.Equal(t, new(big.Int).Mul(testPrice, big.NewInt(2)), r.Cumulative)
	})
	t.Run("spending limit", func(t *testing.T) {
		tm, keys, _ := e.open(t, KindDelegated, testPrice, e.expiry(t, 3600))
		c, err := NewClient(ClientConfig{Key: keys[0], Domain: dom, Terms: tm, Price: testPrice, Limit: testPrice})
		require.NoError(t, err)
		_, err = c.Pay(nil)
		require.NoError(t, err)
		c.Confirm()
		_, err = c.Pay(nil)
		require.ErrorIs(t, err, ErrSpendLimit)
	})
	t.Run("tree: builds on a verified head", func(t *testing.T) {
		tm, keys, ft := e.open(t, KindTree, testPrice, e.expiry(t, 3600))
		proof, err := ft.Proof(0)
		require.NoError(t, err)
		c, err := NewClient(ClientConfig{Key: keys[0], Domain: dom, Terms: tm, Price: testPrice, Index: 0, Proof: proof})
		require.NoError(t, err)
		head := e.sign(t, tm, keys, ft, 2, new(big.Int).Mul(testPrice, big.NewInt(4)))
		r, err := c.Pay(&head)
		require.NoError(t, err)
		require.Equal(t, new(big.Int).Mul(testPrice, big.NewInt(5)), r.Cumulative)
		_, err = VerifyReceipt(dom, tm, r)
		require.NoError(t, err)
	})
	t.Run("tree: forged head refused", func(t *testing.T) {
		tm, keys, ft := e.open(t, KindTree, testPrice, e.expiry(t, 3600))
		proof, err := ft.Proof(0)
		require.NoError(t, err)
		c, err := NewClient(ClientConfig{Key: keys[0], Domain: dom, Terms: tm, Price: testPrice, Proof: proof})
		require.NoError(t, err)
		forged := e.sign(t, tm, keys, ft, 2, testPrice)
		forged.Sig = e.sign(t, tm, []*ecdsa.PrivateKey{newKey(t)}, nil, 0, testPrice).Sig
		_, err = c.Pay(&forged)
		require.ErrorIs(t, err, ErrBadHead)
		other, okeys, oft := e.open(t, KindTree, testPrice, e.expiry(t, 3600))
		foreign := e.sign(t, other, okeys, oft, 0, testPrice)
		_, err = c.Pay(&foreign)
		require.ErrorIs(t, err, ErrBadHead)
		require.ErrorIs(t, err, ErrWrongChannel)
	})
	t.Run("key that is not the channel's", func(t *testing.T) {
		tm, _, _ := e.open(t, KindDelegated, testPrice, e.expiry(t, 3600))
		_, err := NewClient(ClientConfig{Key: newKey(t), Domain: dom, Terms: tm, Price: testPrice})
		require.ErrorIs(t, err, ErrWrongSigner)
	})
}
