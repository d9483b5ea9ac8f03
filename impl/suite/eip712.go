package suite

import (
	"encoding/binary"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// EIP-712 type strings and domain names (spec/suite.md §7).
const (
	// DomainTypeWithContract is the domain type of the bid, exchange and channel domains.
	DomainTypeWithContract = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
	// DomainTypeChainOnly is the domain type of the manifest domain.
	DomainTypeChainOnly = "EIP712Domain(string name,string version,uint256 chainId)"

	// DeliveryType is the type a device signs in Device_Commit.
	DeliveryType = "Delivery(bytes32 updateId,bytes32 lock)"
	// ChallengeType is the type a device signs in Device_Respond.
	ChallengeType = "Challenge(bytes32 nonce,address distributor)"
	// ReceiptType is the type a channel client signs in Client_Pay.
	ReceiptType = "Receipt(bytes32 channelId,uint256 cumulative)"
	// ManifestType is the type a vendor signs in Vendor_Publish.
	ManifestType = "Manifest(address vendor,uint64 fwVersion,bytes32 updateId,bytes32 imageSha256,uint64 imageLength,uint32 sizeClass,bytes32 vkHashHashlock,bytes32 vkHashPointlock)"

	// DomainNameBid names the domain of delivery signatures.
	DomainNameBid = "podnet-bid"
	// DomainNameExchange names the domain of challenge responses.
	DomainNameExchange = "podnet-exchange"
	// DomainNameManifest names the domain of vendor manifests.
	DomainNameManifest = "podnet-manifest"
	// DomainNameChannel names the domain of channel receipts.
	DomainNameChannel = "podnet-channel"
	// DomainVersion is the version of every podnet domain.
	DomainVersion = "1"
)

// Manifest is the vendor's signed description of an update (spec/suite.md §7, §9a). The
// package hash P_id is not in it: P_id is the hash of the package index that contains the
// signed manifest (spec/wire.md), so the manifest cannot refer to it.
type Manifest struct {
	// ChainID is the chain the update is published on; it is the chainId of the EIP-712
	// domain, not a field of the Manifest struct type.
	ChainID uint64
	// Vendor is the address that signs the manifest.
	Vendor common.Address
	// FwVersion is the monotonic firmware version (rollback protection).
	FwVersion uint64
	// UpdateID is U_id, the Poseidon2 hash of the encoded firmware (spec/suite.md §4).
	UpdateID [32]byte
	// ImageSHA256 is SHA-256 of the raw image, the value bootloaders check.
	ImageSHA256 [32]byte
	// ImageLength is the length of the raw image in bytes.
	ImageLength uint64
	// SizeClass is the capacity in bytes of the size class the image is encoded in.
	SizeClass uint32
	// VKHashHashlock is SHA-256 of the paper-mode verifying key of the size class.
	VKHashHashlock [32]byte
	// VKHashPointlock is SHA-256 of the point-lock-mode verifying key of the size class.
	VKHashPointlock [32]byte
}

// TypedDigest returns keccak256(0x19 || 0x01 || domainSeparator || structHash).
func TypedDigest(domainSeparator, structHash [32]byte) [32]byte {
	var out [32]byte
	copy(out[:], crypto.Keccak256([]byte{0x19, 0x01}, domainSeparator[:], structHash[:]))
	return out
}

// DomainSeparator returns hashStruct(EIP712Domain) for the given name, version, chain id
// and, when contract is non-nil, verifying contract.
func DomainSeparator(name, version string, chainID *big.Int, contract *common.Address) [32]byte {
	if contract == nil {
		return keccakWords(typeHash(DomainTypeChainOnly), keccakString(name), keccakString(version), uintWord(chainID))
	}
	return keccakWords(typeHash(DomainTypeWithContract), keccakString(name), keccakString(version), uintWord(chainID), addressWord(*contract))
}

// DeliveryStructHash returns hashStruct(Delivery(updateId, lock)).
func DeliveryStructHash(updateID, lock [32]byte) [32]byte {
	return keccakWords(typeHash(DeliveryType), updateID, lock)
}

// DeliveryDigest is the digest a device signs in Device_Commit: domain "podnet-bid",
// version "1", the chain id and the bid contract, message Delivery(updateId, lock).
func DeliveryDigest(chainID *big.Int, bid common.Address, updateID, lock [32]byte) [32]byte {
	return TypedDigest(DomainSeparator(DomainNameBid, DomainVersion, chainID, &bid), DeliveryStructHash(updateID, lock))
}

// ChallengeDigest is the digest a device signs in Device_Respond: domain
// "podnet-exchange", version "1", the chain id and the bid, message
// Challenge(nonce, distributor).
func ChallengeDigest(chainID *big.Int, bid common.Address, nonce [32]byte, distributor common.Address) [32]byte {
	sh := keccakWords(typeHash(ChallengeType), nonce, addressWord(distributor))
	return TypedDigest(DomainSeparator(DomainNameExchange, DomainVersion, chainID, &bid), sh)
}

// ReceiptDigest is the digest a channel client signs in Client_Pay: domain
// "podnet-channel", version "1", the chain id and the channel contract, message
// Receipt(channelId, cumulative).
func ReceiptDigest(chainID *big.Int, contract common.Address, channelID [32]byte, cumulative *big.Int) [32]byte {
	sh := keccakWords(typeHash(ReceiptType), channelID, uintWord(cumulative))
	return TypedDigest(DomainSeparator(DomainNameChannel, DomainVersion, chainID, &contract), sh)
}

// ManifestStructHash returns hashStruct(Manifest) of spec/suite.md §7.
func ManifestStructHash(m Manifest) [32]byte {
	return keccakWords(typeHash(ManifestType),
		addressWord(m.Vendor),
		uint64Word(m.FwVersion),
		m.UpdateID,
		m.ImageSHA256,
		uint64Word(m.ImageLength),
		uint64Word(uint64(m.SizeClass)),
		m.VKHashHashlock,
		m.VKHashPointlock,
	)
}

// ManifestDigest is the digest the vendor signs in Vendor_Publish: domain
// "podnet-manifest", version "1", chainId = m.ChainID, message Manifest.
func ManifestDigest(m Manifest) [32]byte {
	chain := new(big.Int).SetUint64(m.ChainID)
	return TypedDigest(DomainSeparator(DomainNameManifest, DomainVersion, chain, nil), ManifestStructHash(m))
}

func typeHash(t string) [32]byte { return keccakString(t) }

func keccakString(s string) [32]byte {
	var out [32]byte
	copy(out[:], crypto.Keccak256([]byte(s)))
	return out
}

func keccakWords(words ...[32]byte) [32]byte {
	buf := make([]byte, 0, 32*len(words))
	for _, w := range words {
		buf = append(buf, w[:]...)
	}
	var out [32]byte
	copy(out[:], crypto.Keccak256(buf))
	return out
}

// uintWord encodes a non-negative integer below 2^256 as a 32-byte word; nil is zero.
// Negative or oversize values cannot come from valid input; they are reduced to their
// low 256 bits of the absolute value, as abi.encode would refuse them earlier.
func uintWord(v *big.Int) [32]byte {
	var out [32]byte
	if v == nil {
		return out
	}
	b := v.Bytes()
	if len(b) > 32 {
		b = b[len(b)-32:]
	}
	copy(out[32-len(b):], b)
	return out
}

func uint64Word(v uint64) [32]byte {
	var out [32]byte
	binary.BigEndian.PutUint64(out[24:], v)
	return out
}

func addressWord(a common.Address) [32]byte {
	var out [32]byte
	copy(out[12:], a[:])
	return out
}
