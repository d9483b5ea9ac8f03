package fuzz

import (
	"testing"
)

// FuzzFirmwareDecode: firmware.Decode against the spec's conditions (see FirmwareDecode).
func FuzzFirmwareDecode(f *testing.F) {
	tests, err := VectorTests("firmware-decode")
	if err != nil {
		f.Fatal(err)
	}
	for _, tc := range tests {
		// The vectors' element vectors, re-expressed in this target's layout.
		b, err := HexInput(tc.Input["elements"])
		if err != nil {
			f.Fatal(err)
		}
		k := len(b) / 32
		idx := len(firmwareCounts) - 1
		for j, c := range firmwareCounts {
			if c == k {
				idx = j
			}
		}
		seed := []byte{0, byte(idx)}
		if k > 0 {
			seed = append(seed, b[30], b[31], 0)
			seed = append(seed, b[32:]...)
		}
		f.Add(seed)
	}
	f.Add(append([]byte{1}, "podnet"...))
	f.Add(append([]byte{1}, make([]byte, 1000)...))
	f.Fuzz(func(t *testing.T, b []byte) { check(t, FirmwareDecode(b)) })
}
