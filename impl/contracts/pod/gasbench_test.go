package pod_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/podnet/podnet/impl/contracts/pod"
)

// TestGasBudgets measures a reduced benchmark (small fleets) and checks the gas targets
// of spec/contracts.md: deploy execution identical for every fleet size and ≤ 250,000 in
// total; single claims ≤ 60,000 at a fleet of 1,024; batched point-lock claims ≤ 20,000
// per device at 100.
func TestGasBudgets(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	rep, err := pod.MeasureGas(ctx, pod.GasConfig{DeployFleets: []uint64{1, 10, 1000, 1 << 20}, ClaimFleet: 1024, Batches: []int{10, 100}})
	require.NoError(t, err)
	require.Equal(t, "Osaka", rep.Fork)
	require.Equal(t, 10, rep.ClaimDepth)
	gas := map[string]uint64{}
	for _, r := range rep.Rows {
		gas[r.Name] = r.Gas
		t.Logf("%-40s %7d", r.Name, r.Gas)
	}
	for _, n := range []string{"deploy/fleet=1", "deploy/fleet=10", "deploy/fleet=1000", "deploy/fleet=1048576"} {
		require.LessOrEqual(t, gas[n], uint64(250_000), n)
	}
	for _, x := range rep.DeployExecution {
		require.Equal(t, rep.DeployExecution[0], x, "deploy execution gas is the same for every fleet size")
	}
	require.LessOrEqual(t, gas["claim/hashlock/single"], uint64(60_000))
	require.LessOrEqual(t, gas["claim/pointlock/single"], uint64(60_000))
	require.LessOrEqual(t, gas["claim/pointlock/batch=100/per-device"], uint64(20_000))
	require.LessOrEqual(t, gas["claim/hashlock/batch=100/per-device"], uint64(20_000))
	require.Less(t, gas["claim/pointlock/batch=100/per-device"], gas["claim/pointlock/batch=10/per-device"])
	require.Greater(t, gas["withdraw"], uint64(21_000))
	require.InDelta(t, 17_100, float64(rep.FirstInWord), 300, "zero-to-nonzero bitmap store")
}
