// Package contracts holds the podnet Solidity contracts: the sources (src/), the
// artifacts compiled by the pinned solc (artifacts/), and the generated Go bindings
// (bindings/). The parties use them through package pod.
//
// Regenerate everything with `make contracts` (which runs `npm ci` for the pinned solc
// and then `go generate ./impl/contracts/...`). A test checks that the committed
// artifacts and bindings are byte-identical to a fresh build.
package contracts

//go:generate go run ./internal/gen
