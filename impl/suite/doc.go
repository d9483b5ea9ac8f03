// Package suite implements the podnet cryptographic suite, version 1, sections 5-10 of
// spec/suite.md: the derivation of the decryption key r, the hash lock and the point lock,
// the EIP-712 digests of every signature, secp256k1 signatures with low-s enforcement, the
// fleet Merkle tree and the BN254 G1 point and scalar encodings.
//
// Every function here is deterministic and free of I/O; malformed input is reported with
// the typed errors of errors.go, which callers test with errors.Is.
package suite
