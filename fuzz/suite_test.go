package fuzz

import (
	"testing"
)

// FuzzG1Decode: suite.DecodeG1 against big-integer curve arithmetic (see G1Decode).
func FuzzG1Decode(f *testing.F) {
	addVectors(f, "g1-decode", "point")
	addVectors(f, "point-lock-check", "K")
	addVectors(f, "point-lock-check", "S")
	f.Fuzz(func(t *testing.T, b []byte) { check(t, G1Decode(b)) })
}

// FuzzScalarDecode: suite.DecodeScalar (see ScalarDecode).
func FuzzScalarDecode(f *testing.F) {
	addVectors(f, "scalar-decode", "scalar")
	addVectors(f, "point-lock-check", "c")
	f.Fuzz(func(t *testing.T, b []byte) { check(t, ScalarDecode(b)) })
}

// FuzzRecover: suite.Recover against decred's secp256k1 (see SigRecover).
func FuzzRecover(f *testing.F) {
	tests, err := VectorTests("secp256k1-recover")
	if err != nil {
		f.Fatal(err)
	}
	for _, tc := range tests {
		d, err1 := HexInput(tc.Input["digest"])
		s, err2 := HexInput(tc.Input["signature"])
		if err1 != nil || err2 != nil {
			f.Fatal(err1, err2)
		}
		f.Add(append(d, s...))
	}
	f.Fuzz(func(t *testing.T, b []byte) { check(t, SigRecover(b)) })
}

// FuzzSign: suite.Sign round trips (see SignRecover).
func FuzzSign(f *testing.F) {
	tests, err := VectorTests("secp256k1-sign")
	if err != nil {
		f.Fatal(err)
	}
	for _, tc := range tests {
		k, err1 := HexInput(tc.Input["key"])
		d, err2 := HexInput(tc.Input["digest"])
		if err1 != nil || err2 != nil {
			f.Fatal(err1, err2)
		}
		f.Add(append(k, d...))
	}
	f.Fuzz(func(t *testing.T, b []byte) { check(t, SignRecover(b)) })
}

// FuzzVerifyFleet: suite.VerifyFleet against a real tree (see FleetVerify).
func FuzzVerifyFleet(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{12, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 7, 5, 4, 0})                      // honest, 13 devices
	f.Add([]byte{12, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 7, 5, 4, 0, 0, 1, 2, 1, 2, 3, 5}) // flipped proof
	f.Add([]byte{4, 1, 1, 1, 1, 1, 0, 2, 3, 1, 0, 0})                                         // duplicate addresses
	f.Add([]byte{69})
	f.Fuzz(func(t *testing.T, b []byte) { check(t, FleetVerify(b)) })
}
