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
. "$(dirname "$0")/../fixtures.sh"

# want HEADER FIXTURE FILE GREP-FLAGS SAYS: each HEADER line of FIXTURE must be in
# FILE (or, with GREP-FLAGS starting "!", must not), else SAYS and the line.
want() {
	header "$1" "$2" | while IFS= read -r s; do
		case $4 in
		!*) ! grep -q"${4#!}" -e "$s" "$3" 2>/dev/null || echo "$5: $s" ;;
		*) grep -q"$4" -e "$s" "$3" 2>/dev/null || echo "$5: $s" ;;
		esac
	done
}

for f in "$@"; do
	name=$(basename "$f" .c)
	out=$tmp/$name
	want=$(header expect-exit "$f")
	rc=0
	"$cf" source "$f" --out "$out" >"$tmp/$name.out" 2>&1 || rc=$?
	[ "$rc" = "$want" ] || fail "$f" "exit status $rc, expected $want: $(head -n 3 "$tmp/$name.out")"
	{
		want expect "$f" "$tmp/$name.out" F "no output line contains"
		want expect-re "$f" "$tmp/$name.out" E "no output line matches"
		want expect-file "$f" "$out/fork.c" F "the extracted file lacks"
		want expect-not-file "$f" "$out/fork.c" '!F' "the extracted file has"
		want expect-table "$f" "$out/table.def" F "the table lacks"
		want expect-not-table "$f" "$out/table.def" '!F' "the table has"
	} >"$tmp/why"
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
