// Package transport is podnet's stream transport (spec/pod.md, "Transport").
//
// The interfaces mirror the parts of libp2p that podnet uses, so that a libp2p host can
// implement them later without the parties changing: a Host opens multiplexed,
// protocol-tagged, bidirectional Streams to peers and serves streams with handlers
// (libp2p host.Host and network.Stream), and a Routing publishes and finds provider
// records for a content key (libp2p routing.ContentRouting over the Kademlia DHT).
//
// On top of a Stream, Conn carries length-prefixed frames (an unsigned-varint length, as
// libp2p's msgio/pbio do) with a size limit and a deadline on every read and write.
// Message encoding is the job of impl/wire: a frame is exactly one wire message.
//
// The in-process implementation (NewNetwork) is what the demo and the tests use.
package transport

import (
	"context"
	"errors"
	"io"
	"time"
)

// PeerID identifies a peer (a libp2p peer.ID in the libp2p implementation).
type PeerID string

// ProtocolID names a stream protocol, e.g. "/podnet/pod/1".
type ProtocolID string

// Protocol identifiers of podnet's streams.
const (
	// ProtoExchange is the device–distributor exchange (Device_Request .. Device_Commit).
	ProtoExchange ProtocolID = "/podnet/exchange/1"
	// ProtoBlob serves package blobs (Vendor_Seed, Distributor_Fetch).
	ProtoBlob ProtocolID = "/podnet/blob/1"
	// ProtoHub is the trusted local channel between a hub and its constrained devices.
	ProtoHub ProtocolID = "/podnet/hub/1"
)

// Errors of the transport. They are matched with errors.Is.
var (
	// ErrNoPeer: the peer is unknown or unreachable.
	ErrNoPeer = errors.New("transport: peer not reachable")
	// ErrProtocolNotSupported: the peer has no handler for the protocol.
	ErrProtocolNotSupported = errors.New("transport: protocol not supported by peer")
	// ErrReset: the stream was reset by either side (or its host was closed).
	ErrReset = errors.New("transport: stream reset")
	// ErrClosed: the stream (or host) was closed locally.
	ErrClosed = errors.New("transport: closed")
	// ErrFrameTooLarge: a frame exceeds the size limit.
	ErrFrameTooLarge = errors.New("transport: frame too large")
	// ErrTimeout: a read or write did not complete before its deadline.
	ErrTimeout = errors.New("transport: timeout")
	// ErrBadFrame: the length prefix is malformed.
	ErrBadFrame = errors.New("transport: malformed frame header")
	// ErrDuplicatePeer: a host with this ID already exists on the network.
	ErrDuplicatePeer = errors.New("transport: duplicate peer id")
)

// Stream is one bidirectional, ordered, reliable byte stream between two peers, the
// subset of libp2p's network.Stream that podnet uses.
type Stream interface {
	io.Reader
	io.Writer
	// Close closes both directions; the peer reads io.EOF after the buffered data.
	io.Closer
	// CloseWrite half-closes: the peer reads io.EOF; this side may still read.
	CloseWrite() error
	// Reset aborts both directions; pending and future operations on both sides fail
	// with ErrReset.
	Reset() error
	// SetDeadline sets the read and write deadlines.
	SetDeadline(time.Time) error
	// SetReadDeadline sets the deadline of future and pending reads; the zero time
	// means none.
	SetReadDeadline(time.Time) error
	// SetWriteDeadline sets the deadline of future and pending writes.
	SetWriteDeadline(time.Time) error
	// RemotePeer is the peer at the other end.
	RemotePeer() PeerID
	// Protocol is the protocol the stream was opened for.
	Protocol() ProtocolID
}

// StreamHandler serves one inbound stream. It owns the stream and must close or reset
// it.
type StreamHandler func(Stream)

// Host is one peer's endpoint, the subset of libp2p's host.Host that podnet uses.
type Host interface {
	// ID is this peer's identifier.
	ID() PeerID
	// NewStream opens a stream to peer p for protocol proto.
	NewStream(ctx context.Context, p PeerID, proto ProtocolID) (Stream, error)
	// SetStreamHandler serves inbound streams of protocol proto with h.
	SetStreamHandler(proto ProtocolID, h StreamHandler)
	// RemoveStreamHandler stops serving proto.
	RemoveStreamHandler(proto ProtocolID)
	// Close resets every open stream of this host and makes it unreachable.
	Close() error
}

// Routing publishes and finds providers of a content key (a package's P_id, an
// update's U_id), the subset of libp2p's routing.ContentRouting that podnet uses.
type Routing interface {
	// Provide announces that p serves key.
	Provide(ctx context.Context, key [32]byte, p PeerID) error
	// FindProviders returns the peers that announced key, in announcement order.
	FindProviders(ctx context.Context, key [32]byte) ([]PeerID, error)
}
