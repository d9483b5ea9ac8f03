// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// PodBidClaim is an auto generated low-level Go binding around an user-defined struct.
type PodBidClaim struct {
	Index  uint64
	Device common.Address
	T      [32]byte
	R      *big.Int
	SigR   [32]byte
	SigS   [32]byte
	SigV   uint8
}

// PodBidMetaData contains all meta data concerning the PodBid contract.
var PodBidMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadProofLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BatchNotSorted\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyBatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Expired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"HighS\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"IndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotAClone\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotExpired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotInFleet\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotVendor\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PaymentFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RNotDerived\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroKey\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"deviceIndex\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"device\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"r\",\"type\":\"uint256\"}],\"name\":\"KeyRevealed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"vendor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"device\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"t\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"r\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"sigR\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"sigS\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"sigV\",\"type\":\"uint8\"}],\"internalType\":\"structPodBid.Claim\",\"name\":\"c\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"device\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"t\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"r\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"sigR\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"sigS\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"sigV\",\"type\":\"uint8\"}],\"internalType\":\"structPodBid.Claim[]\",\"name\":\"cs\",\"type\":\"tuple[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claimBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"lock\",\"type\":\"bytes32\"}],\"name\":\"deliveryDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"distributor\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"t\",\"type\":\"bytes32\"}],\"name\":\"deriveR\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"expiry\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"v\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fleetDepth\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fleetRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"v\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fleetSize\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"v\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"isClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"device\",\"type\":\"address\"}],\"name\":\"leafOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"r\",\"type\":\"uint256\"}],\"name\":\"lockOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lockType\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"packageId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"v\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reward\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"v\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"updateId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"v\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"vendor\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"v\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "PodBid",
	Bin: "0x60a0604052348015600e575f5ffd5b50306080526080516117206100395f395f818161060f01528181610be30152610f4f01526117205ff3fe608060405234801561000f575f5ffd5b506004361061012f575f3560e01c8063a6aceb7a116100ad578063bfcf04cf1161007d578063e184c9be11610063578063e184c9be14610266578063f698da2514610287578063f87a63001461028f575f5ffd5b8063bfcf04cf14610256578063d611a19e1461025e575f5ffd5b8063a6aceb7a14610220578063a9250f8f14610233578063b40eed861461023b578063bb20d7a814610243575f5ffd5b80633ccfd60b11610102578063632a4861116100e8578063632a4861146101be578063765d4897146101d15780639e34070f146101eb575f5ffd5b80633ccfd60b146101a35780633fe45546146101ab575f5ffd5b80630c8d4229146101335780631385a6f214610148578063228cb7331461017a57806322f4c5ce14610190575b5f5ffd5b6101466101413660046114dc565b610297565b005b6101506103f0565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020015b60405180910390f35b610182610404565b604051908152602001610171565b61018261019e366004611577565b610414565b610146610523565b6101466101b936600461158e565b61060d565b6101826101cc366004611577565b610a6a565b6101d9610a98565b60405160ff9091168152602001610171565b6102106101f9366004611577565b600881901c54600160ff9092169190911b16151590565b6040519015158152602001610171565b61018261022e366004611608565b610aa5565b610182610ab7565b6101d9610ac7565b610182610251366004611630565b610ad4565b610182610b0d565b610182610b17565b61026e610b22565b60405167ffffffffffffffff9091168152602001610171565b610182610b2f565b61026e610bbb565b5f5f5f5f6102a3610bc8565b935093509350935060c081901c4211156102e9576040517f203d82d800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f879003610323576040517fc2e5347d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8767ffffffffffffffff81111561033d5761033d61166f565b604051908082528060200260200182016040528015610366578160200160208202803683370190505b5090505f8867ffffffffffffffff8111156103835761038361166f565b6040519080825280602002602001820160405280156103ac578160200160208202803683370190505b5090506103bd8a8a88868686610c65565b6103d282828a8a607088901c60ff168a610d7f565b6103e46103df8a866116c9565b610ef5565b50505050505050505050565b5f60606103fd6080610f37565b901c905090565b5f61040f6060610f37565b905090565b5f61051d6104a3604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f81527fb1d33a47c2e592a6dfd7450928b1f303ebff8dc6510fbcd715564391c0563d5b60208201527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc69181019190915246606082015230608082015260a0902090565b6104ac5f610f37565b84604080517f52ccd9de2304655a635fd77a0a937d75955493989fecd5e3c155062a238e256281526020810193909352820152606081207f19010000000000000000000000000000000000000000000000000000000000008252600282019290925260228101919091526042902090565b92915050565b5f60606105306080610f37565b901c90503373ffffffffffffffffffffffffffffffffffffffff821614610583576040517f0143454500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60c061058f6094610f37565b901c42116105c9576040517fd0404f8500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b604051478082529033907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a261060981610ef5565b5050565b7f00000000000000000000000000000000000000000000000000000000000000007f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f7fb1d33a47c2e592a6dfd7450928b1f303ebff8dc6510fbcd715564391c0563d5b7fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc67f52ccd9de2304655a635fd77a0a937d75955493989fecd5e3c155062a238e25626106c2565b8060e01b5f5260045ffd5b8430036106d6576106d6633ce914e46106b7565b60405160a6602d82303c60948101518060c01c4211156106fd576106fd63203d82d86106b7565b893567ffffffffffffffff8260801c16811061072057610720631390f2a16106b7565b600160ff82161b8160081c54818116156107475763b3167bfa60e01b5f528260045260245ffd5b17600882901c5560608b0135806107655761076563fbd849c66106b7565b337f706f646e65742f722f763100000000000000000000000000000000000000000017805f5260408d013560205260405f20600160a01b82175f5260405f2091507f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001827f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000017f0e0a77c19a07df2f666ea36f7879462e36fc76959f60cd29ac96341c4ffffffb8409088314610820576108206325dc8e636106b7565b50505f60ff8460781c165f811461086957600160c08701908152600260e0880152610100870184905260409060608160075afa61085b575f5ffd5b604060c08701209150610883565b825f5260205f60205f60025afa61087e575f5ffd5b5f5191505b508860c08601528760e086015286610100860152466101208601523061014086015260a060c08601208660c0870152855160e087015281610100870152606060c0870120915061190160f01b60c08701528060c2870152508060e286015250604260c085012060c085015260c08c013560e085015260808c013561010085015260a08c0135806101208601525f5f5260205f608060c0880160015afa60203d1481165f5102905060208e0135808214158215171561094857610948635cd5d2336106b7565b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a083111561097d5761097d6363376d6d6106b7565b835f5280857f0d583ceb0f6be945768230063e6b6453c6b9342c31cdf902929a621ed7ce93ac60205fa360ff8660701c169550858d146109c4576109c463c82db0746106b7565b8060181b8560b81b175f5250505050601d5f20600160c085015360c18401828c8560051b81015b80821015610a23576001831660051b858186015282358160208701035250604160c089012094508260011c92506020820191506109eb565b5050505060408401518114610a3f57610a3f631ce90db66106b7565b5050505f5f5f5f6060850151335af1610a5f57610a5f63f499da206106b7565b505050505050505050565b5f60f8610a7760a4610f37565b60ff911c1615610a8f57610a8a82610fcc565b61051d565b61051d82610ffd565b5f60f86103fd60a4610f37565b5f610ab0838361101a565b9392505050565b5f610ac26040610f37565b919050565b5f60f86103fd60a5610f37565b7effffffffffffffff000000000000000000000000000000000000000000000060b883901b16601882901b175f908152601d8120610ab0565b5f610ac25f610f37565b5f610ac26020610f37565b5f60c06103fd6094610f37565b5f61040f604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f81527fb1d33a47c2e592a6dfd7450928b1f303ebff8dc6510fbcd715564391c0563d5b60208201527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc69181019190915246606082015230608082015260a0902090565b5f60c06103fd609c610f37565b5f80808073ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000163003610c3b576040517f3ce914e400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60405160a6602d82303c805194506040810151935060608101519250609481015191505090919293565b5f610cf1604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f81527fb1d33a47c2e592a6dfd7450928b1f303ebff8dc6510fbcd715564391c0563d5b60208201527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc69181019190915246606082015230608082015260a0902090565b90505f805b87811015610a5f575f5f610d248b8b85818110610d1557610d156116e0565b905060e002018a878b886110c4565b9150915081878481518110610d3b57610d3b6116e0565b60200260200101818152505080868481518110610d5a57610d5a6116e0565b6020908102919091010152610d7082600161170d565b93505050806001019050610cf6565b5f5f604051885160208a0160208a01898960051b81015f5b8a811015610e66575f5f5b87811015610e5b57600581901b8781015190870151805f600184168015610dda5760208a019960019690960195359250839150610e25565b600186015f8e821015610df657600187018260051b8f01511490505b8060018114610e11578c35945060208d019c50829850610e21565b8260051b8e015194506002890198505b5050505b5060018d538160018e01528060218e01525050508060011c8360051b89015250604189208260051b870152600182019150610da2565b509550600101610d97565b508082149650505086815114600184141695505050505080610eb4576040517fc82db07400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b81610eeb576040517f1ce90db600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5050505050505050565b5f5f5f5f5f85335af1905080610609576040517ff499da2000000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f73ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000163003610fa7576040517f3ce914e400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f528160a6036020811115610fbb575060205b8083602d015f303c50505f51919050565b5f604051600181526002602082015282604082015260408160608360075afa610ff3575f5ffd5b6040902092915050565b5f815f5260205f60205f60025afa611013575f5ffd5b50505f5190565b7f706f646e65742f722f763100000000000000000000000000000000000000000082175f908152602082905260408082207f706f646e65742f722f763101000000000000000000000000000000000000000085178352908220907f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000182817f0e0a77c19a07df2f666ea36f7879462e36fc76959f60cd29ac96341c4ffffffb84090895945050505050565b5f5f6110d18785856111f3565b91505f6110dd886112d5565b90505f60ff607887901c16156110fb576110f682610fcc565b611104565b61110482610ffd565b604080517f52ccd9de2304655a635fd77a0a937d75955493989fecd5e3c155062a238e25628152602081018b9052908101829052606081207f19010000000000000000000000000000000000000000000000000000000000008252600282018a90526022820152604290209091505f9061117f908b90611361565b90508073ffffffffffffffffffffffffffffffffffffffff16857f0d583ceb0f6be945768230063e6b6453c6b9342c31cdf902929a621ed7ce93ac856040516111ca91815260200190565b60405180910390a360181b60b885901b175f908152601d90209399939850929650505050505050565b82355f600160ff83161b67ffffffffffffffff608086901c168310611244576040517f1390f2a100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8260081c5491508082165f1461128d576040517fb3167bfa0000000000000000000000000000000000000000000000000000000081526004810184905260240160405180910390fd5b838310156112c7576040517fb798eba000000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b17600882901c559392505050565b606081013560408201355f829003611319576040517ffbd849c600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b611323338261101a565b821461135b576040517f25dc8e6300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b50919050565b5f5f5f6020850135925060a0850135905060405184815260c08601356020820152608086013560408201528160608201525f5f5260205f60808360015afa5f513d6020149091160292505073ffffffffffffffffffffffffffffffffffffffff821615806113fb57508273ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff1614155b15611432576040517f5cd5d23300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a081111561148c576040517f63376d6d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b505092915050565b5f5f83601f8401126114a4575f5ffd5b50813567ffffffffffffffff8111156114bb575f5ffd5b6020830191508360208260051b85010111156114d5575f5ffd5b9250929050565b5f5f5f5f604085870312156114ef575f5ffd5b843567ffffffffffffffff811115611505575f5ffd5b8501601f81018713611515575f5ffd5b803567ffffffffffffffff81111561152b575f5ffd5b87602060e08302840101111561153f575f5ffd5b60209182019550935085013567ffffffffffffffff81111561155f575f5ffd5b61156b87828801611494565b95989497509550505050565b5f60208284031215611587575f5ffd5b5035919050565b5f5f5f8385036101008112156115a2575f5ffd5b60e08112156115af575f5ffd5b5083925060e084013567ffffffffffffffff8111156115cc575f5ffd5b6115d886828701611494565b9497909650939450505050565b803573ffffffffffffffffffffffffffffffffffffffff81168114610ac2575f5ffd5b5f5f60408385031215611619575f5ffd5b611622836115e5565b946020939093013593505050565b5f5f60408385031215611641575f5ffd5b823567ffffffffffffffff81168114611658575f5ffd5b9150611666602084016115e5565b90509250929050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b808202811582820484141761051d5761051d61169c565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b8082018082111561051d5761051d61169c56",
}

// PodBid is an auto generated Go binding around an Ethereum contract.
type PodBid struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *PodBid) GetABI() abi.ABI {
	return c.abi
}

// NewPodBid creates a new instance of PodBid.
func NewPodBid() *PodBid {
	parsed, err := PodBidMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PodBid{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PodBid) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3fe45546.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim((uint64,address,bytes32,uint256,bytes32,bytes32,uint8) c, bytes32[] proof) returns()
func (podBid *PodBid) PackClaim(c PodBidClaim, proof [][32]byte) []byte {
	enc, err := podBid.abi.Pack("claim", c, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3fe45546.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim((uint64,address,bytes32,uint256,bytes32,bytes32,uint8) c, bytes32[] proof) returns()
func (podBid *PodBid) TryPackClaim(c PodBidClaim, proof [][32]byte) ([]byte, error) {
	return podBid.abi.Pack("claim", c, proof)
}

// PackClaimBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c8d4229.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimBatch((uint64,address,bytes32,uint256,bytes32,bytes32,uint8)[] cs, bytes32[] proof) returns()
func (podBid *PodBid) PackClaimBatch(cs []PodBidClaim, proof [][32]byte) []byte {
	enc, err := podBid.abi.Pack("claimBatch", cs, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c8d4229.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimBatch((uint64,address,bytes32,uint256,bytes32,bytes32,uint8)[] cs, bytes32[] proof) returns()
func (podBid *PodBid) TryPackClaimBatch(cs []PodBidClaim, proof [][32]byte) ([]byte, error) {
	return podBid.abi.Pack("claimBatch", cs, proof)
}

// PackDeliveryDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x22f4c5ce.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deliveryDigest(bytes32 lock) view returns(bytes32)
func (podBid *PodBid) PackDeliveryDigest(lock [32]byte) []byte {
	enc, err := podBid.abi.Pack("deliveryDigest", lock)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeliveryDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x22f4c5ce.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deliveryDigest(bytes32 lock) view returns(bytes32)
func (podBid *PodBid) TryPackDeliveryDigest(lock [32]byte) ([]byte, error) {
	return podBid.abi.Pack("deliveryDigest", lock)
}

// UnpackDeliveryDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x22f4c5ce.
//
// Solidity: function deliveryDigest(bytes32 lock) view returns(bytes32)
func (podBid *PodBid) UnpackDeliveryDigest(data []byte) ([32]byte, error) {
	out, err := podBid.abi.Unpack("deliveryDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDeriveR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa6aceb7a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deriveR(address distributor, bytes32 t) pure returns(uint256)
func (podBid *PodBid) PackDeriveR(distributor common.Address, t [32]byte) []byte {
	enc, err := podBid.abi.Pack("deriveR", distributor, t)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeriveR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa6aceb7a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deriveR(address distributor, bytes32 t) pure returns(uint256)
func (podBid *PodBid) TryPackDeriveR(distributor common.Address, t [32]byte) ([]byte, error) {
	return podBid.abi.Pack("deriveR", distributor, t)
}

// UnpackDeriveR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa6aceb7a.
//
// Solidity: function deriveR(address distributor, bytes32 t) pure returns(uint256)
func (podBid *PodBid) UnpackDeriveR(data []byte) (*big.Int, error) {
	out, err := podBid.abi.Unpack("deriveR", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (podBid *PodBid) PackDomainSeparator() []byte {
	enc, err := podBid.abi.Pack("domainSeparator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (podBid *PodBid) TryPackDomainSeparator() ([]byte, error) {
	return podBid.abi.Pack("domainSeparator")
}

// UnpackDomainSeparator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (podBid *PodBid) UnpackDomainSeparator(data []byte) ([32]byte, error) {
	out, err := podBid.abi.Unpack("domainSeparator", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackExpiry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe184c9be.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function expiry() view returns(uint64 v)
func (podBid *PodBid) PackExpiry() []byte {
	enc, err := podBid.abi.Pack("expiry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExpiry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe184c9be.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function expiry() view returns(uint64 v)
func (podBid *PodBid) TryPackExpiry() ([]byte, error) {
	return podBid.abi.Pack("expiry")
}

// UnpackExpiry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe184c9be.
//
// Solidity: function expiry() view returns(uint64 v)
func (podBid *PodBid) UnpackExpiry(data []byte) (uint64, error) {
	out, err := podBid.abi.Unpack("expiry", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackFleetDepth is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb40eed86.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fleetDepth() view returns(uint8 v)
func (podBid *PodBid) PackFleetDepth() []byte {
	enc, err := podBid.abi.Pack("fleetDepth")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFleetDepth is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb40eed86.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fleetDepth() view returns(uint8 v)
func (podBid *PodBid) TryPackFleetDepth() ([]byte, error) {
	return podBid.abi.Pack("fleetDepth")
}

// UnpackFleetDepth is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb40eed86.
//
// Solidity: function fleetDepth() view returns(uint8 v)
func (podBid *PodBid) UnpackFleetDepth(data []byte) (uint8, error) {
	out, err := podBid.abi.Unpack("fleetDepth", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackFleetRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9250f8f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fleetRoot() view returns(bytes32 v)
func (podBid *PodBid) PackFleetRoot() []byte {
	enc, err := podBid.abi.Pack("fleetRoot")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFleetRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9250f8f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fleetRoot() view returns(bytes32 v)
func (podBid *PodBid) TryPackFleetRoot() ([]byte, error) {
	return podBid.abi.Pack("fleetRoot")
}

// UnpackFleetRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9250f8f.
//
// Solidity: function fleetRoot() view returns(bytes32 v)
func (podBid *PodBid) UnpackFleetRoot(data []byte) ([32]byte, error) {
	out, err := podBid.abi.Unpack("fleetRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackFleetSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf87a6300.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fleetSize() view returns(uint64 v)
func (podBid *PodBid) PackFleetSize() []byte {
	enc, err := podBid.abi.Pack("fleetSize")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFleetSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf87a6300.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fleetSize() view returns(uint64 v)
func (podBid *PodBid) TryPackFleetSize() ([]byte, error) {
	return podBid.abi.Pack("fleetSize")
}

// UnpackFleetSize is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf87a6300.
//
// Solidity: function fleetSize() view returns(uint64 v)
func (podBid *PodBid) UnpackFleetSize(data []byte) (uint64, error) {
	out, err := podBid.abi.Unpack("fleetSize", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e34070f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isClaimed(uint256 index) view returns(bool)
func (podBid *PodBid) PackIsClaimed(index *big.Int) []byte {
	enc, err := podBid.abi.Pack("isClaimed", index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e34070f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isClaimed(uint256 index) view returns(bool)
func (podBid *PodBid) TryPackIsClaimed(index *big.Int) ([]byte, error) {
	return podBid.abi.Pack("isClaimed", index)
}

// UnpackIsClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9e34070f.
//
// Solidity: function isClaimed(uint256 index) view returns(bool)
func (podBid *PodBid) UnpackIsClaimed(data []byte) (bool, error) {
	out, err := podBid.abi.Unpack("isClaimed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLeafOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb20d7a8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function leafOf(uint64 index, address device) pure returns(bytes32)
func (podBid *PodBid) PackLeafOf(index uint64, device common.Address) []byte {
	enc, err := podBid.abi.Pack("leafOf", index, device)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLeafOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb20d7a8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function leafOf(uint64 index, address device) pure returns(bytes32)
func (podBid *PodBid) TryPackLeafOf(index uint64, device common.Address) ([]byte, error) {
	return podBid.abi.Pack("leafOf", index, device)
}

// UnpackLeafOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbb20d7a8.
//
// Solidity: function leafOf(uint64 index, address device) pure returns(bytes32)
func (podBid *PodBid) UnpackLeafOf(data []byte) ([32]byte, error) {
	out, err := podBid.abi.Unpack("leafOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLockOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x632a4861.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lockOf(uint256 r) view returns(bytes32)
func (podBid *PodBid) PackLockOf(r *big.Int) []byte {
	enc, err := podBid.abi.Pack("lockOf", r)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLockOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x632a4861.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lockOf(uint256 r) view returns(bytes32)
func (podBid *PodBid) TryPackLockOf(r *big.Int) ([]byte, error) {
	return podBid.abi.Pack("lockOf", r)
}

// UnpackLockOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x632a4861.
//
// Solidity: function lockOf(uint256 r) view returns(bytes32)
func (podBid *PodBid) UnpackLockOf(data []byte) ([32]byte, error) {
	out, err := podBid.abi.Unpack("lockOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLockType is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x765d4897.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lockType() view returns(uint8 v)
func (podBid *PodBid) PackLockType() []byte {
	enc, err := podBid.abi.Pack("lockType")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLockType is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x765d4897.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lockType() view returns(uint8 v)
func (podBid *PodBid) TryPackLockType() ([]byte, error) {
	return podBid.abi.Pack("lockType")
}

// UnpackLockType is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x765d4897.
//
// Solidity: function lockType() view returns(uint8 v)
func (podBid *PodBid) UnpackLockType(data []byte) (uint8, error) {
	out, err := podBid.abi.Unpack("lockType", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackPackageId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd611a19e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function packageId() view returns(bytes32 v)
func (podBid *PodBid) PackPackageId() []byte {
	enc, err := podBid.abi.Pack("packageId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPackageId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd611a19e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function packageId() view returns(bytes32 v)
func (podBid *PodBid) TryPackPackageId() ([]byte, error) {
	return podBid.abi.Pack("packageId")
}

// UnpackPackageId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd611a19e.
//
// Solidity: function packageId() view returns(bytes32 v)
func (podBid *PodBid) UnpackPackageId(data []byte) ([32]byte, error) {
	out, err := podBid.abi.Unpack("packageId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackReward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x228cb733.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reward() view returns(uint256 v)
func (podBid *PodBid) PackReward() []byte {
	enc, err := podBid.abi.Pack("reward")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x228cb733.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reward() view returns(uint256 v)
func (podBid *PodBid) TryPackReward() ([]byte, error) {
	return podBid.abi.Pack("reward")
}

// UnpackReward is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x228cb733.
//
// Solidity: function reward() view returns(uint256 v)
func (podBid *PodBid) UnpackReward(data []byte) (*big.Int, error) {
	out, err := podBid.abi.Unpack("reward", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUpdateId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfcf04cf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateId() view returns(bytes32 v)
func (podBid *PodBid) PackUpdateId() []byte {
	enc, err := podBid.abi.Pack("updateId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfcf04cf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateId() view returns(bytes32 v)
func (podBid *PodBid) TryPackUpdateId() ([]byte, error) {
	return podBid.abi.Pack("updateId")
}

// UnpackUpdateId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbfcf04cf.
//
// Solidity: function updateId() view returns(bytes32 v)
func (podBid *PodBid) UnpackUpdateId(data []byte) ([32]byte, error) {
	out, err := podBid.abi.Unpack("updateId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVendor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1385a6f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vendor() view returns(address v)
func (podBid *PodBid) PackVendor() []byte {
	enc, err := podBid.abi.Pack("vendor")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVendor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1385a6f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vendor() view returns(address v)
func (podBid *PodBid) TryPackVendor() ([]byte, error) {
	return podBid.abi.Pack("vendor")
}

// UnpackVendor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1385a6f2.
//
// Solidity: function vendor() view returns(address v)
func (podBid *PodBid) UnpackVendor(data []byte) (common.Address, error) {
	out, err := podBid.abi.Unpack("vendor", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (podBid *PodBid) PackWithdraw() []byte {
	enc, err := podBid.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns()
func (podBid *PodBid) TryPackWithdraw() ([]byte, error) {
	return podBid.abi.Pack("withdraw")
}

// PodBidKeyRevealed represents a KeyRevealed event raised by the PodBid contract.
type PodBidKeyRevealed struct {
	DeviceIndex *big.Int
	Device      common.Address
	R           *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const PodBidKeyRevealedEventName = "KeyRevealed"

// ContractEventName returns the user-defined event name.
func (PodBidKeyRevealed) ContractEventName() string {
	return PodBidKeyRevealedEventName
}

// UnpackKeyRevealedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event KeyRevealed(uint256 indexed deviceIndex, address indexed device, uint256 r)
func (podBid *PodBid) UnpackKeyRevealedEvent(log *types.Log) (*PodBidKeyRevealed, error) {
	event := "KeyRevealed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != podBid.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PodBidKeyRevealed)
	if len(log.Data) > 0 {
		if err := podBid.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range podBid.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PodBidWithdrawn represents a Withdrawn event raised by the PodBid contract.
type PodBidWithdrawn struct {
	Vendor common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const PodBidWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (PodBidWithdrawn) ContractEventName() string {
	return PodBidWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed vendor, uint256 amount)
func (podBid *PodBid) UnpackWithdrawnEvent(log *types.Log) (*PodBidWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != podBid.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PodBidWithdrawn)
	if len(log.Data) > 0 {
		if err := podBid.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range podBid.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (podBid *PodBid) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], podBid.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return podBid.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["BadProofLength"].ID.Bytes()[:4]) {
		return podBid.UnpackBadProofLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["BadSignature"].ID.Bytes()[:4]) {
		return podBid.UnpackBadSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["BatchNotSorted"].ID.Bytes()[:4]) {
		return podBid.UnpackBatchNotSortedError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["EmptyBatch"].ID.Bytes()[:4]) {
		return podBid.UnpackEmptyBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["Expired"].ID.Bytes()[:4]) {
		return podBid.UnpackExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["HighS"].ID.Bytes()[:4]) {
		return podBid.UnpackHighSError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["IndexOutOfRange"].ID.Bytes()[:4]) {
		return podBid.UnpackIndexOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["NotAClone"].ID.Bytes()[:4]) {
		return podBid.UnpackNotACloneError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["NotExpired"].ID.Bytes()[:4]) {
		return podBid.UnpackNotExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["NotInFleet"].ID.Bytes()[:4]) {
		return podBid.UnpackNotInFleetError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["NotVendor"].ID.Bytes()[:4]) {
		return podBid.UnpackNotVendorError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["PaymentFailed"].ID.Bytes()[:4]) {
		return podBid.UnpackPaymentFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["RNotDerived"].ID.Bytes()[:4]) {
		return podBid.UnpackRNotDerivedError(raw[4:])
	}
	if bytes.Equal(raw[:4], podBid.abi.Errors["ZeroKey"].ID.Bytes()[:4]) {
		return podBid.UnpackZeroKeyError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PodBidAlreadyClaimed represents a AlreadyClaimed error raised by the PodBid contract.
type PodBidAlreadyClaimed struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(uint256 index)
func PodBidAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0xb3167bfa203824a8528cd651824b49f666ae15ab32eef5801cb2db761a8707a6")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(uint256 index)
func (podBid *PodBid) UnpackAlreadyClaimedError(raw []byte) (*PodBidAlreadyClaimed, error) {
	out := new(PodBidAlreadyClaimed)
	if err := podBid.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidBadProofLength represents a BadProofLength error raised by the PodBid contract.
type PodBidBadProofLength struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadProofLength()
func PodBidBadProofLengthErrorID() common.Hash {
	return common.HexToHash("0xc82db074482a96404b8c17412e3a4ae8671b5b6631e4169671c2148ae9c42cd8")
}

// UnpackBadProofLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadProofLength()
func (podBid *PodBid) UnpackBadProofLengthError(raw []byte) (*PodBidBadProofLength, error) {
	out := new(PodBidBadProofLength)
	if err := podBid.abi.UnpackIntoInterface(out, "BadProofLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidBadSignature represents a BadSignature error raised by the PodBid contract.
type PodBidBadSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadSignature()
func PodBidBadSignatureErrorID() common.Hash {
	return common.HexToHash("0x5cd5d2335541c4f2ed05fbe44f397e8b79f8e2333157122d2dab06e378ef7685")
}

// UnpackBadSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadSignature()
func (podBid *PodBid) UnpackBadSignatureError(raw []byte) (*PodBidBadSignature, error) {
	out := new(PodBidBadSignature)
	if err := podBid.abi.UnpackIntoInterface(out, "BadSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidBatchNotSorted represents a BatchNotSorted error raised by the PodBid contract.
type PodBidBatchNotSorted struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BatchNotSorted()
func PodBidBatchNotSortedErrorID() common.Hash {
	return common.HexToHash("0xb798eba06ac8c5b5add19b1e9c1d5468e201bf8f159fe4eb830d79009c41c1d4")
}

// UnpackBatchNotSortedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BatchNotSorted()
func (podBid *PodBid) UnpackBatchNotSortedError(raw []byte) (*PodBidBatchNotSorted, error) {
	out := new(PodBidBatchNotSorted)
	if err := podBid.abi.UnpackIntoInterface(out, "BatchNotSorted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidEmptyBatch represents a EmptyBatch error raised by the PodBid contract.
type PodBidEmptyBatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyBatch()
func PodBidEmptyBatchErrorID() common.Hash {
	return common.HexToHash("0xc2e5347df6cf8d1bf68f8a9651642312bd381b900d857d97cd665976180d6ae0")
}

// UnpackEmptyBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyBatch()
func (podBid *PodBid) UnpackEmptyBatchError(raw []byte) (*PodBidEmptyBatch, error) {
	out := new(PodBidEmptyBatch)
	if err := podBid.abi.UnpackIntoInterface(out, "EmptyBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidExpired represents a Expired error raised by the PodBid contract.
type PodBidExpired struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Expired()
func PodBidExpiredErrorID() common.Hash {
	return common.HexToHash("0x203d82d8d99f63bfecc8335216735e0271df4249ea752b030f9ab305b94e5afe")
}

// UnpackExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Expired()
func (podBid *PodBid) UnpackExpiredError(raw []byte) (*PodBidExpired, error) {
	out := new(PodBidExpired)
	if err := podBid.abi.UnpackIntoInterface(out, "Expired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidHighS represents a HighS error raised by the PodBid contract.
type PodBidHighS struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error HighS()
func PodBidHighSErrorID() common.Hash {
	return common.HexToHash("0x63376d6dcca11f27c2ae283e44cc3c1ef722f4076ee719ac9b823f2e028fb55d")
}

// UnpackHighSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error HighS()
func (podBid *PodBid) UnpackHighSError(raw []byte) (*PodBidHighS, error) {
	out := new(PodBidHighS)
	if err := podBid.abi.UnpackIntoInterface(out, "HighS", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidIndexOutOfRange represents a IndexOutOfRange error raised by the PodBid contract.
type PodBidIndexOutOfRange struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error IndexOutOfRange()
func PodBidIndexOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x1390f2a1dd33cddc8f706e7eab83b4fd617571b61798f54adfc3b21852444e79")
}

// UnpackIndexOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error IndexOutOfRange()
func (podBid *PodBid) UnpackIndexOutOfRangeError(raw []byte) (*PodBidIndexOutOfRange, error) {
	out := new(PodBidIndexOutOfRange)
	if err := podBid.abi.UnpackIntoInterface(out, "IndexOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidNotAClone represents a NotAClone error raised by the PodBid contract.
type PodBidNotAClone struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAClone()
func PodBidNotACloneErrorID() common.Hash {
	return common.HexToHash("0x3ce914e4217184186f6b764e48d672a96d8a5bd5c7c1bb2f3ea7fc47d1bc4356")
}

// UnpackNotACloneError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAClone()
func (podBid *PodBid) UnpackNotACloneError(raw []byte) (*PodBidNotAClone, error) {
	out := new(PodBidNotAClone)
	if err := podBid.abi.UnpackIntoInterface(out, "NotAClone", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidNotExpired represents a NotExpired error raised by the PodBid contract.
type PodBidNotExpired struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotExpired()
func PodBidNotExpiredErrorID() common.Hash {
	return common.HexToHash("0xd0404f85ba4e05bc9297b11eebe43be7ba513eafd8961efcc62c4ef15e5bc0b9")
}

// UnpackNotExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotExpired()
func (podBid *PodBid) UnpackNotExpiredError(raw []byte) (*PodBidNotExpired, error) {
	out := new(PodBidNotExpired)
	if err := podBid.abi.UnpackIntoInterface(out, "NotExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidNotInFleet represents a NotInFleet error raised by the PodBid contract.
type PodBidNotInFleet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotInFleet()
func PodBidNotInFleetErrorID() common.Hash {
	return common.HexToHash("0x1ce90db655da7a7b3f3346c236e75fab3719fe93c9bd5420cdf2c3a9156292fc")
}

// UnpackNotInFleetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotInFleet()
func (podBid *PodBid) UnpackNotInFleetError(raw []byte) (*PodBidNotInFleet, error) {
	out := new(PodBidNotInFleet)
	if err := podBid.abi.UnpackIntoInterface(out, "NotInFleet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidNotVendor represents a NotVendor error raised by the PodBid contract.
type PodBidNotVendor struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotVendor()
func PodBidNotVendorErrorID() common.Hash {
	return common.HexToHash("0x014345453c38d4dbe636c144f4b09cc006e2b95a7ae16a38e9413ef4bd46680b")
}

// UnpackNotVendorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotVendor()
func (podBid *PodBid) UnpackNotVendorError(raw []byte) (*PodBidNotVendor, error) {
	out := new(PodBidNotVendor)
	if err := podBid.abi.UnpackIntoInterface(out, "NotVendor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidPaymentFailed represents a PaymentFailed error raised by the PodBid contract.
type PodBidPaymentFailed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PaymentFailed()
func PodBidPaymentFailedErrorID() common.Hash {
	return common.HexToHash("0xf499da2002a42cc0e682f3cac7e9b85f1bca52c33814755c09d207fd799b718c")
}

// UnpackPaymentFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PaymentFailed()
func (podBid *PodBid) UnpackPaymentFailedError(raw []byte) (*PodBidPaymentFailed, error) {
	out := new(PodBidPaymentFailed)
	if err := podBid.abi.UnpackIntoInterface(out, "PaymentFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidRNotDerived represents a RNotDerived error raised by the PodBid contract.
type PodBidRNotDerived struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RNotDerived()
func PodBidRNotDerivedErrorID() common.Hash {
	return common.HexToHash("0x25dc8e637eedf78c5ae10b9eee44a82cb356430372e488ce69a84ffb3aceba88")
}

// UnpackRNotDerivedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RNotDerived()
func (podBid *PodBid) UnpackRNotDerivedError(raw []byte) (*PodBidRNotDerived, error) {
	out := new(PodBidRNotDerived)
	if err := podBid.abi.UnpackIntoInterface(out, "RNotDerived", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodBidZeroKey represents a ZeroKey error raised by the PodBid contract.
type PodBidZeroKey struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroKey()
func PodBidZeroKeyErrorID() common.Hash {
	return common.HexToHash("0xfbd849c64583c50579479efaac1ef44e6d9d78379a9ea28aa6150a3b683c09f5")
}

// UnpackZeroKeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroKey()
func (podBid *PodBid) UnpackZeroKeyError(raw []byte) (*PodBidZeroKey, error) {
	out := new(PodBidZeroKey)
	if err := podBid.abi.UnpackIntoInterface(out, "ZeroKey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelMetaData contains all meta data concerning the PodnetChannel contract.
var PodnetChannelMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BadProofLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadTreeSize\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ChannelClosed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ChannelExists\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"DepositTooLarge\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpiryNotInFuture\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"HighS\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"IndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotExpired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotMember\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"OverDeposit\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SameBlock\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"UnknownChannel\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"WrongKind\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"WrongSigner\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroCumulative\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroDeposit\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"KIND_CLIENT\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KIND_DELEGATED\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KIND_TREE\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"server\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"}],\"name\":\"channelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"channels\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"state\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"vs\",\"type\":\"bytes32\"}],\"name\":\"close\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"vs\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"closeTree\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"server\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"}],\"name\":\"openClient\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"server\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"}],\"name\":\"openDelegated\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"server\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"size\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"}],\"name\":\"openTree\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"openBlock\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"size\",\"type\":\"uint64\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"}],\"name\":\"packTerms\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"}],\"name\":\"receiptDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"server\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"}],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "PodnetChannel",
	Bin: "0x60c060405234801561000f575f5ffd5b504660a0818152604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f6020808301919091527f9adad22afdcba81326ff38d5920279fd4eac11b2723557c9555224b836c98318828401527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc66060830152608082019490945230818401528151808203909301835260c0019052805191012060805260805160a0516113126100d45f395f61079001525f61086401526113125ff3fe6080604052600436106100d9575f3560e01c80636c9fb62d1161007c5780638bb56d27116100575780638bb56d27146102745780639e2d428b146102ad578063d345c582146102c0578063f698da25146102df575f5ffd5b80636c9fb62d146102225780637a7ebd7b146102365780638a8eab6014610261575f5ffd5b80632e775c68116100b75780632e775c68146101aa57806338f7cf5c146101d05780634852e2e4146101ef5780634d152d7c14610203575f5ffd5b80630398da3b146100dd5780630dcd9c4e146101035780631ff9b34a14610189575b5f5ffd5b6100f06100eb366004610fe4565b6102f3565b6040519081526020015b60405180910390f35b34801561010e575f5ffd5b506100f061011d36600461102e565b78ff00000000000000000000000000000000000000000000000060c082901b1677ffffffffffffffff00000000000000000000000000000000608084901b16176fffffffffffffffff0000000000000000604085901b161767ffffffffffffffff851617949350505050565b348015610194575f5ffd5b506101a86101a3366004611086565b610367565b005b3480156101b5575f5ffd5b506101be600181565b60405160ff90911681526020016100fa565b3480156101db575f5ffd5b506101a86101ea3660046110d7565b6104b6565b3480156101fa575f5ffd5b506101be600281565b34801561020e575f5ffd5b506100f061021d366004611107565b610609565b34801561022d575f5ffd5b506101be600381565b348015610241575f5ffd5b506100f0610250366004611127565b5f6020819052908152604090205481565b6100f061026f36600461113e565b610664565b34801561027f575f5ffd5b506100f061028e36600461116f565b6040805194855260208501939093529183015260608201526080902090565b6100f06102bb3660046111ae565b61067c565b3480156102cb575f5ffd5b506101a86102da3660046111ee565b6106f6565b3480156102ea575f5ffd5b506100f061078d565b5f67ffffffffffffffff8316158061031957506401000000008367ffffffffffffffff16115b15610350576040517f93993e7200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b61035e858584866003610886565b95945050505050565b60c084901c73ffffffffffffffffffffffffffffffffffffffff86161561038f576002610392565b60015b60ff168160ff16146103d0576040517f35a08a0700000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f61040d883373ffffffffffffffffffffffffffffffffffffffff8a16896040805194855260208501939093529183015260608201526080902090565b905073ffffffffffffffffffffffffffffffffffffffff8716156104315786610433565b875b73ffffffffffffffffffffffffffffffffffffffff1661045582878787610a69565b73ffffffffffffffffffffffffffffffffffffffff16146104a2576040517fa7932e6a00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6104ac8186610bd2565b5050505050505050565b6040805133815260208082018690528183018590526060820184905260809091205f81815291829052918120549081900361051d576040517f7d18f3da00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b7f800000000000000000000000000000000000000000000000000000000000000081165f0361058f578267ffffffffffffffff1642101561058a576040517fd0404f8500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6105d6565b604083901c67ffffffffffffffff1643116105d6576040517f6dde458800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f828152602081905260408120556fffffffffffffffffffffffffffffffff81166106013382610d2a565b505050505050565b5f5f61061361078d565b604080517f9db46b648f98bec288d86cb099e132115f820088981d74276d2aa29a353d65df8152602081019687529081019485526060812061190182529190955290925250506042601e9091012090565b5f610673838284816001610886565b90505b92915050565b5f73ffffffffffffffffffffffffffffffffffffffff83166106ca576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6106ee8473ffffffffffffffffffffffffffffffffffffffff8516845f6002610886565b949350505050565b60c087901c60ff16600314610737576040517f35a08a0700000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b604080518a815233602082015290810189905260608101889052608090205f61076282898989610a69565b90506107768a60808b901c87848888610d6c565b6107808289610bd2565b5050505050505050505050565b5f7f000000000000000000000000000000000000000000000000000000000000000046146108615761085c604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f9adad22afdcba81326ff38d5920279fd4eac11b2723557c9555224b836c98318918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b905090565b507f000000000000000000000000000000000000000000000000000000000000000090565b5f345f036108c0576040517f56316e8700000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6fffffffffffffffffffffffffffffffff34111561090a576040517fc56d46d300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b73ffffffffffffffffffffffffffffffffffffffff8616610957576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b428467ffffffffffffffff161161099a576040517fed8adeb100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610a0833878767ffffffffffffffff88164360401b6fffffffffffffffff000000000000000016608089901b77ffffffffffffffff000000000000000000000000000000001660c089901b78ff0000000000000000000000000000000000000000000000001617171761028e565b5f8181526020819052604090205490915015610a50576040517fd180033c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f81815260208190526040902034905595945050505050565b5f7f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82167f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0811115610ae7576040517f63376d6d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f610af760ff85901c601b6112a7565b90506001610b058888610609565b604080515f8152602081018083529290925260ff841690820152606081018790526080810184905260a0016020604051602081039080840390855afa158015610b50573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015193505073ffffffffffffffffffffffffffffffffffffffff8316610bc8576040517f8baa579f00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5050949350505050565b5f8281526020819052604081205490819003610c1a576040517f7d18f3da00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b7f8000000000000000000000000000000000000000000000000000000000000000811615610c74576040517f6821b7df00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b815f03610cad576040517feaa6973b00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b80821115610ce7576040517f833535fc00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8381526020819052604090207f8000000000000000000000000000000000000000000000000000000000000000838303179055610d253383610d2a565b505050565b5f5f5f5f5f85875af1905080610d25576040517f90b8ec1800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8467ffffffffffffffff168410610daf576040517f1390f2a100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5b67ffffffffffffffff86166001821b1015610dce57600101610db1565b818114610e07576040517fc82db07400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040515f602082018190527fffffffffffffffff00000000000000000000000000000000000000000000000060c088901b1660218301527fffffffffffffffffffffffffffffffffffffffff000000000000000000000000606087901b16602983015290603d016040516020818303038152906040528051906020012090505f5b82811015610f6b575f858583818110610ea357610ea36112e5565b9050602002013590508188901c600116600114610f0f576040517f01000000000000000000000000000000000000000000000000000000000000006020820152602181018490526041810182905260610160405160208183030381529060405280519060200120610f60565b6040517f010000000000000000000000000000000000000000000000000000000000000060208201526021810182905260418101849052606101604051602081830303815290604052805190602001205b925050600101610e88565b508781146104ac576040517f291fc44200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b803573ffffffffffffffffffffffffffffffffffffffff81168114610fc8575f5ffd5b919050565b803567ffffffffffffffff81168114610fc8575f5ffd5b5f5f5f5f60808587031215610ff7575f5ffd5b61100085610fa5565b93506020850135925061101560408601610fcd565b915061102360608601610fcd565b905092959194509250565b5f5f5f5f60808587031215611041575f5ffd5b61104a85610fcd565b935061105860208601610fcd565b925061106660408601610fcd565b9150606085013560ff8116811461107b575f5ffd5b939692955090935050565b5f5f5f5f5f5f60c0878903121561109b575f5ffd5b6110a487610fa5565b95506110b260208801610fa5565b95989597505050506040840135936060810135936080820135935060a0909101359150565b5f5f5f606084860312156110e9575f5ffd5b6110f284610fa5565b95602085013595506040909401359392505050565b5f5f60408385031215611118575f5ffd5b50508035926020909101359150565b5f60208284031215611137575f5ffd5b5035919050565b5f5f6040838503121561114f575f5ffd5b61115883610fa5565b915061116660208401610fcd565b90509250929050565b5f5f5f5f60808587031215611182575f5ffd5b61118b85610fa5565b935061119960208601610fa5565b93969395505050506040820135916060013590565b5f5f5f606084860312156111c0575f5ffd5b6111c984610fa5565b92506111d760208501610fa5565b91506111e560408501610fcd565b90509250925092565b5f5f5f5f5f5f5f5f5f6101008a8c031215611207575f5ffd5b6112108a610fa5565b985060208a0135975060408a0135965060608a0135955060808a0135945060a08a0135935060c08a0135925060e08a013567ffffffffffffffff811115611255575f5ffd5b8a01601f81018c13611265575f5ffd5b803567ffffffffffffffff81111561127b575f5ffd5b8c60208260051b840101111561128f575f5ffd5b60208201935080925050509295985092959850929598565b60ff8181168382160190811115610676577f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd",
}

// PodnetChannel is an auto generated Go binding around an Ethereum contract.
type PodnetChannel struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *PodnetChannel) GetABI() abi.ABI {
	return c.abi
}

// NewPodnetChannel creates a new instance of PodnetChannel.
func NewPodnetChannel() *PodnetChannel {
	parsed, err := PodnetChannelMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PodnetChannel{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PodnetChannel) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackKINDCLIENT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e775c68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KIND_CLIENT() view returns(uint8)
func (podnetChannel *PodnetChannel) PackKINDCLIENT() []byte {
	enc, err := podnetChannel.abi.Pack("KIND_CLIENT")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKINDCLIENT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e775c68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KIND_CLIENT() view returns(uint8)
func (podnetChannel *PodnetChannel) TryPackKINDCLIENT() ([]byte, error) {
	return podnetChannel.abi.Pack("KIND_CLIENT")
}

// UnpackKINDCLIENT is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2e775c68.
//
// Solidity: function KIND_CLIENT() view returns(uint8)
func (podnetChannel *PodnetChannel) UnpackKINDCLIENT(data []byte) (uint8, error) {
	out, err := podnetChannel.abi.Unpack("KIND_CLIENT", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackKINDDELEGATED is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4852e2e4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KIND_DELEGATED() view returns(uint8)
func (podnetChannel *PodnetChannel) PackKINDDELEGATED() []byte {
	enc, err := podnetChannel.abi.Pack("KIND_DELEGATED")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKINDDELEGATED is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4852e2e4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KIND_DELEGATED() view returns(uint8)
func (podnetChannel *PodnetChannel) TryPackKINDDELEGATED() ([]byte, error) {
	return podnetChannel.abi.Pack("KIND_DELEGATED")
}

// UnpackKINDDELEGATED is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4852e2e4.
//
// Solidity: function KIND_DELEGATED() view returns(uint8)
func (podnetChannel *PodnetChannel) UnpackKINDDELEGATED(data []byte) (uint8, error) {
	out, err := podnetChannel.abi.Unpack("KIND_DELEGATED", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackKINDTREE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c9fb62d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KIND_TREE() view returns(uint8)
func (podnetChannel *PodnetChannel) PackKINDTREE() []byte {
	enc, err := podnetChannel.abi.Pack("KIND_TREE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKINDTREE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c9fb62d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KIND_TREE() view returns(uint8)
func (podnetChannel *PodnetChannel) TryPackKINDTREE() ([]byte, error) {
	return podnetChannel.abi.Pack("KIND_TREE")
}

// UnpackKINDTREE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6c9fb62d.
//
// Solidity: function KIND_TREE() view returns(uint8)
func (podnetChannel *PodnetChannel) UnpackKINDTREE(data []byte) (uint8, error) {
	out, err := podnetChannel.abi.Unpack("KIND_TREE", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackChannelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8bb56d27.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function channelId(address owner, address server, bytes32 key, uint256 terms) pure returns(bytes32 id)
func (podnetChannel *PodnetChannel) PackChannelId(owner common.Address, server common.Address, key [32]byte, terms *big.Int) []byte {
	enc, err := podnetChannel.abi.Pack("channelId", owner, server, key, terms)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChannelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8bb56d27.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function channelId(address owner, address server, bytes32 key, uint256 terms) pure returns(bytes32 id)
func (podnetChannel *PodnetChannel) TryPackChannelId(owner common.Address, server common.Address, key [32]byte, terms *big.Int) ([]byte, error) {
	return podnetChannel.abi.Pack("channelId", owner, server, key, terms)
}

// UnpackChannelId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8bb56d27.
//
// Solidity: function channelId(address owner, address server, bytes32 key, uint256 terms) pure returns(bytes32 id)
func (podnetChannel *PodnetChannel) UnpackChannelId(data []byte) ([32]byte, error) {
	out, err := podnetChannel.abi.Unpack("channelId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackChannels is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a7ebd7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function channels(bytes32 id) view returns(uint256 state)
func (podnetChannel *PodnetChannel) PackChannels(id [32]byte) []byte {
	enc, err := podnetChannel.abi.Pack("channels", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChannels is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a7ebd7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function channels(bytes32 id) view returns(uint256 state)
func (podnetChannel *PodnetChannel) TryPackChannels(id [32]byte) ([]byte, error) {
	return podnetChannel.abi.Pack("channels", id)
}

// UnpackChannels is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7a7ebd7b.
//
// Solidity: function channels(bytes32 id) view returns(uint256 state)
func (podnetChannel *PodnetChannel) UnpackChannels(data []byte) (*big.Int, error) {
	out, err := podnetChannel.abi.Unpack("channels", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1ff9b34a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function close(address owner, address client, uint256 terms, uint256 cumulative, bytes32 r, bytes32 vs) returns()
func (podnetChannel *PodnetChannel) PackClose(owner common.Address, client common.Address, terms *big.Int, cumulative *big.Int, r [32]byte, vs [32]byte) []byte {
	enc, err := podnetChannel.abi.Pack("close", owner, client, terms, cumulative, r, vs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1ff9b34a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function close(address owner, address client, uint256 terms, uint256 cumulative, bytes32 r, bytes32 vs) returns()
func (podnetChannel *PodnetChannel) TryPackClose(owner common.Address, client common.Address, terms *big.Int, cumulative *big.Int, r [32]byte, vs [32]byte) ([]byte, error) {
	return podnetChannel.abi.Pack("close", owner, client, terms, cumulative, r, vs)
}

// PackCloseTree is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd345c582.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function closeTree(address owner, bytes32 root, uint256 terms, uint256 cumulative, bytes32 r, bytes32 vs, uint256 index, bytes32[] proof) returns()
func (podnetChannel *PodnetChannel) PackCloseTree(owner common.Address, root [32]byte, terms *big.Int, cumulative *big.Int, r [32]byte, vs [32]byte, index *big.Int, proof [][32]byte) []byte {
	enc, err := podnetChannel.abi.Pack("closeTree", owner, root, terms, cumulative, r, vs, index, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCloseTree is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd345c582.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function closeTree(address owner, bytes32 root, uint256 terms, uint256 cumulative, bytes32 r, bytes32 vs, uint256 index, bytes32[] proof) returns()
func (podnetChannel *PodnetChannel) TryPackCloseTree(owner common.Address, root [32]byte, terms *big.Int, cumulative *big.Int, r [32]byte, vs [32]byte, index *big.Int, proof [][32]byte) ([]byte, error) {
	return podnetChannel.abi.Pack("closeTree", owner, root, terms, cumulative, r, vs, index, proof)
}

// PackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (podnetChannel *PodnetChannel) PackDomainSeparator() []byte {
	enc, err := podnetChannel.abi.Pack("domainSeparator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (podnetChannel *PodnetChannel) TryPackDomainSeparator() ([]byte, error) {
	return podnetChannel.abi.Pack("domainSeparator")
}

// UnpackDomainSeparator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (podnetChannel *PodnetChannel) UnpackDomainSeparator(data []byte) ([32]byte, error) {
	out, err := podnetChannel.abi.Unpack("domainSeparator", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOpenClient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a8eab60.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openClient(address server, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) PackOpenClient(server common.Address, expiry uint64) []byte {
	enc, err := podnetChannel.abi.Pack("openClient", server, expiry)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenClient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a8eab60.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openClient(address server, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) TryPackOpenClient(server common.Address, expiry uint64) ([]byte, error) {
	return podnetChannel.abi.Pack("openClient", server, expiry)
}

// UnpackOpenClient is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8a8eab60.
//
// Solidity: function openClient(address server, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) UnpackOpenClient(data []byte) ([32]byte, error) {
	out, err := podnetChannel.abi.Unpack("openClient", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOpenDelegated is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e2d428b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openDelegated(address server, address client, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) PackOpenDelegated(server common.Address, client common.Address, expiry uint64) []byte {
	enc, err := podnetChannel.abi.Pack("openDelegated", server, client, expiry)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenDelegated is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e2d428b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openDelegated(address server, address client, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) TryPackOpenDelegated(server common.Address, client common.Address, expiry uint64) ([]byte, error) {
	return podnetChannel.abi.Pack("openDelegated", server, client, expiry)
}

// UnpackOpenDelegated is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9e2d428b.
//
// Solidity: function openDelegated(address server, address client, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) UnpackOpenDelegated(data []byte) ([32]byte, error) {
	out, err := podnetChannel.abi.Unpack("openDelegated", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOpenTree is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0398da3b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openTree(address server, bytes32 root, uint64 size, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) PackOpenTree(server common.Address, root [32]byte, size uint64, expiry uint64) []byte {
	enc, err := podnetChannel.abi.Pack("openTree", server, root, size, expiry)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenTree is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0398da3b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openTree(address server, bytes32 root, uint64 size, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) TryPackOpenTree(server common.Address, root [32]byte, size uint64, expiry uint64) ([]byte, error) {
	return podnetChannel.abi.Pack("openTree", server, root, size, expiry)
}

// UnpackOpenTree is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0398da3b.
//
// Solidity: function openTree(address server, bytes32 root, uint64 size, uint64 expiry) payable returns(bytes32 id)
func (podnetChannel *PodnetChannel) UnpackOpenTree(data []byte) ([32]byte, error) {
	out, err := podnetChannel.abi.Unpack("openTree", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPackTerms is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0dcd9c4e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function packTerms(uint64 expiry, uint64 openBlock, uint64 size, uint8 kind) pure returns(uint256)
func (podnetChannel *PodnetChannel) PackPackTerms(expiry uint64, openBlock uint64, size uint64, kind uint8) []byte {
	enc, err := podnetChannel.abi.Pack("packTerms", expiry, openBlock, size, kind)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPackTerms is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0dcd9c4e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function packTerms(uint64 expiry, uint64 openBlock, uint64 size, uint8 kind) pure returns(uint256)
func (podnetChannel *PodnetChannel) TryPackPackTerms(expiry uint64, openBlock uint64, size uint64, kind uint8) ([]byte, error) {
	return podnetChannel.abi.Pack("packTerms", expiry, openBlock, size, kind)
}

// UnpackPackTerms is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0dcd9c4e.
//
// Solidity: function packTerms(uint64 expiry, uint64 openBlock, uint64 size, uint8 kind) pure returns(uint256)
func (podnetChannel *PodnetChannel) UnpackPackTerms(data []byte) (*big.Int, error) {
	out, err := podnetChannel.abi.Unpack("packTerms", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReceiptDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d152d7c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function receiptDigest(bytes32 id, uint256 cumulative) view returns(bytes32 digest)
func (podnetChannel *PodnetChannel) PackReceiptDigest(id [32]byte, cumulative *big.Int) []byte {
	enc, err := podnetChannel.abi.Pack("receiptDigest", id, cumulative)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReceiptDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d152d7c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function receiptDigest(bytes32 id, uint256 cumulative) view returns(bytes32 digest)
func (podnetChannel *PodnetChannel) TryPackReceiptDigest(id [32]byte, cumulative *big.Int) ([]byte, error) {
	return podnetChannel.abi.Pack("receiptDigest", id, cumulative)
}

// UnpackReceiptDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4d152d7c.
//
// Solidity: function receiptDigest(bytes32 id, uint256 cumulative) view returns(bytes32 digest)
func (podnetChannel *PodnetChannel) UnpackReceiptDigest(data []byte) ([32]byte, error) {
	out, err := podnetChannel.abi.Unpack("receiptDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x38f7cf5c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refund(address server, bytes32 key, uint256 terms) returns()
func (podnetChannel *PodnetChannel) PackRefund(server common.Address, key [32]byte, terms *big.Int) []byte {
	enc, err := podnetChannel.abi.Pack("refund", server, key, terms)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x38f7cf5c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refund(address server, bytes32 key, uint256 terms) returns()
func (podnetChannel *PodnetChannel) TryPackRefund(server common.Address, key [32]byte, terms *big.Int) ([]byte, error) {
	return podnetChannel.abi.Pack("refund", server, key, terms)
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (podnetChannel *PodnetChannel) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["BadProofLength"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackBadProofLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["BadTreeSize"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackBadTreeSizeError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["ChannelClosed"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackChannelClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["ChannelExists"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackChannelExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["DepositTooLarge"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackDepositTooLargeError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["ExpiryNotInFuture"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackExpiryNotInFutureError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["HighS"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackHighSError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["IndexOutOfRange"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackIndexOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["NotExpired"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackNotExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["NotMember"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackNotMemberError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["OverDeposit"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackOverDepositError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["SameBlock"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackSameBlockError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["TransferFailed"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["UnknownChannel"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackUnknownChannelError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["WrongKind"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackWrongKindError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["WrongSigner"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackWrongSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["ZeroCumulative"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackZeroCumulativeError(raw[4:])
	}
	if bytes.Equal(raw[:4], podnetChannel.abi.Errors["ZeroDeposit"].ID.Bytes()[:4]) {
		return podnetChannel.UnpackZeroDepositError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PodnetChannelBadProofLength represents a BadProofLength error raised by the PodnetChannel contract.
type PodnetChannelBadProofLength struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadProofLength()
func PodnetChannelBadProofLengthErrorID() common.Hash {
	return common.HexToHash("0xc82db074482a96404b8c17412e3a4ae8671b5b6631e4169671c2148ae9c42cd8")
}

// UnpackBadProofLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadProofLength()
func (podnetChannel *PodnetChannel) UnpackBadProofLengthError(raw []byte) (*PodnetChannelBadProofLength, error) {
	out := new(PodnetChannelBadProofLength)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "BadProofLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelBadTreeSize represents a BadTreeSize error raised by the PodnetChannel contract.
type PodnetChannelBadTreeSize struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadTreeSize()
func PodnetChannelBadTreeSizeErrorID() common.Hash {
	return common.HexToHash("0x93993e72ea850f2b5e6357d0c82309e51ba3719073dbbebd7428eb3343028cdf")
}

// UnpackBadTreeSizeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadTreeSize()
func (podnetChannel *PodnetChannel) UnpackBadTreeSizeError(raw []byte) (*PodnetChannelBadTreeSize, error) {
	out := new(PodnetChannelBadTreeSize)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "BadTreeSize", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelChannelClosed represents a ChannelClosed error raised by the PodnetChannel contract.
type PodnetChannelChannelClosed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChannelClosed()
func PodnetChannelChannelClosedErrorID() common.Hash {
	return common.HexToHash("0x6821b7df6ac3c960825ec594d716b8c7babb16a672ffdf0679a9ff6e873d5c82")
}

// UnpackChannelClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChannelClosed()
func (podnetChannel *PodnetChannel) UnpackChannelClosedError(raw []byte) (*PodnetChannelChannelClosed, error) {
	out := new(PodnetChannelChannelClosed)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "ChannelClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelChannelExists represents a ChannelExists error raised by the PodnetChannel contract.
type PodnetChannelChannelExists struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChannelExists()
func PodnetChannelChannelExistsErrorID() common.Hash {
	return common.HexToHash("0xd180033c21acac5464c177a99211266f1dc1a86c86d5b01a5c9c9b087126f54e")
}

// UnpackChannelExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChannelExists()
func (podnetChannel *PodnetChannel) UnpackChannelExistsError(raw []byte) (*PodnetChannelChannelExists, error) {
	out := new(PodnetChannelChannelExists)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "ChannelExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelDepositTooLarge represents a DepositTooLarge error raised by the PodnetChannel contract.
type PodnetChannelDepositTooLarge struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DepositTooLarge()
func PodnetChannelDepositTooLargeErrorID() common.Hash {
	return common.HexToHash("0xc56d46d36a2d84aef20d9c3d6af42b6c3db1785c8769fa476d5b9d4984177595")
}

// UnpackDepositTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DepositTooLarge()
func (podnetChannel *PodnetChannel) UnpackDepositTooLargeError(raw []byte) (*PodnetChannelDepositTooLarge, error) {
	out := new(PodnetChannelDepositTooLarge)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "DepositTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelExpiryNotInFuture represents a ExpiryNotInFuture error raised by the PodnetChannel contract.
type PodnetChannelExpiryNotInFuture struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpiryNotInFuture()
func PodnetChannelExpiryNotInFutureErrorID() common.Hash {
	return common.HexToHash("0xed8adeb1102e172219c7fb552b722b6b7eb8daa2a248f2ed055b37d4bed268d6")
}

// UnpackExpiryNotInFutureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpiryNotInFuture()
func (podnetChannel *PodnetChannel) UnpackExpiryNotInFutureError(raw []byte) (*PodnetChannelExpiryNotInFuture, error) {
	out := new(PodnetChannelExpiryNotInFuture)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "ExpiryNotInFuture", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelHighS represents a HighS error raised by the PodnetChannel contract.
type PodnetChannelHighS struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error HighS()
func PodnetChannelHighSErrorID() common.Hash {
	return common.HexToHash("0x63376d6dcca11f27c2ae283e44cc3c1ef722f4076ee719ac9b823f2e028fb55d")
}

// UnpackHighSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error HighS()
func (podnetChannel *PodnetChannel) UnpackHighSError(raw []byte) (*PodnetChannelHighS, error) {
	out := new(PodnetChannelHighS)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "HighS", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelIndexOutOfRange represents a IndexOutOfRange error raised by the PodnetChannel contract.
type PodnetChannelIndexOutOfRange struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error IndexOutOfRange()
func PodnetChannelIndexOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x1390f2a1dd33cddc8f706e7eab83b4fd617571b61798f54adfc3b21852444e79")
}

// UnpackIndexOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error IndexOutOfRange()
func (podnetChannel *PodnetChannel) UnpackIndexOutOfRangeError(raw []byte) (*PodnetChannelIndexOutOfRange, error) {
	out := new(PodnetChannelIndexOutOfRange)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "IndexOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelInvalidSignature represents a InvalidSignature error raised by the PodnetChannel contract.
type PodnetChannelInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature()
func PodnetChannelInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x8baa579fce362245063d36f11747a89dd489c54795634fc673cc0e0db51fedc5")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature()
func (podnetChannel *PodnetChannel) UnpackInvalidSignatureError(raw []byte) (*PodnetChannelInvalidSignature, error) {
	out := new(PodnetChannelInvalidSignature)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelNotExpired represents a NotExpired error raised by the PodnetChannel contract.
type PodnetChannelNotExpired struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotExpired()
func PodnetChannelNotExpiredErrorID() common.Hash {
	return common.HexToHash("0xd0404f85ba4e05bc9297b11eebe43be7ba513eafd8961efcc62c4ef15e5bc0b9")
}

// UnpackNotExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotExpired()
func (podnetChannel *PodnetChannel) UnpackNotExpiredError(raw []byte) (*PodnetChannelNotExpired, error) {
	out := new(PodnetChannelNotExpired)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "NotExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelNotMember represents a NotMember error raised by the PodnetChannel contract.
type PodnetChannelNotMember struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMember()
func PodnetChannelNotMemberErrorID() common.Hash {
	return common.HexToHash("0x291fc4420c8165e98fd5242dbef7801a3e15362e7145298cdc679484368471a2")
}

// UnpackNotMemberError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMember()
func (podnetChannel *PodnetChannel) UnpackNotMemberError(raw []byte) (*PodnetChannelNotMember, error) {
	out := new(PodnetChannelNotMember)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "NotMember", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelOverDeposit represents a OverDeposit error raised by the PodnetChannel contract.
type PodnetChannelOverDeposit struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OverDeposit()
func PodnetChannelOverDepositErrorID() common.Hash {
	return common.HexToHash("0x833535fc54c1baab7434b6e36ace94a0455ee9e24cb66b6b8a9eeb838b771b3b")
}

// UnpackOverDepositError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OverDeposit()
func (podnetChannel *PodnetChannel) UnpackOverDepositError(raw []byte) (*PodnetChannelOverDeposit, error) {
	out := new(PodnetChannelOverDeposit)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "OverDeposit", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelSameBlock represents a SameBlock error raised by the PodnetChannel contract.
type PodnetChannelSameBlock struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SameBlock()
func PodnetChannelSameBlockErrorID() common.Hash {
	return common.HexToHash("0x6dde4588f08df8925a4693e6d486fa349cd522dbc4d877318af5b44c2d7448eb")
}

// UnpackSameBlockError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SameBlock()
func (podnetChannel *PodnetChannel) UnpackSameBlockError(raw []byte) (*PodnetChannelSameBlock, error) {
	out := new(PodnetChannelSameBlock)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "SameBlock", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelTransferFailed represents a TransferFailed error raised by the PodnetChannel contract.
type PodnetChannelTransferFailed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferFailed()
func PodnetChannelTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x90b8ec1877afffd816d05d9b13947f3ff18ec5851c38bad15ec2b710f92391b1")
}

// UnpackTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferFailed()
func (podnetChannel *PodnetChannel) UnpackTransferFailedError(raw []byte) (*PodnetChannelTransferFailed, error) {
	out := new(PodnetChannelTransferFailed)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "TransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelUnknownChannel represents a UnknownChannel error raised by the PodnetChannel contract.
type PodnetChannelUnknownChannel struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownChannel()
func PodnetChannelUnknownChannelErrorID() common.Hash {
	return common.HexToHash("0x7d18f3da450ee02fe6a12b9cc06b8c2603faf5ebec73ef7495a87f6db1597b57")
}

// UnpackUnknownChannelError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownChannel()
func (podnetChannel *PodnetChannel) UnpackUnknownChannelError(raw []byte) (*PodnetChannelUnknownChannel, error) {
	out := new(PodnetChannelUnknownChannel)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "UnknownChannel", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelWrongKind represents a WrongKind error raised by the PodnetChannel contract.
type PodnetChannelWrongKind struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongKind()
func PodnetChannelWrongKindErrorID() common.Hash {
	return common.HexToHash("0x35a08a07f4180e1ab02bc783ea90dea8590f53e984398b1b1e1f1874e0d2e24c")
}

// UnpackWrongKindError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongKind()
func (podnetChannel *PodnetChannel) UnpackWrongKindError(raw []byte) (*PodnetChannelWrongKind, error) {
	out := new(PodnetChannelWrongKind)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "WrongKind", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelWrongSigner represents a WrongSigner error raised by the PodnetChannel contract.
type PodnetChannelWrongSigner struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongSigner()
func PodnetChannelWrongSignerErrorID() common.Hash {
	return common.HexToHash("0xa7932e6aada72effcdc0289c8eb5741bae8c70968f5d6c6ab8df648257fb7b89")
}

// UnpackWrongSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongSigner()
func (podnetChannel *PodnetChannel) UnpackWrongSignerError(raw []byte) (*PodnetChannelWrongSigner, error) {
	out := new(PodnetChannelWrongSigner)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "WrongSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelZeroAddress represents a ZeroAddress error raised by the PodnetChannel contract.
type PodnetChannelZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func PodnetChannelZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (podnetChannel *PodnetChannel) UnpackZeroAddressError(raw []byte) (*PodnetChannelZeroAddress, error) {
	out := new(PodnetChannelZeroAddress)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelZeroCumulative represents a ZeroCumulative error raised by the PodnetChannel contract.
type PodnetChannelZeroCumulative struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroCumulative()
func PodnetChannelZeroCumulativeErrorID() common.Hash {
	return common.HexToHash("0xeaa6973b27f3838f64a991c418501d04256577dc2cb34996ad0b47e6055b0770")
}

// UnpackZeroCumulativeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroCumulative()
func (podnetChannel *PodnetChannel) UnpackZeroCumulativeError(raw []byte) (*PodnetChannelZeroCumulative, error) {
	out := new(PodnetChannelZeroCumulative)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "ZeroCumulative", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PodnetChannelZeroDeposit represents a ZeroDeposit error raised by the PodnetChannel contract.
type PodnetChannelZeroDeposit struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroDeposit()
func PodnetChannelZeroDepositErrorID() common.Hash {
	return common.HexToHash("0x56316e877e9063fd05b03c347d61a4639470c3199f0bdddd28efee0a5f8b6b02")
}

// UnpackZeroDepositError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroDeposit()
func (podnetChannel *PodnetChannel) UnpackZeroDepositError(raw []byte) (*PodnetChannelZeroDeposit, error) {
	out := new(PodnetChannelZeroDeposit)
	if err := podnetChannel.abi.UnpackIntoInterface(out, "ZeroDeposit", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReentrantDistributorMetaData contains all meta data concerning the ReentrantDistributor contract.
var ReentrantDistributorMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractPodBid\",\"name\":\"b\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"uint64\",\"name\":\"index\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"device\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"t\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"r\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"sigR\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"sigS\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"sigV\",\"type\":\"uint8\"}],\"internalType\":\"structPodBid.Claim\",\"name\":\"c\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint8\",\"name\":\"m\",\"type\":\"uint8\"}],\"name\":\"attack\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"mode\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"payments\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"received\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reentryError\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reentrySucceeded\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	ID:  "ReentrantDistributor",
	Bin: "0x6080604052348015600e575f5ffd5b50610e528061001c5f395ff3fe608060405260043610610066575f3560e01c806383a6deb51161004157806383a6deb514610476578063a6d23e1014610499578063ca6ddc2f146104ae575f5ffd5b8063295a5212146103ff5780632fcf94f01461042e57806359703b2e1461044d575f5ffd5b366103fb576001805f82825461007c919061066f565b925050819055503460025f828254610094919061066f565b90915550505f5460ff1660030361010b576040517f08c379a000000000000000000000000000000000000000000000000000000000815260206004820152601360248201527f6e6f207061796d656e74732c207468616e6b7300000000000000000000000000604482015260640160405180910390fd5b60018054111561011757005b5f805460ff169003610213576005546040517f3fe4554600000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff90911690633fe455469061017d90600690600c906004016106ea565b5f604051808303815f87803b158015610194575f5ffd5b505af19250505080156101a5575060015b6101e6573d8080156101d2576040519150601f19603f3d011682016040523d82523d5f602084013e6101d7565b606091505b5060046101e4828261084d565b005b600380547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00166001179055005b5f5460ff1660010361038c576040805160018082528183019092525f91816020015b6102916040518060e001604052805f67ffffffffffffffff1681526020015f73ffffffffffffffffffffffffffffffffffffffff1681526020015f81526020015f81526020015f81526020015f81526020015f60ff1681525090565b815260200190600190039081610235579050506040805160e08101825260065467ffffffffffffffff8116825268010000000000000000900473ffffffffffffffffffffffffffffffffffffffff1660208201526007549181019190915260085460608201526009546080820152600a5460a0820152600b5460ff1660c082015281519192509082905f9061032857610328610968565b60209081029190910101526005546040517f0c8d422900000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff90911690630c8d42299061017d908490600c90600401610995565b5f5460ff166002036101e45760055f9054906101000a900473ffffffffffffffffffffffffffffffffffffffff1673ffffffffffffffffffffffffffffffffffffffff16633ccfd60b6040518163ffffffff1660e01b81526004015f604051808303815f87803b158015610194575b5f5ffd5b34801561040a575f5ffd5b505f546104179060ff1681565b60405160ff90911681526020015b60405180910390f35b348015610439575f5ffd5b506101e4610448366004610a95565b6104cf565b348015610458575f5ffd5b506003546104669060ff1681565b6040519015158152602001610425565b348015610481575f5ffd5b5061048b60025481565b604051908152602001610425565b3480156104a4575f5ffd5b5061048b60015481565b3480156104b9575f5ffd5b506104c26105e3565b6040516104259190610b65565b600580547fffffffffffffffffffffffff00000000000000000000000000000000000000001673ffffffffffffffffffffffffffffffffffffffff871617905583600661051c8282610bd9565b50600c905061052c838583610cdd565b505f80547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660ff83161790556040517f3fe4554600000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff861690633fe45546906105af90879087908790600401610db3565b5f604051808303815f87803b1580156105c6575f5ffd5b505af11580156105d8573d5f5f3e3d5ffd5b505050505050505050565b600480546105f0906107a5565b80601f016020809104026020016040519081016040528092919081815260200182805461061c906107a5565b80156106675780601f1061063e57610100808354040283529160200191610667565b820191905f5260205f20905b81548152906001019060200180831161064a57829003601f168201915b505050505081565b808201808211156106a7577f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b92915050565b5f8154808452602084019350825f5260205f205f5b828110156106e05781548652602090950194600191820191016106c2565b5093949350505050565b5f835467ffffffffffffffff8116835273ffffffffffffffffffffffffffffffffffffffff8160401c16602084015250600184015460408301526002840154606083015260038401546080830152600484015460a0830152610750600585015460ff1690565b60ff811660c08401525061010060e08301526107706101008301846106ad565b949350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b600181811c908216806107b957607f821691505b6020821081036107f0577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f821115610848578282111561084857805f5260205f20601f840160051c602085101561082157505f5b90810190601f840160051c035f5b81811015610844575f8382015560010161082f565b5050505b505050565b815167ffffffffffffffff81111561086757610867610778565b61087b8161087584546107a5565b846107f6565b6020601f8211600181146108cc575f83156108965750848201515b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600385901b1c1916600184901b178455610961565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b8281101561091957878501518255602094850194600190920191016108f9565b508482101561095557868401517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b60f8161c191681555b505060018360011b0184555b5050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b604080825283519082018190525f9060208501906060840190835b81811015610a3557835167ffffffffffffffff815116845273ffffffffffffffffffffffffffffffffffffffff602082015116602085015260408101516040850152606081015160608501526080810151608085015260a081015160a085015260ff60c08201511660c08501525060e0830192506020840193506001810190506109b0565b50508381036020850152610a4981866106ad565b9695505050505050565b73ffffffffffffffffffffffffffffffffffffffff81168114610a74575f5ffd5b50565b60ff81168114610a74575f5ffd5b8035610a9081610a77565b919050565b5f5f5f5f5f858703610140811215610aab575f5ffd5b8635610ab681610a53565b955060e07fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe082011215610ae7575f5ffd5b5060208601935061010086013567ffffffffffffffff811115610b08575f5ffd5b8601601f81018813610b18575f5ffd5b803567ffffffffffffffff811115610b2e575f5ffd5b8860208260051b8401011115610b42575f5ffd5b60209190910193509150610b596101208701610a85565b90509295509295909350565b602081525f82518060208401528060208501604085015e5f6040828501015260407fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011684010191505092915050565b67ffffffffffffffff81168114610a74575f5ffd5b5f81356106a781610a77565b8135610be481610bb8565b67ffffffffffffffff81167fffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000835416178255505f6020830135610c2681610a53565b82547fffffffff0000000000000000000000000000000000000000ffffffffffffffff16604091821b7bffffffffffffffffffffffffffffffffffffffff000000000000000016178355830135600183015550606082013560028201556080820135600382015560a08201356004820155610cd9610ca660c08401610bcd565b6005830160ff82167fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff008254161781555050565b5050565b67ffffffffffffffff831115610cf557610cf5610778565b68010000000000000000831115610d0e57610d0e610778565b805483825580841015610d4257815f528360205f20018482035f5b81811015610d3e575f83820155600101610d29565b5050505b505f8181526020812083915b8581101561084457823582820155602090920191600101610d4e565b8183525f7f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff831115610d9a575f5ffd5b8260051b80836020870137939093016020019392505050565b5f8435610dbf81610bb8565b67ffffffffffffffff1682526020850135610dd981610a53565b73ffffffffffffffffffffffffffffffffffffffff16602083015260408581013590830152606080860135908301526080808601359083015260a08086013590830152610e2860c08601610a85565b60ff811660c08401525061010060e0830152610e4961010083018486610d6a565b9594505050505056",
}

// ReentrantDistributor is an auto generated Go binding around an Ethereum contract.
type ReentrantDistributor struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ReentrantDistributor) GetABI() abi.ABI {
	return c.abi
}

// NewReentrantDistributor creates a new instance of ReentrantDistributor.
func NewReentrantDistributor() *ReentrantDistributor {
	parsed, err := ReentrantDistributorMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ReentrantDistributor{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ReentrantDistributor) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAttack is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2fcf94f0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attack(address b, (uint64,address,bytes32,uint256,bytes32,bytes32,uint8) c, bytes32[] proof, uint8 m) returns()
func (reentrantDistributor *ReentrantDistributor) PackAttack(b common.Address, c PodBidClaim, proof [][32]byte, m uint8) []byte {
	enc, err := reentrantDistributor.abi.Pack("attack", b, c, proof, m)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttack is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2fcf94f0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attack(address b, (uint64,address,bytes32,uint256,bytes32,bytes32,uint8) c, bytes32[] proof, uint8 m) returns()
func (reentrantDistributor *ReentrantDistributor) TryPackAttack(b common.Address, c PodBidClaim, proof [][32]byte, m uint8) ([]byte, error) {
	return reentrantDistributor.abi.Pack("attack", b, c, proof, m)
}

// PackMode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x295a5212.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mode() view returns(uint8)
func (reentrantDistributor *ReentrantDistributor) PackMode() []byte {
	enc, err := reentrantDistributor.abi.Pack("mode")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x295a5212.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mode() view returns(uint8)
func (reentrantDistributor *ReentrantDistributor) TryPackMode() ([]byte, error) {
	return reentrantDistributor.abi.Pack("mode")
}

// UnpackMode is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x295a5212.
//
// Solidity: function mode() view returns(uint8)
func (reentrantDistributor *ReentrantDistributor) UnpackMode(data []byte) (uint8, error) {
	out, err := reentrantDistributor.abi.Unpack("mode", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackPayments is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa6d23e10.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function payments() view returns(uint256)
func (reentrantDistributor *ReentrantDistributor) PackPayments() []byte {
	enc, err := reentrantDistributor.abi.Pack("payments")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPayments is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa6d23e10.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function payments() view returns(uint256)
func (reentrantDistributor *ReentrantDistributor) TryPackPayments() ([]byte, error) {
	return reentrantDistributor.abi.Pack("payments")
}

// UnpackPayments is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa6d23e10.
//
// Solidity: function payments() view returns(uint256)
func (reentrantDistributor *ReentrantDistributor) UnpackPayments(data []byte) (*big.Int, error) {
	out, err := reentrantDistributor.abi.Unpack("payments", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReceived is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83a6deb5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function received() view returns(uint256)
func (reentrantDistributor *ReentrantDistributor) PackReceived() []byte {
	enc, err := reentrantDistributor.abi.Pack("received")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReceived is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83a6deb5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function received() view returns(uint256)
func (reentrantDistributor *ReentrantDistributor) TryPackReceived() ([]byte, error) {
	return reentrantDistributor.abi.Pack("received")
}

// UnpackReceived is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x83a6deb5.
//
// Solidity: function received() view returns(uint256)
func (reentrantDistributor *ReentrantDistributor) UnpackReceived(data []byte) (*big.Int, error) {
	out, err := reentrantDistributor.abi.Unpack("received", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReentryError is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca6ddc2f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reentryError() view returns(bytes)
func (reentrantDistributor *ReentrantDistributor) PackReentryError() []byte {
	enc, err := reentrantDistributor.abi.Pack("reentryError")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReentryError is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca6ddc2f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reentryError() view returns(bytes)
func (reentrantDistributor *ReentrantDistributor) TryPackReentryError() ([]byte, error) {
	return reentrantDistributor.abi.Pack("reentryError")
}

// UnpackReentryError is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xca6ddc2f.
//
// Solidity: function reentryError() view returns(bytes)
func (reentrantDistributor *ReentrantDistributor) UnpackReentryError(data []byte) ([]byte, error) {
	out, err := reentrantDistributor.abi.Unpack("reentryError", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackReentrySucceeded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x59703b2e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reentrySucceeded() view returns(bool)
func (reentrantDistributor *ReentrantDistributor) PackReentrySucceeded() []byte {
	enc, err := reentrantDistributor.abi.Pack("reentrySucceeded")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReentrySucceeded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x59703b2e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reentrySucceeded() view returns(bool)
func (reentrantDistributor *ReentrantDistributor) TryPackReentrySucceeded() ([]byte, error) {
	return reentrantDistributor.abi.Pack("reentrySucceeded")
}

// UnpackReentrySucceeded is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x59703b2e.
//
// Solidity: function reentrySucceeded() view returns(bool)
func (reentrantDistributor *ReentrantDistributor) UnpackReentrySucceeded(data []byte) (bool, error) {
	out, err := reentrantDistributor.abi.Unpack("reentrySucceeded", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// RejectingOwnerMetaData contains all meta data concerning the RejectingOwner contract.
var RejectingOwnerMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractPodnetChannel\",\"name\":\"c\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"server\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"}],\"name\":\"open\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"contractPodnetChannel\",\"name\":\"c\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"server\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"}],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "RejectingOwner",
	Bin: "0x6080604052348015600e575f5ffd5b5061027a8061001c5f395ff3fe608060405260043610610028575f3560e01c806382ad6f351461002c578063fec9988c1461004d575b5f5ffd5b348015610037575f5ffd5b5061004b6100463660046101d1565b610072565b005b61006061005b36600461020f565b610100565b60405190815260200160405180910390f35b6040517f38f7cf5c00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff83811660048301525f6024830152604482018390528416906338f7cf5c906064015f604051808303815f87803b1580156100e5575f5ffd5b505af11580156100f7573d5f5f3e3d5ffd5b50505050505050565b6040517f8a8eab6000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff838116600483015267ffffffffffffffff831660248301525f9190851690638a8eab6090349060440160206040518083038185885af1158015610180573d5f5f3e3d5ffd5b50505050506040513d601f19601f820116820180604052508101906101a59190610263565b949350505050565b73ffffffffffffffffffffffffffffffffffffffff811681146101ce575f5ffd5b50565b5f5f5f606084860312156101e3575f5ffd5b83356101ee816101ad565b925060208401356101fe816101ad565b929592945050506040919091013590565b5f5f5f60608486031215610221575f5ffd5b833561022c816101ad565b9250602084013561023c816101ad565b9150604084013567ffffffffffffffff81168114610258575f5ffd5b809150509250925092565b5f60208284031215610273575f5ffd5b505191905056",
}

// RejectingOwner is an auto generated Go binding around an Ethereum contract.
type RejectingOwner struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *RejectingOwner) GetABI() abi.ABI {
	return c.abi
}

// NewRejectingOwner creates a new instance of RejectingOwner.
func NewRejectingOwner() *RejectingOwner {
	parsed, err := RejectingOwnerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &RejectingOwner{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *RejectingOwner) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackOpen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfec9988c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function open(address c, address server, uint64 expiry) payable returns(bytes32)
func (rejectingOwner *RejectingOwner) PackOpen(c common.Address, server common.Address, expiry uint64) []byte {
	enc, err := rejectingOwner.abi.Pack("open", c, server, expiry)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfec9988c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function open(address c, address server, uint64 expiry) payable returns(bytes32)
func (rejectingOwner *RejectingOwner) TryPackOpen(c common.Address, server common.Address, expiry uint64) ([]byte, error) {
	return rejectingOwner.abi.Pack("open", c, server, expiry)
}

// UnpackOpen is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfec9988c.
//
// Solidity: function open(address c, address server, uint64 expiry) payable returns(bytes32)
func (rejectingOwner *RejectingOwner) UnpackOpen(data []byte) ([32]byte, error) {
	out, err := rejectingOwner.abi.Unpack("open", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82ad6f35.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refund(address c, address server, uint256 terms) returns()
func (rejectingOwner *RejectingOwner) PackRefund(c common.Address, server common.Address, terms *big.Int) []byte {
	enc, err := rejectingOwner.abi.Pack("refund", c, server, terms)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82ad6f35.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refund(address c, address server, uint256 terms) returns()
func (rejectingOwner *RejectingOwner) TryPackRefund(c common.Address, server common.Address, terms *big.Int) ([]byte, error) {
	return rejectingOwner.abi.Pack("refund", c, server, terms)
}

// UpdateFactoryMetaData contains all meta data concerning the UpdateFactory contract.
var UpdateFactoryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BadDeposit\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadLockType\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"DeployFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyFleet\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpiryNotInFuture\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FleetTooLarge\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"vendor\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"bid\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"updateId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"packageId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"lockType\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"}],\"name\":\"UpdatePublished\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"implementation\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"updateId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"packageId\",\"type\":\"bytes32\"},{\"internalType\":\"uint8\",\"name\":\"lockType\",\"type\":\"uint8\"},{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"fleetRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fleetSize\",\"type\":\"uint64\"}],\"name\":\"publish\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"bid\",\"type\":\"address\"}],\"stateMutability\":\"payable\",\"type\":\"function\"}]",
	ID:  "UpdateFactory",
	Bin: "0x60a0604052348015600e575f5ffd5b506040516019906042565b604051809103905ff0801580156031573d5f5f3e3d5ffd5b506001600160a01b0316608052604f565b6117598061070383390190565b60805161069661006d5f395f8181603d015261023101526106965ff3fe608060405260043610610028575f3560e01c80635c60da1b1461002c578063ecd3ff7914610088575b5f5ffd5b348015610037575f5ffd5b5061005f7f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff909116815260200160405180910390f35b61005f61009636600461037e565b5f60018560ff1611156100d5576040517f569498af00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8167ffffffffffffffff165f03610118576040517f4bb3016c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6401000000008267ffffffffffffffff161115610161576040517f8b3d348300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b428467ffffffffffffffff16116101a4576040517fed8adeb100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b3415806101c357506101c067ffffffffffffffff83163461040d565b15155b156101fa576040517f5f31331900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82011e610100035f61022f60a6602d610420565b7f00000000000000000000000000000000000000000000000000000000000000008a8a8861026767ffffffffffffffff8a163461045e565b338c8b8f8b6040516020016102869b9a99989796959493929190610471565b604051602081830303815290604052905080516020820134f0925073ffffffffffffffffffffffffffffffffffffffff83166102ee576040517fb4f5411100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040805189815260ff8916602082015267ffffffffffffffff88168183015290518a9173ffffffffffffffffffffffffffffffffffffffff86169133917f1fc268781ad35da15b3c6d2ae29e4f379690dd381010b9a44f68b347cb8d24ac919081900360600190a450509695505050505050565b803567ffffffffffffffff81168114610379575f5ffd5b919050565b5f5f5f5f5f5f60c08789031215610393575f5ffd5b8635955060208701359450604087013560ff811681146103b1575f5ffd5b93506103bf60608801610362565b9250608087013591506103d460a08801610362565b90509295509295509295565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b5f8261041b5761041b6103e0565b500690565b80820180821115610458577f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b92915050565b5f8261046c5761046c6103e0565b500490565b7f610000000000000000000000000000000000000000000000000000000000000081527fffff0000000000000000000000000000000000000000000000000000000000008c60f01b1660018201525f600382015f7f3d81600a3d39f300000000000000000000000000000000000000000000000000825260078201905061051b817f363d3d373d3d3d363d73000000000000000000000000000000000000000000008152600a0190565b91505061054c818e60601b7fffffffffffffffffffffffffffffffffffffffff000000000000000000000000169052565b7f5af43d82803e903d91602b57fd5bf3000000000000000000000000000000000060148201526023810190508b81528a60208201528960408201528860608201526105be608082018960601b7fffffffffffffffffffffffffffffffffffffffff000000000000000000000000169052565b6105ef609482018860c01b7fffffffffffffffff000000000000000000000000000000000000000000000000169052565b610620609c82018760c01b7fffffffffffffffff000000000000000000000000000000000000000000000000169052565b61065160a482018660f81b7fff00000000000000000000000000000000000000000000000000000000000000169052565b61068260a582018560f81b7fff00000000000000000000000000000000000000000000000000000000000000169052565b60a6019d9c505050505050505050505050505660a0604052348015600e575f5ffd5b50306080526080516117206100395f395f818161060f01528181610be30152610f4f01526117205ff3fe608060405234801561000f575f5ffd5b506004361061012f575f3560e01c8063a6aceb7a116100ad578063bfcf04cf1161007d578063e184c9be11610063578063e184c9be14610266578063f698da2514610287578063f87a63001461028f575f5ffd5b8063bfcf04cf14610256578063d611a19e1461025e575f5ffd5b8063a6aceb7a14610220578063a9250f8f14610233578063b40eed861461023b578063bb20d7a814610243575f5ffd5b80633ccfd60b11610102578063632a4861116100e8578063632a4861146101be578063765d4897146101d15780639e34070f146101eb575f5ffd5b80633ccfd60b146101a35780633fe45546146101ab575f5ffd5b80630c8d4229146101335780631385a6f214610148578063228cb7331461017a57806322f4c5ce14610190575b5f5ffd5b6101466101413660046114dc565b610297565b005b6101506103f0565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020015b60405180910390f35b610182610404565b604051908152602001610171565b61018261019e366004611577565b610414565b610146610523565b6101466101b936600461158e565b61060d565b6101826101cc366004611577565b610a6a565b6101d9610a98565b60405160ff9091168152602001610171565b6102106101f9366004611577565b600881901c54600160ff9092169190911b16151590565b6040519015158152602001610171565b61018261022e366004611608565b610aa5565b610182610ab7565b6101d9610ac7565b610182610251366004611630565b610ad4565b610182610b0d565b610182610b17565b61026e610b22565b60405167ffffffffffffffff9091168152602001610171565b610182610b2f565b61026e610bbb565b5f5f5f5f6102a3610bc8565b935093509350935060c081901c4211156102e9576040517f203d82d800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f879003610323576040517fc2e5347d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8767ffffffffffffffff81111561033d5761033d61166f565b604051908082528060200260200182016040528015610366578160200160208202803683370190505b5090505f8867ffffffffffffffff8111156103835761038361166f565b6040519080825280602002602001820160405280156103ac578160200160208202803683370190505b5090506103bd8a8a88868686610c65565b6103d282828a8a607088901c60ff168a610d7f565b6103e46103df8a866116c9565b610ef5565b50505050505050505050565b5f60606103fd6080610f37565b901c905090565b5f61040f6060610f37565b905090565b5f61051d6104a3604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f81527fb1d33a47c2e592a6dfd7450928b1f303ebff8dc6510fbcd715564391c0563d5b60208201527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc69181019190915246606082015230608082015260a0902090565b6104ac5f610f37565b84604080517f52ccd9de2304655a635fd77a0a937d75955493989fecd5e3c155062a238e256281526020810193909352820152606081207f19010000000000000000000000000000000000000000000000000000000000008252600282019290925260228101919091526042902090565b92915050565b5f60606105306080610f37565b901c90503373ffffffffffffffffffffffffffffffffffffffff821614610583576040517f0143454500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60c061058f6094610f37565b901c42116105c9576040517fd0404f8500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b604051478082529033907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a261060981610ef5565b5050565b7f00000000000000000000000000000000000000000000000000000000000000007f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f7fb1d33a47c2e592a6dfd7450928b1f303ebff8dc6510fbcd715564391c0563d5b7fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc67f52ccd9de2304655a635fd77a0a937d75955493989fecd5e3c155062a238e25626106c2565b8060e01b5f5260045ffd5b8430036106d6576106d6633ce914e46106b7565b60405160a6602d82303c60948101518060c01c4211156106fd576106fd63203d82d86106b7565b893567ffffffffffffffff8260801c16811061072057610720631390f2a16106b7565b600160ff82161b8160081c54818116156107475763b3167bfa60e01b5f528260045260245ffd5b17600882901c5560608b0135806107655761076563fbd849c66106b7565b337f706f646e65742f722f763100000000000000000000000000000000000000000017805f5260408d013560205260405f20600160a01b82175f5260405f2091507f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001827f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000017f0e0a77c19a07df2f666ea36f7879462e36fc76959f60cd29ac96341c4ffffffb8409088314610820576108206325dc8e636106b7565b50505f60ff8460781c165f811461086957600160c08701908152600260e0880152610100870184905260409060608160075afa61085b575f5ffd5b604060c08701209150610883565b825f5260205f60205f60025afa61087e575f5ffd5b5f5191505b508860c08601528760e086015286610100860152466101208601523061014086015260a060c08601208660c0870152855160e087015281610100870152606060c0870120915061190160f01b60c08701528060c2870152508060e286015250604260c085012060c085015260c08c013560e085015260808c013561010085015260a08c0135806101208601525f5f5260205f608060c0880160015afa60203d1481165f5102905060208e0135808214158215171561094857610948635cd5d2336106b7565b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a083111561097d5761097d6363376d6d6106b7565b835f5280857f0d583ceb0f6be945768230063e6b6453c6b9342c31cdf902929a621ed7ce93ac60205fa360ff8660701c169550858d146109c4576109c463c82db0746106b7565b8060181b8560b81b175f5250505050601d5f20600160c085015360c18401828c8560051b81015b80821015610a23576001831660051b858186015282358160208701035250604160c089012094508260011c92506020820191506109eb565b5050505060408401518114610a3f57610a3f631ce90db66106b7565b5050505f5f5f5f6060850151335af1610a5f57610a5f63f499da206106b7565b505050505050505050565b5f60f8610a7760a4610f37565b60ff911c1615610a8f57610a8a82610fcc565b61051d565b61051d82610ffd565b5f60f86103fd60a4610f37565b5f610ab0838361101a565b9392505050565b5f610ac26040610f37565b919050565b5f60f86103fd60a5610f37565b7effffffffffffffff000000000000000000000000000000000000000000000060b883901b16601882901b175f908152601d8120610ab0565b5f610ac25f610f37565b5f610ac26020610f37565b5f60c06103fd6094610f37565b5f61040f604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f81527fb1d33a47c2e592a6dfd7450928b1f303ebff8dc6510fbcd715564391c0563d5b60208201527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc69181019190915246606082015230608082015260a0902090565b5f60c06103fd609c610f37565b5f80808073ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000163003610c3b576040517f3ce914e400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60405160a6602d82303c805194506040810151935060608101519250609481015191505090919293565b5f610cf1604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f81527fb1d33a47c2e592a6dfd7450928b1f303ebff8dc6510fbcd715564391c0563d5b60208201527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc69181019190915246606082015230608082015260a0902090565b90505f805b87811015610a5f575f5f610d248b8b85818110610d1557610d156116e0565b905060e002018a878b886110c4565b9150915081878481518110610d3b57610d3b6116e0565b60200260200101818152505080868481518110610d5a57610d5a6116e0565b6020908102919091010152610d7082600161170d565b93505050806001019050610cf6565b5f5f604051885160208a0160208a01898960051b81015f5b8a811015610e66575f5f5b87811015610e5b57600581901b8781015190870151805f600184168015610dda5760208a019960019690960195359250839150610e25565b600186015f8e821015610df657600187018260051b8f01511490505b8060018114610e11578c35945060208d019c50829850610e21565b8260051b8e015194506002890198505b5050505b5060018d538160018e01528060218e01525050508060011c8360051b89015250604189208260051b870152600182019150610da2565b509550600101610d97565b508082149650505086815114600184141695505050505080610eb4576040517fc82db07400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b81610eeb576040517f1ce90db600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5050505050505050565b5f5f5f5f5f85335af1905080610609576040517ff499da2000000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f73ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000163003610fa7576040517f3ce914e400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f528160a6036020811115610fbb575060205b8083602d015f303c50505f51919050565b5f604051600181526002602082015282604082015260408160608360075afa610ff3575f5ffd5b6040902092915050565b5f815f5260205f60205f60025afa611013575f5ffd5b50505f5190565b7f706f646e65742f722f763100000000000000000000000000000000000000000082175f908152602082905260408082207f706f646e65742f722f763101000000000000000000000000000000000000000085178352908220907f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000182817f0e0a77c19a07df2f666ea36f7879462e36fc76959f60cd29ac96341c4ffffffb84090895945050505050565b5f5f6110d18785856111f3565b91505f6110dd886112d5565b90505f60ff607887901c16156110fb576110f682610fcc565b611104565b61110482610ffd565b604080517f52ccd9de2304655a635fd77a0a937d75955493989fecd5e3c155062a238e25628152602081018b9052908101829052606081207f19010000000000000000000000000000000000000000000000000000000000008252600282018a90526022820152604290209091505f9061117f908b90611361565b90508073ffffffffffffffffffffffffffffffffffffffff16857f0d583ceb0f6be945768230063e6b6453c6b9342c31cdf902929a621ed7ce93ac856040516111ca91815260200190565b60405180910390a360181b60b885901b175f908152601d90209399939850929650505050505050565b82355f600160ff83161b67ffffffffffffffff608086901c168310611244576040517f1390f2a100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8260081c5491508082165f1461128d576040517fb3167bfa0000000000000000000000000000000000000000000000000000000081526004810184905260240160405180910390fd5b838310156112c7576040517fb798eba000000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b17600882901c559392505050565b606081013560408201355f829003611319576040517ffbd849c600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b611323338261101a565b821461135b576040517f25dc8e6300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b50919050565b5f5f5f6020850135925060a0850135905060405184815260c08601356020820152608086013560408201528160608201525f5f5260205f60808360015afa5f513d6020149091160292505073ffffffffffffffffffffffffffffffffffffffff821615806113fb57508273ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff1614155b15611432576040517f5cd5d23300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a081111561148c576040517f63376d6d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b505092915050565b5f5f83601f8401126114a4575f5ffd5b50813567ffffffffffffffff8111156114bb575f5ffd5b6020830191508360208260051b85010111156114d5575f5ffd5b9250929050565b5f5f5f5f604085870312156114ef575f5ffd5b843567ffffffffffffffff811115611505575f5ffd5b8501601f81018713611515575f5ffd5b803567ffffffffffffffff81111561152b575f5ffd5b87602060e08302840101111561153f575f5ffd5b60209182019550935085013567ffffffffffffffff81111561155f575f5ffd5b61156b87828801611494565b95989497509550505050565b5f60208284031215611587575f5ffd5b5035919050565b5f5f5f8385036101008112156115a2575f5ffd5b60e08112156115af575f5ffd5b5083925060e084013567ffffffffffffffff8111156115cc575f5ffd5b6115d886828701611494565b9497909650939450505050565b803573ffffffffffffffffffffffffffffffffffffffff81168114610ac2575f5ffd5b5f5f60408385031215611619575f5ffd5b611622836115e5565b946020939093013593505050565b5f5f60408385031215611641575f5ffd5b823567ffffffffffffffff81168114611658575f5ffd5b9150611666602084016115e5565b90509250929050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b808202811582820484141761051d5761051d61169c565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b8082018082111561051d5761051d61169c56",
}

// UpdateFactory is an auto generated Go binding around an Ethereum contract.
type UpdateFactory struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *UpdateFactory) GetABI() abi.ABI {
	return c.abi
}

// NewUpdateFactory creates a new instance of UpdateFactory.
func NewUpdateFactory() *UpdateFactory {
	parsed, err := UpdateFactoryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &UpdateFactory{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *UpdateFactory) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackImplementation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c60da1b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function implementation() view returns(address)
func (updateFactory *UpdateFactory) PackImplementation() []byte {
	enc, err := updateFactory.abi.Pack("implementation")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackImplementation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c60da1b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function implementation() view returns(address)
func (updateFactory *UpdateFactory) TryPackImplementation() ([]byte, error) {
	return updateFactory.abi.Pack("implementation")
}

// UnpackImplementation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c60da1b.
//
// Solidity: function implementation() view returns(address)
func (updateFactory *UpdateFactory) UnpackImplementation(data []byte) (common.Address, error) {
	out, err := updateFactory.abi.Unpack("implementation", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xecd3ff79.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publish(bytes32 updateId, bytes32 packageId, uint8 lockType, uint64 expiry, bytes32 fleetRoot, uint64 fleetSize) payable returns(address bid)
func (updateFactory *UpdateFactory) PackPublish(updateId [32]byte, packageId [32]byte, lockType uint8, expiry uint64, fleetRoot [32]byte, fleetSize uint64) []byte {
	enc, err := updateFactory.abi.Pack("publish", updateId, packageId, lockType, expiry, fleetRoot, fleetSize)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xecd3ff79.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publish(bytes32 updateId, bytes32 packageId, uint8 lockType, uint64 expiry, bytes32 fleetRoot, uint64 fleetSize) payable returns(address bid)
func (updateFactory *UpdateFactory) TryPackPublish(updateId [32]byte, packageId [32]byte, lockType uint8, expiry uint64, fleetRoot [32]byte, fleetSize uint64) ([]byte, error) {
	return updateFactory.abi.Pack("publish", updateId, packageId, lockType, expiry, fleetRoot, fleetSize)
}

// UnpackPublish is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xecd3ff79.
//
// Solidity: function publish(bytes32 updateId, bytes32 packageId, uint8 lockType, uint64 expiry, bytes32 fleetRoot, uint64 fleetSize) payable returns(address bid)
func (updateFactory *UpdateFactory) UnpackPublish(data []byte) (common.Address, error) {
	out, err := updateFactory.abi.Unpack("publish", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// UpdateFactoryUpdatePublished represents a UpdatePublished event raised by the UpdateFactory contract.
type UpdateFactoryUpdatePublished struct {
	Vendor    common.Address
	Bid       common.Address
	UpdateId  [32]byte
	PackageId [32]byte
	LockType  uint8
	Expiry    uint64
	Raw       *types.Log // Blockchain specific contextual infos
}

const UpdateFactoryUpdatePublishedEventName = "UpdatePublished"

// ContractEventName returns the user-defined event name.
func (UpdateFactoryUpdatePublished) ContractEventName() string {
	return UpdateFactoryUpdatePublishedEventName
}

// UnpackUpdatePublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UpdatePublished(address indexed vendor, address indexed bid, bytes32 indexed updateId, bytes32 packageId, uint8 lockType, uint64 expiry)
func (updateFactory *UpdateFactory) UnpackUpdatePublishedEvent(log *types.Log) (*UpdateFactoryUpdatePublished, error) {
	event := "UpdatePublished"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != updateFactory.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UpdateFactoryUpdatePublished)
	if len(log.Data) > 0 {
		if err := updateFactory.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range updateFactory.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (updateFactory *UpdateFactory) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], updateFactory.abi.Errors["BadDeposit"].ID.Bytes()[:4]) {
		return updateFactory.UnpackBadDepositError(raw[4:])
	}
	if bytes.Equal(raw[:4], updateFactory.abi.Errors["BadLockType"].ID.Bytes()[:4]) {
		return updateFactory.UnpackBadLockTypeError(raw[4:])
	}
	if bytes.Equal(raw[:4], updateFactory.abi.Errors["DeployFailed"].ID.Bytes()[:4]) {
		return updateFactory.UnpackDeployFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], updateFactory.abi.Errors["EmptyFleet"].ID.Bytes()[:4]) {
		return updateFactory.UnpackEmptyFleetError(raw[4:])
	}
	if bytes.Equal(raw[:4], updateFactory.abi.Errors["ExpiryNotInFuture"].ID.Bytes()[:4]) {
		return updateFactory.UnpackExpiryNotInFutureError(raw[4:])
	}
	if bytes.Equal(raw[:4], updateFactory.abi.Errors["FleetTooLarge"].ID.Bytes()[:4]) {
		return updateFactory.UnpackFleetTooLargeError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// UpdateFactoryBadDeposit represents a BadDeposit error raised by the UpdateFactory contract.
type UpdateFactoryBadDeposit struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadDeposit()
func UpdateFactoryBadDepositErrorID() common.Hash {
	return common.HexToHash("0x5f3133195349087e671b4a3cf0d3da186d0d1c74abeceda8786d26ac75a9943b")
}

// UnpackBadDepositError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadDeposit()
func (updateFactory *UpdateFactory) UnpackBadDepositError(raw []byte) (*UpdateFactoryBadDeposit, error) {
	out := new(UpdateFactoryBadDeposit)
	if err := updateFactory.abi.UnpackIntoInterface(out, "BadDeposit", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateFactoryBadLockType represents a BadLockType error raised by the UpdateFactory contract.
type UpdateFactoryBadLockType struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadLockType()
func UpdateFactoryBadLockTypeErrorID() common.Hash {
	return common.HexToHash("0x569498af110f0a3f3b793c5ce3f6fb4b407febd76dba241edf3a8533684daa73")
}

// UnpackBadLockTypeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadLockType()
func (updateFactory *UpdateFactory) UnpackBadLockTypeError(raw []byte) (*UpdateFactoryBadLockType, error) {
	out := new(UpdateFactoryBadLockType)
	if err := updateFactory.abi.UnpackIntoInterface(out, "BadLockType", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateFactoryDeployFailed represents a DeployFailed error raised by the UpdateFactory contract.
type UpdateFactoryDeployFailed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeployFailed()
func UpdateFactoryDeployFailedErrorID() common.Hash {
	return common.HexToHash("0xb4f541114ece88868d6339b138178a135b24a2472a7212209cc71f1837d4f72b")
}

// UnpackDeployFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeployFailed()
func (updateFactory *UpdateFactory) UnpackDeployFailedError(raw []byte) (*UpdateFactoryDeployFailed, error) {
	out := new(UpdateFactoryDeployFailed)
	if err := updateFactory.abi.UnpackIntoInterface(out, "DeployFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateFactoryEmptyFleet represents a EmptyFleet error raised by the UpdateFactory contract.
type UpdateFactoryEmptyFleet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyFleet()
func UpdateFactoryEmptyFleetErrorID() common.Hash {
	return common.HexToHash("0x4bb3016c38c69f9d478aa7c18db81c2285ab2a5a18f163bbfb61c81ebd160c17")
}

// UnpackEmptyFleetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyFleet()
func (updateFactory *UpdateFactory) UnpackEmptyFleetError(raw []byte) (*UpdateFactoryEmptyFleet, error) {
	out := new(UpdateFactoryEmptyFleet)
	if err := updateFactory.abi.UnpackIntoInterface(out, "EmptyFleet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateFactoryExpiryNotInFuture represents a ExpiryNotInFuture error raised by the UpdateFactory contract.
type UpdateFactoryExpiryNotInFuture struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpiryNotInFuture()
func UpdateFactoryExpiryNotInFutureErrorID() common.Hash {
	return common.HexToHash("0xed8adeb1102e172219c7fb552b722b6b7eb8daa2a248f2ed055b37d4bed268d6")
}

// UnpackExpiryNotInFutureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpiryNotInFuture()
func (updateFactory *UpdateFactory) UnpackExpiryNotInFutureError(raw []byte) (*UpdateFactoryExpiryNotInFuture, error) {
	out := new(UpdateFactoryExpiryNotInFuture)
	if err := updateFactory.abi.UnpackIntoInterface(out, "ExpiryNotInFuture", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateFactoryFleetTooLarge represents a FleetTooLarge error raised by the UpdateFactory contract.
type UpdateFactoryFleetTooLarge struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FleetTooLarge()
func UpdateFactoryFleetTooLargeErrorID() common.Hash {
	return common.HexToHash("0x8b3d34836a62a5034d50ff0546daa0c40b0f900be1632697fa34d91ad6a1e082")
}

// UnpackFleetTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FleetTooLarge()
func (updateFactory *UpdateFactory) UnpackFleetTooLargeError(raw []byte) (*UpdateFactoryFleetTooLarge, error) {
	out := new(UpdateFactoryFleetTooLarge)
	if err := updateFactory.abi.UnpackIntoInterface(out, "FleetTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}
