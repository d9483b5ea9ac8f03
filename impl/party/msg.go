package party

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
)

// send encodes m with the wire codec and writes it as one frame.
func send(ctx context.Context, c *transport.Conn, m wire.Message) error {
	b, err := wire.Encode(m)
	if err != nil {
		return fmt.Errorf("party: encode %s: %w", m.Type(), err)
	}
	if err := c.WriteFrame(ctx, b); err != nil {
		return fmt.Errorf("party: send %s: %w", m.Type(), err)
	}
	return nil
}

// recv reads one frame no larger than the size limit of the wanted message type,
// decodes it and returns it as T. A wire Error from the peer is returned as *PeerError;
// any other message type is ErrProtocol.
func recv[T wire.Message](ctx context.Context, c *transport.Conn, want wire.MsgType) (T, error) {
	var zero T
	limit := max(want.SizeLimit(), wire.TypeError.SizeLimit())
	b, err := c.ReadFrameMax(ctx, limit)
	if err != nil {
		return zero, fmt.Errorf("party: receive %s: %w", want, err)
	}
	m, err := wire.Decode(b)
	if err != nil {
		return zero, fmt.Errorf("party: receive %s: %w: %w", want, ErrProtocol, err)
	}
	if e, ok := m.(*wire.Error); ok {
		return zero, &PeerError{Code: e.Code, Text: e.Text}
	}
	x, ok := m.(T)
	if !ok {
		return zero, fmt.Errorf("party: %w: got %s, want %s", ErrProtocol, m.Type(), want)
	}
	return x, nil
}

// refuse sends a wire Error for err (best effort) and returns err.
func refuse(ctx context.Context, c *transport.Conn, err error) error {
	var pe *PeerError
	if errors.As(err, &pe) {
		return err // the peer refused first: nothing to answer
	}
	text := err.Error()
	if len(text) > wire.MaxErrorText {
		text = strings.ToValidUTF8(text[:wire.MaxErrorText], "")
	}
	_ = send(ctx, c, &wire.Error{Code: codeFor(err), Text: text})
	return err
}
