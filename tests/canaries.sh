#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The detection benchmark's canaries: a bug the corpus finds writes reached, triggered and detected; an oracle that also fires without the bug writes false_alarm instead.
# usage: tests/canaries.sh STANDALONE_FUZZ_SCENARIO CORPUS_DIR
set -u
bin=$1 corpus=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "canaries: $*" >&2; exit 1; }
export ASAN_OPTIONS=detect_leaks=0:handle_abort=0 UBSAN_OPTIONS=halt_on_error=1
mkdir "$tmp/bug" "$tmp/alarm"

CLONEFUZZ_BUG=files_release_dropped CLONEFUZZ_CANARY_DIR=$tmp/bug \
	"$bin" "$corpus" >/dev/null 2>&1 && fail "files_release_dropped was not detected"
for c in reached triggered detected; do
	[ -s "$tmp/bug/$c" ] || fail "files_release_dropped: no $c canary"
done
[ ! -e "$tmp/bug/false_alarm" ] || fail "a detection was counted as a false alarm"

# the mutant breaks the faithful model too: whatever fires is not the bug's doing
CLONEFUZZ_BUG=futex_core_free CLONEFUZZ_MUTANT=drop:bad_fork_cleanup_files:files_struct \
	CLONEFUZZ_CANARY_DIR=$tmp/alarm "$bin" "$corpus" >/dev/null 2>&1 && fail "the mutant was not caught"
[ -s "$tmp/alarm/false_alarm" ] || fail "no false_alarm canary"
[ ! -e "$tmp/alarm/detected" ] || fail "a false alarm was counted as a detection"
echo "canaries: ok"
