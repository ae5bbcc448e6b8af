#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Build source profiles from fork.c-shaped files and run them: ladder.c's error paths pass ladder.scn with 0 violations; the same with its max_threads goto one label low leaks.
# usage: profile.sh CLONEFUZZ
set -eu
cf=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ladder-low.c: the goto after the max_threads test aimed at bad_fork_free, past the creds' release
awk '{ print } /max_threads\)\)$/ { getline; sub(/bad_fork_cleanup_count/, "bad_fork_free"); print }' \
	"$here/ladder.c" >"$tmp/ladder-low.c"
grep -q 'max_threads))' "$tmp/ladder-low.c" && ! cmp -s "$here/ladder.c" "$tmp/ladder-low.c" ||
	{ echo "FAIL: no max_threads goto to move in ladder.c"; exit 1; }

build() {
	src=$here/$1.c
	[ -e "$src" ] || src=$tmp/$1.c
	if ! "$cf" source "$src" --out "$tmp/$1" --name src-ladder --build >"$tmp/$1.out" 2>&1; then
		echo "FAIL: clonefuzz source $1.c --build: $(tail -n 1 "$tmp/$1.out")"
		tail -n 20 "$tmp/$1/build.log" 2>/dev/null
		exit 1
	fi
}

build ladder
if ! "$tmp/ladder/build/clonefuzz" eval "$here/ladder.scn" >"$tmp/eval.out" 2>&1; then
	echo "FAIL: ladder.c's profile: $(tail -n 1 "$tmp/eval.out")"
	grep -E 'VIOLATION|EXPECTATION' "$tmp/eval.out" | head -n 5
	exit 1
fi

build ladder-low
rc=0
"$tmp/ladder-low/build/clonefuzz" eval "$here/ladder.scn" >"$tmp/low.out" 2>&1 || rc=$?
if [ "$rc" -ne 1 ] || ! grep -q 'VIOLATION leak: .*cred' "$tmp/low.out"; then
	echo "FAIL: the goto one label low is not reported as a leak of the cred (exit $rc)"
	tail -n 5 "$tmp/low.out"
	exit 1
fi
echo "source profiles: ladder.c clean; its goto one label low: $(grep -m1 'VIOLATION leak' "$tmp/low.out" | sed 's/^ *//; s/ \[.*//')"
