package channel

import (
	"bytes"
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRunDemo runs the demo with a few slots: every construction buys them, the device
// accepts each password once, and the money adds up.
func TestRunDemo(t *testing.T) {
	var out bytes.Buffer
	res, err := RunDemo(context.Background(), &out, DemoOptions{Slots: 3, DepositSlots: 5, Dir: t.TempDir()})
	require.NoError(t, err)
	require.Len(t, res, 3)
	price := big.NewInt(1_000_000_000_000)
	for i, r := range res {
		require.Equal(t, Kind(i+1), r.Kind)
		require.Equal(t, 3, r.Slots)
		require.Equal(t, 3, r.Accepted)
		require.True(t, r.ReplayRejected)
		require.Equal(t, new(big.Int).Mul(price, big.NewInt(3)), r.Paid)
		require.Equal(t, new(big.Int).Mul(price, big.NewInt(2)), r.Refunded)
		require.NotZero(t, r.OpenGas)
		require.NotZero(t, r.CloseGas)
	}
	require.True(t, strings.Contains(out.String(), "construction 3 (tree)"))
}
