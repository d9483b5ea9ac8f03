package channel

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHOTPRFC4226 drives HOTP with RFC 4226 Appendix D's HMAC-SHA-1 vectors.
func TestHOTPRFC4226(t *testing.T) {
	key := []byte("12345678901234567890")
	want := []string{"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"}
	for c, w := range want {
		got, err := HOTP(SHA1, key, uint64(c), 6)
		require.NoError(t, err)
		require.Equal(t, w, FormatOTP(got, 6), "counter %d", c)
	}
}

// TestHOTPRFC6238SHA256 drives HOTP with counter = floor(T/30) against RFC 6238
// Appendix B's HMAC-SHA-256 TOTP vectors (8 digits, 32-byte key).
func TestHOTPRFC6238SHA256(t *testing.T) {
	key := []byte("12345678901234567890123456789012")
	tests := []struct {
		time uint64
		want string
	}{
		{59, "46119246"},
		{1111111109, "68084774"},
		{1111111111, "67062674"},
		{1234567890, "91819424"},
		{2000000000, "90698825"},
		{20000000000, "77737706"},
	}
	for _, tc := range tests {
		got, err := HOTP(SHA256, key, tc.time/30, 8)
		require.NoError(t, err)
		require.Equal(t, tc.want, FormatOTP(got, 8), "T=%d", tc.time)
	}
}

func TestHOTPBadParameters(t *testing.T) {
	tests := []struct {
		name   string
		h      HashFunc
		digits int
	}{
		{"too few digits", SHA256, 5},
		{"too many digits", SHA256, 10},
		{"nil hash", nil, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := HOTP(tc.h, []byte("k"), 0, tc.digits)
			require.True(t, errors.Is(err, ErrBadParameter), "got %v", err)
		})
	}
}
