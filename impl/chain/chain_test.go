package chain

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"
)

func newSim(t *testing.T, opts ...SimOption) *Simulated {
	t.Helper()
	c, err := NewSimulated(opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestSimulatedIsOsaka(t *testing.T) {
	c := newSim(t)
	require.Equal(t, "Osaka", c.Fork())
	cfg := OsakaChainConfig()
	require.Nil(t, cfg.AmsterdamTime)
	require.Nil(t, cfg.BogotaTime)
	require.NotNil(t, cfg.OsakaTime)
	// The default dev config is left untouched.
	require.NotNil(t, params.AllDevChainProtocolChanges.BogotaTime)
	require.Equal(t, int64(1337), c.ChainID().Int64())
}

func TestSimulatedAccountsFunded(t *testing.T) {
	bal := big.NewInt(12345)
	c := newSim(t, WithAccounts(3), WithBalance(bal))
	ctx := context.Background()
	accs := c.Accounts()
	require.Len(t, accs, 3)
	seen := map[common.Address]bool{}
	for i, a := range accs {
		require.Equal(t, NewAccount(DevKey(i)).Address, a.Address, "account %d is DevKey(%d)", i, i)
		require.False(t, seen[a.Address])
		seen[a.Address] = true
		got, err := c.Client().BalanceAt(ctx, a.Address, nil)
		require.NoError(t, err)
		require.Zero(t, bal.Cmp(got))
	}
	// Deterministic across chains.
	require.Equal(t, accs[0].Address, NewAccount(DevKey(0)).Address)
}

func TestWaitTransferAndFailure(t *testing.T) {
	c := newSim(t)
	ctx := context.Background()
	from, to := c.Accounts()[0], c.Accounts()[1]
	send := func(gas uint64, data []byte, dest common.Address) *types.Transaction {
		t.Helper()
		nonce, err := c.Client().PendingNonceAt(ctx, from.Address)
		require.NoError(t, err)
		tip, err := c.Client().SuggestGasTipCap(ctx)
		require.NoError(t, err)
		head, err := c.Client().HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
		tx := types.NewTx(&types.DynamicFeeTx{ChainID: c.ChainID(), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: &dest, Value: big.NewInt(7), Data: data})
		opts, err := c.Transactor(ctx, from.Key)
		require.NoError(t, err)
		signed, err := opts.Signer(from.Address, tx)
		require.NoError(t, err)
		require.NoError(t, c.Client().SendTransaction(ctx, signed))
		return signed
	}
	rec, err := c.Wait(ctx, send(21000, nil, to.Address))
	require.NoError(t, err)
	require.Equal(t, uint64(21000), rec.GasUsed)
	// Moving time right after a mined transaction works (the pool catches up).
	require.NoError(t, c.AdjustTime(ctx, time.Minute))

	// A transaction that is really pending blocks AdjustTime until it is committed.
	pending := send(21000, nil, to.Address)
	require.Error(t, c.AdjustTime(ctx, time.Minute))
	_, err = c.Wait(ctx, pending)
	require.NoError(t, err)

	// A contract creation whose init code fails is mined with status 0: Wait says so.
	nonce, err := c.Client().PendingNonceAt(ctx, from.Address)
	require.NoError(t, err)
	head, err := c.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	// init code: INVALID (0xfe) always fails.
	create := types.NewTx(&types.DynamicFeeTx{ChainID: c.ChainID(), Nonce: nonce, GasTipCap: big.NewInt(params.GWei), GasFeeCap: new(big.Int).Add(big.NewInt(params.GWei), new(big.Int).Mul(head.BaseFee, big.NewInt(2))), Gas: 100000, Data: []byte{0xfe}})
	opts, err := c.Transactor(ctx, from.Key)
	require.NoError(t, err)
	create, err = opts.Signer(from.Address, create)
	require.NoError(t, err)
	require.NoError(t, c.Client().SendTransaction(ctx, create))
	rec, err = c.Wait(ctx, create)
	require.ErrorIs(t, err, ErrTxFailed)
	var tf *TxFailedError
	require.ErrorAs(t, err, &tf)
	require.Equal(t, create.Hash(), tf.Tx)
	require.NotNil(t, rec)
	require.Equal(t, types.ReceiptStatusFailed, rec.Status)
}

func TestAdjustTime(t *testing.T) {
	c := newSim(t)
	ctx := context.Background()
	before, err := c.HeadTime(ctx)
	require.NoError(t, err)
	require.NoError(t, c.AdjustTime(ctx, 2*time.Hour))
	after, err := c.HeadTime(ctx)
	require.NoError(t, err)
	require.GreaterOrEqual(t, after, before+7200)

	require.Error(t, c.AdjustTime(ctx, -time.Second))
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	require.ErrorIs(t, c.AdjustTime(cctx, time.Second), context.Canceled)
}

func TestRPCAdjustTimeUnsupported(t *testing.T) {
	r := &RPC{}
	require.True(t, errors.Is(r.AdjustTime(context.Background(), time.Second), ErrUnsupported))
}

func TestDialFailsCleanly(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := Dial(ctx, "http://127.0.0.1:1", DevKey(0))
	require.Error(t, err)
	_, err = Dial(ctx, "http://127.0.0.1:1", nil)
	require.Error(t, err)
}

func TestRevertData(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want []byte
		ok   bool
	}{
		{"none", errors.New("plain"), nil, false},
		{"hex", dataErr{"0x12345678"}, []byte{0x12, 0x34, 0x56, 0x78}, true},
		{"wrapped", wrapErr{dataErr{"0xab"}}, []byte{0xab}, true},
		{"bad hex", dataErr{"zz"}, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := RevertData(tc.err)
			require.Equal(t, tc.ok, ok)
			require.Equal(t, tc.want, got)
		})
	}
}

type dataErr struct{ d string }

func (e dataErr) Error() string          { return "execution reverted" }
func (e dataErr) ErrorData() interface{} { return e.d }

type wrapErr struct{ e error }

func (w wrapErr) Error() string { return "wrapped: " + w.e.Error() }
func (w wrapErr) Unwrap() error { return w.e }
