package party

import (
	"errors"
	"fmt"

	"github.com/podnet/podnet/impl/wire"
)

// Errors of the parties. Every check of spec/pod.md that fails returns an error wrapping
// exactly one of them (test with errors.Is).
var (
	// ErrManifest: the manifest is not signed by the expected vendor, is for another
	// chain, or names another U_id than the bid.
	ErrManifest = errors.New("party: manifest rejected")
	// ErrRollback: the offered version is not greater than the installed one.
	ErrRollback = errors.New("party: rollback refused (version not newer than installed)")
	// ErrVerifyingKey: a verifying key does not hash to the manifest's vkHash or does not
	// parse.
	ErrVerifyingKey = errors.New("party: verifying key rejected")
	// ErrLock: the lock does not match the offer (s, S, K, c).
	ErrLock = errors.New("party: lock rejected")
	// ErrProof: the zero-knowledge proof does not verify.
	ErrProof = errors.New("party: proof rejected")
	// ErrNotInFleet: the fleet membership proof does not verify.
	ErrNotInFleet = errors.New("party: device not in the fleet")
	// ErrBadSignature: a signature does not recover the expected signer.
	ErrBadSignature = errors.New("party: bad signature")
	// ErrAlreadyClaimed: the device is already paid for on this bid.
	ErrAlreadyClaimed = errors.New("party: device already claimed")
	// ErrUnknownBid: the bid is not one this party serves or follows.
	ErrUnknownBid = errors.New("party: unknown bid")
	// ErrPackage: the package does not match P_id, its manifest or its components.
	ErrPackage = errors.New("party: package rejected")
	// ErrNoProvider: nobody provides the content.
	ErrNoProvider = errors.New("party: no provider")
	// ErrUpdateID: the decrypted elements do not hash to U_id.
	ErrUpdateID = errors.New("party: decrypted update does not match U_id")
	// ErrImageHash: the image's SHA-256 is not the manifest's.
	ErrImageHash = errors.New("party: image SHA-256 does not match the manifest")
	// ErrRevealTimeout: the key was not revealed on chain in time.
	ErrRevealTimeout = errors.New("party: key not revealed in time")
	// ErrProtocol: the peer sent an unexpected message.
	ErrProtocol = errors.New("party: protocol violation")
	// ErrExpired: the bid has expired.
	ErrExpired = errors.New("party: bid expired")
	// ErrBusy: the distributor knows the bid but is not ready to serve it yet.
	ErrBusy = errors.New("party: busy, try again later")
	// ErrPeerRefused: the peer answered with a wire Error message (see PeerError).
	ErrPeerRefused = errors.New("party: peer refused")
)

// PeerError is a refusal received from the peer as a wire Error message. It matches
// ErrPeerRefused with errors.Is.
type PeerError struct {
	Code wire.ErrorCode
	Text string
}

// Error implements error.
func (e *PeerError) Error() string {
	return fmt.Sprintf("party: peer refused (code %d): %s", e.Code, e.Text)
}

// Is reports whether target is ErrPeerRefused.
func (e *PeerError) Is(target error) bool { return target == ErrPeerRefused }

// codeFor maps a local check failure to the wire error code sent to the peer.
func codeFor(err error) wire.ErrorCode {
	switch {
	case errors.Is(err, ErrNotInFleet):
		return wire.CodeNotInFleet
	case errors.Is(err, ErrBadSignature):
		return wire.CodeBadSignature
	case errors.Is(err, ErrAlreadyClaimed):
		return wire.CodeAlreadyServed
	case errors.Is(err, ErrUnknownBid), errors.Is(err, ErrExpired):
		return wire.CodeUnknownUpdate
	case errors.Is(err, ErrManifest), errors.Is(err, ErrRollback), errors.Is(err, ErrVerifyingKey),
		errors.Is(err, ErrLock), errors.Is(err, ErrProof):
		return wire.CodeBadOffer
	case errors.Is(err, ErrProtocol):
		return wire.CodeMalformed
	case errors.Is(err, ErrBusy):
		return wire.CodeBusy
	default:
		return wire.CodeInternal
	}
}
