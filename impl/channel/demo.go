package channel

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
)

// DemoOptions configure RunDemo.
type DemoOptions struct {
	// Slots is how many slots each construction buys (default 5).
	Slots int
	// DepositSlots is each channel's deposit in slots (default 2·Slots).
	DepositSlots int
	// Price is the price of a slot in wei (default 10^12).
	Price *big.Int
	// TreeSize is the number of client keys of construction 3 (default 3).
	TreeSize int
	// Dir holds the parties' stores (a fresh temporary directory, removed afterwards,
	// when empty).
	Dir string
	// Logger receives the parties' step logs (discarded when nil).
	Logger *slog.Logger
}

// DemoResult is what one construction did in RunDemo.
type DemoResult struct {
	Kind              Kind
	Channel           [32]byte
	Slots             int      // slots bought (receipts granted)
	Accepted          int      // passwords the device accepted
	ReplayRejected    bool     // a replayed password was refused
	Deposit, Paid     *big.Int // wei
	Refunded          *big.Int // wei, returned to the owner
	OpenGas, CloseGas uint64
	RefundGas         uint64
}

// RunDemo runs the three constructions end to end on an embedded simulated chain:
// open (Client_Open, Owner_OpenDelegated, Owner_OpenTree), Slots rounds of Client_Pay →
// Server_Grant → Device_Actuate, a replayed password, Server_Close with the single
// latest receipt and Owner_Refund of the rest. It writes a short report to w.
func RunDemo(ctx context.Context, w io.Writer, opts DemoOptions) ([]DemoResult, error) {
	if opts.Slots <= 0 {
		opts.Slots = 5
	}
	if opts.DepositSlots <= 0 {
		opts.DepositSlots = 2 * opts.Slots
	}
	if opts.DepositSlots < opts.Slots {
		return nil, fmt.Errorf("demo: deposit of %d slots below the %d slots bought: %w", opts.DepositSlots, opts.Slots, ErrBadParameter)
	}
	if opts.Price == nil {
		opts.Price = big.NewInt(1_000_000_000_000)
	}
	if opts.TreeSize <= 0 {
		opts.TreeSize = 3
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	dir := opts.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "podnet-channel-demo-")
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		defer os.RemoveAll(d)
		dir = d
	}

	ch, err := chain.NewSimulated()
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	defer ch.Close()
	acc := ch.Accounts()
	c, dep, err := Deploy(ctx, ch, acc[0].Key, log)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(w, "channel contract %s deployed on simulated %s chain %s (gas %d)\n", c.Address(), ch.Fork(), ch.ChainID(), dep.Gas)
	fmt.Fprintf(w, "slot price %s wei, deposit %d slots, %d slots bought per construction\n\n", opts.Price, opts.DepositSlots, opts.Slots)

	var results []DemoResult
	for _, kind := range []Kind{KindClient, KindDelegated, KindTree} {
		res, err := demoOne(ctx, ch, c, kind, opts, filepath.Join(dir, kind.String()), log)
		if err != nil {
			return results, fmt.Errorf("demo %v: %w", kind, err)
		}
		results = append(results, res)
		fmt.Fprintf(w, "construction %d (%s) channel %x\n", res.Kind, res.Kind, res.Channel[:8])
		fmt.Fprintf(w, "  slots bought %d, passwords accepted %d, replayed password rejected: %v\n", res.Slots, res.Accepted, res.ReplayRejected)
		fmt.Fprintf(w, "  deposit %s wei, paid to the server %s wei, refunded to the owner %s wei\n", res.Deposit, res.Paid, res.Refunded)
		fmt.Fprintf(w, "  gas: open %d, close %d, refund %d\n\n", res.OpenGas, res.CloseGas, res.RefundGas)
	}
	return results, nil
}

func demoOne(ctx context.Context, ch *chain.Simulated, c *Contract, kind Kind, opts DemoOptions, dir string, log *slog.Logger) (DemoResult, error) {
	acc := ch.Accounts()
	owner, server := acc[1].Key, acc[2].Key
	deposit := new(big.Int).Mul(opts.Price, big.NewInt(int64(opts.DepositSlots)))
	now, err := ch.HeadTime(ctx)
	if err != nil {
		return DemoResult{}, err
	}
	expiry := now + 24*3600

	// The device and its access server share a fresh HOTP key.
	hotpKey := crypto32(kind)
	devices := map[string][]byte{"device": hotpKey}

	var (
		t      Terms
		open   TxResult
		keys   []*ecdsa.PrivateKey
		proofs [][][32]byte
	)
	switch kind {
	case KindClient:
		t, open, err = c.OpenClient(ctx, owner, addressOf(server), expiry, deposit)
		keys = []*ecdsa.PrivateKey{owner}
	case KindDelegated:
		ck := chain.DevKey(200)
		t, open, err = c.OpenDelegated(ctx, owner, addressOf(server), addressOf(ck), expiry, deposit)
		keys = []*ecdsa.PrivateKey{ck}
	case KindTree:
		addrs := make([]common.Address, opts.TreeSize)
		for i := range addrs {
			keys = append(keys, chain.DevKey(300+i))
			addrs[i] = addressOf(keys[i])
		}
		ft, ferr := suite.NewFleetTree(addrs)
		if ferr != nil {
			return DemoResult{}, ferr
		}
		for i := range addrs {
			p, perr := ft.Proof(uint64(i))
			if perr != nil {
				return DemoResult{}, perr
			}
			proofs = append(proofs, p)
		}
		t, open, err = c.OpenTree(ctx, owner, addressOf(server), ft.Root(), ft.Size(), expiry, deposit)
	}
	if err != nil {
		return DemoResult{}, err
	}

	sdb, err := store.Open(filepath.Join(dir, "server.db"), nil)
	if err != nil {
		return DemoResult{}, err
	}
	defer sdb.Close()
	srv, err := NewServer(ServerConfig{Key: server, Domain: c.Domain(), Price: opts.Price, Devices: devices, Logger: log}, sdb, c)
	if err != nil {
		return DemoResult{}, err
	}
	ddb, err := store.Open(filepath.Join(dir, "device.db"), nil)
	if err != nil {
		return DemoResult{}, err
	}
	defer ddb.Close()
	dev, err := NewDevice(DeviceConfig{Key: hotpKey, Logger: log}, ddb)
	if err != nil {
		return DemoResult{}, err
	}
	clients := make([]*Client, len(keys))
	for i, k := range keys {
		cfg := ClientConfig{Key: k, Domain: c.Domain(), Terms: t, Price: opts.Price}
		if kind == KindTree {
			cfg.Index, cfg.Proof = uint64(i), proofs[i]
		}
		if clients[i], err = NewClient(cfg); err != nil {
			return DemoResult{}, err
		}
	}

	res := DemoResult{Kind: kind, Channel: t.ID(), Deposit: deposit, OpenGas: open.Gas}
	var first uint32
	for slot := 0; slot < opts.Slots; slot++ {
		cl := clients[slot%len(clients)]
		var head *Receipt
		h, ok, err := srv.Head(ctx, t)
		if err != nil {
			return res, err
		}
		if ok {
			head = &h
		}
		r, err := cl.Pay(head)
		if err != nil {
			return res, err
		}
		pw, err := srv.Grant(ctx, t, "device", r)
		if err != nil {
			return res, err
		}
		res.Slots++
		if slot == 0 {
			first = pw
		}
		if _, err := dev.Actuate(ctx, pw); err != nil {
			return res, err
		}
		res.Accepted++
		cl.Confirm()
	}
	if _, err := dev.Actuate(ctx, first); errors.Is(err, ErrInvalidPassword) {
		res.ReplayRejected = true
	} else if err != nil {
		return res, err
	}

	cres, err := srv.Close(ctx, t, c)
	if err != nil {
		return res, err
	}
	res.CloseGas = cres.Gas
	st, err := c.State(ctx, t.ID())
	if err != nil {
		return res, err
	}
	res.Paid = new(big.Int).Sub(deposit, st.Owed)
	rres, err := c.Refund(ctx, owner, t)
	if err != nil {
		return res, err
	}
	res.RefundGas = rres.Gas
	res.Refunded = st.Owed
	return res, nil
}

// crypto32 derives a deterministic 32-byte demo HOTP key per construction (the demo is
// reproducible; a deployment draws the key from crypto/rand at provisioning).
func crypto32(k Kind) []byte {
	key := chain.DevKey(400 + int(k))
	return key.D.FillBytes(make([]byte, 32))
}
