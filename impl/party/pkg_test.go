package party

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"maps"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
)

// Distributor_Fetch's checks (VerifyPackage), each on its own defect.
func TestVerifyPackage(t *testing.T) {
	keys := testKeys(t)
	vendor, err := crypto.GenerateKey()
	require.NoError(t, err)
	image := make([]byte, 50)
	_, _ = rand.Read(image)
	pkg, err := BuildPackage(vendor, testChain, 4, image, keys)
	require.NoError(t, err)
	va := crypto.PubkeyToAddress(vendor.PublicKey)
	uid := pkg.Index.Manifest.Manifest.UpdateID
	other, err := crypto.GenerateKey()
	require.NoError(t, err)

	// reindex re-encodes an edited index and returns the package under its new P_id.
	reindex := func(p *Package, idx *wire.PackageIndex) *Package {
		raw, err := wire.Encode(idx)
		require.NoError(t, err)
		id := sha256.Sum256(raw)
		blobs := maps.Clone(p.blobs)
		blobs[id] = raw
		return &Package{Index: idx, ID: id, blobs: blobs}
	}
	cloneIdx := func() *wire.PackageIndex {
		c := *pkg.Index
		c.Components = append([]wire.Component(nil), pkg.Index.Components...)
		return &c
	}
	tests := []struct {
		name   string
		build  func() (*Package, [32]byte, common.Address, [32]byte)
		want   error
		wantOK bool
	}{
		{"honest package", func() (*Package, [32]byte, common.Address, [32]byte) { return pkg, pkg.ID, va, uid }, nil, true},
		{"index is not P_id", func() (*Package, [32]byte, common.Address, [32]byte) {
			return pkg, [32]byte{1}, va, uid
		}, ErrPackage, false},
		{"another vendor's bid", func() (*Package, [32]byte, common.Address, [32]byte) {
			return pkg, pkg.ID, crypto.PubkeyToAddress(other.PublicKey), uid
		}, ErrManifest, false},
		{"bid for another update", func() (*Package, [32]byte, common.Address, [32]byte) {
			u := uid
			u[0] ^= 1
			return pkg, pkg.ID, va, u
		}, ErrManifest, false},
		{"manifest re-signed by another key", func() (*Package, [32]byte, common.Address, [32]byte) {
			idx := cloneIdx()
			idx.Manifest.Signature, _ = suite.Sign(other, suite.ManifestDigest(idx.Manifest.Manifest))
			p := reindex(pkg, idx)
			return p, p.ID, va, uid
		}, ErrManifest, false},
		{"verifying key component not the manifest's", func() (*Package, [32]byte, common.Address, [32]byte) {
			idx := cloneIdx()
			idx.Components[wire.ComponentVerifyingKeyPointlock].Hash[0] ^= 1
			p := reindex(pkg, idx)
			return p, p.ID, va, uid
		}, ErrPackage, false},
		{"corrupt proving key blob", func() (*Package, [32]byte, common.Address, [32]byte) {
			p := &Package{Index: pkg.Index, ID: pkg.ID, blobs: maps.Clone(pkg.blobs)}
			h := pkg.Index.Components[wire.ComponentProvingKeyHashlock].Hash
			b := bytes.Clone(p.blobs[h])
			b[len(b)-1] ^= 1
			p.blobs[h] = b
			return p, p.ID, va, uid
		}, ErrPackage, false},
		{"image that does not encode to U_id", func() (*Package, [32]byte, common.Address, [32]byte) {
			// a vendor-signed manifest whose U_id is not the image's
			idx := cloneIdx()
			idx.Manifest.Manifest.UpdateID[0] ^= 1
			idx.Manifest.Signature, _ = suite.Sign(vendor, suite.ManifestDigest(idx.Manifest.Manifest))
			p := reindex(pkg, idx)
			return p, p.ID, va, idx.Manifest.Manifest.UpdateID
		}, ErrUpdateID, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, pid, vendorAddr, u := tc.build()
			err := VerifyPackage(p, pid, vendorAddr, testChain, u)
			if tc.wantOK {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
	require.ErrorIs(t, VerifyPackage(pkg, pkg.ID, va, testChain+1, uid), ErrManifest, "another chain")
}

// FetchPackage over the blob protocol returns the served package, and a server that
// serves other bytes is caught by the content hash.
func TestFetchPackage(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	keys := testKeys(t)
	vendor, err := crypto.GenerateKey()
	require.NoError(t, err)
	pkg, err := BuildPackage(vendor, testChain, 4, []byte("firmware"), keys)
	require.NoError(t, err)
	n := transport.NewNetwork()
	srv, err := n.NewHost("srv")
	require.NoError(t, err)
	cli, err := n.NewHost("cli")
	require.NoError(t, err)
	defer srv.Close()
	defer cli.Close()
	log := testLog()
	srv.SetStreamHandler(transport.ProtoBlob, func(s transport.Stream) { ServeBlobs(ctx, log, s, pkg.Blob, transport.Limits{}) })
	got, err := FetchPackage(ctx, cli, "srv", pkg.ID)
	require.NoError(t, err)
	require.NoError(t, VerifyPackage(got, pkg.ID, crypto.PubkeyToAddress(vendor.PublicKey), testChain, pkg.Index.Manifest.Manifest.UpdateID))
	require.Equal(t, pkg.Image(), got.Image())

	// A server that flips a byte of the image.
	evil := func(h [32]byte) ([]byte, bool) {
		b, ok := pkg.Blob(h)
		if ok && h == pkg.Index.Components[wire.ComponentImage].Hash {
			b = append([]byte{b[0] ^ 1}, b[1:]...)
		}
		return b, ok
	}
	srv.SetStreamHandler(transport.ProtoBlob, func(s transport.Stream) { ServeBlobs(ctx, log, s, evil, transport.Limits{}) })
	_, err = FetchPackage(ctx, cli, "srv", pkg.ID)
	require.ErrorIs(t, err, ErrPackage)
}
