package channel

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/suite"
)

// gasRow is one measured row with the paper's figure beside it.
type gasRow struct {
	chain.GasRow
	paper uint64 // the figure of seed 003 (Fotiou et al.) for the same operation
	note  string // what was measured
}

// Paper's figures (seed 003, "Implementation and Evaluation").
const (
	PaperOpen1  = 43_700
	PaperOpen2  = 50_388
	PaperOpen3  = 50_388
	PaperClose1 = 36_258
	PaperClose2 = 36_258
	PaperClose3 = 36_330
)

// GasExpiry is the expiry of the channels MeasureGas opens: 2100-01-01T00:00:00Z.
const GasExpiry = 4_102_444_800

// GasTreeSize is the number of client keys of the construction-3 channel measured by
// MeasureGas (a proof of ceil(log2 4) = 2 hashes).
const GasTreeSize = 4

// MeasureGas opens and closes one channel of each construction on a fresh simulated
// Osaka chain with deterministic keys and a fixed expiry (calldata cost depends on the
// bytes of addresses, amounts and signatures) and returns the six rows channel/open/1..3
// and channel/close/1..3 of `podnet bench gas` (gas used, including the 21,000 of the
// transaction), and notes that set each row beside the paper's figure. Each close uses
// a receipt for 10 slots of 10^12 wei out of a 10^16 wei deposit; each open is the first
// channel of its owner (a fresh storage slot). Its signature is the one of a
// `podnet bench gas` source.
func MeasureGas(ctx context.Context) ([]chain.GasRow, []string, error) {
	detailed, err := measureGas(ctx)
	if err != nil {
		return nil, nil, err
	}
	rows := make([]chain.GasRow, len(detailed))
	notes := []string{"payment channels (seed 003): each row beside the paper's figure (spec/channel.md §8 explains the gaps)"}
	for i, r := range detailed {
		rows[i] = r.GasRow
		notes = append(notes, fmt.Sprintf("  %-16s %7d  paper %7d  %+7d  %s", r.Name, r.Gas, r.paper, int64(r.Gas)-int64(r.paper), r.note))
	}
	return rows, notes, nil
}

// PaperGas returns the paper's figure for a channel row name (0 for another name).
func PaperGas(name string) uint64 {
	return map[string]uint64{
		"channel/open/1": PaperOpen1, "channel/open/2": PaperOpen2, "channel/open/3": PaperOpen3,
		"channel/close/1": PaperClose1, "channel/close/2": PaperClose2, "channel/close/3": PaperClose3,
	}[name]
}

func measureGas(ctx context.Context) ([]gasRow, error) {
	ch, err := chain.NewSimulated()
	if err != nil {
		return nil, fmt.Errorf("measure gas: %w", err)
	}
	defer ch.Close()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	acc := ch.Accounts()
	if len(acc) < 3 {
		return nil, fmt.Errorf("measure gas: %d accounts: %w", len(acc), ErrBadParameter)
	}
	deployer, owner, server := acc[0].Key, acc[1].Key, acc[2].Key
	c, _, err := Deploy(ctx, ch, deployer, log)
	if err != nil {
		return nil, fmt.Errorf("measure gas: %w", err)
	}
	// A fixed expiry (the simulated chain's clock is the wall clock): the terms, the
	// channel ids and so the receipts' signatures, whose zero bytes make calldata
	// cheaper, are the same in every run.
	expiry := uint64(GasExpiry)
	if now, err := ch.HeadTime(ctx); err != nil || now >= expiry {
		return nil, fmt.Errorf("measure gas: chain time %d not before the fixed expiry %d: %w", now, expiry, errors.Join(err, ErrBadParameter))
	}
	deposit := big.NewInt(10_000_000_000_000_000) // 0.01 ether
	cumulative := big.NewInt(10_000_000_000_000)  // 10 slots of 10^12 wei
	srv := addressOf(server)

	// Deterministic client keys: the dev keys past the funded accounts.
	clients := make([]*ecdsa.PrivateKey, GasTreeSize+1)
	addrs := make([]common.Address, GasTreeSize)
	for i := range clients {
		clients[i] = chain.DevKey(100 + i)
		if i < GasTreeSize {
			addrs[i] = addressOf(clients[i])
		}
	}
	ft, err := suite.NewFleetTree(addrs)
	if err != nil {
		return nil, fmt.Errorf("measure gas: %w", err)
	}

	var rows []gasRow
	type run struct {
		n      int
		paperO uint64
		paperC uint64
		open   func() (Terms, TxResult, error)
		signer *ecdsa.PrivateKey
		index  uint64
	}
	runs := []run{
		{1, PaperOpen1, PaperClose1, func() (Terms, TxResult, error) {
			return c.OpenClient(ctx, owner, srv, expiry, deposit)
		}, owner, 0},
		{2, PaperOpen2, PaperClose2, func() (Terms, TxResult, error) {
			return c.OpenDelegated(ctx, owner, srv, addressOf(clients[GasTreeSize]), expiry, deposit)
		}, clients[GasTreeSize], 0},
		{3, PaperOpen3, PaperClose3, func() (Terms, TxResult, error) {
			return c.OpenTree(ctx, owner, srv, ft.Root(), ft.Size(), expiry, deposit)
		}, clients[1], 1},
	}
	var closes []gasRow
	for _, r := range runs {
		t, res, err := r.open()
		if err != nil {
			return nil, fmt.Errorf("measure gas: open %d: %w", r.n, err)
		}
		rows = append(rows, gasRow{GasRow: chain.GasRow{Name: fmt.Sprintf("channel/open/%d", r.n), Gas: res.Gas},
			paper: r.paperO, note: stepOf(t.Kind) + ", first channel of the owner"})
		rc, err := SignReceipt(c.Domain(), r.signer, t.ID(), cumulative)
		if err != nil {
			return nil, fmt.Errorf("measure gas: %w", err)
		}
		note := "Server_Close, one receipt"
		if t.Kind == KindTree {
			rc.Index = r.index
			if rc.Proof, err = ft.Proof(r.index); err != nil {
				return nil, fmt.Errorf("measure gas: %w", err)
			}
			note = fmt.Sprintf("Server_Close, one receipt, tree of %d keys (proof of %d hashes)", GasTreeSize, len(rc.Proof))
		}
		cres, err := c.Close(ctx, server, t, rc)
		if err != nil {
			return nil, fmt.Errorf("measure gas: close %d: %w", r.n, err)
		}
		closes = append(closes, gasRow{GasRow: chain.GasRow{Name: fmt.Sprintf("channel/close/%d", r.n), Gas: cres.Gas},
			paper: r.paperC, note: note})
	}
	return append(rows, closes...), nil
}
