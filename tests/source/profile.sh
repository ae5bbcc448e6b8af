#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Build source profiles from fork.c-shaped files and run them: ladder.c's error paths pass ladder.scn with 0 violations, ladder-low.c's wrong goto is reported.
# usage: profile.sh CLONEFUZZ
set -eu
cf=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

build() {
	if ! "$cf" source "$here/$1.c" --out "$tmp/$1" --name src-ladder --build >"$tmp/$1.out" 2>&1; then
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
	echo "FAIL: ladder-low.c's wrong goto is not reported as a leak of the cred (exit $rc)"
	tail -n 5 "$tmp/low.out"
	exit 1
fi
echo "source profiles: ladder.c clean; ladder-low.c: $(grep -m1 'VIOLATION leak' "$tmp/low.out" | sed 's/^ *//; s/ \[.*//')"
