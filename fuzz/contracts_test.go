package fuzz

import (
	"context"
	"strings"
	"testing"
	"time"
)

// contractEnv is the fuzzing process's shared chain (see ContractEnv); it is replaced
// every envRuns iterations so that the in-memory chain does not grow without bound.
var contractEnv *ContractEnv

const envRuns = 500

func sharedContractEnv(t *testing.T) *ContractEnv {
	t.Helper()
	if contractEnv != nil && contractEnv.Runs >= envRuns {
		_ = contractEnv.Close()
		contractEnv = nil
	}
	if contractEnv == nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		e, err := NewContractEnv(ctx)
		if err != nil {
			t.Fatal(err)
		}
		contractEnv = e
	}
	return contractEnv
}

// contractSeeds are scenarios worth starting from: the first three bytes choose the fleet
// size - 1, the lock type and the reward; then each action is its op, the distributor, the
// index and the op's own bytes (see run.step).
var contractSeeds = [][]byte{
	// honest claims by both distributors, a double claim, then expiry and withdraw
	{4, 0, 1, 0, 0, 0, 0, 1, 2, 0, 0, 0, 5, 0, 0, 6, 0, 0, 0},
	// point lock: every tamper kind on index 2
	{7, 1, 9, 1, 0, 2, 0, 1, 0, 2, 1, 1, 0, 2, 2, 3, 7, 1, 0, 2, 3, 1, 1, 0, 2, 4, 3, 1, 1, 0, 2, 5, 1, 0, 2, 6, 29, 1, 0, 2, 7, 0, 0, 1, 0, 2, 8, 0, 1, 0, 2, 9, 4, 1, 0, 2, 10, 7, 2},
	// front-running: dist0's claim copied by dist1, then dist0 claims honestly
	{3, 0, 2, 2, 0, 1, 0, 0, 1},
	// an outsider device, then a raw claim
	{5, 1, 0, 3, 1, 4, 0, 7, 0, 63, 2},
	// batches: all, swapped, duplicated, multiproof edits, a tampered claim, mixed distributors
	{7, 0, 3, 4, 1, 0, 0x0f, 1, 1, 4, 0, 0, 0xf0, 2, 1, 4, 1, 0, 0x33, 3, 0, 4, 1, 0, 0x33, 4, 0, 4, 0, 0, 0x55, 5, 0, 5,
		4, 1, 0, 0x0c, 6, 1, 4, 0, 0, 0xff, 0},
	// withdraw before expiry, by others, after expiry twice, claim after expiry
	{2, 1, 5, 6, 0, 0, 0, 6, 1, 0, 3, 5, 0, 0, 0, 0, 2, 6, 0, 0, 2, 6, 0, 0, 0, 6, 0, 0, 1, 0, 0, 1},
	// a second bid of the same update: replay of a first-bid signature, claims on both
	{3, 0, 0, 0, 0, 1, 9, 0, 1, 8, 1, 1, 8, 0, 3, 12, 0, 1, 14, 1, 0},
	// a 300-device fleet: claims at 256 and 255 (two bitmap words), a batch across the
	// boundary, the last index, a tampered index, one past the end
	{0xf3, 0, 1, 0, 0, 5, 0, 1, 4, 4, 0, 0, 0xcf, 0, 0, 0, 8, 1, 0, 6, 0, 7, 0, 1, 9},
	// 257 devices, point lock: a batch of the boundary indices, then doubles
	{0xf2, 1, 0, 4, 1, 0, 0x3c, 0, 0, 0, 3, 0, 1, 5, 2, 1, 4},
	// single-device fleet (depth 0), batch of it, expiry, withdraw
	{0, 1, 0, 4, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 5, 0, 0, 6, 0, 0, 0},
}

// FuzzContractCalls: sequences of calls on PodBid bids of the simulated chain, checked
// against the reference model after every call (see ContractEnv.ContractCalls).
func FuzzContractCalls(f *testing.F) {
	for _, s := range contractSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e := sharedContractEnv(t)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		check(t, e.ContractCalls(ctx, data))
	})
}

// TestContractSeedsExercise: the seed scenarios reach what they are meant to reach
// (payments, each rejection, withdrawals), so the fuzzer starts from deep states.
func TestContractSeedsExercise(t *testing.T) {
	e := sharedContractEnv(t)
	seen := map[string]bool{}
	e.Trace = func(s string) {
		t.Log(s)
		seen[s[strings.LastIndexByte(s, ' ')+1:]] = true
	}
	defer func() { e.Trace = nil }()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for k, s := range contractSeeds {
		t.Logf("seed %d", k)
		if err := e.ContractCalls(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range []string{"ok", "AlreadyClaimed", "RNotDerived", "BadSignature", "HighS", "NotInFleet",
		"BadProofLength", "IndexOutOfRange", "ZeroKey", "BatchNotSorted", "Expired", "NotVendor", "NotExpired"} {
		if !seen[want] {
			t.Errorf("no seed reaches %s", want)
		}
	}
}
