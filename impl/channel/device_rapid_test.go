package channel

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"pgregory.net/rapid"
)

// TestDeviceAgainstReference drives the device with random presentations of issued
// passwords (in any order, repeated) and random restarts, and compares each verdict with
// the reference rule of spec/channel.md §5.4: accept p iff c ≤ p < c + w, then c = p + 1.
// Every accepted counter is distinct (no password is ever accepted twice).
func TestDeviceAgainstReference(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	run := 0
	rapid.Check(t, func(rt *rapid.T) {
		run++
		path := filepath.Join(dir, fmt.Sprintf("dev-%d.db", run)) // a fresh device per run
		window := rapid.Uint64Range(1, 4).Draw(rt, "window")
		db, err := openStoreErr(path)
		if err != nil {
			rt.Fatal(err)
		}
		defer func() { _ = db.Close() }()
		dev, err := NewDevice(DeviceConfig{Key: testDeviceKey, Window: window}, db)
		if err != nil {
			rt.Fatal(err)
		}
		var c uint64
		accepted := map[uint64]bool{}
		steps := rapid.IntRange(1, 25).Draw(rt, "steps")
		for i := 0; i < steps; i++ {
			if rapid.IntRange(0, 5).Draw(rt, "restart") == 0 {
				if err := db.Close(); err != nil {
					rt.Fatal(err)
				}
				if db, err = openStoreErr(path); err != nil {
					rt.Fatal(err)
				}
				if dev, err = NewDevice(DeviceConfig{Key: testDeviceKey, Window: window}, db); err != nil {
					rt.Fatal(err)
				}
			}
			p := rapid.Uint64Range(0, 12).Draw(rt, "counter")
			pw, err := HOTP(SHA256, testDeviceKey, p, DefaultDigits)
			if err != nil {
				rt.Fatal(err)
			}
			got, err := dev.Actuate(ctx, pw)
			want := c <= p && p < c+window
			if want {
				if err != nil {
					rt.Fatalf("counter %d, device at %d, window %d: rejected: %v", p, c, window, err)
				}
				if got != p || accepted[p] {
					rt.Fatalf("accepted counter %d (presented %d) twice or wrongly", got, p)
				}
				accepted[p] = true
				c = p + 1
			} else if err == nil {
				// A different counter in the window may share the password (10^-8 odds).
				if got < c || got >= c+window || accepted[got] {
					rt.Fatalf("counter %d, device at %d, window %d: accepted %d", p, c, window, got)
				}
				accepted[got] = true
				c = got + 1
			}
		}
	})
}
