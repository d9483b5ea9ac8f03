package party

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/suite"
)

// The tests share one set of vendor keys for the smallest size class (64 B), kept in a
// key store across runs (PODNET_KEYS, default $TMPDIR/podnet-keys): the hash-lock setup
// alone takes tens of seconds.
var (
	keysOnce sync.Once
	keysVal  KeySet
	keysErr  error
)

func testKeys(t *testing.T) KeySet {
	t.Helper()
	keysOnce.Do(func() {
		dir := os.Getenv("PODNET_KEYS")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "podnet-keys")
		}
		c, err := firmware.ClassByName("64B")
		if err != nil {
			keysErr = err
			return
		}
		keysVal, keysErr = VendorKeys(dir, c, nil)
	})
	require.NoError(t, keysErr)
	return keysVal
}

func testLog() *slog.Logger {
	if os.Getenv("PODNET_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

type testWorld struct {
	*World
	t     *testing.T
	sim   *chain.Simulated
	image []byte
	pkg   *Package
}

func newTestWorld(t *testing.T, ctx context.Context) *testWorld {
	t.Helper()
	sim, err := chain.NewSimulated()
	require.NoError(t, err)
	t.Cleanup(func() { _ = sim.Close() })
	w, err := NewWorld(ctx, WorldConfig{
		Chain: sim, Dir: t.TempDir(), Log: testLog(), Metrics: NewMetrics(), Poll: 20 * time.Millisecond, Seed: t.Name(),
	})
	require.NoError(t, err)
	t.Cleanup(func() { _ = w.Close() })
	image := make([]byte, 40)
	_, _ = rand.Read(image)
	keys := testKeys(t)
	pkg, err := BuildPackage(w.Key("vendor"), w.Ledger.ChainID(), 2, image, keys)
	require.NoError(t, err)
	w.Keys.AddKeys(pkg, keys)
	return &testWorld{World: w, t: t, sim: sim, image: image, pkg: pkg}
}

// publish publishes the package for the named devices with 1e15 wei per device.
func (tw *testWorld) publish(ctx context.Context, lt suite.LockType, devices ...string) *Publication {
	tw.t.Helper()
	fleet := make([]common.Address, len(devices))
	for i, d := range devices {
		fleet[i] = tw.Address(d)
	}
	now, err := tw.Ledger.HeadTime(ctx)
	require.NoError(tw.t, err)
	pub, err := tw.Vendor.Publish(ctx, PublishRequest{
		Package: tw.pkg, Fleet: fleet, LockType: lt, Deposit: new(big.Int).Mul(big.NewInt(int64(len(devices))), perDevice),
		Expiry: now + 3600,
	})
	require.NoError(tw.t, err)
	require.NoError(tw.t, tw.Vendor.Seed(ctx))
	return pub
}

var perDevice = big.NewInt(1e15)

func (tw *testWorld) expire(ctx context.Context) {
	tw.t.Helper()
	require.NoError(tw.t, tw.sim.AdjustTime(ctx, 2*time.Hour))
}

// runDevice runs a device to completion and returns what it installed.
func (tw *testWorld) runDevice(ctx context.Context, name string, cfg DeviceConfig) (Installed, error) {
	d, err := tw.NewDevice(name, cfg)
	require.NoError(tw.t, err)
	in, err := d.Run(ctx)
	return in, err
}

// paidIndices returns, per index, the distributors the bid paid.
func (tw *testWorld) paidIndices(ctx context.Context, bid common.Address) map[uint64][]common.Address {
	tw.t.Helper()
	revs, err := tw.Ledger.Reveals(ctx, bid, 0)
	require.NoError(tw.t, err)
	out := map[uint64][]common.Address{}
	for _, r := range revs {
		out[r.Index] = append(out[r.Index], r.Distributor)
	}
	return out
}
