#!/usr/bin/env bash
# seeded-bugs.sh — show that the model-based tests catch seeded bugs.
#
# Each patch in impl/mbt/testdata/mutants/ removes ONE check from the real contracts
# (impl/contracts/src/PodBid.sol) or from the device code (impl/party). For each patch the
# script:
#   1. applies it to the working tree with `patch` (never through git);
#   2. for a Solidity patch, regenerates the artifacts and Go bindings
#      (go generate ./impl/contracts/..., which needs impl/contracts/node_modules: it runs
#      `make npm` first when they are missing);
#   3. runs the model-based tests (TestModelBased, hash-lock mode first, then point-lock
#      mode if hash-lock did not catch it) and expects them to FAIL, keeping the failing
#      trace; then runs the existing unit test named for that check, also expecting a
#      failure;
#   4. restores the tree: `patch -R`, and the committed artifacts and bindings copied back
#      from a backup taken before the first mutant.
# Restoration also runs on any exit (trap), so no mutant is ever left applied. At the end
# it prints a table: mutant, caught (yes/no), by which test, trace excerpt; and checks that
# `git status --short impl/contracts impl/party` shows nothing the script left behind.
#
# Environment:
#   SEEDED_CHECKS     rapid checks in hash-lock mode (default 60)
#   SEEDED_CHECKS_POINT  rapid checks in point-lock mode, tried when hash-lock mode did
#                     not catch the mutant (default 10: each point-lock run proves twice)
#   SEEDED_ONLY       run only the mutants whose file name contains this string
#   SEEDED_REPORT     also write the table (markdown) to this file
#   SEEDED_LOGS       keep every test log in this directory (default: a fresh directory
#                     under $TMPDIR, printed at the end)
#   PODNET_ROOT       the repository to work in (default: this script's repository)
#
# Exit status: 0 when every mutant was caught by the model-based tests, 1 otherwise,
# 2 on a setup error (a patch that does not apply, a failed regeneration).
set -uo pipefail

ROOT=${PODNET_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$ROOT" || exit 2
MUTANTS=impl/mbt/testdata/mutants
CHECKS=${SEEDED_CHECKS:-60}
CHECKS_POINT=${SEEDED_CHECKS_POINT:-10}
ONLY=${SEEDED_ONLY:-}
GO=${GO:-go}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/seeded-bugs.XXXXXX")
LOGS=${SEEDED_LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/seeded-bugs-logs.XXXXXX")}
mkdir -p "$LOGS" || exit 2
applied=""   # the patch currently applied ("" when none)
regen=0      # 1 while the artifacts/bindings in the tree are regenerated from a mutant

# The committed artifacts and bindings, restored after every Solidity mutant.
cp -a impl/contracts/artifacts "$TMP/artifacts" && cp -a impl/contracts/bindings "$TMP/bindings" || {
	echo "seeded-bugs: cannot back up impl/contracts/artifacts and bindings" >&2
	exit 2
}
status_before=$(git status --short impl/contracts impl/party 2>/dev/null)

restore() {
	if [ -n "$applied" ]; then
		if ! patch -p1 -R -s --no-backup-if-mismatch <"$applied"; then
			echo "seeded-bugs: FAILED to reverse $applied — restore the tree by hand" >&2
		fi
		applied=""
	fi
	if [ "$regen" = 1 ]; then
		rm -rf impl/contracts/artifacts impl/contracts/bindings
		cp -a "$TMP/artifacts" impl/contracts/artifacts
		cp -a "$TMP/bindings" impl/contracts/bindings
		regen=0
	fi
}
cleanup() {
	restore
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo "seeded-bugs: interrupted" >&2; exit 130' INT TERM HUP

# The existing unit test that guards each check (in addition to the model-based tests).
unit_test() {
	case "$1" in
	contract-claimed-flag) echo "./impl/contracts/pod TestContract_Claim_Double" ;;
	contract-r-derivation) echo "./impl/contracts/pod TestContract_Claim_FrontRun" ;;
	contract-signature-check) echo "./impl/contracts/pod TestContract_Claim_Rejects" ;;
	contract-membership-binding) echo "./impl/contracts/pod TestContract_Claim_FleetLeafFromAddress" ;;
	contract-expiry-claim) echo "./impl/contracts/pod TestContract_Claim_ExpiryBoundary" ;;
	contract-expiry-withdraw) echo "./impl/contracts/pod TestVendor_Withdraw" ;;
	device-proof-check) echo "./impl/party TestAdversaryWrongCiphertextDeviceRefuses" ;;
	*) echo "" ;;
	esac
}

# excerpt prints the drawn steps and the failure message of a failing rapid run.
excerpt() {
	local steps msg
	steps=$(grep -o '\[rapid\] draw step: .*' "$1" | sed 's/\[rapid\] draw step: //' | paste -sd ';' - | sed 's/;/ ; /g')
	msg=$(grep -m1 'Messages:' "$1" | sed 's/.*Messages:[[:space:]]*//')
	if [ -z "$msg" ]; then
		msg=$(grep -m1 -E 'Error:|panic:' "$1" | sed 's/^[[:space:]]*//')
	fi
	printf '%s => %s' "${steps:-(no step)}" "$msg"
}

rows=()
missed=0
for p in "$MUTANTS"/*.patch; do
	name=$(basename "$p" .patch)
	if [ -n "$ONLY" ] && [[ "$name" != *"$ONLY"* ]]; then
		continue
	fi
	echo "=== mutant $name"
	if ! patch -p1 -s --dry-run <"$p" >/dev/null; then
		echo "seeded-bugs: $p does not apply" >&2
		exit 2
	fi
	patch -p1 -s --no-backup-if-mismatch <"$p" || exit 2
	applied="$p"
	if grep -q '^+++ .*impl/contracts/src/' "$p"; then
		if [ ! -e impl/contracts/node_modules/.installed ] && [ ! -d impl/contracts/node_modules/solc ]; then
			make npm >"$TMP/npm.log" 2>&1 || { cat "$TMP/npm.log" >&2; exit 2; }
		fi
		regen=1
		if ! $GO generate ./impl/contracts/... >"$TMP/gen-$name.log" 2>&1; then
			cat "$TMP/gen-$name.log" >&2
			exit 2
		fi
	fi

	caught=no
	by=""
	trace=""
	for mode in hash point; do
		log="$LOGS/$name-$mode.log"
		n=$CHECKS
		[ "$mode" = point ] && n=$CHECKS_POINT
		timeout 600 $GO test ./impl/mbt/ -count=1 -run "TestModelBased/$mode" \
			-rapid.checks="$n" -rapid.nofailfile -rapid.shrinktime=10s >"$log" 2>&1
		rc=$?
		if grep -q -E '\[build failed\]|setup failed' "$log"; then
			echo "seeded-bugs: $name: the tests do not build" >&2
			sed -n 1,20p "$log" >&2
			exit 2
		fi
		if [ $rc -ne 0 ]; then
			caught=yes
			by="TestModelBased/$mode"
			trace=$(excerpt "$log")
			break
		fi
	done
	unit=$(unit_test "$name")
	if [ -n "$unit" ]; then
		set -- $unit
		if $GO test "$1" -count=1 -run "^$2\$" >"$LOGS/$name-unit.log" 2>&1; then
			by="$by; $2 passes"
		else
			by="$by; $2 fails"
		fi
	fi
	[ "$caught" = yes ] || missed=$((missed + 1))
	echo "    caught: $caught ($by)"
	[ -n "$trace" ] && echo "    trace: $trace"
	rows+=("| $name | $caught | ${by#; } | ${trace//|//} |")
	restore
done

table() {
	echo "| mutant | caught | by | trace excerpt (shrunk steps => failed comparison) |"
	echo "|---|---|---|---|"
	printf '%s\n' "${rows[@]}"
}
echo
table
[ -n "${SEEDED_REPORT:-}" ] && table >"$SEEDED_REPORT"

status_after=$(git status --short impl/contracts impl/party 2>/dev/null)
if [ "$status_after" != "$status_before" ]; then
	echo "seeded-bugs: the tree differs from before the run:" >&2
	diff <(echo "$status_before") <(echo "$status_after") >&2
	exit 2
fi
echo "logs: $LOGS"
echo "tree restored: git status --short impl/contracts impl/party unchanged${status_after:+ (pre-existing: $status_after)}"
[ "$missed" -eq 0 ]
