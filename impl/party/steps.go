package party

import (
	"context"
	"log/slog"
	"sort"
	"sync"
	"time"
)

// Step is the name of a protocol step, exactly as in spec/README.md's table.
type Step string

// The steps of the proof-of-distribution protocol (spec/pod.md).
const (
	StepVendorPublish        Step = "Vendor_Publish"
	StepVendorSeed           Step = "Vendor_Seed"
	StepDistributorFetch     Step = "Distributor_Fetch"
	StepDistributorPrepare   Step = "Distributor_Prepare"
	StepDeviceRequest        Step = "Device_Request"
	StepDistributorChallenge Step = "Distributor_Challenge"
	StepDeviceRespond        Step = "Device_Respond"
	StepDistributorOffer     Step = "Distributor_Offer"
	StepDeviceCheck          Step = "Device_Check"
	StepDeviceCommit         Step = "Device_Commit"
	StepDistributorClaim     Step = "Distributor_Claim"
	StepDeviceInstall        Step = "Device_Install"
	StepHubCheck             Step = "Hub_Check"
	StepHubInstall           Step = "Hub_Install"
	StepVendorWithdraw       Step = "Vendor_Withdraw"
)

// AllSteps returns the steps the parties carry out, in protocol order. Every one is a
// rule of the model (model/pod) and of the Tamarin theories; a test checks it.
func AllSteps() []Step {
	return []Step{StepVendorPublish, StepVendorSeed, StepDistributorFetch, StepDistributorPrepare,
		StepDeviceRequest, StepDistributorChallenge, StepDeviceRespond, StepDistributorOffer, StepDeviceCheck,
		StepHubCheck, StepDeviceCommit, StepDistributorClaim, StepDeviceInstall, StepHubInstall, StepVendorWithdraw}
}

// StepStats aggregates the durations of one step.
type StepStats struct {
	Step  Step          `json:"step"`
	Count int           `json:"count"`
	Total time.Duration `json:"total_ns"`
	Max   time.Duration `json:"max_ns"`
}

// Mean is the mean duration.
func (s StepStats) Mean() time.Duration {
	if s.Count == 0 {
		return 0
	}
	return s.Total / time.Duration(s.Count)
}

// GasRecord is the gas of one transaction.
type GasRecord struct {
	// Kind names the transaction ("publish", "claim", "claimBatch(3)", "withdraw").
	Kind string `json:"kind"`
	// Party is who sent it.
	Party string `json:"party"`
	// Gas is the gas used.
	Gas uint64 `json:"gas"`
	// Items is how many device claims the transaction carried (0 if not a claim).
	Items int `json:"items,omitempty"`
}

// Metrics records per-step timings and gas per transaction. It is safe for
// concurrent use. A nil *Metrics records nothing.
type Metrics struct {
	mu    sync.Mutex
	steps map[Step]*StepStats
	gas   []GasRecord
}

// NewMetrics returns an empty recorder.
func NewMetrics() *Metrics { return &Metrics{steps: map[Step]*StepStats{}} }

// Observe adds one duration of step.
func (m *Metrics) Observe(step Step, d time.Duration) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.steps[step]
	if !ok {
		s = &StepStats{Step: step}
		m.steps[step] = s
	}
	s.Count++
	s.Total += d
	s.Max = max(s.Max, d)
}

// Gas records the gas of one transaction.
func (m *Metrics) Gas(r GasRecord) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gas = append(m.gas, r)
}

// Steps returns the statistics of every observed step, in protocol order.
func (m *Metrics) Steps() []StepStats {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	order := map[Step]int{}
	for i, s := range AllSteps() {
		order[s] = i
	}
	out := make([]StepStats, 0, len(m.steps))
	for _, s := range m.steps {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return order[out[i].Step] < order[out[j].Step] })
	return out
}

// GasRecords returns every recorded transaction, in order.
func (m *Metrics) GasRecords() []GasRecord {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]GasRecord(nil), m.gas...)
}

// timeStep logs the start and end of a step with its name and records its duration.
// Use as: defer timeStep(ctx, log, metrics, StepX)(&err).
func timeStep(ctx context.Context, log *slog.Logger, m *Metrics, step Step, attrs ...any) func(*error) {
	start := time.Now()
	log.DebugContext(ctx, "step start", append([]any{"step", string(step)}, attrs...)...)
	return func(errp *error) {
		d := time.Since(start)
		if errp != nil && *errp != nil {
			log.InfoContext(ctx, "step failed", append([]any{"step", string(step), "err", *errp, "took", d}, attrs...)...)
			return
		}
		m.Observe(step, d)
		log.DebugContext(ctx, "step done", append([]any{"step", string(step), "took", d}, attrs...)...)
	}
}
