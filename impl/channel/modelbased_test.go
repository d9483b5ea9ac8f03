package channel

import (
	"cmp"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	mchan "github.com/podnet/podnet/model/channel"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestModelBased applies random action sequences to the model (model/channel,
// constructions 2 and 3, their default scopes) and to the real parties on a simulated
// chain —
// client, access server, device and contract — and compares, after every step, whether
// the step was accepted and the observable state: each channel's word on chain, the
// server's latest receipt, the device's counter and the number of actuations.
func TestModelBased(t *testing.T) {
	for _, kind := range []mchan.Kind{mchan.Delegated, mchan.Tree} {
		t.Run(kind.String(), func(t *testing.T) { testModelBased(t, kind) })
	}
}

func testModelBased(t *testing.T, kind mchan.Kind) {
	run := 0
	stats := map[string]int{}
	rapid.Check(t, func(rt *rapid.T) {
		run++
		mb := newModelBased(t, rt, kind, filepath.Join(t.TempDir(), fmt.Sprint(run)))
		mb.stats = stats
		defer mb.close()
		steps := rapid.IntRange(1, 12).Draw(rt, "steps")
		for i := 0; i < steps; i++ {
			mb.step(rt)
			mb.compare(rt)
		}
	})
	t.Logf("accepted steps over %d runs: %v", run, stats)
	// The runs must reach every step, or the comparison says little.
	for _, rule := range []string{mchan.RuleClientPay, mchan.RuleServerGrant, mchan.RuleDeviceActuate,
		mchan.RuleServerClose, mchan.RuleChannelExpire, mchan.RuleOwnerRefund} {
		require.Positive(t, stats[rule], "no accepted %s", rule)
	}
}

type modelBased struct {
	t       *testing.T
	e       *env
	m       *mchan.Model
	s       mchan.State
	price   *big.Int
	keys    []*ecdsa.PrivateKey // the client keys (one, or the tree's two)
	adv     *ecdsa.PrivateKey
	terms   [mchan.Channels]Terms
	clients [mchan.Channels][]*Client // the paying clients of each channel
	srv     *Server
	dev     *Device
	dbs     []*store.DB
	known   map[mchan.Receipt]Receipt
	pws     []uint32 // password by counter
	pwChan  []int    // channel each password was granted on
	pwBy    []int    // and the client whose receipt paid for it
	acts    int
	// closeTried: the server attempted to close the channel.
	closeTried [mchan.Channels]bool
	stats      map[string]int // accepted steps by rule, over all runs
}

func newModelBased(t *testing.T, rt *rapid.T, kind mchan.Kind, dir string) *modelBased {
	sc := mchan.DefaultScope(kind)
	m, err := mchan.New(sc)
	require.NoError(rt, err)
	e := newEnv(t)
	mb := &modelBased{t: t, e: e, m: m, price: testPrice, adv: newKey(t), known: map[mchan.Receipt]Receipt{}}
	var ft *suite.FleetTree
	if kind == mchan.Tree {
		mb.keys, ft = tree(t, 2)
	} else {
		mb.keys = []*ecdsa.PrivateKey{newKey(t)}
	}
	sdb, err := store.Open(filepath.Join(dir, "server.db"), nil)
	require.NoError(rt, err)
	ddb, err := store.Open(filepath.Join(dir, "device.db"), nil)
	require.NoError(rt, err)
	mb.dbs = []*store.DB{sdb, ddb}
	mb.srv, err = NewServer(ServerConfig{Key: e.server, Domain: e.c.Domain(), Price: mb.price,
		Devices: map[string][]byte{"device": testDeviceKey}, Logger: e.log}, sdb, e.c)
	require.NoError(rt, err)
	mb.dev, err = NewDevice(DeviceConfig{Key: testDeviceKey, Window: uint64(sc.Window), Logger: e.log}, ddb)
	require.NoError(rt, err)

	var ok bool
	mb.s, ok = m.Apply(m.Init()[0], mchan.Action{Rule: mchan.RuleSetupDevice})
	require.True(rt, ok)
	deposit := new(big.Int).Mul(mb.price, big.NewInt(int64(sc.Deposit)))
	limit := new(big.Int).Mul(mb.price, big.NewInt(int64(sc.Deposit+1))) // the model's bound
	for c := 0; c < mchan.Channels; c++ {
		if kind == mchan.Tree {
			mb.s, ok = m.Apply(mb.s, mchan.Action{Rule: mchan.RuleOwnerOpenTree, Ch: c})
			require.True(rt, ok)
			mb.terms[c], _, err = e.c.OpenTree(e.ctx, e.owner, addressOf(e.server), ft.Root(), ft.Size(), e.expiry(t, 3600), deposit)
		} else {
			mb.s, ok = m.Apply(mb.s, mchan.Action{Rule: mchan.RuleOwnerOpenDelegated, Ch: c})
			require.True(rt, ok)
			mb.terms[c], _, err = e.c.OpenDelegated(e.ctx, e.owner, addressOf(e.server), addressOf(mb.keys[0]), e.expiry(t, 3600), deposit)
		}
		require.NoError(rt, err)
		// The model's payers: every key on channel 0, key 0 on channel 1.
		payers := len(mb.keys)
		if c == 1 {
			payers = 1
		}
		for i := 0; i < payers; i++ {
			cfg := ClientConfig{Key: mb.keys[i], Domain: e.c.Domain(), Terms: mb.terms[c], Price: mb.price, Limit: limit}
			if ft != nil {
				cfg.Index = uint64(i)
				cfg.Proof, err = ft.Proof(uint64(i))
				require.NoError(rt, err)
			}
			cl, err := NewClient(cfg)
			require.NoError(rt, err)
			mb.clients[c] = append(mb.clients[c], cl)
		}
	}
	return mb
}

func (mb *modelBased) close() {
	for _, db := range mb.dbs {
		_ = db.Close()
	}
}

// receipt draws a receipt: one the client signed (on the network, replayable on any
// channel) or one the adversary signs with its own key.
func (mb *modelBased) receipt(rt *rapid.T) (mchan.Receipt, Receipt) {
	var known []mchan.Receipt
	for r := range mb.known {
		known = append(known, r)
	}
	slices.SortFunc(known, func(a, b mchan.Receipt) int {
		return cmp.Or(cmp.Compare(a.Ch, b.Ch), cmp.Compare(a.Amount, b.Amount), cmp.Compare(a.Signer, b.Signer))
	})
	if len(known) > 0 && rapid.IntRange(0, 4).Draw(rt, "adversary signs") > 0 {
		r := known[rapid.IntRange(0, len(known)-1).Draw(rt, "known receipt")]
		return r, mb.known[r]
	}
	r := mchan.Receipt{
		Ch:     rapid.IntRange(0, mchan.Channels-1).Draw(rt, "receipt channel"),
		Amount: rapid.IntRange(1, 3).Draw(rt, "receipt amount"),
		Signer: mchan.Adversary,
	}
	ir, err := SignReceipt(mb.e.c.Domain(), mb.adv, mb.terms[r.Ch].ID(), mb.wei(r.Amount))
	require.NoError(rt, err)
	return r, ir
}

func (mb *modelBased) wei(slots int) *big.Int {
	return new(big.Int).Mul(mb.price, big.NewInt(int64(slots)))
}

func (mb *modelBased) step(rt *rapid.T) {
	ctx := mb.e.ctx
	c := rapid.IntRange(0, mchan.Channels-1).Draw(rt, "channel")
	switch rapid.IntRange(0, 8).Draw(rt, "action") {
	case 0, 1, 2: // an honest slot: Client_Pay, Server_Grant of that receipt, Device_Actuate
		r, ir, ok := mb.pay(rt, c, rapid.IntRange(0, len(mb.clients[c])-1).Draw(rt, "client"))
		if !ok {
			return
		}
		mb.compare(rt)
		if mb.grant(rt, c, r, ir) && rapid.IntRange(0, 3).Draw(rt, "deliver") > 0 {
			mb.compare(rt)
			mb.actuate(rt, len(mb.pws)-1)
		}
	case 3: // Client_Pay alone
		mb.pay(rt, c, rapid.IntRange(0, len(mb.clients[c])-1).Draw(rt, "client"))
	case 4: // Server_Grant of any known or adversary-signed receipt, on any channel
		r, ir := mb.receipt(rt)
		mb.grant(rt, c, r, ir)
	case 5: // Device_Actuate of any issued password (again, out of order)
		if len(mb.pws) > 0 {
			mb.actuate(rt, rapid.IntRange(0, len(mb.pws)-1).Draw(rt, "password"))
		}
	case 6: // Server_Close: honest, or dishonest with a drawn receipt
		if rapid.IntRange(0, 2).Draw(rt, "dishonest") == 0 {
			r, ir := mb.receipt(rt)
			_, err := mb.e.c.Close(ctx, mb.e.server, mb.terms[c], ir)
			next, mok := mb.m.Apply(mb.s, mchan.Action{Rule: mchan.RuleServerClose, Ch: c, Receipt: r, Dishonest: true})
			require.Equal(rt, mok, err == nil, "dishonest Server_Close(c%d, %v): model %v, impl %v", c, r, mok, err)
			if mok {
				mb.stats[mchan.RuleServerClose+" (dishonest)"]++
				mb.s = next
			}
			return
		}
		mb.closeHonest(rt, c)
	case 8: // the end of a channel: Server_Close, then Owner_Refund
		mb.closeHonest(rt, c)
		mb.compare(rt)
		mb.refund(rt, c)
	case 7: // Channel_Expire (when the timeliness assumption allows it) or Owner_Refund
		if rapid.Bool().Draw(rt, "expire") {
			next, mok := mb.m.Apply(mb.s, mchan.Action{Rule: mchan.RuleChannelExpire})
			if mok {
				require.NoError(rt, mb.e.ch.AdjustTime(ctx, 3700*time.Second))
				mb.stats[mchan.RuleChannelExpire]++
				mb.s = next
			}
			return
		}
		mb.refund(rt, c)
	}
}

// closeHonest is the access server's Server_Close of c in both.
func (mb *modelBased) closeHonest(rt *rapid.T, c int) {
	_, err := mb.srv.Close(mb.e.ctx, mb.terms[c], mb.e.c)
	next, mok := mb.m.Apply(mb.s, mchan.Action{Rule: mchan.RuleServerClose, Ch: c})
	sent := err == nil || errors.Is(err, ErrReverted)
	if mb.closeTried[c] && !mok {
		// The server retries a close that failed (the model's server does not): the
		// retry fails again, as nothing that made it fail can be undone.
		require.Error(rt, err, "retried Server_Close(c%d)", c)
		return
	}
	mb.closeTried[c] = true
	require.Equal(rt, mok, sent, "Server_Close(c%d): model %v, impl %v", c, mok, err)
	if mok {
		mb.stats[mchan.RuleServerClose]++
		mb.s = next
	}
}

// refund is the owner's Owner_Refund of c in both.
func (mb *modelBased) refund(rt *rapid.T, c int) {
	_, err := mb.e.c.Refund(mb.e.ctx, mb.e.owner, mb.terms[c])
	next, mok := mb.m.Apply(mb.s, mchan.Action{Rule: mchan.RuleOwnerRefund, Ch: c})
	require.Equal(rt, mok, err == nil, "Owner_Refund(c%d): model %v, impl %v", c, mok, err)
	if mok {
		mb.stats[mchan.RuleOwnerRefund]++
		mb.s = next
	}
}

// pay is Client_Pay of client i on channel c in both.
func (mb *modelBased) pay(rt *rapid.T, c, i int) (mchan.Receipt, Receipt, bool) {
	var head *Receipt
	h, ok, err := mb.srv.Head(mb.e.ctx, mb.terms[c])
	require.NoError(rt, err)
	if ok {
		head = &h
	}
	ir, err := mb.clients[c][i].Pay(head)
	next, mok := mb.m.Apply(mb.s, mchan.Action{Rule: mchan.RuleClientPay, Ch: c, Client: i})
	require.Equal(rt, mok, err == nil, "Client_Pay(client%d, c%d): model %v, impl %v", i, c, mok, err)
	if !mok {
		return mchan.Receipt{}, Receipt{}, false
	}
	mb.stats[mchan.RuleClientPay]++
	mb.s = next
	r := mchan.Receipt{Ch: c, Amount: next.OwnLast[c][i], Signer: i}
	mb.known[r] = ir
	require.Equal(rt, mb.wei(r.Amount), ir.Cumulative)
	return r, ir, true
}

// grant is Server_Grant of r presented for channel c in both. The server's answer to
// its latest receipt presented again (the same password, nothing new granted) is the
// model's rejection.
func (mb *modelBased) grant(rt *rapid.T, c int, r mchan.Receipt, ir Receipt) bool {
	ctx := mb.e.ctx
	before, had, err := mb.srv.Head(ctx, mb.terms[c])
	require.NoError(rt, err)
	pw, err := mb.srv.Grant(ctx, mb.terms[c], "device", ir)
	regrant := err == nil && had && before.Cumulative.Cmp(ir.Cumulative) == 0 && before.Sig == ir.Sig
	next, mok := mb.m.Apply(mb.s, mchan.Action{Rule: mchan.RuleServerGrant, Ch: c, Receipt: r})
	require.Equal(rt, mok, err == nil && !regrant, "Server_Grant(c%d, %v): model %v, impl %v", c, r, mok, err)
	if !mok {
		return false
	}
	mb.stats[mchan.RuleServerGrant]++
	mb.s = next
	mb.pws = append(mb.pws, pw)
	mb.pwChan = append(mb.pwChan, c)
	mb.pwBy = append(mb.pwBy, r.Signer)
	return true
}

// actuate is Device_Actuate of password p in both.
func (mb *modelBased) actuate(rt *rapid.T, p int) {
	_, err := mb.dev.Actuate(mb.e.ctx, mb.pws[p])
	next, mok := mb.m.Apply(mb.s, mchan.Action{Rule: mchan.RuleDeviceActuate, Password: p})
	require.Equal(rt, mok, err == nil, "Device_Actuate(pw%d): model %v, impl %v", p, mok, err)
	if mok {
		mb.stats[mchan.RuleDeviceActuate]++
		mb.s = next
		mb.acts++
		mb.clients[mb.pwChan[p]][mb.pwBy[p]].Confirm()
	}
}

// compare checks the observable state of the real parties against the model's.
func (mb *modelBased) compare(rt *rapid.T) {
	ctx := mb.e.ctx
	for c := 0; c < mchan.Channels; c++ {
		st, err := mb.e.c.State(ctx, mb.terms[c].ID())
		require.NoError(rt, err)
		require.Equal(rt, mb.wei(mb.s.Owed[c]).String(), st.Owed.String(), "owed on c%d", c)
		require.Equal(rt, mb.s.Closed[c] && !mb.s.Settled[c], st.Closed, "closed flag of c%d", c)
		h, ok, err := mb.srv.Head(ctx, mb.terms[c])
		require.NoError(rt, err)
		latest := new(big.Int)
		if ok {
			latest = h.Cumulative
		}
		require.Equal(rt, mb.wei(mb.s.Latest[c]).String(), latest.String(), "server's latest on c%d", c)
	}
	ctr, err := mb.dev.Counter(ctx)
	require.NoError(rt, err)
	require.Equal(rt, uint64(mb.s.DevCounter), ctr, "device counter")
	require.Equal(rt, mb.s.Actuations, mb.acts, "actuations")
}
