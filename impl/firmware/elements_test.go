package firmware

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestElementsRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := randElems(t, "e", rapid.IntRange(0, 20).Draw(t, "n"))
		b := MarshalElements(e)
		back, err := UnmarshalElements(b)
		require.NoError(t, err)
		require.Equal(t, len(e), len(back))
		require.True(t, bytes.Equal(b, MarshalElements(back)))
	})
}

func TestUnmarshalElementsRejects(t *testing.T) {
	modulus := []byte{0x30, 0x64, 0x4e, 0x72, 0xe1, 0x31, 0xa0, 0x29, 0xb8, 0x50, 0x45, 0xb6, 0x81, 0x81, 0x58, 0x5d,
		0x28, 0x33, 0xe8, 0x48, 0x79, 0xb9, 0x70, 0x91, 0x43, 0xe1, 0xf5, 0x93, 0xf0, 0x00, 0x00, 0x01}
	tests := []struct {
		name string
		b    []byte
	}{
		{"short", make([]byte, 31)},
		{"trailing", make([]byte, 33)},
		{"equal to n", modulus},
		{"all ones", bytes.Repeat([]byte{0xff}, 32)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := UnmarshalElements(tc.b)
			require.ErrorIs(t, err, ErrBadElements)
		})
	}
	got, err := UnmarshalElements(nil)
	require.NoError(t, err)
	require.Empty(t, got)
}
