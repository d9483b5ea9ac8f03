package channel

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/podnet/podnet/impl/store"
)

// DefaultCloseMargin is how long before a channel's expiry the access server stops
// granting slots, so that its close is mined before the owner may take the deposit back
// (seconds).
const DefaultCloseMargin = 600

// State is a channel's on-chain state (the contract's channels(id) word).
type State struct {
	// Owed is what the owner is owed: the deposit while open, the remainder once
	// closed; zero when the channel is unknown or settled.
	Owed *big.Int
	// Closed reports that the server closed the channel.
	Closed bool
}

// Open reports whether the channel exists and was not closed.
func (s State) Open() bool { return !s.Closed && s.Owed != nil && s.Owed.Sign() > 0 }

// Ledger is what the access server reads from the chain: a channel's state and the
// chain's clock. *Contract implements it.
type Ledger interface {
	// State returns the on-chain state of channel id.
	State(ctx context.Context, id [32]byte) (State, error)
	// Now returns the timestamp of the latest block.
	Now(ctx context.Context) (uint64, error)
}

// Closer is what the access server needs to close: *Contract implements it.
type Closer interface {
	// Close is Server_Close: it closes the channel of t with the receipt r, signed by
	// the server key, and returns the mined transaction's result.
	Close(ctx context.Context, key *ecdsa.PrivateKey, t Terms, r Receipt) (TxResult, error)
}

// serverChannel is the server's record of one channel (bucket channel/server/channels).
type serverChannel struct {
	Terms   termsRecord
	Deposit []byte
	// Latest receipt (Cumulative empty: none yet).
	Cumulative []byte
	Sig        []byte
	Index      uint64
	Proof      [][]byte
	// Device and Counter of the password issued for the latest receipt.
	Device  string
	Counter uint64
	// Closed: the server started closing and grants nothing more. CloseTx: the hash of
	// the mined close (empty until then; a failed close may be retried).
	Closed  bool
	CloseTx []byte
}

// termsRecord is Terms as stored.
type termsRecord struct {
	Kind      uint8
	Owner     []byte
	Server    []byte
	Client    []byte
	Root      []byte
	Size      uint64
	Expiry    uint64
	OpenBlock uint64
}

var (
	serverChannels = store.NewBucket[serverChannel]("channel/server/channels")
	serverCounters = store.NewBucket[uint64]("channel/server/counters")
)

// ServerConfig configures an access server.
type ServerConfig struct {
	// Key signs the server's close transactions; its address is Terms.Server.
	Key *ecdsa.PrivateKey
	// Domain is the chain and channel contract receipts are bound to.
	Domain Domain
	// Price is the price of one slot (wei): each receipt is exactly one Price above the
	// previous one.
	Price *big.Int
	// Devices maps a device name to the HOTP key it shares with this server.
	Devices map[string][]byte
	// Digits and Hash are the HOTP parameters (DefaultDigits, SHA256 when zero).
	Digits int
	Hash   HashFunc
	// CloseMargin is how many seconds before expiry the server stops granting
	// (DefaultCloseMargin when zero).
	CloseMargin uint64
	// Logger receives one line per grant and close (slog.Default when nil).
	Logger *slog.Logger
}

// Server is the access server: it checks each receipt (Server_Grant), issues the HOTP
// password of the next counter of the device, and closes with the single latest receipt
// (Server_Close). Its records (latest receipt per channel, counter per device) live in
// its store and are written before a password leaves it.
type Server struct {
	cfg    ServerConfig
	db     *store.DB
	ledger Ledger
	mu     sync.Mutex // serialises grants: each reads then writes a channel's latest receipt
}

// NewServer returns an access server over its store db and the chain view ledger.
func NewServer(cfg ServerConfig, db *store.DB, ledger Ledger) (*Server, error) {
	if cfg.Key == nil || db == nil || ledger == nil || cfg.Domain.ChainID == nil {
		return nil, fmt.Errorf("server: nil key, store, ledger or chain id: %w", ErrBadParameter)
	}
	if cfg.Price == nil || cfg.Price.Sign() <= 0 {
		return nil, fmt.Errorf("server: slot price must be positive: %w", ErrBadParameter)
	}
	if cfg.Digits == 0 {
		cfg.Digits = DefaultDigits
	}
	if cfg.Digits < MinDigits || cfg.Digits > MaxDigits {
		return nil, fmt.Errorf("server: %d digits: %w", cfg.Digits, ErrBadParameter)
	}
	if cfg.Hash == nil {
		cfg.Hash = SHA256
	}
	if cfg.CloseMargin == 0 {
		cfg.CloseMargin = DefaultCloseMargin
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	devs := make(map[string][]byte, len(cfg.Devices))
	for name, k := range cfg.Devices {
		if len(k) < MinKeySize {
			return nil, fmt.Errorf("server: key of device %q is %d bytes, want ≥ %d: %w", name, len(k), MinKeySize, ErrBadParameter)
		}
		devs[name] = append([]byte(nil), k...)
	}
	cfg.Devices = devs
	cfg.Price = new(big.Int).Set(cfg.Price)
	return &Server{cfg: cfg, db: db, ledger: ledger}, nil
}

// Address returns the server's chain address (the Terms.Server of its channels).
func (s *Server) Address() common.Address { return addressOf(s.cfg.Key) }

// Grant is Server_Grant: it checks that r is a receipt of the channel of t, still open
// on chain, signed by a client key of the channel, exactly one slot price above the
// latest receipt and within the deposit, while the channel is more than CloseMargin from
// its expiry; it
// then records r and the device's next counter (fsync'd) and returns that counter's
// HOTP password for the device. Presenting the latest receipt again returns the
// password already issued for it (a lost answer costs nothing).
func (s *Server) Grant(ctx context.Context, t Terms, device string, r Receipt) (uint32, error) {
	key, ok := s.cfg.Devices[device]
	if !ok {
		return 0, fmt.Errorf("grant: device %q: %w", device, ErrUnknownDevice)
	}
	if t.Server != s.Address() {
		return 0, fmt.Errorf("grant: channel pays %s, not this server: %w", t.Server, ErrUnknownChannel)
	}
	if _, err := VerifyReceipt(s.cfg.Domain, t, r); err != nil {
		return 0, fmt.Errorf("grant: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, err := s.channel(ctx, t)
	if err != nil {
		return 0, fmt.Errorf("grant: %w", err)
	}
	if rec.Closed {
		return 0, fmt.Errorf("grant: channel %x closed: %w", r.Channel[:4], ErrChannelEnding)
	}
	latest := new(big.Int).SetBytes(rec.Cumulative)
	if len(rec.Cumulative) > 0 && r.Cumulative.Cmp(latest) == 0 && bytes.Equal(rec.Sig, r.Sig[:]) && rec.Device == device {
		return HOTP(s.cfg.Hash, key, rec.Counter, s.cfg.Digits) // the same receipt again
	}
	// The channel must still be open on chain: only this server can close it and the
	// owner refund it only after the expiry, so this fails only if the server's key
	// closed it elsewhere or the margin was not kept; it costs one read per slot.
	st, err := s.ledger.State(ctx, r.Channel)
	if err != nil {
		return 0, fmt.Errorf("grant: %w", err)
	}
	if !st.Open() {
		return 0, fmt.Errorf("grant: channel %x is no longer open on chain: %w", r.Channel[:4], ErrChannelEnding)
	}
	now, err := s.ledger.Now(ctx)
	if err != nil {
		return 0, fmt.Errorf("grant: %w", err)
	}
	if now+s.cfg.CloseMargin >= t.Expiry {
		return 0, fmt.Errorf("grant: now %d + margin %d ≥ expiry %d: %w", now, s.cfg.CloseMargin, t.Expiry, ErrChannelEnding)
	}
	want := new(big.Int).Add(latest, s.cfg.Price)
	if r.Cumulative.Cmp(want) != 0 {
		return 0, fmt.Errorf("grant: receipt for %s, next slot is %s: %w", r.Cumulative, want, ErrWrongAmount)
	}
	if r.Cumulative.Cmp(new(big.Int).SetBytes(rec.Deposit)) > 0 {
		return 0, fmt.Errorf("grant: receipt for %s above the deposit %s: %w", r.Cumulative, new(big.Int).SetBytes(rec.Deposit), ErrOverDeposit)
	}
	var counter uint64
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		c, err := serverCounters.Get(tx, []byte(device))
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		counter = c
		if err := serverCounters.Put(tx, []byte(device), c+1); err != nil {
			return err
		}
		rec.Cumulative = r.Cumulative.Bytes()
		rec.Sig = append([]byte(nil), r.Sig[:]...)
		rec.Index = r.Index
		rec.Proof = proofBytes(r.Proof)
		rec.Device, rec.Counter = device, c
		return serverChannels.Put(tx, r.Channel[:], rec)
	})
	if err != nil {
		return 0, fmt.Errorf("grant: record: %w", err)
	}
	s.cfg.Logger.Info("Server_Grant", "channel", fmt.Sprintf("%x", r.Channel[:4]), "cumulative", r.Cumulative, "device", device, "counter", counter)
	return HOTP(s.cfg.Hash, key, counter, s.cfg.Digits)
}

// Head returns the latest receipt the server holds for the channel of t (false when
// none). In construction 3 a client signs the next receipt on top of it (Client_Pay).
func (s *Server) Head(ctx context.Context, t Terms) (Receipt, bool, error) {
	id := t.ID()
	rec, err := s.record(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && len(rec.Cumulative) == 0) {
		return Receipt{}, false, nil
	}
	if err != nil {
		return Receipt{}, false, fmt.Errorf("head: %w", err)
	}
	r, err := rec.receipt(id)
	if err != nil {
		return Receipt{}, false, fmt.Errorf("head: %w", err)
	}
	return r, true, nil
}

// Close is Server_Close: it closes the channel of t on chain with the single latest
// receipt and marks it closed, so that no more slots are granted. It returns the close
// transaction's result.
func (s *Server) Close(ctx context.Context, t Terms, c Closer) (TxResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := t.ID()
	rec, err := s.record(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && len(rec.Cumulative) == 0) {
		return TxResult{}, fmt.Errorf("close %x: %w", id[:4], ErrNothingToClose)
	}
	if err != nil {
		return TxResult{}, fmt.Errorf("close: %w", err)
	}
	if len(rec.CloseTx) > 0 {
		return TxResult{}, fmt.Errorf("close %x: already closed: %w", id[:4], ErrChannelEnding)
	}
	r, err := rec.receipt(id)
	if err != nil {
		return TxResult{}, fmt.Errorf("close: %w", err)
	}
	// Stop granting first, so that no password is issued against a receipt the close
	// does not carry; a failed close leaves it stopped and may be retried.
	rec.Closed = true
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return serverChannels.Put(tx, id[:], rec) }); err != nil {
		return TxResult{}, fmt.Errorf("close: record: %w", err)
	}
	res, err := c.Close(ctx, s.cfg.Key, t, r)
	if err != nil {
		return res, fmt.Errorf("close: %w", err)
	}
	rec.CloseTx = res.Hash.Bytes()
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return serverChannels.Put(tx, id[:], rec) }); err != nil {
		return res, fmt.Errorf("close: record: %w", err)
	}
	s.cfg.Logger.Info("Server_Close", "channel", fmt.Sprintf("%x", id[:4]), "cumulative", r.Cumulative, "gas", res.Gas)
	return res, nil
}

// record reads the server's record of channel id (store.ErrNotFound when it has none).
func (s *Server) record(ctx context.Context, id [32]byte) (serverChannel, error) {
	var rec serverChannel
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		rec, err = serverChannels.Get(tx, id[:])
		return err
	})
	return rec, err
}

// channel returns the server's record of the channel of t, reading the chain the first
// time: the channel must be open there, and its deposit is recorded.
func (s *Server) channel(ctx context.Context, t Terms) (serverChannel, error) {
	id := t.ID()
	rec, err := s.record(ctx, id)
	if err == nil {
		return rec, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return rec, err
	}
	if err := t.Validate(); err != nil {
		return rec, err
	}
	st, err := s.ledger.State(ctx, id)
	if err != nil {
		return rec, err
	}
	if !st.Open() {
		return rec, fmt.Errorf("channel %x is not open on chain: %w", id[:4], ErrUnknownChannel)
	}
	rec = serverChannel{Terms: recordTerms(t), Deposit: st.Owed.Bytes()}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return serverChannels.Put(tx, id[:], rec) }); err != nil {
		return rec, err
	}
	return rec, nil
}

func (rec serverChannel) receipt(id [32]byte) (Receipt, error) {
	r := Receipt{Channel: id, Cumulative: new(big.Int).SetBytes(rec.Cumulative), Index: rec.Index}
	if len(rec.Sig) != len(r.Sig) {
		return r, fmt.Errorf("stored receipt signature of %d bytes: %w", len(rec.Sig), store.ErrCorrupt)
	}
	copy(r.Sig[:], rec.Sig)
	for _, p := range rec.Proof {
		if len(p) != 32 {
			return r, fmt.Errorf("stored proof hash of %d bytes: %w", len(p), store.ErrCorrupt)
		}
		var h [32]byte
		copy(h[:], p)
		r.Proof = append(r.Proof, h)
	}
	return r, nil
}

func recordTerms(t Terms) termsRecord {
	return termsRecord{
		Kind: uint8(t.Kind), Owner: t.Owner.Bytes(), Server: t.Server.Bytes(), Client: t.Client.Bytes(),
		Root: append([]byte(nil), t.Root[:]...), Size: t.Size, Expiry: t.Expiry, OpenBlock: t.OpenBlock,
	}
}

func proofBytes(p [][32]byte) [][]byte {
	out := make([][]byte, len(p))
	for i := range p {
		out[i] = append([]byte(nil), p[i][:]...)
	}
	return out
}
