# podnet — see README.md. Every target installs what it needs (Go modules, npm packages).
GO        ?= go
PODNET    := bin/podnet
FUZZTIME  ?= 20s
CONTRACTS := impl/contracts

.PHONY: all build demo test verify verify-short fuzz bench contracts npm test-geth vet clean

all: build

build:
	$(GO) build -o $(PODNET) ./cmd/podnet

# npm packages (the pinned solc) for the contract build and its regeneration test.
npm: $(CONTRACTS)/node_modules/.installed
$(CONTRACTS)/node_modules/.installed: $(CONTRACTS)/package.json $(CONTRACTS)/package-lock.json
	cd $(CONTRACTS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

demo: build
	./$(PODNET) demo

test: npm
	$(GO) mod download
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 25m ./...

# The auditors' one command: the model checker, Tamarin (where installed), the conformance
# vectors, the model-based tests and every fuzz target for FUZZTIME each; one summary table.
verify: npm build
	FUZZTIME=$(FUZZTIME) PODNET=$(PODNET) scripts/verify.sh

# A short verify for CI (each fuzz target for 5 s).
verify-short: npm build
	FUZZTIME=5s PODNET=$(PODNET) scripts/verify.sh --short

# Longer fuzzing: make fuzz FUZZTIME=10m (each target in turn).
fuzz:
	FUZZTIME=$(FUZZTIME) fuzz/run.sh

bench: build
	./$(PODNET) bench gas
	./$(PODNET) bench zk

# Recompile the Solidity sources with the pinned solc and regenerate the Go bindings.
contracts: npm
	$(GO) generate ./$(CONTRACTS)/...

# The end-to-end run against a real node: builds geth v1.16.7 with go install, starts
# `geth --dev` on loopback, runs the end-to-end test and the demo over JSON-RPC, stops it.
test-geth: npm
	scripts/test-geth.sh

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

clean:
	rm -rf bin
