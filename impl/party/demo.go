package party

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
)

// DemoOptions configure RunDemo.
type DemoOptions struct {
	// Chain is the chain to run on; nil starts the embedded simulated chain.
	Chain chain.Chain
	// Funder pays for everything on Chain (default: its first account).
	Funder *ecdsa.PrivateKey
	// Image is the firmware; nil generates one of ImageSize bytes.
	Image []byte
	// ImageSize is the size of a generated image (default 1000 bytes: the 1 KiB class).
	ImageSize int
	// Devices is the number of devices (default 20), Hub of them behind one hub
	// (default 5; negative: none), Paper of them in the paper-mode bid (default 5;
	// negative: none; the rest are in the point-lock bid).
	Devices, Hub, Paper int
	// Offline is the number of fleet members per bid that never show up (default 1): their
	// share is what the vendor withdraws after expiry.
	Offline int
	// Distributors is the number of distributors (default 3).
	Distributors int
	// BatchSize is the distributors' claimBatch size (default 4).
	BatchSize int
	// KeyDir is the vendor's key store ("" : none, setup every run).
	KeyDir string
	// Dir holds the parties' stores (default: a temporary directory).
	Dir string
	// Expiry is the bid lifetime on a real chain (default 60 s); on the embedded chain the
	// clock is moved instead.
	Expiry time.Duration
	// Progress receives progress lines (nil: none).
	Progress io.Writer
	// Log receives every party's logs (nil: none).
	Log *slog.Logger
}

// DistributorReport is one distributor's line of the demo report.
type DistributorReport struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	Served  int    `json:"devices_served"`
	Paid    int    `json:"devices_paid"`
	Lost    int    `json:"claims_lost"`
	PaidWei string `json:"paid_wei"`
}

// StepReport is one step's timing in the demo report.
type StepReport struct {
	Step    string  `json:"step"`
	Count   int     `json:"count"`
	MeanMS  float64 `json:"mean_ms"`
	MaxMS   float64 `json:"max_ms"`
	TotalMS float64 `json:"total_ms"`
}

// GasReport aggregates the gas of one kind of transaction in the demo report.
type GasReport struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
	Mean  uint64 `json:"mean_gas"`
	Min   uint64 `json:"min_gas"`
	Max   uint64 `json:"max_gas"`
	// PerDevice is the mean gas per paid device (claims only).
	PerDevice uint64 `json:"gas_per_device,omitempty"`
}

// DemoSummary is the outcome of RunDemo (the JSON of `podnet demo --json`).
type DemoSummary struct {
	Chain          string              `json:"chain"`
	Fork           string              `json:"fork"`
	ImageBytes     int                 `json:"image_bytes"`
	SizeClass      string              `json:"size_class"`
	UpdateID       string              `json:"update_id"`
	Version        uint64              `json:"version"`
	DevicesTotal   int                 `json:"devices_total"`
	DevicesUpdated int                 `json:"devices_updated"`
	DevicesViaHub  int                 `json:"devices_via_hub"`
	FleetSize      int                 `json:"fleet_size"`
	ClaimsPaid     int                 `json:"claims_paid"`
	DoublePayments int                 `json:"double_payments"`
	DepositWei     string              `json:"deposit_wei"`
	PaidWei        string              `json:"paid_wei"`
	RefundedWei    string              `json:"refunded_wei"`
	Balanced       bool                `json:"balanced"`
	Distributors   []DistributorReport `json:"distributors"`
	Steps          []StepReport        `json:"steps"`
	Gas            []GasReport         `json:"gas"`
	Constraints    map[string]int      `json:"constraints"`
	SetupSeconds   float64             `json:"setup_seconds"`
	ElapsedSeconds float64             `json:"elapsed_seconds"`
	Bids           []string            `json:"bids"`
}

func (o *DemoOptions) defaults() {
	if o.ImageSize <= 0 {
		o.ImageSize = 1000
	}
	if o.Devices <= 0 {
		o.Devices = 20
	}
	switch {
	case o.Hub < 0:
		o.Hub = 0
	case o.Hub == 0:
		o.Hub = min(5, o.Devices)
	case o.Hub > o.Devices:
		o.Hub = o.Devices
	}
	switch {
	case o.Paper < 0:
		o.Paper = 0
	case o.Paper == 0:
		o.Paper = min(5, o.Devices)
	case o.Paper > o.Devices:
		o.Paper = o.Devices
	}
	if o.Offline < 0 {
		o.Offline = 0
	}
	if o.Distributors <= 0 {
		o.Distributors = 3
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 4
	}
	if o.Expiry <= 0 {
		o.Expiry = 60 * time.Second
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// DemoImage generates a firmware image of n bytes: a header (magic, version, length)
// and a deterministic body, as a stand-in for a real build.
func DemoImage(n int, version uint64) []byte {
	var b bytes.Buffer
	b.WriteString("PODNETFW")
	_ = binary.Write(&b, binary.BigEndian, version)
	_ = binary.Write(&b, binary.BigEndian, uint32(n))
	seed := sha256.Sum256([]byte("podnet demo firmware"))
	for b.Len() < n {
		seed = sha256.Sum256(seed[:])
		b.Write(seed[:])
	}
	return b.Bytes()[:n]
}

// demoDevice is one device of the demo.
type demoDevice struct {
	name  string
	paper bool
	lite  bool
}

// RunDemo runs the proof-of-distribution demo end to end: a vendor publishes one update
// in a paper-mode bid and a point-lock bid, distributors fetch, prepare and serve it,
// devices (some behind a hub) obtain it, distributors claim, and after expiry the vendor
// withdraws the rest. It returns the summary; it fails if any device is not updated, any
// device is paid twice, or the accounts do not balance.
func RunDemo(ctx context.Context, o DemoOptions) (*DemoSummary, error) {
	o.defaults()
	start := time.Now()
	progress := func(format string, a ...any) {
		fmt.Fprintf(o.Progress, "[%6.1fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, a...))
	}
	sum := &DemoSummary{Constraints: map[string]int{}}
	ch := o.Chain
	var sim *chain.Simulated
	if ch == nil {
		s, err := chain.NewSimulated()
		if err != nil {
			return nil, err
		}
		defer s.Close()
		ch, sim = s, s
		sum.Chain = "embedded simulated chain"
	} else {
		sum.Chain = "JSON-RPC"
	}
	sum.Fork = ch.Fork()
	dir := o.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "podnet-demo-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	image := o.Image
	if image == nil {
		image = DemoImage(o.ImageSize, 2)
	}
	class, err := firmware.ClassFor(len(image))
	if err != nil {
		return nil, fmt.Errorf("party: demo firmware: %w", err)
	}
	sum.ImageBytes, sum.SizeClass, sum.Version = len(image), class.Name, 2
	progress("firmware: %d bytes, size class %s, chain: %s (%s)", len(image), class.Name, sum.Chain, sum.Fork)

	// The vendor's keys for the class (the long part on a first run).
	t0 := time.Now()
	stop := ticker(ctx, progress, "Groth16 setup / key store")
	keys, err := VendorKeys(o.KeyDir, class, func(s string) { progress("%s", s) })
	stop()
	if err != nil {
		return nil, err
	}
	sum.SetupSeconds = time.Since(t0).Seconds()
	for m, k := range keys {
		sum.Constraints[m.String()+"/"+class.Name] = k.Constraints
	}

	metrics := NewMetrics()
	poll := 50 * time.Millisecond
	if sim == nil {
		poll = 300 * time.Millisecond
	}
	var funder = o.Funder
	w, err := NewWorld(ctx, WorldConfig{Chain: ch, Funder: funder, Dir: dir, Log: o.Log, Metrics: metrics, Poll: poll, Seed: "demo"})
	if err != nil {
		return nil, err
	}
	defer w.Close()
	progress("factory deployed at %s", w.Factory)

	// Devices: the first Paper are in the paper-mode bid, the rest in the point-lock bid;
	// the last Hub devices sit behind the hub (spread over both bids).
	devs := make([]demoDevice, o.Devices)
	for i := range devs {
		devs[i] = demoDevice{name: fmt.Sprintf("dev%02d", i), paper: i < o.Paper, lite: i >= o.Devices-o.Hub}
	}
	if o.Hub > 1 && o.Paper > 0 && o.Paper < o.Devices-o.Hub+1 {
		// put one hub device in the paper-mode bid too, so that the hub serves both modes
		devs[o.Paper-1].lite = true
		devs[o.Devices-o.Hub].lite = false
	}
	var paperFleet, pointFleet []common.Address
	for _, d := range devs {
		if d.paper {
			paperFleet = append(paperFleet, w.Address(d.name))
		} else {
			pointFleet = append(pointFleet, w.Address(d.name))
		}
	}
	for i := range o.Offline {
		paperFleet = append(paperFleet, w.Address(fmt.Sprintf("offline-paper-%d", i)))
		pointFleet = append(pointFleet, w.Address(fmt.Sprintf("offline-point-%d", i)))
	}

	// Vendor_Publish, Vendor_Seed.
	pkg, err := BuildPackage(w.Key("vendor"), w.Ledger.ChainID(), 2, image, keys)
	if err != nil {
		return nil, err
	}
	w.Keys.AddKeys(pkg, keys)
	sum.UpdateID = fmt.Sprintf("%x", pkg.Index.Manifest.Manifest.UpdateID)
	head, err := w.Ledger.HeadTime(ctx)
	if err != nil {
		return nil, err
	}
	expiry := head + 3600
	if sim == nil {
		expiry = uint64(time.Now().Add(o.Expiry).Unix())
	}
	perDevice := big.NewInt(1e15)
	deposit := new(big.Int)
	var pubs []*Publication
	for _, b := range []struct {
		lt    suite.LockType
		fleet []common.Address
	}{{suite.LockHash, paperFleet}, {suite.LockPoint, pointFleet}} {
		if len(b.fleet) == 0 {
			continue
		}
		dep := new(big.Int).Mul(perDevice, big.NewInt(int64(len(b.fleet))))
		pub, err := w.Vendor.Publish(ctx, PublishRequest{Package: pkg, Fleet: b.fleet, LockType: b.lt, Deposit: dep, Expiry: expiry})
		if err != nil {
			return nil, err
		}
		deposit.Add(deposit, dep)
		pubs = append(pubs, pub)
		sum.Bids = append(sum.Bids, pub.Bid.Address.Hex())
		sum.FleetSize += len(b.fleet)
		progress("Vendor_Publish: %s bid %s for %d devices, deposit %s wei, gas %d", b.lt, pub.Bid.Address, len(b.fleet), dep, pub.Gas)
	}
	if err := w.Vendor.Seed(ctx); err != nil {
		return nil, err
	}
	progress("Vendor_Seed: P_id %x", pkg.ID[:8])

	// Distributors.
	provers := make(chan struct{}, 2)
	dists := make([]*Distributor, o.Distributors)
	for i := range dists {
		d, err := w.StartDistributor(ctx, fmt.Sprintf("dist%d", i), DistributorConfig{
			BatchSize: o.BatchSize, BatchWait: 300 * time.Millisecond, Provers: provers,
		})
		if err != nil {
			return nil, err
		}
		dists[i] = d
	}
	progress("%d distributors watching the factory (Distributor_Fetch, Distributor_Prepare)", len(dists))
	// Switch the devices on once every distributor serves the update, so that they spread
	// over all of them.
	for {
		ps, err := w.Net.FindProviders(ctx, pkg.Index.Manifest.Manifest.UpdateID)
		if err != nil {
			return nil, err
		}
		if len(ps) >= len(dists) {
			break
		}
		if err := sleep(ctx, poll); err != nil {
			return nil, err
		}
	}
	progress("all distributors serve U_id %x…; switching the devices on", pkg.Index.Manifest.Manifest.UpdateID[:8])

	// Devices and the hub.
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var hub *Hub
	var lites []*LiteDevice
	var wg sync.WaitGroup
	errCh := make(chan error, len(devs)+1)
	sem := make(chan struct{}, 8) // bounded per-device parallelism
	var installedMu sync.Mutex
	installed := map[string]Installed{}
	for i, d := range devs {
		if d.lite {
			l, err := w.NewLiteDevice(d.name, LiteDeviceConfig{FactoryVersion: 1})
			if err != nil {
				return nil, err
			}
			lites = append(lites, l)
			continue
		}
		dev, err := w.NewDevice(d.name, DeviceConfig{FactoryVersion: 1, Offset: i, RevealTimeout: 2 * time.Minute})
		if err != nil {
			return nil, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			in, err := dev.Run(runCtx)
			if err != nil {
				errCh <- fmt.Errorf("%s: %w", d.name, err)
				return
			}
			installedMu.Lock()
			installed[d.name] = in
			n := len(installed)
			installedMu.Unlock()
			progress("Device_Install: %s runs version %d (%d/%d direct devices)", d.name, in.Version, n, len(devs)-len(lites))
		}()
	}
	if len(lites) > 0 {
		hub, err = w.NewHub("hub", HubConfig{RevealTimeout: 2 * time.Minute})
		if err != nil {
			return nil, err
		}
		for i, l := range lites {
			hub.Attach(l.Address(), hostOf(l), 1, i)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := hub.Run(runCtx); err != nil {
				errCh <- fmt.Errorf("hub: %w", err)
				return
			}
			progress("Hub_Install: the hub's %d devices run version 2", len(lites))
		}()
	}
	wg.Wait()
	close(errCh)
	var errs []error
	for err := range errCh {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	// Verify every device: version and the exact image.
	for _, d := range devs {
		var in Installed
		if d.lite {
			continue
		}
		in = installed[d.name]
		if in.Version == 2 && bytes.Equal(in.Image, image) {
			sum.DevicesUpdated++
		}
	}
	for _, l := range lites {
		in, err := l.Installed(ctx)
		if err != nil {
			return nil, err
		}
		if in.Version == 2 && bytes.Equal(in.Image, image) {
			sum.DevicesUpdated++
			sum.DevicesViaHub++
		}
	}
	sum.DevicesTotal = len(devs)

	// Wait until every signature is claimed, then settle: expiry and Vendor_Withdraw.
	want := len(devs)
	deadline := time.Now().Add(2 * time.Minute)
	for {
		n := 0
		for _, p := range pubs {
			revs, err := w.Ledger.Reveals(ctx, p.Bid.Address, p.Bid.Block)
			if err != nil {
				return nil, err
			}
			n += len(revs)
		}
		if n >= want || time.Now().After(deadline) {
			break
		}
		if err := sleep(ctx, poll); err != nil {
			return nil, err
		}
	}
	if sim != nil {
		if err := sim.AdjustTime(ctx, 2*time.Hour); err != nil {
			return nil, err
		}
		progress("embedded chain clock moved past expiry")
	} else {
		wait := time.Until(time.Unix(int64(expiry)+2, 0))
		progress("waiting %.0fs for the bids to expire", wait.Seconds())
		if err := sleep(ctx, max(wait, 0)); err != nil {
			return nil, err
		}
		// mine a block past expiry
		if _, err := w.Ledger.Transfer(ctx, w.Key("vendor"), w.Vendor.Address(), big.NewInt(0)); err != nil {
			return nil, err
		}
	}
	refunded := new(big.Int)
	for _, p := range pubs {
		res, err := w.Vendor.Withdraw(ctx, p.Bid.Address)
		if err != nil {
			return nil, err
		}
		refunded.Add(refunded, res.Refunded)
		progress("Vendor_Withdraw: %s refunded %s wei, gas %d", p.Bid.Address, res.Refunded, res.Gas)
	}
	cancel()

	// Payments, from the chain.
	paidBy := map[common.Address]int{}
	paid := new(big.Int)
	for _, p := range pubs {
		revs, err := w.Ledger.Reveals(ctx, p.Bid.Address, p.Bid.Block)
		if err != nil {
			return nil, err
		}
		per := map[uint64]int{}
		for _, r := range revs {
			per[r.Index]++
			paidBy[r.Distributor]++
			paid.Add(paid, perDevice)
			sum.ClaimsPaid++
		}
		for _, c := range per {
			if c > 1 {
				sum.DoublePayments += c - 1
			}
		}
		bal, err := w.Ledger.Balance(ctx, p.Bid.Address)
		if err != nil {
			return nil, err
		}
		if bal.Sign() != 0 {
			return nil, fmt.Errorf("party: demo: bid %s still holds %s wei", p.Bid.Address, bal)
		}
	}
	sum.DepositWei, sum.PaidWei, sum.RefundedWei = deposit.String(), paid.String(), refunded.String()
	sum.Balanced = new(big.Int).Add(paid, refunded).Cmp(deposit) == 0
	for _, d := range dists {
		recs, err := d.Records(ctx)
		if err != nil {
			return nil, err
		}
		r := DistributorReport{Name: d.Name(), Address: d.Address().Hex(), Served: len(recs)}
		for _, rec := range recs {
			switch rec.Status {
			case SigPaid:
				r.Paid++
			case SigLost:
				r.Lost++
			}
		}
		if r.Paid != paidBy[d.Address()] {
			return nil, fmt.Errorf("party: demo: %s records %d paid, the chain %d", d.Name(), r.Paid, paidBy[d.Address()])
		}
		r.PaidWei = new(big.Int).Mul(perDevice, big.NewInt(int64(r.Paid))).String()
		sum.Distributors = append(sum.Distributors, r)
	}
	for _, s := range metrics.Steps() {
		sum.Steps = append(sum.Steps, StepReport{
			Step: string(s.Step), Count: s.Count, MeanMS: ms(s.Mean()), MaxMS: ms(s.Max), TotalMS: ms(s.Total),
		})
	}
	sum.Gas = aggregateGas(metrics.GasRecords())
	sum.ElapsedSeconds = time.Since(start).Seconds()
	switch {
	case sum.DevicesUpdated != sum.DevicesTotal:
		return sum, fmt.Errorf("party: demo: %d of %d devices updated", sum.DevicesUpdated, sum.DevicesTotal)
	case sum.DoublePayments != 0:
		return sum, fmt.Errorf("party: demo: %d double payments", sum.DoublePayments)
	case !sum.Balanced:
		return sum, fmt.Errorf("party: demo: paid %s + refunded %s != deposit %s", paid, refunded, deposit)
	}
	return sum, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func hostOf(l *LiteDevice) transport.PeerID { return l.env.Host.ID() }

// aggregateGas groups gas records by kind.
func aggregateGas(recs []GasRecord) []GasReport {
	byKind := map[string]*GasReport{}
	items := map[string]int{}
	total := map[string]uint64{}
	var order []string
	for _, r := range recs {
		kind := r.Kind
		if r.Items > 1 {
			kind = "claimBatch"
		}
		g, ok := byKind[kind]
		if !ok {
			g = &GasReport{Kind: kind, Min: r.Gas}
			byKind[kind] = g
			order = append(order, kind)
		}
		g.Count++
		total[kind] += r.Gas
		g.Min, g.Max = min(g.Min, r.Gas), max(g.Max, r.Gas)
		items[kind] += max(r.Items, 0)
	}
	out := make([]GasReport, 0, len(order))
	for _, k := range order {
		g := byKind[k]
		g.Mean = total[k] / uint64(g.Count)
		if items[k] > 0 {
			g.PerDevice = total[k] / uint64(items[k])
		}
		out = append(out, *g)
	}
	return out
}

// ticker prints "what ... Ns" every 5 s until stopped.
func ticker(ctx context.Context, progress func(string, ...any), what string) func() {
	ctx, cancel := context.WithCancel(ctx)
	start := time.Now()
	go func() {
		t := time.NewTicker(5 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				progress("%s ... %.0fs", what, time.Since(start).Seconds())
			}
		}
	}()
	return cancel
}
