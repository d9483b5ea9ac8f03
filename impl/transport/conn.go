package transport

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Default limits of a Conn.
const (
	// DefaultMaxFrame is the default size limit of one frame (1 MiB).
	DefaultMaxFrame = 1 << 20
	// DefaultReadTimeout bounds every read of one frame.
	DefaultReadTimeout = 30 * time.Second
	// DefaultWriteTimeout bounds every write of one frame.
	DefaultWriteTimeout = 30 * time.Second
)

// Limits bound a Conn's frames and operations. Zero fields take the defaults.
type Limits struct {
	// MaxFrame is the largest frame accepted or sent, in bytes.
	MaxFrame int
	// ReadTimeout bounds the read of one frame.
	ReadTimeout time.Duration
	// WriteTimeout bounds the write of one frame.
	WriteTimeout time.Duration
}

func (l Limits) withDefaults() Limits {
	if l.MaxFrame <= 0 {
		l.MaxFrame = DefaultMaxFrame
	}
	if l.ReadTimeout <= 0 {
		l.ReadTimeout = DefaultReadTimeout
	}
	if l.WriteTimeout <= 0 {
		l.WriteTimeout = DefaultWriteTimeout
	}
	return l
}

// Conn carries frames over a Stream: each frame is an unsigned-varint length followed
// by that many bytes, as libp2p's length-delimited protocols do. Every ReadFrame and
// WriteFrame has a deadline (the earlier of the limit and the context's deadline) and
// is interrupted when its context is cancelled. A Conn is not safe for concurrent
// reads or concurrent writes.
type Conn struct {
	s   Stream
	r   *bufio.Reader
	lim Limits
}

// NewConn wraps s with the given limits.
func NewConn(s Stream, lim Limits) *Conn {
	return &Conn{s: s, r: bufio.NewReaderSize(s, 4096), lim: lim.withDefaults()}
}

// Stream returns the underlying stream.
func (c *Conn) Stream() Stream { return c.s }

// RemotePeer is the peer at the other end.
func (c *Conn) RemotePeer() PeerID { return c.s.RemotePeer() }

// Limits returns the limits in force.
func (c *Conn) Limits() Limits { return c.lim }

func deadline(ctx context.Context, d time.Duration) time.Time {
	dl := time.Now().Add(d)
	if cd, ok := ctx.Deadline(); ok && cd.Before(dl) {
		dl = cd
	}
	return dl
}

func mapErr(ctx context.Context, op string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("transport: %s: %w", op, ctx.Err())
	}
	if cd, ok := ctx.Deadline(); ok && !time.Now().Before(cd) {
		// The stream deadline was the context's and may fire a moment before ctx.Err.
		return fmt.Errorf("transport: %s: %w: %w", op, context.DeadlineExceeded, err)
	}
	if errors.Is(err, os.ErrDeadlineExceeded) && !errors.Is(err, ErrTimeout) {
		return fmt.Errorf("transport: %s: %w: %w", op, ErrTimeout, err)
	}
	return fmt.Errorf("transport: %s: %w", op, err)
}

// WriteFrame sends one frame.
func (c *Conn) WriteFrame(ctx context.Context, frame []byte) error {
	if len(frame) > c.lim.MaxFrame {
		return fmt.Errorf("%w: %d > %d bytes", ErrFrameTooLarge, len(frame), c.lim.MaxFrame)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("transport: write: %w", err)
	}
	_ = c.s.SetWriteDeadline(deadline(ctx, c.lim.WriteTimeout))
	stop := context.AfterFunc(ctx, func() { _ = c.s.SetWriteDeadline(time.Unix(1, 0)) })
	defer stop()
	buf := binary.AppendUvarint(make([]byte, 0, len(frame)+binary.MaxVarintLen64), uint64(len(frame)))
	buf = append(buf, frame...)
	if _, err := c.s.Write(buf); err != nil {
		return mapErr(ctx, "write", err)
	}
	return nil
}

// ReadFrame reads one frame. A length above the limit is rejected before any of the
// body is read; a stream that ends mid-frame gives io.ErrUnexpectedEOF, one that ends
// between frames io.EOF.
func (c *Conn) ReadFrame(ctx context.Context) ([]byte, error) {
	return c.ReadFrameMax(ctx, c.lim.MaxFrame)
}

// ReadFrameMax is ReadFrame with a tighter size limit for this one frame (the limit of
// the message type the caller expects); a limit above the Conn's is lowered to it.
func (c *Conn) ReadFrameMax(ctx context.Context, limit int) ([]byte, error) {
	if limit <= 0 || limit > c.lim.MaxFrame {
		limit = c.lim.MaxFrame
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("transport: read: %w", err)
	}
	_ = c.s.SetReadDeadline(deadline(ctx, c.lim.ReadTimeout))
	stop := context.AfterFunc(ctx, func() { _ = c.s.SetReadDeadline(time.Unix(1, 0)) })
	defer stop()
	n, err := readUvarint(c.r)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, ErrBadFrame) {
			return nil, err
		}
		return nil, mapErr(ctx, "read header", err)
	}
	if n > uint64(limit) {
		return nil, fmt.Errorf("%w: %d > %d bytes", ErrFrameTooLarge, n, limit)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(c.r, buf); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, mapErr(ctx, "read body", err)
	}
	return buf, nil
}

// CloseWrite half-closes the stream after the last frame.
func (c *Conn) CloseWrite() error { return c.s.CloseWrite() }

// Close closes the stream.
func (c *Conn) Close() error { return c.s.Close() }

// Reset aborts the stream.
func (c *Conn) Reset() error { return c.s.Reset() }

// readUvarint reads an unsigned varint of at most 9 bytes (lengths fit in 63 bits).
// It returns io.EOF only when the stream ends before the first byte.
func readUvarint(r io.ByteReader) (uint64, error) {
	var x uint64
	for i := range 9 {
		b, err := r.ReadByte()
		if err != nil {
			if i > 0 && errors.Is(err, io.EOF) {
				return 0, fmt.Errorf("transport: read header: %w", io.ErrUnexpectedEOF)
			}
			return 0, err
		}
		x |= uint64(b&0x7f) << (7 * i)
		if b < 0x80 {
			if b == 0 && i > 0 {
				return 0, fmt.Errorf("%w: non-minimal length", ErrBadFrame)
			}
			return x, nil
		}
	}
	return 0, fmt.Errorf("%w: length prefix longer than 9 bytes", ErrBadFrame)
}
