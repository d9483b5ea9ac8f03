package zk

import (
	"encoding/binary"
	"fmt"
)

// gnark's decoders allocate a slice as long as a length prefix says before they read its
// elements: a hostile 164-byte proof whose commitment count is 2^30 makes the process
// allocate 64 GiB and die (a fatal error, not a recoverable panic). Proofs arrive in
// Offer messages from untrusted distributors, so every length prefix is checked here
// against the layout of the canonical (compressed) encoding and the bytes that remain,
// before gnark sees the input. The fuzz targets FuzzParseProof and FuzzParseVerifyingKey
// found both cases (fuzz/testdata/fuzz).

const (
	g1Compressed = 32 // bytes of a compressed BN254 G1 point
	g2Compressed = 64 // bytes of a compressed BN254 G2 point
	// maxCommitments is the most Pedersen commitments any circuit of this package has
	// (the point-lock circuit's emulated range checks use one).
	maxCommitments = 1
	// MaxVerifyingKeySize bounds the encoded verifying key (header included); ours are
	// well under 1 KiB.
	MaxVerifyingKeySize = 16 << 10
)

// checkProofLayout checks the compressed Groth16 proof layout Ar (G1) ‖ Bs (G2) ‖ Krs (G1)
// ‖ uint32(k) ‖ k commitments (G1) ‖ CommitmentPok (G1), with k ≤ maxCommitments, so that
// the length is exactly what the count implies.
func checkProofLayout(b []byte) error {
	const head = 2*g1Compressed + g2Compressed
	if len(b) < head+4 {
		return fmt.Errorf("%w: %d bytes, shorter than a proof", ErrBadProof, len(b))
	}
	k := binary.BigEndian.Uint32(b[head:])
	if k > maxCommitments {
		return fmt.Errorf("%w: %d commitments, at most %d", ErrBadProof, k, maxCommitments)
	}
	if want := head + 4 + int(k)*g1Compressed + g1Compressed; len(b) != want {
		return fmt.Errorf("%w: %d bytes, %d commitments need %d", ErrBadProof, len(b), k, want)
	}
	return nil
}

// checkVerifyingKeyLayout walks the length prefixes of a verifying key body (after the
// 13-byte header) in gnark's compressed layout: six points (α, β in G1 and G2, γ in G2,
// δ in G1 and G2), uint32(len K) ‖ K (G1), the committed public-input lists
// (uint32 outer ‖ per list uint32 ‖ uint64s), uint32(number of commitment keys). K must
// have exactly nbK points (the circuit's public inputs plus one), each compressed, and no
// list may be longer than the bytes that remain could hold.
func checkVerifyingKeyLayout(body []byte, nbK int) error {
	off := 3*g1Compressed + 3*g2Compressed
	u32 := func(what string) (int, error) {
		if len(body)-off < 4 {
			return 0, fmt.Errorf("%w: verifying key truncated at %s", ErrBadKey, what)
		}
		v := binary.BigEndian.Uint32(body[off:])
		off += 4
		return int(v), nil
	}
	k, err := u32("len(K)")
	if err != nil {
		return err
	}
	if k != nbK {
		return fmt.Errorf("%w: K has %d points, the circuit needs %d", ErrBadKey, k, nbK)
	}
	if len(body)-off < k*g1Compressed {
		return fmt.Errorf("%w: verifying key truncated in K", ErrBadKey)
	}
	for i := 0; i < k; i++ {
		if body[off]&0xc0 == 0 { // gnark's "uncompressed" flag: not the canonical encoding
			return fmt.Errorf("%w: K[%d] not compressed", ErrBadKey, i)
		}
		off += g1Compressed
	}
	lists, err := u32("committed lists")
	if err != nil {
		return err
	}
	if lists > (len(body)-off)/4 {
		return fmt.Errorf("%w: %d committed lists in %d bytes", ErrBadKey, lists, len(body)-off)
	}
	for i := 0; i < lists; i++ {
		n, err := u32("committed list")
		if err != nil {
			return err
		}
		if n > (len(body)-off)/8 {
			return fmt.Errorf("%w: committed list of %d in %d bytes", ErrBadKey, n, len(body)-off)
		}
		off += 8 * n
	}
	nc, err := u32("number of commitment keys")
	if err != nil {
		return err
	}
	if nc > maxCommitments {
		return fmt.Errorf("%w: %d commitment keys, at most %d", ErrBadKey, nc, maxCommitments)
	}
	return nil
}
