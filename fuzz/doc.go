// Package fuzz holds podnet's project-level fuzz targets (issue 7): every decoder of
// untrusted bytes (wire messages, the signed manifest and package index, BN254 points and
// scalars, secp256k1 signatures, fleet proofs, firmware element vectors, Groth16 proofs
// and verifying keys) and the contract call sequences of a proof-of-distribution bid on
// the embedded simulated chain.
//
// As in go-ethereum's tests/fuzzers, each target is a thin wrapper (the Fuzz* functions of
// the _test.go files) over a plain function of this package that takes the fuzz input and
// returns a non-nil error exactly when an invariant is violated. The invariants go beyond
// "does not panic": decoders must round-trip canonically, reject only with the typed errors
// of their package, and agree with an independent check (a reference CBOR profile checker,
// big-integer curve arithmetic, go-ethereum's ecrecover, a recomputed fleet tree); the
// contract fuzzer checks the bid's accounting and claimed bitmap against a reference
// model after every call.
//
// The seed corpora come from the conformance vectors (conformance.EmbeddedVectors) and
// from the committed files under testdata/fuzz/<Target>/. Run the seeds with
//
//	go test ./fuzz/
//
// and fuzz one target with
//
//	go test ./fuzz/ -run '^$' -fuzz '^FuzzWireDecode$' -fuzztime 30s
//
// or every target in turn with run.sh (make fuzz FUZZTIME=...), which prints one line per
// target.
//
// Inputs that broke code outside this package are kept under testdata/crashers/<Target>/
// (README.md there says what each one hits) and re-run with PODNET_FUZZ_CRASHERS=1 go test
// ./fuzz/ -run TestOpenCrashers; once fixed they move to testdata/fuzz/<Target>/.
// The zk targets need a real statement (keys and proofs of both circuits for the 64B
// class): CachedZKFixture runs the setup on first use and caches it outside the
// repository ($PODNET_ZK_FIXTURE, or the user cache directory).
package fuzz
