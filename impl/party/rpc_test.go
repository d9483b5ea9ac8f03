package party

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/chain"
)

// gethDevKey is geth --dev's deterministic developer key (go-ethereum cmd/utils).
const gethDevKey = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// TestEndToEndRPC runs the demo's scenario, in both modes and through a hub, against a
// real node (scripts/test-geth.sh starts `geth --dev` and sets PODNET_RPC).
func TestEndToEndRPC(t *testing.T) {
	url := os.Getenv("PODNET_RPC")
	if url == "" {
		t.Skip("PODNET_RPC not set (make test-geth sets it)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	testKeys(t) // fill the key store for the 64 B class
	key, err := crypto.HexToECDSA(gethDevKey)
	require.NoError(t, err)
	rc, err := chain.Dial(ctx, url, key)
	require.NoError(t, err)
	defer rc.Close()
	dir := os.Getenv("PODNET_KEYS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "podnet-keys")
	}
	sum, err := RunDemo(ctx, DemoOptions{
		Chain: rc, Funder: key, ImageSize: 40, Devices: 5, Hub: 2, Paper: 2, Offline: 1, Distributors: 2,
		KeyDir: dir, Dir: t.TempDir(), Expiry: 40 * time.Second, Log: testLog(),
	})
	require.NoError(t, err)
	require.Equal(t, sum.DevicesTotal, sum.DevicesUpdated)
	require.Zero(t, sum.DoublePayments)
	require.True(t, sum.Balanced)
	require.NotEqual(t, "0", sum.RefundedWei, "the offline devices' share comes back")
	t.Logf("over JSON-RPC (%s): %d/%d devices, %d claims paid, refunded %s wei", sum.Fork, sum.DevicesUpdated, sum.DevicesTotal, sum.ClaimsPaid, sum.RefundedWei)
}

// TestDemoEmbedded runs the demo's scenario (RunDemo), scaled down, on the embedded chain:
// both modes, a hub with one device in each bid, batched and single claims, expiry and
// withdrawal; RunDemo itself fails unless every device runs the exact image, nobody is paid
// twice and paid + refunded = deposit.
func TestDemoEmbedded(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	testKeys(t)
	dir := os.Getenv("PODNET_KEYS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "podnet-keys")
	}
	sum, err := RunDemo(ctx, DemoOptions{
		ImageSize: 40, Devices: 5, Hub: 2, Paper: 2, Offline: 1, Distributors: 2, KeyDir: dir, Dir: t.TempDir(), Log: testLog(),
	})
	require.NoError(t, err)
	require.Equal(t, 5, sum.DevicesTotal)
	require.Equal(t, 5, sum.DevicesUpdated, "every device runs the exact image")
	require.Equal(t, 2, sum.DevicesViaHub)
	require.Equal(t, 5, sum.ClaimsPaid)
	require.Zero(t, sum.DoublePayments)
	require.True(t, sum.Balanced)
	require.Equal(t, "2000000000000000", sum.RefundedWei, "one offline device per bid")
	served := 0
	for _, d := range sum.Distributors {
		served += d.Paid
	}
	require.Equal(t, 5, served)
}
