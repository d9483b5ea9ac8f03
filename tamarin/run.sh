#!/usr/bin/env bash
# Prove the lemmas of every Tamarin theory in this folder.
#
#   tamarin/run.sh            prove, print a summary, keep the output in a temporary folder
#   tamarin/run.sh --record   also write tamarin/results/<theory>.txt, headed by the
#                             SHA-256 of the theory the result belongs to
#
# Exit status: 0 when every lemma is verified (or when tamarin-prover is not installed,
# which is said plainly), 1 when a lemma is falsified or a proof is incomplete.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
record=0
if [[ "${1:-}" == "--record" ]]; then
	record=1
elif [[ $# -gt 0 ]]; then
	echo "usage: $0 [--record]" >&2
	exit 2
fi

if ! command -v tamarin-prover >/dev/null 2>&1; then
	echo "tamarin-prover not installed: skipped"
	exit 0
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
version="$(tamarin-prover --version 2>/dev/null | head -n 1 || true)"
status=0
for theory in "$here"/*.spthy; do
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
	if ! tamarin-prover --prove --auto-sources "$theory" >>"$log" 2>&1; then
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
