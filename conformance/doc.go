// Package conformance holds the podnet conformance vectors (vectors/*.json, Wycheproof
// style), the runner that checks a client against them, the native client (this
// implementation) and the shim client that drives another implementation over JSON lines
// on its standard input and output. See README.md.
package conformance

//go:generate go run ./internal/genvectors -out vectors
