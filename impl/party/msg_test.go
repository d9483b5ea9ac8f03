package party

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/transport"
	"github.com/podnet/podnet/impl/wire"
)

// recv reads with the size limit of the expected type, decodes with the wire codec and
// turns a peer's Error into a *PeerError.
func TestRecv(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	good, err := wire.Encode(&wire.Delivery{Signature: [65]byte{1}})
	require.NoError(t, err)
	refusal, err := wire.Encode(&wire.Error{Code: wire.CodeBusy, Text: "later"})
	require.NoError(t, err)
	other, err := wire.Encode(&wire.Challenge{Nonce: [32]byte{2}})
	require.NoError(t, err)
	tests := []struct {
		name  string
		frame []byte
		check func(t *testing.T, err error)
	}{
		{"expected message", good, func(t *testing.T, err error) { require.NoError(t, err) }},
		{"peer refusal", refusal, func(t *testing.T, err error) {
			var pe *PeerError
			require.ErrorAs(t, err, &pe)
			require.Equal(t, wire.CodeBusy, pe.Code)
			require.ErrorIs(t, err, ErrPeerRefused)
		}},
		{"another message type", other, func(t *testing.T, err error) { require.ErrorIs(t, err, ErrProtocol) }},
		{"not CBOR", []byte{0xff, 0x00}, func(t *testing.T, err error) { require.ErrorIs(t, err, ErrProtocol) }},
		{"above the type's size limit", make([]byte, wire.TypeDelivery.SizeLimit()+1), func(t *testing.T, err error) {
			require.ErrorIs(t, err, transport.ErrFrameTooLarge)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := transport.NewNetwork()
			a, err := n.NewHost("a")
			require.NoError(t, err)
			b, err := n.NewHost("b")
			require.NoError(t, err)
			defer a.Close()
			defer b.Close()
			b.SetStreamHandler("/t", func(s transport.Stream) {
				c := transport.NewConn(s, transport.Limits{MaxFrame: wire.MaxMessageSize})
				_ = c.WriteFrame(ctx, tc.frame)
				_ = c.CloseWrite()
			})
			s, err := a.NewStream(ctx, "b", "/t")
			require.NoError(t, err)
			c := transport.NewConn(s, transport.Limits{MaxFrame: wire.MaxMessageSize})
			defer c.Close()
			m, err := recv[*wire.Delivery](ctx, c, wire.TypeDelivery)
			tc.check(t, err)
			if err == nil {
				require.Equal(t, byte(1), m.Signature[0])
			}
		})
	}
}
