package wire

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/podnet/podnet/impl/suite"
)

func TestRoundTripEveryMessage(t *testing.T) {
	for _, m := range sampleMessages() {
		t.Run(m.Type().String(), func(t *testing.T) {
			b, err := Encode(m)
			require.NoError(t, err)
			got, err := Decode(b)
			require.NoError(t, err)
			require.Equal(t, m, got)
			b2, err := Encode(got)
			require.NoError(t, err)
			require.Equal(t, b, b2)
		})
	}
}

// fxDecMode is fxamacker/cbor's strictest decoder: an independent check that our
// encodings are well-formed core-deterministic CBOR.
func fxModes(t *testing.T) (cbor.DecMode, cbor.EncMode) {
	t.Helper()
	dm, err := cbor.DecOptions{DupMapKey: cbor.DupMapKeyEnforcedAPF, IndefLength: cbor.IndefLengthForbidden,
		TagsMd: cbor.TagsForbidden, IntDec: cbor.IntDecConvertNone}.DecMode()
	require.NoError(t, err)
	em, err := cbor.CoreDetEncOptions().EncMode()
	require.NoError(t, err)
	return dm, em
}

// TestEncodingIsCoreDeterministicPerFxamacker re-encodes every message with fxamacker's
// Core Deterministic Encoding and requires identical bytes.
func TestEncodingIsCoreDeterministicPerFxamacker(t *testing.T) {
	dm, em := fxModes(t)
	for _, m := range sampleMessages() {
		b, err := Encode(m)
		require.NoError(t, err)
		var v any
		require.NoError(t, dm.Unmarshal(b, &v), m.Type().String())
		again, err := em.Marshal(v)
		require.NoError(t, err)
		require.Equal(t, hex.EncodeToString(b), hex.EncodeToString(again), m.Type().String())
	}
}

// TestRFC8949AppendixA checks the examples of RFC 8949 Appendix A that are in preferred
// serialisation and inside the podnet profile, and that the profile's exclusions (floats,
// tags, undefined, simple values) are rejected.
func TestRFC8949AppendixA(t *testing.T) {
	_, em := fxModes(t)
	dm, err := cbor.DecOptions{}.DecMode()
	require.NoError(t, err)
	valid := []string{
		"00", "01", "0a", "17", "1818", "1819", "1864", "1903e8", "1a000f4240", "1b000000e8d4a51000",
		"1bffffffffffffffff", "3bffffffffffffffff", "20", "29", "3863", "3903e7",
		"f4", "f5", "40", "4401020304", "60", "6161", "6449455446", "62225c", "62c3bc", "63e6b0b4", "64f0908591",
		"80", "83010203", "8301820203820405",
		"98190102030405060708090a0b0c0d0e0f101112131415161718181819",
		"a0", "a201020304", "a26161016162820203", "826161a161626163",
		"a56161614161626142616361436164614461656145",
	}
	for _, h := range valid {
		t.Run("valid "+h, func(t *testing.T) {
			b, _ := hex.DecodeString(h)
			require.NoError(t, CheckCanonical(b))
			var v any
			require.NoError(t, dm.Unmarshal(b, &v))
			again, err := em.Marshal(v)
			require.NoError(t, err)
			require.Equal(t, h, hex.EncodeToString(again), "fxamacker's deterministic re-encoding")
		})
	}
	unsupported := []string{
		"f90000", "f93c00", "fb3ff199999999999a", "fa47c35000", // floats
		"f7", "f6" + "", "f0", "f818", "f8ff", // undefined, null, simple values
		"c074323031332d30332d32315432303a30343a30305a", "c11a514b67b0", "d74401020304", "c249010000000000000000", // tags
	}
	for _, h := range unsupported {
		t.Run("unsupported "+h, func(t *testing.T) {
			b, _ := hex.DecodeString(h)
			require.ErrorIs(t, CheckCanonical(b), ErrUnsupported)
		})
	}
	// Appendix A's indefinite-length examples are valid CBOR but not deterministic.
	indefinite := []string{
		"5f42010243030405ff", "7f657374726561646d696e67ff", "9fff", "9f018202039f0405ffff",
		"bf61610161629f0203ffff", "bf6346756ef563416d7421ff",
	}
	for _, h := range indefinite {
		t.Run("indefinite "+h, func(t *testing.T) {
			b, _ := hex.DecodeString(h)
			require.ErrorIs(t, CheckCanonical(b), ErrNonCanonical)
		})
	}
}

// TestRFC8949KeyOrdering checks the key order example of RFC 8949 §4.2.1: 10, 100, -1,
// "z", "aa", [100], [-1], false; every swap of two neighbours is rejected.
func TestRFC8949KeyOrdering(t *testing.T) {
	keys := []string{"0a", "1864", "20", "617a", "626161", "811864", "8120", "f4"}
	build := func(ks []string) []byte {
		h := "a8"
		for i, k := range ks {
			h += k + hex.EncodeToString([]byte{byte(i)})
		}
		b, _ := hex.DecodeString(h)
		return b
	}
	require.NoError(t, CheckCanonical(build(keys)))
	for i := 0; i+1 < len(keys); i++ {
		ks := append([]string(nil), keys...)
		ks[i], ks[i+1] = ks[i+1], ks[i]
		require.ErrorIs(t, CheckCanonical(build(ks)), ErrNonCanonical, "swap %d", i)
	}
	dup := append([]string(nil), keys...)
	dup[1] = dup[0]
	require.ErrorIs(t, CheckCanonical(build(dup)), ErrNonCanonical)
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestDecodeRejects covers every typed error with a hand-built input.
func TestDecodeRejects(t *testing.T) {
	addr := "54" + "00000000000000000000000000000000000000b1"
	h32 := "5820" + "aa00000000000000000000000000000000000000000000000000000000000000"
	dev := "54" + "00000000000000000000000000000000000000de"
	// {0:1, 1:1, 2:bid, 3:U_id, 4:device} is a valid UpdateRequest.
	valid := "a5" + "0001" + "0101" + "02" + addr + "03" + h32 + "04" + dev
	_, err := Decode(mustHex(valid))
	require.NoError(t, err)
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"trailing byte", valid + "00", ErrTrailingBytes},
		{"non-shortest version", "a5" + "001801" + "0101" + "02" + addr + "03" + h32 + "04" + dev, ErrNonCanonical},
		{"non-shortest key", "a5" + "0001" + "0101" + "1802" + addr + "03" + h32 + "04" + dev, ErrNonCanonical},
		{"non-shortest map length", "b80005" + "0001" + "0101" + "02" + addr + "03" + h32 + "04" + dev, ErrNonCanonical},
		{"non-shortest byte-string length", "a5" + "0001" + "0101" + "025814" + addr[2:] + "03" + h32 + "04" + dev, ErrNonCanonical},
		{"unsorted keys", "a5" + "0101" + "0001" + "02" + addr + "03" + h32 + "04" + dev, ErrNonCanonical},
		{"duplicate key", "a6" + "0001" + "0101" + "02" + addr + "02" + addr + "03" + h32 + "04" + dev, ErrNonCanonical},
		{"indefinite map", "bf" + "0001" + "0101" + "02" + addr + "03" + h32 + "04" + dev + "ff", ErrNonCanonical},
		{"indefinite byte string", "a5" + "0001" + "0101" + "02" + "5f" + addr + "ff" + "03" + h32 + "04" + dev, ErrNonCanonical},
		{"truncated", valid[:len(valid)-2], ErrMalformed},
		{"empty input", "", ErrMalformed},
		{"not a map", "83010203", ErrMalformed},
		{"text key", "a1" + "6176" + "01", ErrMalformed},
		{"float value", "a2" + "00f93c00" + "0101", ErrUnsupported},
		{"tagged value", "a2" + "00c101" + "0101", ErrUnsupported},
		{"version 2", "a5" + "0002" + "0101" + "02" + addr + "03" + h32 + "04" + dev, ErrUnknownVersion},
		{"version 0", "a5" + "0000" + "0101" + "02" + addr + "03" + h32 + "04" + dev, ErrUnknownVersion},
		{"missing version", "a4" + "0101" + "02" + addr + "03" + h32 + "04" + dev, ErrMissingField},
		{"type 0", "a5" + "0001" + "0100" + "02" + addr + "03" + h32 + "04" + dev, ErrUnknownType},
		{"type 13", "a5" + "0001" + "010d" + "02" + addr + "03" + h32 + "04" + dev, ErrUnknownType},
		{"missing device", "a4" + "0001" + "0101" + "02" + addr + "03" + h32, ErrMissingField},
		{"unknown key 5", "a6" + "0001" + "0101" + "02" + addr + "03" + h32 + "04" + dev + "0500", ErrUnknownField},
		{"19-byte address", "a5" + "0001" + "0101" + "02" + "53" + addr[4:] + "03" + h32 + "04" + dev, ErrBadLength},
		{"address as text", "a5" + "0001" + "0101" + "02" + "74" + addr[2:] + "03" + h32 + "04" + dev, ErrMalformed},
		{"invalid UTF-8 text", "a3" + "0001" + "0106" + "02" + "61ff", ErrMalformed},
		{"deep nesting", "a3" + "0001" + "0101" + "02" + "818181818181818181818100", ErrTooLarge},
		{"huge array count", "a3" + "0001" + "0101" + "02" + "9bffffffffffffffff", ErrMalformed},
		{"reserved info 28", "a2" + "00" + "1c" + "0101", ErrMalformed},
		{"lone break", "ff", ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(mustHex(tc.in))
			require.ErrorIs(t, err, tc.want)
			require.Equal(t, ErrorName(tc.want), ErrorName(err))
		})
	}
}

func TestSizeLimits(t *testing.T) {
	big := make([]byte, MaxMessageSize+1)
	_, err := Decode(big)
	require.ErrorIs(t, err, ErrTooLarge)
	// A Challenge padded with an unknown long field goes over the small-message limit
	// before its fields are looked at.
	c, err := Encode(&Challenge{})
	require.NoError(t, err)
	pad := appendBytes(appendUint(nil, 9), make([]byte, MaxSmallMessage))
	over := append([]byte{c[0] + 1}, c[1:]...)
	over = append(over, pad...)
	_, err = Decode(over)
	require.ErrorIs(t, err, ErrTooLarge)
	// Encode refuses what Decode would refuse.
	_, err = Encode(&BlobChunk{Data: make([]byte, MaxChunkData+1)})
	require.ErrorIs(t, err, ErrTooLarge)
	_, err = Encode(&HubInstall{Image: make([]byte, MaxImageSize+1)})
	require.ErrorIs(t, err, ErrTooLarge)
	_, err = Encode(&Error{Code: CodeBusy, Text: string(make([]byte, MaxErrorText+1))})
	require.ErrorIs(t, err, ErrTooLarge)
}

func TestOfferFieldChecks(t *testing.T) {
	msgs := sampleMessages()
	hashOffer := *(msgs[3].(*Offer))
	pointOffer := *(msgs[4].(*Offer))
	enc := func(o Offer) []byte {
		b, err := Encode(&o)
		require.NoError(t, err)
		return b
	}
	// Replace one field's value in an encoded offer by re-encoding the map by hand.
	replace := func(b []byte, key uint64, val []byte) []byte {
		f, err := parseMap("t", b, decodeConfig{})
		require.NoError(t, err)
		var m mapEnc
		for k, v := range f.vals {
			if k == key {
				v = val
			}
			m.add(k, v)
		}
		if _, ok := f.vals[key]; !ok {
			m.add(key, val)
		}
		return m.encode()
	}
	nBytes := suite.Order().FillBytes(make([]byte, 32))
	offCurve := append(make([]byte, 63), 1)
	g := suite.EncodeG1(pointOffer.S)
	xPlusP := append([]byte(nil), g[:]...)
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"lockType 2", replace(enc(hashOffer), 2, appendUint(nil, 2)), ErrFieldRange},
		{"K in a hash-lock offer", replace(enc(hashOffer), 5, appendBytes(nil, g[:])), ErrUnexpectedField},
		{"c in a hash-lock offer", replace(enc(hashOffer), 6, appendBytes(nil, make([]byte, 32))), ErrUnexpectedField},
		{"33-byte hash lock", replace(enc(hashOffer), 4, appendBytes(nil, make([]byte, 33))), ErrBadLength},
		{"t (key 3) present: it would give the device r", replace(enc(hashOffer), 3, appendBytes(nil, make([]byte, 32))), ErrUnknownField},
		{"ciphertext element = n", replace(enc(hashOffer), 7, func() []byte {
			b := appendHead(nil, majorArray, 1)
			return appendBytes(b, nBytes)
		}()), ErrFieldRange},
		{"ciphertext element of 31 bytes", replace(enc(hashOffer), 7, appendBytes(appendHead(nil, majorArray, 1), make([]byte, 31))), ErrBadLength},
		{"empty ciphertext", replace(enc(hashOffer), 7, appendHead(nil, majorArray, 0)), ErrBadLength},
		{"empty proof", replace(enc(hashOffer), 8, appendBytes(nil, nil)), ErrBadLength},
		{"oversize proof", replace(enc(hashOffer), 8, appendBytes(nil, make([]byte, MaxProofSize+1))), ErrTooLarge},
		{"point lock S off curve", replace(enc(pointOffer), 4, appendBytes(nil, offCurve)), ErrFieldRange},
		{"point lock S at infinity", replace(enc(pointOffer), 4, appendBytes(nil, make([]byte, 64))), ErrFieldRange},
		{"point lock S x + p", replace(enc(pointOffer), 4, func() []byte {
			x := new(bigInt).SetBytes(xPlusP[:32])
			x.Add(x, fpModulus())
			x.FillBytes(xPlusP[:32])
			return appendBytes(nil, xPlusP)
		}()), ErrFieldRange},
		{"point lock c = n", replace(enc(pointOffer), 6, appendBytes(nil, nBytes)), ErrFieldRange},
		{"point lock missing K", func() []byte {
			f, err := parseMap("t", enc(pointOffer), decodeConfig{})
			require.NoError(t, err)
			var m mapEnc
			for k, v := range f.vals {
				if k != 5 {
					m.add(k, v)
				}
			}
			return m.encode()
		}(), ErrMissingField},
		{"point lock 32-byte S", replace(enc(pointOffer), 4, appendBytes(nil, make([]byte, 32))), ErrBadLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(tc.in)
			require.ErrorIs(t, err, tc.want)
		})
	}
	require.Equal(t, suite.PointLock(pointOffer.S), pointOffer.Lock())
	require.Equal(t, hashOffer.HashLock, hashOffer.Lock())
}

func TestPackageIndex(t *testing.T) {
	idx := sampleMessages()[7].(*PackageIndex)
	require.NoError(t, idx.Verify())
	pid, err := PackageID(idx)
	require.NoError(t, err)
	b, err := Encode(idx)
	require.NoError(t, err)
	require.Equal(t, sha256Sum(b), pid)
	tests := []struct {
		name   string
		mutate func(p *PackageIndex)
		want   error
	}{
		{"image hash", func(p *PackageIndex) { p.Components[0].Hash[0] ^= 1 }, ErrManifestMismatch},
		{"image length", func(p *PackageIndex) { p.Components[0].Length++ }, ErrManifestMismatch},
		{"vk hash-lock", func(p *PackageIndex) { p.Components[3].Hash[0] ^= 1 }, ErrManifestMismatch},
		{"vk point-lock", func(p *PackageIndex) { p.Components[4].Hash[0] ^= 1 }, ErrManifestMismatch},
		{"manifest altered", func(p *PackageIndex) { p.Manifest.Manifest.FwVersion++ }, ErrManifestMismatch},
		{"high-s signature", func(p *PackageIndex) { p.Manifest.Signature[32] = 0xff }, suite.ErrHighS},
		{"kinds swapped", func(p *PackageIndex) { p.Components[1], p.Components[2] = p.Components[2], p.Components[1] }, ErrFieldRange},
		{"four components", func(p *PackageIndex) { p.Components = p.Components[:4] }, ErrBadLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := *idx
			c.Components = append([]Component(nil), idx.Components...)
			tc.mutate(&c)
			require.ErrorIs(t, c.Verify(), tc.want)
		})
	}
}

func TestDecodeAsWrongType(t *testing.T) {
	b, err := Encode(&Delivery{})
	require.NoError(t, err)
	_, err = DecodeOffer(b)
	require.ErrorIs(t, err, ErrWrongType)
	d, err := DecodeDelivery(b)
	require.NoError(t, err)
	require.Equal(t, &Delivery{}, d)
}

func TestHubSignRequestDigest(t *testing.T) {
	msgs := sampleMessages()
	ch := msgs[10].(*HubSignRequest)
	dl := msgs[11].(*HubSignRequest)
	d1, err := ch.Digest()
	require.NoError(t, err)
	require.Equal(t, suite.ChallengeDigest(bigU(ch.ChainID), ch.Bid, ch.Nonce, ch.Distributor), d1)
	d2, err := dl.Digest()
	require.NoError(t, err)
	require.Equal(t, suite.DeliveryDigest(bigU(dl.ChainID), dl.Bid, dl.UpdateID, dl.Lock), d2)
	// Delivery fields in a challenge request are rejected.
	b, err := Encode(ch)
	require.NoError(t, err)
	f, err := parseMap("t", b, decodeConfig{})
	require.NoError(t, err)
	var m mapEnc
	for k, v := range f.vals {
		m.add(k, v)
	}
	m.add(9, appendBytes(nil, make([]byte, 32)))
	_, err = Decode(m.encode())
	require.ErrorIs(t, err, ErrUnexpectedField)
}

// TestDecodeNeverPanicsAndRoundTrips: any input either fails with a typed error or decodes
// to a message whose encoding is exactly the input (the canonical-form property).
func TestDecodeNeverPanicsAndRoundTrips(t *testing.T) {
	seeds := make([][]byte, 0)
	for _, m := range sampleMessages() {
		b, _ := Encode(m)
		seeds = append(seeds, b)
	}
	rapid.Check(t, func(rt *rapid.T) {
		b := append([]byte(nil), rapid.SampledFrom(seeds).Draw(rt, "seed")...)
		n := rapid.IntRange(0, 4).Draw(rt, "flips")
		for i := 0; i < n && len(b) > 0; i++ {
			pos := rapid.IntRange(0, len(b)-1).Draw(rt, "pos")
			b[pos] = rapid.Byte().Draw(rt, "byte")
		}
		m, err := Decode(b)
		if err != nil {
			if ErrorName(err) == "Other" {
				rt.Fatalf("untyped error %v", err)
			}
			return
		}
		again, err := Encode(m)
		if err != nil || !bytes.Equal(again, b) {
			rt.Fatalf("accepted input is not canonical: %x vs %x (%v)", b, again, err)
		}
	})
}

func TestErrorNamesDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range errorNames() {
		require.False(t, seen[e.name], e.name)
		seen[e.name] = true
		require.Equal(t, e.name, ErrorName(fmt.Errorf("context: %w", e.err)))
	}
	require.Equal(t, "", ErrorName(nil))
	require.Equal(t, "Other", ErrorName(errors.New("unrelated")))
	// A point defect inside a message is a wire FieldRange first, the suite cause second.
	err := fieldErr("Offer.K", fmt.Errorf("x: %w", suite.ErrNotOnCurve))
	require.Equal(t, "FieldRange", ErrorName(err))
	require.ErrorIs(t, err, suite.ErrNotOnCurve)
}

// TestFirstDefectInEncodingOrder checks that a count which cannot fit in the input does
// not hide an earlier defect of the elements (spec/wire.md §3; found by FuzzCBORCanonical).
func TestFirstDefectInEncodingOrder(t *testing.T) {
	for _, tc := range []struct {
		in   []byte
		want error
	}{
		{[]byte{0x85, 0xc6}, ErrUnsupported},                                         // 5 elements, the first a tag
		{[]byte{0x83, 0x18, 0x00}, ErrNonCanonical},                                  // 3 elements, the first a non-shortest 0
		{[]byte{0x85, 0x01}, ErrMalformed},                                           // 5 elements, input ends after one
		{[]byte{0xbb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, ErrMalformed}, // 2^64-1 pairs, no bytes
	} {
		if err := CheckCanonical(tc.in); !errors.Is(err, tc.want) {
			t.Errorf("% x: err = %v, want %v", tc.in, err, tc.want)
		}
	}
}
