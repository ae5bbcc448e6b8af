#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# `clonefuzz lint` on every fixture cut short at many points: it answers 0, 1 or 2 with at most one line on stderr, never crashes.
# usage: truncate.sh CLONEFUZZ FIXTURE...
set -eu
[ $# -ge 2 ] || { echo "usage: $0 CLONEFUZZ FIXTURE..." >&2; exit 2; }
cf=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=0
bad=0
for f in "$@"; do
	size=$(wc -c <"$f")
	cut=1
	while [ "$cut" -lt "$size" ]; do
		head -c "$cut" "$f" >"$tmp/cut.c"
		rc=0
		"$cf" lint "$tmp/cut.c" >/dev/null 2>"$tmp/err" || rc=$?
		lines=$(wc -l <"$tmp/err")
		if [ "$rc" -gt 2 ] || [ "$lines" -gt 1 ]; then
			echo "FAIL $f cut at $cut bytes: exit $rc, $lines lines on stderr"
			head -n 3 "$tmp/err"
			bad=$((bad + 1))
		fi
		runs=$((runs + 1))
		cut=$((cut + 29))
	done
done
[ "$bad" -eq 0 ] || exit 1
echo "lint truncations: $runs runs, every one answered"
