package channel

import (
	"crypto/ecdsa"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/bindings"
	"github.com/podnet/podnet/impl/suite"
	"github.com/stretchr/testify/require"
)

// TestIDAndDigestAgreeWithContract: the Go channel id and receipt digest are the
// contract's.
func TestIDAndDigestAgreeWithContract(t *testing.T) {
	e := newEnv(t)
	for _, kind := range []Kind{KindClient, KindDelegated, KindTree} {
		tm, _, _ := e.open(t, kind, testPrice, e.expiry(t, 3600))
		id, err := e.c.ChannelID(e.ctx, tm)
		require.NoError(t, err)
		require.Equal(t, tm.ID(), id, "kind %v", kind)
		st, err := e.c.State(e.ctx, id)
		require.NoError(t, err)
		require.True(t, st.Open())
		require.Equal(t, testPrice, st.Owed)
		d, err := e.c.ReceiptDigest(e.ctx, id, big.NewInt(12345))
		require.NoError(t, err)
		require.Equal(t, e.c.Domain().Digest(id, big.NewInt(12345)), d)
	}
}

// TestConstructionsEndToEnd runs each construction: open, slots paid through the
// client, the access server and the device, Server_Close with the single latest
// receipt, Owner_Refund of the rest; every wei is accounted for.
func TestConstructionsEndToEnd(t *testing.T) {
	for _, kind := range []Kind{KindClient, KindDelegated, KindTree} {
		t.Run(kind.String(), func(t *testing.T) {
			e := newEnv(t)
			deposit := new(big.Int).Mul(testPrice, big.NewInt(10))
			ownerBefore := e.balance(t, e.owner)
			serverBefore := e.balance(t, e.server)
			server := addressOf(e.server)
			var (
				tm   Terms
				res  TxResult
				err  error
				keys = []*ecdsa.PrivateKey(nil)
				ft   *suite.FleetTree
			)
			expiry := e.expiry(t, 3600)
			switch kind {
			case KindClient:
				tm, res, err = e.c.OpenClient(e.ctx, e.owner, server, expiry, deposit)
				keys = append(keys, e.owner)
			case KindDelegated:
				ck := newKey(t)
				tm, res, err = e.c.OpenDelegated(e.ctx, e.owner, server, addressOf(ck), expiry, deposit)
				keys = append(keys, ck)
			case KindTree:
				keys, ft = tree(t, 3)
				tm, res, err = e.c.OpenTree(e.ctx, e.owner, server, ft.Root(), ft.Size(), expiry, deposit)
			}
			require.NoError(t, err)
			ownerFees := fee(res)

			s, sdb := e.newServer(t, "", map[string][]byte{"door": testDeviceKey})
			defer sdb.Close()
			ddb := openStore(t, filepath.Join(t.TempDir(), "dev.db"))
			defer ddb.Close()
			dev, err := NewDevice(DeviceConfig{Key: testDeviceKey}, ddb)
			require.NoError(t, err)

			clients := make([]*Client, len(keys))
			for i, k := range keys {
				cfg := ClientConfig{Key: k, Domain: e.c.Domain(), Terms: tm, Price: testPrice}
				if ft != nil {
					cfg.Index = uint64(i)
					cfg.Proof, err = ft.Proof(uint64(i))
					require.NoError(t, err)
				}
				clients[i], err = NewClient(cfg)
				require.NoError(t, err)
			}
			const slots = 7
			for slot := 0; slot < slots; slot++ {
				cl := clients[slot%len(clients)]
				var head *Receipt
				if h, ok, err := s.Head(e.ctx, tm); err == nil && ok {
					head = &h
				}
				r, err := cl.Pay(head)
				require.NoError(t, err)
				pw, err := s.Grant(e.ctx, tm, "door", r)
				require.NoError(t, err)
				got, err := dev.Actuate(e.ctx, pw)
				require.NoError(t, err)
				require.Equal(t, uint64(slot), got)
				cl.Confirm()
			}
			paid := new(big.Int).Mul(testPrice, big.NewInt(slots))

			cres, err := s.Close(e.ctx, tm, e.c)
			require.NoError(t, err)
			require.NotZero(t, cres.Gas)
			st, err := e.c.State(e.ctx, tm.ID())
			require.NoError(t, err)
			require.True(t, st.Closed)
			require.Equal(t, new(big.Int).Sub(deposit, paid), st.Owed)

			rres, err := e.c.Refund(e.ctx, e.owner, tm)
			require.NoError(t, err)
			ownerFees.Add(ownerFees, fee(rres))
			st, err = e.c.State(e.ctx, tm.ID())
			require.NoError(t, err)
			require.False(t, st.Open())
			require.Zero(t, st.Owed.Sign())

			// The owner paid exactly the slots (plus its fees); the server got exactly them
			// (minus its close fee).
			ownerAfter := e.balance(t, e.owner)
			spent := new(big.Int).Sub(ownerBefore, ownerAfter)
			require.Equal(t, new(big.Int).Add(paid, ownerFees), spent)
			serverGain := new(big.Int).Sub(e.balance(t, e.server), serverBefore)
			require.Equal(t, new(big.Int).Sub(paid, fee(cres)), serverGain)
			bal, err := e.ch.Client().BalanceAt(e.ctx, e.c.Address(), nil)
			require.NoError(t, err)
			require.Zero(t, bal.Sign(), "the contract keeps nothing")
		})
	}
}

// TestContractRejections: every contract check, each with its named custom error.
func TestContractRejections(t *testing.T) {
	e := newEnv(t)
	server := addressOf(e.server)
	deposit := new(big.Int).Mul(testPrice, big.NewInt(5))
	over := new(big.Int).Add(deposit, big.NewInt(1))
	fresh := func(kind Kind) (Terms, []*ecdsa.PrivateKey, *suite.FleetTree) {
		return e.open(t, kind, deposit, e.expiry(t, 3600))
	}
	tests := []struct {
		name string
		want string
		run  func() error
	}{
		{"open with zero deposit", "ZeroDeposit", func() error {
			_, _, err := e.c.OpenClient(e.ctx, e.owner, server, e.expiry(t, 3600), nil)
			return err
		}},
		{"open with zero server", "ZeroAddress", func() error {
			_, _, err := e.c.OpenClient(e.ctx, e.owner, common.Address{}, e.expiry(t, 3600), deposit)
			return err
		}},
		{"delegate to zero client", "ZeroAddress", func() error {
			_, _, err := e.c.OpenDelegated(e.ctx, e.owner, server, common.Address{}, e.expiry(t, 3600), deposit)
			return err
		}},
		{"expiry in the past", "ExpiryNotInFuture", func() error {
			now := e.expiry(t, 0)
			_, _, err := e.c.OpenClient(e.ctx, e.owner, server, now, deposit)
			return err
		}},
		{"empty tree", "BadTreeSize", func() error {
			_, _, err := e.c.OpenTree(e.ctx, e.owner, server, [32]byte{1}, 0, e.expiry(t, 3600), deposit)
			return err
		}},
		{"tree above 2^32 keys", "BadTreeSize", func() error {
			_, _, err := e.c.OpenTree(e.ctx, e.owner, server, [32]byte{1}, 1<<32+1, e.expiry(t, 3600), deposit)
			return err
		}},
		{"close above the deposit", "OverDeposit", func() error {
			tm, keys, ft := fresh(KindDelegated)
			_, err := e.c.Close(e.ctx, e.server, tm, e.sign(t, tm, keys, ft, 0, over))
			_ = ft
			return err
		}},
		{"close tree above the deposit", "OverDeposit", func() error {
			tm, keys, ft := fresh(KindTree)
			_, err := e.c.Close(e.ctx, e.server, tm, e.sign(t, tm, keys, ft, 1, over))
			return err
		}},
		{"close for nothing", "ZeroCumulative", func() error {
			tm, keys, _ := fresh(KindClient)
			r := e.sign(t, tm, keys, nil, 0, big.NewInt(1))
			r.Cumulative = new(big.Int) // re-sign for zero below
			d := e.c.Domain().Digest(tm.ID(), r.Cumulative)
			sig, err := suite.Sign(keys[0], d)
			require.NoError(t, err)
			r.Sig = sig
			_, err = e.c.Close(e.ctx, e.server, tm, r)
			return err
		}},
		{"receipt signed by another key", "WrongSigner", func() error {
			tm, _, _ := fresh(KindDelegated)
			r, err := SignReceipt(e.c.Domain(), newKey(t), tm.ID(), testPrice)
			require.NoError(t, err)
			_, err = e.c.Close(e.ctx, e.server, tm, r)
			return err
		}},
		{"receipt of another channel", "WrongSigner", func() error {
			a, keys, _ := fresh(KindClient)
			b, _, _ := fresh(KindClient)
			r := e.sign(t, a, keys, nil, 0, testPrice)
			_, err := e.c.Close(e.ctx, e.server, b, r) // same signer, other channel id
			return err
		}},
		{"receipt for another contract", "WrongSigner", func() error {
			tm, keys, _ := fresh(KindClient)
			other := Domain{ChainID: e.c.Domain().ChainID, Contract: common.Address{0xde, 0xad}}
			r, err := SignReceipt(other, keys[0], tm.ID(), testPrice)
			require.NoError(t, err)
			_, err = e.c.Close(e.ctx, e.server, tm, r)
			return err
		}},
		{"receipt for another chain", "WrongSigner", func() error {
			tm, keys, _ := fresh(KindClient)
			other := Domain{ChainID: big.NewInt(1), Contract: e.c.Address()}
			r, err := SignReceipt(other, keys[0], tm.ID(), testPrice)
			require.NoError(t, err)
			_, err = e.c.Close(e.ctx, e.server, tm, r)
			return err
		}},
		{"high-s signature", "HighS", func() error {
			// EIP-2098's (r, vs) cannot carry S ≥ 2^255; S in (n/2, 2^255) must be refused.
			tm, keys, _ := fresh(KindClient)
			r := e.sign(t, tm, keys, nil, 0, testPrice)
			rr, _ := compactSig(r.Sig)
			var vs [32]byte
			new(big.Int).Add(suite.Secp256k1HalfN(), big.NewInt(1)).FillBytes(vs[:])
			data, err := e.c.abi.Pack("close", tm.Owner, common.Address{}, tm.Packed(), r.Cumulative, rr, vs)
			require.NoError(t, err)
			_, err = e.c.send(e.ctx, e.server, nil, data)
			return err
		}},
		{"signature recovering no key", "InvalidSignature", func() error {
			tm, keys, _ := fresh(KindClient)
			r := e.sign(t, tm, keys, nil, 0, testPrice)
			_, vs := compactSig(r.Sig)
			data, err := e.c.abi.Pack("close", tm.Owner, common.Address{}, tm.Packed(), r.Cumulative, [32]byte{}, vs) // R = 0
			require.NoError(t, err)
			_, err = e.c.send(e.ctx, e.server, nil, data)
			return err
		}},
		{"close by another server", "WrongSigner", func() error {
			tm, keys, _ := fresh(KindClient)
			_, err := e.c.Close(e.ctx, e.other, tm, e.sign(t, tm, keys, nil, 0, testPrice))
			return err
		}},
		{"close twice", "ChannelClosed", func() error {
			tm, keys, _ := fresh(KindClient)
			_, err := e.c.Close(e.ctx, e.server, tm, e.sign(t, tm, keys, nil, 0, testPrice))
			require.NoError(t, err)
			_, err = e.c.Close(e.ctx, e.server, tm, e.sign(t, tm, keys, nil, 0, new(big.Int).Mul(testPrice, big.NewInt(2))))
			return err
		}},
		{"close after the refund", "UnknownChannel", func() error {
			tm, keys, _ := fresh(KindClient)
			_, err := e.c.Close(e.ctx, e.server, tm, e.sign(t, tm, keys, nil, 0, deposit))
			require.NoError(t, err)
			_, err = e.c.Refund(e.ctx, e.owner, tm)
			require.NoError(t, err)
			_, err = e.c.Close(e.ctx, e.server, tm, e.sign(t, tm, keys, nil, 0, deposit))
			return err
		}},
		{"close with the terms of another construction", "WrongKind", func() error {
			tm, keys, _ := fresh(KindDelegated)
			r := e.sign(t, tm, keys, nil, 0, testPrice)
			tm.Kind = KindClient
			data, err := e.c.abi.Pack("close", tm.Owner, addressOf(keys[0]), tm.Packed(), r.Cumulative, [32]byte{}, [32]byte{})
			require.NoError(t, err)
			_, err = e.c.send(e.ctx, e.server, nil, data)
			return err
		}},
		{"tree close with the terms of construction 2", "WrongKind", func() error {
			tm, keys, _ := fresh(KindDelegated)
			r := e.sign(t, tm, keys, nil, 0, testPrice)
			tm.Kind, tm.Root, tm.Size, tm.Client = KindTree, tm.Key(), 1, common.Address{}
			tm.Kind = KindDelegated
			rr, vs := compactSig(r.Sig)
			data, err := e.c.abi.Pack("closeTree", tm.Owner, tm.Key(), tm.Packed(), r.Cumulative, rr, vs, big.NewInt(0), [][32]byte{})
			require.NoError(t, err)
			_, err = e.c.send(e.ctx, e.server, nil, data)
			return err
		}},
		{"tree: signer outside the tree", "NotMember", func() error {
			tm, keys, ft := fresh(KindTree)
			r := e.sign(t, tm, keys, ft, 0, testPrice)
			outsider := e.sign(t, tm, []*ecdsa.PrivateKey{newKey(t)}, nil, 0, testPrice)
			r.Sig = outsider.Sig
			_, err := e.c.Close(e.ctx, e.server, tm, r)
			return err
		}},
		{"tree: member at another index", "NotMember", func() error {
			tm, keys, ft := fresh(KindTree)
			r := e.sign(t, tm, keys, ft, 0, testPrice)
			r.Index = 1
			r.Proof, _ = ft.Proof(1)
			_, err := e.c.Close(e.ctx, e.server, tm, r)
			return err
		}},
		{"tree: index beyond the size", "IndexOutOfRange", func() error {
			tm, keys, ft := fresh(KindTree)
			r := e.sign(t, tm, keys, ft, 0, testPrice)
			r.Index = 3 // size is 3; index 3 is a padding leaf
			_, err := e.c.Close(e.ctx, e.server, tm, r)
			return err
		}},
		{"tree: proof too short", "BadProofLength", func() error {
			tm, keys, ft := fresh(KindTree)
			r := e.sign(t, tm, keys, ft, 0, testPrice)
			r.Proof = r.Proof[:1]
			_, err := e.c.Close(e.ctx, e.server, tm, r)
			return err
		}},
		{"refund before expiry", "NotExpired", func() error {
			tm, _, _ := fresh(KindDelegated)
			_, err := e.c.Refund(e.ctx, e.owner, tm)
			return err
		}},
		{"refund by someone else", "UnknownChannel", func() error {
			tm, _, _ := fresh(KindDelegated)
			_, err := e.c.Refund(e.ctx, e.other, tm)
			return err
		}},
		{"refund twice", "UnknownChannel", func() error {
			tm, keys, _ := fresh(KindClient)
			_, err := e.c.Close(e.ctx, e.server, tm, e.sign(t, tm, keys, nil, 0, testPrice))
			require.NoError(t, err)
			_, err = e.c.Refund(e.ctx, e.owner, tm)
			require.NoError(t, err)
			_, err = e.c.Refund(e.ctx, e.owner, tm)
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			require.ErrorIs(t, err, ErrReverted)
			require.True(t, IsRevert(err, tc.want), "want %s, got %v", tc.want, err)
		})
	}
}

// TestRefundAfterExpiry: an unclosed channel is refunded in full after its expiry, and
// the server can then no longer close it.
func TestRefundAfterExpiry(t *testing.T) {
	e := newEnv(t)
	deposit := new(big.Int).Mul(testPrice, big.NewInt(5))
	tm, keys, _ := e.open(t, KindDelegated, deposit, e.expiry(t, 100))
	_, err := e.c.Refund(e.ctx, e.owner, tm)
	require.True(t, IsRevert(err, "NotExpired"), "got %v", err)
	require.NoError(t, e.ch.AdjustTime(e.ctx, 200*time.Second))
	before := e.balance(t, e.owner)
	res, err := e.c.Refund(e.ctx, e.owner, tm)
	require.NoError(t, err)
	after := e.balance(t, e.owner)
	require.Equal(t, new(big.Int).Sub(deposit, fee(res)), new(big.Int).Sub(after, before))
	_, err = e.c.Close(e.ctx, e.server, tm, e.sign(t, tm, keys, nil, 0, testPrice))
	require.True(t, IsRevert(err, "UnknownChannel"), "got %v", err)
}

// TestRefundInOpeningBlockFails: open, close, refund and the same open again, all in one
// block: the refund fails (SameBlock), so the slot is not deleted and the reopen fails
// (ChannelExists). Without the check the channel would be settled, deleted and reopened
// under the same id, and its old receipts could be replayed against the new deposit.
// One block later the refund succeeds.
func TestRefundInOpeningBlockFails(t *testing.T) {
	e := newEnv(t)
	server := addressOf(e.server)
	expiry := e.expiry(t, 3600)
	head, err := e.ch.Client().BlockNumber(e.ctx)
	require.NoError(t, err)
	tm := Terms{Kind: KindClient, Owner: addressOf(e.owner), Server: server, Expiry: expiry, OpenBlock: head + 1}
	r := e.sign(t, tm, []*ecdsa.PrivateKey{e.owner}, nil, 0, testPrice)

	openData, err := e.c.abi.Pack("openClient", server, expiry)
	require.NoError(t, err)
	closeData, err := e.c.CloseCalldata(tm, r)
	require.NoError(t, err)
	refundData, err := e.c.abi.Pack("refund", server, tm.Key(), tm.Packed())
	require.NoError(t, err)
	deposit := new(big.Int).Mul(testPrice, big.NewInt(3))
	steps := []struct {
		key   *ecdsa.PrivateKey
		value *big.Int
		data  []byte
		ok    bool
	}{
		{e.owner, deposit, openData, true},
		{e.server, nil, closeData, true},
		{e.owner, nil, refundData, false},
		{e.owner, deposit, openData, false},
	}
	var hashes []common.Hash
	for _, st := range steps {
		o, err := e.ch.Transactor(e.ctx, st.key)
		require.NoError(t, err)
		o.Value, o.GasLimit = st.value, 200_000
		tx, err := e.c.bound.RawTransact(o, st.data)
		require.NoError(t, err)
		hashes = append(hashes, tx.Hash())
	}
	e.ch.Commit()
	for i, h := range hashes {
		rc, err := e.ch.Client().TransactionReceipt(e.ctx, h)
		require.NoError(t, err)
		require.Equal(t, tm.OpenBlock, rc.BlockNumber.Uint64())
		require.Equal(t, steps[i].ok, rc.Status == 1, "step %d", i)
	}
	st, err := e.c.State(e.ctx, tm.ID())
	require.NoError(t, err)
	require.True(t, st.Closed)
	require.Equal(t, new(big.Int).Sub(deposit, testPrice), st.Owed)
	e.ch.Commit() // gas estimation executes at the head block's number
	_, err = e.c.Refund(e.ctx, e.owner, tm)
	require.NoError(t, err, "the refund one block later")
}

// TestOpenTwiceInOneBlock: a second open with the same terms in the same block fails
// (ChannelExists) instead of overwriting the first deposit.
func TestOpenTwiceInOneBlock(t *testing.T) {
	e := newEnv(t)
	server := addressOf(e.server)
	expiry := e.expiry(t, 3600)
	data, err := e.c.abi.Pack("openClient", server, expiry)
	require.NoError(t, err)
	var hashes []common.Hash
	for i := 0; i < 2; i++ {
		o, err := e.ch.Transactor(e.ctx, e.owner)
		require.NoError(t, err)
		o.Value, o.GasLimit = testPrice, 200_000
		o.Nonce = nil
		tx, err := e.c.bound.RawTransact(o, data)
		require.NoError(t, err)
		hashes = append(hashes, tx.Hash())
	}
	e.ch.Commit()
	r0, err := e.ch.Client().TransactionReceipt(e.ctx, hashes[0])
	require.NoError(t, err)
	r1, err := e.ch.Client().TransactionReceipt(e.ctx, hashes[1])
	require.NoError(t, err)
	require.Equal(t, r0.BlockNumber, r1.BlockNumber)
	require.Equal(t, uint64(1), r0.Status)
	require.Equal(t, uint64(0), r1.Status)
	bal, err := e.ch.Client().BalanceAt(e.ctx, e.c.Address(), nil)
	require.NoError(t, err)
	require.Equal(t, testPrice, bal)
}

// TestDepositTooLarge: a deposit above 2^128 − 1 wei is refused (it would not fit the
// packed state word).
func TestDepositTooLarge(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(1), 130)
	e := newEnv(t, chain.WithBalance(huge))
	_, _, err := e.c.OpenClient(e.ctx, e.owner, addressOf(e.server), e.expiry(t, 3600), new(big.Int).Lsh(big.NewInt(1), 128))
	require.True(t, IsRevert(err, "DepositTooLarge"), "got %v", err)
}

// highS returns the same signature with S replaced by n − S (and V flipped).
func highS(sig [suite.SignatureSize]byte) [suite.SignatureSize]byte {
	n, _ := new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)
	s := new(big.Int).SetBytes(sig[32:64])
	s.Sub(n, s)
	s.FillBytes(sig[32:64])
	sig[64] ^= 27 ^ 28
	return sig
}

// TestRefundTransferFailed: an owner that rejects ether gets TransferFailed from its
// refund (the payment's failure is not ignored), and the deposit stays owed to it.
func TestRefundTransferFailed(t *testing.T) {
	e := newEnv(t)
	oa, err := bindings.RejectingOwnerMetaData.ParseABI()
	require.NoError(t, err)
	opts, err := e.ch.Transactor(e.ctx, e.owner)
	require.NoError(t, err)
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.RejectingOwnerMetaData.Bin), e.ch.Client(), nil)
	require.NoError(t, err)
	_, err = e.ch.Wait(e.ctx, tx)
	require.NoError(t, err)
	ro := bind.NewBoundContract(addr, *oa, e.ch.Client(), e.ch.Client(), e.ch.Client())

	server := addressOf(e.server)
	expiry := e.expiry(t, 100)
	opts, err = e.ch.Transactor(e.ctx, e.owner)
	require.NoError(t, err)
	opts.Value = testPrice
	tx, err = ro.Transact(opts, "open", e.c.Address(), server, expiry)
	require.NoError(t, err)
	rc, err := e.ch.Wait(e.ctx, tx)
	require.NoError(t, err)
	tm := Terms{Kind: KindClient, Owner: addr, Server: server, Expiry: expiry, OpenBlock: rc.BlockNumber.Uint64()}
	st, err := e.c.State(e.ctx, tm.ID())
	require.NoError(t, err)
	require.True(t, st.Open())

	require.NoError(t, e.ch.AdjustTime(e.ctx, 200*time.Second))
	opts, err = e.ch.Transactor(e.ctx, e.owner)
	require.NoError(t, err)
	_, err = ro.Transact(opts, "refund", e.c.Address(), server, tm.Packed())
	err = e.c.decode(err)
	require.True(t, IsRevert(err, "TransferFailed"), "got %v", err)
	st, err = e.c.State(e.ctx, tm.ID())
	require.NoError(t, err)
	require.Equal(t, testPrice, st.Owed)
}
