#!/usr/bin/env bash
# Prove the lemmas of every Tamarin theory in this folder.
#
#   tamarin/run.sh            prove, print a summary, keep the output in a temporary folder
#   tamarin/run.sh --record   also write tamarin/results/<theory>.txt, headed by the
#                             SHA-256 of the theory the result belongs to
#   tamarin/run.sh [--record] pod_hashlock ...   only the named theories
#
# Exit status: 0 when every lemma is verified (or when tamarin-prover is not installed,
# which is said plainly), 1 when a lemma is falsified or a proof is incomplete.
#
# TAMARIN_TIMEOUT (seconds, default 3600) bounds each theory's run: a run that does
# not finish is killed and reported as incomplete instead of hanging.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
record=0
if [[ "${1:-}" == "--record" ]]; then
	record=1
	shift
fi
theories=()
for arg in "$@"; do
	arg="$(basename -- "$arg" .spthy)"
	if [[ ! -f "$here/$arg.spthy" ]]; then
		echo "usage: $0 [--record] [theory ...]   (no theory $arg.spthy here)" >&2
		exit 2
	fi
	theories+=("$here/$arg.spthy")
done
if [[ ${#theories[@]} -eq 0 ]]; then
	theories=("$here"/*.spthy)
fi

if ! command -v tamarin-prover >/dev/null 2>&1; then
	echo "tamarin-prover not installed: skipped"
	exit 0
fi

timeout_s="${TAMARIN_TIMEOUT:-3600}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
version="$(tamarin-prover --version 2>/dev/null | head -n 1 || true)"
status=0
for theory in "${theories[@]}"; do
	name="$(basename "$theory" .spthy)"
	sum="$(sha256sum "$theory" | cut -d' ' -f1)"
	log="$out/$name.txt"
	{
		echo "theory: $name.spthy"
		echo "sha256: $sum"
		echo "prover: $version"
		echo "date:   $(date -u +%Y-%m-%dT%H:%M:%SZ)"
		echo
	} >"$log"
	echo "== $name.spthy (sha256 $sum)"
	# --derivcheck-timeout: the wellformedness check "variables derivable from the
	# premises" gives up after 5 s by default and then reports a failed check; on a
	# loaded machine that is a spurious warning, so it gets 10 minutes.
	rc=0
	timeout "$timeout_s" tamarin-prover --prove --auto-sources --derivcheck-timeout=600 \
		"$theory" >>"$log" 2>&1 || rc=$?
	if [[ $rc -eq 124 ]]; then
		echo "timed out after ${timeout_s}s: analysis incomplete" | tee -a "$log" >&2
		status=1
	elif [[ $rc -ne 0 ]]; then
		echo "   tamarin-prover failed; see the log:" >&2
		tail -n 20 "$log" >&2
		status=1
	fi
	# The summary lists one line per lemma: "name (all-traces): verified (N steps)".
	summary="$(sed -n '/^summary of summaries:/,$p' "$log" | grep -E '\((all-traces|exists-trace)\)' || true)"
	if [[ -z "$summary" ]]; then
		echo "   no lemma summary found" >&2
		status=1
	else
		echo "$summary"
		if grep -Eq 'falsified|analysis incomplete' <<<"$summary"; then
			status=1
		fi
	fi
	if [[ $record -eq 1 ]]; then
		mkdir -p "$here/results"
		cp "$log" "$here/results/$name.txt"
	fi
done
exit $status
