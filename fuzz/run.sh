#!/bin/sh
# Runs every fuzz target of package fuzz for ${FUZZTIME:-30s} each, one after the other,
# and prints one summary line per target; exits 1 if any target found a failing input.
#
#   FUZZTIME=30s      how long each target runs (a duration, or Nx for N executions)
#   FUZZTARGETS=...   a space-separated subset of targets (default: all of them)
#   FUZZPARALLEL=2    fuzzing workers per target
#   GO=go             the go command
#
# A failing input is written by go test to fuzz/testdata/fuzz/<Target>/; the summary
# names it. See fuzz/doc.go and testdata/crashers/README.md.
set -u
cd "$(dirname "$0")" || exit 2
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-30s}
FUZZPARALLEL=${FUZZPARALLEL:-2}
targets=${FUZZTARGETS:-$($GO test -list '^Fuzz' . | grep '^Fuzz')}
if [ -z "$targets" ]; then
	echo "fuzz: no targets found" >&2
	exit 2
fi
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
failed=0
for t in $targets; do
	# Coverage of the contract target is noisy (go-ethereum's internals): minimizing each
	# "interesting" input would take most of the time, so it is not minimized.
	minimize=10s
	[ "$t" = FuzzContractCalls ] && minimize=1x
	start=$(date +%s)
	$GO test -run '^$' -fuzz "^$t\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$minimize" \
		-parallel "$FUZZPARALLEL" . >"$log/$t" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	execs=$(grep -o 'execs: [0-9]*' "$log/$t" | tail -1 | cut -d' ' -f2)
	corpus=$(grep -o 'total: [0-9]*' "$log/$t" | tail -1 | cut -d' ' -f2)
	if [ $rc -eq 0 ]; then
		printf 'fuzz: %-30s PASS  execs=%-10s corpus=%-6s %ss\n' "$t" "${execs:-0}" "${corpus:-?}" "$secs"
	else
		failed=1
		input=$(grep -o 'testdata/fuzz/[^ ]*' "$log/$t" | head -1)
		printf 'fuzz: %-30s FAIL  execs=%-10s input=%s %ss\n' "$t" "${execs:-0}" "${input:-none}" "$secs"
		if grep -q -E 'invariant violated|panic:|fatal error' "$log/$t"; then
			grep -m 3 -E 'invariant violated|panic:|fatal error' "$log/$t" | cut -c1-300 | sed 's/^/      /'
		else
			grep -v -E '^fuzz: elapsed' "$log/$t" | tail -n 12 | cut -c1-300 | sed 's/^/      /'
		fi
	fi
done
exit $failed
