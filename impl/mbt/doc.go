// Package mbt holds the model-based tests of the proof-of-distribution protocol
// (ARCHITECTURE.md §7, layer 3; project issue 7).
//
// TestModelBased draws random sequences of protocol and adversary actions with
// pgregory.net/rapid and applies each one both to the formal model (model/pod, driven
// transition by transition: every action fires the model's transitions of the same
// names, chosen by their labels) and to the real implementation: the PodBid and
// UpdateFactory contracts on the embedded simulated chain, the real vendor, distributors
// and devices of impl/party with their bbolt stores and the in-process transport, and
// real cryptography (Groth16 with the tiny "64B" size class). After every step it
// compares the observable state of both — the bid's balance, each account's balance
// change net of gas, the claimed bitmap, the KeyRevealed events (index, payee, r), which
// devices installed, and the signatures each distributor recorded — and asserts the
// protocol's invariants on the real state alone (single payment per device, conservation
// of the deposit, payment only to the distributor that derived r, no payment after
// expiry, payment only for a lock the device signed, and fair exchange: a device whose
// claim was paid can install).
//
// # Reading and replaying a failure
//
// Every drawn action prints as the name of the protocol step it performs with its
// arguments (e.g. "Adversary_Replay(E copies D0's claim of index 1)"), so a failure shows
// the shrunk trace of named steps, followed by the model transitions it fired. rapid saves
// the failing sequence under testdata/rapid/TestModelBased*/ and prints the command that
// replays it:
//
//	go test ./impl/mbt -run 'TestModelBased/pointlock' -rapid.failfile=testdata/rapid/<file>
//
// The number of random sequences is rapid's -rapid.checks; by default 4 in point-lock
// mode (each sequence proves two π0) and 20 in hash-lock mode, which keeps the package
// around a minute on a shared 2-core machine. Set PODNET_MBT_CHECKS or pass -rapid.checks
// for more.
//
// # Seeded bugs
//
// scripts/seeded-bugs.sh applies each patch of testdata/mutants/ (each removes one check
// from the contracts or the device code), regenerates the contract artifacts where
// needed, runs these tests, expects them to fail, and restores the tree.
package mbt
