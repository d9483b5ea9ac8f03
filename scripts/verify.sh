#!/usr/bin/env bash
# The auditors' one command (make verify): every verification layer of ARCHITECTURE §7,
# one summary table, non-zero exit on any failure.
#
#   scripts/verify.sh [--short]
#
# --short (CI): fuzz each target for FUZZTIME (default 10s here, 30s otherwise), and leave
# Tamarin out (its proof search is not time-bounded).
# Environment: PODNET (path to the podnet binary, default bin/podnet), FUZZTIME.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

short=0
[[ "${1:-}" == "--short" ]] && short=1
podnet="${PODNET:-bin/podnet}"
if [[ $short -eq 1 ]]; then
	export FUZZTIME="${FUZZTIME:-10s}"
else
	export FUZZTIME="${FUZZTIME:-30s}"
fi

logdir="$(mktemp -d)"
trap 'rm -rf "$logdir"' EXIT
rows=()
failed=0

# Counters: each reads a step's log on stdin and prints its counts column.
count_check() {
	python3 -c 'import json, sys
d = json.load(sys.stdin)
p, m = d["properties"], d["mutants"]
print("%d states, %d/%d properties hold, %d/%d mutants caught" % (d["states"], sum(p.values()), len(p), sum(m.values()), len(m)))'
}
count_conformance() {
	python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%d/%d vectors pass (%d invalid)" % (d["passed"], d["tests"], d["invalid"]))'
}
count_tamarin() {
	awk '/not installed/{ni=1} /: verified/{v++} /: falsified|analysis incomplete/{f++}
		END{if (ni) print "tamarin-prover not installed"; else print v+0 " lemmas verified, " f+0 " not; channel.spthy not run"}'
}
count_mbt() {
	grep -E '^(ok|FAIL|---)' | head -3
}
count_fuzz() {
	awk '/^fuzz: /{n++; if ($3 == "PASS") p++; else print; for (i = 1; i <= NF; i++) if ($i ~ /^execs=/) {split($i, a, "="); e += a[2]}}
		END{print p+0 "/" n+0 " targets pass, " e+0 " execs"}'
}

# step NAME COUNTER -- CMD...: runs CMD with its output in a log, times it, and records a
# row. COUNTER (a function above) reads the log on stdin and prints the counts column.
step() {
	local name="$1" counter="$2"
	shift 3
	local log="$logdir/$name.log" start end secs result counts
	echo "== $name: $*"
	start=$(date +%s.%N)
	if "$@" >"$log" 2>&1; then result=PASS; else result=FAIL; failed=1; fi
	end=$(date +%s.%N)
	secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')
	counts=$("$counter" <"$log" 2>/dev/null | tr '\n' ' ' | sed 's/ *$//')
	if grep -q "tamarin-prover not installed: skipped" "$log"; then result=SKIP; fi
	if [[ $result == FAIL ]]; then
		echo "-- $name failed; the end of its output:"
		tail -n 40 "$log"
	fi
	rows+=("$name|$result|${secs}s|$counts")
}

step model-checker count_check -- "$podnet" check --json
if [[ $short -eq 1 ]]; then
	# Proof search time is not bounded; CI runs the other steps and auditors the full one.
	echo "== tamarin: skipped in --short (CI); make verify runs it"
	rows+=("tamarin|SKIP|0.0s|not run in --short; make verify proves the pod theories")
else
	# channel.spthy is left out until its four open lemmas terminate (tamarin/README.md):
	# running it would only hit TAMARIN_TIMEOUT.
	echo "== tamarin: channel.spthy not run (4 of its 9 lemmas do not terminate yet; tamarin/README.md)"
	step tamarin count_tamarin -- tamarin/run.sh pod_hashlock pod_pointlock
fi
step conformance count_conformance -- "$podnet" conformance --json
step model-based-tests count_mbt -- go test -count=1 -run 'TestModelBased' ./impl/mbt/...
step fuzz count_fuzz -- fuzz/run.sh

echo
printf '%-20s %-6s %-9s %s\n' STEP RESULT TIME COUNTS
npass=0 nfail=0 nskip=0
for r in "${rows[@]}"; do
	IFS='|' read -r n res t c <<<"$r"
	printf '%-20s %-6s %-9s %s\n' "$n" "$res" "$t" "$c"
	case $res in PASS) npass=$((npass + 1)) ;; FAIL) nfail=$((nfail + 1)) ;; SKIP) nskip=$((nskip + 1)) ;; esac
done
[[ $nskip -gt 0 ]] && echo "(SKIP: not run here; the step's line says why)"
echo "verify: $npass passed, $nfail failed, $nskip skipped"
[[ $failed -eq 0 ]]
