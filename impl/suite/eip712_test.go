package suite

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// apitypesDigest computes an EIP-712 digest with go-ethereum's independent implementation.
func apitypesDigest(t *testing.T, td apitypes.TypedData) [32]byte {
	t.Helper()
	h, _, err := apitypes.TypedDataAndHash(td)
	require.NoError(t, err)
	var out [32]byte
	copy(out[:], h)
	return out
}

func domainTypes(withContract bool) []apitypes.Type {
	ts := []apitypes.Type{{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}}
	if withContract {
		ts = append(ts, apitypes.Type{Name: "verifyingContract", Type: "address"})
	}
	return ts
}

// TestEIP712MailExample checks the example of the EIP-712 specification itself
// (https://eips.ethereum.org/EIPS/eip-712, Example.js): digest 0xbe609aee….
func TestEIP712MailExample(t *testing.T) {
	const personType = "Person(string name,address wallet)"
	const mailType = "Mail(Person from,Person to,string contents)" + personType
	person := func(name, wallet string) [32]byte {
		return keccakWords(typeHash(personType), keccakString(name), addressWord(common.HexToAddress(wallet)))
	}
	mail := keccakWords(typeHash(mailType),
		person("Cow", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"),
		person("Bob", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"),
		keccakString("Hello, Bob!"))
	verifying := common.HexToAddress("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC")
	dom := DomainSeparator("Ether Mail", "1", big.NewInt(1), &verifying)
	require.Equal(t, "f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", hex.EncodeToString(dom[:]), "domain separator")
	require.Equal(t, "c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", hex.EncodeToString(mail[:]), "hashStruct(mail)")
	d := TypedDigest(dom, mail)
	require.Equal(t, "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", hex.EncodeToString(d[:]))

	// The signature of the example: private key keccak256("cow").
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("cow")))
	require.NoError(t, err)
	require.Equal(t, common.HexToAddress("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), crypto.PubkeyToAddress(key.PublicKey))
	sig, err := Sign(key, d)
	require.NoError(t, err)
	require.Equal(t, "4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", hex.EncodeToString(sig[:32]), "r of the example")
	require.Equal(t, "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", hex.EncodeToString(sig[32:64]), "s of the example")
	require.Equal(t, byte(28), sig[64], "v of the example")
}

func randBytes32(t *rapid.T, label string) [32]byte {
	var b [32]byte
	copy(b[:], rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(t, label))
	return b
}

func randAddress(t *rapid.T, label string) common.Address {
	var a common.Address
	copy(a[:], rapid.SliceOfN(rapid.Byte(), 20, 20).Draw(t, label))
	return a
}

// TestDigestsMatchAPITypes cross-checks every podnet digest against go-ethereum's
// apitypes implementation of EIP-712 on random inputs.
func TestDigestsMatchAPITypes(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		chain := new(big.Int).SetUint64(rapid.Uint64().Draw(rt, "chain"))
		contract := randAddress(rt, "contract")
		a := randBytes32(rt, "a")
		b := randBytes32(rt, "b")
		who := randAddress(rt, "who")
		domain := func(name string, withContract bool) apitypes.TypedDataDomain {
			d := apitypes.TypedDataDomain{Name: name, Version: "1", ChainId: (*math.HexOrDecimal256)(chain)}
			if withContract {
				d.VerifyingContract = contract.Hex()
			}
			return d
		}
		cases := []struct {
			name string
			td   apitypes.TypedData
			got  [32]byte
		}{
			{"Delivery", apitypes.TypedData{
				Types:       apitypes.Types{"EIP712Domain": domainTypes(true), "Delivery": {{Name: "updateId", Type: "bytes32"}, {Name: "lock", Type: "bytes32"}}},
				PrimaryType: "Delivery", Domain: domain(DomainNameBid, true),
				Message: apitypes.TypedDataMessage{"updateId": hexutil.Encode(a[:]), "lock": hexutil.Encode(b[:])},
			}, DeliveryDigest(chain, contract, a, b)},
			{"Challenge", apitypes.TypedData{
				Types:       apitypes.Types{"EIP712Domain": domainTypes(true), "Challenge": {{Name: "nonce", Type: "bytes32"}, {Name: "distributor", Type: "address"}}},
				PrimaryType: "Challenge", Domain: domain(DomainNameExchange, true),
				Message: apitypes.TypedDataMessage{"nonce": hexutil.Encode(a[:]), "distributor": who.Hex()},
			}, ChallengeDigest(chain, contract, a, who)},
			{"Receipt", apitypes.TypedData{
				Types:       apitypes.Types{"EIP712Domain": domainTypes(true), "Receipt": {{Name: "channelId", Type: "bytes32"}, {Name: "cumulative", Type: "uint256"}}},
				PrimaryType: "Receipt", Domain: domain(DomainNameChannel, true),
				Message: apitypes.TypedDataMessage{"channelId": hexutil.Encode(a[:]), "cumulative": new(big.Int).SetBytes(b[:]).String()},
			}, ReceiptDigest(chain, contract, a, new(big.Int).SetBytes(b[:]))},
		}
		m := Manifest{ChainID: chain.Uint64(), Vendor: who, FwVersion: rapid.Uint64().Draw(rt, "ver"), UpdateID: a, ImageSHA256: b,
			ImageLength: rapid.Uint64().Draw(rt, "len"), SizeClass: rapid.Uint32().Draw(rt, "class"), VKHashHashlock: sha256.Sum256(a[:]), VKHashPointlock: sha256.Sum256(b[:])}
		cases = append(cases, struct {
			name string
			td   apitypes.TypedData
			got  [32]byte
		}{"Manifest", apitypes.TypedData{
			Types: apitypes.Types{"EIP712Domain": domainTypes(false), "Manifest": {
				{Name: "vendor", Type: "address"}, {Name: "fwVersion", Type: "uint64"}, {Name: "updateId", Type: "bytes32"},
				{Name: "imageSha256", Type: "bytes32"}, {Name: "imageLength", Type: "uint64"}, {Name: "sizeClass", Type: "uint32"},
				{Name: "vkHashHashlock", Type: "bytes32"}, {Name: "vkHashPointlock", Type: "bytes32"}}},
			PrimaryType: "Manifest", Domain: domain(DomainNameManifest, false),
			Message: apitypes.TypedDataMessage{"vendor": m.Vendor.Hex(), "fwVersion": fmt.Sprint(m.FwVersion), "updateId": hexutil.Encode(m.UpdateID[:]),
				"imageSha256": hexutil.Encode(m.ImageSHA256[:]), "imageLength": fmt.Sprint(m.ImageLength), "sizeClass": fmt.Sprint(m.SizeClass),
				"vkHashHashlock": hexutil.Encode(m.VKHashHashlock[:]), "vkHashPointlock": hexutil.Encode(m.VKHashPointlock[:])},
		}, ManifestDigest(m)})
		for _, c := range cases {
			h, _, err := apitypes.TypedDataAndHash(c.td)
			if err != nil {
				rt.Fatalf("%s: apitypes: %v", c.name, err)
			}
			if common.BytesToHash(h) != common.Hash(c.got) {
				rt.Fatalf("%s: digest %x, apitypes %x", c.name, c.got, h)
			}
		}
	})
}

// TestDigestsBindContext shows that each digest changes with every field of its domain and
// message (so a delivery signature cannot be replayed on another bid or chain).
func TestDigestsBindContext(t *testing.T) {
	chain := big.NewInt(1337)
	bid := common.HexToAddress("0x1111111111111111111111111111111111111111")
	other := common.HexToAddress("0x2222222222222222222222222222222222222222")
	u := sha256.Sum256([]byte("u"))
	l := sha256.Sum256([]byte("l"))
	base := DeliveryDigest(chain, bid, u, l)
	tests := []struct {
		name string
		d    [32]byte
	}{
		{"other chain", DeliveryDigest(big.NewInt(1), bid, u, l)},
		{"other bid", DeliveryDigest(chain, other, u, l)},
		{"other update", DeliveryDigest(chain, bid, l, l)},
		{"other lock", DeliveryDigest(chain, bid, u, u)},
		{"challenge domain", ChallengeDigest(chain, bid, l, common.BytesToAddress(u[:]))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { require.NotEqual(t, base, tc.d) })
	}
}

func TestManifestDigestApitypesFixed(t *testing.T) {
	// One fixed manifest, checked against apitypes with the JSON-like message form a
	// wallet would show.
	m := Manifest{ChainID: 1337, Vendor: common.HexToAddress("0x00000000000000000000000000000000000000aa"), FwVersion: 7,
		UpdateID: [32]byte{1}, ImageSHA256: [32]byte{2}, ImageLength: 1000, SizeClass: 1984, VKHashHashlock: [32]byte{3}, VKHashPointlock: [32]byte{4}}
	td := apitypes.TypedData{
		Types: apitypes.Types{"EIP712Domain": domainTypes(false), "Manifest": {
			{Name: "vendor", Type: "address"}, {Name: "fwVersion", Type: "uint64"}, {Name: "updateId", Type: "bytes32"},
			{Name: "imageSha256", Type: "bytes32"}, {Name: "imageLength", Type: "uint64"}, {Name: "sizeClass", Type: "uint32"},
			{Name: "vkHashHashlock", Type: "bytes32"}, {Name: "vkHashPointlock", Type: "bytes32"}}},
		PrimaryType: "Manifest",
		Domain:      apitypes.TypedDataDomain{Name: "podnet-manifest", Version: "1", ChainId: math.NewHexOrDecimal256(1337)},
		Message: apitypes.TypedDataMessage{"vendor": m.Vendor.Hex(), "fwVersion": "7", "updateId": hexutil.Encode(m.UpdateID[:]),
			"imageSha256": hexutil.Encode(m.ImageSHA256[:]), "imageLength": "1000", "sizeClass": "1984",
			"vkHashHashlock": hexutil.Encode(m.VKHashHashlock[:]), "vkHashPointlock": hexutil.Encode(m.VKHashPointlock[:])},
	}
	require.Equal(t, apitypesDigest(t, td), ManifestDigest(m))
	m2 := m
	m2.FwVersion = 6
	require.NotEqual(t, ManifestDigest(m), ManifestDigest(m2), "the version is bound")
}
