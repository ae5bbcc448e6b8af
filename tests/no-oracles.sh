#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# CLONEFUZZ_NO_ORACLES (scripts/bench.sh --model-only): set, a fuzz target runs the model with no oracle and says so; unset or 0, every oracle runs.
# usage: tests/no-oracles.sh STANDALONE_FUZZ_SCENARIO CORPUS_DIR
set -u
bin=$1 corpus=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "no-oracles: $*" >&2; exit 1; }
export ASAN_OPTIONS=detect_leaks=0:handle_abort=0 UBSAN_OPTIONS=halt_on_error=1

CLONEFUZZ_BUG=files_release_dropped CLONEFUZZ_NO_ORACLES=1 "$bin" "$corpus" >/dev/null 2>"$tmp/off" ||
	fail "with no oracles, the bug was still reported"
grep -q 'CLONEFUZZ_NO_ORACLES is set' "$tmp/off" || fail "no warning that the oracles are off"
for v in 0 ''; do
	CLONEFUZZ_BUG=files_release_dropped CLONEFUZZ_NO_ORACLES=$v "$bin" "$corpus" >/dev/null 2>"$tmp/on" &&
		fail "CLONEFUZZ_NO_ORACLES='$v' turned the oracles off"
	! grep -q 'CLONEFUZZ_NO_ORACLES is set' "$tmp/on" || fail "CLONEFUZZ_NO_ORACLES='$v' warned"
done
echo "no-oracles: ok"
