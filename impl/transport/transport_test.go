package transport

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// pair returns two hosts on one network; b echoes frames on proto "/echo".
func pair(t *testing.T) (*Network, *MemHost, *MemHost) {
	t.Helper()
	n := NewNetwork()
	a, err := n.NewHost("a")
	require.NoError(t, err)
	b, err := n.NewHost("b")
	require.NoError(t, err)
	t.Cleanup(func() { _ = a.Close(); _ = b.Close() })
	b.SetStreamHandler("/echo", func(s Stream) {
		c := NewConn(s, Limits{MaxFrame: 64, ReadTimeout: time.Second})
		defer c.Close()
		for {
			f, err := c.ReadFrame(context.Background())
			if err != nil {
				return
			}
			if err := c.WriteFrame(context.Background(), f); err != nil {
				return
			}
		}
	})
	return n, a, b
}

func TestEcho(t *testing.T) {
	ctx := context.Background()
	_, a, _ := pair(t)
	s, err := a.NewStream(ctx, "b", "/echo")
	require.NoError(t, err)
	require.Equal(t, PeerID("b"), s.RemotePeer())
	require.Equal(t, ProtocolID("/echo"), s.Protocol())
	c := NewConn(s, Limits{MaxFrame: 64})
	for _, msg := range [][]byte{{}, []byte("hello"), bytes.Repeat([]byte{7}, 64)} {
		require.NoError(t, c.WriteFrame(ctx, msg))
		got, err := c.ReadFrame(ctx)
		require.NoError(t, err)
		require.Equal(t, msg, got)
	}
	require.NoError(t, c.CloseWrite())
	_, err = c.ReadFrame(ctx)
	require.ErrorIs(t, err, io.EOF)
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		run  func(t *testing.T, a *MemHost) error
		want error
	}{
		{"unknown peer", func(t *testing.T, a *MemHost) error {
			_, err := a.NewStream(ctx, "nobody", "/echo")
			return err
		}, ErrNoPeer},
		{"unknown protocol", func(t *testing.T, a *MemHost) error {
			_, err := a.NewStream(ctx, "b", "/nope")
			return err
		}, ErrProtocolNotSupported},
		{"frame too large to send", func(t *testing.T, a *MemHost) error {
			s, err := a.NewStream(ctx, "b", "/echo")
			require.NoError(t, err)
			return NewConn(s, Limits{MaxFrame: 8}).WriteFrame(ctx, make([]byte, 9))
		}, ErrFrameTooLarge},
		{"frame too large to receive", func(t *testing.T, a *MemHost) error {
			s, err := a.NewStream(ctx, "b", "/echo")
			require.NoError(t, err)
			// The sender allows 64 bytes, the receiver only 16: the echo comes back
			// with 40 bytes and is refused from its header.
			require.NoError(t, NewConn(s, Limits{MaxFrame: 64}).WriteFrame(ctx, make([]byte, 40)))
			_, err = NewConn(s, Limits{MaxFrame: 16}).ReadFrame(ctx)
			return err
		}, ErrFrameTooLarge},
		{"read timeout", func(t *testing.T, a *MemHost) error {
			s, err := a.NewStream(ctx, "b", "/echo")
			require.NoError(t, err)
			_, err = NewConn(s, Limits{ReadTimeout: 20 * time.Millisecond}).ReadFrame(ctx)
			return err
		}, ErrTimeout},
		{"context cancel interrupts a read", func(t *testing.T, a *MemHost) error {
			s, err := a.NewStream(ctx, "b", "/echo")
			require.NoError(t, err)
			cctx, cancel := context.WithCancel(ctx)
			time.AfterFunc(20*time.Millisecond, cancel)
			_, err = NewConn(s, Limits{ReadTimeout: time.Minute}).ReadFrame(cctx)
			return err
		}, context.Canceled},
		{"context deadline bounds a read", func(t *testing.T, a *MemHost) error {
			s, err := a.NewStream(ctx, "b", "/echo")
			require.NoError(t, err)
			cctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
			defer cancel()
			_, err = NewConn(s, Limits{ReadTimeout: time.Minute}).ReadFrame(cctx)
			return err
		}, context.DeadlineExceeded},
		{"truncated frame", func(t *testing.T, a *MemHost) error {
			s, err := a.NewStream(ctx, "b", "/echo")
			require.NoError(t, err)
			_, err = s.Write([]byte{10, 1, 2}) // promises 10 bytes, sends 2
			require.NoError(t, err)
			require.NoError(t, s.CloseWrite())
			// The echo handler fails to read and closes: we read EOF.
			_, err = NewConn(s, Limits{}).ReadFrame(ctx)
			return err
		}, io.EOF},
		{"overlong length prefix", func(t *testing.T, a *MemHost) error {
			var buf bytes.Buffer
			buf.Write(bytes.Repeat([]byte{0xff}, 10))
			c := &Conn{r: bufioReader(&buf), lim: Limits{}.withDefaults(), s: nopStream{}}
			_, err := c.ReadFrame(ctx)
			return err
		}, ErrBadFrame},
		{"peer reset", func(t *testing.T, a *MemHost) error {
			s, err := a.NewStream(ctx, "b", "/echo")
			require.NoError(t, err)
			require.NoError(t, s.Reset())
			_, err = s.Write([]byte{1})
			return err
		}, ErrReset},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, a, _ := pair(t)
			err := tc.run(t, a)
			require.Error(t, err)
			require.True(t, errors.Is(err, tc.want), "got %v, want %v", err, tc.want)
		})
	}
}

func TestHostCloseResetsStreams(t *testing.T) {
	ctx := context.Background()
	n := NewNetwork()
	a, err := n.NewHost("a")
	require.NoError(t, err)
	b, err := n.NewHost("b")
	require.NoError(t, err)
	started := make(chan struct{})
	var handlerErr error
	var mu sync.Mutex
	b.SetStreamHandler("/wait", func(s Stream) {
		close(started)
		_, err := NewConn(s, Limits{ReadTimeout: time.Minute}).ReadFrame(ctx)
		mu.Lock()
		handlerErr = err
		mu.Unlock()
	})
	s, err := a.NewStream(ctx, "b", "/wait")
	require.NoError(t, err)
	<-started
	require.NoError(t, b.Close()) // waits for the handler
	mu.Lock()
	require.ErrorIs(t, handlerErr, ErrReset)
	mu.Unlock()
	_, err = NewConn(s, Limits{}).ReadFrame(ctx)
	require.ErrorIs(t, err, ErrReset)
	_, err = a.NewStream(ctx, "b", "/wait")
	require.ErrorIs(t, err, ErrNoPeer)
	_, err = n.NewHost("a")
	require.ErrorIs(t, err, ErrDuplicatePeer)
}

func TestBackpressureLargeFrame(t *testing.T) {
	ctx := context.Background()
	n := NewNetwork()
	a, _ := n.NewHost("a")
	b, _ := n.NewHost("b")
	defer a.Close()
	defer b.Close()
	got := make(chan []byte, 1)
	b.SetStreamHandler("/big", func(s Stream) {
		defer s.Close()
		f, err := NewConn(s, Limits{MaxFrame: 1 << 21}).ReadFrame(ctx)
		if err != nil {
			got <- nil
			return
		}
		got <- f
	})
	s, err := a.NewStream(ctx, "b", "/big")
	require.NoError(t, err)
	msg := bytes.Repeat([]byte{1, 2, 3}, 600_000) // > halfCap: the writer must block and resume
	require.NoError(t, NewConn(s, Limits{MaxFrame: 1 << 21}).WriteFrame(ctx, msg))
	require.Equal(t, msg, <-got)
}

func TestRouting(t *testing.T) {
	ctx := context.Background()
	n := NewNetwork()
	a, _ := n.NewHost("a")
	b, _ := n.NewHost("b")
	key := [32]byte{1}
	require.ErrorIs(t, n.Provide(ctx, key, "ghost"), ErrNoPeer)
	require.NoError(t, n.Provide(ctx, key, "a"))
	require.NoError(t, n.Provide(ctx, key, "b"))
	require.NoError(t, n.Provide(ctx, key, "a"))
	ps, err := n.FindProviders(ctx, key)
	require.NoError(t, err)
	require.Equal(t, []PeerID{"a", "b"}, ps)
	require.NoError(t, a.Close())
	ps, err = n.FindProviders(ctx, key)
	require.NoError(t, err)
	require.Equal(t, []PeerID{"b"}, ps, "a closed host is no longer a provider")
	_ = b.Close()
}

func bufioReader(r io.Reader) *bufio.Reader { return bufio.NewReader(r) }

// nopStream satisfies Stream for tests that drive Conn from a buffer.
type nopStream struct{}

func (nopStream) Read([]byte) (int, error)         { return 0, io.EOF }
func (nopStream) Write(p []byte) (int, error)      { return len(p), nil }
func (nopStream) Close() error                     { return nil }
func (nopStream) CloseWrite() error                { return nil }
func (nopStream) Reset() error                     { return nil }
func (nopStream) SetDeadline(time.Time) error      { return nil }
func (nopStream) SetReadDeadline(time.Time) error  { return nil }
func (nopStream) SetWriteDeadline(time.Time) error { return nil }
func (nopStream) RemotePeer() PeerID               { return "" }
func (nopStream) Protocol() ProtocolID             { return "" }
