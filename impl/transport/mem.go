package transport

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"time"
)

// halfCap is the buffer of one direction of an in-process stream; a writer blocks when
// it is full (back-pressure, as a real stream's flow control).
const halfCap = 256 << 10

// half is one direction of an in-process stream.
type half struct {
	mu      sync.Mutex
	data    []byte
	wclosed bool // the writer closed its side: the reader sees EOF after data
	rclosed bool // the reader closed: writes fail
	reset   bool
	rdl     time.Time // read deadline (set by the reading end)
	wdl     time.Time // write deadline (set by the writing end)
	notify  chan struct{}
}

func newHalf() *half { return &half{notify: make(chan struct{})} }

// wake must be called with mu held after any state change.
func (h *half) wake() {
	close(h.notify)
	h.notify = make(chan struct{})
}

// wait releases mu, waits for a change or the deadline, and reacquires mu. It reports
// false when the deadline passed.
func (h *half) wait(deadline time.Time) bool {
	ch := h.notify
	if deadline.IsZero() {
		h.mu.Unlock()
		<-ch
		h.mu.Lock()
		return true
	}
	d := time.Until(deadline)
	if d <= 0 {
		return false
	}
	t := time.NewTimer(d)
	h.mu.Unlock()
	select {
	case <-ch:
	case <-t.C:
	}
	t.Stop()
	h.mu.Lock()
	return true
}

func expired(dl time.Time) bool { return !dl.IsZero() && !time.Now().Before(dl) }

// memStream is one end of an in-process stream.
type memStream struct {
	in, out       *half
	local, remote PeerID
	proto         ProtocolID
	onDone        func()
	doneOnce      sync.Once
}

func (s *memStream) Read(p []byte) (int, error) {
	h := s.in
	h.mu.Lock()
	defer h.mu.Unlock()
	for {
		switch {
		case h.reset:
			return 0, ErrReset
		case h.rclosed:
			return 0, ErrClosed
		case len(h.data) > 0:
			n := copy(p, h.data)
			h.data = h.data[n:]
			h.wake()
			return n, nil
		case h.wclosed:
			return 0, io.EOF
		case expired(h.rdl):
			return 0, fmt.Errorf("%w: read: %w", ErrTimeout, os.ErrDeadlineExceeded)
		}
		h.wait(h.rdl)
	}
}

func (s *memStream) Write(p []byte) (int, error) {
	h := s.out
	h.mu.Lock()
	defer h.mu.Unlock()
	written := 0
	for written < len(p) {
		switch {
		case h.reset:
			return written, ErrReset
		case h.wclosed:
			return written, ErrClosed
		case h.rclosed:
			return written, fmt.Errorf("%w: peer closed its read side", ErrReset)
		case len(h.data) < halfCap:
			n := min(halfCap-len(h.data), len(p)-written)
			h.data = append(h.data, p[written:written+n]...)
			written += n
			h.wake()
			continue
		case expired(h.wdl):
			return written, fmt.Errorf("%w: write: %w", ErrTimeout, os.ErrDeadlineExceeded)
		}
		h.wait(h.wdl)
	}
	return written, nil
}

func (s *memStream) CloseWrite() error {
	h := s.out
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.reset {
		return ErrReset
	}
	h.wclosed = true
	h.wake()
	return nil
}

func (s *memStream) Close() error {
	err := s.CloseWrite()
	h := s.in
	h.mu.Lock()
	h.rclosed = true
	h.data = nil
	h.wake()
	h.mu.Unlock()
	s.done()
	if err != nil && err != ErrReset {
		return err
	}
	return nil
}

func (s *memStream) Reset() error {
	for _, h := range []*half{s.in, s.out} {
		h.mu.Lock()
		h.reset = true
		h.data = nil
		h.wake()
		h.mu.Unlock()
	}
	s.done()
	return nil
}

func (s *memStream) done() {
	s.doneOnce.Do(func() {
		if s.onDone != nil {
			s.onDone()
		}
	})
}

func (s *memStream) SetDeadline(t time.Time) error {
	_ = s.SetReadDeadline(t)
	return s.SetWriteDeadline(t)
}

func (s *memStream) SetReadDeadline(t time.Time) error {
	s.in.mu.Lock()
	s.in.rdl = t
	s.in.wake()
	s.in.mu.Unlock()
	return nil
}

func (s *memStream) SetWriteDeadline(t time.Time) error {
	s.out.mu.Lock()
	s.out.wdl = t
	s.out.wake()
	s.out.mu.Unlock()
	return nil
}

func (s *memStream) RemotePeer() PeerID   { return s.remote }
func (s *memStream) Protocol() ProtocolID { return s.proto }

// Network is an in-process network of hosts with an in-process provider directory. It
// stands in for the libp2p swarm and the Kademlia DHT in the demo and the tests.
type Network struct {
	mu        sync.Mutex
	hosts     map[PeerID]*MemHost
	providers map[[32]byte][]PeerID
}

// NewNetwork returns an empty in-process network.
func NewNetwork() *Network {
	return &Network{hosts: map[PeerID]*MemHost{}, providers: map[[32]byte][]PeerID{}}
}

// NewHost joins a host called id to the network.
func (n *Network) NewHost(id PeerID) (*MemHost, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, ok := n.hosts[id]; ok {
		return nil, fmt.Errorf("%w: %s", ErrDuplicatePeer, id)
	}
	h := &MemHost{net: n, id: id, handlers: map[ProtocolID]StreamHandler{}, streams: map[*memStream]struct{}{}}
	n.hosts[id] = h
	return h, nil
}

// Provide records that p serves key. It implements Routing.
func (n *Network) Provide(ctx context.Context, key [32]byte, p PeerID) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("transport: provide: %w", err)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, ok := n.hosts[p]; !ok {
		return fmt.Errorf("%w: %s", ErrNoPeer, p)
	}
	if !slices.Contains(n.providers[key], p) {
		n.providers[key] = append(n.providers[key], p)
	}
	return nil
}

// FindProviders returns the reachable peers that provide key. It implements Routing.
func (n *Network) FindProviders(ctx context.Context, key [32]byte) ([]PeerID, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("transport: find providers: %w", err)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	var out []PeerID
	for _, p := range n.providers[key] {
		if _, ok := n.hosts[p]; ok {
			out = append(out, p)
		}
	}
	return out, nil
}

func (n *Network) host(id PeerID) (*MemHost, bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	h, ok := n.hosts[id]
	return h, ok
}

func (n *Network) remove(id PeerID) {
	n.mu.Lock()
	defer n.mu.Unlock()
	delete(n.hosts, id)
}

// MemHost is a Host on an in-process Network.
type MemHost struct {
	net      *Network
	id       PeerID
	mu       sync.Mutex
	closed   bool
	handlers map[ProtocolID]StreamHandler
	streams  map[*memStream]struct{}
	wg       sync.WaitGroup
}

var _ Host = (*MemHost)(nil)

// ID implements Host.
func (h *MemHost) ID() PeerID { return h.id }

// SetStreamHandler implements Host.
func (h *MemHost) SetStreamHandler(proto ProtocolID, fn StreamHandler) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.handlers[proto] = fn
}

// RemoveStreamHandler implements Host.
func (h *MemHost) RemoveStreamHandler(proto ProtocolID) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.handlers, proto)
}

func (h *MemHost) track(s *memStream) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	h.streams[s] = struct{}{}
	s.onDone = func() {
		h.mu.Lock()
		delete(h.streams, s)
		h.mu.Unlock()
	}
	return true
}

// NewStream implements Host. The remote handler runs in its own goroutine.
func (h *MemHost) NewStream(ctx context.Context, p PeerID, proto ProtocolID) (Stream, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("transport: new stream: %w", err)
	}
	h.mu.Lock()
	closed := h.closed
	h.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	remote, ok := h.net.host(p)
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNoPeer, p)
	}
	remote.mu.Lock()
	handler, ok := remote.handlers[proto]
	remote.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("%w: %s at %s", ErrProtocolNotSupported, proto, p)
	}
	ab, ba := newHalf(), newHalf()
	local := &memStream{in: ba, out: ab, local: h.id, remote: p, proto: proto}
	far := &memStream{in: ab, out: ba, local: p, remote: h.id, proto: proto}
	if !h.track(local) {
		return nil, ErrClosed
	}
	if !remote.track(far) {
		_ = local.Reset()
		return nil, fmt.Errorf("%w: %s", ErrNoPeer, p)
	}
	remote.wg.Add(1)
	go func() {
		defer remote.wg.Done()
		handler(far)
	}()
	return local, nil
}

// Close implements Host: it leaves the network, resets every open stream and waits
// for its running handlers to return.
func (h *MemHost) Close() error {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return nil
	}
	h.closed = true
	streams := make([]*memStream, 0, len(h.streams))
	for s := range h.streams {
		streams = append(streams, s)
	}
	h.mu.Unlock()
	h.net.remove(h.id)
	for _, s := range streams {
		_ = s.Reset()
	}
	h.wg.Wait()
	return nil
}
