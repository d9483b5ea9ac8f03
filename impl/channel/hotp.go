package channel

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // RFC 4226's own test vectors use HMAC-SHA-1.
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"fmt"
	"hash"
)

// HOTP parameters (spec/channel.md, "One-time passwords").
const (
	// MinDigits and MaxDigits bound the length of a password: RFC 4226 section 5.3
	// requires at least 6 digits; 9 is the most a 31-bit truncation can fill evenly.
	MinDigits = 6
	// MaxDigits is the longest password (RFC 6238's SHA-256 vectors use 8).
	MaxDigits = 9
	// DefaultDigits is the password length podnet uses.
	DefaultDigits = 8
	// MinKeySize is the shortest shared key (RFC 4226 section 4, R6: 128 bits, 160
	// recommended).
	MinKeySize = 16
)

// HashFunc builds the hash underlying the HMAC of an OTP: sha256.New in podnet (as in
// the paper), sha1.New for RFC 4226's own vectors.
type HashFunc func() hash.Hash

// SHA256 is podnet's OTP hash (HMAC-SHA-256, the paper's choice).
func SHA256() hash.Hash { return sha256.New() }

// SHA1 is RFC 4226's HMAC-SHA-1, kept for the RFC's test vectors.
func SHA1() hash.Hash { return sha1.New() } //nolint:gosec // RFC 4226 vectors.

var pow10 = [...]uint32{1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000}

// HOTP computes the RFC 4226 one-time password of counter under key: HMAC(key,
// uint64be(counter)) with the hash h, dynamic truncation (RFC 4226 section 5.3) to 31
// bits, reduced modulo 10^digits. RFC 6238's TOTP is HOTP with counter = floor(T/30).
func HOTP(h HashFunc, key []byte, counter uint64, digits int) (uint32, error) {
	if digits < MinDigits || digits > MaxDigits {
		return 0, fmt.Errorf("hotp: %d digits, want %d..%d: %w", digits, MinDigits, MaxDigits, ErrBadParameter)
	}
	if h == nil {
		return 0, fmt.Errorf("hotp: nil hash: %w", ErrBadParameter)
	}
	mac := hmac.New(h, key)
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := int(sum[len(sum)-1] & 0x0f)
	bin := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	return bin % pow10[digits], nil
}

// FormatOTP writes a password with its leading zeros, as RFC 4226 Appendix C does.
func FormatOTP(otp uint32, digits int) string { return fmt.Sprintf("%0*d", digits, otp) }

// equalOTP compares two passwords in constant time.
func equalOTP(a, b uint32) bool {
	var x, y [4]byte
	binary.BigEndian.PutUint32(x[:], a)
	binary.BigEndian.PutUint32(y[:], b)
	return subtle.ConstantTimeCompare(x[:], y[:]) == 1
}
