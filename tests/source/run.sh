#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Check `clonefuzz source` on fork.c-shaped fixtures: exit status, output lines (expect: text, expect-re: regex), the extracted file (expect-file:, expect-not-file:) and the table (expect-table:, expect-not-table:).
# usage: run.sh CLONEFUZZ FIXTURE...
set -eu
if [ $# -lt 2 ] || [ ! -x "$1" ]; then
	echo "usage: $0 CLONEFUZZ FIXTURE..." >&2
	exit 2
fi
cf=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
	echo "FAIL $1: $2"
	failed=$((failed + 1))
}

# header NAME FILE: the text of every /* NAME: TEXT */ line, one a line
header() {
	sed -n "s|^/\\* $1: \\(.*\\) \\*/\$|\\1|p" "$2"
}

for f in "$@"; do
	name=$(basename "$f" .c)
	out=$tmp/$name
	want=$(header expect-exit "$f")
	rc=0
	"$cf" source "$f" --out "$out" >"$tmp/$name.out" 2>&1 || rc=$?
	[ "$rc" = "$want" ] || fail "$f" "exit status $rc, expected $want: $(head -n 3 "$tmp/$name.out")"
	header expect "$f" | while IFS= read -r s; do
		grep -qF -e "$s" "$tmp/$name.out" || echo "no output line contains: $s"
	done >"$tmp/why"
	header expect-re "$f" | while IFS= read -r s; do
		grep -qE -e "$s" "$tmp/$name.out" || echo "no output line matches: $s"
	done >>"$tmp/why"
	header expect-file "$f" | while IFS= read -r s; do
		grep -qF -e "$s" "$out/fork.c" 2>/dev/null || echo "the extracted file lacks: $s"
	done >>"$tmp/why"
	header expect-not-file "$f" | while IFS= read -r s; do
		! grep -qF -e "$s" "$out/fork.c" 2>/dev/null || echo "the extracted file has: $s"
	done >>"$tmp/why"
	header expect-table "$f" | while IFS= read -r s; do
		grep -qF -e "$s" "$out/table.def" 2>/dev/null || echo "the table lacks: $s"
	done >>"$tmp/why"
	header expect-not-table "$f" | while IFS= read -r s; do
		! grep -qF -e "$s" "$out/table.def" 2>/dev/null || echo "the table has: $s"
	done >>"$tmp/why"
	# line numbers are the file's: the extracted file has as many lines
	if [ -e "$out/fork.c" ] && [ "$(wc -l <"$out/fork.c")" != "$(wc -l <"$f")" ]; then
		echo "the extracted file has $(wc -l <"$out/fork.c") lines, the fixture $(wc -l <"$f")" >>"$tmp/why"
	fi
	while IFS= read -r why; do
		fail "$f" "$why"
	done <"$tmp/why"
done
if [ "$failed" -ne 0 ]; then
	echo "source fixtures: $failed failure(s)"
	exit 1
fi
echo "source fixtures: $# passed"
