#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Check the mirror pictures of `clonefuzz ladder --format svg` (every profile) and `clonefuzz lint --format svg` (the fixtures), and that the check rejects broken drawings.
#
# usage: run.sh ladder CLONEFUZZ
#        run.sh lint CLONEFUZZ FIXTURE...
set -euf	# no globbing: a step may read like a pattern

if [ $# -lt 2 ] || { [ "$1" != ladder ] && [ "$1" != lint ]; }; then
	echo "usage: $0 ladder CLONEFUZZ | lint CLONEFUZZ FIXTURE..." >&2
	exit 2
fi
mode=$1
cf=$2
shift 2
check="$(dirname "$0")/check-svg.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
checked=0

fail() {
	echo "FAIL $1"
	failed=$((failed + 1))
}

# must_reject FILE KIND ARGS...: FILE broken one way KIND fails the check
must_reject() {
	f=$1
	kind=$2
	shift 2
	python3 "$check" "$f" --break "$kind" "$tmp/broken.svg"
	if python3 "$check" "$tmp/broken.svg" "$@" >/dev/null; then
		fail "$f broken ($kind) passes the check"
	fi
}

# The gotos the versions' known defects show (their tables' DEFECT_ROW text), as --wrong arguments.
known_wrong() {
	case $1 in
	v2.6.32) echo "--wrong alloc_pid --wrong pid_ns_prepare_proc --wrong ns_cgroup_clone --wrong signal_pending --only-wrong" ;;
	v4.0) echo "--wrong alloc_pid --wrong signal_pending --only-wrong" ;;
	v6.18) echo "--only-wrong" ;;
	esac
}

if [ "$mode" = ladder ]; then
	"$cf" profiles >"$tmp/profiles"
	while read -r p rest; do
		"$cf" ladder --profile "$p" --format svg >"$tmp/$p.svg" || fail "ladder --profile $p --format svg: exit $?"
		# shellcheck disable=SC2046
		python3 "$check" "$tmp/$p.svg" $(known_wrong "$p") || fail "ladder $p"
		checked=$((checked + 1))
	done <"$tmp/profiles"
	must_reject "$tmp/v4.0.svg" level
	must_reject "$tmp/v4.0.svg" unmark $(known_wrong v4.0)
	must_reject "$tmp/v4.0.svg" clip
	must_reject "$tmp/v4.0.svg" order
else
	for f in "$@"; do
		rc=0
		"$cf" lint "$f" --format svg >"$tmp/lint.svg" 2>/dev/null || rc=$?
		[ "$rc" -eq 2 ] && continue	# a file lint cannot follow draws nothing
		# the gotos its expected findings name, by line or by step; a return or an undecided release is no wrong goto
		want=$(grep -v 'not counted' "$f" |
			sed -n -e 's|^/\* expect: :\([0-9]*\): goto .*|--wrong \1|p' \
				-e 's|^/\* expect: goto [A-Za-z_0-9]* when \([^: ]*\)\( fails\)\{0,1\}: .*|--wrong \1|p' |
			tr '\n' ' ')
		# shellcheck disable=SC2086
		python3 "$check" "$tmp/lint.svg" $want --only-wrong || fail "lint $f"
		[ -n "$want" ] && cp "$tmp/lint.svg" "$tmp/wrong.svg" && wrong_args=$want
		checked=$((checked + 1))
	done
	if [ -n "${wrong_args:-}" ]; then
		# shellcheck disable=SC2086
		must_reject "$tmp/wrong.svg" unmark $wrong_args
	fi
fi

if [ "$failed" -ne 0 ]; then
	echo "mirror pictures: $failed failure(s) in $checked"
	exit 1
fi
echo "mirror pictures: $checked checked, every symmetric goto level, the wrong ones marked"
