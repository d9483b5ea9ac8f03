package channel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"

	"github.com/podnet/podnet/impl/store"
)

// DefaultWindow is the device's default look-ahead window: how many counters past its
// own it tries (RFC 4226 section 7.4's resynchronisation parameter s). It absorbs
// passwords the server issued that never reached the device (a lost slot).
const DefaultWindow = 10

// deviceCounter is the device's bucket: key "counter" → the next counter it accepts.
var deviceCounter = store.NewBucket[uint64]("channel/device/counter")

var counterKey = []byte("counter")

// DeviceConfig configures a Device.
type DeviceConfig struct {
	// Key is the HOTP key the device shares with its access server only (≥ MinKeySize
	// bytes).
	Key []byte
	// Digits is the password length (DefaultDigits when zero).
	Digits int
	// Window is the look-ahead window (DefaultWindow when zero).
	Window uint64
	// Hash is the HOTP hash (SHA256 when nil).
	Hash HashFunc
	// Logger receives one line per actuation (slog.Default when nil).
	Logger *slog.Logger
}

// Device is a constrained device: it never talks to the chain and holds no
// blockchain key; it shares an HOTP key with its access server and unlocks one time slot
// per valid one-time password (Device_Actuate). Its counter lives in its store, so a
// restart never makes it accept a password twice.
type Device struct {
	cfg DeviceConfig
	db  *store.DB
}

// NewDevice returns a device over its store db (which it does not own).
func NewDevice(cfg DeviceConfig, db *store.DB) (*Device, error) {
	if len(cfg.Key) < MinKeySize {
		return nil, fmt.Errorf("device: key of %d bytes, want ≥ %d: %w", len(cfg.Key), MinKeySize, ErrBadParameter)
	}
	if db == nil {
		return nil, fmt.Errorf("device: nil store: %w", ErrBadParameter)
	}
	if cfg.Digits == 0 {
		cfg.Digits = DefaultDigits
	}
	if cfg.Digits < MinDigits || cfg.Digits > MaxDigits {
		return nil, fmt.Errorf("device: %d digits: %w", cfg.Digits, ErrBadParameter)
	}
	if cfg.Window == 0 {
		cfg.Window = DefaultWindow
	}
	if cfg.Hash == nil {
		cfg.Hash = SHA256
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cfg.Key = append([]byte(nil), cfg.Key...)
	return &Device{cfg: cfg, db: db}, nil
}

// Counter returns the next counter the device accepts.
func (d *Device) Counter(ctx context.Context) (uint64, error) {
	var c uint64
	err := d.db.View(ctx, func(tx *store.Tx) error {
		v, err := deviceCounter.Get(tx, counterKey)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		c = v
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("device: read counter: %w", err)
	}
	return c, nil
}

// Actuate is Device_Actuate: it accepts otp if it is the HOTP password of a counter c'
// in [c, c+window) where c is the stored counter, stores c'+1 (fsync'd) and only then
// returns the counter it accepted; the caller actuates for one slot. Any other password
// — wrong, already used, or beyond the window — is rejected with ErrInvalidPassword and
// changes nothing.
func (d *Device) Actuate(ctx context.Context, otp uint32) (uint64, error) {
	var accepted uint64
	err := d.db.Update(ctx, func(tx *store.Tx) error {
		c, err := deviceCounter.Get(tx, counterKey)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		for i := uint64(0); i < d.cfg.Window; i++ {
			if c+i == math.MaxUint64 { // counter exhausted: never wrap around
				break
			}
			want, err := HOTP(d.cfg.Hash, d.cfg.Key, c+i, d.cfg.Digits)
			if err != nil {
				return err
			}
			if equalOTP(want, otp) {
				accepted = c + i
				return deviceCounter.Put(tx, counterKey, accepted+1)
			}
		}
		return fmt.Errorf("device: password matches no counter in [%d, %d): %w", c, c+d.cfg.Window, ErrInvalidPassword)
	})
	if err != nil {
		if errors.Is(err, ErrInvalidPassword) {
			return 0, err
		}
		return 0, fmt.Errorf("device: actuate: %w", err)
	}
	d.cfg.Logger.Debug("Device_Actuate", "counter", accepted)
	return accepted, nil
}
