package fuzz

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"reflect"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/wire"
)

func (r *reader) hash() [32]byte {
	var out [32]byte
	copy(out[:], r.bytes(32))
	return out
}

// PackageMutation checks the signed manifest and the package index (Distributor_Fetch,
// spec/wire.md "The package and P_id") against edits of a genuine index. The input
// chooses the manifest's fields, whether the signer is the vendor or another key that
// claims the vendor's address, and up to 8 byte edits (flip, insert, delete) of the
// encoded index. Invariants:
//   - the genuine index encodes, decodes to itself, and Verify accepts it exactly when the
//     vendor signed it (ManifestMismatch otherwise);
//   - every edited encoding satisfies WireDecode's invariants;
//   - an edited index that Verify accepts has the genuine signed manifest, image and
//     verifying-key components (only the proving-key components, which the manifest does
//     not cover, may differ) and its P_id is the SHA-256 of its bytes.
func PackageMutation(data []byte) error {
	in := newReader(data)
	m := suite.Manifest{
		ChainID: in.uint64(), FwVersion: in.uint64(), UpdateID: in.hash(), ImageSHA256: in.hash(),
		ImageLength: in.uint64(), SizeClass: uint32(in.uint64()), VKHashHashlock: in.hash(), VKHashPointlock: in.hash(),
	}
	forged := in.byte()%8 == 0
	signer := vendorKey
	if forged {
		signer = testKey("forger")
	}
	sm, err := SignedManifestFor(signer, m)
	if err != nil {
		return err
	}
	sm.Manifest.Vendor = crypto.PubkeyToAddress(vendorKey.PublicKey)
	idx := PackageIndexFor(sm, in.hash(), in.hash())
	enc, err := wire.Encode(idx)
	if err != nil {
		return violated("a genuine package index does not encode: %v", err)
	}
	got, err := wire.DecodePackageIndex(enc)
	if err != nil || !reflect.DeepEqual(got, idx) {
		return violated("a genuine package index does not round-trip: %v", err)
	}
	verr := got.Verify()
	switch {
	case forged && !errors.Is(verr, wire.ErrManifestMismatch):
		return violated("Verify of a manifest signed by another key: %v, want ManifestMismatch", verr)
	case !forged && verr != nil:
		return violated("Verify rejects a genuine index: %v", verr)
	}

	mut := append([]byte(nil), enc...)
	for k := in.byte() % 9; k > 0 && len(mut) > 0; k-- {
		pos := int(in.byte())<<8 | int(in.byte())
		pos %= len(mut)
		switch in.byte() % 4 {
		case 0, 1:
			mut[pos] ^= in.byte() | 1
		case 2:
			mut = append(mut[:pos], append([]byte{in.byte()}, mut[pos:]...)...)
		case 3:
			mut = append(mut[:pos], mut[pos+1:]...)
		}
	}
	if err := WireDecode(mut); err != nil {
		return err
	}
	x, err := wire.DecodePackageIndex(mut)
	if err != nil || x.Verify() != nil {
		return nil
	}
	if forged {
		return violated("an edit of a forged index verifies: %x", mut)
	}
	if x.Manifest != idx.Manifest {
		return violated("Verify accepts an edited signed manifest: %+v", x.Manifest)
	}
	for _, k := range []wire.ComponentKind{wire.ComponentImage, wire.ComponentVerifyingKeyHashlock, wire.ComponentVerifyingKeyPointlock} {
		if x.Components[k].Hash != idx.Components[k].Hash {
			return violated("Verify accepts an edited component %d: %+v", k, x.Components[k])
		}
	}
	if pid, err := wire.PackageID(x); err != nil || pid != sha256.Sum256(mut) || (pid == sha256.Sum256(enc)) != bytes.Equal(mut, enc) {
		return violated("P_id of an edited index: %x, %v", pid, err)
	}
	return nil
}
