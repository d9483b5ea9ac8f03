package channel

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/podnet/podnet/impl/store"
	"github.com/stretchr/testify/require"
)

var testDeviceKey = []byte("podnet-device-key-0123456789abcd")

func openStore(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(path, nil)
	require.NoError(t, err)
	return db
}

func otp(t *testing.T, counter uint64) uint32 {
	t.Helper()
	p, err := HOTP(SHA256, testDeviceKey, counter, DefaultDigits)
	require.NoError(t, err)
	return p
}

// TestDeviceActuate covers Device_Actuate's checks: the window, single use and the
// counter's persistence.
func TestDeviceActuate(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		window  uint64
		present []uint64 // counters whose passwords are presented, in order
		accept  []bool
		next    uint64 // the device's counter afterwards
	}{
		{"in order", 3, []uint64{0, 1, 2}, []bool{true, true, true}, 3},
		{"replay rejected", 3, []uint64{0, 0}, []bool{true, false}, 1},
		{"older password rejected", 3, []uint64{0, 1, 0}, []bool{true, true, false}, 2},
		{"look-ahead skips lost passwords", 3, []uint64{2, 3}, []bool{true, true}, 4},
		{"skipped passwords become void", 3, []uint64{2, 0, 1}, []bool{true, false, false}, 3},
		{"beyond the window rejected", 3, []uint64{3}, []bool{false}, 0},
		{"window edge accepted", 3, []uint64{2}, []bool{true}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openStore(t, filepath.Join(t.TempDir(), "dev.db"))
			defer db.Close()
			d, err := NewDevice(DeviceConfig{Key: testDeviceKey, Window: tc.window}, db)
			require.NoError(t, err)
			for i, c := range tc.present {
				got, err := d.Actuate(ctx, otp(t, c))
				if tc.accept[i] {
					require.NoError(t, err, "password %d (counter %d)", i, c)
					require.Equal(t, c, got)
				} else {
					require.ErrorIs(t, err, ErrInvalidPassword, "password %d (counter %d)", i, c)
				}
			}
			next, err := d.Counter(ctx)
			require.NoError(t, err)
			require.Equal(t, tc.next, next)
		})
	}
}

// TestDeviceWrongKey: a password under another key is rejected.
func TestDeviceWrongKey(t *testing.T) {
	ctx := context.Background()
	db := openStore(t, filepath.Join(t.TempDir(), "dev.db"))
	defer db.Close()
	d, err := NewDevice(DeviceConfig{Key: testDeviceKey}, db)
	require.NoError(t, err)
	other, err := HOTP(SHA256, []byte("another-key-of-32-bytes-00000000"), 0, DefaultDigits)
	require.NoError(t, err)
	if other == otp(t, 0) {
		t.Skip("colliding passwords")
	}
	_, err = d.Actuate(ctx, other)
	require.ErrorIs(t, err, ErrInvalidPassword)
}

// TestDeviceRestartNoReplay restarts the device from its store and replays a password
// it accepted before the restart: rejected.
func TestDeviceRestartNoReplay(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dev.db")
	db := openStore(t, path)
	d, err := NewDevice(DeviceConfig{Key: testDeviceKey}, db)
	require.NoError(t, err)
	for c := uint64(0); c < 3; c++ {
		_, err := d.Actuate(ctx, otp(t, c))
		require.NoError(t, err)
	}
	require.NoError(t, db.Close())

	db = openStore(t, path)
	defer db.Close()
	d, err = NewDevice(DeviceConfig{Key: testDeviceKey}, db)
	require.NoError(t, err)
	for c := uint64(0); c < 3; c++ {
		_, err := d.Actuate(ctx, otp(t, c))
		require.ErrorIs(t, err, ErrInvalidPassword, "replayed counter %d after restart", c)
	}
	got, err := d.Actuate(ctx, otp(t, 3))
	require.NoError(t, err)
	require.Equal(t, uint64(3), got)
}

func TestNewDeviceBadConfig(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "dev.db"))
	defer db.Close()
	tests := []struct {
		name string
		cfg  DeviceConfig
		db   *store.DB
	}{
		{"short key", DeviceConfig{Key: []byte("short")}, db},
		{"bad digits", DeviceConfig{Key: testDeviceKey, Digits: 4}, db},
		{"nil store", DeviceConfig{Key: testDeviceKey}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewDevice(tc.cfg, tc.db)
			require.ErrorIs(t, err, ErrBadParameter)
		})
	}
}

func openStoreErr(path string) (*store.DB, error) { return store.Open(path, nil) }
