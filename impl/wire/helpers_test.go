package wire

import (
	"crypto/sha256"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
)

type bigInt = big.Int

func fpModulus() *big.Int { return fp.Modulus() }

func bigU(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }
