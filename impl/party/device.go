package party

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
)

// Device buckets.
var (
	deviceState = store.NewBucket[Installed]("device/installed")
	deviceDone  = store.NewBucket[bool]("device/done") // bids settled (installed or not in fleet)
)

var installedKey = []byte("installed")

// Installed is a device's installed firmware.
type Installed struct {
	Version     uint64
	UpdateID    [32]byte
	ImageSHA256 [32]byte
	Image       []byte
	Bid         common.Address
	Distributor common.Address
}

// DeviceFaults make a device stop, for the crash-recovery tests.
type DeviceFaults struct {
	// CrashAfterCommit stops the device (as if killed) right after it sent its first
	// delivery signature.
	CrashAfterCommit bool
}

// DeviceConfig configures a device.
type DeviceConfig struct {
	// Vendor is the vendor the device trusts (set at manufacture).
	Vendor common.Address
	// FromBlock is where the device starts watching the factory.
	FromBlock uint64
	// FactoryVersion is the version installed at manufacture (used while the store is
	// empty).
	FactoryVersion uint64
	// RevealTimeout bounds the wait for KeyRevealed after signing before the device tries
	// another distributor (default 10 min).
	RevealTimeout time.Duration
	// Proofs gives the device its fleet proof per bid.
	Proofs FleetProofSource
	// Offset rotates the list of providers (spreads devices over distributors).
	Offset int
	// Name labels the device in logs.
	Name string
	// Faults makes the device stop early.
	Faults DeviceFaults
}

// Device is an IoT device that verifies on its own: it watches its vendor's bids,
// obtains the update through the exchange, and installs after the key is revealed
// (spec/pod.md §5).
type Device struct {
	env Env
	key *ecdsa.PrivateKey
	cfg DeviceConfig
	cc  *clientCfg

	mu   sync.Mutex
	seen map[common.Address]bool
}

// NewDevice returns a device with key key.
func NewDevice(env Env, key *ecdsa.PrivateKey, cfg DeviceConfig) *Device {
	env.fill()
	if cfg.RevealTimeout <= 0 {
		cfg.RevealTimeout = 10 * time.Minute
	}
	if cfg.Name == "" {
		cfg.Name = addressOf(key).Hex()[:10]
	}
	env.Log = env.Log.With("party", cfg.Name)
	d := &Device{env: env, key: key, cfg: cfg, seen: map[common.Address]bool{}}
	d.cc = &clientCfg{
		env: &d.env, vendor: cfg.Vendor, device: addressOf(key), signer: keySigner{key: key, chainID: env.Ledger.ChainID()},
		installed: d.installedVersion, checkStep: StepDeviceCheck, faultCrash: cfg.Faults.CrashAfterCommit,
	}
	return d
}

// Address is the device's address.
func (d *Device) Address() common.Address { return addressOf(d.key) }

// Installed returns the installed firmware (the zero value with FactoryVersion before
// any update).
func (d *Device) Installed(ctx context.Context) (Installed, error) {
	return readInstalled(ctx, d.env.Store, d.cfg.FactoryVersion)
}

// readInstalled reads the installed firmware record of a device's store (the factory
// version before any update). Device and LiteDevice keep it the same way.
func readInstalled(ctx context.Context, db *store.DB, factory uint64) (Installed, error) {
	var in Installed
	err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		in, err = deviceState.Get(tx, installedKey)
		if errors.Is(err, store.ErrNotFound) {
			in = Installed{Version: factory}
			return nil
		}
		return err
	})
	return in, err
}

func (d *Device) installedVersion(ctx context.Context) (uint64, error) {
	in, err := d.Installed(ctx)
	return in.Version, err
}

// keySigner signs with the device's own key.
type keySigner struct {
	key     *ecdsa.PrivateKey
	chainID uint64
}

func (k keySigner) signChallenge(_ context.Context, bid BidInfo, nonce [32]byte, distributor common.Address) ([suite.SignatureSize]byte, error) {
	return suite.Sign(k.key, suite.ChallengeDigest(new(big.Int).SetUint64(k.chainID), bid.Address, nonce, distributor))
}

func (k keySigner) signDelivery(_ context.Context, bid BidInfo, p *PendingExchange) ([suite.SignatureSize]byte, error) {
	return suite.Sign(k.key, suite.DeliveryDigest(new(big.Int).SetUint64(k.chainID), bid.Address, bid.UpdateID, p.Lock))
}

// Run follows the vendor's bids until the device has installed a version newer than the
// one it had when Run started, and returns it. Pending exchanges from before a restart
// are resumed first. It returns ErrCrashed on a simulated crash.
func (d *Device) Run(ctx context.Context) (Installed, error) {
	start, err := d.Installed(ctx)
	if err != nil {
		return Installed{}, err
	}
	from := d.cfg.FromBlock
	for {
		bids, err := d.env.Ledger.Bids(ctx, from)
		if err != nil && ctx.Err() != nil {
			return Installed{}, ctx.Err()
		}
		for _, b := range bids {
			if b.Vendor != d.cfg.Vendor || d.isSeen(b.Address) {
				continue
			}
			done, err := d.Update(ctx, b)
			if errors.Is(err, ErrCrashed) {
				return Installed{}, err
			}
			if err != nil {
				d.env.Log.InfoContext(ctx, "bid not completed", "bid", b.Address, "err", err)
				if ctx.Err() != nil {
					return Installed{}, ctx.Err()
				}
				continue
			}
			if done {
				d.markSeen(b.Address)
			}
		}
		in, err := d.Installed(ctx)
		if err != nil {
			return Installed{}, err
		}
		if in.Version > start.Version {
			return in, nil
		}
		if err := sleep(ctx, d.env.Poll); err != nil {
			return Installed{}, err
		}
	}
}

func (d *Device) isSeen(bid common.Address) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.seen[bid] {
		return true
	}
	var done bool
	_ = d.env.Store.View(context.Background(), func(tx *store.Tx) error {
		done, _ = deviceDone.Has(tx, bid[:])
		return nil
	})
	return done
}

func (d *Device) markSeen(bid common.Address) {
	d.mu.Lock()
	d.seen[bid] = true
	d.mu.Unlock()
}

// Update runs the whole exchange for one bid: resume a pending exchange if there is one,
// otherwise Device_Request with each provider in turn until one reveals the key; then
// Device_Install. It reports true when the bid is settled for this device (installed, not
// in the fleet, or not newer).
func (d *Device) Update(ctx context.Context, bid BidInfo) (bool, error) {
	in, err := d.Installed(ctx)
	if err != nil {
		return false, err
	}
	index, proof, err := d.cfg.Proofs.FleetProof(ctx, bid.Address, d.Address())
	if errors.Is(err, ErrNotInFleet) {
		return true, d.settle(ctx, bid.Address)
	}
	if err != nil {
		return false, err
	}
	if in.UpdateID == bid.UpdateID {
		return true, d.settle(ctx, bid.Address)
	}
	// Resume: a reveal for an exchange signed before a restart.
	if ok, err := d.tryInstall(ctx, bid, index); ok || err != nil {
		return ok, err
	}
	// An expired bid pays no one: nobody will serve it any more.
	if now, err := d.env.Ledger.HeadTime(ctx); err != nil {
		return false, err
	} else if now > bid.Expiry {
		return true, d.settle(ctx, bid.Address)
	}
	provs, err := providersFor(ctx, d.env.Routing, bid.UpdateID, d.cfg.Offset)
	if err != nil {
		return false, err
	}
	if len(provs) == 0 {
		return false, fmt.Errorf("%w: U_id %x", ErrNoProvider, bid.UpdateID[:8])
	}
	var lastErr error
	for _, p := range provs {
		if _, err := d.cc.request(ctx, bid, p, index, proof); err != nil {
			if errors.Is(err, ErrCrashed) {
				return false, err
			}
			lastErr = err
			d.env.Log.InfoContext(ctx, "exchange failed", "peer", p, "err", err)
			if errors.Is(err, ErrRollback) {
				return true, d.settle(ctx, bid.Address)
			}
			continue
		}
		ok, err := d.awaitInstall(ctx, bid, index)
		if ok || (err != nil && !errors.Is(err, ErrRevealTimeout)) {
			return ok, err
		}
		lastErr = err
		d.env.Log.InfoContext(ctx, "no reveal; trying another distributor", "peer", p)
	}
	return false, lastErr
}

func (d *Device) settle(ctx context.Context, bid common.Address) error {
	return d.env.Store.Update(ctx, func(tx *store.Tx) error { return deviceDone.Put(tx, bid[:], true) })
}

// awaitInstall waits up to RevealTimeout for the key and installs.
func (d *Device) awaitInstall(ctx context.Context, bid BidInfo, index uint64) (bool, error) {
	deadline := time.Now().Add(d.cfg.RevealTimeout)
	for time.Now().Before(deadline) {
		ok, err := d.tryInstall(ctx, bid, index)
		if ok || err != nil {
			return ok, err
		}
		if err := sleep(ctx, d.env.Poll); err != nil {
			return false, err
		}
	}
	return false, ErrRevealTimeout
}

// tryInstall installs if the key of one of the device's pending exchanges is revealed.
func (d *Device) tryInstall(ctx context.Context, bid BidInfo, index uint64) (bool, error) {
	pend, err := loadPending(ctx, d.env.Store, bid.Address, d.Address())
	if err != nil || len(pend) == 0 {
		return false, err
	}
	pe, r, err := findReveal(ctx, d.env.Ledger, bid, index, pend)
	if err != nil || pe == nil {
		return false, err
	}
	if err := d.Install(ctx, pe, r); err != nil {
		return false, err
	}
	return true, nil
}

// Install is Device_Install: from the revealed r it recovers the key, decrypts, checks
// U_id, the image's SHA-256 and the version (no rollback), and installs; in the same
// transaction it drops its pending exchanges for the bid.
func (d *Device) Install(ctx context.Context, pe *PendingExchange, r *big.Int) (err error) {
	defer timeStep(ctx, d.env.Log, d.env.Metrics, StepDeviceInstall, "bid", pe.Bid)(&err)
	image, err := openPending(pe, r)
	if err != nil {
		return err
	}
	return d.env.Store.Update(ctx, func(tx *store.Tx) error {
		cur, err := deviceState.Get(tx, installedKey)
		if errors.Is(err, store.ErrNotFound) {
			cur = Installed{Version: d.cfg.FactoryVersion}
		} else if err != nil {
			return err
		}
		if pe.Manifest.FwVersion <= cur.Version {
			return fmt.Errorf("%w: %d, installed %d", ErrRollback, pe.Manifest.FwVersion, cur.Version)
		}
		in := Installed{
			Version: pe.Manifest.FwVersion, UpdateID: pe.Manifest.UpdateID, ImageSHA256: sha256.Sum256(image),
			Image: image, Bid: pe.Bid, Distributor: pe.Distributor,
		}
		if err := deviceState.Put(tx, installedKey, in); err != nil {
			return err
		}
		if err := deletePending(tx, pe.Bid, pe.Device); err != nil {
			return err
		}
		if err := deviceDone.Put(tx, pe.Bid[:], true); err != nil {
			return err
		}
		d.env.Log.InfoContext(ctx, "installed", "step", string(StepDeviceInstall), "version", in.Version, "bid", pe.Bid)
		return nil
	})
}
