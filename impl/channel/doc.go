// Package channel implements podnet's payment channels with one-time passwords for
// constrained devices (seed 003; spec/channel.md).
//
// An owner deposits into the PodnetChannel contract for an access server, in one of
// three constructions: for itself (Client_Open), on behalf of one client key
// (Owner_OpenDelegated) or for a Merkle tree of client keys (Owner_OpenTree). A Client
// signs one cumulative EIP-712 receipt per slot (Client_Pay); the access Server checks
// it and returns the HOTP one-time password (RFC 4226, HMAC-SHA-256) of the device's
// next counter (Server_Grant); the Device, which shares only that key with the server
// and never talks to the chain, accepts each password once within a look-ahead window
// and keeps its counter in its fsync'd store (Device_Actuate). The server closes with
// the single latest receipt (Server_Close) and the owner takes the rest back
// (Owner_Refund). Contract is the Go client of the contract; MeasureGas produces the
// `podnet bench gas` rows; RunDemo is `podnet demo channel`.
package channel
