#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Check `clonefuzz lint` on fixtures: exit status, expected lines and their count (expect-exit, expect, expect-stderr headers), --json and --emit-table.
# usage: run.sh CLONEFUZZ FIXTURE...
set -eu

if [ $# -lt 2 ]; then
	echo "usage: $0 CLONEFUZZ FIXTURE..." >&2
	exit 2
fi
cf=$1
shift
if [ ! -x "$cf" ]; then
	echo "$0: $cf is not an executable" >&2
	exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$(dirname "$0")/../fixtures.sh"
passed=0
table_fixture=
table_want=0

for f in "$@"; do
	ok=1
	if [ ! -r "$f" ]; then
		fail "$f" "cannot read the fixture"
		continue
	fi
	want=$(header expect-exit "$f")
	case $want in
	[0-9] | [0-9][0-9] | [0-9][0-9][0-9]) ;;
	*)
		fail "$f" "no /* expect-exit: N */ header"
		continue
		;;
	esac
	header expect "$f" >"$tmp/expect"
	header expect-stderr "$f" >"$tmp/expect-stderr"

	rc=0
	"$cf" lint "$f" >"$tmp/out" 2>"$tmp/err" || rc=$?
	if [ "$rc" -ne "$want" ]; then
		fail "$f" "exit status $rc, expected $want$(head -n 1 "$tmp/err" | sed 's/^/ (stderr: /; s/$/)/')"
		ok=0
	fi
	while IFS= read -r sub; do
		if ! grep -qF -e "$sub" "$tmp/out"; then
			fail "$f" "no output line contains: $sub"
			ok=0
		fi
	done <"$tmp/expect"
	while IFS= read -r sub; do
		if ! grep -qF -e "$sub" "$tmp/err"; then
			fail "$f" "stderr does not contain: $sub"
			ok=0
		fi
	done <"$tmp/expect-stderr"

	# asymmetry lines are "FIXTURE:LINE: ..."; the summary "FIXTURE: copy_process() at ..." is not one
	nexp=$(wc -l <"$tmp/expect")
	nout=0
	while IFS= read -r line; do
		case $line in
		"$f":[0-9]*)
			nout=$((nout + 1))
			if ! printf '%s\n' "$line" | grep -qF -f "$tmp/expect"; then
				fail "$f" "unexpected line: $line"
				ok=0
			fi
			;;
		esac
	done <"$tmp/out"
	if [ "$nout" -ne "$nexp" ]; then
		fail "$f" "$nout asymmetry lines, expected $nexp"
		ok=0
	fi

	if [ "$want" -ne 2 ]; then
		rc=0
		"$cf" lint "$f" --json >"$tmp/json" 2>"$tmp/err" || rc=$?
		if [ "$rc" -gt 1 ]; then
			fail "$f" "--json: exit status $rc"
			ok=0
		elif ! python3 -m json.tool <"$tmp/json" >/dev/null 2>"$tmp/err"; then
			fail "$f" "--json: not valid JSON: $(tail -n 1 "$tmp/err")"
			ok=0
		fi
		if [ -z "$table_fixture" ] || { [ "$want" -eq 0 ] && [ "$table_want" -ne 0 ]; }; then
			table_fixture=$f
			table_want=$want
		fi
	fi

	if [ "$ok" -eq 1 ]; then
		passed=$((passed + 1))
	fi
done

# --emit-table on the first clean fixture (else the first the lint reads):
# a LABEL_ROW for every label the text output counts.
if [ -n "$table_fixture" ]; then
	rc=0
	"$cf" lint "$table_fixture" --emit-table >"$tmp/table" 2>"$tmp/err" || rc=$?
	nrows=$(grep -c '^LABEL_ROW(' "$tmp/table" || true)
	nlabels=$("$cf" lint "$table_fixture" 2>/dev/null |
		sed -n 's/^.*: [0-9]* gotos, \([0-9]*\) labels,.*$/\1/p') || true
	if [ "$rc" -gt 1 ]; then
		fail "$table_fixture" "--emit-table: exit status $rc"
	elif [ "$nrows" -eq 0 ] || [ "$nrows" != "$nlabels" ]; then
		fail "$table_fixture" "--emit-table: $nrows LABEL_ROW lines for ${nlabels:-?} labels"
	fi
fi

if [ "$failed" -ne 0 ]; then
	echo "lint fixtures: $passed passed, $failed failure(s)"
	exit 1
fi
echo "lint fixtures: $passed passed"
