package party

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
	"github.com/podnet/podnet/impl/zk"
)

// Package is an update package P (spec/pod.md §3): the package index, whose SHA-256 is
// P_id, and the component blobs it lists (image, proving and verifying keys of both
// modes), addressed by SHA-256.
type Package struct {
	// Index is the package index.
	Index *wire.PackageIndex
	// ID is P_id.
	ID [32]byte
	// blobs holds the encoded index and every component, by SHA-256.
	blobs map[[32]byte][]byte
}

// Manifest returns the signed manifest.
func (p *Package) Manifest() *wire.SignedManifest { return &p.Index.Manifest }

// Blob returns the blob with SHA-256 h.
func (p *Package) Blob(h [32]byte) ([]byte, bool) {
	b, ok := p.blobs[h]
	return b, ok
}

// Component returns the bytes of a component.
func (p *Package) Component(k wire.ComponentKind) []byte {
	c, ok := p.Index.Component(k)
	if !ok {
		return nil
	}
	return p.blobs[c.Hash]
}

// Image returns the firmware image.
func (p *Package) Image() []byte { return p.Component(wire.ComponentImage) }

// Class returns the size class of the manifest.
func (p *Package) Class() (firmware.Class, error) {
	c, err := firmware.ClassFor(int(p.Index.Manifest.Manifest.SizeClass))
	if err != nil || c.Bytes != int(p.Index.Manifest.Manifest.SizeClass) {
		return firmware.Class{}, fmt.Errorf("%w: no size class of %d bytes", ErrPackage, p.Index.Manifest.Manifest.SizeClass)
	}
	return c, nil
}

// Elements returns the encoded image (suite.md §1).
func (p *Package) Elements() ([]fr.Element, error) {
	c, err := p.Class()
	if err != nil {
		return nil, err
	}
	el, err := firmware.Encode(p.Image(), c)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrPackage, err)
	}
	return el, nil
}

func modeComponents(m zk.Mode) (pk, vk wire.ComponentKind) {
	if m == zk.PointLock {
		return wire.ComponentProvingKeyPointlock, wire.ComponentVerifyingKeyPointlock
	}
	return wire.ComponentProvingKeyHashlock, wire.ComponentVerifyingKeyHashlock
}

// KeySet holds the Groth16 keys of both modes for one size class, as the vendor's setup
// produced them.
type KeySet map[zk.Mode]*zk.Keys

// BuildPackage is the packaging part of Vendor_Publish: it signs the manifest for
// image (encoded in the smallest class that holds it) with the vendor's key and builds
// the package index and blobs. keys must hold both modes for that class.
func BuildPackage(vendorKey *ecdsa.PrivateKey, chainID uint64, version uint64, image []byte, keys KeySet) (*Package, error) {
	class, err := firmware.ClassFor(len(image))
	if err != nil {
		return nil, fmt.Errorf("party: build package: %w", err)
	}
	elems, err := firmware.Encode(image, class)
	if err != nil {
		return nil, fmt.Errorf("party: build package: %w", err)
	}
	blobs := map[[32]byte][]byte{}
	comps := make([]wire.Component, wire.NumComponents)
	put := func(kind wire.ComponentKind, b []byte) [32]byte {
		h := sha256.Sum256(b)
		blobs[h] = b
		comps[kind] = wire.Component{Kind: kind, Hash: h, Length: uint64(len(b))}
		return h
	}
	put(wire.ComponentImage, image)
	var vkHash [2][32]byte
	for _, m := range zk.Modes() {
		k, ok := keys[m]
		if !ok || k == nil || k.PK == nil || k.VK == nil {
			return nil, fmt.Errorf("party: build package: no %s keys", m)
		}
		if k.PK.Class != class || k.VK.Class != class || k.PK.Mode != m || k.VK.Mode != m {
			return nil, fmt.Errorf("party: build package: %s keys are for %s/%s, image needs %s", m, k.PK.Mode, k.PK.Class, class)
		}
		var pkBuf bytes.Buffer
		if _, err := k.PK.WriteTo(&pkBuf); err != nil {
			return nil, fmt.Errorf("party: build package: %w", err)
		}
		vkBytes, err := k.VK.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("party: build package: %w", err)
		}
		pkKind, vkKind := modeComponents(m)
		put(pkKind, pkBuf.Bytes())
		vkHash[m] = put(vkKind, vkBytes)
	}
	man := suite.Manifest{
		ChainID:         chainID,
		Vendor:          addressOf(vendorKey),
		FwVersion:       version,
		UpdateID:        firmware.UpdateID(elems),
		ImageSHA256:     sha256.Sum256(image),
		ImageLength:     uint64(len(image)),
		SizeClass:       uint32(class.Bytes),
		VKHashHashlock:  vkHash[zk.HashLock],
		VKHashPointlock: vkHash[zk.PointLock],
	}
	sig, err := suite.Sign(vendorKey, suite.ManifestDigest(man))
	if err != nil {
		return nil, fmt.Errorf("party: sign manifest: %w", err)
	}
	idx := &wire.PackageIndex{Manifest: wire.SignedManifest{Manifest: man, Signature: sig}, Components: comps}
	raw, err := wire.Encode(idx)
	if err != nil {
		return nil, fmt.Errorf("party: encode package index: %w", err)
	}
	id := sha256.Sum256(raw)
	blobs[id] = raw
	return &Package{Index: idx, ID: id, blobs: blobs}, nil
}

// CheckManifest checks a signed manifest against what a party expects (spec/pod.md
// Distributor_Fetch 2–3, Device_Commit 1): the signature is the vendor's, for this
// chain, and names updateID.
func CheckManifest(sm *wire.SignedManifest, vendor common.Address, chainID uint64, updateID [32]byte) error {
	if err := sm.Verify(); err != nil {
		return fmt.Errorf("%w: %w", ErrManifest, err)
	}
	m := sm.Manifest
	if m.Vendor != vendor {
		return fmt.Errorf("%w: signed by %s, want vendor %s", ErrManifest, m.Vendor, vendor)
	}
	if m.ChainID != chainID {
		return fmt.Errorf("%w: chain %d, want %d", ErrManifest, m.ChainID, chainID)
	}
	if m.UpdateID != updateID {
		return fmt.Errorf("%w: U_id %x, bid has %x", ErrManifest, m.UpdateID, updateID)
	}
	return nil
}

// VerifyPackage runs Distributor_Fetch's checks, in the order of spec/pod.md, on a
// package fetched for a bid: P_id, the manifest (vendor, chain, U_id), the verifying
// keys against the manifest, and the image (SHA-256 and U_id of its encoding).
func VerifyPackage(p *Package, pid [32]byte, vendor common.Address, chainID uint64, updateID [32]byte) error {
	raw, ok := p.blobs[pid]
	if !ok || sha256.Sum256(raw) != pid || p.ID != pid {
		return fmt.Errorf("%w: index does not hash to P_id", ErrPackage)
	}
	if err := CheckManifest(&p.Index.Manifest, vendor, chainID, updateID); err != nil {
		return err
	}
	if err := p.Index.Verify(); err != nil {
		return fmt.Errorf("%w: %w", ErrPackage, err)
	}
	for _, c := range p.Index.Components {
		b, ok := p.blobs[c.Hash]
		if !ok || uint64(len(b)) != c.Length || sha256.Sum256(b) != c.Hash {
			return fmt.Errorf("%w: component %d missing or corrupt", ErrPackage, c.Kind)
		}
	}
	man := p.Index.Manifest.Manifest
	elems, err := p.Elements()
	if err != nil {
		return err
	}
	if firmware.UpdateID(elems) != man.UpdateID {
		return fmt.Errorf("%w: %w", ErrPackage, ErrUpdateID)
	}
	return nil
}

// ServeBlobs is the blob protocol's server side (Vendor_Seed, and any party that
// re-serves P): it answers BlobRequests from the given package source until the peer
// closes the stream.
func ServeBlobs(ctx context.Context, log *slog.Logger, s transport.Stream, lookup func([32]byte) ([]byte, bool), lim transport.Limits) {
	c := transport.NewConn(s, lim)
	defer c.Close()
	for {
		req, err := recv[*wire.BlobRequest](ctx, c, wire.TypeBlobRequest)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				log.DebugContext(ctx, "blob stream ended", "peer", s.RemotePeer(), "err", err)
			}
			return
		}
		b, ok := lookup(req.Hash)
		if !ok {
			_ = refuse(ctx, c, fmt.Errorf("%w: blob %x", ErrUnknownBid, req.Hash))
			return
		}
		var data []byte
		if req.Offset < uint64(len(b)) {
			end := min(uint64(len(b)), req.Offset+req.Length)
			data = b[req.Offset:end]
		}
		if err := send(ctx, c, &wire.BlobChunk{Hash: req.Hash, Offset: req.Offset, Data: data}); err != nil {
			return
		}
	}
}

// blobChunk is the chunk size a fetcher asks for.
const blobChunk = 512 << 10

// FetchBlob downloads the blob with SHA-256 h and length n over an open blob stream and
// checks its hash.
func FetchBlob(ctx context.Context, c *transport.Conn, h [32]byte, n uint64) ([]byte, error) {
	if n > 1<<31 {
		return nil, fmt.Errorf("%w: blob of %d bytes", ErrPackage, n)
	}
	out := make([]byte, 0, n)
	for uint64(len(out)) < n {
		want := min(uint64(blobChunk), n-uint64(len(out)))
		if err := send(ctx, c, &wire.BlobRequest{Hash: h, Offset: uint64(len(out)), Length: want}); err != nil {
			return nil, err
		}
		ch, err := recv[*wire.BlobChunk](ctx, c, wire.TypeBlobChunk)
		if err != nil {
			return nil, err
		}
		if ch.Hash != h || ch.Offset != uint64(len(out)) || len(ch.Data) == 0 || uint64(len(ch.Data)) > want {
			return nil, fmt.Errorf("%w: unexpected chunk", ErrProtocol)
		}
		out = append(out, ch.Data...)
	}
	if sha256.Sum256(out) != h {
		return nil, fmt.Errorf("%w: blob %x: hash mismatch", ErrPackage, h[:8])
	}
	return out, nil
}

// requestIndex asks for the package index P_id on c (it is at most MaxPackageIndexSize
// bytes) and checks that it hashes to P_id before decoding it. It returns the index and
// its bytes.
func requestIndex(ctx context.Context, c *transport.Conn, pid [32]byte) (*wire.PackageIndex, []byte, error) {
	if err := send(ctx, c, &wire.BlobRequest{Hash: pid, Length: wire.MaxPackageIndexSize}); err != nil {
		return nil, nil, err
	}
	ch, err := recv[*wire.BlobChunk](ctx, c, wire.TypeBlobChunk)
	if err != nil {
		return nil, nil, err
	}
	if sha256.Sum256(ch.Data) != pid {
		return nil, nil, fmt.Errorf("%w: index does not hash to P_id", ErrPackage)
	}
	idx, err := wire.DecodePackageIndex(ch.Data)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrPackage, err)
	}
	return idx, ch.Data, nil
}

// FetchPackage downloads the package P_id from peer: the index, then every component.
func FetchPackage(ctx context.Context, h transport.Host, peer transport.PeerID, pid [32]byte) (*Package, error) {
	s, err := h.NewStream(ctx, peer, transport.ProtoBlob)
	if err != nil {
		return nil, fmt.Errorf("party: fetch package: %w", err)
	}
	c := transport.NewConn(s, transport.Limits{MaxFrame: wire.MaxMessageSize})
	defer c.Close()
	idx, raw, err := requestIndex(ctx, c, pid)
	if err != nil {
		return nil, err
	}
	p := &Package{Index: idx, ID: pid, blobs: map[[32]byte][]byte{pid: raw}}
	for _, comp := range idx.Components {
		b, err := FetchBlob(ctx, c, comp.Hash, comp.Length)
		if err != nil {
			return nil, err
		}
		p.blobs[comp.Hash] = b
	}
	_ = c.CloseWrite()
	return p, nil
}

// KeyCache parses proving and verifying keys once per content hash. Parsing a proving key
// recompiles its circuit and decompresses every point, so parties of one process share a
// cache; a key is only ever looked up by the SHA-256 of bytes the caller has already
// checked against the package. It is safe for concurrent use.
type KeyCache struct {
	mu  sync.Mutex
	pks map[[32]byte]*pkEntry
	vks map[[32]byte]*zk.VerifyingKey
}

type pkEntry struct {
	once sync.Once
	pk   *zk.ProvingKey
	err  error
}

// NewKeyCache returns an empty cache.
func NewKeyCache() *KeyCache {
	return &KeyCache{pks: map[[32]byte]*pkEntry{}, vks: map[[32]byte]*zk.VerifyingKey{}}
}

// AddKeys records keys whose serialised forms hash to the given values (the vendor adds
// the keys it generated, so that no party of the process parses them again).
func (kc *KeyCache) AddKeys(p *Package, keys KeySet) {
	kc.mu.Lock()
	defer kc.mu.Unlock()
	for m, k := range keys {
		pkKind, vkKind := modeComponents(m)
		if c, ok := p.Index.Component(pkKind); ok {
			e := &pkEntry{pk: k.PK}
			e.once.Do(func() {})
			kc.pks[c.Hash] = e
		}
		if c, ok := p.Index.Component(vkKind); ok {
			kc.vks[c.Hash] = k.VK
		}
	}
}

// ProvingKey returns the proving key of mode m of package p.
func (kc *KeyCache) ProvingKey(p *Package, m zk.Mode) (*zk.ProvingKey, error) {
	pkKind, _ := modeComponents(m)
	c, ok := p.Index.Component(pkKind)
	if !ok {
		return nil, fmt.Errorf("%w: no %s proving key", ErrPackage, m)
	}
	kc.mu.Lock()
	e, ok := kc.pks[c.Hash]
	if !ok {
		e = &pkEntry{}
		kc.pks[c.Hash] = e
	}
	kc.mu.Unlock()
	e.once.Do(func() {
		b, ok := p.blobs[c.Hash]
		if !ok {
			e.err = fmt.Errorf("%w: %s proving key not fetched", ErrPackage, m)
			return
		}
		e.pk, e.err = zk.ReadProvingKey(bytes.NewReader(b))
		if e.err == nil && (e.pk.Mode != m || e.pk.Class.Bytes != int(p.Index.Manifest.Manifest.SizeClass)) {
			e.err = fmt.Errorf("%w: proving key is for %s/%s", ErrPackage, e.pk.Mode, e.pk.Class)
		}
	})
	return e.pk, e.err
}

// VerifyingKey parses (once) the verifying key with bytes b, which must hash to want.
func (kc *KeyCache) VerifyingKey(want [32]byte, b []byte) (*zk.VerifyingKey, error) {
	kc.mu.Lock()
	vk, ok := kc.vks[want]
	kc.mu.Unlock()
	if ok {
		return vk, nil
	}
	if sha256.Sum256(b) != want {
		return nil, fmt.Errorf("%w: does not hash to the manifest's vkHash", ErrVerifyingKey)
	}
	vk, err := zk.ParseVerifyingKey(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrVerifyingKey, err)
	}
	kc.mu.Lock()
	kc.vks[want] = vk
	kc.mu.Unlock()
	return vk, nil
}

// cachedVK returns a verifying key already in the cache.
func (kc *KeyCache) cachedVK(h [32]byte) (*zk.VerifyingKey, bool) {
	kc.mu.Lock()
	defer kc.mu.Unlock()
	vk, ok := kc.vks[h]
	return vk, ok
}

// addressOf is the Ethereum address of key.
func addressOf(key *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(key.PublicKey) }
