package party

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
)

// ---------------------------------------------------------------------------------------
// The constrained device

// LiteDeviceConfig configures a constrained device.
type LiteDeviceConfig struct {
	// Vendor is the vendor the device trusts.
	Vendor common.Address
	// ChainID is the chain its bids live on.
	ChainID uint64
	// FactoryVersion is the version installed at manufacture.
	FactoryVersion uint64
	// Name labels the device in logs.
	Name string
}

// LiteDevice is a constrained device behind a hub (spec/pod.md §7): it reads no chain and
// verifies no proof. Over the trusted local channel it signs the digests its hub asks for
// — a delivery only for a manifest of its vendor, newer than what it runs, that the hub
// reports verified — and installs an image only if its SHA-256 is the one the vendor's
// manifest signs.
type LiteDevice struct {
	env Env
	key *ecdsa.PrivateKey
	cfg LiteDeviceConfig
}

// NewLiteDevice returns a constrained device and registers its hub protocol handler on
// env.Host.
func NewLiteDevice(env Env, key *ecdsa.PrivateKey, cfg LiteDeviceConfig) *LiteDevice {
	env.fill()
	if cfg.Name == "" {
		cfg.Name = addressOf(key).Hex()[:10]
	}
	env.Log = env.Log.With("party", cfg.Name)
	l := &LiteDevice{env: env, key: key, cfg: cfg}
	env.Host.SetStreamHandler(transport.ProtoHub, l.serve)
	return l
}

// Address is the device's address.
func (l *LiteDevice) Address() common.Address { return addressOf(l.key) }

// Installed returns the installed firmware.
func (l *LiteDevice) Installed(ctx context.Context) (Installed, error) {
	return readInstalled(ctx, l.env.Store, l.cfg.FactoryVersion)
}

func (l *LiteDevice) serve(s transport.Stream) {
	ctx, cancel := context.WithTimeout(context.Background(), exchangeTimeout)
	defer cancel()
	c := transport.NewConn(s, l.env.Limits)
	defer c.Close()
	var man *wire.SignedManifest
	for {
		b, err := c.ReadFrameMax(ctx, wire.TypeHubInstall.SizeLimit())
		if err != nil {
			return
		}
		m, err := wire.Decode(b)
		if err != nil {
			_ = refuse(ctx, c, fmt.Errorf("%w: %w", ErrProtocol, err))
			return
		}
		switch msg := m.(type) {
		case *wire.PackageIndex:
			if err := l.checkManifest(&msg.Manifest); err != nil {
				_ = refuse(ctx, c, err)
				return
			}
			man = &msg.Manifest
		case *wire.HubSignRequest:
			sig, err := l.sign(ctx, msg, man)
			if err != nil {
				_ = refuse(ctx, c, err)
				return
			}
			if err := send(ctx, c, &wire.HubSignResponse{Device: l.Address(), Signature: sig}); err != nil {
				return
			}
		case *wire.HubInstall:
			if err := l.install(ctx, msg, man); err != nil {
				_ = refuse(ctx, c, err)
			}
			return // success: the stream closes without an Error
		default:
			_ = refuse(ctx, c, fmt.Errorf("%w: %s on the hub channel", ErrProtocol, m.Type()))
			return
		}
	}
}

func (l *LiteDevice) checkManifest(sm *wire.SignedManifest) error {
	if err := sm.Verify(); err != nil {
		return fmt.Errorf("%w: %w", ErrManifest, err)
	}
	if sm.Manifest.Vendor != l.cfg.Vendor || sm.Manifest.ChainID != l.cfg.ChainID {
		return fmt.Errorf("%w: not my vendor's or not my chain's", ErrManifest)
	}
	return nil
}

// sign answers a HubSignRequest: a challenge for its chain, or a delivery of an update
// whose manifest it has checked and which is newer than what it runs.
func (l *LiteDevice) sign(ctx context.Context, req *wire.HubSignRequest, man *wire.SignedManifest) ([suite.SignatureSize]byte, error) {
	var zero [suite.SignatureSize]byte
	if req.ChainID != l.cfg.ChainID {
		return zero, fmt.Errorf("%w: chain %d", ErrManifest, req.ChainID)
	}
	if req.Purpose == wire.PurposeDelivery {
		if !req.Verified {
			return zero, fmt.Errorf("%w: hub did not verify the offer", ErrProof)
		}
		if man == nil || man.Manifest.UpdateID != req.UpdateID || man.Manifest.FwVersion != req.FwVersion {
			return zero, fmt.Errorf("%w: no matching manifest from the vendor", ErrManifest)
		}
		in, err := l.Installed(ctx)
		if err != nil {
			return zero, err
		}
		if req.FwVersion <= in.Version {
			return zero, fmt.Errorf("%w: offered %d, installed %d", ErrRollback, req.FwVersion, in.Version)
		}
	}
	dg, err := req.Digest()
	if err != nil {
		return zero, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return suite.Sign(l.key, dg)
}

// install is the device's half of Hub_Install: SHA-256 and length against the vendor's
// manifest, version above the installed one.
func (l *LiteDevice) install(ctx context.Context, msg *wire.HubInstall, man *wire.SignedManifest) (err error) {
	defer timeStep(ctx, l.env.Log, l.env.Metrics, StepDeviceInstall, "device", l.cfg.Name)(&err)
	if man == nil || man.Manifest.UpdateID != msg.UpdateID || man.Manifest.FwVersion != msg.FwVersion {
		return fmt.Errorf("%w: no matching manifest from the vendor", ErrManifest)
	}
	if sha256.Sum256(msg.Image) != man.Manifest.ImageSHA256 || uint64(len(msg.Image)) != man.Manifest.ImageLength {
		return ErrImageHash
	}
	return l.env.Store.Update(ctx, func(tx *store.Tx) error {
		cur, err := deviceState.Get(tx, installedKey)
		if errors.Is(err, store.ErrNotFound) {
			cur = Installed{Version: l.cfg.FactoryVersion}
		} else if err != nil {
			return err
		}
		if msg.FwVersion <= cur.Version {
			return fmt.Errorf("%w: %d, installed %d", ErrRollback, msg.FwVersion, cur.Version)
		}
		l.env.Log.InfoContext(ctx, "installed via hub", "version", msg.FwVersion)
		return deviceState.Put(tx, installedKey, Installed{
			Version: msg.FwVersion, UpdateID: msg.UpdateID, ImageSHA256: sha256.Sum256(msg.Image), Image: msg.Image,
		})
	})
}

// ---------------------------------------------------------------------------------------
// The hub

// HubConfig configures a hub.
type HubConfig struct {
	// Vendor is the vendor of its devices.
	Vendor common.Address
	// FromBlock is where it starts watching the factory.
	FromBlock uint64
	// RevealTimeout bounds the wait for KeyRevealed before trying another distributor.
	RevealTimeout time.Duration
	// Proofs gives fleet proofs for its devices.
	Proofs FleetProofSource
	// Name labels the hub.
	Name string
}

type hubDevice struct {
	addr    common.Address
	peer    transport.PeerID
	version uint64
	offset  int
	done    bool
}

// Hub does the chain and proof work of constrained devices (spec/pod.md §7): it runs
// the exchange for them (Hub_Check) and, after the reveal, decrypts and hands them the
// image (Hub_Install).
type Hub struct {
	env Env
	cfg HubConfig

	mu      sync.Mutex
	devices []*hubDevice
}

// NewHub returns a hub.
func NewHub(env Env, cfg HubConfig) *Hub {
	env.fill()
	if cfg.RevealTimeout <= 0 {
		cfg.RevealTimeout = 10 * time.Minute
	}
	if cfg.Name == "" {
		cfg.Name = "hub"
	}
	env.Log = env.Log.With("party", cfg.Name)
	return &Hub{env: env, cfg: cfg}
}

// Attach puts a constrained device behind the hub: its address, its peer on the local
// channel and the version it runs.
func (h *Hub) Attach(device common.Address, peer transport.PeerID, version uint64, offset int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.devices = append(h.devices, &hubDevice{addr: device, peer: peer, version: version, offset: offset})
}

// remoteSigner asks a constrained device for signatures over the local channel.
type remoteSigner struct {
	h   *Hub
	dev *hubDevice
	idx *wire.PackageIndex // the package index (with the signed manifest) of the bid
}

func (rs *remoteSigner) ask(ctx context.Context, req *wire.HubSignRequest, withIndex bool) ([suite.SignatureSize]byte, error) {
	var zero [suite.SignatureSize]byte
	s, err := rs.h.env.Host.NewStream(ctx, rs.dev.peer, transport.ProtoHub)
	if err != nil {
		return zero, fmt.Errorf("party: hub channel: %w", err)
	}
	c := transport.NewConn(s, rs.h.env.Limits)
	defer c.Close()
	if withIndex {
		if err := send(ctx, c, rs.idx); err != nil {
			return zero, err
		}
	}
	if err := send(ctx, c, req); err != nil {
		return zero, err
	}
	resp, err := recv[*wire.HubSignResponse](ctx, c, wire.TypeHubSignResponse)
	if err != nil {
		return zero, err
	}
	dg, err := req.Digest()
	if err != nil {
		return zero, err
	}
	if who, err := suite.Recover(dg, resp.Signature); err != nil || who != rs.dev.addr {
		return zero, fmt.Errorf("%w: device answer not signed by %s", ErrBadSignature, rs.dev.addr)
	}
	return resp.Signature, nil
}

func (rs *remoteSigner) signChallenge(ctx context.Context, bid BidInfo, nonce [32]byte, distributor common.Address) ([suite.SignatureSize]byte, error) {
	return rs.ask(ctx, &wire.HubSignRequest{
		ChainID: rs.h.env.Ledger.ChainID(), Bid: bid.Address, Purpose: wire.PurposeChallenge, Nonce: nonce, Distributor: distributor,
	}, false)
}

func (rs *remoteSigner) signDelivery(ctx context.Context, bid BidInfo, p *PendingExchange) ([suite.SignatureSize]byte, error) {
	return rs.ask(ctx, &wire.HubSignRequest{
		ChainID: rs.h.env.Ledger.ChainID(), Bid: bid.Address, Purpose: wire.PurposeDelivery, UpdateID: bid.UpdateID,
		LockType: suite.LockType(p.LockType), Lock: p.Lock, FwVersion: p.Manifest.FwVersion, Verified: true,
	}, true)
}

// Run serves the attached devices until each has installed an update newer than the
// version it was attached with, following the vendor's bids.
func (h *Hub) Run(ctx context.Context) error {
	from := h.cfg.FromBlock
	seen := map[common.Address]bool{}
	for {
		bids, err := h.env.Ledger.Bids(ctx, from)
		if err != nil && ctx.Err() != nil {
			return ctx.Err()
		}
		for _, b := range bids {
			if b.Vendor != h.cfg.Vendor || seen[b.Address] {
				continue
			}
			if h.serveBid(ctx, b) {
				seen[b.Address] = true
			}
		}
		h.mu.Lock()
		all := true
		for _, d := range h.devices {
			all = all && d.done
		}
		h.mu.Unlock()
		if all {
			return nil
		}
		if err := sleep(ctx, h.env.Poll); err != nil {
			return err
		}
	}
}

// serveBid runs the exchange and installation for every attached device in the bid's
// fleet, concurrently. It reports whether the bid is settled for all of them.
func (h *Hub) serveBid(ctx context.Context, b BidInfo) bool {
	h.mu.Lock()
	devs := append([]*hubDevice(nil), h.devices...)
	h.mu.Unlock()
	var wg sync.WaitGroup
	var mu sync.Mutex
	settled := true
	for _, d := range devs {
		h.mu.Lock()
		done := d.done
		h.mu.Unlock()
		if done {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, inFleet, err := h.updateDevice(ctx, b, d)
			if err != nil {
				h.env.Log.InfoContext(ctx, "device not updated", "device", d.addr, "bid", b.Address, "err", err)
			}
			if ok {
				h.mu.Lock()
				d.done = true
				h.mu.Unlock()
			}
			if inFleet && !ok {
				mu.Lock()
				settled = false
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return settled
}

// updateDevice reports whether d was updated and whether it is in the bid's fleet.
func (h *Hub) updateDevice(ctx context.Context, b BidInfo, d *hubDevice) (bool, bool, error) {
	index, proof, err := h.cfg.Proofs.FleetProof(ctx, b.Address, d.addr)
	if errors.Is(err, ErrNotInFleet) {
		return false, false, nil
	}
	if err != nil {
		return false, true, err
	}
	ok, err := h.updateInFleet(ctx, b, d, index, proof)
	return ok, true, err
}

func (h *Hub) updateInFleet(ctx context.Context, b BidInfo, d *hubDevice, index uint64, proof [][32]byte) (bool, error) {
	if ok, err := h.tryInstall(ctx, b, d, index); ok || err != nil {
		return ok, err
	}
	provs, err := providersFor(ctx, h.env.Routing, b.UpdateID, d.offset)
	if err != nil {
		return false, err
	}
	var lastErr error = fmt.Errorf("%w: U_id %x", ErrNoProvider, b.UpdateID[:8])
	for _, p := range provs {
		idx, err := fetchIndex(ctx, h.env.Host, p, b.PackageID)
		if err != nil {
			lastErr = err
			continue
		}
		cc := &clientCfg{
			env: &h.env, vendor: h.cfg.Vendor, device: d.addr, signer: &remoteSigner{h: h, dev: d, idx: idx},
			installed: func(context.Context) (uint64, error) {
				h.mu.Lock()
				defer h.mu.Unlock()
				return d.version, nil
			},
			checkStep: StepHubCheck,
		}
		if _, err := cc.request(ctx, b, p, index, proof); err != nil {
			lastErr = err
			if errors.Is(err, ErrRollback) {
				return true, nil
			}
			continue
		}
		deadline := time.Now().Add(h.cfg.RevealTimeout)
		for time.Now().Before(deadline) {
			ok, err := h.tryInstall(ctx, b, d, index)
			if ok || err != nil {
				return ok, err
			}
			if err := sleep(ctx, h.env.Poll); err != nil {
				return false, err
			}
		}
		lastErr = ErrRevealTimeout
	}
	return false, lastErr
}

func (h *Hub) tryInstall(ctx context.Context, b BidInfo, d *hubDevice, index uint64) (bool, error) {
	pend, err := loadPending(ctx, h.env.Store, b.Address, d.addr)
	if err != nil || len(pend) == 0 {
		return false, err
	}
	pe, r, err := findReveal(ctx, h.env.Ledger, b, index, pend)
	if err != nil || pe == nil {
		return false, err
	}
	if err := h.Install(ctx, b, d, pe, r); err != nil {
		return false, err
	}
	return true, nil
}

// Install is Hub_Install: it recovers the key from r, decrypts and checks U_id (and the
// SHA-256), then hands the image and the vendor's signed manifest to the device, which
// checks them itself and installs.
func (h *Hub) Install(ctx context.Context, b BidInfo, d *hubDevice, pe *PendingExchange, r *big.Int) (err error) {
	defer timeStep(ctx, h.env.Log, h.env.Metrics, StepHubInstall, "device", d.addr)(&err)
	image, err := openPending(pe, r)
	if err != nil {
		return err
	}
	provs, err := h.env.Routing.FindProviders(ctx, b.PackageID)
	if err != nil {
		return err
	}
	var idx *wire.PackageIndex
	for _, p := range provs {
		if idx, err = fetchIndex(ctx, h.env.Host, p, b.PackageID); err == nil {
			break
		}
	}
	if idx == nil {
		return fmt.Errorf("%w: package index %x", ErrNoProvider, b.PackageID[:8])
	}
	s, err := h.env.Host.NewStream(ctx, d.peer, transport.ProtoHub)
	if err != nil {
		return fmt.Errorf("party: hub channel: %w", err)
	}
	c := transport.NewConn(s, h.env.Limits)
	defer c.Close()
	if err := send(ctx, c, idx); err != nil {
		return err
	}
	if err := send(ctx, c, &wire.HubInstall{UpdateID: pe.Manifest.UpdateID, FwVersion: pe.Manifest.FwVersion, Image: image}); err != nil {
		return err
	}
	_ = c.CloseWrite()
	// The device closes the stream on success and answers Error on refusal.
	if _, err := recv[*wire.HubSignResponse](ctx, c, wire.TypeError); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("party: device refused the image: %w", err)
	}
	if err := h.env.Store.Update(ctx, func(tx *store.Tx) error {
		return deletePending(tx, b.Address, d.addr)
	}); err != nil {
		return err
	}
	h.mu.Lock()
	d.version = pe.Manifest.FwVersion
	h.mu.Unlock()
	return nil
}

// fetchIndex downloads and decodes the package index P_id from peer.
func fetchIndex(ctx context.Context, host transport.Host, peer transport.PeerID, pid [32]byte) (*wire.PackageIndex, error) {
	s, err := host.NewStream(ctx, peer, transport.ProtoBlob)
	if err != nil {
		return nil, fmt.Errorf("party: fetch index: %w", err)
	}
	c := transport.NewConn(s, transport.Limits{MaxFrame: wire.MaxMessageSize})
	defer c.Close()
	idx, _, err := requestIndex(ctx, c, pid)
	return idx, err
}
