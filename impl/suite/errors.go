package suite

import "errors"

// Typed errors of the suite. Every error returned by this package wraps exactly one of
// them, so callers can tell failures apart with errors.Is.
var (
	// ErrZeroKey reports a derived r equal to zero (spec/suite.md §5).
	ErrZeroKey = errors.New("suite: derived key r is zero")
	// ErrHighS reports a secp256k1 signature whose S exceeds n/2 (spec/suite.md §8).
	ErrHighS = errors.New("suite: signature S is above n/2 (high-s)")
	// ErrBadV reports a signature recovery byte other than 27 or 28 (spec/suite.md §8).
	ErrBadV = errors.New("suite: signature V is not 27 or 28")
	// ErrBadSignature reports a signature that is malformed or does not recover a key.
	ErrBadSignature = errors.New("suite: invalid signature")
	// ErrBadLength reports an input of the wrong byte length.
	ErrBadLength = errors.New("suite: wrong input length")
	// ErrNonCanonical reports a field-element coordinate that is not below the modulus.
	ErrNonCanonical = errors.New("suite: non-canonical field element")
	// ErrNotOnCurve reports a G1 point that is not on y² = x³ + 3.
	ErrNotOnCurve = errors.New("suite: point not on the BN254 curve")
	// ErrInfinity reports the point at infinity where a finite point is required.
	ErrInfinity = errors.New("suite: point at infinity")
	// ErrScalarRange reports a scalar that is not below the group order n.
	ErrScalarRange = errors.New("suite: scalar not below the group order")
	// ErrEmptyFleet reports a fleet with no devices.
	ErrEmptyFleet = errors.New("suite: empty fleet")
	// ErrFleetTooLarge reports a fleet with more than MaxFleetSize devices.
	ErrFleetTooLarge = errors.New("suite: fleet too large")
	// ErrIndexRange reports a fleet index that is not below the fleet size.
	ErrIndexRange = errors.New("suite: fleet index out of range")
	// ErrProofLength reports a fleet proof whose length is not the tree depth.
	ErrProofLength = errors.New("suite: fleet proof has the wrong length")
	// ErrProofMismatch reports a fleet proof that does not lead to the root.
	ErrProofMismatch = errors.New("suite: fleet proof does not match the root")
	// ErrLockType reports a lock type other than LockHash and LockPoint.
	ErrLockType = errors.New("suite: unknown lock type")
	// ErrPointRelation reports a point-lock offer with c·G ≠ K + S.
	ErrPointRelation = errors.New("suite: point-lock relation c·G = K + S fails")
	// ErrNilKey reports a nil private key or a nil big integer argument.
	ErrNilKey = errors.New("suite: nil argument")
)
