package channel

import "errors"

// Typed errors of the off-chain channel parties. Every error returned by this package
// wraps one of them (or a chain/store error), so callers tell failures apart with
// errors.Is. Contract rejections are *RevertError values naming the custom error.
var (
	// ErrBadParameter reports an invalid configuration or argument (digits, key size,
	// window, price, nil values).
	ErrBadParameter = errors.New("channel: bad parameter")
	// ErrWrongChannel reports a receipt for another channel than the one it is
	// presented for (a replay across channels).
	ErrWrongChannel = errors.New("channel: receipt for another channel")
	// ErrBadReceiptSignature reports a receipt whose signature is malformed, high-s or
	// recovers no key.
	ErrBadReceiptSignature = errors.New("channel: bad receipt signature")
	// ErrWrongSigner reports a receipt signed by a key that is not the channel's client
	// key (constructions 1 and 2) or not in the owner's tree (construction 3).
	ErrWrongSigner = errors.New("channel: receipt not signed by a client key of the channel")
	// ErrWrongAmount reports a receipt whose cumulative amount is not exactly one slot
	// price above the latest one.
	ErrWrongAmount = errors.New("channel: receipt is not the next slot")
	// ErrOverDeposit reports a receipt above the channel's deposit.
	ErrOverDeposit = errors.New("channel: receipt exceeds the deposit")
	// ErrUnknownChannel reports a channel the party has not accepted, or one that is not
	// open on chain.
	ErrUnknownChannel = errors.New("channel: unknown channel")
	// ErrChannelEnding reports a grant asked for too close to the channel's expiry (the
	// server would not be sure to close in time) or after the server closed it.
	ErrChannelEnding = errors.New("channel: channel closed or too close to expiry")
	// ErrUnknownDevice reports a device the access server shares no key with.
	ErrUnknownDevice = errors.New("channel: unknown device")
	// ErrInvalidPassword reports a one-time password that matches no counter in the
	// device's look-ahead window (a wrong, replayed or too distant password).
	ErrInvalidPassword = errors.New("channel: invalid one-time password")
	// ErrBadHead reports, in construction 3, a head receipt from the server that the
	// client cannot verify.
	ErrBadHead = errors.New("channel: server's head receipt does not verify")
	// ErrSpendLimit reports a payment beyond the client's own spending limit.
	ErrSpendLimit = errors.New("channel: client spending limit reached")
	// ErrNothingToClose reports a close without any receipt.
	ErrNothingToClose = errors.New("channel: no receipt to close with")
	// ErrReverted reports a contract call that reverted; the *RevertError wrapping it
	// names the custom error.
	ErrReverted = errors.New("channel: contract reverted")
)

// ErrOutstanding reports a payment asked for while the previous slot's password is
// still unconfirmed (the client keeps at most one slot at risk).
var ErrOutstanding = errors.New("channel: previous slot not confirmed")
