package gen

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/podnet/podnet/conformance"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/wire"
)

// sampleMessages returns valid messages of every type, from fixed seeds; the manifest and
// the signatures are real.
func sampleMessages() (map[string]wire.Message, []string, error) {
	vendorKey, err := crypto.ToECDSA(seed("wire/vendor", 32))
	if err != nil {
		return nil, nil, err
	}
	deviceKey, err := crypto.ToECDSA(seed("wire/device", 32))
	if err != nil {
		return nil, nil, err
	}
	chain := big.NewInt(1337)
	bid := seedAddr("wire/bid")
	dist := seedAddr("wire/distributor")
	dev := crypto.PubkeyToAddress(deviceKey.PublicKey)
	man := suite.Manifest{ChainID: 1337, Vendor: crypto.PubkeyToAddress(vendorKey.PublicKey), FwVersion: 7,
		UpdateID: seed32("wire/u"), ImageSHA256: seed32("wire/sha"), ImageLength: 1000, SizeClass: 1024,
		VKHashHashlock: seed32("wire/vkh"), VKHashPointlock: seed32("wire/vkp")}
	msig, err := suite.Sign(vendorKey, suite.ManifestDigest(man))
	if err != nil {
		return nil, nil, err
	}
	sm := wire.SignedManifest{Manifest: man, Signature: msig}
	nonce := seed32("wire/nonce")
	csig, err := suite.Sign(deviceKey, suite.ChallengeDigest(chain, bid, nonce, dist))
	if err != nil {
		return nil, nil, err
	}
	t := seed32("wire/t")
	r, err := suite.DeriveR(dist, t)
	if err != nil {
		return nil, nil, err
	}
	ct := make([]fr.Element, 15)
	for i := range ct {
		ct[i].SetBytes(seed(fmt.Sprintf("wire/ct/%d", i), 32))
	}
	k := new(big.Int).SetBytes(seed("wire/k", 32))
	k.Mod(k, suite.Order())
	var kf, c fr.Element
	kf.SetBigInt(k)
	rs := suite.RScalar(r)
	c.Add(&kf, &rs)
	hashLock := suite.HashLock(r)
	dsig, err := suite.Sign(deviceKey, suite.DeliveryDigest(chain, bid, man.UpdateID, hashLock))
	if err != nil {
		return nil, nil, err
	}
	proof := seed("wire/proof", 256)
	idx := &wire.PackageIndex{Manifest: sm, Components: []wire.Component{
		{Kind: wire.ComponentImage, Hash: man.ImageSHA256, Length: man.ImageLength},
		{Kind: wire.ComponentProvingKeyHashlock, Hash: seed32("wire/pkh"), Length: 5 << 20},
		{Kind: wire.ComponentProvingKeyPointlock, Hash: seed32("wire/pkp"), Length: 3 << 20},
		{Kind: wire.ComponentVerifyingKeyHashlock, Hash: man.VKHashHashlock, Length: 712},
		{Kind: wire.ComponentVerifyingKeyPointlock, Hash: man.VKHashPointlock, Length: 840}}}
	msgs := map[string]wire.Message{
		"UpdateRequest":      &wire.UpdateRequest{Bid: bid, UpdateID: man.UpdateID, Device: dev},
		"Challenge":          &wire.Challenge{Nonce: nonce, Distributor: dist},
		"ChallengeResponse":  &wire.ChallengeResponse{Device: dev, FleetIndex: 300, FleetProof: [][32]byte{seed32("wire/p0"), seed32("wire/p1"), seed32("wire/p2")}, Signature: csig},
		"ChallengeResponse0": &wire.ChallengeResponse{Device: dev, FleetIndex: 0, FleetProof: [][32]byte{}, Signature: csig},
		"OfferHash":          &wire.Offer{LockType: suite.LockHash, HashLock: hashLock, Ciphertext: ct, Proof: proof, Manifest: sm},
		"OfferPoint":         &wire.Offer{LockType: suite.LockPoint, S: suite.PointLockPoint(r), K: suite.PointLockPoint(k), C: c, Ciphertext: ct, Proof: proof, Manifest: sm},
		"Delivery":           &wire.Delivery{Signature: dsig},
		"Error":              &wire.Error{Code: wire.CodeNotInFleet, Text: "fleet proof rejected"},
		"ErrorEmpty":         &wire.Error{Code: wire.CodeBusy, Text: ""},
		"PackageIndex":       idx,
		"BlobRequest":        &wire.BlobRequest{Hash: man.ImageSHA256, Offset: 65536, Length: 65536},
		"BlobChunk":          &wire.BlobChunk{Hash: man.ImageSHA256, Offset: 65536, Data: seed("wire/chunk", 100)},
		"BlobChunkEmpty":     &wire.BlobChunk{Hash: man.ImageSHA256, Offset: 1000, Data: []byte{}},
		"HubSignChallenge":   &wire.HubSignRequest{ChainID: 1337, Bid: bid, Purpose: wire.PurposeChallenge, Nonce: nonce, Distributor: dist},
		"HubSignDelivery":    &wire.HubSignRequest{ChainID: 1337, Bid: bid, Purpose: wire.PurposeDelivery, UpdateID: man.UpdateID, LockType: suite.LockHash, Lock: hashLock, FwVersion: 7, Verified: true},
		"HubSignResponse":    &wire.HubSignResponse{Device: dev, Signature: dsig},
		"HubInstall":         &wire.HubInstall{UpdateID: man.UpdateID, FwVersion: 7, Image: seed("wire/image", 200)},
	}
	order := []string{"UpdateRequest", "Challenge", "ChallengeResponse", "ChallengeResponse0", "OfferHash", "OfferPoint", "Delivery", "Error", "ErrorEmpty",
		"PackageIndex", "BlobRequest", "BlobChunk", "BlobChunkEmpty", "HubSignChallenge", "HubSignDelivery", "HubSignResponse", "HubInstall"}
	return msgs, order, nil
}

func wireVectors() (*conformance.File, error) {
	b := newBuilder("podnet-wire-v1", []string{
		"Every wire message of spec/wire.md, valid and malformed.",
		"wire-decode: input message (hex); output type (the message type's name) and encoding (the re-encoding of the decoded message, equal to the input for every valid message).",
	}, map[string]string{
		"NonCanonical":    "valid CBOR that is not core deterministic",
		"Malformed":       "not well-formed CBOR, or an item of the wrong major type",
		"Unsupported":     "a CBOR item outside the profile",
		"TrailingBytes":   "bytes after the message",
		"TooLarge":        "above a size limit",
		"Version":         "a protocol version other than 1",
		"Type":            "an unknown message type",
		"MissingField":    "a required field is absent",
		"UnknownField":    "a key the type does not define",
		"UnexpectedField": "a field the variant forbids",
		"BadLength":       "a byte string or list of the wrong length",
		"FieldRange":      "a value out of range",
	})
	msgs, names, err := sampleMessages()
	if err != nil {
		return nil, err
	}
	enc := map[string][]byte{}
	for _, n := range names {
		e, err := wire.Encode(msgs[n])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		enc[n] = e
		b.valid(conformance.OpWireDecode, "valid "+n, "wire.md §4", nil, map[string]any{"message": h(e)}, map[string]any{"type": msgs[n].Type().String(), "encoding": h(e)})
	}
	const s2, s3, s4, s5 = "wire.md §2", "wire.md §3", "wire.md §4", "wire.md §5"
	bad := func(comment, spec, errName string, flag string, m []byte) {
		b.invalid(conformance.OpWireDecode, comment, spec, errName, []string{flag}, map[string]any{"message": h(m)})
	}
	ur, ch, cr := enc["UpdateRequest"], enc["Challenge"], enc["ChallengeResponse"]
	oh, op, dl := enc["OfferHash"], enc["OfferPoint"], enc["Delivery"]

	// Canonical form (wire.md §2).
	bad("trailing zero byte after an UpdateRequest", s3, "TrailingBytes", "TrailingBytes", cat(ur, []byte{0}))
	bad("a Delivery followed by a second Delivery", s3, "TrailingBytes", "TrailingBytes", cat(dl, dl))
	bad("trailing byte after an Offer", s3, "TrailingBytes", "TrailingBytes", cat(oh, []byte{0xff}))
	bad("version 1 in two bytes (0x1801)", s2, "NonCanonical", "NonCanonical", setField(ur, 0, []byte{0x18, 0x01}))
	bad("type in two bytes", s2, "NonCanonical", "NonCanonical", setField(ch, 1, []byte{0x18, 0x02}))
	bad("fleetIndex 300 in five bytes", s2, "NonCanonical", "NonCanonical", setField(cr, 3, []byte{0x1a, 0, 0, 0x01, 0x2c}))
	bad("nonce length 32 in three bytes", s2, "NonCanonical", "NonCanonical", setField(ch, 2, cat([]byte{0x59, 0x00, 0x20}, getField(ch, 2)[2:])))
	bad("map length in two bytes", s2, "NonCanonical", "NonCanonical", cat([]byte{0xb8, ch[0] & 0x1f}, ch[1:]))
	bad("key 2 in two bytes", s2, "NonCanonical", "NonCanonical", func() []byte {
		es := splitMap(ch)
		es[2].k = []byte{0x18, 0x02}
		return joinMap(es)
	}())
	bad("ciphertext list length in two bytes", s2, "NonCanonical", "NonCanonical", setField(oh, 7, cat([]byte{0x98, 15}, getField(oh, 7)[1:])))
	bad("keys 0 and 1 swapped", s2, "NonCanonical", "NonCanonical", func() []byte {
		es := splitMap(ur)
		es[0], es[1] = es[1], es[0]
		return joinMap(es)
	}())
	bad("signature (key 5) before fleetProof (key 4)", s2, "NonCanonical", "NonCanonical", func() []byte {
		es := splitMap(cr)
		es[4], es[5] = es[5], es[4]
		return joinMap(es)
	}())
	bad("manifest fields 3 and 4 swapped inside an Offer", s2, "NonCanonical", "NonCanonical", func() []byte {
		sm := getField(oh, 9)
		man := getField(sm, 0)
		es := splitMap(man)
		es[3], es[4] = es[4], es[3]
		return setField(oh, 9, setField(sm, 0, joinMap(es)))
	}())
	bad("key 2 twice", s2, "NonCanonical", "NonCanonical", func() []byte {
		es := splitMap(dl)
		return joinMap(append(es, es[2]))
	}())
	bad("indefinite-length map", s2, "NonCanonical", "NonCanonical", cat([]byte{0xbf}, ch[1:], []byte{0xff}))
	bad("indefinite-length byte string for the proof", s2, "NonCanonical", "NonCanonical", func() []byte {
		p := getField(oh, 8)
		body := p[3:] // 256 bytes: head 0x59 0x01 0x00
		return setField(oh, 8, cat([]byte{0x5f}, bstr(body[:100]), bstr(body[100:]), []byte{0xff}))
	}())
	bad("indefinite-length ciphertext list", s2, "NonCanonical", "NonCanonical", setField(oh, 7, cat([]byte{0x9f}, getField(oh, 7)[1:], []byte{0xff})))
	bad("a float (1.0) as the version", s2, "Unsupported", "Unsupported", setField(ur, 0, []byte{0xf9, 0x3c, 0x00}))
	bad("a tag (bignum) around fleetIndex", s2, "Unsupported", "Unsupported", setField(cr, 3, []byte{0xc2, 0x42, 0x01, 0x2c}))
	bad("null as the proof", s2, "Unsupported", "Unsupported", setField(oh, 8, []byte{0xf6}))
	bad("truncated by one byte", s3, "Malformed", "Malformed", ur[:len(ur)-1])
	bad("empty input", s3, "Malformed", "Malformed", []byte{})
	bad("an array, not a map", s3, "Malformed", "Malformed", []byte{0x82, 0x01, 0x01})
	bad("a text key", s3, "Malformed", "Malformed", cat([]byte{0xa3}, []byte{0x00, 0x01, 0x01, 0x02}, []byte{0x61, 'x', 0x00}))
	bad("address as a text string", s3, "Malformed", "Malformed", setField(ur, 2, cat([]byte{0x74}, getField(ur, 2)[1:])))
	bad("fleetIndex as a byte string", s3, "Malformed", "Malformed", setField(cr, 3, bstr([]byte{1, 44})))
	bad("negative version -1", s3, "Malformed", "Malformed", setField(ur, 0, []byte{0x20}))
	bad("Error text not UTF-8", s3, "Malformed", "Malformed", setField(enc["Error"], 3, []byte{0x62, 0xc3, 0x28}))
	bad("verified flag as 1 instead of true", s3, "Malformed", "Malformed", setField(enc["HubSignDelivery"], 11, []byte{0x01}))

	// Version and type (wire.md §3, §6).
	bad("version 0", s3, "UnknownVersion", "Version", setField(ur, 0, []byte{0x00}))
	bad("version 2", s3, "UnknownVersion", "Version", setField(oh, 0, []byte{0x02}))
	bad("version 2^64 - 1", s3, "UnknownVersion", "Version", setField(dl, 0, head(0, 1<<64-1)))
	bad("no version", s3, "MissingField", "MissingField", delField(ch, 0))
	bad("type 0", s3, "UnknownType", "Type", setField(ur, 1, []byte{0x00}))
	bad("type 13", s3, "UnknownType", "Type", setField(ur, 1, []byte{0x0d}))
	bad("type 255", s3, "UnknownType", "Type", setField(dl, 1, []byte{0x18, 0xff}))
	bad("no type", s3, "MissingField", "MissingField", delField(dl, 1))

	// Size limits (wire.md §5).
	bad("a Delivery above 4 KiB (padded with an unknown field)", s5, "TooLarge", "TooLarge", setField(dl, 3, bstr(make([]byte, 4096))))
	bad("an Offer proof of 8193 bytes", s5, "TooLarge", "TooLarge", setField(oh, 8, bstr(make([]byte, 8193))))
	bad("an Error text of 257 bytes", s5, "TooLarge", "TooLarge", setField(enc["Error"], 3, cat(head(3, 257), make([]byte, 257))))
	bad("a fleet proof of 33 hashes", s5, "BadLength", "BadLength", func() []byte {
		l := head(4, 33)
		for i := 0; i < 33; i++ {
			l = append(l, bstr(make([]byte, 32))...)
		}
		return setField(cr, 4, l)
	}())
	bad("nesting deeper than 8", s2, "TooLarge", "TooLarge", setField(dl, 3, []byte{0x81, 0x81, 0x81, 0x81, 0x81, 0x81, 0x81, 0x81, 0x00}))

	// Fields (wire.md §4).
	bad("UpdateRequest without device", s4, "MissingField", "MissingField", delField(ur, 4))
	bad("ChallengeResponse without signature", s4, "MissingField", "MissingField", delField(cr, 5))
	bad("Offer without manifest", s4, "MissingField", "MissingField", delField(oh, 9))
	bad("point-lock Offer without K", s4, "MissingField", "MissingField", delField(op, 5))
	bad("manifest without vkHashPointlock", s4, "MissingField", "MissingField", func() []byte {
		sm := getField(oh, 9)
		return setField(oh, 9, setField(sm, 0, delField(getField(sm, 0), 8)))
	}())
	bad("UpdateRequest with key 5", s4, "UnknownField", "UnknownField", setField(ur, 5, []byte{0x00}))
	bad("signed manifest with key 2", s4, "UnknownField", "UnknownField", setField(oh, 9, setField(getField(oh, 9), 2, []byte{0x00})))
	bad("hash-lock Offer carrying t (key 3): t and the Challenge's address give r (errata E16)", s4, "UnknownField", "UnknownField", setField(oh, 3, bstr(make([]byte, 32))))
	bad("point-lock Offer carrying t (key 3): t and the Challenge's address give r (errata E16)", s4, "UnknownField", "UnknownField", setField(op, 3, bstr(make([]byte, 32))))
	bad("hash-lock Offer carrying K", s4, "UnexpectedField", "UnexpectedField", setField(oh, 5, getField(op, 5)))
	bad("hash-lock Offer carrying c", s4, "UnexpectedField", "UnexpectedField", setField(oh, 6, getField(op, 6)))
	bad("challenge HubSignRequest carrying a lock", s4, "UnexpectedField", "UnexpectedField", setField(enc["HubSignChallenge"], 9, bstr(make([]byte, 32))))
	bad("19-byte bid address", s4, "BadLength", "BadLength", setField(ur, 2, bstr(make([]byte, 19))))
	bad("33-byte U_id", s4, "BadLength", "BadLength", setField(ur, 3, bstr(make([]byte, 33))))
	bad("64-byte Delivery signature", s4, "BadLength", "BadLength", setField(dl, 2, bstr(getField(dl, 2)[2:66])))
	bad("31-byte fleet proof hash", s4, "BadLength", "BadLength", setField(cr, 4, cat(head(4, 1), bstr(make([]byte, 31)))))
	bad("hash lock of 64 bytes", s4, "BadLength", "BadLength", setField(oh, 4, bstr(make([]byte, 64))))
	bad("point lock S of 32 bytes", s4, "BadLength", "BadLength", setField(op, 4, bstr(make([]byte, 32))))
	bad("ciphertext element of 33 bytes", s4, "BadLength", "BadLength", setField(oh, 7, cat(head(4, 1), bstr(make([]byte, 33)))))
	bad("empty ciphertext", s4, "BadLength", "BadLength", setField(oh, 7, head(4, 0)))
	bad("empty proof", s4, "BadLength", "BadLength", setField(oh, 8, bstr(nil)))
	bad("PackageIndex with 4 components", s4, "BadLength", "BadLength", func() []byte {
		l := getField(enc["PackageIndex"], 3)
		items := splitList(l)
		return setField(enc["PackageIndex"], 3, cat(head(4, 4), cat(items[:4]...)))
	}())
	bad("BlobChunk without hash", s4, "MissingField", "MissingField", delField(enc["BlobChunk"], 2))
	bad("BlobChunk with a 31-byte hash", s4, "BadLength", "BadLength", setField(enc["BlobChunk"], 2, bstr(make([]byte, 31))))
	bad("HubSignResponse with a 19-byte device", s4, "BadLength", "BadLength", setField(enc["HubSignResponse"], 2, bstr(make([]byte, 19))))
	bad("HubSignResponse without signature", s4, "MissingField", "MissingField", delField(enc["HubSignResponse"], 3))
	bad("HubInstall with fwVersion as a text string", s4, "Malformed", "Malformed", setField(enc["HubInstall"], 3, []byte{0x61, '7'}))
	bad("HubInstall without image", s4, "MissingField", "MissingField", delField(enc["HubInstall"], 4))
	bad("a Challenge relabelled as a Delivery (type confusion)", s4, "BadLength", "BadLength", setField(ch, 1, []byte{0x05}))
	bad("an UpdateRequest relabelled as a Challenge (type confusion)", s4, "BadLength", "BadLength", setField(ur, 1, []byte{0x02}))
	n := suite.Order()
	nb := n.FillBytes(make([]byte, 32))
	ones := make([]byte, 32)
	for i := range ones {
		ones[i] = 0xff
	}
	bad("ciphertext element = n", s4, "FieldRange", "FieldRange", setField(oh, 7, cat(head(4, 1), bstr(nb))))
	bad("ciphertext element = 2^256 - 1", s4, "FieldRange", "FieldRange", setField(oh, 7, cat(head(4, 1), bstr(ones))))
	bad("point-lock c = n", s4, "FieldRange", "FieldRange", setField(op, 6, bstr(nb)))
	bad("point-lock S off the curve (1, 3)", s4, "FieldRange", "FieldRange", setField(op, 4, bstr(cat(big.NewInt(1).FillBytes(make([]byte, 32)), big.NewInt(3).FillBytes(make([]byte, 32))))))
	bad("point-lock S at infinity", s4, "FieldRange", "FieldRange", setField(op, 4, bstr(make([]byte, 64))))
	bad("point-lock K with x + p", s4, "FieldRange", "FieldRange", func() []byte {
		kb := append([]byte(nil), getField(op, 5)[2:]...)
		x := new(big.Int).SetBytes(kb[:32])
		x.Add(x, fp.Modulus())
		if x.BitLen() > 256 {
			x.Sub(x, fp.Modulus())
		}
		x.FillBytes(kb[:32])
		return setField(op, 5, bstr(kb))
	}())
	bad("lockType 2", s4, "FieldRange", "FieldRange", setField(oh, 2, []byte{0x02}))
	bad("Error code 0", s4, "FieldRange", "FieldRange", setField(enc["Error"], 2, []byte{0x00}))
	bad("Error code 10", s4, "FieldRange", "FieldRange", setField(enc["Error"], 2, []byte{0x0a}))
	bad("HubSignRequest purpose 2", s4, "FieldRange", "FieldRange", setField(enc["HubSignChallenge"], 4, []byte{0x02}))
	bad("BlobRequest length 0", s4, "FieldRange", "FieldRange", setField(enc["BlobRequest"], 4, []byte{0x00}))
	bad("BlobRequest length 1 MiB + 1", s4, "FieldRange", "FieldRange", setField(enc["BlobRequest"], 4, head(0, 1<<20+1)))
	bad("manifest sizeClass 2^32", s4, "FieldRange", "FieldRange", func() []byte {
		sm := getField(oh, 9)
		return setField(oh, 9, setField(sm, 0, setField(getField(sm, 0), 6, head(0, 1<<32))))
	}())
	bad("PackageIndex components 1 and 2 swapped", s4, "FieldRange", "FieldRange", func() []byte {
		items := splitList(getField(enc["PackageIndex"], 3))
		items[1], items[2] = items[2], items[1]
		return setField(enc["PackageIndex"], 3, cat(head(4, 5), cat(items...)))
	}())
	return b.done()
}

// splitList returns the encoded elements of a canonical array.
func splitList(b []byte) [][]byte {
	off := len(head(4, 0))
	if b[0]&0x1f >= 24 {
		off = 2
	}
	var out [][]byte
	for off < len(b) {
		end := itemEnd(b, off)
		out = append(out, b[off:end])
		off = end
	}
	return out
}
