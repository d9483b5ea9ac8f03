package channel

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// ClientConfig configures a paying client.
type ClientConfig struct {
	// Key is the client key that signs receipts: the owner's own key in construction 1,
	// the delegated key in 2, one of the tree's keys in 3. It needs no funds.
	Key *ecdsa.PrivateKey
	// Domain is the chain and channel contract.
	Domain Domain
	// Terms are the channel's terms.
	Terms Terms
	// Price is the price of one slot.
	Price *big.Int
	// Limit caps the cumulative amount this client signs (nil: no cap beyond what the
	// server accepts). An owner hands a delegated client a limit below the deposit.
	Limit *big.Int
	// Index and Proof place Key in the owner's tree (construction 3).
	Index uint64
	Proof [][32]byte
}

// Client is a paying client (Client_Pay). It signs cumulative receipts one slot at a
// time and never signs a new one while the password of the previous one is
// outstanding, so it has at most one slot at risk.
type Client struct {
	cfg ClientConfig

	mu          sync.Mutex
	last        *big.Int // the highest cumulative amount this client signed
	outstanding bool     // a receipt was signed and its slot not yet confirmed
}

// NewClient returns a client of the channel of cfg.Terms.
func NewClient(cfg ClientConfig) (*Client, error) {
	if cfg.Key == nil || cfg.Domain.ChainID == nil || cfg.Price == nil || cfg.Price.Sign() <= 0 {
		return nil, fmt.Errorf("client: nil key or chain id, or non-positive price: %w", ErrBadParameter)
	}
	if err := cfg.Terms.Validate(); err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	me := addressOf(cfg.Key)
	if cfg.Terms.Kind != KindTree && me != cfg.Terms.Signer() {
		return nil, fmt.Errorf("client: key %s is not the channel's client key %s: %w", me, cfg.Terms.Signer(), ErrWrongSigner)
	}
	cfg.Price = new(big.Int).Set(cfg.Price)
	return &Client{cfg: cfg, last: new(big.Int)}, nil
}

// Address returns the client key's address.
func (c *Client) Address() common.Address { return addressOf(c.cfg.Key) }

// Pay is Client_Pay: it signs the receipt for one more slot. The new cumulative amount
// is one Price above the highest of this client's own last receipt and head, the
// latest receipt the server shows (construction 3, where all clients count on one
// channel; nil when there is none or in constructions 1 and 2). head must verify as a
// receipt of the channel signed by a client key (ErrBadHead otherwise). Pay fails with
// ErrOutstanding while the previous slot is unconfirmed and ErrSpendLimit above Limit.
func (c *Client) Pay(head *Receipt) (Receipt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.outstanding {
		return Receipt{}, fmt.Errorf("pay: %w", ErrOutstanding)
	}
	base := new(big.Int).Set(c.last)
	if head != nil {
		if _, err := VerifyReceipt(c.cfg.Domain, c.cfg.Terms, *head); err != nil {
			return Receipt{}, fmt.Errorf("pay: %w: %w", ErrBadHead, err)
		}
		if head.Cumulative.Cmp(base) > 0 {
			base.Set(head.Cumulative)
		}
	}
	next := base.Add(base, c.cfg.Price)
	if c.cfg.Limit != nil && next.Cmp(c.cfg.Limit) > 0 {
		return Receipt{}, fmt.Errorf("pay: %s above the limit %s: %w", next, c.cfg.Limit, ErrSpendLimit)
	}
	r, err := SignReceipt(c.cfg.Domain, c.cfg.Key, c.cfg.Terms.ID(), next)
	if err != nil {
		return Receipt{}, fmt.Errorf("pay: %w", err)
	}
	r.Index, r.Proof = c.cfg.Index, append([][32]byte(nil), c.cfg.Proof...)
	c.last.Set(next)
	c.outstanding = true
	return r, nil
}

// Confirm ends the outstanding slot: the device accepted its password (or the client
// accepts the loss of that one slot). Only then does Pay sign again.
func (c *Client) Confirm() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.outstanding = false
}

// Signed returns the highest cumulative amount this client has signed.
func (c *Client) Signed() *big.Int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return new(big.Int).Set(c.last)
}
