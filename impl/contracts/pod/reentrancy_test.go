package pod_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/bindings"
	"github.com/podnet/podnet/impl/contracts/pod"
	"github.com/podnet/podnet/impl/suite"
)

// TestContract_Claim_Reentrancy: a malicious distributor contract that re-enters the bid
// when paid cannot be paid twice, nor withdraw; one that rejects payment gets nothing
// and leaves the device unclaimed.
func TestContract_Claim_Reentrancy(t *testing.T) {
	e := newEnv(t, 8)
	rd := bindings.NewReentrantDistributor()

	tests := []struct {
		name      string
		mode      uint8
		wantErr   error // of the outer claim
		wantInner error // of the re-entrant call
	}{
		{"re-enter claim", 0, nil, pod.ErrAlreadyClaimed},
		{"re-enter claimBatch", 1, nil, pod.ErrAlreadyClaimed},
		{"re-enter withdraw", 2, nil, pod.ErrNotVendor},
		{"reject payment", 3, pod.ErrPaymentFailed, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts, err := e.ch.Transactor(e.ctx, e.dist.Key)
			require.NoError(t, err)
			attacker, tx, err := bind.DeployContract(opts, common.FromHex(bindings.ReentrantDistributorMetaData.Bin), e.ch.Client(), nil)
			require.NoError(t, err)
			_, err = e.ch.Wait(e.ctx, tx)
			require.NoError(t, err)

			bid := e.publish(suite.LockPoint)
			cl := e.claimFor(bid, suite.LockPoint, attacker, 3) // r derived for the contract
			bc := bindings.PodBidClaim{Index: cl.Index, Device: cl.Device, T: cl.T, R: cl.R, SigV: cl.Signature[64]}
			copy(bc.SigR[:], cl.Signature[:32])
			copy(bc.SigS[:], cl.Signature[32:64])

			opts, err = e.ch.Transactor(e.ctx, e.dist.Key)
			require.NoError(t, err)
			inst := rd.Instance(e.ch.Client(), attacker)
			tx, err = bind.Transact(inst, opts, rd.PackAttack(bid, bc, e.proof(3), tc.mode))
			if tc.wantErr != nil {
				require.Error(t, err)
				data, ok := chain.RevertData(err)
				require.True(t, ok, "revert data in %v", err)
				require.ErrorIs(t, pod.DecodeRevert(data), tc.wantErr)
				claimed, err := e.c.IsClaimed(e.ctx, bid, 3)
				require.NoError(t, err)
				require.False(t, claimed)
				require.Zero(t, e.balance(attacker).Sign())
				return
			}
			require.NoError(t, err)
			_, err = e.ch.Wait(e.ctx, tx)
			require.NoError(t, err)

			call := &bind.CallOpts{Context: e.ctx}
			payments, err := bind.Call(inst, call, rd.PackPayments(), rd.UnpackPayments)
			require.NoError(t, err)
			require.Equal(t, int64(1), payments.Int64(), "paid once")
			got, err := bind.Call(inst, call, rd.PackReceived(), rd.UnpackReceived)
			require.NoError(t, err)
			require.Zero(t, e.reward.Cmp(got))
			require.Zero(t, e.reward.Cmp(e.balance(attacker)))
			ok, err := bind.Call(inst, call, rd.PackReentrySucceeded(), rd.UnpackReentrySucceeded)
			require.NoError(t, err)
			require.False(t, ok, "the re-entrant call failed")
			inner, err := bind.Call(inst, call, rd.PackReentryError(), rd.UnpackReentryError)
			require.NoError(t, err)
			require.ErrorIs(t, pod.DecodeRevert(inner), tc.wantInner)
			// The bid holds the deposit minus one reward.
			want := new(big.Int).Mul(e.reward, big.NewInt(7))
			require.Zero(t, want.Cmp(e.balance(bid)))
		})
	}
}
