package gen

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"

	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/podnet/podnet/conformance"
	"github.com/podnet/podnet/impl/suite"
)

func h(b []byte) string { return hex.EncodeToString(b) }

func be32(v *big.Int) string { return h(v.FillBytes(make([]byte, 32))) }

func dec(v uint64) string { return strconv.FormatUint(v, 10) }

func order() *big.Int { return suite.Order() }

func rDerivation() (*conformance.File, error) {
	b := newBuilder("podnet-r-v1", []string{
		"Derivation of the decryption key r and of the locks (spec/suite.md §5, §6).",
		"r-derive: input distributor (20 bytes), t (32 bytes); output r (32 bytes BE), hashLock = SHA-256(r), S = r·G (64 bytes), pointLock = keccak256(S).",
		"lock: input lockType (0 hash, 1 point), r (32 bytes BE); output lock.",
	}, map[string]string{
		"Edge":      "boundary values of the inputs",
		"BadLength": "an input of the wrong byte length",
		"Range":     "a scalar outside (0, n)",
	})
	const s5, s6 = "suite.md §5", "suite.md §6"
	for i := 0; i < 6; i++ {
		b.valid(conformance.OpRDerive, fmt.Sprintf("seeded distributor and t #%d", i), s5, nil, map[string]any{
			"distributor": h(seedAddr(fmt.Sprintf("r/dist/%d", i)).Bytes()), "t": h(seed(fmt.Sprintf("r/t/%d", i), 32)),
		}, nil)
	}
	ff := make([]byte, 32)
	for i := range ff {
		ff[i] = 0xff
	}
	b.valid(conformance.OpRDerive, "zero address, zero t", s5, []string{"Edge"}, map[string]any{"distributor": h(make([]byte, 20)), "t": h(make([]byte, 32))}, nil)
	b.valid(conformance.OpRDerive, "all-ones address and t", s5, []string{"Edge"}, map[string]any{"distributor": h(ff[:20]), "t": h(ff)}, nil)
	// Front-running: the same t under another distributor yields another r.
	t0 := h(seed("r/t/0", 32))
	b.valid(conformance.OpRDerive, "the t of test 1 under another distributor: another r (front-running is useless)", s5, nil,
		map[string]any{"distributor": h(seedAddr("r/frontrunner").Bytes()), "t": t0}, nil)
	b.invalid(conformance.OpRDerive, "19-byte distributor", s5, "BadLength", []string{"BadLength"}, map[string]any{"distributor": h(make([]byte, 19)), "t": t0})
	b.invalid(conformance.OpRDerive, "21-byte distributor", s5, "BadLength", []string{"BadLength"}, map[string]any{"distributor": h(make([]byte, 21)), "t": t0})
	b.invalid(conformance.OpRDerive, "31-byte t", s5, "BadLength", []string{"BadLength"}, map[string]any{"distributor": h(make([]byte, 20)), "t": h(make([]byte, 31))})
	b.invalid(conformance.OpRDerive, "33-byte t", s5, "BadLength", []string{"BadLength"}, map[string]any{"distributor": h(make([]byte, 20)), "t": h(make([]byte, 33))})

	nm1 := new(big.Int).Sub(order(), big.NewInt(1))
	for _, lt := range []uint64{0, 1} {
		b.valid(conformance.OpLock, fmt.Sprintf("lockType %d, r = 1", lt), s6, []string{"Edge"}, map[string]any{"lockType": dec(lt), "r": be32(big.NewInt(1))}, nil)
		b.valid(conformance.OpLock, fmt.Sprintf("lockType %d, r = n - 1", lt), s6, []string{"Edge"}, map[string]any{"lockType": dec(lt), "r": be32(nm1)}, nil)
		r, err := suite.DeriveR(seedAddr("r/dist/0"), seed32("r/t/0"))
		if err != nil {
			return nil, err
		}
		b.valid(conformance.OpLock, fmt.Sprintf("lockType %d, r of test 1", lt), s6, nil, map[string]any{"lockType": dec(lt), "r": be32(r)}, nil)
		b.invalid(conformance.OpLock, fmt.Sprintf("lockType %d, r = 0", lt), s5, "ZeroKey", []string{"Range"}, map[string]any{"lockType": dec(lt), "r": be32(big.NewInt(0))})
		b.invalid(conformance.OpLock, fmt.Sprintf("lockType %d, r = n", lt), s6, "ScalarRange", []string{"Range"}, map[string]any{"lockType": dec(lt), "r": be32(order())})
	}
	b.invalid(conformance.OpLock, "r = 2^256 - 1", s6, "ScalarRange", []string{"Range"}, map[string]any{"lockType": "0", "r": h(ff)})
	b.invalid(conformance.OpLock, "lockType 2", s6, "LockType", nil, map[string]any{"lockType": "2", "r": be32(big.NewInt(1))})
	b.invalid(conformance.OpLock, "31-byte r", s6, "BadLength", []string{"BadLength"}, map[string]any{"lockType": "0", "r": h(make([]byte, 31))})
	return b.done()
}

// apitypesDigest computes an EIP-712 digest with go-ethereum's implementation, an
// independent check of every digest vector.
func apitypesDigest(primary string, fields []apitypes.Type, name string, chain *big.Int, contract *common.Address, msg apitypes.TypedDataMessage) (string, error) {
	domType := []apitypes.Type{{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}}
	dom := apitypes.TypedDataDomain{Name: name, Version: "1", ChainId: (*math.HexOrDecimal256)(chain)}
	if contract != nil {
		domType = append(domType, apitypes.Type{Name: "verifyingContract", Type: "address"})
		dom.VerifyingContract = contract.Hex()
	}
	td := apitypes.TypedData{Types: apitypes.Types{"EIP712Domain": domType, primary: fields}, PrimaryType: primary, Domain: dom, Message: msg}
	d, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return "", fmt.Errorf("apitypes: %w", err)
	}
	return h(d), nil
}

func eip712() (*conformance.File, error) {
	b := newBuilder("podnet-eip712-v1", []string{
		"EIP-712 digests of every podnet signature (spec/suite.md §7). Each valid digest is also computed with go-ethereum's signer/core/apitypes when generated.",
		"Inputs: chainId (decimal), verifyingContract (20 bytes) and the message fields; output digest (32 bytes).",
	}, map[string]string{
		"Edge":      "boundary values",
		"BadLength": "an input of the wrong byte length",
		"Replay":    "same message, other domain: the digest must differ from the base test",
	})
	const s7 = "suite.md §7"
	maxU256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	chains := []*big.Int{big.NewInt(1), big.NewInt(1337), new(big.Int).SetUint64(1<<64 - 1), maxU256}
	for i, chain := range chains {
		bid := seedAddr(fmt.Sprintf("712/bid/%d", i))
		u, l := seed(fmt.Sprintf("712/u/%d", i), 32), seed(fmt.Sprintf("712/l/%d", i), 32)
		want, err := apitypesDigest("Delivery", []apitypes.Type{{Name: "updateId", Type: "bytes32"}, {Name: "lock", Type: "bytes32"}},
			suite.DomainNameBid, chain, &bid, apitypes.TypedDataMessage{"updateId": hexutil.Encode(u), "lock": hexutil.Encode(l)})
		if err != nil {
			return nil, err
		}
		flags := []string(nil)
		if i >= 2 {
			flags = []string{"Edge"}
		}
		b.valid(conformance.OpDeliveryDigest, fmt.Sprintf("Delivery on chain %s", chain), s7, flags,
			map[string]any{"chainId": chain.String(), "verifyingContract": h(bid[:]), "updateId": h(u), "lock": h(l)}, map[string]any{"digest": want})
		if i == 0 {
			other := seedAddr("712/otherbid")
			want2, err := apitypesDigest("Delivery", []apitypes.Type{{Name: "updateId", Type: "bytes32"}, {Name: "lock", Type: "bytes32"}},
				suite.DomainNameBid, chain, &other, apitypes.TypedDataMessage{"updateId": hexutil.Encode(u), "lock": hexutil.Encode(l)})
			if err != nil {
				return nil, err
			}
			b.valid(conformance.OpDeliveryDigest, "the Delivery of test 1 on another bid: another digest", s7, []string{"Replay"},
				map[string]any{"chainId": chain.String(), "verifyingContract": h(other[:]), "updateId": h(u), "lock": h(l)}, map[string]any{"digest": want2})
		}
	}
	for i := 0; i < 3; i++ {
		bid := seedAddr(fmt.Sprintf("712/cbid/%d", i))
		nonce := seed(fmt.Sprintf("712/nonce/%d", i), 32)
		dist := seedAddr(fmt.Sprintf("712/dist/%d", i))
		chain := big.NewInt(int64(1 + 1336*i))
		want, err := apitypesDigest("Challenge", []apitypes.Type{{Name: "nonce", Type: "bytes32"}, {Name: "distributor", Type: "address"}},
			suite.DomainNameExchange, chain, &bid, apitypes.TypedDataMessage{"nonce": hexutil.Encode(nonce), "distributor": dist.Hex()})
		if err != nil {
			return nil, err
		}
		b.valid(conformance.OpChallengeDigest, fmt.Sprintf("Challenge #%d", i), s7, nil,
			map[string]any{"chainId": chain.String(), "verifyingContract": h(bid[:]), "nonce": h(nonce), "distributor": h(dist[:])}, map[string]any{"digest": want})
	}
	for i, cum := range []*big.Int{big.NewInt(0), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil), maxU256} {
		ch := seedAddr(fmt.Sprintf("712/channel/%d", i))
		id := seed(fmt.Sprintf("712/chid/%d", i), 32)
		want, err := apitypesDigest("Receipt", []apitypes.Type{{Name: "channelId", Type: "bytes32"}, {Name: "cumulative", Type: "uint256"}},
			suite.DomainNameChannel, big.NewInt(1337), &ch, apitypes.TypedDataMessage{"channelId": hexutil.Encode(id), "cumulative": cum.String()})
		if err != nil {
			return nil, err
		}
		b.valid(conformance.OpReceiptDigest, fmt.Sprintf("Receipt, cumulative %s", cum), "channel.md, suite.md §7", nil,
			map[string]any{"chainId": "1337", "verifyingContract": h(ch[:]), "channelId": h(id), "cumulative": cum.String()}, map[string]any{"digest": want})
	}
	manFields := []apitypes.Type{{Name: "vendor", Type: "address"}, {Name: "fwVersion", Type: "uint64"}, {Name: "updateId", Type: "bytes32"},
		{Name: "imageSha256", Type: "bytes32"}, {Name: "imageLength", Type: "uint64"}, {Name: "sizeClass", Type: "uint32"},
		{Name: "vkHashHashlock", Type: "bytes32"}, {Name: "vkHashPointlock", Type: "bytes32"}}
	for i, ver := range []uint64{1, 42, 1<<64 - 1} {
		vendor := seedAddr(fmt.Sprintf("712/vendor/%d", i))
		m := map[string]any{"chainId": dec(uint64(1337 + i)), "vendor": h(vendor[:]), "fwVersion": dec(ver),
			"updateId": h(seed(fmt.Sprintf("712/mu/%d", i), 32)), "imageSha256": h(seed(fmt.Sprintf("712/msha/%d", i), 32)),
			"imageLength": dec(uint64(1000 * (i + 1))), "sizeClass": dec(1024 << i),
			"vkHashHashlock": h(seed(fmt.Sprintf("712/vkh/%d", i), 32)), "vkHashPointlock": h(seed(fmt.Sprintf("712/vkp/%d", i), 32))}
		msg := apitypes.TypedDataMessage{}
		for k, v := range m {
			if k == "chainId" {
				continue
			}
			s := v.(string)
			switch k {
			case "fwVersion", "imageLength", "sizeClass":
				msg[k] = s
			case "vendor":
				msg[k] = common.HexToAddress(s).Hex()
			default:
				msg[k] = "0x" + s
			}
		}
		want, err := apitypesDigest("Manifest", manFields, suite.DomainNameManifest, big.NewInt(int64(1337+i)), nil, msg)
		if err != nil {
			return nil, err
		}
		b.valid(conformance.OpManifestDigest, fmt.Sprintf("Manifest, version %d", ver), s7, nil, m, map[string]any{"digest": want})
	}
	zero := h(make([]byte, 32))
	b.invalid(conformance.OpDeliveryDigest, "31-byte lock", s7, "BadLength", []string{"BadLength"},
		map[string]any{"chainId": "1", "verifyingContract": h(make([]byte, 20)), "updateId": zero, "lock": h(make([]byte, 31))})
	b.invalid(conformance.OpDeliveryDigest, "21-byte bid address", s7, "BadLength", []string{"BadLength"},
		map[string]any{"chainId": "1", "verifyingContract": h(make([]byte, 21)), "updateId": zero, "lock": zero})
	b.invalid(conformance.OpChallengeDigest, "19-byte distributor", s7, "BadLength", []string{"BadLength"},
		map[string]any{"chainId": "1", "verifyingContract": h(make([]byte, 20)), "nonce": zero, "distributor": h(make([]byte, 19))})
	return b.done()
}

func sigWith(sig [65]byte, f func(s *[65]byte)) string {
	f(&sig)
	return h(sig[:])
}

func secp256k1N() *big.Int {
	n, _ := new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)
	return n
}

// highS returns the high-s twin (R, n - S, V flipped) of a signature.
func highS(sig [65]byte) [65]byte {
	s := new(big.Int).SetBytes(sig[32:64])
	s.Sub(secp256k1N(), s)
	s.FillBytes(sig[32:64])
	sig[64] = 55 - sig[64]
	return sig
}

func secp256k1() (*conformance.File, error) {
	b := newBuilder("podnet-secp256k1-v1", []string{
		"secp256k1 signatures R || S || V with low S and V in {27, 28} (spec/suite.md §8).",
		"secp256k1-sign: input key (32 bytes), digest; output signature (RFC 6979, low S), address.",
		"secp256k1-recover: input digest, signature (65 bytes); output address.",
	}, map[string]string{
		"EIP712Example": "the signature of the Mail example of EIP-712",
		"GethVector":    "go-ethereum's crypto/signature_test.go vector",
		"HighS":         "the high-s twin of a valid signature: valid ECDSA, rejected by podnet",
		"BadV":          "a recovery byte other than 27 or 28",
		"Range":         "R or S outside (0, n)",
		"Edge":          "S exactly n/2",
		"BadLength":     "an input of the wrong byte length",
	})
	const s8 = "suite.md §8"
	// EIP-712's own example: key keccak256("cow"), the Mail digest, the published signature.
	cow := crypto.Keccak256([]byte("cow"))
	mailDigest := "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"
	mailSig := "4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c"
	b.valid(conformance.OpSign, "EIP-712 Mail example", "suite.md §7, §8", []string{"EIP712Example"}, map[string]any{"key": h(cow), "digest": mailDigest},
		map[string]any{"signature": mailSig, "address": "cd2a3d9f938e13cd947ec05abc7fe734df8dd826"})
	b.valid(conformance.OpRecover, "EIP-712 Mail example", "suite.md §7, §8", []string{"EIP712Example"}, map[string]any{"digest": mailDigest, "signature": mailSig},
		map[string]any{"address": "cd2a3d9f938e13cd947ec05abc7fe734df8dd826"})
	var mail [65]byte
	mb, _ := hex.DecodeString(mailSig)
	copy(mail[:], mb)
	b.invalid(conformance.OpRecover, "high-s twin of the EIP-712 Mail signature", s8, "HighS", []string{"EIP712Example", "HighS"},
		map[string]any{"digest": mailDigest, "signature": h(func() []byte { t := highS(mail); return t[:] }())})
	// go-ethereum's vector (V = 1 there, 28 here).
	gethMsg := "ce0677bb30baa8cf067c88db9811f4333d131bf8bcf12fe7065d211dce971008"
	gethSig := "90f27b8b488db00b00606796d2987f6a5f59ae62ea05effe84fef5b8b0e549984a691139ad57a3f0b906637673aa2f63d1f55cb1a69199d4009eea23ceaddc931c"
	gethPub, _ := hex.DecodeString("e32df42865e97135acfb65f3bae71bdc86f4d49150ad6a440b6f15878109880a0a2b2667f7e725ceea70c673093bf67663e0312623c8e091b13cf2c0f11ef652")
	b.valid(conformance.OpRecover, "go-ethereum crypto test vector", s8, []string{"GethVector"}, map[string]any{"digest": gethMsg, "signature": gethSig},
		map[string]any{"address": h(crypto.Keccak256(gethPub)[12:])})
	var geth [65]byte
	gb, _ := hex.DecodeString(gethSig)
	copy(geth[:], gb)
	b.invalid(conformance.OpRecover, "high-s twin of the go-ethereum vector", s8, "HighS", []string{"GethVector", "HighS"},
		map[string]any{"digest": gethMsg, "signature": h(func() []byte { t := highS(geth); return t[:] }())})

	for i := 0; i < 4; i++ {
		keyBytes := seed(fmt.Sprintf("sig/key/%d", i), 32)
		key, err := crypto.ToECDSA(keyBytes)
		if err != nil {
			return nil, err
		}
		digest := seed32(fmt.Sprintf("sig/digest/%d", i))
		sig, err := suite.Sign(key, digest)
		if err != nil {
			return nil, err
		}
		addr := crypto.PubkeyToAddress(key.PublicKey)
		b.valid(conformance.OpSign, fmt.Sprintf("seeded key #%d", i), s8, nil, map[string]any{"key": h(keyBytes), "digest": h(digest[:])},
			map[string]any{"address": h(addr[:])})
		b.valid(conformance.OpRecover, fmt.Sprintf("seeded signature #%d", i), s8, nil, map[string]any{"digest": h(digest[:]), "signature": h(sig[:])},
			map[string]any{"address": h(addr[:])})
		if i < 2 {
			b.invalid(conformance.OpRecover, fmt.Sprintf("high-s twin of seeded signature #%d", i), s8, "HighS", []string{"HighS"},
				map[string]any{"digest": h(digest[:]), "signature": h(func() []byte { t := highS(sig); return t[:] }())})
		}
		if i != 0 {
			continue
		}
		n := secp256k1N()
		half := new(big.Int).Rsh(n, 1)
		set := func(off int, v *big.Int) func(s *[65]byte) {
			return func(s *[65]byte) { v.FillBytes(s[off : off+32]) }
		}
		in := func(s string) map[string]any { return map[string]any{"digest": h(digest[:]), "signature": s} }
		b.valid(conformance.OpRecover, "S = n/2 exactly (largest accepted S; recovers some key)", s8, []string{"Edge"}, in(sigWith(sig, set(32, half))), nil)
		b.invalid(conformance.OpRecover, "S = n/2 + 1", s8, "HighS", []string{"HighS", "Edge"}, in(sigWith(sig, set(32, new(big.Int).Add(half, big.NewInt(1))))))
		b.invalid(conformance.OpRecover, "V = 0 (raw recovery id)", s8, "BadV", []string{"BadV"}, in(sigWith(sig, func(s *[65]byte) { s[64] -= 27 })))
		b.invalid(conformance.OpRecover, "V = 1 (raw recovery id)", s8, "BadV", []string{"BadV"}, in(sigWith(sig, func(s *[65]byte) { s[64] = 1 })))
		b.invalid(conformance.OpRecover, "V = 29", s8, "BadV", []string{"BadV"}, in(sigWith(sig, func(s *[65]byte) { s[64] = 29 })))
		b.invalid(conformance.OpRecover, "V = 37 (EIP-155 style)", s8, "BadV", []string{"BadV"}, in(sigWith(sig, func(s *[65]byte) { s[64] = 37 })))
		b.invalid(conformance.OpRecover, "R = 0", s8, "BadSignature", []string{"Range"}, in(sigWith(sig, set(0, big.NewInt(0)))))
		b.invalid(conformance.OpRecover, "R = n", s8, "BadSignature", []string{"Range"}, in(sigWith(sig, set(0, n))))
		b.invalid(conformance.OpRecover, "S = 0", s8, "BadSignature", []string{"Range"}, in(sigWith(sig, set(32, big.NewInt(0)))))
		b.invalid(conformance.OpRecover, "S = n", s8, "BadSignature", []string{"Range"}, in(sigWith(sig, set(32, n))))
		b.invalid(conformance.OpRecover, "R = 5 is not the x coordinate of a curve point", s8, "BadSignature", nil, in(sigWith(sig, set(0, big.NewInt(5)))))
		b.invalid(conformance.OpRecover, "64-byte signature (no V)", s8, "BadLength", []string{"BadLength"}, in(h(sig[:64])))
	}
	return b.done()
}

func fleetDevices(label string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = h(seedAddr(fmt.Sprintf("%s/%d", label, i)).Bytes())
	}
	return out
}

func fleet() (*conformance.File, error) {
	b := newBuilder("podnet-fleet-merkle-v1", []string{
		"The fleet Merkle tree (spec/suite.md §9): leaf = keccak256(0x00 || uint64be(i) || dev), node = keccak256(0x01 || l || r), padding leaf = 32 zero bytes.",
		"fleet-root: input devices (list of 20-byte addresses); output root, depth (decimal).",
		"fleet-proof: input devices, index (decimal); output proof (list of 32-byte hashes, leaf level first).",
		"fleet-verify: input root, size, index, device, proof; no output.",
	}, map[string]string{
		"Edge":      "smallest fleets and the last index",
		"Attack":    "an attempt to be paid for a device outside the fleet or at another index",
		"BadLength": "a proof of the wrong length",
	})
	const s9 = "suite.md §9"
	for _, n := range []int{1, 2, 3, 4, 5, 8, 17} {
		b.valid(conformance.OpFleetRoot, fmt.Sprintf("fleet of %d", n), s9, nil, map[string]any{"devices": fleetDevices(fmt.Sprintf("fleet%d", n), n)}, nil)
	}
	b.invalid(conformance.OpFleetRoot, "empty fleet", s9, "EmptyFleet", []string{"Edge"}, map[string]any{"devices": []string{}})
	devs5 := fleetDevices("fleet5", 5)
	for i := 0; i < 5; i++ {
		b.valid(conformance.OpFleetProof, fmt.Sprintf("fleet of 5, index %d", i), s9, nil, map[string]any{"devices": devs5, "index": dec(uint64(i))}, nil)
	}
	devs17 := fleetDevices("fleet17", 17)
	b.valid(conformance.OpFleetProof, "fleet of 17, index 16 (a lone leaf beside padding)", s9, []string{"Edge"}, map[string]any{"devices": devs17, "index": "16"}, nil)
	b.valid(conformance.OpFleetProof, "fleet of 1: the empty proof", s9, []string{"Edge"}, map[string]any{"devices": devs5[:1], "index": "0"}, nil)
	b.invalid(conformance.OpFleetProof, "fleet of 5, index 5", s9, "IndexRange", []string{"Edge"}, map[string]any{"devices": devs5, "index": "5"})

	proofOf := func(devs []string, i int) ([]string, string, error) {
		addrs := make([]common.Address, len(devs))
		for k, d := range devs {
			addrs[k] = common.HexToAddress(d)
		}
		tree, err := suite.NewFleetTree(addrs)
		if err != nil {
			return nil, "", err
		}
		p, err := tree.Proof(uint64(i))
		if err != nil {
			return nil, "", err
		}
		r := tree.Root()
		return conformance.HexList(p, func(x [32]byte) []byte { return x[:] }), h(r[:]), nil
	}
	p3, root5, err := proofOf(devs5, 3)
	if err != nil {
		return nil, err
	}
	p16, root17, err := proofOf(devs17, 16)
	if err != nil {
		return nil, err
	}
	p0, root1, err := proofOf(devs5[:1], 0)
	if err != nil {
		return nil, err
	}
	v := func(root, size, idx, dev string, proof []string) map[string]any {
		return map[string]any{"root": root, "size": size, "index": idx, "device": dev, "proof": proof}
	}
	b.valid(conformance.OpFleetVerify, "fleet of 5, index 3", s9, nil, v(root5, "5", "3", devs5[3], p3), nil)
	b.valid(conformance.OpFleetVerify, "fleet of 17, index 16", s9, []string{"Edge"}, v(root17, "17", "16", devs17[16], p16), nil)
	b.valid(conformance.OpFleetVerify, "fleet of 1", s9, []string{"Edge"}, v(root1, "1", "0", devs5[0], p0), nil)
	b.invalid(conformance.OpFleetVerify, "index = size", s9, "IndexRange", nil, v(root5, "5", "5", devs5[3], p3))
	b.invalid(conformance.OpFleetVerify, "index of a padding leaf", s9, "IndexRange", []string{"Attack"}, v(root5, "5", "7", h(make([]byte, 20)), p3))
	b.invalid(conformance.OpFleetVerify, "size 0", s9, "IndexRange", nil, v(root5, "0", "0", devs5[0], []string{}))
	b.invalid(conformance.OpFleetVerify, "proof one hash short", s9, "ProofLength", []string{"BadLength"}, v(root5, "5", "3", devs5[3], p3[:2]))
	b.invalid(conformance.OpFleetVerify, "proof one hash long", s9, "ProofLength", []string{"BadLength"}, v(root5, "5", "3", devs5[3], append(append([]string{}, p3...), h(make([]byte, 32)))))
	b.invalid(conformance.OpFleetVerify, "an inner node presented as a leaf (proof without its first sibling)", s9, "ProofLength", []string{"Attack"}, v(root5, "5", "1", devs5[1], p3[1:]))
	b.invalid(conformance.OpFleetVerify, "a device outside the fleet with the proof of index 3", s9, "ProofMismatch", []string{"Attack"}, v(root5, "5", "3", fleetDevices("outsider", 1)[0], p3))
	b.invalid(conformance.OpFleetVerify, "device 3 claimed at index 2 with its own proof", s9, "ProofMismatch", []string{"Attack"}, v(root5, "5", "2", devs5[3], p3))
	b.invalid(conformance.OpFleetVerify, "device 2 at index 2 with the proof of index 3", s9, "ProofMismatch", []string{"Attack"}, v(root5, "5", "2", devs5[2], p3))
	tampered := append([]string{}, p3...)
	tampered[1] = h(seed("tamper", 32))
	b.invalid(conformance.OpFleetVerify, "one sibling replaced", s9, "ProofMismatch", nil, v(root5, "5", "3", devs5[3], tampered))
	swapped := []string{p3[1], p3[0], p3[2]}
	b.invalid(conformance.OpFleetVerify, "siblings in the wrong order", s9, "ProofMismatch", nil, v(root5, "5", "3", devs5[3], swapped))
	return b.done()
}

func bn254Vectors() (*conformance.File, error) {
	b := newBuilder("podnet-bn254-v1", []string{
		"BN254 G1 points and scalars (spec/suite.md §10) and the point-lock check c·G = K + S (spec/suite.md §10, pod.md Device_Commit).",
		"g1-decode: input point (64 bytes x || y); output point (re-encoded).",
		"scalar-decode: input scalar (32 bytes); output scalar.",
		"point-lock-check: input c, K, S; output lock = keccak256(S).",
	}, map[string]string{
		"Edge":         "boundary values",
		"NonCanonical": "a coordinate not below p",
		"BadLength":    "an input of the wrong byte length",
	})
	const s10 = "suite.md §10"
	p := fp.Modulus()
	g := suite.EncodeG1(suite.PointLockPoint(big.NewInt(1)))
	negG := append(append([]byte{}, g[:32]...), new(big.Int).Sub(p, big.NewInt(2)).FillBytes(make([]byte, 32))...)
	b.valid(conformance.OpG1Decode, "the generator G = (1, 2)", s10, []string{"Edge"}, map[string]any{"point": h(g[:])}, map[string]any{"point": h(g[:])})
	b.valid(conformance.OpG1Decode, "-G = (1, p - 2)", s10, []string{"Edge"}, map[string]any{"point": h(negG)}, nil)
	for i := 0; i < 3; i++ {
		r, err := suite.DeriveR(seedAddr(fmt.Sprintf("g1/%d", i)), seed32(fmt.Sprintf("g1/t/%d", i)))
		if err != nil {
			return nil, err
		}
		s := suite.EncodeG1(suite.PointLockPoint(r))
		b.valid(conformance.OpG1Decode, fmt.Sprintf("S = r·G #%d", i), s10, nil, map[string]any{"point": h(s[:])}, nil)
	}
	xp := append(new(big.Int).Add(p, big.NewInt(1)).FillBytes(make([]byte, 32)), g[32:]...)
	off := append(append([]byte{}, g[:32]...), big.NewInt(3).FillBytes(make([]byte, 32))...)
	b.invalid(conformance.OpG1Decode, "point at infinity (0, 0)", s10, "Infinity", []string{"Edge"}, map[string]any{"point": h(make([]byte, 64))})
	b.invalid(conformance.OpG1Decode, "(1, 3) is off the curve", s10, "NotOnCurve", nil, map[string]any{"point": h(off)})
	b.invalid(conformance.OpG1Decode, "(0, 1) is off the curve", s10, "NotOnCurve", nil, map[string]any{"point": h(append(make([]byte, 63), 1))})
	b.invalid(conformance.OpG1Decode, "G with x + p", s10, "NonCanonical", []string{"NonCanonical"}, map[string]any{"point": h(xp)})
	b.invalid(conformance.OpG1Decode, "x = p", s10, "NonCanonical", []string{"NonCanonical"}, map[string]any{"point": h(append(p.FillBytes(make([]byte, 32)), g[32:]...))})
	b.invalid(conformance.OpG1Decode, "G with y + p", s10, "NonCanonical", []string{"NonCanonical"},
		map[string]any{"point": h(append(append([]byte{}, g[:32]...), new(big.Int).Add(p, big.NewInt(2)).FillBytes(make([]byte, 32))...))})
	b.invalid(conformance.OpG1Decode, "63 bytes", s10, "BadLength", []string{"BadLength"}, map[string]any{"point": h(g[:63])})
	b.invalid(conformance.OpG1Decode, "65 bytes", s10, "BadLength", []string{"BadLength"}, map[string]any{"point": h(append(g[:], 0))})
	b.invalid(conformance.OpG1Decode, "33-byte compressed form", s10, "BadLength", []string{"BadLength"}, map[string]any{"point": h(g[:33])})

	n := order()
	b.valid(conformance.OpScalarDecode, "0", s10, []string{"Edge"}, map[string]any{"scalar": be32(big.NewInt(0))}, nil)
	b.valid(conformance.OpScalarDecode, "n - 1", s10, []string{"Edge"}, map[string]any{"scalar": be32(new(big.Int).Sub(n, big.NewInt(1)))}, nil)
	b.invalid(conformance.OpScalarDecode, "n", s10, "ScalarRange", []string{"Edge"}, map[string]any{"scalar": be32(n)})
	b.invalid(conformance.OpScalarDecode, "2^256 - 1", s10, "ScalarRange", nil, map[string]any{"scalar": be32(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))})
	b.invalid(conformance.OpScalarDecode, "31 bytes", s10, "BadLength", []string{"BadLength"}, map[string]any{"scalar": h(make([]byte, 31))})

	for i := 0; i < 3; i++ {
		r, err := suite.DeriveR(seedAddr(fmt.Sprintf("pl/%d", i)), seed32(fmt.Sprintf("pl/t/%d", i)))
		if err != nil {
			return nil, err
		}
		k := new(big.Int).SetBytes(seed(fmt.Sprintf("pl/k/%d", i), 32))
		k.Mod(k, n)
		c := new(big.Int).Add(k, r)
		c.Mod(c, n)
		K := suite.EncodeG1(suite.PointLockPoint(k))
		S := suite.EncodeG1(suite.PointLockPoint(r))
		in := map[string]any{"c": be32(c), "K": h(K[:]), "S": h(S[:])}
		b.valid(conformance.OpPointLockCheck, fmt.Sprintf("c = k + r #%d", i), s10, nil, in, nil)
		if i == 0 {
			c1 := new(big.Int).Add(c, big.NewInt(1))
			c1.Mod(c1, n)
			b.invalid(conformance.OpPointLockCheck, "c = k + r + 1", s10, "PointRelation", nil, map[string]any{"c": be32(c1), "K": h(K[:]), "S": h(S[:])})
			b.invalid(conformance.OpPointLockCheck, "c = k (S omitted from the sum)", s10, "PointRelation", nil, map[string]any{"c": be32(k), "K": h(K[:]), "S": h(S[:])})
			b.invalid(conformance.OpPointLockCheck, "K at infinity", s10, "Infinity", nil, map[string]any{"c": be32(r), "K": h(make([]byte, 64)), "S": h(S[:])})
			b.invalid(conformance.OpPointLockCheck, "S off the curve", s10, "NotOnCurve", nil, map[string]any{"c": be32(c), "K": h(K[:]), "S": h(off)})
			b.invalid(conformance.OpPointLockCheck, "c + n (non-reduced c)", s10, "ScalarRange", nil, map[string]any{"c": be32(new(big.Int).Add(c, n)), "K": h(K[:]), "S": h(S[:])})
		}
	}
	return b.done()
}
