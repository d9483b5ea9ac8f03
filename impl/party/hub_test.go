package party

import (
	"context"
	"crypto/rand"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/store"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
)

// The constrained device signs a delivery only for its vendor's manifest, newer than what
// it runs, verified by the hub; it installs only the image the manifest signs.
func TestLiteDeviceChecks(t *testing.T) {
	ctx := context.Background()
	keys := testKeys(t)
	vendor, err := crypto.GenerateKey()
	require.NoError(t, err)
	image := make([]byte, 30)
	_, _ = rand.Read(image)
	pkg, err := BuildPackage(vendor, testChain, 3, image, keys)
	require.NoError(t, err)
	otherVendor, err := crypto.GenerateKey()
	require.NoError(t, err)
	otherPkg, err := BuildPackage(otherVendor, testChain, 3, image, keys)
	require.NoError(t, err)

	db, err := store.Open(t.TempDir()+"/lite.db", nil)
	require.NoError(t, err)
	defer db.Close()
	host, err := transport.NewNetwork().NewHost("lite")
	require.NoError(t, err)
	defer host.Close()
	devKey, err := crypto.GenerateKey()
	require.NoError(t, err)
	l := NewLiteDevice(Env{Store: db, Host: host}, devKey, LiteDeviceConfig{
		Vendor: crypto.PubkeyToAddress(vendor.PublicKey), ChainID: testChain, FactoryVersion: 1,
	})
	man := &pkg.Index.Manifest
	uid := man.Manifest.UpdateID
	delivery := func() *wire.HubSignRequest {
		return &wire.HubSignRequest{ChainID: testChain, Bid: common.Address{7}, Purpose: wire.PurposeDelivery,
			UpdateID: uid, LockType: suite.LockPoint, Lock: [32]byte{1}, FwVersion: 3, Verified: true}
	}
	signTests := []struct {
		name string
		req  func() *wire.HubSignRequest
		man  *wire.SignedManifest
		want error
	}{
		{"verified delivery of a newer version is signed", delivery, man, nil},
		{"challenge is signed", func() *wire.HubSignRequest {
			return &wire.HubSignRequest{ChainID: testChain, Bid: common.Address{7}, Purpose: wire.PurposeChallenge, Distributor: common.Address{3}}
		}, nil, nil},
		{"hub did not verify", func() *wire.HubSignRequest { r := delivery(); r.Verified = false; return r }, man, ErrProof},
		{"no manifest", delivery, nil, ErrManifest},
		{"manifest of another update", func() *wire.HubSignRequest { r := delivery(); r.UpdateID[0] ^= 1; return r }, man, ErrManifest},
		{"version differs from the manifest", func() *wire.HubSignRequest { r := delivery(); r.FwVersion = 9; return r }, man, ErrManifest},
		{"another chain", func() *wire.HubSignRequest { r := delivery(); r.ChainID = 5; return r }, man, ErrManifest},
	}
	for _, tc := range signTests {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req()
			sig, err := l.sign(ctx, req, tc.man)
			if tc.want != nil {
				require.ErrorIs(t, err, tc.want)
				return
			}
			require.NoError(t, err)
			dg, err := req.Digest()
			require.NoError(t, err)
			who, err := suite.Recover(dg, sig)
			require.NoError(t, err)
			require.Equal(t, l.Address(), who)
		})
	}
	require.ErrorIs(t, l.checkManifest(&otherPkg.Index.Manifest), ErrManifest, "another vendor's manifest")

	installTests := []struct {
		name string
		msg  *wire.HubInstall
		man  *wire.SignedManifest
		want error
	}{
		{"image not the manifest's", &wire.HubInstall{UpdateID: uid, FwVersion: 3, Image: append([]byte{0}, image[1:]...)}, man, ErrImageHash},
		{"no manifest", &wire.HubInstall{UpdateID: uid, FwVersion: 3, Image: image}, nil, ErrManifest},
		{"good image installs", &wire.HubInstall{UpdateID: uid, FwVersion: 3, Image: image}, man, nil},
		{"same version again is a rollback", &wire.HubInstall{UpdateID: uid, FwVersion: 3, Image: image}, man, ErrRollback},
	}
	for _, tc := range installTests {
		t.Run(tc.name, func(t *testing.T) {
			err := l.install(ctx, tc.msg, tc.man)
			if tc.want != nil {
				require.ErrorIs(t, err, tc.want)
				return
			}
			require.NoError(t, err)
			in, err := l.Installed(ctx)
			require.NoError(t, err)
			require.Equal(t, uint64(3), in.Version)
			require.Equal(t, image, in.Image)
		})
	}
	// After installing version 3 a delivery of version 3 is a rollback.
	_, err = l.sign(ctx, delivery(), man)
	require.ErrorIs(t, err, ErrRollback)
}
