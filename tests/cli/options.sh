#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Every command parses its options alike: help CMD = CMD --help, one-line errors and exit 2 for bad options.
#
# usage: tests/cli/options.sh CLONEFUZZ
set -u
cf=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
fail() {
	echo "options: $*" >&2
	bad=1
}

# One line on stderr, nothing on stdout, exit 2, the command named.
one_line_error() {
	what=$1
	shift
	"$cf" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" = 2 ] || fail "$what: exit $rc, not 2"
	[ "$(wc -l <"$tmp/err")" = 1 ] || fail "$what: $(wc -l <"$tmp/err") lines on stderr, not 1"
	[ ! -s "$tmp/out" ] || fail "$what: wrote to stdout"
	grep -q "^clonefuzz: $1: .* (see 'clonefuzz help $1')\$" "$tmp/err" ||
		fail "$what: '$(cat "$tmp/err")'"
}

cmds=$("$cf" --help | sed -n '/^commands:/,/^$/s/^  \([a-z-]*\).*/\1/p')
[ -n "$cmds" ] || fail "no commands listed by --help"
for c in $cmds; do
	"$cf" help "$c" >"$tmp/help" || fail "help $c: exit $?"
	"$cf" "$c" --help >"$tmp/opt" || fail "$c --help: exit $?"
	"$cf" "$c" -h >"$tmp/short" || fail "$c -h: exit $?"
	grep -q "^usage: clonefuzz $c" "$tmp/help" || fail "help $c: no usage line"
	cmp -s "$tmp/help" "$tmp/opt" || fail "help $c and $c --help differ"
	cmp -s "$tmp/help" "$tmp/short" || fail "help $c and $c -h differ"
	one_line_error "$c --no-such-option" "$c" --no-such-option
	one_line_error "$c --help=x" "$c" --help=x
done

# Each option that takes a value: missing, it is an error; --opt=value and --opt value agree.
for spec in "eval --mutant" "encode --target" "decode --target" "replay --target" \
	"dict --target" "host-diff --count" "bugs --corpus" "sweep --jobs" "ladder --format" \
	"lint --function" "lint --format" "sites --profile" "checks --profile"; do
	set -- $spec
	one_line_error "$1 $2 (no value)" "$1" "$2"
done
"$cf" sites --profile v4.0 >"$tmp/a" || fail "sites --profile v4.0: exit $?"
"$cf" sites --profile=v4.0 >"$tmp/b" || fail "sites --profile=v4.0: exit $?"
cmp -s "$tmp/a" "$tmp/b" || fail "--profile v4.0 and --profile=v4.0 differ"
"$cf" dict --target=fuzz_args >"$tmp/a" && "$cf" dict --target fuzz_args >"$tmp/b" &&
	cmp -s "$tmp/a" "$tmp/b" || fail "dict --target=fuzz_args and --target fuzz_args differ"

# Commands with no operands, and a number out of range.
one_line_error "profiles with an operand" profiles extra
one_line_error "targets with an operand" targets extra
one_line_error "sweep --jobs 0" sweep --jobs 0
one_line_error "host-diff --count x" host-diff --count x
one_line_error "ladder --format png" ladder --format png
one_line_error "lint --format png" lint "$(dirname "$0")/../lint/symmetric.c" --format png
one_line_error "eval without a file" eval
"$cf" >/dev/null 2>&1
[ $? = 2 ] || fail "no command: exit not 2"
"$cf" no-such-command >/dev/null 2>"$tmp/err"
[ $? = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] || fail "unknown command: not one line and exit 2"
[ "$bad" = 0 ] && echo "options: $(echo $cmds | wc -w) commands parse alike"
exit "$bad"
