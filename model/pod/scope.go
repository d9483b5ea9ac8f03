package pod

import (
	"errors"
	"fmt"
)

// Mode is the lock mode of a bid.
type Mode uint8

const (
	// HashLock is the paper's mode: lock s = SHA-256(r), one proof per device.
	HashLock Mode = iota
	// PointLock is the amortized mode: lock S = r·G, c = k + r, one proof per distributor.
	PointLock
)

// String returns "hashlock" or "pointlock".
func (m Mode) String() string {
	if m == PointLock {
		return "pointlock"
	}
	return "hashlock"
}

// Network is the network semantics, a setting of the scope (as in
// stateright): what the network may do with messages and who else acts.
type Network uint8

const (
	// DolevYao is the default: the adversary owns the network. It reads every
	// message, drops (never delivers), replays (delivers again or to another
	// party) and injects anything it can derive, acts on chain as distributor
	// E, and may reveal keys.
	DolevYao Network = iota
	// Passive is a lossy, duplicating network without an attacker: messages
	// may be dropped and delivered again or to another party, but nothing is
	// built, nobody but the protocol's parties acts, and no key is revealed.
	Passive
)

// String returns "dolev-yao" or "passive".
func (n Network) String() string {
	if n == Passive {
		return "passive"
	}
	return "dolev-yao"
}

// Checks lists the contract checks of Contract_Claim and Vendor_Withdraw.
// Each can be switched off to build a mutant.
type Checks struct {
	// Claimed rejects a second claim for a fleet index (the claimed bitmap).
	Claimed bool
	// RDerivation requires r = H(pk_caller, t): r is bound to the caller.
	RDerivation bool
	// Lock requires lock = SHA-256(r) (hash lock) or lock = r·G (point lock).
	Lock bool
	// Signature requires the device's signature over Delivery(bid, U_id, lock).
	Signature bool
	// Membership recomputes the leaf from (index, device): the signing key is
	// the fleet's device at that index, not a caller-supplied address.
	Membership bool
	// ExpiryClaim rejects claims at or after expiry.
	ExpiryClaim bool
	// ExpiryWithdraw rejects the vendor's withdrawal before expiry.
	ExpiryWithdraw bool
	// Solvency pays only from the bid's own remaining deposit (the EVM's
	// balance check when the bid holds its own funds).
	Solvency bool
}

// AllChecks returns Checks with every check on.
func AllChecks() Checks {
	return Checks{Claimed: true, RDerivation: true, Lock: true, Signature: true, Membership: true,
		ExpiryClaim: true, ExpiryWithdraw: true, Solvency: true}
}

// Scope bounds a model instance.
type Scope struct {
	// Mode is the lock mode.
	Mode Mode
	// Distributors is the number of honest distributors (the adversary E is
	// one more, dishonest, distributor and caller).
	Distributors int
	// Devices is the fleet size; one update is distributed.
	Devices int
	// HubDevice is the fleet index of a constrained device served by a hub
	// (Hub_Check, Hub_Install), or -1 for none.
	HubDevice int
	// MaxReveals bounds the key-reveal steps (Reveal_DeviceKey,
	// Reveal_DistributorKey) in one run.
	MaxReveals int
	// Network is the network semantics.
	Network Network
	// Checks are the contract checks in force.
	Checks Checks
}

// DefaultScope returns the default scope for mode m: 2 honest distributors,
// 2 devices (device 1 behind a hub), 1 update, one key reveal, the Dolev-Yao
// adversary, all checks on.
func DefaultScope(m Mode) Scope {
	return Scope{Mode: m, Distributors: 2, Devices: 2, HubDevice: 1, MaxReveals: 1, Checks: AllChecks()}
}

// ErrScope is returned for a scope outside the supported bounds.
var ErrScope = errors.New("pod: invalid scope")

// Validate reports whether s is within the bounds the model supports.
func (s Scope) Validate() error {
	switch {
	case s.Mode != HashLock && s.Mode != PointLock:
		return fmt.Errorf("%w: unknown mode %d", ErrScope, s.Mode)
	case s.Distributors < 1 || s.Distributors > 4:
		return fmt.Errorf("%w: distributors %d not in [1,4]", ErrScope, s.Distributors)
	case s.Devices < 1 || s.Devices > 4:
		return fmt.Errorf("%w: devices %d not in [1,4]", ErrScope, s.Devices)
	case s.HubDevice < -1 || s.HubDevice >= s.Devices:
		return fmt.Errorf("%w: hub device %d not in [-1,%d)", ErrScope, s.HubDevice, s.Devices)
	case s.MaxReveals < 0 || s.MaxReveals > s.Devices+s.Distributors:
		return fmt.Errorf("%w: max reveals %d not in [0,%d]", ErrScope, s.MaxReveals, s.Devices+s.Distributors)
	case s.Network != DolevYao && s.Network != Passive:
		return fmt.Errorf("%w: unknown network %d", ErrScope, s.Network)
	case s.Network == Passive && s.MaxReveals != 0:
		return fmt.Errorf("%w: a passive network has no adversary to reveal keys to", ErrScope)
	}
	return nil
}
