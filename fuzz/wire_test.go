package fuzz

import (
	"testing"

	"github.com/podnet/podnet/impl/wire"
)

// FuzzWireDecode: wire.Decode on any bytes (see WireDecode).
func FuzzWireDecode(f *testing.F) {
	addMessages(f)
	addVectors(f, "cbor-canonical", "cbor")
	f.Fuzz(func(t *testing.T, b []byte) { check(t, WireDecode(b)) })
}

// fuzzTyped runs WireDecodeAs for one message type.
func fuzzTyped(f *testing.F, typ wire.MsgType) {
	addMessages(f)
	f.Fuzz(func(t *testing.T, b []byte) { check(t, WireDecodeAs(typ, b)) })
}

// FuzzDecodeUpdateRequest: wire.DecodeUpdateRequest (see WireDecodeAs).
func FuzzDecodeUpdateRequest(f *testing.F) { fuzzTyped(f, wire.TypeUpdateRequest) }

// FuzzDecodeChallenge: wire.DecodeChallenge.
func FuzzDecodeChallenge(f *testing.F) { fuzzTyped(f, wire.TypeChallenge) }

// FuzzDecodeChallengeResponse: wire.DecodeChallengeResponse.
func FuzzDecodeChallengeResponse(f *testing.F) { fuzzTyped(f, wire.TypeChallengeResponse) }

// FuzzDecodeOffer: wire.DecodeOffer (both lock types, the embedded signed manifest).
func FuzzDecodeOffer(f *testing.F) { fuzzTyped(f, wire.TypeOffer) }

// FuzzDecodeDelivery: wire.DecodeDelivery.
func FuzzDecodeDelivery(f *testing.F) { fuzzTyped(f, wire.TypeDelivery) }

// FuzzDecodeError: wire.DecodeError.
func FuzzDecodeError(f *testing.F) { fuzzTyped(f, wire.TypeError) }

// FuzzDecodePackageIndex: wire.DecodePackageIndex (the package and its signed manifest).
func FuzzDecodePackageIndex(f *testing.F) { fuzzTyped(f, wire.TypePackageIndex) }

// FuzzDecodeBlobRequest: wire.DecodeBlobRequest.
func FuzzDecodeBlobRequest(f *testing.F) { fuzzTyped(f, wire.TypeBlobRequest) }

// FuzzDecodeBlobChunk: wire.DecodeBlobChunk.
func FuzzDecodeBlobChunk(f *testing.F) { fuzzTyped(f, wire.TypeBlobChunk) }

// FuzzDecodeHubSignRequest: wire.DecodeHubSignRequest (both purposes).
func FuzzDecodeHubSignRequest(f *testing.F) { fuzzTyped(f, wire.TypeHubSignRequest) }

// FuzzDecodeHubSignResponse: wire.DecodeHubSignResponse.
func FuzzDecodeHubSignResponse(f *testing.F) { fuzzTyped(f, wire.TypeHubSignResponse) }

// FuzzDecodeHubInstall: wire.DecodeHubInstall.
func FuzzDecodeHubInstall(f *testing.F) { fuzzTyped(f, wire.TypeHubInstall) }

// FuzzPackageMutation: edits of a genuine signed package index (see PackageMutation).
func FuzzPackageMutation(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("genuine package, vendor-signed, no edits"))
	seed := make([]byte, 8+8+32+32+8+8+32+32+1+64)
	for i := range seed {
		seed[i] = byte(i * 7)
	}
	f.Add(append(append([]byte{}, seed...), 3, 0, 40, 0, 0x10, 0, 200, 1, 0x20, 3))
	seed[8+8+32+32+8+8+32+32] = 0 // forged signer
	f.Add(seed)
	f.Fuzz(func(t *testing.T, b []byte) { check(t, PackageMutation(b)) })
}
