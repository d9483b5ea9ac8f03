package pod

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/podnet/podnet/impl/chain"
	"github.com/podnet/podnet/impl/contracts/bindings"
)

// RevertError is a named custom error of the podnet contracts (spec/contracts.md),
// decoded from revert data. errors.Is matches it against the sentinel of the same name
// (ErrExpired, ErrNotInFleet, ...), whatever its arguments.
type RevertError struct {
	// Name is the Solidity error name, e.g. "AlreadyClaimed".
	Name string
	// Args are the decoded error arguments (e.g. the index of AlreadyClaimed).
	Args []any
}

// Error implements error.
func (e *RevertError) Error() string {
	if len(e.Args) == 0 {
		return "pod: contract reverted with " + e.Name + "()"
	}
	parts := make([]string, len(e.Args))
	for i, a := range e.Args {
		parts[i] = fmt.Sprint(a)
	}
	return "pod: contract reverted with " + e.Name + "(" + strings.Join(parts, ", ") + ")"
}

// Is reports whether target is a *RevertError with the same name.
func (e *RevertError) Is(target error) bool {
	t, ok := target.(*RevertError)
	return ok && t.Name == e.Name
}

// Sentinels for every custom error of PodBid and UpdateFactory. Compare with errors.Is.
var (
	ErrNotAClone         = &RevertError{Name: "NotAClone"}
	ErrExpired           = &RevertError{Name: "Expired"}
	ErrIndexOutOfRange   = &RevertError{Name: "IndexOutOfRange"}
	ErrAlreadyClaimed    = &RevertError{Name: "AlreadyClaimed"}
	ErrBatchNotSorted    = &RevertError{Name: "BatchNotSorted"}
	ErrEmptyBatch        = &RevertError{Name: "EmptyBatch"}
	ErrZeroKey           = &RevertError{Name: "ZeroKey"}
	ErrRNotDerived       = &RevertError{Name: "RNotDerived"}
	ErrBadSignature      = &RevertError{Name: "BadSignature"}
	ErrHighS             = &RevertError{Name: "HighS"}
	ErrNotInFleet        = &RevertError{Name: "NotInFleet"}
	ErrBadProofLength    = &RevertError{Name: "BadProofLength"}
	ErrNotVendor         = &RevertError{Name: "NotVendor"}
	ErrNotExpired        = &RevertError{Name: "NotExpired"}
	ErrPaymentFailed     = &RevertError{Name: "PaymentFailed"}
	ErrBadLockType       = &RevertError{Name: "BadLockType"}
	ErrEmptyFleet        = &RevertError{Name: "EmptyFleet"}
	ErrFleetTooLarge     = &RevertError{Name: "FleetTooLarge"}
	ErrExpiryNotInFuture = &RevertError{Name: "ExpiryNotInFuture"}
	ErrBadDeposit        = &RevertError{Name: "BadDeposit"}
	ErrDeployFailed      = &RevertError{Name: "DeployFailed"}
)

// ErrRevertUnknown is returned (wrapped) for revert data that is not a custom error of
// the podnet contracts.
var ErrRevertUnknown = errors.New("pod: contract reverted with unknown data")

// DecodeRevert decodes revert data into a *RevertError using the ABIs of PodBid and
// UpdateFactory; unknown data gives an error wrapping ErrRevertUnknown.
func DecodeRevert(data []byte) error {
	if len(data) < 4 {
		return fmt.Errorf("%w: %x", ErrRevertUnknown, data)
	}
	var sel [4]byte
	copy(sel[:], data[:4])
	for _, a := range []abi.ABI{bindings.NewPodBid().GetABI(), bindings.NewUpdateFactory().GetABI()} {
		e, err := a.ErrorByID(sel)
		if err != nil {
			continue
		}
		args, err := e.Inputs.Unpack(data[4:])
		if err != nil {
			return fmt.Errorf("%w: %s with undecodable arguments: %v", ErrRevertUnknown, e.Name, err)
		}
		return &RevertError{Name: e.Name, Args: args}
	}
	return fmt.Errorf("%w: %x", ErrRevertUnknown, data)
}

// wrapRevert turns an error carrying revert data into one that also matches the
// decoded *RevertError; other errors are returned wrapped with op.
func wrapRevert(op string, err error) error {
	if err == nil {
		return nil
	}
	if data, ok := chain.RevertData(err); ok {
		return fmt.Errorf("pod: %s: %w", op, DecodeRevert(data))
	}
	return fmt.Errorf("pod: %s: %w", op, err)
}
